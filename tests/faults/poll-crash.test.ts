import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";
import { addSource } from "../../src/sources/source-store.ts";
import { type LocalServer, startLocalServer } from "../sources/local-server.ts";
import { type BotApiStandIn, startBotApiStandIn } from "./bot-api-stand-in.ts";
import { startRasid, waitUntil } from "./rasid-process.ts";
import { subscribeChatsToKeyword } from "./subscribed-chats.ts";

/**
 * `rasid serve` killed in the middle of a poll, after some articles were stored and while another source
 * still keeps the poll open: after the restart those articles are "already stored", so their alerts must
 * have been queued with them — every subscriber still gets every alert, once.
 */

const TOKEN = "777005:poll-crash-token";
const CHATS = [6001, 6002, 6003];
const ARTICLES = 4;

function countArticles(path: string): number {
  try {
    const db = new Database(path, { readonly: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe("rasid serve killed in the middle of a poll", () => {
  let dir: string;
  let feeds: LocalServer;
  let api: BotApiStandIn;
  let slowRequests = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rasid-poll-crash-"));
    const published = new Date(Date.now() - 3_600_000).toUTCString();
    const rss = Array.from(
      { length: ARTICLES },
      (_, i) =>
        `<item><title>تقرير ${i} من وونسان</title><link>https://poll-crash.example/${i}</link><pubDate>${published}</pubDate>` +
        `<description>أفادت وكالة الأنباء المركزية الكورية في التقرير ${i} بأن ميناء وونسان استقبل سفينة جديدة.</description></item>`,
    );
    feeds = await startLocalServer({
      "/fast": (_req, res) =>
        res
          .writeHead(200, { "content-type": "application/rss+xml" })
          .end(`<rss version="2.0"><channel><title>سريع</title>${rss.join("")}</channel></rss>`),
      // The first poll waits on this source; later ones get a quick error.
      "/slow": (_req, res) => {
        if (++slowRequests > 1) res.writeHead(503).end();
      },
    });
    api = await startBotApiStandIn();
    const db = openDatabase(join(dir, "rasid.db"));
    const at = new Date();
    addSource(db, { url: feeds.url("/fast"), name: "سريع" }, at);
    addSource(db, { url: feeds.url("/slow"), name: "بطيء" }, at);
    subscribeChatsToKeyword(db, CHATS, "وونسان", at);
    db.close();
  });

  afterAll(async () => {
    await api?.close();
    await feeds?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("queues each article's alerts with the article, so none is lost or sent twice", async () => {
    const dbPath = join(dir, "rasid.db");
    const env = {
      RASID_DB: dbPath,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      ALLOW_PRIVATE_SOURCES: "true",
      FETCH_TIMEOUT_MS: "60000",
    };
    const first = startRasid(["serve"], env);
    await waitUntil(() => countArticles(dbPath) === ARTICLES, "the fast source's articles to be stored");
    first.child.kill("SIGKILL");
    await first.exited;

    const second = startRasid(["serve"], env);
    const expected = CHATS.length * ARTICLES;
    try {
      await waitUntil(
        () => api.received.length >= expected,
        `${expected} alerts (got ${api.received.length}; output: ${second.output()})`,
        20_000,
      );
    } finally {
      second.child.kill("SIGTERM");
    }
    expect(await second.exited).toBe(0);

    const perChat = CHATS.map((chatId) =>
      api.received
        .filter((m) => m.chatId === chatId)
        .map((m) => /تقرير \d+/.exec(m.text)?.[0])
        .sort(),
    );
    const titles = Array.from({ length: ARTICLES }, (_, i) => `تقرير ${i}`);
    expect(perChat).toEqual(CHATS.map(() => titles));
    expect(countArticles(dbPath)).toBe(ARTICLES);
  }, 60_000);
});
