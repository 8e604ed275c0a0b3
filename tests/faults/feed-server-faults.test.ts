import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";
import { createArticlePipeline } from "../../src/pipeline.ts";
import { pollAllSources } from "../../src/sources/poller.ts";
import { createHttpFetcher } from "../../src/sources/source-fetcher.ts";
import { addSource, getSource } from "../../src/sources/source-store.ts";
import { type LocalServer, startLocalServer } from "../sources/local-server.ts";

/**
 * One poll over sources that each fail in their own way, served for real on 127.0.0.1, beside one good
 * feed: every broken source is recorded with a reason an admin can act on, the good one is stored, and the
 * poll ends (time-outs and size limits hold) instead of hanging or running out of memory.
 * tests/sources/http-fetch.test.ts checks each fault at the fetch level; this is the poller over all at once.
 */

const TIMEOUT_MS = 1000;
const MAX_BYTES = 1_000_000;
const RSS = (title: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>وكالة</title>` +
  `<item><title>${title}</title><link>https://news.example/${encodeURIComponent(title)}</link>` +
  `<description>${title}: التقى وزير الخارجية الروسي سيرغي لافروف الزعيم الكوري الشمالي كيم جونغ أون في وونسان.</description></item></channel></rss>`;

function drip(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "application/rss+xml" });
  res.write("<rss><channel>");
  const timer = setInterval(() => res.write(" "), 100);
  res.on("close", () => clearInterval(timer));
}

function sendTenMegabytes(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "application/rss+xml" });
  res.on("error", () => undefined);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = () => {
    while (sent < 10_000_000 && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    res.end();
  };
  pump();
}

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer({
    "/good": (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(RSS("خبر سليم")),
    "/500": (_req, res) =>
      res.writeHead(500, { "content-type": "text/html" }).end("<h1>Internal Server Error</h1>"),
    "/hang": () => undefined,
    "/drip": (_req, res) => drip(res),
    "/truncated": (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(RSS("خبر مقطوع").slice(0, 150)),
    "/ten-megabytes": (_req, res) => sendTenMegabytes(res),
    "/loop": (_req, res) => res.writeHead(302, { location: "/loop-back" }).end(),
    "/loop-back": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
    "/wrong-type": (_req, res) =>
      res
        .writeHead(200, { "content-type": "image/png" })
        .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])),
    "/labelled-html": (_req, res) =>
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(RSS("خلاصة بعنوان خاطئ")),
  });
});

afterAll(() => server.close());

describe("one poll over broken feed servers", () => {
  it("records each broken source with its reason and stores what the good ones hold", async () => {
    const db = openDatabase(":memory:");
    const at = new Date("2025-07-20T10:00:00Z");
    const paths = [
      "/good",
      "/500",
      "/hang",
      "/drip",
      "/truncated",
      "/ten-megabytes",
      "/loop",
      "/wrong-type",
      "/labelled-html",
    ];
    for (const path of paths) addSource(db, { url: server.url(path), name: path }, at);
    const pipeline = createArticlePipeline(db, { now: () => at });

    const reports = await pollAllSources({
      db,
      fetch: createHttpFetcher({ timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES, allowPrivate: true }),
      ingest: (input) => pipeline.ingest(input),
      now: () => at,
      limits: { failureLimit: 3 },
      log: { info: () => undefined, warn: () => undefined },
    });

    const outcome = Object.fromEntries(reports.map((r) => [r.name, [r.outcome, r.added, r.errors[0] ?? ""]]));
    expect(outcome).toEqual({
      "/good": ["new_content", 1, ""],
      "/labelled-html": ["new_content", 1, ""],
      "/500": ["failed", 0, expect.stringMatching(/answered 500.*tried again on the next poll/)],
      "/hang": ["failed", 0, expect.stringMatching(/did not answer completely within 1 s/)],
      "/drip": ["failed", 0, expect.stringMatching(/did not answer completely within 1 s/)],
      "/truncated": ["failed", 0, expect.stringMatching(/not well-formed \(truncated or broken markup\)/)],
      "/ten-megabytes": ["failed", 0, expect.stringMatching(/sent more than 1\.0 MB/)],
      "/loop": ["failed", 0, expect.stringMatching(/redirects in a loop/)],
      "/wrong-type": ["failed", 0, expect.stringMatching(/not XML or JSON/)],
    });
    for (const report of reports.filter((r) => r.outcome === "failed")) {
      expect(getSource(db, report.sourceId)).toMatchObject({ failures: 1, status: "active" });
      expect(getSource(db, report.sourceId)?.lastError).toBe(report.errors[0]);
    }
    const titles = db.prepare("SELECT title FROM articles ORDER BY title").all();
    expect(titles).toEqual([{ title: "خبر سليم" }, { title: "خلاصة بعنوان خاطئ" }]);
    db.close();
  }, 15_000);
});
