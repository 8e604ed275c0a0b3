import { describe, expect, it } from "vitest";
import { MAX_QUESTION_CHARS, parseQuestion } from "../../src/questions/parse-question.ts";
import { buildFixtureDirectory } from "./fixture-directory.ts";

const NOW = new Date("2026-11-24T12:00:00Z");
const directory = buildFixtureDirectory([
  {
    id: "x-ivan-petrov",
    kind: "person",
    name_ar: "إيفان بتروف",
    name_en: null,
    aliases: ["بتروف"],
    events: 2,
  },
]);
const parse = (q: string) => parseQuestion(q, NOW, directory);
const top = (q: string) => parse(q).people.map((m) => m.candidates[0]?.id);

describe("parseQuestion: intent, language and subjects", () => {
  it.each([
    ["من التقى كيم ومتى؟", "ar", "who_met", ["kim-jong-un"], []],
    ["من اجتمع مع لافروف؟", "ar", "who_met", ["sergei-lavrov"], []],
    ["من قابل بوتين؟", "ar", "who_met", ["vladimir-putin"], []],
    ["مع من التقى شويغو في بيونغ يانغ؟", "ar", "who_met", ["sergei-shoigu"], ["pyongyang"]],
    ["بمن التقى لافروف؟", "ar", "who_met", ["sergei-lavrov"], []],
    ["مَن زار كوريا الشمالية عام 2024؟", "ar", "visits", [], ["KP"]],
    ["متى التقى لافروف بكيم جونغ أون؟", "ar", "when_met", ["sergei-lavrov", "kim-jong-un"], []],
    [
      "أين التقى كيم جونغ أون بالرئيس الروسي بوتين؟",
      "ar",
      "where_met",
      ["kim-jong-un", "vladimir-putin"],
      [],
    ],
    ["كم مرة التقى بوتين بكيم؟", "ar", "count", ["vladimir-putin", "kim-jong-un"], []],
    ["ماذا عن لافروف؟", "ar", "events_of", ["sergei-lavrov"], []],
    ["آخر أخبار تشوي سون هوي", "ar", "events_of", ["choe-son-hui"], []],
    ["ما هي لقاءات بوتين واتصالاته في عام 2019؟", "ar", "events_of", ["vladimir-putin"], []],
    ["من استقبل بوتين في الكرملين خلال عام 2024؟", "ar", "who_met", ["vladimir-putin"], ["moscow-kremlin"]],
    ["من التقى بتروف؟", "ar", "who_met", ["x-ivan-petrov"], []],
    ["Who met Kim and when?", "en", "who_met", ["kim-jong-un"], []],
    ["Who has met Lavrov?", "en", "who_met", ["sergei-lavrov"], []],
    ["Who did Shoigu meet in Pyongyang?", "en", "who_met", ["sergei-shoigu"], ["pyongyang"]],
    ["When did Trump meet Kim Jong Un?", "en", "when_met", ["donald-trump", "kim-jong-un"], []],
    ["Where did Trump and Kim Jong Un meet?", "en", "where_met", ["donald-trump", "kim-jong-un"], []],
    ["Who visited Vladivostok, and when?", "en", "visits", [], ["vladivostok"]],
    ["How many times did Putin meet Kim?", "en", "count", ["vladimir-putin", "kim-jong-un"], []],
    ["What's new with Lavrov?", "en", "events_of", ["sergei-lavrov"], []],
    ["Latest on Choe Son Hui", "en", "events_of", ["choe-son-hui"], []],
    ["What are the sanctions on missiles?", "en", "search", [], []],
    ["هل التقى ترامب بكيم؟", "ar", "when_met", ["donald-trump", "kim-jong-un"], []],
    ["Did Putin visit Pyongyang?", "en", "when_met", ["vladimir-putin"], ["pyongyang"]],
    ["Which Russian officials visited Pyongyang?", "en", "visits", [], ["pyongyang"]],
    ["من هم المسؤولون الذين التقاهم كيم في 2019؟", "ar", "who_met", ["kim-jong-un"], []],
    ["اذكر لقاءات بوتين في 2024", "ar", "events_of", ["vladimir-putin"], []],
    ["مين التقى كيم؟", "ar", "who_met", ["kim-jong-un"], []],
    ["@rasid_bot من التقى كيم؟", "ar", "who_met", ["kim-jong-un"], []],
    ["امتى التقى بوتين بكيم؟", "ar", "when_met", ["vladimir-putin", "kim-jong-un"], []],
    ["فين التقى بوتين وكيم؟", "ar", "where_met", ["vladimir-putin", "kim-jong-un"], []],
    ["كام مرة التقى بوتين بكيم؟", "ar", "count", ["vladimir-putin", "kim-jong-un"], []],
    ["شو أخبار لافروف؟", "ar", "events_of", ["sergei-lavrov"], []],
    ["Putin's meetings in 2024", "en", "events_of", ["vladimir-putin"], []],
    ["ما هي العقوبات الجديدة؟", "ar", "search", [], []],
  ])("%s", (question, lang, intent, people, places) => {
    const parsed = parse(question);
    expect(parsed.lang).toBe(lang);
    expect(parsed.intent).toBe(intent);
    expect(parsed.people.map((m) => m.candidates[0]?.id)).toEqual(people);
    expect(parsed.places.map((m) => m.candidates[0]?.id)).toEqual(places);
  });
});

describe("parseQuestion: names", () => {
  it.each([
    ["من التقى بكيم؟", "kim-jong-un"],
    ["ولافروف؟ من التقى", "sergei-lavrov"],
    ["من التقى كيم جونج أون؟", "kim-jong-un"],
    ["من التقى بوتن؟", "vladimir-putin"],
    ["Who met Kim Jong-un?", "kim-jong-un"],
    ["who met LAVROV", "sergei-lavrov"],
  ])("%s names %s", (question, id) => {
    expect(top(question)).toEqual([id]);
  });

  it("lets a gazetteer person outrank a discovered one written the same way", () => {
    const withBareKim = buildFixtureDirectory([
      { id: "x-kym", kind: "person", name_ar: "كيم", name_en: null, aliases: [], events: 9 },
    ]);
    const [kim] = parseQuestion("من التقى كيم؟", NOW, withBareKim).people;
    expect(kim?.candidates[0]?.id).toBe("kim-jong-un");
    expect(kim?.candidates.map((c) => c.id)).toContain("x-kym");
  });

  it("keeps the other people a bare surname may mean, most prominent first", () => {
    const [kim] = parse("من التقى كيم؟").people;
    expect(kim?.candidates.map((c) => c.id)).toEqual(["kim-jong-un", "kim-yo-jong", "kim-jong-il"]);
  });

  it("narrows a bare surname by the title before it, at the time asked", () => {
    const [kim] = parse("من التقى الزعيم الكوري الشمالي كيم في 2018؟").people;
    expect(kim?.candidates.map((c) => c.id)).toEqual(["kim-jong-un"]);
    const [older] = parse("من التقى الزعيم الكوري الشمالي كيم في 2005؟").people;
    expect(older?.candidates.map((c) => c.id)).toEqual(["kim-jong-il"]);
  });

  it.each([
    ["من التقى وزير الدفاع الروسي عام 2023؟", ["sergei-shoigu"]],
    ["من التقى وزير الدفاع الروسي عام 2025؟", ["andrei-belousov"]],
    ["من التقى وزير الدفاع الروسي؟", ["sergei-shoigu", "andrei-belousov"]],
    ["ماذا عن وزيرة الخارجية الكورية الشمالية؟", ["choe-son-hui"]],
    ["Who did the Russian defence minister meet in 2023?", ["sergei-shoigu"]],
    ["Who did the North Korean foreign minister meet?", ["choe-son-hui"]],
    ["Who did Russia's defence minister meet in 2025?", ["andrei-belousov"]],
    ["من التقى زعيم كوريا الشمالية عام 2019؟", ["kim-jong-un"]],
    ["Who met the leader of North Korea in 2005?", ["kim-jong-il"]],
  ])("reads the title in %s as its holders %j", (question, ids) => {
    const [mention] = parse(question).people;
    expect(mention?.viaTitle).toBeDefined();
    expect(mention?.candidates.map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it.each([
    ["أين التقى الرئيس الروسي ووزير الخارجية الكوري الشمالي؟", ["vladimir-putin"], "RU"],
    ["Where did the Russian president and the North Korean foreign minister meet?", ["vladimir-putin"], "RU"],
  ])("reads two titles in %s, each with its own country", (question, first, country) => {
    const [a, b] = parse(question).people;
    expect(a?.candidates.map((c) => c.id)).toEqual(expect.arrayContaining(first));
    expect(a?.viaTitle?.country).toBe(country);
    expect(b?.viaTitle?.country).toBe("KP");
    expect(b?.text).not.toContain("الروسي");
  });

  it("lets the name after a title win over the title", () => {
    const parsed = parse("مع من اجتمع وزير الخارجية الروسي لافروف في وونسان؟");
    expect(parsed.people).toHaveLength(1);
    expect(parsed.people[0]?.viaTitle).toBeUndefined();
    expect(parsed.places[0]?.candidates[0]?.id).toBe("wonsan");
  });

  it.each([
    ["من زار بيونغ يانغ من المسؤولين الروس ومتى؟", "RU"],
    ["Which Russian officials visited Pyongyang?", "RU"],
    ["من التقى وزير الخارجية الروسي؟", null],
    // Before a name, a nationality describes that person.
    ["أين اجتمع وزير الخارجية الروسي مع نظيره الكوري الشمالي تشوي سون هوي؟", null],
    ["Where did Lavrov meet his North Korean counterpart Choe Son Hui?", null],
    ["من زار العاصمة الكورية الشمالية بيونغ يانغ؟", null],
    ["Who visited the Russian capital Moscow?", null],
  ])("reads the nationality filter of %s as %s", (question, country) => {
    expect(parse(question).nationality).toBe(country);
  });

  it.each([
    ["Who from Russia visited Pyongyang in 2024?", "RU", ["pyongyang"]],
    ["من زار بيونغ يانغ من روسيا؟", "RU", ["pyongyang"]],
    ["Who from North Korea has Putin met in Moscow?", "KP", ["moscow"]],
    ["من التقى بوتين في موسكو من كوريا الشمالية؟", "KP", ["moscow"]],
    // Alone, or a city: still where it happened.
    ["Who visited Russia?", null, ["RU"]],
    ["من زار بيونغ يانغ من موسكو؟", null, ["pyongyang", "moscow"]],
  ])("reads a country after from/من in %s as the people's origin (%s)", (question, country, places) => {
    const parsed = parse(question);
    expect(parsed.nationality).toBe(country);
    expect(parsed.places.map((p) => p.candidates[0]?.id)).toEqual(places);
  });
});

describe("parseQuestion: types and order", () => {
  it.each([
    ["ما هي لقاءات بوتين واتصالاته في عام 2019؟", ["meeting", "call"]],
    [
      "What did Choe Son Hui do in 2024 (meetings, visits, announced talks)?",
      ["meeting", "visit", "planned"],
    ],
    ["ماذا عن لافروف؟", null],
  ])("%s names the types %j", (question, types) => {
    expect(parse(question).types).toEqual(types);
  });

  it.each([
    ["من التقى كيم أولاً؟", "newest"],
    ["من أول من التقى كيم؟", "oldest"],
    ["Who met Kim first?", "oldest"],
    ["من التقى لافروف في تشرين الأول/أكتوبر 2023؟", "newest"],
  ])("%s orders %s first", (question, order) => {
    expect(parse(question).order).toBe(order);
  });
});

describe("parseQuestion: any input", () => {
  const alphabet = "كيم لافروف من التقى متى أين who met when ؟?،,.-/0123456789 \u200f\u064e\n\tAbc😀<>&\"'";
  it("never throws on arbitrary text", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let run = 0; run < 500; run++) {
      const length = Math.floor(random() * 80);
      let text = "";
      for (let i = 0; i < length; i++) {
        text +=
          random() < 0.2
            ? String.fromCharCode(Math.floor(random() * 0xffff))
            : (alphabet[Math.floor(random() * alphabet.length)] ?? "");
      }
      const parsed = parse(text);
      expect(["ar", "en"]).toContain(parsed.lang);
    }
  });

  it("cuts a 100 KB question and still reads its start", () => {
    const question = `من التقى كيم؟ ${"كلام ".repeat(20_000)}`;
    const parsed = parse(question);
    expect(parsed.truncated).toBe(true);
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(parsed.intent).toBe("who_met");
  });
});
