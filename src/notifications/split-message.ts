/** Telegram refuses a message whose text is longer than this. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/**
 * Splits a message into parts of at most `limit` characters, only between lines, so no HTML tag or entity
 * (each of which the composers keep within one line) is cut. Blank lines at a cut are dropped. A single line
 * longer than the limit — which the composers never produce — is cut at the last space that fits.
 * The length counted is that of the HTML, which is never shorter than the text Telegram measures.
 */
export function splitMessage(text: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let current = "";
  const flush = (): void => {
    const part = current.replace(/^\n+|\n+$/g, "");
    if (part) parts.push(part);
    current = "";
  };
  for (const line of text.split("\n")) {
    for (const piece of cutLongLine(line, limit)) {
      const next = current ? `${current}\n${piece}` : piece;
      if (next.length <= limit) {
        current = next;
        continue;
      }
      flush();
      current = piece;
    }
  }
  flush();
  return parts;
}

function cutLongLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const space = rest.lastIndexOf(" ", limit);
    const at = space > 0 ? space : limit;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  pieces.push(rest);
  return pieces;
}
