import { z } from "zod";
import type { Db } from "../db/open.ts";
import { prepareCached } from "../db/prepared.ts";
import { InputError } from "../errors.ts";
import { normalizeArabic } from "../text/normalize.ts";

export type ChatLang = "ar" | "en";
export type ChatType = "private" | "group" | "supergroup" | "channel";

export interface Chat {
  id: number;
  type: ChatType;
  title: string | null;
  lang: ChatLang;
  timezone: string;
  /** HH:MM in the chat's time zone. */
  digestTime: string;
  digestWhenEmpty: boolean;
  active: boolean;
  createdAt: string;
  lastDigestAt: string | null;
}

/** Settings a new chat starts with (from the config: DEFAULT_LANGUAGE, DEFAULT_TIMEZONE, DIGEST_TIME). */
export interface ChatDefaults {
  lang: ChatLang;
  timezone: string;
  digestTime: string;
}

interface ChatRow {
  id: number;
  type: ChatType;
  title: string | null;
  lang: ChatLang;
  timezone: string;
  digest_time: string;
  digest_when_empty: number;
  active: number;
  created_at: string;
  last_digest_at: string | null;
}

export function toChat(row: ChatRow): Chat {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    lang: row.lang,
    timezone: row.timezone,
    digestTime: row.digest_time,
    digestWhenEmpty: row.digest_when_empty === 1,
    active: row.active === 1,
    createdAt: row.created_at,
    lastDigestAt: row.last_digest_at,
  };
}

/**
 * Records the chat an update came from, or refreshes its title and type. Any update from a chat means
 * Telegram lets the bot talk to it again, so a chat marked inactive after a 403 becomes active.
 */
export function ensureChat(
  db: Db,
  chat: { id: number; type: ChatType; title?: string | null },
  defaults: ChatDefaults,
  now: Date,
): Chat {
  const row = prepareCached(
    db,
    `INSERT INTO chats (id, type, title, lang, timezone, digest_time, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET type = excluded.type, title = excluded.title, active = 1
       RETURNING *`,
  ).get(
    chat.id,
    chat.type,
    chat.title ?? null,
    defaults.lang,
    defaults.timezone,
    defaults.digestTime,
    now.toISOString(),
  ) as ChatRow;
  return toChat(row);
}

export function getChat(db: Db, id: number): Chat | null {
  const row = prepareCached(db, "SELECT * FROM chats WHERE id = ?").get(id) as ChatRow | undefined;
  return row ? toChat(row) : null;
}

/** An IANA zone name in its canonical spelling (asia/riyadh → Asia/Riyadh), or undefined. */
function canonicalTimeZone(input: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: input.trim() }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const settingsSchema = z
  .object({
    lang: z.enum(["ar", "en"], { message: "Language must be ar or en." }),
    timezone: z.string().transform((input, ctx) => {
      const zone = canonicalTimeZone(input);
      if (zone) return zone;
      ctx.addIssue({
        code: "custom",
        message: `${JSON.stringify(input)} is not a time zone name; use one like Asia/Riyadh, Europe/Moscow or UTC.`,
      });
      return z.NEVER;
    }),
    // normalizeArabic folds Arabic-Indic digits, so ٨:٣٠ reads as 8:30.
    digestTime: z
      .string()
      .transform((s) => normalizeArabic(s))
      .pipe(
        z
          .string()
          .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "The digest time must be HH:MM in 24-hour time, e.g. 08:00."),
      )
      .transform((s) => s.padStart(5, "0")),
    digestWhenEmpty: z.boolean(),
  })
  .partial()
  .strict();

export type ChatSettings = z.input<typeof settingsSchema>;

/** Changes a chat's settings; an invalid value throws an InputError that says what to type instead. */
export function updateChatSettings(db: Db, chatId: number, settings: ChatSettings): Chat {
  const parsed = settingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new InputError("bad_setting", parsed.error.issues.map((issue) => issue.message).join(" "));
  }
  const s = parsed.data;
  const row = prepareCached(
    db,
    `UPDATE chats SET
         lang = coalesce(?, lang),
         timezone = coalesce(?, timezone),
         digest_time = coalesce(?, digest_time),
         digest_when_empty = coalesce(?, digest_when_empty)
       WHERE id = ?
       RETURNING *`,
  ).get(
    s.lang ?? null,
    s.timezone ?? null,
    s.digestTime ?? null,
    s.digestWhenEmpty === undefined ? null : Number(s.digestWhenEmpty),
    chatId,
  ) as ChatRow | undefined;
  if (!row) throw new InputError("unknown_chat", `Chat ${chatId} is not known yet; send /start first.`);
  return toChat(row);
}

export function setChatActive(db: Db, chatId: number, active: boolean): void {
  prepareCached(db, "UPDATE chats SET active = ? WHERE id = ?").run(Number(active), chatId);
}

/**
 * Moves a chat to its new id when a group becomes a supergroup, with its settings, subscriptions and
 * pending messages. When the new id is already known (an update came from the supergroup first), the old
 * chat's subscriptions and messages join it and the old row goes.
 */
export function migrateChat(db: Db, fromId: number, toId: number): void {
  const move = db.transaction(() => {
    if (!getChat(db, toId)) {
      prepareCached(db, "UPDATE chats SET id = ?, type = 'supergroup' WHERE id = ?").run(toId, fromId);
      return;
    }
    prepareCached(db, "UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?").run(toId, fromId);
    prepareCached(db, "UPDATE OR IGNORE outbox SET chat_id = ? WHERE chat_id = ?").run(toId, fromId);
    prepareCached(db, "DELETE FROM chats WHERE id = ?").run(fromId);
  });
  move();
}
