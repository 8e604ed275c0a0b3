import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { listMigrations, migrate, openDatabase } from "../../src/db/open.ts";
import { createTestDbPath } from "./notification-db.ts";

const AT = "2025-07-01T00:00:00Z";

describe("migration 0003 (chats, subscriptions, outbox)", () => {
  it("upgrades the version before it and keeps its rows", () => {
    const path = createTestDbPath();
    const before = new Database(path);
    migrate(
      before,
      listMigrations().filter((m) => m.version < 3),
    );
    before
      .prepare(
        `INSERT INTO articles (key, url, content_hash, title, raw_text, clean_text, lang, fetched_at)
         VALUES ('a1', 'https://x.example/1', 'h1', 'عنوان', 'نص', 'نص', 'ar', ?)`,
      )
      .run(AT);
    before.close();

    const db = openDatabase(path);
    expect(db.pragma("user_version", { simple: true })).toBeGreaterThanOrEqual(3);
    expect(db.prepare("SELECT key FROM articles").all()).toEqual([{ key: "a1" }]);
    for (const table of ["chats", "subscriptions", "outbox"]) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    db.close();
  });

  it("enforces one subscription per chat and target, one message per dedupe key, and cascades", () => {
    const db = openDatabase(":memory:");
    db.prepare(
      "INSERT INTO chats (id, timezone, digest_time, created_at) VALUES (-100, 'Asia/Riyadh', '08:00', ?)",
    ).run(AT);
    const subscribe = db.prepare(
      "INSERT INTO subscriptions (chat_id, target_kind, target, label, created_at) VALUES (-100, 'entity', 'kim-jong-un', 'كيم', ?)",
    );
    subscribe.run(AT);
    expect(() => subscribe.run(AT)).toThrow(/UNIQUE/);
    const queue = db.prepare(
      "INSERT INTO outbox (chat_id, kind, payload, dedupe_key, next_attempt_at, created_at) VALUES (-100, 'alert', ?, 'alert:-100:ev1', ?, ?)",
    );
    queue.run('{"type":"event","eventId":"ev1"}', AT, AT);
    expect(() => queue.run('{"type":"event","eventId":"ev1"}', AT, AT)).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO outbox (chat_id, kind, payload, dedupe_key, next_attempt_at, created_at) VALUES (-100, 'alert', 'not json', 'x', ?, ?)",
        )
        .run(AT, AT),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE chats SET digest_time = '8 am' WHERE id = -100").run()).toThrow(/CHECK/);

    db.prepare("UPDATE chats SET id = -1001 WHERE id = -100").run();
    expect(db.prepare("SELECT chat_id FROM subscriptions").all()).toEqual([{ chat_id: -1001 }]);
    expect(db.prepare("SELECT chat_id FROM outbox").all()).toEqual([{ chat_id: -1001 }]);
    db.prepare("DELETE FROM chats WHERE id = -1001").run();
    expect(db.prepare("SELECT count(*) AS n FROM subscriptions").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM outbox").get()).toEqual({ n: 0 });
    db.close();
  });
});
