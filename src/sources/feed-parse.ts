import { extractFromXml } from "@extractus/feed-extractor";
import { z } from "zod";
import { htmlToText } from "../articles/page-extract.ts";
import { InputError } from "../errors.ts";
import { parseFeedDate } from "./feed-date.ts";

export type FeedFormat = "rss" | "atom" | "rdf" | "json";

export interface FeedItem {
  /** As the feed gives it, trimmed (entities and CDATA decoded once); "" when absent. */
  title: string;
  /** Absolute http(s) URL, resolved against xml:base, the feed URL or the feed's own link; null when none. */
  link: string | null;
  /** ISO 8601 UTC, or null when absent or without a time zone. */
  published: string | null;
  /** Plain text of the description or summary. */
  summary: string;
  guid: string | null;
  /** The full body (content:encoded, Atom content, JSON content_html) when the feed carries one. */
  contentHtml?: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  items: FeedItem[];
}

/** The input is not a feed we can read; the message is one line saying why. */
export class FeedParseError extends InputError {
  constructor(reason: string, options?: { cause?: unknown }) {
    super("feed_parse", reason, options);
  }
}

const SUMMARY_FROM_CONTENT_CHARS = 500;

/**
 * Parses an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed document (already decoded to text). feed-extractor
 * checks well-formedness and parses the XML; the fields are picked here from its raw tree, because its own
 * normalisation strips query parameters from links, reads zone-less dates in local time and decodes HTML
 * entities a second time.
 */
export function parseFeed(text: string, baseUrl?: string): ParsedFeed {
  const body = text.replace(/^\uFEFF/, "").trim();
  if (!body) throw new FeedParseError("Not a feed: the document is empty.");
  if (body.startsWith("{")) return parseJsonFeed(body, baseUrl);

  const root = findRootElement(body);
  const localName = root?.split(":").pop()?.toLowerCase();
  const format: FeedFormat | undefined =
    localName === "rss" ? "rss" : localName === "feed" ? "atom" : localName === "rdf" ? "rdf" : undefined;
  if (!format) {
    if (localName === "html" || localName === "head" || /^<!doctype html/i.test(body)) {
      throw new FeedParseError("Not a feed: this is an HTML page; give the address of its RSS or Atom feed.");
    }
    throw new FeedParseError(
      root
        ? `Not a feed: the document's root element is <${root}>.`
        : "Not a feed: the document is not XML or JSON.",
    );
  }

  const raw = readXmlTree(body, format);
  return format === "atom" ? mapAtom(raw, baseUrl) : mapRss(raw, format, baseUrl);
}

type Node = unknown;
type Tree = Record<string, Node>;

/** The first element's name, skipping the XML declaration, comments, processing instructions and DOCTYPE. */
function findRootElement(body: string): string | null {
  const withoutProlog = body.replace(
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi,
    "",
  );
  return /<([A-Za-z_][\w.:-]*)/.exec(withoutProlog)?.[1] ?? null;
}

function readXmlTree(body: string, format: FeedFormat): Tree {
  // The text is already decoded, so the declaration only gets in the way: a strict parser rejects one that
  // follows a comment or blank line, as some real feeds have.
  const xml = body.replace(/^((?:\s*<!--[\s\S]*?-->)*)\s*<\?xml[^>]*\?>/, "$1").trim();
  try {
    return extractTree(xml);
  } catch (error) {
    const repaired = repairXml(xml);
    if (repaired !== xml) {
      try {
        return extractTree(repaired);
      } catch {
        // fall through to the first error, which describes the document as it was
      }
    }
    const message = error instanceof Error ? error.message : String(error);
    if (/unrecognized/i.test(message)) {
      // feed-extractor needs at least one <entry> to call a document Atom; an empty feed is still a feed.
      if (format === "atom" && !/<(?:\w+:)?entry[\s>]/.test(xml)) return { title: readAtomFeedTitle(xml) };
      throw new FeedParseError(`Not a feed: a <${format === "rss" ? "rss" : "rdf:RDF"}> without a channel.`);
    }
    throw new FeedParseError("Not a feed: the XML is not well-formed (truncated or broken markup).", {
      cause: error,
    });
  }
}

function extractTree(xml: string): Tree {
  let tree: Tree = {};
  extractFromXml(xml, {
    normalization: true,
    descriptionMaxLen: 0,
    useISODateFormat: false,
    // htmlEntities also decodes numeric references (&#1575;), common in Arabic feeds; values stay strings.
    xmlParserOptions: { parseTagValue: false, htmlEntities: true, processEntities: true },
    getExtraFeedFields: (feed: Tree) => {
      tree = feed;
      return {};
    },
  } as Parameters<typeof extractFromXml>[1]);
  return tree;
}

/**
 * Mends two slips seen in hand-made feeds: a bare "&" (as in "AT&T") outside CDATA, and a last end tag cut
 * before its ">".
 */
function repairXml(xml: string): string {
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/&(?!(?:[A-Za-z][\w.-]*|#\d+|#x[\dA-Fa-f]+);)/g, "&amp;"),
    )
    .join("")
    .replace(/<\/([A-Za-z_][\w.:-]*)\s*$/, "</$1>");
}

function readAtomFeedTitle(xml: string): string {
  return /<(?:\w+:)?title[^>]*>([\s\S]*?)<\/(?:\w+:)?title>/.exec(xml)?.[1]?.trim() ?? "";
}

function mapRss(feed: Tree, format: "rss" | "rdf", baseUrl: string | undefined): ParsedFeed {
  const channel = (format === "rdf" ? asTree(feed.channel) : feed) ?? {};
  const feedBase = textOf(feed["@_xml:base"]) || undefined;
  const feedLink = resolveLink(textOf(channel.link), feedBase, baseUrl);
  const items = toArray(feed.item ?? channel.item).map((node): FeedItem => {
    const item = asTree(node) ?? {};
    const guid = textOf(item.guid) || textOf(item["@_rdf:about"]) || null;
    const link =
      resolveLink(
        textOf(item.link),
        textOf(item["@_xml:base"]) || feedBase,
        baseUrl,
        feedLink ?? undefined,
      ) ?? linkFromGuid(item.guid, feedBase, baseUrl, feedLink);
    const contentHtml = textOf(item["content:encoded"]) || undefined;
    return {
      title: textOf(item.title),
      link,
      published: parseFeedDate(textOf(item.pubDate) || textOf(item["dc:date"])),
      summary: summarize(textOf(item.description), contentHtml),
      guid,
      ...(contentHtml ? { contentHtml } : {}),
    };
  });
  return { format, title: textOf(channel.title), items };
}

/** A guid is the item's address when it says so (isPermaLink, true by default) and reads as a URL. */
function linkFromGuid(guid: Node, ...bases: (string | null | undefined)[]): string | null {
  const permaLink = textOf(asTree(guid)?.["@_isPermaLink"]).toLowerCase();
  if (permaLink === "false") return null;
  const value = textOf(guid);
  return permaLink === "true" ? resolveLink(value, ...bases) : resolveLink(value);
}

function mapAtom(feed: Tree, baseUrl: string | undefined): ParsedFeed {
  const feedBase = resolveLink(textOf(feed["@_xml:base"]), baseUrl) ?? undefined;
  const feedLink = resolveLink(pickAtomLink(feed.link), feedBase, baseUrl);
  const items = toArray(feed.entry).map((node): FeedItem => {
    const entry = asTree(node) ?? {};
    const entryBase = resolveLink(textOf(entry["@_xml:base"]), feedBase, baseUrl) ?? feedBase;
    const contentHtml = atomHtml(entry.content) || undefined;
    const date = [entry.published, entry.updated, entry.issued, entry.modified].map(textOf).find(Boolean);
    return {
      title: atomText(entry.title),
      link: resolveLink(pickAtomLink(entry.link), entryBase, baseUrl, feedLink ?? undefined),
      published: parseFeedDate(date),
      summary: summarize(atomHtml(entry.summary), contentHtml),
      guid: textOf(entry.id) || null,
      ...(contentHtml ? { contentHtml } : {}),
    };
  });
  return { format: "atom", title: atomText(feed.title), items };
}

/** The first link without rel or with rel="alternate": the others (self, edit, replies, enclosure) are not the article. */
function pickAtomLink(links: Node): string {
  for (const link of toArray(links)) {
    const tree = asTree(link);
    const rel = textOf(tree?.["@_rel"]);
    if (!rel || rel === "alternate") return textOf(tree?.["@_href"]) || textOf(link);
  }
  return "";
}

/** An Atom text construct as plain text (type="html" and "xhtml" hold markup). */
function atomText(node: Node): string {
  const type = textOf(asTree(node)?.["@_type"]);
  if (type === "html" || type === "text/html") return htmlToText(textOf(node));
  if (type === "xhtml") return flattenText(node);
  return textOf(node);
}

/** An Atom text construct as HTML. */
function atomHtml(node: Node): string {
  const type = textOf(asTree(node)?.["@_type"]);
  if (type === "html" || type === "text/html") return textOf(node);
  const text = type === "xhtml" ? flattenText(node) : textOf(node);
  return escapeHtml(text);
}

const jsonFeedSchema = z.object({
  version: z.string().startsWith("https://jsonfeed.org/version/"),
  title: z.string().optional(),
  home_page_url: z.string().optional(),
  feed_url: z.string().optional(),
  items: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).optional(),
      url: z.string().optional(),
      external_url: z.string().optional(),
      title: z.string().optional(),
      summary: z.string().optional(),
      content_html: z.string().optional(),
      content_text: z.string().optional(),
      date_published: z.string().optional(),
      date_modified: z.string().optional(),
    }),
  ),
});

function parseJsonFeed(body: string, baseUrl: string | undefined): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new FeedParseError("Not a feed: the document starts like JSON but is not valid JSON.", {
      cause: error,
    });
  }
  const parsed = jsonFeedSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "document";
    throw new FeedParseError(`Not a JSON Feed: ${where} ${issue?.message ?? "is malformed"}.`);
  }
  const feed = parsed.data;
  const home = resolveLink(feed.home_page_url ?? "", baseUrl, feed.feed_url);
  const items = feed.items.map((item): FeedItem => {
    const contentHtml = item.content_html ?? (item.content_text ? escapeHtml(item.content_text) : undefined);
    return {
      title: item.title?.trim() ?? "",
      link: resolveLink(item.url ?? item.external_url ?? "", baseUrl, feed.feed_url, home ?? undefined),
      published: parseFeedDate(item.date_published ?? item.date_modified),
      summary: item.summary?.trim() || summarize("", contentHtml),
      guid: item.id === undefined ? null : String(item.id),
      ...(contentHtml ? { contentHtml } : {}),
    };
  });
  return { format: "json", title: feed.title?.trim() ?? "", items };
}

function summarize(descriptionHtml: string, contentHtml: string | undefined): string {
  if (descriptionHtml) return htmlToText(descriptionHtml);
  if (!contentHtml) return "";
  const text = htmlToText(contentHtml).replace(/\s+/g, " ");
  if (text.length <= SUMMARY_FROM_CONTENT_CHARS) return text;
  const cut = text.slice(0, SUMMARY_FROM_CONTENT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1))}…`;
}

/** The raw value as an absolute http(s) URL, trying each base in turn for a relative one. */
function resolveLink(raw: string, ...bases: (string | null | undefined)[]): string | null {
  const value = raw.trim();
  if (!value) return null;
  for (const base of [undefined, ...bases]) {
    if (base === null) continue;
    try {
      const url = base === undefined ? new URL(value) : new URL(value, base);
      if (url.protocol === "http:" || url.protocol === "https:") return url.href;
      if (base === undefined) return null; // an absolute mailto: or javascript: link is not an article
    } catch {
      // relative, or a base that is not a URL: try the next base
    }
  }
  return null;
}

function textOf(node: Node): string {
  if (typeof node === "string") return node.trim();
  if (typeof node === "number" || typeof node === "boolean") return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  const tree = asTree(node);
  return tree ? textOf(tree["#text"]) : "";
}

/** All text inside a subtree (inline XHTML content), attributes left out. */
function flattenText(node: Node): string {
  if (typeof node === "string" || typeof node === "number") return String(node).trim();
  if (Array.isArray(node)) return node.map(flattenText).filter(Boolean).join(" ");
  const tree = asTree(node);
  if (!tree) return "";
  return Object.entries(tree)
    .filter(([key]) => !key.startsWith("@_"))
    .map(([, value]) => flattenText(value))
    .filter(Boolean)
    .join(" ");
}

function asTree(node: Node): Tree | null {
  return node !== null && typeof node === "object" && !Array.isArray(node) ? (node as Tree) : null;
}

function toArray(node: Node): Node[] {
  if (node === undefined || node === null || node === "") return [];
  return Array.isArray(node) ? node : [node];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
