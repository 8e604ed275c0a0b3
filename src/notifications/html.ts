/**
 * Telegram's HTML parse mode: text from articles and users is escaped before it goes into a message, so an
 * outlet's "<" or "&" can neither break the message nor inject markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A link to an http(s) URL, or the escaped text alone when there is no URL a reader could open. */
export function formatLink(text: string, url: string | null | undefined): string {
  if (!url || !/^https?:\/\//i.test(url)) return escapeHtml(text);
  return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}

/** Shortens text taken from an article so one line of a message stays well under Telegram's limit. */
export function truncateText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
