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
 * `rasid serve` killed with SIGKILL in the middle of a delivery batch, then started again: nothing is lost,
 * nothing but the one message in flight at the kill is sent twice (README, "Delivery guarantees").
 */

const TOKEN = "777001:delivery-crash-token";
const CHATS = Array.from({ length: 40 }, (_, i) => 5000 + i);
const ARTICLES = 3;
const KILL_AFTER = 50;

function titleOf(i: number): string {
  return `خبر ${i} عن بيونغ يانغ`;
}

function renderFeed(): string {
  // Published an hour ago: alerts go out only for recent news.
  const published = new Date(Date.now() - 3_600_000).toUTCString();
  const items = Array.from(
    { length: ARTICLES },
    (_, i) =>
      `<item><title>${titleOf(i)}</title><link>https://crash.example/${i}</link><pubDate>${published}</pubDate>` +
      `<description>نشرت وكالة الأنباء المركزية الكورية من بيونغ يانغ الخبر رقم ${i} عن افتتاح مصنع جديد في المدينة.</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>وكالة</title>${items.join("")}</channel></rss>`;
}

/** The dedupe key of a received alert: the chat and the article its headline names. */
function keyOf(message: { chatId: number; text: string }): string {
  const title = /خبر \d+ عن بيونغ يانغ/.exec(message.text)?.[0] ?? message.text;
  return `kw:${message.chatId}:${title}`;
}

describe("rasid serve killed in the middle of a delivery batch", () => {
  let dir: string;
  let feed: LocalServer;
  let api: BotApiStandIn;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rasid-delivery-crash-"));
    feed = await startLocalServer({
      "/rss": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(renderFeed()),
    });
    api = await startBotApiStandIn();
    const db = openDatabase(join(dir, "rasid.db"));
    const at = new Date();
    addSource(db, { url: feed.url("/rss"), name: "وكالة" }, at);
    subscribeChatsToKeyword(db, CHATS, "بيونغ يانغ", at);
    db.close();
  });

  afterAll(async () => {
    await api?.close();
    await feed?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("loses no alert, sends none twice beyond the message in flight, and keeps the database intact", async () => {
    const env = {
      RASID_DB: join(dir, "rasid.db"),
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      ALLOW_PRIVATE_SOURCES: "true",
    };
    // Telegram takes its time to accept each message, so the kill lands while one is in flight.
    api.sendDelayMs = 40;
    const first = startRasid(["serve"], env);
    let inFlight: string | undefined;
    api.onMessage = (message) => {
      if (api.received.length === KILL_AFTER) {
        inFlight = keyOf(message);
        first.child.kill("SIGKILL");
      }
    };
    expect(await first.exited).toBeNull();
    expect(api.received).toHaveLength(KILL_AFTER);

    const check = new Database(join(dir, "rasid.db"));
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    const queued = check.prepare("SELECT count(*) AS n FROM outbox").get() as { n: number };
    check.close();
    expect(queued.n).toBe(CHATS.length * ARTICLES);

    api.onMessage = undefined;
    const second = startRasid(["serve"], env);
    const expected = CHATS.length * ARTICLES;
    await waitUntil(
      () => new Set(api.received.map(keyOf)).size === expected,
      `${expected} distinct alerts (output: ${second.output()})`,
      60_000,
    );
    // A graceful stop waits for the send in progress to be recorded; the outbox is then checked below.
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const counts = new Map<string, number>();
    for (const message of api.received) counts.set(keyOf(message), (counts.get(keyOf(message)) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1).map(([key]) => key);
    // Telegram had the message in flight when the process died, but rasid never heard it accepted.
    expect(twice).toEqual([inFlight]);
    expect(Math.max(...counts.values())).toBe(2);

    const db = new Database(join(dir, "rasid.db"), { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.prepare("SELECT count(*) AS n, count(DISTINCT url) AS urls FROM articles").get()).toEqual({
      n: ARTICLES,
      urls: ARTICLES,
    });
    expect(db.prepare("SELECT status, count(*) AS n FROM outbox GROUP BY status").all()).toEqual([
      { status: "sent", n: expected },
    ]);
    db.close();
  }, 90_000);
});
