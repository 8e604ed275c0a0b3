import type { EntityRef, EventRecord } from "../../src/events/event-types.ts";
import type { ArticleSummary } from "../../src/notifications/compose-alert.ts";

export const KIM: EntityRef = { id: "kim-jong-un", name_en: "Kim Jong Un", name_ar: "كيم جونغ أون" };
export const LAVROV: EntityRef = { id: "sergei-lavrov", name_en: "Sergei Lavrov", name_ar: "سيرغي لافروف" };
export const PUTIN: EntityRef = {
  id: "vladimir-putin",
  name_en: "Vladimir Putin",
  name_ar: "فلاديمير بوتين",
};
export const SHOIGU: EntityRef = { id: "sergei-shoigu", name_en: "Sergei Shoigu", name_ar: "سيرغي شويغو" };
export const WONSAN: EntityRef = { id: "wonsan", name_en: "Wonsan", name_ar: "وونسان" };
export const PYONGYANG: EntityRef = { id: "pyongyang", name_en: "Pyongyang", name_ar: "بيونغ يانغ" };

export function makeEvent(overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    id: "ev_1",
    type: "meeting",
    participants: [KIM, LAVROV],
    date: "2025-07-12",
    precision: "day",
    place: WONSAN,
    articles: [],
    evidence: "والتقى كيم مع لافروف في مدينة وونسان الساحلية",
    ...overrides,
  };
}

export function makeArticle(n: number, overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    key: `a${n}`,
    title: `كيم يستقبل لافروف في وونسان (${n})`,
    url: `https://news${n}.example/article/${n}`,
    sourceName: `وكالة ${n}`,
    published: "2025-07-13T07:00:00+03:00",
    ...overrides,
  };
}
