import { searchArticles } from "../articles/search.ts";
import type { Db } from "../db/open.ts";
import { findEvents } from "../events/event-store.ts";
import type { Gazetteer } from "../extraction/gazetteer.ts";
import { loadSharedGazetteer } from "../extraction/shared-gazetteer.ts";
import { normalizeArabic } from "../text/normalize.ts";
import type { AnswerDeps } from "./answer-question.ts";
import { createQuestionDirectory, type DiscoveredEntity } from "./question-directory.ts";

const MIN_SURNAME = 4;

/**
 * The newest events one lookup reads. An answer shows ten; reading every event of a much-reported person
 * (thousands, in a large archive) would make answering slow for nothing the reader sees.
 */
const EVENTS_READ = 300;

/**
 * The answer's dependencies over one database: events by index (findEvents), full-text search, and the
 * discovered people and places. Those are few next to events and stored under their written names, so they
 * are read once into a map by normalized name, and read again only when their number changes.
 */
export function createAnswerDeps(db: Db, gazetteer: Gazetteer): AnswerDeps {
  const countDiscovered = db.prepare("SELECT COUNT(*) AS n FROM entities WHERE discovered = 1");
  const listDiscovered = db.prepare(
    `SELECT e.id, e.kind, e.name_en, e.name_ar,
            (SELECT COUNT(*) FROM event_participants p WHERE p.entity_id = e.id) AS events
       FROM entities e WHERE e.discovered = 1`,
  );
  const listAliases = db.prepare(
    `SELECT a.alias, a.entity_id AS id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
      WHERE e.discovered = 1`,
  );
  let indexed = -1;
  let byName = new Map<string, DiscoveredEntity[]>();
  let bySurname = new Map<string, DiscoveredEntity[]>();
  const refresh = (): void => {
    const { n } = countDiscovered.get() as { n: number };
    if (n === indexed) return;
    const entities = new Map<string, DiscoveredEntity>();
    for (const row of listDiscovered.all() as Omit<DiscoveredEntity, "aliases">[])
      entities.set(row.id, { ...row, aliases: [] });
    for (const { alias, id } of listAliases.all() as { alias: string; id: string }[])
      entities.get(id)?.aliases.push(alias);
    byName = new Map();
    bySurname = new Map();
    const add = (map: Map<string, DiscoveredEntity[]>, key: string, entity: DiscoveredEntity): void => {
      map.set(key, [...(map.get(key) ?? []), entity]);
    };
    for (const entity of entities.values()) {
      const names = new Set([entity.name_ar, entity.name_en ?? "", ...entity.aliases].map(normalizeArabic));
      for (const name of names) if (name) add(byName, name, entity);
      // The last word of a person's name, when long enough not to be a common word.
      const last = normalizeArabic(entity.name_ar).split(" ").at(-1) ?? "";
      if (entity.kind === "person" && names.size > 0 && last.length >= MIN_SURNAME && !names.has(last))
        add(bySurname, last, entity);
    }
    indexed = n;
  };
  const directory = createQuestionDirectory(gazetteer, (alias) => {
    const full = byName.get(alias);
    if (full) return full.map((entity) => ({ entity, partial: false }));
    return (bySurname.get(alias) ?? []).map((entity) => ({ entity, partial: true }));
  });
  return {
    get directory() {
      refresh();
      return directory;
    },
    findEvents: (filter) =>
      findEvents(db, { ...filter, limit: Math.min(filter.limit ?? EVENTS_READ, EVENTS_READ) }),
    searchArticles: (query, limit) => searchArticles(db, query, limit),
  };
}

/** A store to answer from: ready dependencies, or a database (with the gazetteer, else the shipped one). */
export type AnswerSource = AnswerDeps | { db: Db; gazetteer?: Gazetteer };

const depsByDb = new WeakMap<Db, AnswerDeps>();

/** The dependencies for a source, built once per database so statements are prepared once. */
export function resolveAnswerDeps(source: AnswerSource): AnswerDeps {
  if ("findEvents" in source) return source;
  let deps = depsByDb.get(source.db);
  if (!deps) {
    deps = createAnswerDeps(source.db, source.gazetteer ?? loadSharedGazetteer());
    depsByDb.set(source.db, deps);
  }
  return deps;
}
