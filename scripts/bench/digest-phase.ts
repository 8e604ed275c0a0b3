import { formatDate } from "../../src/dates/format-date.ts";
import { openDatabase } from "../../src/db/open.ts";
import { type ChatLang, ensureChat } from "../../src/notifications/chat-store.ts";
import { collectDigestGroups } from "../../src/notifications/collect-digest.ts";
import { composeDigest } from "../../src/notifications/compose-digest.ts";
import { addSubscription } from "../../src/notifications/subscription-store.ts";
import { type Percentiles, summarizeSamples } from "./measure.ts";

/**
 * The daily digest of many chats over an imported database: each chat follows two people or places the
 * events name and one word, and its digest for the corpus's last day is collected and composed, as the
 * scheduler does at digest time (queueing it in the outbox is left out).
 */

export interface DigestFigures {
  chats: number;
  subscriptions: number;
  /** Articles stored in the digest's day. */
  windowArticles: number;
  seconds: number;
  chatsPerSecond: number;
  perChat: Percentiles;
  nonEmpty: number;
  messages: number;
}

const KEYWORDS = ["الطاقة", "العقوبات", "التعاون", "الصواريخ", "التجارة"];
const DAY_MS = 24 * 3_600_000;
const FIRST_CHAT_ID = 100_000;

export function measureDigest(dbPath: string, chats: number): DigestFigures {
  const db = openDatabase(dbPath);
  try {
    const followable = db
      .prepare("SELECT id, name_ar FROM entities WHERE discovered = 0 ORDER BY id")
      .all() as { id: string; name_ar: string }[];
    if (followable.length === 0) throw new Error("the database has no entities to follow; import first");
    const createdAt = new Date("2018-01-01T00:00:00Z");
    const subscribe = db.transaction(() => {
      for (let i = 0; i < chats; i++) {
        const lang: ChatLang = i % 3 === 0 ? "en" : "ar";
        const chatId = FIRST_CHAT_ID + i;
        ensureChat(
          db,
          { id: chatId, type: "private" },
          { lang, timezone: "Asia/Riyadh", digestTime: "08:00" },
          createdAt,
        );
        for (const entity of [
          followable[(i * 7) % followable.length],
          followable[(i * 13 + 5) % followable.length],
        ])
          if (entity)
            addSubscription(
              db,
              { chatId, targetKind: "entity", target: entity.id, label: entity.name_ar },
              createdAt,
            );
        const word = KEYWORDS[i % KEYWORDS.length] as string;
        addSubscription(db, { chatId, targetKind: "keyword", target: word, label: word }, createdAt);
      }
    });
    subscribe();

    const last = db.prepare("SELECT max(fetched_at) FROM articles").pluck().get() as string;
    const until = new Date(last);
    const window = { since: new Date(until.getTime() - DAY_MS), until };
    const windowArticles = db
      .prepare("SELECT count(*) FROM articles WHERE fetched_at > ? AND fetched_at <= ?")
      .pluck()
      .get(window.since.toISOString(), window.until.toISOString()) as number;
    const day = until.toISOString().slice(0, 10);
    const dayLabel = {
      ar: formatDate(day, "day", "ar", { weekday: true }),
      en: formatDate(day, "day", "en", { weekday: true }),
    };
    const chatRows = db
      .prepare("SELECT id, lang FROM chats WHERE id >= ? ORDER BY id")
      .all(FIRST_CHAT_ID) as { id: number; lang: ChatLang }[];

    const samples: number[] = [];
    let nonEmpty = 0;
    let messages = 0;
    for (const chat of chatRows) {
      const started = performance.now();
      const groups = collectDigestGroups(db, chat.id, window);
      const parts = composeDigest({ lang: chat.lang, dayLabel: dayLabel[chat.lang], groups });
      samples.push(performance.now() - started);
      if (parts.length > 0) nonEmpty++;
      messages += parts.length;
    }
    const seconds = samples.reduce((sum, ms) => sum + ms, 0) / 1000;
    return {
      chats: chatRows.length,
      subscriptions: db.prepare("SELECT count(*) FROM subscriptions").pluck().get() as number,
      windowArticles,
      seconds,
      chatsPerSecond: chatRows.length / seconds,
      perChat: summarizeSamples(samples),
      nonEmpty,
      messages,
    };
  } finally {
    db.close();
  }
}
