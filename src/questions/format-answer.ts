import { escapeHtml, formatLink } from "../notifications/html.ts";
import type { Answer } from "./question-types.ts";

const URL = /https?:\/\/[^\s<>"'·]+/g;

/**
 * The answer for Telegram's HTML parse mode: everything escaped (article titles and snippets may hold
 * "<" or "&"), each source URL turned into a link named by its site, so a long answer stays readable.
 */
export function formatAnswerHtml(answer: Answer): string {
  let html = "";
  let cursor = 0;
  for (const match of answer.text.matchAll(URL)) {
    html += escapeHtml(answer.text.slice(cursor, match.index));
    html += formatLink(siteOf(match[0]), match[0]);
    cursor = match.index + match[0].length;
  }
  return html + escapeHtml(answer.text.slice(cursor));
}

function siteOf(url: string): string {
  try {
    return new globalThis.URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
