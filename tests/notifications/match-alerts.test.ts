import { describe, expect, it } from "vitest";
import type { Db } from "../../src/db/open.ts";
import { getEvent } from "../../src/events/event-store.ts";
import { setChatActive } from "../../src/notifications/chat-store.ts";
import { enqueueAlertsForArticle } from "../../src/notifications/match-alerts.ts";
import { createMemorySender } from "../../src/notifications/memory-sender.ts";
import { deliverDue } from "../../src/notifications/outbox-sender.ts";
import { listOutbox } from "../../src/notifications/outbox-store.ts";
import { addSubscription, type SubscriptionMode } from "../../src/notifications/subscription-store.ts";
import { E, SHOIGU_VISIT, storeReport, WONSAN_MEETING } from "./corpus-fixtures.ts";
import { addChat, openTestDb } from "./notification-db.ts";

const T0 = "2025-07-13T06:00:00.000Z";
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000);
const quiet = { info: () => {}, warn: () => {} };

function follow(
  db: Db,
  chatId: number,
  target: string,
  mode: SubscriptionMode = "instant",
  kind: "entity" | "keyword" = "entity",
) {
  addSubscription(db, { chatId, targetKind: kind, target, label: target, mode }, at(0));
}

function report(
  db: Db,
  n: number,
  minutes: number,
  events = [WONSAN_MEETING],
  extra: { text?: string; title?: string } = {},
) {
  const stored = storeReport(db, n, { events, fetchedAt: at(minutes).toISOString(), ...extra });
  return { ...stored, queued: enqueueAlertsForArticle(db, stored, at(minutes)) };
}

describe("enqueueAlertsForArticle", () => {
  it("gives one alert for three articles of one event, listing the three sources", async () => {
    const db = openTestDb();
    addChat(db, 1);
    follow(db, 1, "kim-jong-un");
    expect(report(db, 1, 0).queued).toBe(1);
    expect(report(db, 2, 5).queued).toBe(0);
    expect(report(db, 3, 9).queued).toBe(0);

    const outbox = listOutbox(db, 1);
    expect(outbox).toHaveLength(1);
    const payload = outbox[0]?.payload;
    const eventId = payload?.type === "event" ? payload.eventId : "";
    expect(outbox[0]?.dedupeKey).toBe(`alert:1:${eventId}`);
    expect(getEvent(db, eventId)?.articles.map((a) => a.id)).toEqual(["a1", "a2", "a3"]);

    const sender = createMemorySender();
    await deliverDue({ db, sender, now: () => at(10), log: quiet });
    expect(sender.sent).toHaveLength(1);
    const html = sender.sent[0]?.html ?? "";
    expect(html).toContain("التقى كيم جونغ أون وسيرغي لافروف في وونسان، السبت 12 تموز/يوليو 2025");
    for (const n of [1, 2, 3]) expect(html).toContain(`href="https://news${n}.example/2025/07/${n}"`);
    expect(html).toContain("3 مصادر");
  });

  it("does not alert again once the event's alert has been sent", async () => {
    const db = openTestDb();
    addChat(db, 1, { lang: "en" });
    follow(db, 1, "sergei-lavrov", "both");
    report(db, 1, 0);
    const sender = createMemorySender();
    await deliverDue({ db, sender, now: () => at(1), log: quiet });
    expect(report(db, 2, 30).queued).toBe(0);
    await deliverDue({ db, sender, now: () => at(31), log: quiet });
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]?.html).toContain("Sergei Lavrov met Kim Jong Un in Wonsan, Saturday 12 July 2025");
  });

  it("alerts each chat once per event, whichever of its subscriptions matched", () => {
    const db = openTestDb();
    addChat(db, 1);
    follow(db, 1, "kim-jong-un");
    follow(db, 1, "sergei-lavrov");
    follow(db, 1, "wonsan");
    expect(report(db, 1, 0).queued).toBe(1);
  });

  it("leaves out chats that follow other subjects, only the daily digest, or are inactive", () => {
    const db = openTestDb();
    for (const id of [1, 2, 3, 4]) addChat(db, id);
    follow(db, 1, "vladimir-putin");
    follow(db, 2, "kim-jong-un", "daily");
    follow(db, 3, "kim-jong-un");
    setChatActive(db, 3, false);
    follow(db, 4, "kim-jong-un");
    expect(report(db, 1, 0).queued).toBe(1);
    expect(listOutbox(db).map((o) => o.chatId)).toEqual([4]);
  });

  it("matches a followed country for an event held in one of its cities", () => {
    const db = openTestDb();
    addChat(db, 1);
    follow(db, 1, E.northKorea.id);
    expect(report(db, 1, 0, [SHOIGU_VISIT]).queued).toBe(1);
  });

  it("alerts keyword subscriptions once per article", () => {
    const db = openTestDb();
    addChat(db, 1);
    follow(db, 1, "الصواريخ", "instant", "keyword");
    follow(db, 1, "وونسان", "instant", "keyword");
    const missiles = "أطلقت كوريا الشمالية صاروخين، وقالت موسكو إن التعاون في مجال الصواريخ مستمر.";
    expect(report(db, 1, 0, [], { text: missiles, title: "بيونغ يانغ تطلق صواريخ" }).queued).toBe(1);
    expect(report(db, 2, 1, [], { text: `${missiles} وبالصواريخ ردّت.`, title: "تجربة جديدة" }).queued).toBe(
      1,
    );
    expect(
      report(db, 3, 2, [], { text: "تحدث الوزير عن التجارة والاقتصاد بين البلدين.", title: "تجارة" }).queued,
    ).toBe(0);
    const rows = listOutbox(db, 1);
    expect(rows.map((r) => r.dedupeKey)).toEqual(["kw:1:a1", "kw:1:a2"]);
    expect(rows[0]?.payload).toEqual({ type: "keyword", articleId: 1, keywords: ["الصواريخ"] });
  });

  it("does not add a keyword alert for an article whose event the chat is alerted to", () => {
    const db = openTestDb();
    addChat(db, 1);
    follow(db, 1, "kim-jong-un");
    follow(db, 1, "وونسان", "instant", "keyword");
    expect(report(db, 1, 0).queued).toBe(1);
    expect(listOutbox(db, 1).map((r) => `${r.kind}:${r.payload.type}`)).toEqual(["alert:event"]);
  });

  it("does not alert for an old article that is imported today", () => {
    const db = openTestDb();
    addChat(db, 1);
    follow(db, 1, "kim-jong-un");
    const old = storeReport(db, 1, {
      events: [WONSAN_MEETING],
      published: "2024-06-19T10:00:00+03:00",
      fetchedAt: at(0).toISOString(),
    });
    expect(enqueueAlertsForArticle(db, old, at(0))).toBe(0);
  });
});
