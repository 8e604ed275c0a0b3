import { type ArticleInput, canonicalizeUrl } from "../articles/ingest.ts";
import { htmlToText } from "../articles/page-extract.ts";
import type { Db } from "../db/open.ts";
import { describeError, InputError } from "../errors.ts";
import { decodeBody } from "./decode.ts";
import type { FeedItem } from "./feed-parse.ts";
import type { FetchResult } from "./http-fetch.ts";
import { readSourceContent, type SourceContent } from "./source-content.ts";
import type { SourceFetcher } from "./source-fetcher.ts";
import { listSources, recordFailure, recordSuccess, type Source } from "./source-store.ts";

// Callers that add sources (the bot, the CLI) find the probe next to the poller it feeds.
export { addSourceAndProbe, type ProbeResult } from "./add-source.ts";

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
    content = readSourceContent(fetched.bytes, fetched.contentType, fetched.finalUrl);
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
      // Fetching pages is the expensive part of a poll; an item already stored needs none.
      if (deps.limits.fetchItemPages && item.link && isStoredUrl(deps.db, item.link)) {
        report.skipped++;
        continue;
      }
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

function isStoredUrl(db: Db, url: string): boolean {
  try {
    return db.prepare("SELECT 1 FROM articles WHERE url = ?").get(canonicalizeUrl(url)) !== undefined;
  } catch {
    return false; // a URL ingest would refuse is left for ingest to report
  }
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
