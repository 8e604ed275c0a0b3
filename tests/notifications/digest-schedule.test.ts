import { describe, expect, it } from "vitest";
import type { Db } from "../../src/db/open.ts";
import { getChat, updateChatSettings } from "../../src/notifications/chat-store.ts";
import { buildDigestNow, enqueueDueDigests, isDigestDue } from "../../src/notifications/digest-schedule.ts";
import { listOutbox } from "../../src/notifications/outbox-store.ts";
import { TELEGRAM_MESSAGE_LIMIT } from "../../src/notifications/split-message.ts";
import { addSubscription, type SubscriptionMode } from "../../src/notifications/subscription-store.ts";
import { SHOIGU_VISIT, storeReport, WONSAN_MEETING } from "./corpus-fixtures.ts";
import { addChat, openTestDb } from "./notification-db.ts";

const CREATED = "2025-07-12T12:00:00.000Z";
const RIYADH = 1;
const LONDON_UTC = 2;

function follow(
  db: Db,
  chatId: number,
  target: string,
  mode: SubscriptionMode = "daily",
  kind: "entity" | "keyword" = "entity",
) {
  addSubscription(db, { chatId, targetKind: kind, target, label: target, mode }, new Date(CREATED));
}

function digestTexts(db: Db, chatId: number): string[] {
  return listOutbox(db, chatId)
    .filter((o) => o.kind === "digest")
    .map((o) => (o.payload.type === "text" ? o.payload.html : ""));
}

function setUp(): Db {
  const db = openTestDb();
  addChat(db, RIYADH, { timezone: "Asia/Riyadh", digestTime: "08:00", at: CREATED });
  addChat(db, LONDON_UTC, { timezone: "UTC", digestTime: "08:00", lang: "en", at: CREATED });
  follow(db, RIYADH, "kim-jong-un");
  follow(db, LONDON_UTC, "kim-jong-un", "both");
  storeReport(db, 1, { events: [WONSAN_MEETING], fetchedAt: "2025-07-13T06:00:00.000Z" });
  storeReport(db, 2, { events: [WONSAN_MEETING], fetchedAt: "2025-07-13T09:30:00.000Z" });
  return db;
}

describe("enqueueDueDigests", () => {
  it("queues each chat's digest at 08:00 of its own time zone, once a day", () => {
    const db = setUp();
    const at = (iso: string) => enqueueDueDigests(db, new Date(iso));
    expect(at("2025-07-14T04:59:00Z")).toBe(0);
    expect(at("2025-07-14T05:00:00Z")).toBe(1);
    expect(digestTexts(db, RIYADH)).toHaveLength(1);
    expect(digestTexts(db, LONDON_UTC)).toHaveLength(0);
    expect(at("2025-07-14T05:01:00Z")).toBe(0);
    expect(at("2025-07-14T07:59:00Z")).toBe(0);
    expect(at("2025-07-14T08:00:00Z")).toBe(1);
    expect(digestTexts(db, LONDON_UTC)).toHaveLength(1);
    expect(at("2025-07-14T23:59:00Z")).toBe(0);
    expect(listOutbox(db).map((o) => o.dedupeKey)).toEqual([
      `digest:${RIYADH}:2025-07-14:0`,
      `digest:${LONDON_UTC}:2025-07-14:0`,
    ]);
    expect(getChat(db, RIYADH)?.lastDigestAt).toBe("2025-07-14T05:00:00.000Z");
  });

  it("lists the day's events under each followed subject, in the chat's language", () => {
    const db = setUp();
    enqueueDueDigests(db, new Date("2025-07-14T08:00:00Z"));
    const [ar] = digestTexts(db, RIYADH);
    const [en] = digestTexts(db, LONDON_UTC);
    expect(ar?.split("\n")).toEqual([
      "📰 <b>ملخص راصد اليومي — الاثنين 14 تموز/يوليو 2025</b>",
      "",
      "<b>kim-jong-un</b>",
      '• التقى كيم جونغ أون وسيرغي لافروف في وونسان، السبت 12 تموز/يوليو 2025 — <a href="https://news1.example/2025/07/1">وكالة 1</a>، <a href="https://news2.example/2025/07/2">وكالة 2</a>',
    ]);
    expect(en).toContain("📰 <b>Rasid daily digest — Monday 14 July 2025</b>");
    expect(en).toContain("Kim Jong Un met Sergei Lavrov in Wonsan, Saturday 12 July 2025");
  });

  it("adds articles that name a followed person without an event, once, after the events", () => {
    const db = setUp();
    addSubscription(
      db,
      { chatId: RIYADH, targetKind: "entity", target: "sergei-lavrov", label: "سيرغي لافروف", mode: "daily" },
      new Date(CREATED),
    );
    storeReport(db, 5, {
      title: "الخارجية الروسية: لا تغيير في الموقف",
      text: "قال وزير الخارجية الروسي سيرغى لافروف في مؤتمر صحفي إن موسكو ماضية في سياستها.",
      fetchedAt: "2025-07-13T20:00:00.000Z",
    });
    enqueueDueDigests(db, new Date("2025-07-14T05:00:00Z"));
    const lines = digestTexts(db, RIYADH)[0]?.split("\n") ?? [];
    expect(lines.slice(2)).toEqual([
      "<b>kim-jong-un</b>",
      '• التقى كيم جونغ أون وسيرغي لافروف في وونسان، السبت 12 تموز/يوليو 2025 — <a href="https://news1.example/2025/07/1">وكالة 1</a>، <a href="https://news2.example/2025/07/2">وكالة 2</a>',
      "",
      "<b>سيرغي لافروف</b>",
      '• <a href="https://news5.example/2025/07/5">الخارجية الروسية: لا تغيير في الموقف</a> — وكالة 5',
    ]);
  });

  it("covers what came since the last digest, so the next day repeats nothing", () => {
    const db = setUp();
    enqueueDueDigests(db, new Date("2025-07-14T05:00:00Z"));
    storeReport(db, 3, { events: [SHOIGU_VISIT], fetchedAt: "2025-07-14T10:00:00.000Z" });
    follow(db, RIYADH, "sergei-shoigu");
    expect(enqueueDueDigests(db, new Date("2025-07-15T05:00:00Z"))).toBe(1);
    const [, second] = digestTexts(db, RIYADH);
    expect(second).toContain("زيارة سيرغي شويغو إلى بيونغ يانغ");
    expect(second).not.toContain("وونسان");
  });

  it("sends nothing when nothing matched, or one line for a chat that wants to hear it", () => {
    const db = setUp();
    addChat(db, 3, { at: CREATED });
    follow(db, 3, "vladimir-putin");
    addChat(db, 4, { at: CREATED });
    follow(db, 4, "vladimir-putin");
    updateChatSettings(db, 4, { digestWhenEmpty: true });
    enqueueDueDigests(db, new Date("2025-07-14T05:00:00Z"));
    expect(digestTexts(db, 3)).toEqual([]);
    expect(getChat(db, 3)?.lastDigestAt).toBe("2025-07-14T05:00:00.000Z");
    expect(digestTexts(db, 4)).toEqual(["📰 لا جديد عمّا تتابعه — الاثنين 14 تموز/يوليو 2025."]);
  });

  it("leaves out chats with only instant subscriptions, inactive chats, and chats made after today's time", () => {
    const db = setUp();
    addChat(db, 5, { at: CREATED });
    follow(db, 5, "kim-jong-un", "instant");
    addChat(db, 6, { at: "2025-07-14T06:00:00Z" });
    follow(db, 6, "kim-jong-un");
    const chat6 = getChat(db, 6);
    if (!chat6) throw new Error("chat 6 missing");
    expect(isDigestDue(chat6, new Date("2025-07-14T06:30:00Z"))).toBe(false);
    expect(isDigestDue(chat6, new Date("2025-07-15T05:00:00Z"))).toBe(true);
    enqueueDueDigests(db, new Date("2025-07-14T06:30:00Z"));
    expect(listOutbox(db, 5)).toEqual([]);
    expect(listOutbox(db, 6)).toEqual([]);
  });

  it("splits a long digest into messages within Telegram's limit, on line boundaries", () => {
    const db = setUp();
    const words = ["الصواريخ", "الذخيرة", "المدفعية", "المسيرات"];
    for (const word of words) follow(db, RIYADH, word, "daily", "keyword");
    let n = 10;
    for (const word of words) {
      for (let i = 0; i < 25; i++, n++) {
        storeReport(db, n, {
          title: `تقرير مطول عن ${word} في التعاون العسكري بين روسيا وكوريا الشمالية وما قاله المسؤولون رقم ${n}`,
          text: `قالت مصادر مطلعة إن ملف ${word} (${n}) نوقش خلال زيارة الوفد الروسي الأخيرة.`,
          fetchedAt: "2025-07-13T12:00:00.000Z",
        });
      }
    }
    enqueueDueDigests(db, new Date("2025-07-14T05:00:00Z"));
    const parts = digestTexts(db, RIYADH);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expect(part.match(/<a /g)?.length).toBe(part.match(/<\/a>/g)?.length);
    }
    const lines = parts.join("\n").split("\n");
    // One event, then for each word the 20 articles a subject shows at most and a count of the rest.
    expect(lines.filter((l) => l.startsWith("• "))).toHaveLength(1 + 4 * 20);
    expect(lines.filter((l) => l === "… و5 أخرى")).toHaveLength(4);
    expect(listOutbox(db, RIYADH).map((o) => o.dedupeKey)).toEqual(
      parts.map((_, i) => `digest:${RIYADH}:2025-07-14:${i}`),
    );
  });
});

describe("buildDigestNow", () => {
  it("gives the last day's digest on demand without counting as the daily one", () => {
    const db = setUp();
    const parts = buildDigestNow(db, LONDON_UTC, new Date("2025-07-13T20:00:00Z"));
    expect(parts).toHaveLength(1);
    expect(parts[0]).toContain("Kim Jong Un met Sergei Lavrov");
    expect(getChat(db, LONDON_UTC)?.lastDigestAt).toBeNull();
    expect(listOutbox(db)).toEqual([]);
  });

  it("says there is nothing new when nothing matched", () => {
    const db = setUp();
    expect(buildDigestNow(db, LONDON_UTC, new Date("2025-07-20T20:00:00Z"))).toEqual([
      "📰 Nothing new on what you follow — Sunday 20 July 2025.",
    ]);
  });
});
