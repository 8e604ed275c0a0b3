import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, openDatabase } from "../../src/db/open.ts";
import { type Chat, type ChatType, ensureChat } from "../../src/notifications/chat-store.ts";

/** A fresh database file with every migration applied (a file, so a test can close and re-open it). */
export function createTestDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), "rasid-notify-")), "test.db");
}

export function openTestDb(path = ":memory:"): Db {
  return openDatabase(path);
}

export const DEFAULTS = { lang: "ar", timezone: "Asia/Riyadh", digestTime: "08:00" } as const;

export function addChat(
  db: Db,
  id: number,
  options: { type?: ChatType; lang?: "ar" | "en"; timezone?: string; digestTime?: string; at?: string } = {},
): Chat {
  return ensureChat(
    db,
    { id, type: options.type ?? "private", title: `chat ${id}` },
    {
      lang: options.lang ?? DEFAULTS.lang,
      timezone: options.timezone ?? DEFAULTS.timezone,
      digestTime: options.digestTime ?? DEFAULTS.digestTime,
    },
    new Date(options.at ?? "2025-07-01T00:00:00Z"),
  );
}
