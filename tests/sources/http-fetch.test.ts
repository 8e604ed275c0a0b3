import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBody } from "../../src/sources/decode.ts";
import { FetchError, type FetchOptions, fetchSource } from "../../src/sources/http-fetch.ts";
import { type LocalServer, startLocalServer } from "./local-server.ts";

const FEED = `<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>أخبار</title>
<item><title>لافروف في بيونغ يانغ</title><link>https://example.com/1</link></item></channel></rss>`;
const ETAG = '"v1-abc"';
const LAST_MODIFIED = "Sat, 12 Jul 2025 10:00:00 GMT";

let server: LocalServer;
const options: FetchOptions = { timeoutMs: 1500, maxBytes: 1_000_000, allowPrivate: true };

beforeAll(async () => {
  server = await startLocalServer({
    "/feed": (req, res) => {
      if (req.headers["if-none-match"] === ETAG || req.headers["if-modified-since"] === LAST_MODIFIED) {
        res.writeHead(304).end();
        return;
      }
      res
        .writeHead(200, { "content-type": "application/rss+xml", etag: ETAG, "last-modified": LAST_MODIFIED })
        .end(iconv.encode(FEED, "windows-1256"));
    },
    "/gzip": (_req, res) => {
      res
        .writeHead(200, { "content-type": "text/xml; charset=utf-8", "content-encoding": "gzip" })
        .end(gzipSync(FEED));
    },
    "/error": (_req, res) => res.writeHead(500, { "content-type": "text/plain" }).end("boom"),
    "/gone": (_req, res) => res.writeHead(404).end(),
    "/hang": () => {
      // never answers
    },
    "/drip": (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write("<rss><channel>");
      const timer = setInterval(() => res.write(" "), 100);
      res.on("close", () => clearInterval(timer));
    },
    "/cut": (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml", "content-length": "5000" });
      res.write("<rss><channel><item><title>مقطوع");
      setTimeout(() => res.destroy(), 20);
    },
    "/big": (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml", "content-length": String(10_000_000) });
      res.end(Buffer.alloc(10_000_000, 0x20));
    },
    "/big-chunked": (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      const chunk = Buffer.alloc(100_000, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 10_000_000) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("error", () => undefined);
      pump();
    },
    "/gzip-bomb": (_req, res) => {
      res
        .writeHead(200, { "content-type": "text/xml", "content-encoding": "gzip" })
        .end(gzipSync(Buffer.alloc(10_000_000, 0x20)));
    },
    "/loop-a": (_req, res) => res.writeHead(302, { location: "/loop-b" }).end(),
    "/loop-b": (_req, res) => res.writeHead(301, { location: "/loop-a#x" }).end(),
    "/moved": (_req, res) => res.writeHead(301, { location: "/feed" }).end(),
    "/to-metadata": (_req, res) =>
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    "/to-loopback": (req, res) =>
      res.writeHead(307, { location: `http://[::1]:${req.socket.localPort}/feed` }).end(),
    "/to-file": (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
    ...Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `/hop${i}`,
        (_req: unknown, res: import("node:http").ServerResponse) =>
          res.writeHead(302, { location: `/hop${i + 1}` }).end(),
      ]),
    ),
  });
});

afterAll(() => server.close());

async function fetchError(url: string, overrides: Partial<FetchOptions> = {}): Promise<FetchError> {
  try {
    await fetchSource(url, { ...options, ...overrides });
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error(`expected ${url} to fail`);
}

describe("fetchSource", () => {
  it("fetches bytes with their validators, and a conditional GET with the ETag gets 304", async () => {
    const first = await fetchSource(server.url("/feed"), options);
    expect(first.status).toBe("ok");
    if (first.status !== "ok") return;
    expect(first).toMatchObject({
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      contentType: "application/rss+xml",
    });
    expect(decodeBody(first.bytes, first.contentType ?? undefined)).toContain("لافروف في بيونغ يانغ");

    const again = await fetchSource(server.url("/feed"), { ...options, etag: first.etag });
    expect(again).toEqual({ status: "not_modified", finalUrl: server.url("/feed") });
    const byDate = await fetchSource(server.url("/feed"), { ...options, lastModified: first.lastModified });
    expect(byDate.status).toBe("not_modified");
  });

  it("decompresses gzip", async () => {
    const result = await fetchSource(server.url("/gzip"), options);
    expect(result.status === "ok" && new TextDecoder().decode(result.bytes)).toBe(FEED);
  });

  it("follows a redirect and reports the final URL", async () => {
    const result = await fetchSource(server.url("/moved"), options);
    expect(result).toMatchObject({ status: "ok", finalUrl: server.url("/feed") });
  });

  it.each([
    ["/error", "http_status", /answered 500.*tried again/],
    ["/gone", "http_status", /answered 404.*check the address/],
    ["/hang", "timeout", /did not answer completely/],
    ["/drip", "timeout", /did not answer completely/],
    ["/cut", "network", /closed|aborted|Could not fetch/],
    ["/big", "too_large", /more than 1\.0 MB/],
    ["/big-chunked", "too_large", /more than 1\.0 MB/],
    ["/gzip-bomb", "too_large", /more than 1\.0 MB/],
    ["/loop-a", "redirect_loop", /loop/],
    ["/hop0", "redirect_loop", /more than 5 times/],
    ["/to-file", "bad_scheme", /only http/],
  ])("%s fails with %s", async (path, code, message) => {
    const error = await fetchError(server.url(path));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.url).toBe(server.url(path));
  });

  it("keeps the HTTP status on http_status errors", async () => {
    expect((await fetchError(server.url("/error"))).httpStatus).toBe(500);
  });

  it.each([
    ["ftp://example.com/feed.xml", "bad_scheme"],
    ["file:///etc/passwd", "bad_scheme"],
    ["not a url", "bad_scheme"],
  ])("refuses %s", async (url, code) => {
    expect((await fetchError(url)).code).toBe(code);
  });

  describe("address guard (allowPrivate off)", () => {
    it("refuses 127.0.0.1 without sending a request", async () => {
      const before = server.requests.length;
      const error = await fetchError(server.url("/feed"), { allowPrivate: false });
      expect(error.code).toBe("blocked_address");
      expect(error.message).toMatch(/ALLOW_PRIVATE_SOURCES/);
      expect(server.requests.length).toBe(before);
    });

    it("refuses a host name that resolves to loopback (checked at DNS lookup)", async () => {
      const url = server.url("/feed").replace("127.0.0.1", "localhost");
      const error = await fetchError(url, { allowPrivate: false });
      expect(error.code).toBe("blocked_address");
      expect(error.message).toMatch(/127\.0\.0\.1|::1/);
    });

    it("checks every redirect hop, not just the first URL", async () => {
      // Let the test server through (it is on loopback too); the hop to the metadata address must still fail.
      const onlyTestServer = (address: string) => address === "127.0.0.1";
      const error = await fetchError(server.url("/to-metadata"), {
        allowPrivate: false,
        isAllowedAddress: onlyTestServer,
      });
      expect(error.code).toBe("blocked_address");
      expect(error.message).toMatch(/169\.254\.169\.254/);
    });

    it("refuses a redirect to a loopback address", async () => {
      const onlyTestServer = (address: string) => address === "127.0.0.1";
      const error = await fetchError(server.url("/to-loopback"), {
        allowPrivate: false,
        isAllowedAddress: onlyTestServer,
      });
      expect(error.code).toBe("blocked_address");
      expect(error.message).toMatch(/::1/);
    });
  });
});
