import type { ArticleInput } from "../articles/ingest.ts";
import { htmlToText } from "../articles/page-extract.ts";
import type { Db } from "../db/open.ts";
import { describeError, InputError, RasidError } from "../errors.ts";
import { decodeBody } from "./decode.ts";
import { type FeedFormat, type FeedItem, FeedParseError, parseFeed } from "./feed-parse.ts";
import type { FetchResult } from "./http-fetch.ts";
import type { SourceFetcher } from "./source-fetcher.ts";
import {
  addSource,
  findSourceByUrl,
  listSources,
  normalizeSourceUrl,
  recordFailure,
  recordSuccess,
  type Source,
  type SourceKind,
} from "./source-store.ts";

export interface PollLog {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
}

export interface PollerDeps {
  db: Db;
  fetch: SourceFetcher;
  /** Stores one article (the shared pipeline); throws InputError for an article that cannot be stored. */
  ingest: (input: ArticleInput) => { status: "added" | "skipped" };
  now: () => Date;
  limits: {
    /** Consecutive failures after which a source is paused. */
    failureLimit: number;
    /** Items read from one feed per poll; feeds list the newest first. */
    maxItemsPerPoll?: number;
    /** Fetch each item's page for the full text instead of storing the feed's summary. */
    fetchItemPages?: boolean;
    /** Sources polled at the same time by pollAllSources. */
    concurrency?: number;
  };
  log: PollLog;
}

export interface SourcePollReport {
  sourceId: number;
  name: string;
  url: string;
  outcome: "new_content" | "not_modified" | "failed";
  added: number;
  skipped: number;
  /** One line per failed item, or the reason the whole source failed. */
  errors: string[];
  /** Set when this poll paused the source after too many failures: tell the admins. */
  paused?: boolean;
}

const DEFAULT_MAX_ITEMS = 200;
const DEFAULT_CONCURRENCY = 4;

/**
 * Polls one source: fetch (conditional), parse as a feed or else as an article page, store each item. One bad
 * item is logged and skipped; the cursor (ETag, Last-Modified) moves only when every item was stored or
 * refused for its own content, so a storage failure means the same items are fetched again next time.
 */
export async function pollSource(deps: PollerDeps, source: Source): Promise<SourcePollReport> {
  const report: SourcePollReport = {
    sourceId: source.id,
    name: source.name,
    url: source.url,
    outcome: "new_content",
    added: 0,
    skipped: 0,
    errors: [],
  };
  let fetched: FetchResult;
  let content: SourceContent;
  try {
    fetched = await deps.fetch(source.url, { etag: source.etag, lastModified: source.lastModified });
    if (fetched.status === "not_modified") {
      recordSuccess(deps.db, source.id, { added: 0 }, deps.now());
      return { ...report, outcome: "not_modified" };
    }
    content = readContent(fetched.bytes, fetched.contentType, fetched.finalUrl);
  } catch (error) {
    return failSource(deps, source, report, describeError(error));
  }

  let storageFailed = false;
  const store = (input: ArticleInput, label: string) => {
    try {
      const result = deps.ingest({ ...input, sourceId: source.id, sourceName: source.name });
      if (result.status === "added") report.added++;
      else report.skipped++;
    } catch (error) {
      if (!(error instanceof InputError)) storageFailed = true;
      const line = `${label}: ${describeError(error)}`;
      report.errors.push(line);
      deps.log.warn(`source #${source.id} ${source.name}: item skipped`, line);
    }
  };

  const fetchedAt = deps.now().toISOString();
  if (content.kind === "page") {
    store({ html: content.html, url: fetched.finalUrl, fetchedAt }, fetched.finalUrl);
  } else {
    for (const item of content.feed.items.slice(0, deps.limits.maxItemsPerPoll ?? DEFAULT_MAX_ITEMS)) {
      store(await buildItemInput(deps, item, fetchedAt), item.link ?? (item.title || "(untitled item)"));
    }
  }

  recordSuccess(
    deps.db,
    source.id,
    {
      added: report.added,
      kind: content.kind,
      ...(storageFailed ? {} : { cursor: { etag: fetched.etag, lastModified: fetched.lastModified } }),
    },
    deps.now(),
  );
  deps.log.info(`source #${source.id} ${source.name}: ${report.added} new, ${report.skipped} known`);
  return report;
}

/** Polls every active source once, a few at a time; reports come back in source order. */
export async function pollAllSources(deps: PollerDeps): Promise<SourcePollReport[]> {
  const sources = listSources(deps.db, { status: "active" });
  const reports: SourcePollReport[] = new Array(sources.length);
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const index = next++;
      reports[index] = await pollSource(deps, sources[index] as Source);
    }
  };
  const workers = Math.min(deps.limits.concurrency ?? DEFAULT_CONCURRENCY, sources.length);
  await Promise.all(Array.from({ length: workers }, worker));
  return reports;
}

export type ProbeResult =
  | {
      ok: true;
      source: Source;
      kind: SourceKind;
      /** The feed's format, or null for an article page. */
      format: FeedFormat | null;
      title: string;
      /** Items in the feed now (1 for a page). */
      items: number;
      /** Up to three item titles, to show the admin what was found. */
      sample: string[];
    }
  | { ok: false; code: string; reason: string };

/**
 * Adds a source after checking it: the URL must be new and must answer with a feed or an article page.
 * Nothing is stored when the check fails; the reason says what to fix. Used by `rasid sources add` and
 * the bot's /addsource.
 */
export async function addSourceAndProbe(
  deps: Pick<PollerDeps, "db" | "fetch" | "now">,
  url: string,
  options: { name?: string; addedBy?: number | null } = {},
): Promise<ProbeResult> {
  try {
    const normalized = normalizeSourceUrl(url);
    const existing = findSourceByUrl(deps.db, normalized);
    if (existing) {
      return {
        ok: false,
        code: "duplicate_source",
        reason: `${existing.url} is already source #${existing.id} (${existing.name}).`,
      };
    }
    const fetched = await deps.fetch(normalized, { etag: null, lastModified: null });
    if (fetched.status === "not_modified") {
      return {
        ok: false,
        code: "not_modified",
        reason: `${normalized} answered 304 to a first request; try again.`,
      };
    }
    const content = readContent(fetched.bytes, fetched.contentType, fetched.finalUrl);
    const found =
      content.kind === "feed"
        ? {
            format: content.feed.format,
            title: content.feed.title,
            items: content.feed.items.length,
            sample: content.feed.items.slice(0, 3).map((i) => i.title),
          }
        : {
            format: null,
            title: readHtmlTitle(content.html),
            items: 1,
            sample: [readHtmlTitle(content.html)],
          };
    const source = addSource(
      deps.db,
      {
        url: normalized,
        name: options.name?.trim() || found.title || new URL(normalized).hostname,
        kind: content.kind,
        addedBy: options.addedBy ?? null,
      },
      deps.now(),
    );
    return { ok: true, source, kind: content.kind, ...found };
  } catch (error) {
    return {
      ok: false,
      code: error instanceof RasidError ? error.code : "error",
      reason: describeError(error),
    };
  }
}

type SourceContent = { kind: "feed"; feed: ReturnType<typeof parseFeed> } | { kind: "page"; html: string };

/** A feed when it parses as one; HTML that is not a feed is an article page; anything else fails the source. */
function readContent(bytes: Uint8Array, contentType: string | null, url: string): SourceContent {
  const text = decodeBody(bytes, contentType ?? undefined);
  try {
    return { kind: "feed", feed: parseFeed(text, url) };
  } catch (error) {
    if (error instanceof FeedParseError && looksLikeHtml(text, contentType))
      return { kind: "page", html: text };
    throw error;
  }
}

function looksLikeHtml(text: string, contentType: string | null): boolean {
  if (contentType && /\b(x?html)\b/i.test(contentType)) return true;
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(text);
}

function readHtmlTitle(html: string): string {
  return /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? "";
}

/** The article of a feed item: its page when fetchItemPages is on (falling back to the feed), else the feed's text. */
async function buildItemInput(deps: PollerDeps, item: FeedItem, fetchedAt: string): Promise<ArticleInput> {
  const base = { url: item.link ?? undefined, title: item.title, published: item.published, fetchedAt };
  if (deps.limits.fetchItemPages && item.link) {
    try {
      const page = await deps.fetch(item.link, { etag: null, lastModified: null });
      if (page.status === "ok")
        return { ...base, html: decodeBody(page.bytes, page.contentType ?? undefined) };
    } catch (error) {
      deps.log.warn(`item page ${item.link} not fetched; storing the feed's text`, describeError(error));
    }
  }
  // A headline-only item still names who met whom, so the title stands in for a missing summary.
  const text = item.contentHtml ? htmlToText(item.contentHtml) : item.summary;
  return { ...base, text: text || item.summary || item.title };
}

function failSource(
  deps: PollerDeps,
  source: Source,
  report: SourcePollReport,
  reason: string,
): SourcePollReport {
  const { failures, paused } = recordFailure(
    deps.db,
    source.id,
    reason,
    { failureLimit: deps.limits.failureLimit },
    deps.now(),
  );
  deps.log.warn(`source #${source.id} ${source.name} failed (${failures} in a row)`, reason);
  if (paused) deps.log.warn(`source #${source.id} ${source.name} paused after ${failures} failures in a row`);
  return { ...report, outcome: "failed", errors: [reason], ...(paused ? { paused: true } : {}) };
}
