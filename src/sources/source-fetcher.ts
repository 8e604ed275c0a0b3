import type { Config } from "../config.ts";
import { FetchError, type FetchOptions, type FetchResult, fetchSource } from "./http-fetch.ts";

/** Fetches one URL, conditionally when the cursor holds validators. The poller's only way to the network. */
export type SourceFetcher = (
  url: string,
  cursor: { etag: string | null; lastModified: string | null },
) => Promise<FetchResult>;

export type FetchLimits = Pick<FetchOptions, "timeoutMs" | "maxBytes" | "allowPrivate" | "maxRedirects">;

export function readFetchLimits(
  config: Pick<Config, "FETCH_TIMEOUT_MS" | "FETCH_MAX_BYTES" | "ALLOW_PRIVATE_SOURCES">,
): FetchLimits {
  return {
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    allowPrivate: config.ALLOW_PRIVATE_SOURCES,
  };
}

/** The real fetcher: HTTP with the configured limits and address guard. */
export function createHttpFetcher(limits: FetchLimits): SourceFetcher {
  return (url, cursor) =>
    fetchSource(url, { ...limits, etag: cursor.etag, lastModified: cursor.lastModified });
}

export interface MemoryResponse {
  status?: number;
  body?: string | Uint8Array;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** Answer with a redirect to this URL (relative to the requested one) instead. */
  location?: string;
}

const MAX_MEMORY_REDIRECTS = 5;

/**
 * The in-memory twin of createHttpFetcher, for tests of code that polls: the same results and error codes
 * for validators, 304, HTTP errors, redirects and unknown hosts (tests/sources/source-fetcher.test.ts runs
 * both through one suite). `routes` may be changed between calls to simulate a feed that updates.
 */
export function createMemoryFetcher(routes: Map<string, MemoryResponse>): SourceFetcher {
  return async (url, cursor) => {
    const seen = new Set<string>();
    let current = url;
    for (;;) {
      seen.add(current);
      const response = routes.get(current);
      if (!response) {
        throw new FetchError(
          "network",
          url,
          `Could not fetch ${url}: the host ${hostOf(current)} could not be found.`,
        );
      }
      const status = response.status ?? 200;
      if (response.location !== undefined) {
        const next = new URL(response.location, current).href;
        if (seen.has(next))
          throw new FetchError("redirect_loop", url, `${url} redirects in a loop (back to ${next}).`);
        if (seen.size > MAX_MEMORY_REDIRECTS) {
          throw new FetchError(
            "redirect_loop",
            url,
            `${url} redirected more than ${MAX_MEMORY_REDIRECTS} times.`,
          );
        }
        current = next;
        continue;
      }
      const unchanged =
        (cursor.etag !== null && cursor.etag === response.etag) ||
        (cursor.lastModified !== null && cursor.lastModified === response.lastModified);
      if (unchanged || status === 304) return { status: "not_modified", finalUrl: current };
      if (status < 200 || status >= 300) {
        throw new FetchError("http_status", url, `${current} answered ${status}.`, { httpStatus: status });
      }
      const body = response.body ?? "";
      return {
        status: "ok",
        bytes: typeof body === "string" ? new TextEncoder().encode(body) : body,
        contentType: response.contentType ?? null,
        etag: response.etag ?? null,
        lastModified: response.lastModified ?? null,
        finalUrl: current,
      };
    }
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
