import type { Db } from "../db/open.ts";
import { getEvent } from "../events/event-store.ts";
import type { EventArticleRef } from "../events/event-types.ts";
import type { Chat } from "./chat-store.ts";
import { type ArticleSummary, composeEventAlert, composeKeywordAlert } from "./compose-alert.ts";
import { leadWith } from "./event-line.ts";
import { type OutboxItem, outboxPayloadSchema } from "./outbox-store.ts";
import { listSubscriptions } from "./subscription-store.ts";

export function toArticleSummary(ref: EventArticleRef): ArticleSummary {
  return {
    key: ref.id,
    title: ref.title ?? "",
    url: ref.url,
    sourceName: ref.source ?? null,
    published: ref.published,
  };
}

function getArticleSummary(db: Db, articleId: number): ArticleSummary | null {
  const row = db
    .prepare("SELECT key, title, url, source_name, published FROM articles WHERE id = ?")
    .get(articleId) as
    | { key: string; title: string; url: string; source_name: string | null; published: string | null }
    | undefined;
  if (!row) return null;
  return {
    key: row.key,
    title: row.title,
    url: row.url,
    sourceName: row.source_name,
    published: row.published,
  };
}

/**
 * The text of an outbox message as it is sent, in the chat's language today. An event alert is composed
 * from the event as it stands now, so one queued before two more outlets reported the event lists all
 * three. Null when the event or article has gone; throws on a payload of the wrong shape.
 */
export function renderOutboxMessage(db: Db, item: OutboxItem, chat: Chat): string | null {
  const payload = outboxPayloadSchema.parse(item.payload);
  switch (payload.type) {
    case "text":
      return payload.html;
    case "event": {
      const event = getEvent(db, payload.eventId);
      if (!event) return null;
      // The person the chat follows leads the line: "التقى لافروف وتشوي" for a chat that follows Lavrov.
      const followed = listSubscriptions(db, chat.id)
        .filter((s) => s.targetKind === "entity")
        .map((s) => s.target);
      return composeEventAlert(
        leadWith(event, new Set(followed)),
        event.articles.map(toArticleSummary),
        chat.lang,
      );
    }
    case "keyword": {
      const article = getArticleSummary(db, payload.articleId);
      return article ? composeKeywordAlert(payload.keywords, article, chat.lang) : null;
    }
  }
}
