import { extractArticleFromHtml } from "../articles/page-extract.ts";
import { describeError, RasidError } from "../errors.ts";
import { findFeedLinks } from "./feed-discovery.ts";
import type { FeedFormat } from "./feed-parse.ts";
import type { PollerDeps } from "./poller.ts";
import { readSourceContent, type SourceContent } from "./source-content.ts";
import {
  addSource,
  findSourceByUrl,
  normalizeSourceUrl,
  type Source,
  type SourceKind,
} from "./source-store.ts";

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
      /** The page the admin gave, when the source added is the feed that page advertises. */
      discoveredFrom?: string;
    }
  | { ok: false; code: string; reason: string };

/**
 * Adds a source after checking it: the URL must be new and must answer with a feed or an article page. A
 * page that advertises a feed (<link rel="alternate">) is replaced by that feed. Nothing is stored when the
 * check fails; the reason says what to fix. Used by `rasid sources add` and the bot's /addsource.
 */
export async function addSourceAndProbe(
  deps: Pick<PollerDeps, "db" | "fetch" | "now">,
  url: string,
  options: { name?: string; addedBy?: number | null } = {},
): Promise<ProbeResult> {
  try {
    const given = normalizeSourceUrl(url);
    let target = given;
    let content = await probe(deps, given);
    if (content.kind === "page") {
      const feed = await probeAdvertisedFeed(deps, content.html, given);
      if (feed) ({ url: target, content } = feed);
    }
    const existing = findSourceByUrl(deps.db, target);
    if (existing) {
      return {
        ok: false,
        code: "duplicate_source",
        reason: `${existing.url} is already source #${existing.id} (${existing.name}).`,
      };
    }
    const found = describeContent(content, target);
    const source = addSource(
      deps.db,
      {
        url: target,
        name: options.name?.trim() || found.title || new URL(target).hostname,
        kind: content.kind,
        addedBy: options.addedBy ?? null,
      },
      deps.now(),
    );
    return {
      ok: true,
      source,
      kind: content.kind,
      ...found,
      ...(target !== given ? { discoveredFrom: given } : {}),
    };
  } catch (error) {
    return {
      ok: false,
      code: error instanceof RasidError ? error.code : "error",
      reason: describeError(error),
    };
  }
}

async function probe(deps: Pick<PollerDeps, "fetch">, url: string): Promise<SourceContent> {
  const fetched = await deps.fetch(url, { etag: null, lastModified: null });
  if (fetched.status === "not_modified") {
    throw new RasidError("not_modified", `${url} answered 304 to a first request; try again.`);
  }
  return readSourceContent(fetched.bytes, fetched.contentType, fetched.finalUrl);
}

/** The first feed a page advertises that really answers with a feed, or null. */
async function probeAdvertisedFeed(
  deps: Pick<PollerDeps, "fetch">,
  html: string,
  pageUrl: string,
): Promise<{ url: string; content: SourceContent } | null> {
  for (const link of findFeedLinks(html, pageUrl).slice(0, 3)) {
    try {
      const url = normalizeSourceUrl(link);
      const content = await probe(deps, url);
      if (content.kind === "feed") return { url, content };
    } catch {
      // an advertised feed that is broken is no reason to refuse the page itself
    }
  }
  return null;
}

function describeContent(
  content: SourceContent,
  url: string,
): { format: FeedFormat | null; title: string; items: number; sample: string[] } {
  if (content.kind === "feed") {
    const { feed } = content;
    return {
      format: feed.format,
      title: feed.title,
      items: feed.items.length,
      sample: feed.items.slice(0, 3).map((i) => i.title),
    };
  }
  // A page is only worth polling when an article can be read from it; this throws the reason otherwise.
  const article = extractArticleFromHtml(content.html, url);
  return { format: null, title: article.title, items: 1, sample: [article.title] };
}
