import { describe, expect, it } from "vitest";
import { splitBodySentences } from "../../src/extraction/body-sentences.ts";

const body = (text: string) =>
  splitBodySentences(text)
    .filter((s) => s.body)
    .map((s) => s.text);

describe("body sentences", () => {
  it("splits a paragraph at full stops and question marks, but not inside numbers", () => {
    expect(body("وصل لافروف إلى بيونغ يانغ. وشحنت 12.5 مليون قذيفة؟ حسب التقارير.")).toEqual([
      "وصل لافروف إلى بيونغ يانغ.",
      "وشحنت 12.5 مليون قذيفة؟",
      "حسب التقارير.",
    ]);
  });

  it.each([
    ["a headline without a full stop", "بوتين يستقبل كيم جونغ أون في الكرملين"],
    ["a dateline", "موسكو – «روسيا والعالم»"],
    ["an embedded post", "«التقيت اليوم الرئيس الصيني، لقاء رائع!»"],
    ["a list item", "- لافروف يلتقي وانغ يي في بكين"],
  ])("keeps %s out of the body", (_, line) => {
    expect(body(line)).toEqual([]);
    expect(splitBodySentences(line)).toHaveLength(1);
  });

  it("takes a long paragraph without a closing full stop as prose", () => {
    const line =
      "وأجرى وزير الخارجية الروسي سيرغي لافروف اليوم محادثات مع نظيره الصيني وانغ يي في بكين تناولت العلاقات الثنائية والأوضاع في المنطقة";
    expect(body(line)).toEqual([line]);
  });

  it("reads a short item written without full stops, but for its headline", () => {
    expect(body("بوتين يستقبل شي\nاستقبل الرئيس الروسي نظيره الصيني اليوم في الكرملين")).toEqual([
      "استقبل الرئيس الروسي نظيره الصيني اليوم في الكرملين",
    ]);
  });

  it("leaves a related-stories block out until prose returns", () => {
    const text = [
      "مواد ذات صلة:",
      "بوتين يستقبل وزيرة خارجية كوريا الشمالية في الكرملين.",
      "وفي سياق آخر، قال المتحدث باسم الكرملين إن الرئيس سيلقي كلمة أمام البرلمان الأسبوع المقبل بمناسبة العيد الوطني.",
    ].join("\n");
    expect(body(text)).toEqual([
      "وفي سياق آخر، قال المتحدث باسم الكرملين إن الرئيس سيلقي كلمة أمام البرلمان الأسبوع المقبل بمناسبة العيد الوطني.",
    ]);
  });

  it("cuts a text without full stops into pieces of at most 80 words, at commas where it can", () => {
    const clause = "واستقبل الرئيس الروسي نظيره الصيني في الكرملين وبحثا التعاون بين البلدين،";
    const blob = Array.from({ length: 40 }, () => clause).join(" ");
    const pieces = body(blob);
    expect(pieces.length).toBeGreaterThan(4);
    for (const piece of pieces) {
      expect(piece.split(/\s+/).length).toBeLessThanOrEqual(80);
      expect(piece.endsWith("،")).toBe(true);
    }
    expect(pieces.join(" ")).toBe(blob);
  });

  it("hard-wraps a long run without commas or و at 80 words and loses no word", () => {
    const blob = Array.from({ length: 200 }, (_, k) => `كلمة${k}`).join(" ");
    const pieces = body(blob);
    expect(pieces.map((p) => p.split(" ").length)).toEqual([80, 80, 40]);
    expect(pieces.join(" ")).toBe(blob);
  });
});
