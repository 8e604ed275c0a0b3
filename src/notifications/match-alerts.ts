import type { Db } from "../db/open.ts";
import { indexKeywordText, matchesKeyword } from "./keyword-match.ts";
import { enqueueMessage } from "./outbox-store.ts";
import { INSTANT_MODES, subscriptionsForTargets } from "./subscription-store.ts";

export interface AlertOptions {
  /**
   * Articles published longer ago than this alert nobody: importing an archive is not news. An article
   * without a publication date counts from when it was fetched.
   */
  maxAgeMs?: number;
}

export const DEFAULT_ALERT_MAX_AGE_MS = 3 * 24 * 3600 * 1000;

interface ArticleRow {
  id: number;
  key: string;
  title: string;
  clean_text: string;
  published_utc: string | null;
  fetched_at: string;
}

/**
 * Queues the instant alerts a newly stored article (and its events) calls for; returns how many rows were
 * added. Entity subscriptions get one alert per chat and event (`alert:<chat>:<event>`), whatever the
 * number of articles reporting it: a later article of an event already queued or sent adds no row, and a
 * queued alert lists every source known when it is sent. A place subscription also matches events held
 * inside the place (a site within a city, a city within a country). Keyword subscriptions get one alert
 * per chat and article (`kw:<chat>:<article key>`), except in chats that hear of the article's event anyway.
 * Call it after the article's events are stored, ideally in the same transaction.
 */
export function enqueueAlertsForArticle(
  db: Db,
  article: { id: number },
  now: Date,
  options: AlertOptions = {},
): number {
  const row = db
    .prepare("SELECT id, key, title, clean_text, published_utc, fetched_at FROM articles WHERE id = ?")
    .get(article.id) as ArticleRow | undefined;
  if (!row) return 0;
  const maxAge = options.maxAgeMs ?? DEFAULT_ALERT_MAX_AGE_MS;
  if (Date.parse(row.published_utc ?? row.fetched_at) < now.getTime() - maxAge) return 0;

  const enqueue = db.transaction((): number => {
    let added = 0;
    const pairs = findEventSubscribers(db, row.id);
    for (const { chatId, eventId } of pairs) {
      const queued = enqueueMessage(
        db,
        {
          chatId,
          kind: "alert",
          payload: { type: "event", eventId },
          dedupeKey: `alert:${chatId}:${eventId}`,
        },
        now,
      );
      if (queued) added++;
    }
    const toldOfEvent = new Set(pairs.map((p) => p.chatId));
    for (const [chatId, keywords] of findKeywordSubscribers(db, row)) {
      if (toldOfEvent.has(chatId)) continue;
      const queued = enqueueMessage(
        db,
        {
          chatId,
          kind: "alert",
          payload: { type: "keyword", articleId: row.id, keywords },
          dedupeKey: `kw:${chatId}:${row.key}`,
        },
        now,
      );
      if (queued) added++;
    }
    return added;
  });
  return enqueue();
}

/** Chats with an instant subscription on a participant or place (or enclosing place) of the article's events. */
function findEventSubscribers(db: Db, articleId: number): { chatId: number; eventId: string }[] {
  return db
    .prepare(
      `SELECT DISTINCT s.chat_id AS chatId, ea.event_id AS eventId
         FROM event_articles ea
         JOIN (SELECT event_id, entity_id AS target FROM event_participants
               UNION SELECT event_id, place_id FROM event_places) t ON t.event_id = ea.event_id
         JOIN subscriptions s ON s.target_kind = 'entity' AND s.target = t.target
         JOIN chats c ON c.id = s.chat_id AND c.active = 1
        WHERE ea.article_id = ? AND s.mode IN (SELECT value FROM json_each(?))
        ORDER BY ea.event_id, s.chat_id`,
    )
    .all(articleId, JSON.stringify(INSTANT_MODES)) as { chatId: number; eventId: string }[];
}

/** Chats whose instant keyword subscriptions the article's title or text contains, with those keywords. */
function findKeywordSubscribers(db: Db, article: ArticleRow): Map<number, string[]> {
  const byChat = new Map<number, string[]>();
  const subscriptions = subscriptionsForTargets(db, "keyword", null, INSTANT_MODES);
  if (subscriptions.length === 0) return byChat;
  const index = indexKeywordText(`${article.title}\n${article.clean_text}`);
  const verdicts = new Map<string, boolean>();
  for (const s of subscriptions) {
    let hit = verdicts.get(s.target);
    if (hit === undefined) {
      hit = matchesKeyword(index, s.target);
      verdicts.set(s.target, hit);
    }
    if (hit) byChat.set(s.chatId, [...(byChat.get(s.chatId) ?? []), s.label]);
  }
  return byChat;
}
