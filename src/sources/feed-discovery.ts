/**
 * The feeds an HTML page advertises with <link rel="alternate" type="application/rss+xml" href="…">, as
 * absolute http(s) URLs in page order. An admin often gives a news site's home page; its feed is what
 * should be polled, not the home page as if it were one article.
 */
export function findFeedLinks(html: string, pageUrl: string): string[] {
  const head = html.slice(0, 200_000);
  const links: string[] = [];
  for (const [tag] of head.matchAll(/<link\b[^>]*>/gi)) {
    const rel = readAttribute(tag, "rel")?.toLowerCase().split(/\s+/) ?? [];
    const type = readAttribute(tag, "type")?.toLowerCase().trim() ?? "";
    const href = readAttribute(tag, "href");
    if (!rel.includes("alternate") || !FEED_TYPES.has(type) || !href) continue;
    try {
      const url = new URL(decodeEntities(href), pageUrl);
      if ((url.protocol === "http:" || url.protocol === "https:") && !links.includes(url.href))
        links.push(url.href);
    } catch {
      // an unusable href is skipped; the page may list other feeds
    }
  }
  return links;
}

const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/feed+json",
]);

function readAttribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)));
}
