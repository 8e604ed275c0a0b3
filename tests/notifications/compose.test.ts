import { describe, expect, it } from "vitest";
import type { EventRecord } from "../../src/events/event-types.ts";
import {
  composeEventAlert,
  composeKeywordAlert,
  countSources,
} from "../../src/notifications/compose-alert.ts";
import {
  composeDigest,
  composeEmptyDigest,
  type DigestGroup,
} from "../../src/notifications/compose-digest.ts";
import { formatEventLine } from "../../src/notifications/event-line.ts";
import { TELEGRAM_MESSAGE_LIMIT } from "../../src/notifications/split-message.ts";
import { KIM, LAVROV, makeArticle, makeEvent, PUTIN, PYONGYANG, SHOIGU, WONSAN } from "./event-fixtures.ts";

describe("formatEventLine", () => {
  it.each<[string, Partial<EventRecord>, "ar" | "en", string]>([
    ["a meeting", {}, "ar", "التقى كيم جونغ أون وسيرغي لافروف في وونسان، السبت 12 تموز/يوليو 2025"],
    ["a meeting", {}, "en", "Kim Jong Un met Sergei Lavrov in Wonsan, Saturday 12 July 2025"],
    [
      "a meeting of three",
      { participants: [PUTIN, KIM, SHOIGU], place: null, date: "2023-07-26" },
      "ar",
      "التقى فلاديمير بوتين وكيم جونغ أون وسيرغي شويغو، الأربعاء 26 تموز/يوليو 2023",
    ],
    [
      "a meeting of three",
      { participants: [PUTIN, KIM, SHOIGU], place: null, date: "2023-07-26" },
      "en",
      "Vladimir Putin met Kim Jong Un and Sergei Shoigu, Wednesday 26 July 2023",
    ],
    [
      "a visit",
      { type: "visit", participants: [PUTIN], place: PYONGYANG, date: "2024-06", precision: "month" },
      "ar",
      "زيارة فلاديمير بوتين إلى بيونغ يانغ، حزيران/يونيو 2024",
    ],
    [
      "a visit",
      { type: "visit", participants: [PUTIN], place: PYONGYANG, date: "2024-06", precision: "month" },
      "en",
      "Vladimir Putin visited Pyongyang, June 2024",
    ],
    [
      "a call",
      { type: "call", place: null, date: null, precision: null },
      "ar",
      "اتصال هاتفي بين كيم جونغ أون وسيرغي لافروف",
    ],
    [
      "a planned meeting",
      { type: "planned", date: "2025", precision: "year" },
      "en",
      "Planned meeting of Kim Jong Un and Sergei Lavrov in Wonsan, 2025",
    ],
    [
      "a name without English",
      { participants: [KIM, { id: "x-1", name_en: null, name_ar: "فلان <الفلاني>" }] },
      "en",
      "Kim Jong Un met فلان &lt;الفلاني&gt; in Wonsan, Saturday 12 July 2025",
    ],
  ])("%s (%s)", (_label, overrides, lang, expected) => {
    expect(formatEventLine(makeEvent(overrides), lang)).toBe(expected);
  });
});

describe("composeEventAlert", () => {
  it("gives one message that lists every source of the event", () => {
    const sources = [1, 2, 3].map((n) => makeArticle(n));
    const html = composeEventAlert(makeEvent(), sources, "ar");
    expect(html.split("\n")).toEqual([
      "🔔 <b>التقى كيم جونغ أون وسيرغي لافروف في وونسان، السبت 12 تموز/يوليو 2025</b>",
      '• <a href="https://news1.example/article/1">كيم يستقبل لافروف في وونسان (1)</a> — وكالة 1',
      '• <a href="https://news2.example/article/2">كيم يستقبل لافروف في وونسان (2)</a> — وكالة 2',
      '• <a href="https://news3.example/article/3">كيم يستقبل لافروف في وونسان (3)</a> — وكالة 3',
      "<i>3 مصادر</i>",
    ]);
  });

  it("escapes every string taken from articles", () => {
    const article = makeArticle(1, {
      title: 'عاجل: <script>alert("x")</script> & كيم',
      url: 'https://x.example/?a=1&b="><b>',
      sourceName: "<i>وكالة</i>",
    });
    const html = composeEventAlert(makeEvent(), [article], "en");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<i>وكالة");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; كيم");
    expect(html).toContain('href="https://x.example/?a=1&amp;b=&quot;&gt;&lt;b&gt;"');
    // Only the tags the composer writes remain.
    expect(html.match(/<\/?[a-z]+/g)).toEqual(["<b", "</b", "<a", "</a"]);
  });

  it("lists at most five sources and counts the rest", () => {
    const html = composeEventAlert(
      makeEvent(),
      [1, 2, 3, 4, 5, 6, 7].map((n) => makeArticle(n)),
      "en",
    );
    expect(html.match(/<a href/g)).toHaveLength(5);
    expect(html).toContain("… and 2 more");
    expect(html).toContain("<i>7 sources</i>");
  });

  it.each([
    [1, "مصدر واحد"],
    [2, "مصدران"],
    [7, "7 مصادر"],
    [12, "12 مصدراً"],
  ])("counts %i sources in Arabic as %s", (n, text) => {
    expect(countSources(n, "ar")).toBe(text);
  });

  it("names the followed words in a keyword alert", () => {
    const html = composeKeywordAlert(["صواريخ", "وونسان"], makeArticle(4, { sourceName: null }), "ar");
    expect(html).toBe(
      '🔎 <b>«صواريخ»، «وونسان»</b>\n• <a href="https://news4.example/article/4">كيم يستقبل لافروف في وونسان (4)</a> — news4.example',
    );
  });
});

describe("composeDigest", () => {
  const group = (label: string, events = 1, articles = 0, isKeyword = false): DigestGroup => ({
    label,
    isKeyword,
    events: Array.from({ length: events }, (_, i) => ({
      event: makeEvent({ id: `ev_${i}`, participants: [KIM, LAVROV], place: WONSAN }),
      sources: [makeArticle(i), makeArticle(i + 100)],
    })),
    articles: Array.from({ length: articles }, (_, i) => makeArticle(i + 500)),
    omitted: 0,
  });

  it("groups by subject under a heading, in one message when it fits", () => {
    const parts = composeDigest({
      lang: "ar",
      dayLabel: "الأحد 13 تموز/يوليو 2025",
      groups: [group("كيم جونغ أون"), group("صواريخ", 0, 1, true), group("بوتين", 0, 0)],
    });
    expect(parts).toHaveLength(1);
    expect(parts[0]?.split("\n")).toEqual([
      "📰 <b>ملخص راصد اليومي — الأحد 13 تموز/يوليو 2025</b>",
      "",
      "<b>كيم جونغ أون</b>",
      '• التقى كيم جونغ أون وسيرغي لافروف في وونسان، السبت 12 تموز/يوليو 2025 — <a href="https://news0.example/article/0">وكالة 0</a>، <a href="https://news100.example/article/100">وكالة 100</a>',
      "",
      "<b>«صواريخ»</b>",
      '• <a href="https://news500.example/article/500">كيم يستقبل لافروف في وونسان (500)</a> — وكالة 500',
    ]);
  });

  it("splits a long digest into messages under 4096 characters on line boundaries", () => {
    const groups = [group("كيم جونغ أون", 40, 40), group("صواريخ", 0, 60, true)];
    const parts = composeDigest({ lang: "en", dayLabel: "Sunday 13 July 2025", groups });
    expect(parts.length).toBeGreaterThan(2);
    const lines = parts.flatMap((p) => p.split("\n"));
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expect(part.match(/<a /g)?.length).toBe(part.match(/<\/a>/g)?.length);
    }
    expect(lines.filter((l) => l.startsWith("• "))).toHaveLength(40 + 40 + 60);
  });

  it("is empty when nothing matched, and says so in one line when asked", () => {
    expect(composeDigest({ lang: "ar", dayLabel: "اليوم", groups: [group("كيم", 0, 0)] })).toEqual([]);
    expect(composeEmptyDigest("en", "Sunday 13 July 2025")).toBe(
      "📰 Nothing new on what you follow — Sunday 13 July 2025.",
    );
  });
});
