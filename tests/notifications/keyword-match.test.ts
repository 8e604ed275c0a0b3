import { describe, expect, it } from "vitest";
import { indexKeywordText, matchesKeyword, normalizeKeyword } from "../../src/notifications/keyword-match.ts";

describe("keyword matching", () => {
  it.each([
    ["الصواريخ", "أطلقت كوريا الشمالية الصواريخ صباح الأربعاء"],
    ["صواريخ", "أطلقت كوريا الشمالية الصواريخ صباح الأربعاء"],
    ["صواريخ", "وبالصواريخ الباليستية هددت بيونغ يانغ"],
    ["بيونغ يانغ", "وصل الوفد إلى بيونج يانج أمس"],
    ["بيونغ يانغ", "وصل الوفد إلى بيونغيانغ أمس"],
    ["وونسان", "والتقى كيم مع لافروف في مدينة وونسان الساحلية"],
    ["الذخيرة", "صفقات الذَّخيرة بين البلدين"],
    ["ammunition", "Russia sought Ammunition from Pyongyang"],
    ["منتجع كالما", "افتتح كيم منتجع كالما السياحي"],
  ])("%s is found in %s", (keyword, text) => {
    expect(matchesKeyword(indexKeywordText(text), normalizeKeyword(keyword))).toBe(true);
  });

  it.each([
    ["صواريخ", "تحدث الوزير عن الاقتصاد"],
    ["كيم", "كيمياء العلاقات بين البلدين"],
    ["منتجع كالما", "افتتح كيم منتجعا في كالما"],
    ["روس", "الروسي"],
    ["", "أي نص"],
  ])("%s is not found in %s", (keyword, text) => {
    expect(matchesKeyword(indexKeywordText(text), normalizeKeyword(keyword))).toBe(false);
  });

  it.each([
    ["  الصَّواريخ! ", "الصواريخ"],
    ["بيونغ-يانغ", "بيونغ يانغ"],
    ["Kim Jong-Un", "kim jong un"],
  ])("normalizes %j to %j", (typed, stored) => {
    expect(normalizeKeyword(typed)).toBe(stored);
  });
});
