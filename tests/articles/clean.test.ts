import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanArticleText, guessTitle } from "../../src/articles/clean.ts";

const CORPUS = join(import.meta.dirname, "..", "..", "data", "corpus");
const seeds = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".txt"))
  .map((file) => ({ file, text: readFileSync(join(CORPUS, file), "utf8") }));

// Each seed: a line of its body that must survive, and lines of its tail that must go.
const expectations: Record<string, { keeps: string[]; drops: string[] }> = {
  "000_239b29ea67dfef7c.txt": {
    keeps: [
      "أجرى وزير الدفاع الروسي، سيرغي شويغو، اليوم الأربعاء، محادثات مع نظيره الكوري الشمالي كانغ سون نام",
    ],
    drops: ["اقرأ أيضاً", "اخترنا لك", "وزير الدفاع الروسي سيرغي شويغو خلال استقباله في كوريا الشمالية"],
  },
  "001_16569950917ecaab.txt": {
    keeps: ["وتحتفل كوريا الشمالية يوم 27 يوليو/تموز من كل عام"],
    // An aggregator pasted another story after the source credit: it is not this article's body.
    drops: [
      "المصدر: الجزيرة",
      "وسيصل إلى موسكو عدد من الزعماء الأجانب",
      "مقالات مشابهة",
      "نجل حفتر في موسكو",
    ],
  },
  "002_8a64b5d3bad4b392.txt": {
    keeps: ["وتعهدت حكومة كيم بإرسال نحو ستة آلاف من المهندسين"],
    drops: ["هل ترغب بالتعليق", "لا تتردد في إعطاء تعليقك"],
  },
  "003_0b3fa9cc17318718.txt": {
    keeps: ["وأشارت الدول في بيانها المشترك إلى أنّ وفدا ضمّ مسؤولين روسًا"],
    drops: ["pic.twitter.com", "@AlarabyTV", "#واشنطن"],
  },
  "004_79f166810296f7cd.txt": {
    keeps: ["حيث أقيم عرض فنى فى دار الثقافة للترحيب بوزير الدفاع الروسى أندريه بيلوسوف"],
    drops: ["مقالات ذات صلة", "اترك تعليقاً", "لن يتم نشر عنوان بريدك", "زر الذهاب إلى الأعلى"],
  },
};

describe("cleanArticleText on the seed articles", () => {
  it("knows every seed", () => {
    expect(seeds.map((s) => s.file).sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(seeds)("$file: tail removed, body intact", ({ file, text }) => {
    const cleaned = cleanArticleText(text);
    const { keeps, drops } = expectations[file] ?? { keeps: [], drops: [] };
    for (const line of keeps) expect(cleaned).toContain(line);
    for (const line of drops) expect(cleaned).not.toContain(line);
    // The cleaner removes lines; it never rewrites the ones it keeps.
    for (const line of cleaned.split("\n").filter(Boolean)) expect(text).toContain(line);
    expect(cleaned.split("\n")[0]).toBe(text.split("\n")[0]?.trim());
  });
});

describe("cleanArticleText on other wordings", () => {
  const body =
    "التقى الرئيس الصيني شي جين بينغ نظيره الروسي في بكين يوم الثلاثاء.\n\nوبحث الجانبان التعاون الثنائي.";

  it.each([
    [
      "a related block under another heading",
      `${body}\n\nأخبار ذات صلة\n\n• بوتين يزور بيونغ يانغ\n• لقاء جديد`,
      "بوتين يزور",
    ],
    ["a tags line", `${body}\n\nكلمات دلالية: روسيا، الصين`, "روسيا، الصين"],
    ["a comments prompt", `${body}\n\nأضف تعليقاً\nالاسم\nالبريد`, "البريد"],
    ["a 'most read' box", `${body}\n\nالأكثر قراءة\n\nكيم يستقبل لافروف`, "كيم يستقبل"],
    [
      "a read-also teaser on its own line",
      `${body}\n\nإقرأ أيضا\nلافروف يصل إلى بيونغ يانغ\n\nوأضاف المتحدث أن المحادثات مثمرة.`,
      "لافروف يصل",
    ],
    [
      "an inline read-also teaser",
      `التقى فلان بفلان.\nاقرأ كذلك: ترامب يلتقي كيم في سنغافورة\nوتابع الطرفان.`,
      "ترامب يلتقي",
    ],
    [
      "an embedded tweet",
      `${body}\nعاجل #روسيا #الصين pic.twitter.com/abc123\n— وكالة (@agency) June 1, 2024`,
      "@agency",
    ],
    ["a share button row", `${body}\nشارك\nطباعة`, "طباعة"],
    ["an English related block", `${body}\n\nRelated\nPutin meets Kim`, "Putin meets Kim"],
    [
      "a story pasted after the source credit",
      `${body}\nالمصدر: وكالات\nموقع../ زار الرئيس الإيراني موسكو.`,
      "الإيراني",
    ],
  ])("removes %s", (_name, text, removed) => {
    const cleaned = cleanArticleText(text);
    expect(cleaned).not.toContain(removed);
    expect(cleaned).toContain("التقى");
  });

  it("keeps a body paragraph that merely mentions related articles in a sentence", () => {
    const text =
      "وقال المتحدث إن مقالات ذات صلة نشرتها الصحف الروسية تناولت الزيارة بالتفصيل وأشادت بنتائجها المهمة للبلدين.\nوأضاف أن الزيارة ناجحة.";
    expect(cleanArticleText(text)).toContain("وأضاف أن الزيارة ناجحة");
  });

  it("drops a caption printed twice but keeps a single mention", () => {
    const text =
      "• صورة: بوتين وكيم في بيونغ يانغ\nصورة: بوتين وكيم في بيونغ يانغ\nوصل بوتين إلى بيونغ يانغ.";
    const cleaned = cleanArticleText(text);
    expect(cleaned).not.toContain("صورة");
    expect(cleaned).toContain("وصل بوتين");
  });

  it("returns nothing for an article that is only boilerplate", () => {
    expect(cleanArticleText("مقالات مشابهة\n• خبر\n• خبر آخر")).toBe("");
  });
});

describe("guessTitle", () => {
  it.each([
    ["شويغو: محادثاتنا مع كوريا الشمالية مهمة\n\nنص الخبر.", "شويغو: محادثاتنا مع كوريا الشمالية مهمة"],
    ["أكد الوزير أن الزيارة ناجحة.\nثم قال.", ""],
    ["", ""],
  ])("%j → %j", (text, title) => {
    expect(guessTitle(text)).toBe(title);
  });
});
