import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/open.ts";
import { addSourceAndProbe } from "../../src/sources/add-source.ts";
import { createHttpFetcher } from "../../src/sources/source-fetcher.ts";
import { listSources } from "../../src/sources/source-store.ts";
import { type LocalServer, startLocalServer } from "./local-server.ts";
import { ARTICLE_PAGE, ITEMS, rss } from "./news-fixtures.ts";

const HOME_PAGE = `<!doctype html><html lang="ar"><head><title>الرئيسية</title>
<link rel="alternate" type="application/rss+xml" title="تعليقات" href="/broken-feed">
<link rel="alternate" type="application/rss+xml" title="أحدث الأخبار" href="/rss?lang=ar&amp;v=1">
</head><body><nav>سياسة · اقتصاد · رياضة</nav></body></html>`;

let server: LocalServer;
let db: Db;
const now = () => new Date("2025-07-20T09:00:00Z");

beforeAll(async () => {
  server = await startLocalServer({
    "/rss": (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(ITEMS.slice(0, 2))),
    "/home": (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(HOME_PAGE),
    "/broken-feed": (_req, res) => res.writeHead(500).end(),
    "/article": (_req, res) =>
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE_PAGE),
    "/empty-page": (_req, res) =>
      res
        .writeHead(200, { "content-type": "text/html" })
        .end("<html><head><title>فارغ</title></head><body></body></html>"),
    "/text": (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("هذا ليس خلاصة أخبار"),
    "/truncated": (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(ITEMS).slice(0, 300)),
    "/error": (_req, res) => res.writeHead(500).end(),
  });
});

afterAll(() => server.close());

beforeEach(() => {
  db = openDatabase(":memory:");
});

function deps(allowPrivate = true) {
  return { db, now, fetch: createHttpFetcher({ timeoutMs: 5000, maxBytes: 1_000_000, allowPrivate }) };
}

describe("addSourceAndProbe", () => {
  it("adds a feed and reports what it found; the same URL again is a duplicate", async () => {
    const result = await addSourceAndProbe(deps(), server.url("/rss"), { addedBy: 7 });
    expect(result).toMatchObject({
      ok: true,
      kind: "feed",
      format: "rss",
      title: "أخبار كوريا",
      items: 2,
      sample: ["لافروف يصل إلى وونسان", "شويغو في بيونغ يانغ"],
      source: { name: "أخبار كوريا", addedBy: 7, kind: "feed", url: server.url("/rss") },
    });
    expect(await addSourceAndProbe(deps(), `${server.url("/rss")}#again`)).toMatchObject({
      ok: false,
      code: "duplicate_source",
    });
  });

  it("replaces a home page by the first working feed it advertises", async () => {
    const result = await addSourceAndProbe(deps(), server.url("/home"), { name: "الموقع" });
    expect(result).toMatchObject({
      ok: true,
      kind: "feed",
      items: 2,
      discoveredFrom: server.url("/home"),
      source: { url: server.url("/rss?lang=ar&v=1"), name: "الموقع" },
    });
  });

  it("adds an article page when there is no feed to be found", async () => {
    const result = await addSourceAndProbe(deps(), server.url("/article"));
    expect(result).toMatchObject({ ok: true, kind: "page", format: null, title: "قمة في موسكو", items: 1 });
    expect(result.ok && result.discoveredFrom).toBeFalsy();
  });

  it.each([
    ["/error", "http_status", /answered 500/],
    ["/text", "feed_parse", /not XML or JSON/],
    ["/truncated", "feed_parse", /not well-formed/],
    ["/empty-page", "empty_article", /No article text/],
  ])("refuses %s (%s) and stores nothing", async (path, code, reason) => {
    const result = await addSourceAndProbe(deps(), server.url(path));
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.reason).toMatch(reason);
    expect(listSources(db)).toEqual([]);
  });

  it.each([
    ["not a URL", "روسيا اليوم", "bad_url"],
    ["another scheme", "ftp://example.com/rss", "bad_url"],
  ])("refuses %s", async (_label, url, code) => {
    expect(await addSourceAndProbe(deps(), url)).toMatchObject({ ok: false, code });
  });

  it("refuses a loopback source when private addresses are not allowed", async () => {
    expect(await addSourceAndProbe(deps(false), server.url("/rss"))).toMatchObject({
      ok: false,
      code: "blocked_address",
    });
  });
});
