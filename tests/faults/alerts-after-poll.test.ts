import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/bot/logger.ts";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/open.ts";
import { startServer } from "../../src/main.ts";
import { ensureChat } from "../../src/notifications/chat-store.ts";
import { addSubscription } from "../../src/notifications/subscription-store.ts";
import { addSource } from "../../src/sources/source-store.ts";
import { type LocalServer, startLocalServer } from "../sources/local-server.ts";
import { type BotApiStandIn, startBotApiStandIn } from "./bot-api-stand-in.ts";
import { waitUntil } from "./rasid-process.ts";

/**
 * Alerts are queued with their article (so a crash cannot lose them, see poll-crash.test.ts), yet the
 * delivery loop waits for the poll to end: one meeting that two outlets report in one poll goes out as one
 * alert listing both, even when the second outlet answers slowly and the loop ticks in between.
 */

const TOKEN = "777006:alerts-after-poll";
const CHAT = 7301;
const NOW = new Date("2025-07-15T07:00:00Z");
const MEETING =
  "موسكو - التقى وزير الخارجية الروسي سيرغي لافروف اليوم الثلاثاء في موسكو وزيرة خارجية كوريا الشمالية " +
  "تشوي سون هوي، وبحث الجانبان تعزيز التعاون بين البلدين، بحسب بيان للخارجية الروسية.";
const SAME_MEETING =
  "أجرى وزير الخارجية الروسي سيرغي لافروف الثلاثاء في موسكو مباحثات مع نظيرته الكورية الشمالية تشوي سون هوي " +
  "تناولت العلاقات الثنائية، وفق ما أفادت وكالة تاس.";

function sendFeed(res: ServerResponse, outlet: string, id: number, text: string): void {
  const item =
    `<item><title>${outlet}: لافروف وتشوي</title><link>https://outlet${id}.example/news</link>` +
    `<pubDate>Tue, 15 Jul 2025 06:30:00 GMT</pubDate><description>${text}</description></item>`;
  res
    .writeHead(200, { "content-type": "application/rss+xml" })
    .end(`<rss version="2.0"><channel><title>${outlet}</title>${item}</channel></rss>`);
}

describe("alerts of one poll", () => {
  let feeds: LocalServer;
  let api: BotApiStandIn;

  beforeAll(async () => {
    feeds = await startLocalServer({
      "/quick": (_req, res) => sendFeed(res, "وكالة أولى", 1, MEETING),
      // Answers well after the delivery loop has ticked a few times.
      "/slow": (_req, res) => void setTimeout(() => sendFeed(res, "وكالة ثانية", 2, SAME_MEETING), 400),
    });
    api = await startBotApiStandIn();
  });

  afterAll(async () => {
    await api?.close();
    await feeds?.close();
  });

  it("go out after the poll, one per event, listing every outlet the poll found", async () => {
    const db = openDatabase(":memory:");
    addSource(db, { url: feeds.url("/quick"), name: "وكالة أولى" }, NOW);
    addSource(db, { url: feeds.url("/slow"), name: "وكالة ثانية" }, NOW);
    ensureChat(db, { id: CHAT, type: "private" }, { lang: "ar", timezone: "UTC", digestTime: "08:00" }, NOW);
    addSubscription(
      db,
      { chatId: CHAT, targetKind: "entity", target: "sergei-lavrov", label: "لافروف", mode: "instant" },
      NOW,
    );
    const server = await startServer(
      loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, ALLOW_PRIVATE_SOURCES: "true" }),
      {
        db,
        now: () => NOW,
        // The real schedule: a poll at start, and the delivery loop ticking every 10 ms meanwhile.
        schedule: true,
        deliveryIntervalMs: 10,
        emptyPollDelayMs: 50,
        log: createLogger({ level: "error", write: () => undefined }),
      },
    );
    try {
      await waitUntil(() => api.received.length > 0, "the alert");
      // A further round finds nothing more to send.
      await server.deliver();
    } finally {
      await server.stop();
    }
    expect(api.received).toHaveLength(1);
    const [alert] = api.received;
    expect(alert?.text).toContain("وكالة أولى");
    expect(alert?.text).toContain("وكالة ثانية");
  });
});
