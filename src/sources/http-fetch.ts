import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { RasidError } from "../errors.ts";
import { isPublicAddress } from "./address-policy.ts";

export type FetchErrorCode =
  | "timeout"
  | "too_large"
  | "http_status"
  | "redirect_loop"
  | "blocked_address"
  | "bad_scheme"
  | "network";

/** A fetch that failed; `message` says what happened and what to do, `httpStatus` is set for http_status. */
export class FetchError extends RasidError {
  declare readonly code: FetchErrorCode;
  readonly url: string;
  readonly httpStatus: number | undefined;

  constructor(
    code: FetchErrorCode,
    url: string,
    message: string,
    options?: { cause?: unknown; httpStatus?: number },
  ) {
    super(code, message, options);
    this.url = url;
    this.httpStatus = options?.httpStatus;
  }
}

export interface FetchOptions {
  /** The validators of the last stored fetch, sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Deadline for the whole fetch, redirects and a slow body included. */
  timeoutMs: number;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  /** Lets sources on loopback or private networks through (tests, intranet deployments). */
  allowPrivate: boolean;
  /** The address rule; defaults to public addresses only, or any address with allowPrivate. */
  isAllowedAddress?: (address: string) => boolean;
  maxRedirects?: number;
}

export type FetchResult =
  | { status: "not_modified"; finalUrl: string }
  | {
      status: "ok";
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
    };

const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = "rasid/0.1 (Arabic news monitor)";
const ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

/**
 * Fetches a source with a conditional GET. Redirects are followed by hand so that every hop is checked: only
 * http(s), and — unless allowPrivate — only public addresses. The address check runs inside the socket's DNS
 * lookup, so it judges the very address connected to and a DNS answer that changes between check and
 * connect (rebinding) cannot slip through.
 */
export async function fetchSource(url: string, options: FetchOptions): Promise<FetchResult> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const isAllowed = options.isAllowedAddress ?? (options.allowPrivate ? () => true : isPublicAddress);
  const seen = new Set<string>();
  let current = url;
  try {
    for (;;) {
      const target = checkUrl(current, url, isAllowed);
      seen.add(target.href);
      const response = await requestOnce(target, url, options, isAllowed, deadline.signal);
      if (response.redirect === undefined) return response.result;
      const next = resolveRedirect(response.redirect, target, url);
      if (seen.has(next)) {
        throw new FetchError(
          "redirect_loop",
          url,
          `${url} redirects in a loop (back to ${next}); fix the address.`,
        );
      }
      if (seen.size > maxRedirects) {
        throw new FetchError(
          "redirect_loop",
          url,
          `${url} redirected more than ${maxRedirects} times; use the final address of the feed instead.`,
        );
      }
      current = next;
    }
  } catch (error) {
    if (deadline.signal.aborted && !(error instanceof FetchError && error.code !== "network")) {
      throw new FetchError(
        "timeout",
        url,
        `${url} did not answer completely within ${Math.round(options.timeoutMs / 1000)} s; the site may be slow or down — it will be tried again on the next poll.`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Parses and checks one hop; errors name the source URL and, for a redirect, where it led. */
function checkUrl(raw: string, source: string, isAllowed: (address: string) => boolean): URL {
  const what = raw === source ? raw : `${source} (redirected to ${raw})`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(
      "bad_scheme",
      source,
      `${JSON.stringify(raw)} is not a URL; give an http:// or https:// address.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(
      "bad_scheme",
      source,
      `${what} uses ${url.protocol}; only http:// and https:// sources can be read.`,
    );
  }
  url.hash = "";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0 && !isAllowed(host)) throw blockedAddress(source, what, host);
  return url;
}

function blockedAddress(source: string, what: string, address: string): FetchError {
  return new FetchError(
    "blocked_address",
    source,
    `${what} points to ${address}, a private, loopback or reserved address; only public sites can be sources (an operator can set ALLOW_PRIVATE_SOURCES=true).`,
  );
}

function resolveRedirect(location: string, from: URL, source: string): string {
  try {
    const next = new URL(location, from);
    next.hash = "";
    return next.href;
  } catch {
    throw new FetchError(
      "network",
      source,
      `${from.href} redirects to an invalid address ${JSON.stringify(location)}.`,
    );
  }
}

/** A DNS lookup that refuses the whole host when any of its addresses is not public. */
function createGuardedLookup(
  source: string,
  hop: string,
  isAllowed: (address: string) => boolean,
): LookupFunction {
  const what = hop === source ? source : `${source} (redirected to ${hop})`;
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const blocked = addresses.find((a) => !isAllowed(a.address));
      if (blocked) return callback(blockedAddress(source, what, `${blocked.address} (${hostname})`), "", 4);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 4);
      if (options.all) return (callback as (e: null, a: typeof addresses) => void)(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

type HopOutcome = { redirect: string; result?: undefined } | { redirect?: undefined; result: FetchResult };

function requestOnce(
  url: URL,
  source: string,
  options: FetchOptions,
  isAllowed: (address: string) => boolean,
  signal: AbortSignal,
): Promise<HopOutcome> {
  const headers: Record<string, string> = {
    "user-agent": USER_AGENT,
    accept: ACCEPT,
    "accept-encoding": "gzip, deflate, br",
  };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;
  const client = url.protocol === "https:" ? https : http;

  return new Promise<HopOutcome>((resolve, reject) => {
    const request = client.get(
      url,
      {
        headers,
        signal,
        lookup: createGuardedLookup(source, url.href, isAllowed),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const header = (name: string) => {
          const value = response.headers[name];
          return (Array.isArray(value) ? value[0] : value) ?? null;
        };
        if (status >= 300 && status < 400 && status !== 304) {
          response.resume();
          const location = header("location");
          if (!location) {
            reject(
              new FetchError("http_status", source, `${url.href} answered ${status} without a Location.`, {
                httpStatus: status,
              }),
            );
            return;
          }
          resolve({ redirect: location });
          return;
        }
        if (status === 304) {
          response.resume();
          resolve({ result: { status: "not_modified", finalUrl: url.href } });
          return;
        }
        if (status < 200 || status >= 300) {
          response.resume();
          reject(httpStatusError(source, url.href, status, response.statusMessage));
          return;
        }
        const declared = Number(header("content-length"));
        if (header("content-encoding") === null && Number.isFinite(declared) && declared > options.maxBytes) {
          response.destroy();
          reject(tooLarge(source, url.href, options.maxBytes));
          return;
        }
        readBody(decompress(response, header("content-encoding")), options.maxBytes, source, url.href).then(
          (bytes) =>
            resolve({
              result: {
                status: "ok",
                bytes,
                contentType: header("content-type"),
                etag: header("etag"),
                lastModified: header("last-modified"),
                finalUrl: url.href,
              },
            }),
          (error: unknown) => {
            response.destroy();
            reject(error);
          },
        );
      },
    );
    request.on("error", (error) =>
      reject(error instanceof FetchError ? error : networkError(source, url.href, error)),
    );
  });
}

function decompress(response: http.IncomingMessage, encoding: string | null): Readable {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return response.pipe(zlib.createGunzip());
    case "deflate":
      return response.pipe(zlib.createInflate());
    case "br":
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

/** Reads a stream to its end, giving up as soon as it passes maxBytes. */
function readBody(stream: Readable, maxBytes: number, source: string, url: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stream.destroy();
        reject(tooLarge(source, url, maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    stream.on("error", (error) => reject(networkError(source, url, error)));
    stream.on("close", () => {
      if (!stream.readableEnded)
        reject(networkError(source, url, new Error("the connection closed before the end of the body")));
    });
  });
}

function tooLarge(source: string, url: string, maxBytes: number): FetchError {
  return new FetchError(
    "too_large",
    source,
    `${url} sent more than ${formatBytes(maxBytes)}; this is not a news feed or page, or FETCH_MAX_BYTES is too low.`,
  );
}

function httpStatusError(
  source: string,
  url: string,
  status: number,
  statusMessage: string | undefined,
): FetchError {
  const advice =
    status === 404 || status === 410
      ? "check the address; the feed may have moved"
      : status === 401 || status === 403
        ? "the site refuses automated access"
        : status === 429
          ? "the site is rate-limiting us; it will be tried again later"
          : status >= 500
            ? "the site has a problem; it will be tried again on the next poll"
            : "check the address";
  return new FetchError(
    "http_status",
    source,
    `${url} answered ${[status, statusMessage].filter(Boolean).join(" ")}: ${advice}.`,
    {
      httpStatus: status,
    },
  );
}

function networkError(source: string, url: string, error: unknown): FetchError {
  const code = (error as { code?: string }).code;
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  const reason =
    code === "ENOTFOUND" || code === "EAI_AGAIN"
      ? `the host ${host} could not be found; check the address`
      : code === "ECONNREFUSED"
        ? `${host} refused the connection; the site may be down`
        : code === "ECONNRESET" || code === "EPIPE"
          ? `${host} closed the connection; it will be tried again on the next poll`
          : code?.startsWith("ERR_TLS") || code?.includes("CERT")
            ? `the TLS certificate of ${host} is not valid (${code})`
            : `${(error as Error).message ?? String(error)}`;
  return new FetchError("network", source, `Could not fetch ${url}: ${reason}.`, { cause: error });
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1000)} KB`;
}
