import dayjs, { type Dayjs } from "dayjs";
import utc from "dayjs/plugin/utc.js";
import type { DatePrecision } from "../events/event-types.ts";

dayjs.extend(utc);

/**
 * Calendar days as the date module computes with them: a dayjs value at UTC midnight that stands for a
 * local calendar day of the outlet. Working on bare calendar days keeps day arithmetic free of time zones
 * and daylight saving: the only time-zone step is reading the publication time in its own offset.
 */
export type Day = Dayjs;

const ISO_START = /^\d{4}-\d{2}-\d{2}/;
const OFFSET = /(?:Z|([+-])(\d{2}):?(\d{2}))$/i;

/**
 * The outlet's local calendar day of publication: "2024-06-19T23:30:00+03:00" → 2024-06-19, although that
 * instant is already the 20th in some zones. A time without an offset is read as UTC; null when the
 * string is not an ISO 8601 date.
 */
export function readPublicationDay(published: string): Day | null {
  const iso = published.trim();
  if (!ISO_START.test(iso)) return null;
  const instant = dayjs.utc(iso);
  if (!instant.isValid()) return null;
  const match = OFFSET.exec(iso);
  const offsetMinutes =
    match?.[1] === undefined ? 0 : (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  return dayjs.utc(instant.add(offsetMinutes, "minute").format("YYYY-MM-DD"));
}

/** The day y-m-d, or null when it does not exist (31 April, month 13). */
export function makeDay(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const first = dayjs.utc(Date.UTC(year, month - 1, 1));
  if (!Number.isInteger(day) || day < 1 || day > first.daysInMonth()) return null;
  return first.date(day);
}

/** The first day of a month, used for month-precision dates. */
export function makeMonth(year: number, month: number): Day | null {
  return makeDay(year, month, 1);
}

export function formatDay(day: Day, precision: DatePrecision): string {
  if (precision === "year") return day.format("YYYY");
  if (precision === "month") return day.format("YYYY-MM");
  return day.format("YYYY-MM-DD");
}

/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Where to look for a weekday relative to a reference day:
 * "on-or-before" (a past event may be on the day itself), "before" (…الماضي), "after" (…المقبل and
 * future events), "nearest" (within three days either way, to reconcile "اليوم الأربعاء" with a
 * publication time just past midnight).
 */
export type WeekdaySearch = "on-or-before" | "before" | "after" | "nearest";

export function findWeekday(reference: Day, weekday: Weekday, search: WeekdaySearch): Day {
  const forward = (weekday - reference.day() + 7) % 7;
  const backward = (reference.day() - weekday + 7) % 7;
  switch (search) {
    case "on-or-before":
      return reference.subtract(backward, "day");
    case "before":
      return reference.subtract(backward === 0 ? 7 : backward, "day");
    case "after":
      return reference.add(forward === 0 ? 7 : forward, "day");
    case "nearest":
      return backward <= 3 ? reference.subtract(backward, "day") : reference.add(forward, "day");
  }
}

/** The Thursday of the ISO week (Monday to Sunday) `weeks` away from the reference day's week. */
export function findWeekThursday(reference: Day, weeks: number): Day {
  const monday = reference.subtract((reference.day() + 6) % 7, "day");
  return monday.add(weeks * 7 + 3, "day");
}

/**
 * Where to place a month (or a day of a month) written without a year, relative to the reference day:
 * "on-or-before" (past events: this year if not later than the reference, else last year), "before"
 * (…الماضي: strictly earlier), "on-or-after" (future events), "after" (…المقبل: strictly later),
 * "current" (…الجاري: the reference's year).
 */
export type YearSearch = "on-or-before" | "before" | "on-or-after" | "after" | "current";

export function placeInYear(
  reference: Day,
  month: number,
  day: number | undefined,
  search: YearSearch,
): number {
  const year = reference.year();
  if (search === "current") return year;
  const target = month * 100 + (day ?? 0);
  const here = (reference.month() + 1) * 100 + (day === undefined ? 0 : reference.date());
  switch (search) {
    case "on-or-before":
      return target <= here ? year : year - 1;
    case "before":
      return target < here ? year : year - 1;
    case "on-or-after":
      return target >= here ? year : year + 1;
    case "after":
      return target > here ? year : year + 1;
  }
}
