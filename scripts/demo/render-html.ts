/**
 * Telegram HTML as a terminal shows it: bold and italics as ANSI styles (when the output is a terminal),
 * links as "text (url)", entities decoded, other tags dropped.
 */
export function renderHtmlForTerminal(html: string, styled: boolean): string {
  const style = (code: string) => (styled ? `\x1b[${code}m` : "");
  return html
    .replace(/<a\s+href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, url: string, text: string) =>
      text === url ? url : `${text} (${url})`,
    )
    .replace(/<\/?(b|strong)>/gi, (tag) => (tag.startsWith("</") ? style("22") : style("1")))
    .replace(/<\/?(i|em)>/gi, (tag) => (tag.startsWith("</") ? style("23") : style("3")))
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}
