import iconv from "iconv-lite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ArticleInput } from "../../src/articles/ingest.ts";
import { type Db, openDatabase } from "../../src/db/open.ts";
import { createArticlePipeline } from "../../src/pipeline.ts";
import { type PollerDeps, pollAllSources, pollSource } from "../../src/sources/poller.ts";
import { createHttpFetcher } from "../../src/sources/source-fetcher.ts";
import { addSource, getSource, type Source } from "../../src/sources/source-store.ts";
import { type LocalServer, startLocalServer } from "./local-server.ts";
import { ARTICLE_PAGE, ITEMS, rss } from "./news-fixtures.ts";

let server: LocalServer;
let feedVersion = 1;
let db: Db;

beforeAll(async () => {
  server = await startLocalServer({
    // Honours If-None-Match; the feed grows by one item when feedVersion is 2.
    "/etag-feed": (req, res) => {
      const etag = `"v${feedVersion}"`;
      if (req.headers["if-none-match"] === etag) return void res.writeHead(304).end();
      const items = feedVersion === 1 ? ITEMS.slice(0, 2) : ITEMS;
      res.writeHead(200, { "content-type": "application/rss+xml", etag }).end(rss(items));
    },
    // Ignores validators: the poller itself must recognise what it already stored.
    "/plain-feed": (_req, res) => res.writeHead(200, { "content-type": "text/xml" }).end(rss(ITEMS)),
    "/cp1256-feed": (_req, res) =>
      res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(iconv.encode(rss(ITEMS.slice(0, 1), "windows-1256"), "windows-1256")),
    "/page": (_req, res) =>
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE_PAGE),
    "/truncated": (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(ITEMS).slice(0, 300)),
    "/text": (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("هذا ليس خلاصة أخبار"),
    "/error": (_req, res) => res.writeHead(500).end(),
    "/with-bad-item": (_req, res) =>
      res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(
          rss([
            ITEMS[0] as (typeof ITEMS)[0],
            { title: "", link: "https://news.example.com/ar/empty", text: "" },
          ]),
        ),
    "/local-links": (_req, res) =>
      res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(rss([{ title: "قمة في موسكو", link: "/page", text: "ملخص قصير" }])),
  });
});

afterAll(() => server.close());

beforeEach(() => {
  db = openDatabase(":memory:");
  feedVersion = 1;
});

function makeDeps(overrides: Partial<PollerDeps> = {}, limits: Partial<PollerDeps["limits"]> = {}) {
  const warnings: string[] = [];
  const pipeline = createArticlePipeline(db, { now: () => new Date("2025-07-20T10:00:00Z") });
  const deps: PollerDeps = {
    db,
    fetch: createHttpFetcher({ timeoutMs: 5000, maxBytes: 1_000_000, allowPrivate: true }),
    ingest: (input) => pipeline.ingest(input),
    now: () => new Date("2025-07-20T10:00:00Z"),
    limits: { failureLimit: 3, ...limits },
    log: {
      info: () => undefined,
      warn: (message, detail) => warnings.push(`${message} ${String(detail ?? "")}`),
    },
    ...overrides,
  };
  return { deps, warnings };
}

function add(path: string, name = path): Source {
  return addSource(db, { url: server.url(path), name }, new Date("2025-07-20T09:00:00Z"));
}

function storedTitles(): string[] {
  return (db.prepare("SELECT title FROM articles ORDER BY id").all() as { title: string }[]).map(
    (r) => r.title,
  );
}

describe("pollSource", () => {
  it("adds new items once, answers 304 with nothing new, then adds only the new item", async () => {
    const { deps } = makeDeps();
    const source = add("/etag-feed", "أخبار");
    const first = await pollSource(deps, source);
    expect(first).toMatchObject({ outcome: "new_content", added: 2, skipped: 0, errors: [] });
    expect(getSource(db, source.id)).toMatchObject({
      etag: '"v1"',
      itemsTotal: 2,
      failures: 0,
      kind: "feed",
    });

    const second = await pollSource(deps, getSource(db, source.id) as Source);
    expect(second).toMatchObject({ outcome: "not_modified", added: 0 });

    feedVersion = 2;
    const third = await pollSource(deps, getSource(db, source.id) as Source);
    expect(third).toMatchObject({ outcome: "new_content", added: 1, skipped: 2 });
    expect(getSource(db, source.id)).toMatchObject({ etag: '"v2"', itemsTotal: 3 });
    expect(storedTitles()).toEqual(ITEMS.map((i) => i.title));
  });

  it("skips already stored items when the server ignores conditional GET", async () => {
    const { deps } = makeDeps();
    const source = add("/plain-feed");
    expect((await pollSource(deps, source)).added).toBe(3);
    expect(await pollSource(deps, getSource(db, source.id) as Source)).toMatchObject({
      added: 0,
      skipped: 3,
    });
    const row = db
      .prepare("SELECT source_id, source_name, published_utc, url FROM articles WHERE url = ?")
      .get("https://news.example.com/ar/1");
    expect(row).toEqual({
      source_id: source.id,
      source_name: "/plain-feed",
      published_utc: "2025-07-10T04:00:00.000Z",
      url: "https://news.example.com/ar/1",
    });
  });

  it("decodes a windows-1256 feed", async () => {
    const { deps } = makeDeps();
    await pollSource(deps, add("/cp1256-feed"));
    expect(storedTitles()).toEqual(["لافروف يصل إلى وونسان"]);
  });

  it("treats an HTML page (not a feed) as an article page", async () => {
    const { deps } = makeDeps();
    const source = add("/page");
    expect(await pollSource(deps, source)).toMatchObject({ outcome: "new_content", added: 1 });
    expect(getSource(db, source.id)?.kind).toBe("page");
    const row = db.prepare("SELECT title, clean_text, published FROM articles").get() as Record<
      string,
      string
    >;
    expect(row.title).toBe("قمة في موسكو");
    expect(row.clean_text).toContain("تشوي سون هوي");
    expect(row.published).toBe("2025-07-15T09:00:00+03:00");
  });

  it("logs and skips one bad item, storing the rest", async () => {
    const { deps, warnings } = makeDeps();
    const report = await pollSource(deps, add("/with-bad-item", "مصدر"));
    expect(report.added).toBe(1);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(/^https:\/\/news\.example\.com\/ar\/empty: /);
    expect(warnings.some((w) => w.includes("مصدر") && w.includes("ar/empty"))).toBe(true);
  });

  it("keeps the cursor when storing failed, so the items are fetched again", async () => {
    const pipeline = createArticlePipeline(db);
    const flaky = (input: ArticleInput) => {
      if (input.url?.endsWith("/2")) throw new Error("SQLITE_BUSY: database is locked");
      return pipeline.ingest(input);
    };
    const { deps } = makeDeps({ ingest: flaky });
    const source = add("/etag-feed");
    const report = await pollSource(deps, source);
    expect(report).toMatchObject({ added: 1, errors: [expect.stringMatching(/locked/)] });
    expect(getSource(db, source.id)?.etag).toBeNull();
  });

  it.each([
    ["/truncated", /not well-formed/],
    ["/text", /not XML or JSON/],
    ["/error", /answered 500/],
  ])("fails %s with a reason and counts the failure", async (path, reason) => {
    const { deps } = makeDeps();
    const source = add(path);
    const report = await pollSource(deps, source);
    expect(report.outcome).toBe("failed");
    expect(report.errors[0]).toMatch(reason);
    expect(getSource(db, source.id)).toMatchObject({ failures: 1, status: "active" });
    expect(getSource(db, source.id)?.lastError).toMatch(reason);
  });

  it("fetches each item's page when asked to, resolving relative links against the feed URL", async () => {
    const { deps } = makeDeps({}, { fetchItemPages: true });
    const source = add("/local-links");
    await pollSource(deps, source);
    const row = db.prepare("SELECT url, clean_text FROM articles").get() as {
      url: string;
      clean_text: string;
    };
    expect(row.url).toBe(server.url("/page"));
    expect(row.clean_text).toContain("معاهدة الشراكة الاستراتيجية الشاملة");
    // The next poll does not fetch the page of an item already stored.
    const pageRequests = () => server.requests.filter((r) => r === "GET /page").length;
    const before = pageRequests();
    expect(await pollSource(deps, getSource(db, source.id) as Source)).toMatchObject({
      added: 0,
      skipped: 1,
    });
    expect(pageRequests()).toBe(before);
  });
});

describe("pollAllSources", () => {
  it("auto-pauses a failing source after N failures, says so once, and then leaves it alone", async () => {
    const { deps, warnings } = makeDeps();
    const good = add("/plain-feed", "جيد");
    const bad = add("/error", "معطل");
    const rounds = [];
    for (let i = 0; i < 4; i++) rounds.push(await pollAllSources(deps));
    expect(rounds.map((r) => r.map((s) => s.sourceId))).toEqual([
      [good.id, bad.id],
      [good.id, bad.id],
      [good.id, bad.id],
      [good.id],
    ]);
    expect(rounds.map((r) => r.find((s) => s.sourceId === bad.id)?.paused ?? false)).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect(getSource(db, bad.id)).toMatchObject({ status: "paused", failures: 3 });
    expect(warnings.filter((w) => w.includes("paused"))).toHaveLength(1);
    expect(rounds[0]?.[0]).toMatchObject({ name: "جيد", added: 3 });
  });
});
