import type { DatePrecision } from "./event-types.ts";
import type { DateSource, ExtractedEvent } from "./extracted-event.ts";

/**
 * When two reports are one real-world event, and which of their details to keep. The rules are shared
 * by the merge inside one article and the merge with events already stored.
 *
 * Two reports are one event when they have the same type and the same participants, and
 *  - their dates are compatible: equal; one a month or year containing the other; or two days at most
 *    apart (a two-day summit, a meeting dated by the report's day versus the day before it). Inside one
 *    article an undated mention in another sentence also joins a dated one when it is the only one: an
 *    article that dates a meeting once and then refers to "the meeting" again speaks of the same one;
 *  - their places are compatible: one is unknown, equal, or lies inside the other.
 */

export interface DatedPlace {
  date: string | null;
  precision: DatePrecision | null;
  dateSource: DateSource;
  placePath: string[];
}

const MAX_DAY_GAP = 2;
const DAY_MS = 86_400_000;

export function participantsKey(event: Pick<ExtractedEvent, "participants">): string {
  return event.participants
    .map((p) => p.id)
    .sort()
    .join(",");
}

export function areDatesCompatible(a: DatedPlace, b: DatedPlace, sameArticle: boolean): boolean {
  if (!a.date || !b.date) return true;
  if (sameArticle && (a.dateSource === "default") !== (b.dateSource === "default")) return true;
  if (a.precision === "day" && b.precision === "day") {
    return Math.abs(Date.parse(a.date) - Date.parse(b.date)) <= MAX_DAY_GAP * DAY_MS;
  }
  return a.date.startsWith(b.date) || b.date.startsWith(a.date);
}

/** Plans of the same people a month or so apart ("في ماي أو يونيو" and "في 12 حزيران") are one plan. */
export const MAX_PLAN_GAP_DAYS = 45;

export function arePlansClose(a: DatedPlace, b: DatedPlace): boolean {
  if (!a.date || !b.date) return false;
  const middle = (date: string) =>
    Date.parse(date.length === 10 ? date : date.length === 7 ? `${date}-15` : `${date}-07-01`);
  return Math.abs(middle(a.date) - middle(b.date)) <= MAX_PLAN_GAP_DAYS * DAY_MS;
}

export function arePlacesCompatible(a: DatedPlace, b: DatedPlace): boolean {
  const [pa] = a.placePath;
  const [pb] = b.placePath;
  if (!pa || !pb) return true;
  return a.placePath.includes(pb) || b.placePath.includes(pa);
}

export function canMerge(a: ExtractedEvent, b: ExtractedEvent, sameArticle: boolean): boolean {
  // Two reports from one sentence (a visit and the earlier one it recalls) are joined only by their dates.
  const sameSentence = sameArticle && a.evidence === b.evidence;
  return (
    a.type === b.type &&
    participantsKey(a) === participantsKey(b) &&
    (areDatesCompatible(a, b, sameArticle && !sameSentence) ||
      (a.type === "planned" && arePlansClose(a, b))) &&
    arePlacesCompatible(a, b)
  );
}

const PRECISION_RANK: Record<DatePrecision, number> = { year: 1, month: 2, day: 3 };

/**
 * True when date b should replace date a: a text date over the report's day, a finer precision over a
 * coarser one, and between two days of the same standing the earlier (the first day of a summit).
 */
export function isBetterDate(a: DatedPlace, b: DatedPlace): boolean {
  if (!b.date || !b.precision) return false;
  if (!a.date || !a.precision) return true;
  if (a.dateSource !== b.dateSource) return b.dateSource === "explicit";
  const rankA = PRECISION_RANK[a.precision];
  const rankB = PRECISION_RANK[b.precision];
  if (rankA !== rankB) return rankB > rankA;
  return b.date < a.date;
}

/** True when place b is more specific than place a (it lies inside it). */
export function isBetterPlace(a: DatedPlace, b: DatedPlace): boolean {
  if (b.placePath.length === 0) return false;
  if (a.placePath.length === 0) return true;
  return b.placePath.length > a.placePath.length && b.placePath.includes(a.placePath[0] as string);
}

/** Folds the reports of one article into distinct events, keeping the best date and place of each. */
export function mergeArticleEvents(events: ExtractedEvent[]): ExtractedEvent[] {
  const merged: ExtractedEvent[] = [];
  // Dated reports first and the most precise first, so that "this year" joins the event of a dated day
  // rather than keeping apart two events it could both belong to.
  const rank = (e: ExtractedEvent) =>
    (e.dateSource === "default" ? 0 : 10) + (e.precision ? PRECISION_RANK[e.precision] : 0);
  const ordered = [...events].sort((a, b) => rank(b) - rank(a));
  for (const event of ordered) {
    // A report joins the event its own date fits; an undated one joins a dated event only when the
    // article tells of no other event of those people (else it cannot say which one is meant).
    const lenient = merged.filter((m) => canMerge(m, event, true));
    const target =
      merged.find((m) => canMerge(m, event, false)) ?? (lenient.length === 1 ? lenient[0] : undefined);
    if (!target) {
      merged.push({ ...event });
      continue;
    }
    if (isBetterDate(target, event)) {
      target.date = event.date;
      target.precision = event.precision;
      target.dateSource = event.dateSource;
    }
    if (isBetterPlace(target, event)) {
      target.place = event.place;
      target.placePath = event.placePath;
    }
  }
  return merged;
}
