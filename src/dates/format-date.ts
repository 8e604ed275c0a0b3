import type { DatePrecision } from "../events/event-types.ts";
import { makeDay } from "./calendar.ts";

/**
 * Dates for people. Arabic gives both month series, Syriac first and Gregorian second
 * ("تموز/يوليو"), as pan-Arab outlets do, so readers from the Levant and from Egypt both recognise it.
 * Digits are always Western (0-9), in Arabic too: they are what most Arabic news sites print and what
 * users type in questions, and mixing digit scripts in one answer reads badly.
 *
 *   formatDate("2023-07-26", "day", "ar", { weekday: true }) → "الأربعاء 26 تموز/يوليو 2023"
 *   formatDate("2023-07", "month", "ar")                      → "تموز/يوليو 2023"
 *   formatDate("2023-07-26", "day", "en", { weekday: true }) → "Wednesday 26 July 2023"
 *
 * A date less precise than asked is shown at the precision it has; a string that is not a date comes
 * back unchanged.
 */

const ARABIC_MONTHS = [
  "كانون الثاني/يناير",
  "شباط/فبراير",
  "آذار/مارس",
  "نيسان/أبريل",
  "أيار/مايو",
  "حزيران/يونيو",
  "تموز/يوليو",
  "آب/أغسطس",
  "أيلول/سبتمبر",
  "تشرين الأول/أكتوبر",
  "تشرين الثاني/نوفمبر",
  "كانون الأول/ديسمبر",
];
const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const ARABIC_WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];
const ENGLISH_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function formatDate(
  date: string,
  precision: DatePrecision,
  lang: "ar" | "en",
  opts: { weekday?: boolean } = {},
): string {
  const match = DATE.exec(date.trim());
  if (!match?.[1]) return date;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  const monthName =
    month === undefined ? undefined : (lang === "ar" ? ARABIC_MONTHS : ENGLISH_MONTHS)[month - 1];
  if (precision === "year" || monthName === undefined) return String(year);
  const calendarDay = month !== undefined && day !== undefined ? makeDay(year, month, day) : null;
  if (precision === "month" || !calendarDay) return `${monthName} ${year}`;
  const weekday = (lang === "ar" ? ARABIC_WEEKDAYS : ENGLISH_WEEKDAYS)[calendarDay.day()];
  const text = `${day} ${monthName} ${year}`;
  return opts.weekday && weekday ? `${weekday} ${text}` : text;
}
