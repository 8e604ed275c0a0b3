import { readPublicationDay } from "../dates/calendar.ts";
import { type DateMention, findDateExpressions, type Tense } from "../dates/find-dates.ts";
import type { DatePrecision } from "../events/event-types.ts";
import { cliticForms, type Token } from "../text/normalize.ts";
import { NUMBER_WORDS, OFFSET_HEDGES, OFFSET_LEADS, OFFSET_UNITS, type OffsetUnit } from "./event-lexicon.ts";

/**
 * Dates for event words. The date expressions of a sentence come from src/dates; this module decides
 * which of them dates which event word, and reads the relative offsets the date module leaves to the
 * event ("بعد نحو شهرين من قمته": the summit was two months before the sentence's own date).
 */

export interface PlacedDate extends DateMention {
  /** Index of the first token of the expression. */
  token: number;
}

export interface ChosenDate {
  date: string;
  precision: DatePrecision;
  source: "explicit" | "default";
}

export function placeDates(text: string, tokens: Token[], published: string, tense: Tense): PlacedDate[] {
  return findDateExpressions(text, published, { tense }).map((m) => ({
    ...m,
    token: Math.max(
      0,
      tokens.findIndex((t) => t.end > m.start),
    ),
  }));
}

const RANK: Record<DatePrecision, number> = { day: 3, month: 2, year: 1 };

/** The most precise of the mentions; the first among equally precise ones. */
export function pickMostPrecise<T extends DateMention>(mentions: T[]): T | undefined {
  let best: T | undefined;
  for (const m of mentions) if (!best || RANK[m.precision] > RANK[best.precision]) best = m;
  return best;
}

/** The report's own day (or month, for a plan without a date), in the outlet's offset. */
export function defaultDate(published: string, future: boolean): ChosenDate | null {
  const day = readPublicationDay(published);
  if (!day) return null;
  if (future) return { date: day.format("YYYY-MM"), precision: "month", source: "default" };
  // A report published in the morning tells of the day before: the day has hardly begun.
  const hour = Number(/T(\d{2})/.exec(published)?.[1] ?? "12");
  const reported = hour < MORNING_END ? day.subtract(1, "day") : day;
  return { date: reported.format("YYYY-MM-DD"), precision: "day", source: "default" };
}

const MORNING_END = 12;

const forms = (token: Token | undefined): string[] => (token ? cliticForms(token.norm) : []);

/**
 * "بعد (نحو) N وحدة (من|على) <event word>": the event lies N units before `anchor`. Hours and days keep
 * the day; weeks and months give the month; years the year.
 */
export function readOffsetBefore(tokens: Token[], trigger: number, anchor: string): ChosenDate | null {
  let j = trigger - 1;
  if (!forms(tokens[j]).some((f) => f === "من" || f === "علي")) return null;
  j--;
  const unitWord = forms(tokens[j])
    .map((f) => OFFSET_UNITS.get(f))
    .find(Boolean);
  // "شهر ونصف": the half is dropped, the month precision absorbs it.
  const half = !unitWord && forms(tokens[j]).includes("نصف") ? 1 : 0;
  const unit =
    unitWord ??
    forms(tokens[j - 1])
      .map((f) => OFFSET_UNITS.get(f))
      .find(Boolean);
  if (!unit) return null;
  j -= half + 1;
  let count = unit.count;
  const number = tokens[j];
  if (number && /^\d+$/.test(number.norm)) {
    count = Number(number.norm);
    j--;
  } else {
    const word = forms(number)
      .map((f) => NUMBER_WORDS.get(f))
      .find((n) => n !== undefined);
    if (word !== undefined) {
      count = word;
      j--;
    }
  }
  for (let guard = 0; guard < 3 && forms(tokens[j]).some((f) => OFFSET_HEDGES.has(f)); guard++) j--;
  if (!forms(tokens[j]).some((f) => OFFSET_LEADS.has(f))) return null;
  return shiftDate(anchor, unit.unit, count + half / 2);
}

export function shiftDate(anchor: string, unit: OffsetUnit, count: number): ChosenDate {
  const day = anchor.length === 10 ? anchor : anchor.length === 7 ? `${anchor}-15` : `${anchor}-07-01`;
  const date = new Date(`${day}T12:00:00Z`);
  const whole = Math.floor(count);
  if (unit === "day") date.setUTCDate(date.getUTCDate() - whole);
  if (unit === "week") date.setUTCDate(date.getUTCDate() - Math.round(7 * count));
  if (unit === "month")
    date.setUTCMonth(date.getUTCMonth() - whole, date.getUTCDate() - Math.round((count - whole) * 30));
  if (unit === "year") date.setUTCFullYear(date.getUTCFullYear() - whole);
  const iso = date.toISOString();
  if (unit === "hour" || unit === "day")
    return { date: iso.slice(0, 10), precision: "day", source: "explicit" };
  if (unit === "year") return { date: iso.slice(0, 4), precision: "year", source: "explicit" };
  return { date: iso.slice(0, 7), precision: "month", source: "explicit" };
}
