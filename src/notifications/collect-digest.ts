import type { Db } from "../db/open.ts";
import { prepareCached } from "../db/prepared.ts";
import { getEvent } from "../events/event-store.ts";
import type { ArticleSummary } from "./compose-alert.ts";
import type { DigestGroup } from "./compose-digest.ts";
import { leadWith } from "./event-line.ts";
import { indexKeywordText, type KeywordIndex, matchesKeyword, normalizeKeyword } from "./keyword-match.ts";
import { DEFAULT_ALERT_MAX_AGE_MS } from "./match-alerts.ts";
import { toArticleSummary } from "./render-outbox.ts";
import { DAILY_MODES, listSubscriptions } from "./subscription-store.ts";

/** Articles stored in (since, until]; published no longer ago than maxAgeMs before `until`. */
export interface DigestWindow {
  since: Date;
  until: Date;
  maxAgeMs?: number;
}

/** Items one subject shows at most; the rest are counted. */
const MAX_ITEMS_PER_GROUP = 20;
const MAX_ARTICLES_SCANNED = 1000;

/**
 * What a chat's daily subscriptions caught in the window, one group per subscription in the order they were
 * made: events of a followed person or place (or a place inside it), articles that name a followed person
 * or place in full without reporting an event of theirs, and articles containing a followed word. An event
 * or article shows once, under the first subject that caught it; an article cited as a source of an event
 * shown is not repeated.
 */
export function collectDigestGroups(db: Db, chatId: number, window: DigestWindow): DigestGroup[] {
  const params = [
    window.since.toISOString(),
    window.until.toISOString(),
    new Date(window.until.getTime() - (window.maxAgeMs ?? DEFAULT_ALERT_MAX_AGE_MS)).toISOString(),
  ];
  const eventsOf = prepareCached(
    db,
    `SELECT DISTINCT ea.event_id FROM event_articles ea
       JOIN articles a ON a.id = ea.article_id JOIN events e ON e.id = ea.event_id
      WHERE a.fetched_at > ? AND a.fetched_at <= ? AND coalesce(a.published_utc, a.fetched_at) >= ?
        AND (EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = ea.event_id AND p.entity_id = ?)
             OR EXISTS (SELECT 1 FROM event_places pl WHERE pl.event_id = ea.event_id AND pl.place_id = ?))
      ORDER BY e.date_sort DESC, ea.event_id`,
  );
  const subscriptions = listSubscriptions(db, chatId).filter((s) => DAILY_MODES.includes(s.mode));
  const groups = subscriptions.map(
    (sub): DigestGroup => ({
      label: sub.label,
      isKeyword: sub.targetKind === "keyword",
      events: [],
      articles: [],
      omitted: 0,
    }),
  );
  const shownEvents = new Set<string>();
  const shownArticles = new Set<string>();

  // Events first, so that an article cited as an event's source is not listed again on its own.
  subscriptions.forEach((sub, i) => {
    const group = groups[i] as DigestGroup;
    if (sub.targetKind !== "entity") return;
    for (const id of eventsOf.pluck().all(...params, sub.target, sub.target) as string[]) {
      if (shownEvents.has(id)) continue;
      const event = getEvent(db, id);
      if (!event) continue;
      shownEvents.add(id);
      const sources = event.articles.map(toArticleSummary);
      for (const source of sources) shownArticles.add(source.key);
      if (group.events.length < MAX_ITEMS_PER_GROUP)
        group.events.push({ event: leadWith(event, new Set([sub.target])), sources });
      else group.omitted++;
    }
  });

  // Then articles: those containing a followed word, and those naming a followed person or place in full.
  let articles: { article: ArticleSummary; index: KeywordIndex }[] | null = null;
  subscriptions.forEach((sub, i) => {
    const group = groups[i] as DigestGroup;
    const phrases = sub.targetKind === "keyword" ? [sub.target] : namesOf(db, sub.target, sub.label);
    articles ??= readWindowArticles(db, params);
    for (const { article, index } of articles) {
      if (shownArticles.has(article.key) || !phrases.some((p) => matchesKeyword(index, p))) continue;
      shownArticles.add(article.key);
      if (group.articles.length < MAX_ITEMS_PER_GROUP) group.articles.push(article);
      else group.omitted++;
    }
  });
  return groups;
}

/** The full names an entity goes by: the subscription's label and the names the event store knows. */
function namesOf(db: Db, entityId: string, label: string): string[] {
  const row = prepareCached(db, "SELECT name_ar, name_en FROM entities WHERE id = ?").get(entityId) as
    | { name_ar: string; name_en: string | null }
    | undefined;
  const names = [label, row?.name_ar, row?.name_en].filter((n): n is string => Boolean(n));
  return [...new Set(names.map(normalizeKeyword).filter(Boolean))];
}

function readWindowArticles(db: Db, params: string[]): { article: ArticleSummary; index: KeywordIndex }[] {
  const rows = prepareCached(
    db,
    `SELECT key, title, url, source_name, published, clean_text FROM articles
        WHERE fetched_at > ? AND fetched_at <= ? AND coalesce(published_utc, fetched_at) >= ?
        ORDER BY coalesce(published_utc, fetched_at) DESC, id DESC LIMIT ?`,
  ).all(...params, MAX_ARTICLES_SCANNED) as {
    key: string;
    title: string;
    url: string;
    source_name: string | null;
    published: string | null;
    clean_text: string;
  }[];
  return rows.map((row) => ({
    article: {
      key: row.key,
      title: row.title,
      url: row.url,
      sourceName: row.source_name,
      published: row.published,
    },
    index: indexKeywordText(`${row.title}\n${row.clean_text}`),
  }));
}
