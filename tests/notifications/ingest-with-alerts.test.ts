import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";
import { ensureChat } from "../../src/notifications/chat-store.ts";
import { createAlertingIngest } from "../../src/notifications/ingest-with-alerts.ts";
import { listOutbox } from "../../src/notifications/outbox-store.ts";
import { addSubscription } from "../../src/notifications/subscription-store.ts";
import { createArticlePipeline } from "../../src/pipeline.ts";
import { addSource } from "../../src/sources/source-store.ts";
import { startRasid } from "../faults/rasid-process.ts";
import { type LocalServer, startLocalServer } from "../sources/local-server.ts";

const NOW = new Date("2025-07-14T09:00:00Z");
const TEXT = "أفادت وكالة الأنباء المركزية الكورية بأن ميناء وونسان استقبل سفينة شحن روسية جديدة.";

function openFollowingDb(path = ":memory:") {
  const db = openDatabase(path);
  ensureChat(db, { id: 11, type: "private" }, { lang: "ar", timezone: "UTC", digestTime: "08:00" }, NOW);
  addSubscription(db, { chatId: 11, targetKind: "keyword", target: "وونسان", label: "وونسان" }, NOW);
  return db;
}

describe("createAlertingIngest", () => {
  it("stores a new article with its alerts, and counts them", () => {
    const db = openFollowingDb();
    const alerting = createAlertingIngest(db, createArticlePipeline(db, { now: () => NOW }), () => NOW);
    const input = {
      url: "https://news.example/1",
      title: "سفينة في وونسان",
      text: TEXT,
      published: NOW.toISOString(),
    };
    expect(alerting.ingest(input).status).toBe("added");
    expect(alerting.ingest(input).status).toBe("skipped");
    expect(alerting.takeQueuedCount()).toBe(1);
    expect(alerting.takeQueuedCount()).toBe(0);
    expect(listOutbox(db).map((row) => row.dedupeKey)).toEqual([expect.stringMatching(/^kw:11:/)]);
  });

  it("stores neither when the alerts cannot be queued, so the next poll tries the article again", () => {
    const db = openFollowingDb();
    db.exec("DROP TABLE outbox");
    const alerting = createAlertingIngest(db, createArticlePipeline(db, { now: () => NOW }), () => NOW);
    expect(() =>
      alerting.ingest({ url: "https://news.example/1", text: TEXT, published: NOW.toISOString() }),
    ).toThrow(/outbox/);
    expect(db.prepare("SELECT count(*) AS n FROM articles").get()).toEqual({ n: 0 });
  });
});

describe("rasid fetch", () => {
  let feed: LocalServer;
  beforeAll(async () => {
    const published = new Date(Date.now() - 3_600_000).toUTCString();
    feed = await startLocalServer({
      "/rss": (_req, res) =>
        res
          .writeHead(200, { "content-type": "application/rss+xml" })
          .end(
            `<rss version="2.0"><channel><title>وكالة</title><item><title>سفينة في وونسان</title>` +
              `<link>https://news.example/1</link><pubDate>${published}</pubDate><description>${TEXT}</description></item></channel></rss>`,
          ),
    });
  });
  afterAll(() => feed.close());

  it("queues the alerts of what it stores, as the scheduler's poll does", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "rasid-fetch-alerts-")), "rasid.db");
    const db = openFollowingDb(path);
    addSource(db, { url: feed.url("/rss"), name: "وكالة" }, NOW);
    db.close();
    const run = startRasid(["fetch"], { RASID_DB: path, ALLOW_PRIVATE_SOURCES: "true" });
    expect(await run.exited).toBe(0);
    const after = openDatabase(path);
    expect(listOutbox(after).map((row) => [row.chatId, row.status])).toEqual([[11, "pending"]]);
    after.close();
  });
});
