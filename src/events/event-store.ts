import { createHash } from "node:crypto";
import type { StoredArticle } from "../articles/ingest.ts";
import type { Db } from "../db/open.ts";
import { prepareCached } from "../db/prepared.ts";
import { normalizeArabic } from "../text/normalize.ts";
import type {
  DatePrecision,
  EntityRef,
  EventArticleRef,
  EventFilter,
  EventRecord,
  EventType,
} from "./event-types.ts";
import type { DateSource, ExtractedEntity, ExtractedEvent } from "./extracted-event.ts";
import {
  areDatesCompatible,
  arePlacesCompatible,
  arePlansClose,
  type DatedPlace,
  isBetterDate,
  isBetterPlace,
  MAX_PLAN_GAP_DAYS,
  participantsKey,
} from "./merge-events.ts";

/**
 * The event store: merges each article's events with those already stored, and reads them back in the
 * shape of CONTRACT.md. An event keeps the id it was created with, so alerts keyed by event id stay valid
 * when later articles add to it.
 */

interface EventRow {
  id: string;
  type: EventType;
  date: string | null;
  precision: DatePrecision | null;
  date_source: DateSource | null;
  place_id: string | null;
  evidence: string;
}

/** Stores the events of one article, merging each with a stored event of the same happening. */
export function storeArticleEvents(
  db: Db,
  article: Pick<StoredArticle, "id">,
  events: ExtractedEvent[],
  now: () => Date = () => new Date(),
): string[] {
  const ids: string[] = [];
  const store = db.transaction(() => {
    for (const event of events) ids.push(storeEvent(db, article.id, event, now().toISOString()));
  });
  store();
  return [...new Set(ids)];
}

function storeEvent(db: Db, articleId: number, event: ExtractedEvent, stamp: string): string {
  for (const entity of event.participants) upsertEntity(db, entity);
  if (event.place) upsertEntity(db, event.place);
  const key = participantsKey(event);
  const target = findMergeTarget(db, event, key);
  const id = target ? target.id : insertEvent(db, event, key, stamp);
  if (target) updateEvent(db, target, event, stamp);
  statement(
    db,
    `INSERT INTO event_articles (event_id, article_id, evidence, date, precision) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (event_id, article_id) DO NOTHING`,
  ).run(id, articleId, event.evidence, event.date, event.precision);
  return id;
}

function findMergeTarget(db: Db, event: ExtractedEvent, key: string): (EventRow & DatedPlace) | undefined {
  // Only events whose dates come within the merge window of this one can be the same happening.
  const [from, to] = event.date ? dateRange(event.date) : [null, null];
  const window = event.type === "planned" ? MAX_PLAN_GAP_DAYS : MERGE_WINDOW_DAYS;
  const rows = statement(
    db,
    `SELECT id, type, date, precision, date_source, place_id, evidence FROM events
      WHERE type = ? AND participants_key = ?
        AND (? IS NULL OR date_start IS NULL OR (date_start <= ? AND date_end >= ?))
      ORDER BY date_sort DESC`,
  ).all(event.type, key, from, shiftDay(to, window), shiftDay(from, -window)) as EventRow[];
  const candidates = rows.map((row) => ({ ...row, ...datedPlaceOf(db, row) }));
  const compatible = candidates.filter(
    (c) =>
      (areDatesCompatible(c, event, false) || (event.type === "planned" && arePlansClose(c, event))) &&
      arePlacesCompatible(c, event),
  );
  // The closest in time wins when a vague date ("2019") fits several stored events.
  return compatible.sort((a, b) => dateDistance(a, event) - dateDistance(b, event))[0];
}

const MERGE_WINDOW_DAYS = 2;

function shiftDay(day: string | null, days: number): string | null {
  if (!day) return null;
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Statements are prepared once per database: extraction stores thousands of events per import. */
const statement = prepareCached;

function datedPlaceOf(db: Db, row: EventRow): DatedPlace {
  const path = statement(db, "SELECT place_id FROM event_places WHERE event_id = ? ORDER BY depth")
    .pluck()
    .all(row.id) as string[];
  return {
    date: row.date,
    precision: row.precision,
    dateSource: row.date_source ?? "default",
    placePath: path,
  };
}

function dateDistance(a: DatedPlace, b: DatedPlace): number {
  if (!a.date || !b.date) return Number.MAX_SAFE_INTEGER;
  return Math.abs(Date.parse(dateRange(a.date)[0]) - Date.parse(dateRange(b.date)[0]));
}

function insertEvent(db: Db, event: ExtractedEvent, key: string, stamp: string): string {
  const id = chooseEventId(db, event, key);
  const [start, end] = event.date ? dateRange(event.date) : [null, null];
  statement(
    db,
    `INSERT INTO events (id, type, participants_key, date, precision, date_source, date_start, date_end,
       date_sort, place_id, evidence, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    event.type,
    key,
    event.date,
    event.precision,
    event.dateSource,
    start,
    end,
    start ?? "",
    event.place?.id ?? null,
    event.evidence,
    stamp,
    stamp,
  );
  const addParticipant = statement(
    db,
    "INSERT INTO event_participants (event_id, entity_id, position) VALUES (?, ?, ?)",
  );
  for (const [i, p] of event.participants.entries()) addParticipant.run(id, p.id, i);
  writePlacePath(db, id, event.placePath);
  return id;
}

/**
 * "ev_" and a short hash of type, participants and month: the same happening gets the same id whichever
 * article reports it first. A second event of the same people in the same month takes its full date.
 */
function chooseEventId(db: Db, event: ExtractedEvent, key: string): string {
  const exists = statement(db, "SELECT 1 FROM events WHERE id = ?").pluck();
  const seeds = [event.date?.slice(0, 7) ?? "undated", event.date ?? "undated"];
  for (let n = 0; ; n++) {
    const seed = `${event.type}|${key}|${seeds[Math.min(n, 1)]}${n > 1 ? `|${n}` : ""}`;
    const id = `ev_${createHash("sha256").update(seed).digest("hex").slice(0, 12)}`;
    if (!exists.get(id)) return id;
  }
}

function updateEvent(db: Db, stored: EventRow & DatedPlace, event: ExtractedEvent, stamp: string): void {
  if (isBetterDate(stored, event) && event.date) {
    const [start, end] = dateRange(event.date);
    statement(
      db,
      `UPDATE events SET date = ?, precision = ?, date_source = ?, date_start = ?, date_end = ?, date_sort = ?
        WHERE id = ?`,
    ).run(event.date, event.precision, event.dateSource, start, end, start, stored.id);
  }
  if (isBetterPlace(stored, event) && event.place) {
    statement(db, "UPDATE events SET place_id = ? WHERE id = ?").run(event.place.id, stored.id);
    statement(db, "DELETE FROM event_places WHERE event_id = ?").run(stored.id);
    writePlacePath(db, stored.id, event.placePath);
  }
  statement(db, "UPDATE events SET updated_at = ? WHERE id = ?").run(stamp, stored.id);
}

function writePlacePath(db: Db, eventId: string, path: string[]): void {
  const add = statement(
    db,
    "INSERT OR IGNORE INTO event_places (event_id, place_id, depth) VALUES (?, ?, ?)",
  );
  for (const [depth, placeId] of path.entries()) add.run(eventId, placeId, depth);
}

function upsertEntity(db: Db, entity: ExtractedEntity): void {
  statement(
    db,
    `INSERT INTO entities (id, kind, name_en, name_ar, discovered) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  ).run(entity.id, entity.kind, entity.nameEn, entity.nameAr, entity.discovered ? 1 : 0);
  if (entity.discovered) {
    statement(db, "INSERT OR IGNORE INTO entity_aliases (alias, entity_id) VALUES (?, ?)").run(
      normalizeArabic(entity.nameAr),
      entity.id,
    );
  }
}

/** The first and last day a date covers: 2024-06 → 2024-06-01 … 2024-06-30. */
export function dateRange(date: string): [string, string] {
  if (date.length === 10) return [date, date];
  if (date.length === 7) {
    const [year, month] = date.split("-").map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, "0")}`];
  }
  return [`${date}-01-01`, `${date}-12-31`];
}

/** Events matching every field of the filter, newest first. */
export function findEvents(db: Db, filter: EventFilter = {}): EventRecord[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  // The rarest key drives the query (CROSS JOIN keeps SQLite from reordering): one entity's or one
  // place's events come from their index and are sorted, instead of walking every event by date.
  const [driver, ...others] = [...new Set(filter.entityIds ?? [])];
  let from = "events e";
  if (driver) {
    from = "event_participants d CROSS JOIN events e ON e.id = d.event_id";
    where.push("d.entity_id = ?");
    params.push(driver);
  } else if (filter.placeId) {
    from = "event_places d CROSS JOIN events e ON e.id = d.event_id";
    where.push("d.place_id = ?");
    params.push(filter.placeId);
  }
  for (const entityId of others) {
    where.push("e.id IN (SELECT event_id FROM event_participants WHERE entity_id = ?)");
    params.push(entityId);
  }
  if (filter.placeId && driver) {
    where.push("e.id IN (SELECT event_id FROM event_places WHERE place_id = ?)");
    params.push(filter.placeId);
  }
  if (filter.types && filter.types.length > 0) {
    // "+" keeps SQLite from driving by the type index: walking events by date finds the newest of a
    // type sooner than sorting every event of that type.
    where.push(`+e.type IN (${filter.types.map(() => "?").join(", ")})`);
    params.push(...filter.types);
  }
  if (filter.from) {
    where.push("e.date_end >= ?");
    params.push(filter.from);
  }
  if (filter.to) {
    // date_sort is date_start: the bound also narrows the walk along its index.
    where.push("e.date_start <= ? AND e.date_sort <= ?");
    params.push(filter.to, filter.to);
  }
  const limit = filter.limit !== undefined ? " LIMIT ?" : "";
  if (filter.limit !== undefined) params.push(filter.limit);
  // Built only from fixed fragments; every value is a bound parameter.
  const sql = `SELECT e.id, e.type, e.date, e.precision, e.date_source, e.place_id, e.evidence FROM ${from}
    ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY e.date_sort DESC, e.id${limit}`;
  return hydrateEvents(db, statement(db, sql).all(...params) as EventRow[]);
}

export function getEvent(db: Db, id: string): EventRecord | null {
  const row = statement(
    db,
    "SELECT id, type, date, precision, date_source, place_id, evidence FROM events WHERE id = ?",
  ).get(id) as EventRow | undefined;
  return row ? (hydrateEvents(db, [row])[0] ?? null) : null;
}

/** The events an article reports (by its public key, e.g. "a03"), newest first. */
export function eventsOfArticle(db: Db, articleKey: string): EventRecord[] {
  const rows = statement(
    db,
    `SELECT e.id, e.type, e.date, e.precision, e.date_source, e.place_id, e.evidence
         FROM event_articles ea JOIN articles a ON a.id = ea.article_id JOIN events e ON e.id = ea.event_id
        WHERE a.key = ? ORDER BY e.date_sort DESC, e.id`,
  ).all(articleKey) as EventRow[];
  return hydrateEvents(db, rows);
}

/**
 * Full records for a list of event rows, in the rows' order: three queries for the whole list (ids passed
 * as one JSON array), not three per event — a popular person's answer may load thousands of events.
 */
function hydrateEvents(db: Db, rows: EventRow[]): EventRecord[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((row) => row.id));
  const placeIds = JSON.stringify([...new Set(rows.flatMap((row) => (row.place_id ? [row.place_id] : [])))]);
  const participants = groupBy(
    statement(
      db,
      `SELECT p.event_id, en.id, en.name_en, en.name_ar
         FROM event_participants p JOIN entities en ON en.id = p.entity_id
        WHERE p.event_id IN (SELECT value FROM json_each(?)) ORDER BY p.event_id, p.position`,
    ).all(ids) as (EntityRef & { event_id: string })[],
  );
  const articles = groupBy(
    statement(
      db,
      `SELECT ea.event_id, a.key AS id, a.url, a.published, a.title, a.source_name AS source
         FROM event_articles ea JOIN articles a ON a.id = ea.article_id
        WHERE ea.event_id IN (SELECT value FROM json_each(?)) ORDER BY ea.event_id, a.published_utc, a.id`,
    ).all(ids) as (EventArticleRef & { event_id: string })[],
  );
  const places = new Map(
    (
      statement(
        db,
        "SELECT id, name_en, name_ar FROM entities WHERE id IN (SELECT value FROM json_each(?))",
      ).all(placeIds) as EntityRef[]
    ).map((place) => [place.id, place]),
  );
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    participants: participants.get(row.id) ?? [],
    date: row.date,
    precision: row.precision,
    place: row.place_id ? (places.get(row.place_id) ?? null) : null,
    articles: articles.get(row.id) ?? [],
    evidence: row.evidence,
  }));
}

/** Rows keyed by their event id, without that column. */
function groupBy<T extends { event_id: string }>(rows: T[]): Map<string, Omit<T, "event_id">[]> {
  const groups = new Map<string, Omit<T, "event_id">[]>();
  for (const { event_id, ...rest } of rows) {
    const group = groups.get(event_id);
    if (group) group.push(rest);
    else groups.set(event_id, [rest]);
  }
  return groups;
}
