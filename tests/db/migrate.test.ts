import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { listMigrations, migrate, openDatabase } from "../../src/db/open.ts";
import { DatabaseError } from "../../src/errors.ts";

const tempDb = () => join(mkdtempSync(join(tmpdir(), "rasid-db-")), "test.db");

describe("openDatabase", () => {
  it("creates a WAL database with foreign keys at the latest version", () => {
    const db = openDatabase(tempDb());
    const latest = listMigrations().at(-1)?.version;
    expect(db.pragma("user_version", { simple: true })).toBe(latest);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  });

  it("refuses a database newer than the code, without touching it", () => {
    const path = tempDb();
    const raw = new Database(path);
    raw.exec("CREATE TABLE future (x)");
    raw.pragma("user_version = 9999");
    raw.close();
    expect(() => openDatabase(path)).toThrowError(/schema version 9999/);
    const again = new Database(path);
    expect(again.pragma("user_version", { simple: true })).toBe(9999);
    again.close();
  });

  it("upgrades each older version and keeps its rows", () => {
    const migrations = listMigrations();
    for (const older of migrations.slice(0, -1)) {
      const path = tempDb();
      const db = new Database(path);
      migrate(
        db,
        migrations.filter((m) => m.version <= older.version),
      );
      db.prepare(
        `INSERT INTO articles (key, url, content_hash, title, raw_text, clean_text, lang, fetched_at)
         VALUES ('a1', 'https://x.example/1', 'h1', 't', 'r', 'c', 'ar', '2024-01-01T00:00:00Z')`,
      ).run();
      db.prepare(
        "INSERT INTO sources (url, name, created_at) VALUES ('https://x.example/feed', 'X', 'now')",
      ).run();
      db.close();

      const upgraded = openDatabase(path);
      expect(upgraded.pragma("user_version", { simple: true })).toBe(migrations.at(-1)?.version);
      expect(upgraded.prepare("SELECT key FROM articles").all()).toEqual([{ key: "a1" }]);
      expect(upgraded.prepare("SELECT name FROM sources").all()).toEqual([{ name: "X" }]);
      upgraded.close();
    }
  });

  it("rolls back a failing migration and reports the version it stayed at", () => {
    const db = new Database(":memory:");
    const broken = [
      { version: 1, name: "ok", sql: "CREATE TABLE a (x)" },
      { version: 2, name: "broken", sql: "CREATE TABLE b (y); INSERT INTO nowhere VALUES (1);" },
    ];
    expect(() => migrate(db, broken)).toThrowError(DatabaseError);
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });
});
