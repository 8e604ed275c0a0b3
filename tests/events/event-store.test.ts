import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/open.ts";
import { createEngine } from "../../src/engine.ts";
import { eventsOfArticle, findEvents, getEvent, storeArticleEvents } from "../../src/events/event-store.ts";
import type { ExtractedEntity, ExtractedEvent } from "../../src/events/extracted-event.ts";

const CORPUS = join(import.meta.dirname, "..", "..", "data", "corpus");

const person = (id: string, nameAr: string): ExtractedEntity => ({
  id,
  kind: "person",
  nameEn: id,
  nameAr,
  discovered: false,
});
const KIM = person("kim-jong-un", "كيم جونغ أون");
const PUTIN = person("vladimir-putin", "فلاديمير بوتين");
const LAVROV = person("sergei-lavrov", "سيرغي لافروف");
const PYONGYANG: ExtractedEntity = {
  id: "pyongyang",
  kind: "place",
  nameEn: "Pyongyang",
  nameAr: "بيونغ يانغ",
  discovered: false,
};

function meeting(partial: Partial<ExtractedEvent> = {}): ExtractedEvent {
  return {
    type: "meeting",
    participants: [KIM, PUTIN],
    date: "2024-06",
    precision: "month",
    dateSource: "explicit",
    place: null,
    placePath: [],
    evidence: "قمة بيونغ يانغ في حزيران",
    ...partial,
  };
}

function addArticle(db: Db, key: string, published: string): { id: number } {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO articles (key, url, content_hash, title, raw_text, clean_text, lang, published, published_utc, fetched_at)
       VALUES (?, ?, ?, '', '', '', 'ar', ?, ?, ?)`,
    )
    .run(key, `https://example.org/${key}`, key, published, published, published);
  return { id: Number(lastInsertRowid) };
}

describe("the event store", () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(join(mkdtempSync(join(tmpdir(), "rasid-events-")), "events.db"));
  });

  it("merges two articles' reports of one summit, keeping its id, the precise date and the place", () => {
    const a = addArticle(db, "a1", "2024-11-30T12:00:00+02:00");
    const b = addArticle(db, "a2", "2024-06-19T16:00:00+03:00");
    const [first] = storeArticleEvents(db, a, [meeting()]);
    const [second] = storeArticleEvents(db, b, [
      meeting({
        date: "2024-06-19",
        precision: "day",
        place: PYONGYANG,
        placePath: ["pyongyang", "KP"],
        evidence: "اليوم",
      }),
    ]);
    expect(second).toBe(first);
    const event = getEvent(db, first as string);
    expect(event).toMatchObject({ date: "2024-06-19", precision: "day", place: { id: "pyongyang" } });
    expect(event?.articles.map((x) => x.id)).toEqual(["a2", "a1"]);
    expect(event?.evidence).toBe("قمة بيونغ يانغ في حزيران");
  });

  it("keeps apart events of other people, types or times", () => {
    const a = addArticle(db, "a1", "2024-06-19T16:00:00+03:00");
    storeArticleEvents(db, a, [
      meeting(),
      meeting({ participants: [KIM, LAVROV] }),
      meeting({ type: "planned" }),
      meeting({ date: "2023-09-13", precision: "day" }),
    ]);
    expect(findEvents(db)).toHaveLength(4);
  });

  it("filters by entity, place (and the places inside it), type and overlapping dates, newest first", () => {
    const a = addArticle(db, "a1", "2024-06-19T16:00:00+03:00");
    storeArticleEvents(db, a, [
      meeting({ date: "2024-06-19", precision: "day", place: PYONGYANG, placePath: ["pyongyang", "KP"] }),
      meeting({ participants: [KIM, LAVROV], date: "2023-10-19", precision: "day" }),
      {
        ...meeting({ participants: [PUTIN], date: "2000-07", precision: "month" }),
        type: "visit",
        placePath: ["KP"],
      },
    ]);
    const dates = (filter: Parameters<typeof findEvents>[1]) => findEvents(db, filter).map((e) => e.date);
    expect(dates({})).toEqual(["2024-06-19", "2023-10-19", "2000-07"]);
    expect(dates({ entityIds: ["kim-jong-un"] })).toEqual(["2024-06-19", "2023-10-19"]);
    expect(dates({ entityIds: ["kim-jong-un", "sergei-lavrov"] })).toEqual(["2023-10-19"]);
    expect(dates({ placeId: "KP" })).toEqual(["2024-06-19", "2000-07"]);
    expect(dates({ types: ["visit"] })).toEqual(["2000-07"]);
    expect(dates({ from: "2000-07-15", to: "2000-07-20" })).toEqual(["2000-07"]);
    expect(dates({ from: "2023-01-01", limit: 1 })).toEqual(["2024-06-19"]);
    expect(eventsOfArticle(db, "a1")).toHaveLength(3);
    expect(getEvent(db, "ev_missing")).toBeNull();
  });

  it("extracts on import, and importing again adds no article and no event", () => {
    const engine = createEngine(db);
    engine.importPaths([CORPUS]);
    const first = findEvents(db);
    expect(first.length).toBeGreaterThan(5);
    const again = engine.importPaths([CORPUS]);
    expect(again.added).toBe(0);
    expect(findEvents(db)).toEqual(first);
    // The same articles in a second database give the same ids: alerts keyed by event id survive a rebuild.
    const other = openDatabase(join(mkdtempSync(join(tmpdir(), "rasid-events-")), "other.db"));
    createEngine(other).importPaths([CORPUS]);
    expect(findEvents(other).map((e) => e.id)).toEqual(first.map((e) => e.id));
  });
});
