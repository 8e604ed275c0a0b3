import type { Db } from "../db/open.ts";

export interface BotStats {
  articles: number;
  events: number;
  sources: number;
  pausedSources: number;
  chats: number;
  subscriptions: number;
  pendingMessages: number;
}

/** The figures behind /stats, one query over the tables every migration has created by now. */
export function readStats(db: Db): BotStats {
  return db
    .prepare(
      `SELECT
         (SELECT count(*) FROM articles) AS articles,
         (SELECT count(*) FROM events) AS events,
         (SELECT count(*) FROM sources) AS sources,
         (SELECT count(*) FROM sources WHERE status = 'paused') AS pausedSources,
         (SELECT count(*) FROM chats WHERE active = 1) AS chats,
         (SELECT count(*) FROM subscriptions) AS subscriptions,
         (SELECT count(*) FROM outbox WHERE status = 'pending') AS pendingMessages`,
    )
    .get() as BotStats;
}
