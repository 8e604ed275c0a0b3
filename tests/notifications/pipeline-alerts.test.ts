import { describe, expect, it } from "vitest";
import { ingestArticle } from "../../src/articles/ingest.ts";
import { storeArticleEvents } from "../../src/events/event-store.ts";
import { extractEvents } from "../../src/extraction/extract-events.ts";
import { loadGazetteer } from "../../src/extraction/gazetteer-load.ts";
import { enqueueAlertsForArticle } from "../../src/notifications/match-alerts.ts";
import { createMemorySender } from "../../src/notifications/memory-sender.ts";
import { deliverDue } from "../../src/notifications/outbox-sender.ts";
import { addSubscription } from "../../src/notifications/subscription-store.ts";
import { addChat, openTestDb } from "./notification-db.ts";

/** Three outlets' reports of one meeting, worded differently, as the poller would store them. */
const REPORTS = [
  {
    title: "لافروف يلتقي تشوي سون هوي في موسكو",
    text:
      "موسكو - التقى وزير الخارجية الروسي سيرغي لافروف اليوم الثلاثاء في موسكو وزيرة خارجية كوريا الشمالية " +
      "تشوي سون هوي، وبحث الجانبان تعزيز التعاون بين البلدين.",
    sourceName: "وكالة أ",
  },
  {
    title: "مباحثات روسية كورية شمالية في موسكو",
    text:
      "أجرى وزير الخارجية الروسي سيرغي لافروف الثلاثاء في موسكو مباحثات مع نظيرته الكورية الشمالية تشوي سون هوي " +
      "تناولت الوضع في شبه الجزيرة الكورية.",
    sourceName: "وكالة ب",
  },
  {
    title: "لافروف وتشوي يبحثان العلاقات الثنائية",
    text:
      "استقبل وزير الخارجية الروسي سيرغي لافروف في موسكو اليوم الثلاثاء وزيرة الخارجية الكورية الشمالية " +
      "تشوي سون هوي، حسبما أفادت الخارجية الروسية.",
    sourceName: "وكالة ج",
  },
];

describe("alerts through the real article pipeline", () => {
  it("sends one alert for one meeting reported by three outlets, listing the three", async () => {
    const db = openTestDb();
    const gazetteer = loadGazetteer();
    const now = new Date("2025-07-15T07:00:00Z");
    addChat(db, 1);
    addSubscription(
      db,
      { chatId: 1, targetKind: "entity", target: "sergei-lavrov", label: "لافروف", mode: "instant" },
      now,
    );
    let queued = 0;
    REPORTS.forEach((report, i) => {
      const result = ingestArticle(
        db,
        { ...report, url: `https://outlet${i}.example/news/1`, published: "2025-07-15T09:30:00+03:00" },
        {
          now: () => now,
          afterStore: (article) => {
            storeArticleEvents(
              db,
              article,
              extractEvents({ text: article.cleanText, published: article.published }, gazetteer),
            );
          },
        },
      );
      if (result.status !== "added") throw new Error(result.reason);
      queued += enqueueAlertsForArticle(db, result.article, now);
    });
    expect(queued).toBe(1);
    const sender = createMemorySender();
    await deliverDue({ db, sender, now: () => now, log: { info: () => {}, warn: () => {} } });
    expect(sender.sent).toHaveLength(1);
    const html = sender.sent[0]?.html ?? "";
    // The followed person leads the event line.
    expect(html.split("\n")[0]).toBe(
      "🔔 <b>التقى سيرغي لافروف وتشوي سون هوي في موسكو، الثلاثاء 15 تموز/يوليو 2025</b>",
    );
    for (const i of [0, 1, 2]) expect(html).toContain(`https://outlet${i}.example/news/1`);
  });
});
