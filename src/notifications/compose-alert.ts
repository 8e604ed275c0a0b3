import type { EventRecord } from "../events/event-types.ts";
import type { ChatLang } from "./chat-store.ts";
import { formatEventLine } from "./event-line.ts";
import { escapeHtml, formatLink, truncateText } from "./html.ts";

/** An article as messages cite it. */
export interface ArticleSummary {
  key: string;
  title: string;
  url: string;
  sourceName: string | null;
  published: string | null;
}

const MAX_SOURCES_LISTED = 5;
const MAX_HEADLINE_CHARS = 200;

/** The outlet's name, else the site's host (www. dropped), else nothing. */
export function sourceLabel(article: ArticleSummary): string {
  if (article.sourceName?.trim()) return article.sourceName.trim();
  try {
    return new URL(article.url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

/** "• headline (linked) — outlet", everything from the article escaped. */
export function formatArticleLine(article: ArticleSummary): string {
  const headline = truncateText(article.title || sourceLabel(article), MAX_HEADLINE_CHARS);
  const source = sourceLabel(article);
  const by = source && source !== headline ? ` — ${escapeHtml(truncateText(source, 60))}` : "";
  return `• ${formatLink(headline, article.url)}${by}`;
}

/** "3 مصادر" / "3 sources", with Arabic's own forms for one, two and eleven up. */
export function countSources(n: number, lang: ChatLang): string {
  if (lang === "en") return `${n} source${n === 1 ? "" : "s"}`;
  if (n === 1) return "مصدر واحد";
  if (n === 2) return "مصدران";
  if (n <= 10) return `${n} مصادر`;
  return `${n} مصدراً`;
}

/**
 * The alert for one real-world event: its line (who met whom, where, when), then each article that reports
 * it with its headline and link — one message however many outlets carried the story.
 */
export function composeEventAlert(event: EventRecord, sources: ArticleSummary[], lang: ChatLang): string {
  const lines = [`🔔 <b>${formatEventLine(event, lang)}</b>`];
  for (const article of sources.slice(0, MAX_SOURCES_LISTED)) lines.push(formatArticleLine(article));
  const more = sources.length - MAX_SOURCES_LISTED;
  if (more > 0) lines.push(lang === "ar" ? `… و${countSources(more, lang)} أخرى` : `… and ${more} more`);
  if (sources.length > 1) lines.push(`<i>${countSources(sources.length, lang)}</i>`);
  return lines.join("\n");
}

/** The alert for an article that contains followed words: the words, then the headline and link. */
export function composeKeywordAlert(keywords: string[], article: ArticleSummary, lang: ChatLang): string {
  const quoted = keywords.map((k) => `«${escapeHtml(k)}»`).join(lang === "ar" ? "، " : ", ");
  return [`🔎 <b>${quoted}</b>`, formatArticleLine(article)].join("\n");
}
