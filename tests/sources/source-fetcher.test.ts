import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError } from "../../src/sources/http-fetch.ts";
import {
  createHttpFetcher,
  createMemoryFetcher,
  type MemoryResponse,
  readFetchLimits,
  type SourceFetcher,
} from "../../src/sources/source-fetcher.ts";
import { type LocalServer, startLocalServer } from "./local-server.ts";

// One description of the world, served for real over HTTP and held by the in-memory twin; both fetchers
// must give the same answers, so tests that use the twin cannot drift from production behaviour.
const FEED = '<rss version="2.0"><channel><title>أخبار</title></channel></rss>';
const SPEC: Record<string, MemoryResponse> = {
  "/feed": {
    body: FEED,
    contentType: "application/rss+xml; charset=utf-8",
    etag: '"e1"',
    lastModified: "Sat, 12 Jul 2025 10:00:00 GMT",
  },
  "/error": { status: 500 },
  "/moved": { status: 301, location: "/feed" },
  "/loop-a": { status: 302, location: "/loop-b" },
  "/loop-b": { status: 302, location: "/loop-a" },
};

function serve(
  spec: MemoryResponse,
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  res: ServerResponse,
) {
  if (spec.location) return void res.writeHead(spec.status ?? 302, { location: spec.location }).end();
  if (
    (spec.etag && ifNoneMatch === spec.etag) ||
    (spec.lastModified && ifModifiedSince === spec.lastModified)
  ) {
    return void res.writeHead(304).end();
  }
  const headers: Record<string, string> = {};
  if (spec.contentType) headers["content-type"] = spec.contentType;
  if (spec.etag) headers.etag = spec.etag;
  if (spec.lastModified) headers["last-modified"] = spec.lastModified;
  res.writeHead(spec.status ?? 200, headers).end(spec.body ?? "");
}

let server: LocalServer;
const fetchers: Record<string, () => SourceFetcher> = {
  http: () => createHttpFetcher({ timeoutMs: 5000, maxBytes: 100_000, allowPrivate: true }),
  memory: () =>
    createMemoryFetcher(new Map(Object.entries(SPEC).map(([path, spec]) => [server.url(path), spec]))),
};

beforeAll(async () => {
  server = await startLocalServer(
    Object.fromEntries(
      Object.entries(SPEC).map(([path, spec]) => [
        path,
        (req, res) => serve(spec, req.headers["if-none-match"], req.headers["if-modified-since"], res),
      ]),
    ),
  );
});

afterAll(() => server.close());

const NO_CURSOR = { etag: null, lastModified: null };

describe.each(Object.keys(fetchers))("SourceFetcher contract: %s", (kind) => {
  const fetcher = () => (fetchers[kind] as () => SourceFetcher)();

  async function failure(url: string): Promise<FetchError> {
    const error = await fetcher()(url, NO_CURSOR).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }

  it("returns the body with its content type and validators", async () => {
    const result = await fetcher()(server.url("/feed"), NO_CURSOR);
    expect(result).toMatchObject({
      status: "ok",
      contentType: "application/rss+xml; charset=utf-8",
      etag: '"e1"',
      lastModified: "Sat, 12 Jul 2025 10:00:00 GMT",
      finalUrl: server.url("/feed"),
    });
    expect(result.status === "ok" && new TextDecoder().decode(result.bytes)).toBe(FEED);
  });

  it.each([
    ["ETag", { etag: '"e1"', lastModified: null }],
    ["Last-Modified", { etag: null, lastModified: "Sat, 12 Jul 2025 10:00:00 GMT" }],
  ])("answers not_modified to a matching %s", async (_label, cursor) => {
    expect(await fetcher()(server.url("/feed"), cursor)).toEqual({
      status: "not_modified",
      finalUrl: server.url("/feed"),
    });
  });

  it("follows a redirect to the final URL", async () => {
    expect(await fetcher()(server.url("/moved"), NO_CURSOR)).toMatchObject({
      status: "ok",
      finalUrl: server.url("/feed"),
    });
  });

  it.each([
    ["/error", "http_status"],
    ["/loop-a", "redirect_loop"],
  ])("%s fails with %s, naming the requested URL", async (path, code) => {
    const error = await failure(server.url(path));
    expect(error.code).toBe(code);
    expect(error.url).toBe(server.url(path));
  });

  it("keeps the HTTP status", async () => {
    expect((await failure(server.url("/error"))).httpStatus).toBe(500);
  });

  it("fails with network for an unknown host", async () => {
    expect((await failure("http://no-such-host.invalid/rss")).code).toBe("network");
  });
});

describe("readFetchLimits", () => {
  it("maps the configuration", () => {
    expect(
      readFetchLimits({ FETCH_TIMEOUT_MS: 15_000, FETCH_MAX_BYTES: 5_000_000, ALLOW_PRIVATE_SOURCES: false }),
    ).toEqual({
      timeoutMs: 15_000,
      maxBytes: 5_000_000,
      allowPrivate: false,
    });
  });
});
