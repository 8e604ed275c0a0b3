import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import { formatDate } from "../dates/format-date.ts";
import type { Db } from "../db/open.ts";
import { prepareCached } from "../db/prepared.ts";
import { type Chat, getChat, toChat } from "./chat-store.ts";
import { collectDigestGroups } from "./collect-digest.ts";
import { composeDigest, composeEmptyDigest } from "./compose-digest.ts";
import { enqueueMessage } from "./outbox-store.ts";

dayjs.extend(utc);
dayjs.extend(timezone);

const DAY_MS = 24 * 3600 * 1000;

/** Today's digest in the chat's own time zone: its local date and the instant of its digest time. */
function findDigestSlot(
  chat: Pick<Chat, "timezone" | "digestTime">,
  now: Date,
): { localDate: string; at: Date } {
  const localDate = dayjs(now).tz(chat.timezone).format("YYYY-MM-DD");
  return { localDate, at: dayjs.tz(`${localDate} ${chat.digestTime}`, chat.timezone).toDate() };
}

/**
 * Whether the chat's digest for today is due: its local digest time has come and no digest has gone out
 * since. A chat made after today's digest time waits for tomorrow's; after downtime a missed digest goes
 * once, late, not once per missed day.
 */
export function isDigestDue(chat: Chat, now: Date): boolean {
  const { at } = findDigestSlot(chat, now);
  const last = Date.parse(chat.lastDigestAt ?? chat.createdAt);
  return now.getTime() >= at.getTime() && last < at.getTime();
}

/** "الاثنين 14 تموز/يوليو 2025": the chat's local day, in its language. */
function formatLocalDay(chat: Chat, now: Date): string {
  return formatDate(dayjs(now).tz(chat.timezone).format("YYYY-MM-DD"), "day", chat.lang, { weekday: true });
}

/**
 * Queues the digest of every active chat whose local digest time has come (call it every minute): the
 * articles and events its daily subscriptions caught since its last digest, as one or more messages
 * (`digest:<chat>:<local date>:<part>`), or the one-line "nothing new" for a chat that wants it. Marks the
 * chat's digest done in the same transaction. Returns the number of chats whose digest was queued.
 */
export function enqueueDueDigests(db: Db, now: Date): number {
  const chats = (
    prepareCached(
      db,
      `SELECT * FROM chats c WHERE c.active = 1
           AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = c.id AND s.mode IN ('daily', 'both'))`,
    ).all() as Parameters<typeof toChat>[0][]
  ).map(toChat);
  let queued = 0;
  for (const chat of chats) {
    if (!isDigestDue(chat, now)) continue;
    const run = db.transaction(() => {
      // From the last digest, so nothing falls between two; a first digest, or one after days of downtime,
      // covers the last day.
      const last = chat.lastDigestAt ? Date.parse(chat.lastDigestAt) : 0;
      const since = new Date(last > now.getTime() - 2 * DAY_MS ? last : now.getTime() - DAY_MS);
      const parts = buildDigestParts(db, chat, since, now);
      if (parts.length === 0 && chat.digestWhenEmpty)
        parts.push(composeEmptyDigest(chat.lang, formatLocalDay(chat, now)));
      const { localDate } = findDigestSlot(chat, now);
      parts.forEach((html, part) => {
        enqueueMessage(
          db,
          {
            chatId: chat.id,
            kind: "digest",
            payload: { type: "text", html },
            dedupeKey: `digest:${chat.id}:${localDate}:${part}`,
          },
          now,
        );
      });
      prepareCached(db, "UPDATE chats SET last_digest_at = ? WHERE id = ?").run(now.toISOString(), chat.id);
      return parts.length > 0;
    });
    if (run()) queued++;
  }
  return queued;
}

function buildDigestParts(db: Db, chat: Chat, since: Date, until: Date): string[] {
  const groups = collectDigestGroups(db, chat.id, { since, until });
  return composeDigest({ lang: chat.lang, dayLabel: formatLocalDay(chat, until), groups });
}

/**
 * The digest of the last 24 hours for /digest, as the messages to send; the "nothing new" line when
 * nothing matched (the chat asked). Does not count as the day's digest. Empty for an unknown chat.
 */
export function buildDigestNow(db: Db, chatId: number, now: Date): string[] {
  const chat = getChat(db, chatId);
  if (!chat) return [];
  const parts = buildDigestParts(db, chat, new Date(now.getTime() - DAY_MS), now);
  return parts.length > 0 ? parts : [composeEmptyDigest(chat.lang, formatLocalDay(chat, now))];
}
