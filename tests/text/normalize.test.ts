import { describe, expect, it } from "vitest";
import { cliticForms, detectLanguage, normalizeArabic, tokenize } from "../../src/text/normalize.ts";
import { spellingVariants } from "../../src/text/variants.ts";

describe("normalizeArabic", () => {
  it.each([
    ["أحمد", "احمد"],
    ["إيران", "ايران"],
    ["آسيا", "اسيا"],
    ["ٱلله", "الله"],
    ["الروسى", "الروسي"],
    ["کیم جونغ", "كيم جونغ"],
    ["وزارة الدفاع", "وزاره الدفاع"],
    ["مؤتمر", "موتمر"],
    ["رئيس", "رييس"],
    ["مُحَمَّدٌ", "محمد"],
    ["تعلّم", "تعلم"],
    ["الـ 70", "ال 70"],
    ["كوريـــا", "كوريا"],
    ["٢٠٢٣", "2023"],
    ["۱۴۰۲", "1402"],
    ["كيم جونغ-أون", "كيم جونغ اون"],
    ["«دعم غير مشروط»", '"دعم غير مشروط"'],
    ["“quoted” ‘x’", "\"quoted\" 'x'"],
    ["Kim Jong-Un", "kim jong un"],
    ["\u200fبوتين\u200e", "بوتين"],
    ["ﻛﻴﻢ", "كيم"],
    ["  كيم\n\tجونغ  ", "كيم جونغ"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it.each(["الرئيس الروسى فلاديمير بوتين", "بيونج يانج ٢٠٢٤", "Sergei Lavrov — سيرغي لافروف", "ئؤإأآة"])(
    "is idempotent on %s",
    (text) => {
      const once = normalizeArabic(text);
      expect(normalizeArabic(once)).toBe(once);
    },
  );

  it("is idempotent on arbitrary strings", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: random() % 40 }, () => String.fromCharCode(random() % 0x0700)).join(
        "",
      );
      const once = normalizeArabic(text);
      expect(normalizeArabic(once)).toBe(once);
    }
  });
});

describe("tokenize", () => {
  it("gives one token per word part with offsets into the original", () => {
    const text = "التقى كيم جونغ-أون، ولافروف.";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(["التقي", "كيم", "جونغ", "اون", "ولافروف"]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });

  it("keeps a direction mark or zero-width character inside a word from splitting it", () => {
    expect(tokenize("كي\u200Fم و\u200Bبوتين").map((t) => t.norm)).toEqual(["كيم", "وبوتين"]);
  });

  it("keeps diacritics inside a word", () => {
    expect(tokenize("مُحَمَّدٌ وصل").map((t) => t.norm)).toEqual(["محمد", "وصل"]);
  });
});

describe("cliticForms", () => {
  it.each([
    ["ولافروف", "لافروف"],
    ["بكيم", "كيم"],
    ["لكيم", "كيم"],
    ["وكيم", "كيم"],
    ["والرئيس", "الرئيس"],
    ["بالرئيس", "رئيس"],
    ["للرئيس", "رئيس"],
    ["فالزعيم", "زعيم"],
  ])("%s can be looked up as %s", (token, stem) => {
    expect(cliticForms(normalizeArabic(token))).toContain(normalizeArabic(stem));
  });

  it.each(["بوتين", "لافروف", "كيم", "فلاديفوستوك", "بيلوسوف"])("offers %s itself first", (name) => {
    expect(cliticForms(name)[0]).toBe(name);
  });

  it("only strips prefixes, so a name never loses its ending (بوتين never becomes بوت)", () => {
    for (const form of cliticForms("بوتين")) expect(form.endsWith("وتين")).toBe(true);
  });

  it("leaves Latin words alone", () => {
    expect(cliticForms("lavrov")).toEqual(["lavrov"]);
  });
});

describe("spellingVariants", () => {
  it.each([
    ["كيم جونغ أون", "كيم جونج اون"],
    ["بيونغ يانغ", "بيونج يانج"],
    ["بيونغ يانغ", "بيونغيانغ"],
    ["سيرغي", "سيرجي"],
  ])("%s has the variant %s", (name, variant) => {
    expect(spellingVariants(name)).toContain(variant);
  });
});

describe("detectLanguage", () => {
  it.each([
    ["من التقى كيم ومتى؟", "ar"],
    ["who met Kim and when?", "en"],
    ["متى التقى Putin كيم؟", "ar"],
    ["2024 ?!", "other"],
  ])("%s is %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
