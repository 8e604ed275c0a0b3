import { Telegram } from "telegraf";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/open.ts";
import { ensureChat, getChat } from "../../src/notifications/chat-store.ts";
import { deliverDue } from "../../src/notifications/outbox-sender.ts";
import { enqueueMessage, listOutbox } from "../../src/notifications/outbox-store.ts";
import { createRateLimiter } from "../../src/notifications/rate-limiter.ts";
import { createTelegrafSender } from "../../src/notifications/telegraf-sender.ts";
import { type BotApiStandIn, type Scripted, startBotApiStandIn } from "./bot-api-stand-in.ts";

/**
 * The outbox delivering through the real telegraf adapter to a Bot API on 127.0.0.1 that answers 429 with
 * retry_after, 403, 500, or drops the connection. The clock is a variable the test moves.
 */

const START = new Date("2025-07-14T09:00:00Z");
const QUIET = { info: () => undefined, warn: () => undefined };

describe("delivery when Telegram fails", () => {
  let api: BotApiStandIn;
  let db: Db;
  let clock: Date;
  // One per test, as one per process: it remembers what was sent in the last minute.
  let limiter = createRateLimiter();
  const failures = new Map<number, Scripted[]>();

  beforeEach(async () => {
    api = await startBotApiStandIn();
    api.script("sendMessage", (payload) => failures.get(Number(payload.chat_id))?.shift());
    db = openDatabase(":memory:");
    clock = START;
    limiter = createRateLimiter();
  });

  afterEach(async () => {
    failures.clear();
    db.close();
    await api.close();
  });

  function queue(chatId: number, texts: string[]): void {
    ensureChat(
      db,
      { id: chatId, type: "private" },
      { lang: "ar", timezone: "UTC", digestTime: "08:00" },
      clock,
    );
    for (const html of texts)
      enqueueMessage(
        db,
        { chatId, kind: "notice", payload: { type: "text", html }, dedupeKey: `${chatId}:${html}` },
        clock,
      );
  }

  const deliver = () =>
    deliverDue({
      db,
      sender: createTelegrafSender(new Telegram("777003:faults", { apiRoot: api.apiRoot })),
      now: () => clock,
      log: QUIET,
      limiter,
    });

  const received = (chatId: number) => api.received.filter((m) => m.chatId === chatId).map((m) => m.text);

  it.each<{ label: string; failure: Scripted; retryAfterMs: number; attempts: number }>([
    {
      label: "429 with retry_after",
      failure: {
        status: 429,
        body: JSON.stringify({
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 7",
          parameters: { retry_after: 7 },
        }),
      },
      retryAfterMs: 7_000,
      attempts: 0,
    },
    {
      label: "500",
      failure: { status: 500, body: "Internal Server Error", contentType: "text/plain" },
      retryAfterMs: 5_000,
      attempts: 1,
    },
    { label: "a dropped connection", failure: { drop: true }, retryAfterMs: 5_000, attempts: 1 },
  ])("$label: the chat waits, keeps its order, and gets everything once; others go on", async (c) => {
    queue(1, ["أولى", "ثانية"]);
    queue(2, ["لغيره"]);
    failures.set(1, [c.failure]);

    const first = await deliver();
    expect(first).toMatchObject({ sent: 1, retried: 1 });
    expect(received(2)).toEqual(["لغيره"]);
    const [held] = listOutbox(db, 1);
    expect(held).toMatchObject({ status: "pending", attempts: c.attempts });
    expect(Date.parse(held?.nextAttemptAt ?? "")).toBe(START.getTime() + c.retryAfterMs);

    // Not before the time Telegram (or the back-off) asked for.
    clock = new Date(START.getTime() + c.retryAfterMs - 1);
    expect((await deliver()).sent).toBe(0);
    clock = new Date(START.getTime() + c.retryAfterMs);
    await deliver();
    clock = new Date(clock.getTime() + 1_000);
    await deliver();
    expect(received(1)).toEqual(["أولى", "ثانية"]);
    expect(listOutbox(db).map((row) => row.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("403: the chat is marked inactive and its queue dropped, the others are delivered", async () => {
    queue(1, ["أولى", "ثانية"]);
    queue(2, ["لغيره"]);
    failures.set(1, [
      {
        status: 403,
        body: JSON.stringify({
          ok: false,
          error_code: 403,
          description: "Forbidden: bot was blocked by the user",
        }),
      },
    ]);
    expect(await deliver()).toMatchObject({ sent: 1, dropped: 2 });
    expect(getChat(db, 1)?.active).toBe(false);
    expect(listOutbox(db, 1).map((row) => [row.status, row.lastError])).toEqual([
      ["dropped", "Forbidden: bot was blocked by the user"],
      ["dropped", "Forbidden: bot was blocked by the user"],
    ]);
    expect(received(1)).toEqual([]);
    expect(received(2)).toEqual(["لغيره"]);
  });
});
