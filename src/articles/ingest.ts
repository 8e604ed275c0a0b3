import { createHash } from "node:crypto";
import type { Db } from "../db/open.ts";
import { prepareCached } from "../db/prepared.ts";
import { InputError } from "../errors.ts";
import { detectLanguage, normalizeArabic } from "../text/normalize.ts";
import { cleanArticleText, guessTitle } from "./clean.ts";
import { extractArticleFromHtml } from "./page-extract.ts";
import { buildIndexText } from "./search-text.ts";

export interface ArticleInput {
  /** The corpus id (a03) when the article comes with one. */
  key?: string;
  url?: string;
  title?: string;
  text?: string;
  html?: string;
  published?: string | null;
  sourceName?: string;
  sourceId?: number | null;
  fetchedAt?: string;
}

export interface StoredArticle {
  id: number;
  key: string;
  url: string;
  title: string;
  cleanText: string;
  lang: string;
  published: string | null;
  sourceName: string | null;
}

export type IngestResult =
  | { status: "added"; article: StoredArticle }
  | { status: "skipped"; reason: string };

export interface IngestOptions {
  now?: () => Date;
  /** Runs inside the insert's transaction, so an article is never stored without its events. */
  afterStore?: (article: StoredArticle) => void;
}

const MAX_TEXT_CHARS = 500_000;
const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|ref|ocid)$/i;

/** The URL that identifies an article: lower-case host, no fragment, no tracking parameters. */
export function canonicalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InputError("bad_url", `Not a valid URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  url.hash = "";
  for (const name of [...url.searchParams.keys()])
    if (TRACKING_PARAMS.test(name)) url.searchParams.delete(name);
  return url.toString();
}

function toUtc(published: string | null | undefined): { published: string | null; utc: string | null } {
  if (!published) return { published: null, utc: null };
  const time = Date.parse(published);
  if (Number.isNaN(time))
    throw new InputError("bad_date", `Unreadable published date ${JSON.stringify(published)}.`);
  return { published, utc: new Date(time).toISOString() };
}

/**
 * Cleans one article and stores it with its full-text index entry. Idempotent: an article whose canonical
 * URL or cleaned content is already stored is skipped, and nothing stored is changed.
 */
export function ingestArticle(db: Db, input: ArticleInput, options: IngestOptions = {}): IngestResult {
  const now = options.now ?? (() => new Date());
  let title = input.title?.trim() ?? "";
  let text = input.text ?? "";
  let published = input.published ?? null;
  if (input.html !== undefined && !text) {
    const page = extractArticleFromHtml(input.html, input.url);
    text = page.text;
    title ||= page.title;
    published ??= page.published;
  }
  if (text.length > MAX_TEXT_CHARS) text = text.slice(0, MAX_TEXT_CHARS);
  const cleanText = cleanArticleText(text);
  if (!cleanText) throw new InputError("empty_article", "The article has no text after cleaning.");
  title ||= guessTitle(cleanText);
  const dates = toUtc(published);

  const contentHash = createHash("sha256").update(normalizeArabic(cleanText)).digest("hex");
  const url = input.url ? canonicalizeUrl(input.url) : `urn:rasid:${contentHash.slice(0, 24)}`;
  const key = input.key?.trim() || `h${contentHash.slice(0, 12)}`;

  const store = db.transaction((): IngestResult => {
    const existing = prepareCached(
      db,
      "SELECT key FROM articles WHERE url = ? OR content_hash = ? OR key = ?",
    ).get(url, contentHash, key) as { key: string } | undefined;
    if (existing) return { status: "skipped", reason: `already stored as ${existing.key}` };
    const lang = detectLanguage(`${title}\n${cleanText}`);
    const { lastInsertRowid } = prepareCached(
      db,
      `INSERT INTO articles (key, url, content_hash, source_id, source_name, title, raw_text, clean_text, lang,
           published, published_utc, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      key,
      url,
      contentHash,
      input.sourceId ?? null,
      input.sourceName ?? null,
      title,
      text,
      cleanText,
      lang,
      dates.published,
      dates.utc,
      input.fetchedAt ?? now().toISOString(),
    );
    const id = Number(lastInsertRowid);
    prepareCached(db, "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)").run(
      id,
      buildIndexText(title),
      buildIndexText(cleanText),
    );
    const article: StoredArticle = {
      id,
      key,
      url,
      title,
      cleanText,
      lang,
      published: dates.published,
      sourceName: input.sourceName ?? null,
    };
    options.afterStore?.(article);
    return { status: "added", article };
  });
  // IMMEDIATE takes the write lock up front: a deferred transaction that reads and then writes fails at once
  // with SQLITE_BUSY when another process wrote in between, instead of waiting out the busy timeout.
  return store.immediate();
}
