import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { listMigrations, migrate, openDatabase } from "../../src/db/open.ts";

// The digest's window query (src/notifications/collect-digest.ts), as its plan shows it.
const WINDOW_QUERY = `SELECT key FROM articles
  WHERE fetched_at > ? AND fetched_at <= ? AND coalesce(published_utc, fetched_at) >= ?
  ORDER BY coalesce(published_utc, fetched_at) DESC, id DESC LIMIT 1000`;

describe("migration 0004 (articles by fetch time)", () => {
  it("upgrades the version before it, keeps its rows, and the digest window reads the index", () => {
    const path = join(mkdtempSync(join(tmpdir(), "rasid-db-")), "test.db");
    const before = new Database(path);
    migrate(
      before,
      listMigrations().filter((m) => m.version < 4),
    );
    const insert = before.prepare(
      `INSERT INTO articles (key, url, content_hash, title, raw_text, clean_text, lang, fetched_at)
       VALUES (?, ?, ?, 'عنوان', 'نص', 'نص', 'ar', ?)`,
    );
    insert.run("a1", "https://x.example/1", "h1", "2025-07-01T08:00:00Z");
    insert.run("a2", "https://x.example/2", "h2", "2025-07-02T08:00:00Z");
    before.close();

    const db = openDatabase(path);
    expect(db.pragma("user_version", { simple: true })).toBeGreaterThanOrEqual(4);
    const window = ["2025-07-02T00:00:00Z", "2025-07-03T00:00:00Z", "2025-06-29T00:00:00Z"];
    expect(
      db
        .prepare(WINDOW_QUERY)
        .pluck()
        .all(...window),
    ).toEqual(["a2"]);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${WINDOW_QUERY}`)
      .all(...window)
      .map((row) => (row as { detail: string }).detail);
    expect(plan.join("\n")).toContain("USING INDEX articles_fetched");
    db.close();
  });
});
