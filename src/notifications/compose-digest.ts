import type { EventRecord } from "../events/event-types.ts";
import type { ChatLang } from "./chat-store.ts";
import { type ArticleSummary, formatArticleLine, sourceLabel } from "./compose-alert.ts";
import { formatEventLine } from "./event-line.ts";
import { escapeHtml, formatLink, truncateText } from "./html.ts";
import { splitMessage } from "./split-message.ts";

/** One subject the chat follows and what the day brought about it. */
export interface DigestGroup {
  /** The subscription's label: a name or a keyword as the chat typed it. */
  label: string;
  isKeyword: boolean;
  events: { event: EventRecord; sources: ArticleSummary[] }[];
  /** Articles that contain a followed word. */
  articles: ArticleSummary[];
  /** Items left out to keep the digest short. */
  omitted: number;
}

export interface DigestInput {
  lang: ChatLang;
  /** The chat's local day the digest is for, already formatted ("الثلاثاء 15 تموز/يوليو 2025"). */
  dayLabel: string;
  groups: DigestGroup[];
}

const MAX_LINKS_PER_EVENT = 3;

function formatEventEntry(event: EventRecord, sources: ArticleSummary[], lang: ChatLang): string {
  const links = sources
    .slice(0, MAX_LINKS_PER_EVENT)
    .map((a) => formatLink(truncateText(sourceLabel(a) || a.title, 40), a.url));
  const more = sources.length - MAX_LINKS_PER_EVENT;
  if (more > 0) links.push(`+${more}`);
  const separator = lang === "ar" ? "، " : ", ";
  return `• ${formatEventLine(event, lang)}${links.length > 0 ? ` — ${links.join(separator)}` : ""}`;
}

/**
 * The daily digest as the messages to send, grouped by subject, split at Telegram's limit on line
 * boundaries (every line is whole HTML). Empty when no group has anything: the caller decides whether the
 * chat wants to hear "nothing new".
 */
export function composeDigest(input: DigestInput): string[] {
  const { lang } = input;
  const groups = input.groups.filter((g) => g.events.length + g.articles.length > 0);
  if (groups.length === 0) return [];
  const title = lang === "ar" ? "ملخص راصد اليومي" : "Rasid daily digest";
  const lines = [`📰 <b>${title} — ${escapeHtml(input.dayLabel)}</b>`];
  for (const group of groups) {
    const label = escapeHtml(truncateText(group.label, 80));
    lines.push("", `<b>${group.isKeyword ? `«${label}»` : label}</b>`);
    for (const { event, sources } of group.events) lines.push(formatEventEntry(event, sources, lang));
    for (const article of group.articles) lines.push(formatArticleLine(article));
    if (group.omitted > 0)
      lines.push(lang === "ar" ? `… و${group.omitted} أخرى` : `… and ${group.omitted} more`);
  }
  return splitMessage(lines.join("\n"));
}

/** The one line an empty digest sends to a chat that asked to hear it. */
export function composeEmptyDigest(lang: ChatLang, dayLabel: string): string {
  return lang === "ar"
    ? `📰 لا جديد عمّا تتابعه — ${escapeHtml(dayLabel)}.`
    : `📰 Nothing new on what you follow — ${escapeHtml(dayLabel)}.`;
}
