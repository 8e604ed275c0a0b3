import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Emulator,
  type EmulatorChat,
  openChat,
  startEmulator,
} from "../../scripts/demo/emulator-chat.ts";
import { createLogger } from "../../src/bot/logger.ts";
import { SEED_CORPUS_DIR } from "../../src/cli/context.ts";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/open.ts";
import { createEngine } from "../../src/engine.ts";
import { type Server, startServer } from "../../src/main.ts";
import { listOutbox } from "../../src/notifications/outbox-store.ts";
import { getSource, listSources } from "../../src/sources/source-store.ts";
import { type LocalServer, startLocalServer } from "../sources/local-server.ts";

/**
 * The real bot, poller, digest scheduler and delivery (startServer) against the Bot API emulator and a
 * feed served on 127.0.0.1. The clock is injected: the digest "arrives at 08:00" without waiting.
 */

const TOKEN = "424242:e2e-token-must-not-leak";
const ADMIN = 9001;
const USER = 7001;
const STRANGER = 7002;

interface FeedItem {
  title: string;
  link: string;
  published: Date;
  description: string;
}

function renderRss(items: FeedItem[]): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><pubDate>${i.published.toUTCString()}</pubDate>` +
        `<description><![CDATA[${i.description}]]></description></item>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>وكالة الاختبار</title><link>http://127.0.0.1/</link><description>أخبار</description>${entries}</channel></rss>`;
}

const MEETING_TEXT =
  "موسكو - التقى وزير الخارجية الروسي سيرغي لافروف اليوم الثلاثاء في موسكو وزيرة خارجية كوريا الشمالية " +
  "تشوي سون هوي، وبحث الجانبان تعزيز التعاون بين البلدين، بحسب بيان للخارجية الروسية.";

const SAME_MEETING_TEXT =
  "أجرى وزير الخارجية الروسي سيرغي لافروف الثلاثاء في موسكو مباحثات مع نظيرته الكورية الشمالية تشوي سون هوي " +
  "تناولت العلاقات الثنائية، وفق ما أفادت وكالة تاس.";

const OLD_TEXT =
  "بيونغ يانغ - أعلنت وكالة الأنباء المركزية الكورية أن مصنعاً جديداً للجرارات افتتح في مقاطعة جنوب بيونغان " +
  "بحضور مسؤولين محليين، في إطار خطة التنمية الإقليمية.";

describe("rasid serve, end to end through the Bot API emulator", () => {
  let emulator: Emulator;
  let feed: LocalServer;
  let server: Server;
  let dir: string;
  let user: EmulatorChat;
  let admin: EmulatorChat;
  let stranger: EmulatorChat;
  const logs: string[] = [];
  const clock = { now: new Date("2025-07-15T06:00:00Z") };
  let flakyIsDown = false;
  const items: FeedItem[] = [
    {
      title: "افتتاح مصنع للجرارات",
      link: "http://127.0.0.1/news/1",
      published: new Date("2025-07-15T05:00:00Z"),
      description: OLD_TEXT,
    },
  ];

  /** Sends a line and returns the bot's replies to it. */
  async function say(chat: EmulatorChat, text: string, count = 1): Promise<string[]> {
    const before = chat.messages().length;
    await chat.send(text);
    return (await chat.waitForReplies(before, { count })).map((m) => m.text);
  }

  beforeAll(async () => {
    emulator = await startEmulator();
    feed = await startLocalServer({
      "/feed.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(renderRss(items));
      },
      "/flaky.xml": (_req, res) => {
        if (flakyIsDown) res.writeHead(503).end("down for maintenance");
        else res.writeHead(200, { "content-type": "application/rss+xml" }).end(renderRss(items.slice(-1)));
      },
    });
    dir = mkdtempSync(join(tmpdir(), "rasid-e2e-"));
    const dbPath = join(dir, "rasid.db");
    const db = openDatabase(dbPath);
    createEngine(db).importPaths([SEED_CORPUS_DIR]);
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      ADMIN_IDS: String(ADMIN),
      RASID_DB: dbPath,
      ALLOW_PRIVATE_SOURCES: "true",
      DEFAULT_TIMEZONE: "UTC",
      DIGEST_TIME: "08:00",
      SOURCE_FAILURE_LIMIT: "2",
      LOG_LEVEL: "debug",
    });
    server = await startServer(config, {
      db,
      now: () => clock.now,
      schedule: false,
      emptyPollDelayMs: 20,
      log: createLogger({ level: "debug", secrets: [TOKEN], write: (line) => logs.push(line) }),
    });
    user = openChat(emulator, TOKEN, { userId: USER, firstName: "Salma", languageCode: "ar" });
    admin = openChat(emulator, TOKEN, { userId: ADMIN, firstName: "Admin", languageCode: "en" });
    stranger = openChat(emulator, TOKEN, { userId: STRANGER, firstName: "Sam", languageCode: "en" });
  });

  afterAll(async () => {
    await server?.stop();
    await emulator?.stop();
    await feed?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("welcomes the user in Arabic with example questions as buttons", async () => {
    const before = user.messages().length;
    await user.send("/start");
    const [welcome] = await user.waitForReplies(before);
    expect(welcome?.text).toContain("راصد");
    expect(welcome?.buttons.map((b) => b.data)).toContain("ex:ar:0");
  });

  it("answers a question in Arabic", async () => {
    const [answer] = await say(user, "متى التقى لافروف بكيم جونغ أون؟");
    expect(answer).toContain("لافروف");
    expect(answer).toContain("وونسان");
  });

  it("answers a question in English", async () => {
    const [answer] = await say(user, "Where did Kim Jong Un meet Lavrov?");
    expect(answer).toContain("Wonsan");
  });

  it("in a group, answers a mention and a reply to it, and ignores other chatter", async () => {
    const group = openChat(emulator, TOKEN, {
      userId: USER,
      languageCode: "en",
      group: { chatId: -1001234, title: "Korea desk" },
    });
    await group.send("/start@TestNameBot");
    const [welcome] = await group.waitForReplies(0);
    await group.send("Who met Kim and when? (just thinking aloud)");
    await group.send("@TestNameBot Where did Kim Jong Un meet Lavrov?");
    const [answer] = await group.waitForReplies(1);
    expect(answer?.text).toContain("Wonsan");
    expect(answer?.text).not.toContain("thinking aloud");
    await group.send("And when exactly?", { replyToMessageId: welcome?.messageId });
    const [followUp] = await group.waitForReplies(2);
    expect(followUp?.text.length).toBeGreaterThan(0);
    expect(group.messages()).toHaveLength(3);
  });

  it("refuses a non-admin's /addsource and stores nothing", async () => {
    const [reply] = await say(stranger, `/addsource ${feed.url("/feed.xml")}`);
    expect(reply).toBe("Sorry, only admins can use this command. Nothing was changed.");
    expect(listSources(server.db)).toEqual([]);
  });

  it("adds an admin's source after probing it, and the poller reads it", async () => {
    const [reply] = await say(admin, `/addsource ${feed.url("/feed.xml")} وكالة الاختبار`);
    expect(reply).toContain("Added source #1");
    expect(reply).toContain("found 1 item(s)");
    const outcome = await server.pollSources();
    expect(outcome).toMatchObject({ sources: 1, added: 1, failed: 0 });
    expect(listSources(server.db)[0]).toMatchObject({ itemsTotal: 1, failures: 0 });
    const [again] = await say(admin, `/addsource ${feed.url("/feed.xml")}`);
    expect(again).toContain("The source was not added");
    expect(again).toContain("already source #1");
    expect(listSources(server.db)).toHaveLength(1);
  });

  it("pauses a source that keeps failing and tells the admin once", async () => {
    const [added] = await say(admin, `/addsource ${feed.url("/flaky.xml")} Flaky`);
    expect(added).toContain("Added source #2 <b>Flaky</b>");
    flakyIsDown = true;
    const before = admin.messages().length;
    expect(await server.pollSources()).toMatchObject({ failed: 1 });
    expect(getSource(server.db, 2)?.status).toBe("active");
    await server.pollSources();
    expect(getSource(server.db, 2)).toMatchObject({ status: "paused", failures: 2 });
    await server.deliver();
    const [notice] = await admin.waitForReplies(before);
    expect(notice?.text).toContain("Paused the source <b>Flaky</b> after 2 failures in a row");
    expect(notice?.text).toContain("503");
    // A paused source is not polled, so nobody is told again.
    expect(await server.pollSources()).toMatchObject({ sources: 1, failed: 0 });
    await server.deliver();
    expect(admin.messages().length).toBe(before + 1);
    expect(stranger.messages().some((m) => m.text.includes("Flaky"))).toBe(false);
  });

  it("subscribes through the buttons", async () => {
    const before = user.messages().length;
    await user.send("/subscribe سيرغي لافروف");
    const [question] = await user.waitForReplies(before);
    const both = question?.buttons.find((b) => b.data.endsWith(":both"));
    expect(both).toBeDefined();
    const afterQuestion = user.messages().length;
    await user.press(both?.data ?? "");
    const [done] = await user.waitForReplies(afterQuestion);
    expect(done?.text).toContain("تم: اشتركت في <b>سيرغي لافروف</b>");
  });

  it("sends exactly one alert when a new item about the subject appears", async () => {
    clock.now = new Date("2025-07-15T07:00:00Z");
    items.unshift({
      title: "لافروف يلتقي تشوي سون هوي في موسكو",
      link: "http://127.0.0.1/news/2",
      published: new Date("2025-07-15T06:30:00Z"),
      description: MEETING_TEXT,
    });
    const before = user.messages().length;
    expect(await server.pollSources()).toMatchObject({ added: 1 });
    await server.deliver();
    const alerts = await user.waitForReplies(before);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toContain("لافروف");
    // Polling again, and delivering again, sends nothing more.
    expect(await server.pollSources()).toMatchObject({ added: 0 });
    await server.deliver();
    expect(user.messages().length).toBe(before + 1);
    // Another outlet's report of the same meeting is the same event: still one alert.
    items.unshift({
      title: "مباحثات روسية كورية شمالية في موسكو",
      link: "http://127.0.0.1/news/3",
      published: new Date("2025-07-15T06:45:00Z"),
      description: SAME_MEETING_TEXT,
    });
    expect(await server.pollSources()).toMatchObject({ added: 1 });
    await server.deliver();
    expect(user.messages().length).toBe(before + 1);
    expect(admin.messages().some((m) => m.text.includes("لافروف يلتقي"))).toBe(false);
  });

  it("sends the digest at the chat's digest time, not before", async () => {
    clock.now = new Date("2025-07-15T07:59:00Z");
    expect(server.queueDigests()).toBe(0);
    const before = user.messages().length;
    clock.now = new Date("2025-07-15T08:00:00Z");
    expect(server.queueDigests()).toBe(1);
    await server.deliver();
    const digest = await user.waitForReplies(before);
    expect(digest.map((m) => m.text).join("\n")).toContain("لافروف");
    expect(listOutbox(server.db, USER).every((m) => m.status === "sent")).toBe(true);
    // The same minute again queues nothing.
    expect(server.queueDigests()).toBe(0);
  });

  it("never writes the bot token to the log", () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join("\n")).not.toContain(TOKEN);
  });
});
