import { join } from "node:path";
import { Telegram } from "telegraf";
import { openDatabase } from "../../src/db/open.ts";
import { ensureChat } from "../../src/notifications/chat-store.ts";
import { deliverDue } from "../../src/notifications/outbox-sender.ts";
import { enqueueMessage } from "../../src/notifications/outbox-store.ts";
import { createRateLimiter, type RateLimits, TELEGRAM_LIMITS } from "../../src/notifications/rate-limiter.ts";
import { createTelegrafSender } from "../../src/notifications/telegraf-sender.ts";
import { startEmulator } from "../demo/emulator-chat.ts";

/**
 * Outbox delivery through the real telegraf sender to the Bot API emulator on 127.0.0.1: once within
 * Telegram's limits (30 messages a second overall, one a second per chat), and once with the limiter
 * opened wide, to show what the outbox, telegraf and a local HTTP round trip can do on their own.
 */

export interface OutboxRun {
  limits: "telegram" | "none";
  messages: number;
  chats: number;
  sent: number;
  seconds: number;
  perSecond: number;
}

const TOKEN = "123456:bench";
const UNLIMITED: RateLimits = {
  globalPerSecond: Number.POSITIVE_INFINITY,
  perChatIntervalMs: 0,
  groupPerMinute: Number.POSITIVE_INFINITY,
};
const HTML =
  "🔔 <b>التقى سيرغي لافروف وتشوي سون هوي</b> في بيونغ يانغ — الأربعاء 15 أيار/مايو 2024\n" +
  '<a href="https://bench.example/a">وكالة الأنباء</a>';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function deliverAll(
  dbPath: string,
  apiRoot: string,
  limits: OutboxRun["limits"],
  messages: number,
  chats: number,
): Promise<OutboxRun> {
  const db = openDatabase(dbPath);
  try {
    const now = () => new Date();
    const queue = db.transaction(() => {
      for (let c = 0; c < chats; c++)
        ensureChat(
          db,
          { id: 1 + c, type: "private" },
          { lang: "ar", timezone: "UTC", digestTime: "08:00" },
          now(),
        );
      for (let n = 0; n < messages; n++)
        enqueueMessage(
          db,
          {
            chatId: 1 + (n % chats),
            kind: "notice",
            payload: { type: "text", html: HTML },
            dedupeKey: `bench:${n}`,
          },
          now(),
        );
    });
    queue();
    const sender = createTelegrafSender(new Telegram(TOKEN, { apiRoot }));
    const limiter = createRateLimiter(limits === "telegram" ? TELEGRAM_LIMITS : UNLIMITED);
    const log = { info: () => {}, warn: (...args: unknown[]) => console.warn(...args) };
    let sent = 0;
    const started = performance.now();
    for (;;) {
      const summary = await deliverDue({ db, sender, now, sleep, log, limiter });
      sent += summary.sent;
      if (!summary.nextAttemptAt) break;
      const wait = summary.nextAttemptAt.getTime() - Date.now();
      if (wait > 0) await sleep(wait);
    }
    const seconds = (performance.now() - started) / 1000;
    return { limits, messages, chats, sent, seconds, perSecond: sent / seconds };
  } finally {
    db.close();
  }
}

/** Delivers `messages` notices spread over `chats` chats, each run from a fresh database in dir. */
export async function measureOutbox(dir: string, messages: number, chats: number): Promise<OutboxRun[]> {
  const emulator = await startEmulator();
  try {
    const runs: OutboxRun[] = [];
    for (const limits of ["telegram", "none"] as const)
      runs.push(
        await deliverAll(join(dir, `outbox-${limits}.db`), emulator.apiRoot, limits, messages, chats),
      );
    return runs;
  } finally {
    await emulator.stop();
  }
}
