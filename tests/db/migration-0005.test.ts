import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { listMigrations, migrate, openDatabase } from "../../src/db/open.ts";
import { findEvents } from "../../src/events/event-store.ts";

const STAMP = "2024-06-19T00:00:00Z";

// The shapes of findEvents (src/events/event-store.ts) for a person and kinds, and of the merge lookup.
const BY_PERSON_AND_TYPE = `SELECT e.id FROM events e
  WHERE e.id IN (SELECT event_id FROM event_participants WHERE entity_id = ?) AND e.type IN (?, ?)
  ORDER BY e.date_sort DESC, e.id`;
const MERGE_LOOKUP = "SELECT id FROM events WHERE type = ? AND participants_key = ? ORDER BY date_sort DESC";

function planOf(db: Database.Database, sql: string, params: string[]): string {
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => (row as { detail: string }).detail)
    .join("\n");
}

describe("migration 0005 (merge key led by the participants)", () => {
  it("upgrades the version before it, keeps its events, and looks events up by participant, not by type", () => {
    const path = join(mkdtempSync(join(tmpdir(), "rasid-db-")), "test.db");
    const before = new Database(path);
    migrate(
      before,
      listMigrations().filter((m) => m.version < 5),
    );
    before
      .prepare("INSERT INTO entities (id, kind, name_en, name_ar) VALUES (?, 'person', ?, ?)")
      .run("vladimir-putin", "Vladimir Putin", "فلاديمير بوتين");
    before
      .prepare(
        `INSERT INTO events (id, type, participants_key, date, precision, date_start, date_end, date_sort, evidence,
           created_at, updated_at)
         VALUES ('ev_1', 'meeting', 'kim-jong-un,vladimir-putin', '2024-06-19', 'day', '2024-06-19', '2024-06-19',
           '2024-06-19', 'التقى بوتين كيم جونغ أون في بيونغ يانغ', ?, ?)`,
      )
      .run(STAMP, STAMP);
    before
      .prepare("INSERT INTO event_participants (event_id, entity_id, position) VALUES ('ev_1', ?, 0)")
      .run("vladimir-putin");
    before.close();

    const db = openDatabase(path);
    expect(db.pragma("user_version", { simple: true })).toBeGreaterThanOrEqual(5);
    expect(
      findEvents(db, { entityIds: ["vladimir-putin"], types: ["meeting", "visit"] }).map((e) => e.id),
    ).toEqual(["ev_1"]);
    const byPerson = planOf(db, BY_PERSON_AND_TYPE, ["vladimir-putin", "meeting", "visit"]);
    expect(byPerson).toContain("event_participants_entity (entity_id=?)");
    expect(byPerson).not.toContain("(type=?)");
    expect(planOf(db, MERGE_LOOKUP, ["meeting", "kim-jong-un,vladimir-putin"])).toContain(
      "USING INDEX events_merge_key (participants_key=? AND type=?)",
    );
    db.close();
  });
});
