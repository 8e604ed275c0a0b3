import { describe, expect, it } from "vitest";
import type { Db } from "../../src/db/open.ts";
import { getChat } from "../../src/notifications/chat-store.ts";
import { createMemorySender, type MemorySender } from "../../src/notifications/memory-sender.ts";
import { type DeliveryOptions, deliverDue } from "../../src/notifications/outbox-sender.ts";
import { enqueueMessage, listOutbox } from "../../src/notifications/outbox-store.ts";
import { createRateLimiter, type RateLimiter } from "../../src/notifications/rate-limiter.ts";
import { addChat, createTestDbPath, openTestDb } from "./notification-db.ts";

const START = Date.parse("2025-07-14T05:00:00.000Z");

/** A clock that only moves when told to, or when the sender sleeps. */
function createClock() {
  let t = START;
  return {
    now: () => new Date(t),
    sleep: async (ms: number) => {
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    elapsed: () => t - START,
  };
}

interface Harness {
  db: Db;
  sender: MemorySender;
  clock: ReturnType<typeof createClock>;
  limiter: RateLimiter;
  log: { info: (...args: unknown[]) => void; warn: (...args: unknown[]) => void; lines: string[] };
}

function createHarness(db: Db = openTestDb()): Harness {
  const lines: string[] = [];
  return {
    db,
    sender: createMemorySender(),
    clock: createClock(),
    limiter: createRateLimiter(),
    log: { info: (m) => lines.push(String(m)), warn: (m) => lines.push(String(m)), lines },
  };
}

function queue(h: Harness, chatId: number, text: string): void {
  enqueueMessage(
    h.db,
    { chatId, kind: "notice", payload: { type: "text", html: text }, dedupeKey: `test:${chatId}:${text}` },
    h.clock.now(),
  );
}

function deliver(h: Harness, options: DeliveryOptions & { sleep?: boolean } = {}) {
  const { sleep = false, ...rest } = options;
  return deliverDue(
    {
      db: h.db,
      sender: h.sender,
      now: h.clock.now,
      log: h.log,
      limiter: h.limiter,
      sleep: sleep ? h.clock.sleep : undefined,
    },
    rest,
  );
}

/** Delivers until nothing is pending, moving the clock to each next attempt; bounded so a bug cannot hang. */
async function drain(h: Harness, options: DeliveryOptions = {}): Promise<void> {
  for (let round = 0; round < 500; round++) {
    const { nextAttemptAt } = await deliver(h, options);
    if (!nextAttemptAt) return;
    h.clock.advance(Math.max(0, nextAttemptAt.getTime() - h.clock.now().getTime()));
  }
  throw new Error("the outbox did not drain");
}

const texts = (h: Harness, chatId: number) =>
  h.sender.sent.filter((m) => m.chatId === chatId).map((m) => m.html);
const statuses = (h: Harness, chatId?: number) => listOutbox(h.db, chatId).map((o) => o.status);

describe("deliverDue", () => {
  it("sends due messages oldest first and marks each sent after Telegram accepts it", async () => {
    const h = createHarness();
    addChat(h.db, 1);
    addChat(h.db, 2);
    queue(h, 1, "أول");
    queue(h, 2, "ثانٍ");
    const summary = await deliver(h);
    expect(summary).toMatchObject({ sent: 2, retried: 0, failed: 0, dropped: 0, nextAttemptAt: null });
    expect(h.sender.sent).toEqual([
      { chatId: 1, html: "أول" },
      { chatId: 2, html: "ثانٍ" },
    ]);
    expect(listOutbox(h.db)).toMatchObject([
      { status: "sent", attempts: 1, sentAt: "2025-07-14T05:00:00.000Z" },
      { status: "sent", attempts: 1 },
    ]);
    expect((await deliver(h)).sent).toBe(0);
  });

  it("honours 429 retry_after for that chat while the others go on, and keeps the chat's order", async () => {
    const h = createHarness();
    for (const id of [1, 2]) addChat(h.db, id);
    h.sender.failNext(1, {
      error_code: 429,
      description: "Too Many Requests: retry after 7",
      retry_after: 7,
    });
    queue(h, 1, "1-أ");
    queue(h, 1, "1-ب");
    queue(h, 2, "2-أ");
    const first = await deliver(h);
    expect(first).toMatchObject({ sent: 1, retried: 1 });
    expect(texts(h, 2)).toEqual(["2-أ"]);
    expect(listOutbox(h.db, 1)[0]).toMatchObject({
      status: "pending",
      attempts: 0,
      nextAttemptAt: "2025-07-14T05:00:07.000Z",
      lastError: "Too Many Requests: retry after 7",
    });
    expect(first.nextAttemptAt?.toISOString()).toBe("2025-07-14T05:00:07.000Z");

    h.clock.advance(6_999);
    expect((await deliver(h)).sent).toBe(0);
    h.clock.advance(1);
    await drain(h);
    expect(texts(h, 1)).toEqual(["1-أ", "1-ب"]);
  });

  it("on 403 marks the chat inactive and drops its pending messages without holding up the others", async () => {
    const h = createHarness();
    for (const id of [1, 2]) addChat(h.db, id);
    h.sender.failNext(1, { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    queue(h, 1, "1-أ");
    queue(h, 1, "1-ب");
    queue(h, 2, "2-أ");
    const summary = await deliver(h);
    expect(summary).toMatchObject({ sent: 1, dropped: 2, nextAttemptAt: null });
    expect(getChat(h.db, 1)?.active).toBe(false);
    expect(statuses(h, 1)).toEqual(["dropped", "dropped"]);
    expect(listOutbox(h.db, 1)[0]?.lastError).toBe("Forbidden: bot was blocked by the user");
    expect(texts(h, 2)).toEqual(["2-أ"]);
  });

  it("retries 5xx and network errors with growing delays, then gives up", async () => {
    const h = createHarness();
    addChat(h.db, 1);
    h.sender.failNext(
      1,
      { error_code: 502, description: "Bad Gateway" },
      { network: "socket hang up" },
      { error_code: 500, description: "Internal Server Error" },
    );
    queue(h, 1, "رسالة");
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { nextAttemptAt } = await deliver(h, { backoffMs: 1000 });
      const delay = (nextAttemptAt?.getTime() ?? 0) - h.clock.now().getTime();
      delays.push(delay);
      h.clock.advance(delay);
    }
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(listOutbox(h.db, 1)[0]).toMatchObject({ status: "pending", attempts: 3 });
    await deliver(h);
    expect(texts(h, 1)).toEqual(["رسالة"]);
    expect(listOutbox(h.db, 1)[0]).toMatchObject({ status: "sent", attempts: 4 });

    const g = createHarness();
    addChat(g.db, 1);
    g.sender.failNext(
      1,
      ...Array.from({ length: 5 }, () => ({ error_code: 503, description: "Service Unavailable" })),
    );
    queue(g, 1, "لن تصل");
    await drain(g, { maxAttempts: 3, backoffMs: 1000 });
    expect(listOutbox(g.db, 1)[0]).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "Service Unavailable",
    });
    expect(g.sender.sent).toEqual([]);
  });

  it("marks a message Telegram refuses as failed and goes on with the chat's next one", async () => {
    const h = createHarness();
    addChat(h.db, 1);
    h.sender.failNext(1, { error_code: 400, description: "Bad Request: can't parse entities" });
    queue(h, 1, "<b>مكسورة");
    queue(h, 1, "سليمة");
    await drain(h);
    expect(statuses(h, 1)).toEqual(["failed", "sent"]);
    expect(texts(h, 1)).toEqual(["سليمة"]);
  });

  it("follows a group that became a supergroup", async () => {
    const h = createHarness();
    addChat(h.db, -100, { type: "group" });
    h.sender.failNext(-100, {
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      migrate_to_chat_id: -1009,
    });
    queue(h, -100, "للمجموعة");
    await drain(h);
    expect(h.sender.sent).toEqual([{ chatId: -1009, html: "للمجموعة" }]);
    expect(getChat(h.db, -1009)?.type).toBe("supergroup");
  });

  it("fails a message that cannot be composed and goes on with the others", async () => {
    const h = createHarness();
    addChat(h.db, 1);
    queue(h, 1, "سيئة");
    queue(h, 1, "جيدة");
    const render = (item: { payload: { type: string; html?: string } }) => {
      if (item.payload.html === "سيئة") throw new Error("broken payload");
      return item.payload.html ?? null;
    };
    for (let i = 0; i < 3; i++) {
      await deliverDue({
        db: h.db,
        sender: h.sender,
        now: h.clock.now,
        log: h.log,
        limiter: h.limiter,
        render,
      });
      h.clock.advance(1000);
    }
    expect(statuses(h, 1)).toEqual(["failed", "sent"]);
    expect(listOutbox(h.db, 1)[0]?.lastError).toBe("could not compose the message: Error: broken payload");
  });

  it("fails a row whose payload has the wrong shape", async () => {
    const h = createHarness();
    addChat(h.db, 1);
    h.db
      .prepare(
        `INSERT INTO outbox (chat_id, kind, payload, dedupe_key, next_attempt_at, created_at)
         VALUES (1, 'alert', '{"type":"event"}', 'odd', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
      )
      .run();
    queue(h, 1, "بعدها");
    await drain(h);
    expect(statuses(h, 1)).toEqual(["failed", "sent"]);
    expect(texts(h, 1)).toEqual(["بعدها"]);
  });

  it("drops a message with nothing left to render", async () => {
    const h = createHarness();
    addChat(h.db, 1);
    enqueueMessage(
      h.db,
      {
        chatId: 1,
        kind: "alert",
        payload: { type: "event", eventId: "ev_gone" },
        dedupeKey: "alert:1:ev_gone",
      },
      h.clock.now(),
    );
    expect(await deliver(h)).toMatchObject({ sent: 0, dropped: 1 });
    expect(statuses(h, 1)).toEqual(["dropped"]);
  });
});

describe("deliverDue within Telegram's limits", () => {
  it("sends at most 30 messages a second overall", async () => {
    const h = createHarness();
    for (let id = 1; id <= 35; id++) {
      addChat(h.db, id);
      queue(h, id, `رسالة ${id}`);
    }
    const first = await deliver(h);
    expect(first.sent).toBe(30);
    expect(first.nextAttemptAt?.toISOString()).toBe("2025-07-14T05:00:01.000Z");
    await drain(h);
    expect(h.sender.sent).toHaveLength(35);

    const s = createHarness();
    for (let id = 1; id <= 35; id++) {
      addChat(s.db, id);
      queue(s, id, `رسالة ${id}`);
    }
    expect((await deliver(s, { sleep: true })).sent).toBe(35);
    expect(s.clock.elapsed()).toBe(1000);
  });

  it("sends one message a second to a private chat, twenty a minute to a group", async () => {
    const p = createHarness();
    addChat(p.db, 1);
    for (let i = 0; i < 25; i++) queue(p, 1, `خاص ${i}`);
    await drain(p);
    expect(texts(p, 1)).toHaveLength(25);
    expect(p.clock.elapsed()).toBe(24_000);

    const g = createHarness();
    addChat(g.db, -5, { type: "supergroup" });
    for (let i = 0; i < 25; i++) queue(g, -5, `مجموعة ${i}`);
    await drain(g);
    expect(texts(g, -5)).toEqual(Array.from({ length: 25 }, (_, i) => `مجموعة ${i}`));
    expect(g.clock.elapsed()).toBe(64_000);
  });
});

describe("restart", () => {
  it("loses nothing and re-sends nothing Telegram accepted", async () => {
    const path = createTestDbPath();
    const before = createHarness(openTestDb(path));
    addChat(before.db, 1);
    addChat(before.db, 2);
    for (const text of ["أ", "ب", "ج"]) queue(before, 1, text);
    queue(before, 2, "د");
    // Chat 1's first message is accepted (its next ones wait for the per-chat second); chat 2's fails to
    // connect; then the process stops.
    before.sender.failNext(2, { network: "ECONNRESET" });
    await deliver(before);
    expect(before.sender.sent).toEqual([{ chatId: 1, html: "أ" }]);
    before.db.close();

    const after = createHarness(openTestDb(path));
    after.clock.advance(60_000);
    await drain(after);
    expect(after.sender.sent).toEqual([
      { chatId: 1, html: "ب" },
      { chatId: 2, html: "د" },
      { chatId: 1, html: "ج" },
    ]);
    expect(statuses(after)).toEqual(["sent", "sent", "sent", "sent"]);
    after.db.close();
  });

  it("re-sends only the one message whose acceptance the crash kept from being recorded", async () => {
    const path = createTestDbPath();
    const before = createHarness(openTestDb(path));
    for (const id of [1, 2, 3]) {
      addChat(before.db, id);
      queue(before, id, `رسالة ${id}`);
    }
    const accepted: number[] = [];
    // Telegram accepts the message to chat 2, and the process dies before the outbox row is updated.
    const crashing = {
      send: async (chatId: number) => {
        accepted.push(chatId);
        if (chatId === 2) before.db.close();
      },
    };
    await expect(
      deliverDue({ db: before.db, sender: crashing, now: before.clock.now, log: before.log }),
    ).rejects.toThrow(/not open/);

    const after = createHarness(openTestDb(path));
    await drain(after);
    expect(accepted).toEqual([1, 2]);
    expect(after.sender.sent.map((m) => m.chatId)).toEqual([2, 3]);
    after.db.close();
  });
});
