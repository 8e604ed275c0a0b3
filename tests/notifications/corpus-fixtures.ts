import { ingestArticle } from "../../src/articles/ingest.ts";
import type { Db } from "../../src/db/open.ts";
import { storeArticleEvents } from "../../src/events/event-store.ts";
import type { ExtractedEntity, ExtractedEvent } from "../../src/events/extracted-event.ts";

const person = (id: string, nameEn: string, nameAr: string): ExtractedEntity => ({
  id,
  kind: "person",
  nameEn,
  nameAr,
  discovered: false,
});
const place = (id: string, nameEn: string, nameAr: string): ExtractedEntity => ({
  id,
  kind: "place",
  nameEn,
  nameAr,
  discovered: false,
});

export const E = {
  kim: person("kim-jong-un", "Kim Jong Un", "كيم جونغ أون"),
  lavrov: person("sergei-lavrov", "Sergei Lavrov", "سيرغي لافروف"),
  putin: person("vladimir-putin", "Vladimir Putin", "فلاديمير بوتين"),
  shoigu: person("sergei-shoigu", "Sergei Shoigu", "سيرغي شويغو"),
  wonsan: place("wonsan", "Wonsan", "وونسان"),
  pyongyang: place("pyongyang", "Pyongyang", "بيونغ يانغ"),
  northKorea: place("KP", "North Korea", "كوريا الشمالية"),
};

/** Lavrov meets Kim in Wonsan on 12 July 2025: the happening three outlets report below. */
export const WONSAN_MEETING: ExtractedEvent = {
  type: "meeting",
  participants: [E.kim, E.lavrov],
  date: "2025-07-12",
  precision: "day",
  dateSource: "explicit",
  place: E.wonsan,
  placePath: ["wonsan", "KP"],
  evidence: "والتقى كيم مع لافروف في مدينة وونسان الساحلية",
};

export const SHOIGU_VISIT: ExtractedEvent = {
  type: "visit",
  participants: [E.shoigu],
  date: "2025-06-04",
  precision: "day",
  dateSource: "explicit",
  place: E.pyongyang,
  placePath: ["pyongyang", "KP"],
  evidence: "وصل شويغو إلى بيونغ يانغ",
};

export interface StoredReport {
  id: number;
  key: string;
}

/** Stores an article through the real ingest path, then the events extraction would have found in it. */
export function storeReport(
  db: Db,
  n: number,
  options: {
    events?: ExtractedEvent[];
    text?: string;
    title?: string;
    published?: string;
    fetchedAt: string;
  },
): StoredReport {
  const result = ingestArticle(db, {
    key: `a${n}`,
    url: `https://news${n}.example/2025/07/${n}`,
    title: options.title ?? `لافروف يلتقي كيم في وونسان (${n})`,
    text:
      options.text ??
      `أفادت وكالة الأنباء (${n}) بأن وزير الخارجية الروسي سيرغي لافروف التقى الزعيم الكوري الشمالي كيم جونغ أون في مدينة وونسان الساحلية يوم السبت.`,
    published: options.published ?? options.fetchedAt,
    sourceName: `وكالة ${n}`,
    fetchedAt: options.fetchedAt,
  });
  if (result.status !== "added") throw new Error(`fixture article ${n} not stored: ${result.reason}`);
  storeArticleEvents(db, result.article, options.events ?? [], () => new Date(options.fetchedAt));
  return { id: result.article.id, key: result.article.key };
}
