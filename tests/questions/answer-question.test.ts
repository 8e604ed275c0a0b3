import { describe, expect, it } from "vitest";
import type { ArticleHit } from "../../src/articles/search.ts";
import type { EventFilter } from "../../src/events/event-types.ts";
import { type AnswerDeps, answerQuestion } from "../../src/questions/answer-question.ts";
import { formatAnswerHtml } from "../../src/questions/format-answer.ts";
import { buildFixtureDirectory } from "./fixture-directory.ts";
import { EVENTS, findFixtureEvents } from "./fixture-events.ts";

const NOW = new Date("2026-11-24T12:00:00Z");

function makeDeps(articles: ArticleHit[] = []): AnswerDeps & { filters: EventFilter[] } {
  const filters: EventFilter[] = [];
  return {
    filters,
    directory: buildFixtureDirectory(),
    findEvents: (filter) => {
      filters.push(filter);
      return findFixtureEvents(filter);
    },
    // Like the store's search, every word of the query must match.
    searchArticles: (query) => articles.filter((a) => query.split(" ").every((w) => a.title.includes(w))),
  };
}

const ask = (question: string, deps = makeDeps()) => answerQuestion(deps, question, NOW);
const ids = (question: string) => ask(question).events.map((e) => e.id);

describe("answerQuestion: which events answer", () => {
  it.each([
    ["من التقى كيم ومتى؟", ["ev-kim-lavrov", "ev-kim-belousov", "ev-kim-putin", "ev-kim-shoigu"]],
    ["Who met Kim and when?", ["ev-kim-lavrov", "ev-kim-belousov", "ev-kim-putin", "ev-kim-shoigu"]],
    ["Who met Kim in 2025?", ["ev-kim-lavrov"]],
    ["من التقى كيم في 2024؟", ["ev-kim-belousov", "ev-kim-putin"]],
    ["من التقى كيم قبل 2024؟", ["ev-kim-shoigu"]],
    ["Who met Kim first?", ["ev-kim-shoigu", "ev-kim-putin", "ev-kim-belousov", "ev-kim-lavrov"]],
    ["متى التقى لافروف بكيم جونغ أون؟", ["ev-kim-lavrov"]],
    ["Where did Kim Jong Un meet Lavrov?", ["ev-kim-lavrov"]],
    ["Who did Shoigu meet in Pyongyang?", ["ev-shoigu-kang", "ev-kim-shoigu"]],
    ["مع من اجتمع وزير الخارجية الروسي لافروف في وونسان؟", ["ev-kim-lavrov", "ev-lavrov-choe"]],
    ["من التقى وزير الدفاع الروسي؟", ["ev-kim-belousov", "ev-shoigu-kang", "ev-kim-shoigu"]],
    ["من زار كوريا الشمالية عام 2024؟", ["ev-belousov-visit", "ev-kim-putin"]],
    ["من زار بيونغ يانغ؟", ["ev-belousov-visit", "ev-kim-putin", "ev-shoigu-kang"]],
    ["كم مرة التقى بوتين بكيم؟", ["ev-kim-putin"]],
    ["ما هي اتصالات بوتين؟", ["ev-kim-putin-call"]],
    ["ماذا عن كيم جونغ أون بين 2025 و2026؟", ["ev-kim-trump-planned", "ev-kim-lavrov", "ev-kim-putin-call"]],
    ["من استقبل بوتين في الكرملين؟", ["ev-kimyo-putin"]],
    ["متى زار بيلوسوف بيونغ يانغ؟", ["ev-belousov-visit"]],
    ["When did Putin visit North Korea?", ["ev-kim-putin"]],
    ["متى سافر شويغو؟", ["ev-shoigu-visit"]],
    ["Who visited North Korea in 2024?", ["ev-belousov-visit", "ev-kim-putin"]],
    ["How many times did Putin meet Kim?", ["ev-kim-putin"]],
    ["What's new with Lavrov?", ["ev-kim-lavrov", "ev-lavrov-choe"]],
    ["أين التقى كيم جونغ أون بلافروف؟", ["ev-kim-lavrov"]],
    ["Who met Kim since June 2024?", ["ev-kim-lavrov", "ev-kim-belousov", "ev-kim-putin"]],
    ["Who met Kim since June?", []],
    ["من التقى كيم الشهر الماضي؟", []],
    ["Who met Putin between 2024 and 2025?", ["ev-kim-putin", "ev-kimyo-putin"]],
    ["من زار كيم جونغ أون؟", ["ev-kim-lavrov", "ev-kim-belousov", "ev-kim-putin", "ev-kim-shoigu"]],
  ])("%s", (question, expected) => {
    expect(ids(question)).toEqual(expected);
  });

  it("never lists a call or a planned meeting as someone who met the subject", () => {
    const events = ask("من التقى كيم؟").events;
    expect(events.every((e) => e.type === "meeting")).toBe(true);
  });

  it("reads events through the entity and date filters of the store", () => {
    const deps = makeDeps();
    ask("Who met Kim in 2025?", deps);
    expect(deps.filters[0]).toMatchObject({
      entityIds: ["kim-jong-un"],
      from: "2025-01-01",
      to: "2025-12-31",
    });
  });
});

describe("answerQuestion: meetings without a place", () => {
  const withoutPlace = EVENTS.map((e) => (e.id === "ev-kim-belousov" ? { ...e, place: null } : e));
  const deps: AnswerDeps = { ...makeDeps(), findEvents: (filter) => findFixtureEvents(filter, withoutPlace) };

  it("places a meeting on the trip one of its participants was on", () => {
    const answer = answerQuestion(deps, "من التقى كيم في بيونغ يانغ؟", NOW);
    // Kim–Shoigu is placed only in "North Korea": it may have been in Pyongyang, so it stays.
    expect(answer.events.map((e) => e.id)).toEqual(["ev-kim-belousov", "ev-kim-putin", "ev-kim-shoigu"]);
    expect(answer.text).toContain(
      "أندريه بيلوسوف — السبت 30 تشرين الثاني/نوفمبر 2024 — بيونغ يانغ (خلال زيارة أندريه بيلوسوف)",
    );
    expect(answer.events[0]?.place).toBeNull();
  });

  it("does not place it elsewhere", () => {
    expect(answerQuestion(deps, "Who met Kim in Wonsan?", NOW).events.map((e) => e.id)).toEqual([
      "ev-kim-lavrov",
      "ev-kim-shoigu",
    ]);
  });
});

describe("answerQuestion: the text", () => {
  it("answers in Arabic with the ambiguity line, Arabic dates, places and sources", () => {
    const answer = ask("من التقى كيم ومتى؟");
    expect(answer.lang).toBe("ar");
    expect(answer.intent).toBe("who_met");
    const lines = answer.text.split("\n");
    expect(lines[0]).toBe("كيم = كيم جونغ أون؛ للسؤال عن كيم يو جونغ اكتب اسمها كاملاً.");
    expect(answer.text).toContain("سيرغي لافروف — السبت 12 تموز/يوليو 2025 — وونسان (مصدران)");
    expect(answer.text).toContain("سيرغي شويغو — تموز/يوليو 2023 — كوريا الشمالية");
    expect(answer.text).toContain("https://news.example/s002 · https://news.example/s005");
    expect(answer.text).not.toContain("كانغ سون نام");
  });

  it("answers the same question in English in English", () => {
    const answer = ask("Who met Kim and when?");
    expect(answer.lang).toBe("en");
    expect(answer.text.split("\n")[0]).toBe(
      "Kim = Kim Jong Un; to ask about Kim Yo Jong, write her full name.",
    );
    expect(answer.text).toContain("Sergei Lavrov — Saturday 12 July 2025 — Wonsan (2 sources)");
    expect(answer.text).toContain("Sergei Shoigu — July 2023 — North Korea");
  });

  it("needs no ambiguity line when a title already narrows the name", () => {
    const answer = ask("من التقى الزعيم الكوري الشمالي كيم عام 2024؟");
    expect(answer.text).not.toContain("للسؤال عن");
    const kimYo = ask("ماذا عن كيم يو جونغ؟");
    expect(kimYo.events.map((e) => e.id)).toEqual(["ev-kimyo-putin"]);
  });

  it("answers when someone travelled to a place with their trips", () => {
    const answer = ask("When did Belousov visit Pyongyang?");
    expect(answer.text).toContain("Visits by Andrei Belousov to Pyongyang: 1");
    expect(answer.text).toContain("• Saturday 30 November 2024 — Pyongyang");
  });

  it("names a title by the holders the answer is about", () => {
    const answer = ask("من التقى وزير الدفاع الروسي؟");
    expect(answer.text.split("\n").slice(0, 2)).toEqual([
      "وزير الدفاع الروسي: من شغل المنصب وقت كل حدث (أندريه بيلوسوف، سيرغي شويغو).",
      "من التقى وزير الدفاع الروسي: 3 لقاءات",
    ]);
    expect(ask("Who did the Russian defence minister meet in 2025?").text.split("\n")[0]).toBe(
      "Russian defence minister = Andrei Belousov",
    );
  });

  it.each([
    ["هل التقى لافروف بكيم جونغ أون؟", "نعم. التقى سيرغي لافروف وكيم جونغ أون مرة واحدة:"],
    ["Did Belousov visit Pyongyang?", "Yes. Visits by Andrei Belousov to Pyongyang: 1"],
    [
      "Did Trump meet Putin?",
      "I find no meeting between Donald Trump and Vladimir Putin in the stored news.",
    ],
  ])("answers the yes/no question %s plainly", (question, line) => {
    expect(ask(question).text.split("\n")).toContain(line);
  });

  it("cites the articles of the events it lists", () => {
    const answer = ask("متى التقى لافروف بكيم جونغ أون؟");
    expect(answer.articles.map((a) => a.id)).toEqual(["s002", "s005"]);
    expect(answer.text).toContain("التقى سيرغي لافروف وكيم جونغ أون مرة واحدة:");
  });

  it("says plainly when nothing matches, offers what is known and never invents", () => {
    const answer = ask("Who met Kim in 2030?");
    expect(answer.events).toEqual([]);
    expect(answer.text).toContain("I find nobody who met Kim Jong Un (2030) in the stored news.");
    expect(answer.text).toContain(
      "The latest I know about Kim Jong Un: Announced meeting or visit with Donald Trump",
    );
    expect(answer.text).toContain('You can ask, for example: "What\'s new with Kim Jong Un?"');
  });

  it("falls back to full-text search for other questions, with snippets", () => {
    const deps = makeDeps([
      {
        id: "a9",
        url: "https://news.example/a9",
        title: "العقوبات على بيونغ يانغ",
        published: null,
        snippet: "…[العقوبات]…",
      },
    ]);
    const answer = ask("ما هي العقوبات؟", deps);
    expect(answer.intent).toBe("search");
    expect(answer.events).toEqual([]);
    expect(answer.articles.map((a) => a.id)).toEqual(["a9"]);
    expect(answer.text).toContain("مقالات تطابق سؤالك:");
    expect(answer.text).toContain("…[العقوبات]…");
  });

  it("says when the articles found match only some of the words", () => {
    const deps = makeDeps([
      { id: "a9", url: "https://news.example/a9", title: "العقوبات الجديدة", published: null, snippet: "" },
    ]);
    const answer = ask("ما هي العقوبات على الصواريخ؟", deps);
    expect(answer.articles.map((a) => a.id)).toEqual(["a9"]);
    expect(answer.text).toContain("لا أجد مقالاً يطابق كل كلمات سؤالك؛ هذه مقالات تذكر بعضها:");
  });

  it("suggests questions when it knows nothing about the words", () => {
    const answer = ask("من التقى فلان الفلاني؟");
    expect(answer.events).toEqual([]);
    expect(answer.text).toContain("لا أجد في الأخبار المخزنة ما يطابق سؤالك.");
    expect(answer.text).toContain("يمكنك أن تسأل مثلاً");
  });

  it.each([
    ["من التقى لافرف؟", "لم أتعرف على «لافرف»؛ هل تقصد سيرغي لافروف؟"],
    ["Who met Shoygu?", 'I don\'t know "Shoygu"; did you mean Sergei Shoigu?'],
  ])("offers the closest known name for a typo in %s", (question, line) => {
    const answer = ask(question);
    expect(answer.events).toEqual([]);
    expect(answer.text.split("\n")[0]).toBe(line);
  });

  it("answers a 100 KB question politely", () => {
    const answer = ask(`Who met Kim in 2025? ${"blah ".repeat(20_000)}`);
    expect(answer.events.map((e) => e.id)).toEqual(["ev-kim-lavrov"]);
    expect(answer.text).toContain("Your question was long");
  });
});

describe("answerQuestion: any input", () => {
  it.each([
    [""],
    ["؟؟؟"],
    ["<script>alert(1)</script>"],
    ["من"],
    ["كيم كيم كيم كيم"],
    ["بين و"],
    ["Who met in 1800 and 3000?"],
    ["منذ"],
    ["\u0000\uffff\ud800"],
  ])("answers %j without throwing, in Arabic or English", (question) => {
    const answer = ask(question);
    expect(["ar", "en"]).toContain(answer.lang);
    expect(answer.text.length).toBeGreaterThan(0);
  });
});

describe("formatAnswerHtml", () => {
  it("escapes article text and links each source", () => {
    const deps = makeDeps([
      {
        id: "a9",
        url: "https://www.news.example/a?x=1&y=2",
        title: "العقوبات <b>",
        published: null,
        snippet: "a & b",
      },
    ]);
    const html = formatAnswerHtml(ask("ما هي العقوبات؟", deps));
    expect(html).toContain("العقوبات &lt;b&gt;");
    expect(html).toContain("a &amp; b");
    expect(html).toContain('<a href="https://www.news.example/a?x=1&amp;y=2">news.example</a>');
    expect(html).not.toContain("<b>");
  });
});
