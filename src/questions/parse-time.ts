import {
  DURATION_WORDS,
  type DurationUnit,
  MONTH_PAIRS,
  MONTH_WORDS,
  NUMBER_WORDS,
} from "../dates/lexicon.ts";
import { cliticForms, normalizeArabic, type Token } from "../text/normalize.ts";
import type { TimeRange } from "./question-types.ts";
import { hasWord } from "./question-words.ts";

/**
 * The time filter of a question: a year, a month, a day, a relative period (الشهر الماضي, this year), and
 * the words around them that make a range (منذ/since, قبل/before, بعد/after, بين…و/between…and,
 * من…إلى/from…to). Relative words are read against the injected `now` (UTC calendar).
 */

interface Span {
  from: Ymd;
  to: Ymd;
  /** Token span [start, end). */
  start: number;
  end: number;
  /** A month named without a year: the year is taken from a later atom or from `now`. */
  yearless?: { month: number; day?: number };
  /** A duration back from today ("الأشهر الستة الماضية"): its range is final, lead words do not move it. */
  lastDays?: boolean;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const words = (list: string[]): Set<string> => new Set(list.map(normalizeArabic));

const SINCE = words(["منذ", "مذ", "since"]);
const BEFORE = words(["قبل", "before"]);
const UNTIL = words(["حتى", "لغايه", "until", "till"]);
const AFTER = words(["بعد", "after"]);
const BETWEEN = words(["بين", "between"]);
const FROM = words(["من", "from"]);
const TO = words(["الى", "حتى", "to", "through", "until", "till"]);
const AND = words(["و", "and"]);
const YEAR_WORDS = words(["عام", "العام", "سنه", "السنه", "year"]);
const FILLERS = words([
  "عام",
  "عامي",
  "العام",
  "سنه",
  "السنه",
  "شهر",
  "شهري",
  "الشهر",
  "year",
  "years",
  "month",
  "months",
  "the",
  "in",
  "of",
  "في",
  "خلال",
]);
const MONTH_WORD = words(["شهر", "الشهر", "month"]);
const WEEK_WORD = words(["اسبوع", "الاسبوع", "week"]);
const PAST = words([
  "الماضي",
  "الماضيه",
  "المنصرم",
  "المنصرمه",
  "الفايت",
  "الفايته",
  "السابق",
  "السابقه",
  "last",
  "past",
  "previous",
]);
const CURRENT = words(["هذا", "هذه", "الحالي", "الحاليه", "الجاري", "الجاريه", "this", "current"]);
const TODAY = words(["اليوم", "today"]);
const YESTERDAY = words(["امس", "الامس", "البارحه", "yesterday"]);
/** Words that may stand before an ambiguous month name (مارس, May) to make it a month. */
const MONTH_LEADS = words([
  "في",
  "خلال",
  "منذ",
  "بين",
  "شهر",
  "in",
  "since",
  "during",
  "between",
  "of",
  "until",
  "before",
  "after",
]);

const pad = (n: number): string => String(n).padStart(2, "0");
const iso = (d: Ymd): string => `${String(d.y).padStart(4, "0")}-${pad(d.m)}-${pad(d.d)}`;
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ymdOf = (date: Date): Ymd => ({
  y: date.getUTCFullYear(),
  m: date.getUTCMonth() + 1,
  d: date.getUTCDate(),
});
const addDays = (d: Ymd, n: number): Ymd => ymdOf(new Date(Date.UTC(d.y, d.m - 1, d.d + n)));

function yearSpan(y: number, start: number, end: number): Span {
  return { from: { y, m: 1, d: 1 }, to: { y, m: 12, d: 31 }, start, end };
}

function monthSpan(y: number, m: number, start: number, end: number): Span {
  return { from: { y, m, d: 1 }, to: { y, m, d: daysIn(y, m) }, start, end };
}

function readYear(token: Token | undefined): number | null {
  if (!token) return null;
  for (const form of cliticForms(token.norm)) {
    const match = /^(\d{4})(?:م|ad)?$/.exec(form);
    const year = Number(match?.[1]);
    if (match && year >= 1900 && year <= 2100) return year;
  }
  return null;
}

function readDay(token: Token | undefined): number | null {
  if (!token || !/^\d{1,2}$/.test(token.norm)) return null;
  const day = Number(token.norm);
  return day >= 1 && day <= 31 ? day : null;
}

/** The month a token (or a two-word name starting at it) names, with the number of tokens it takes. */
function readMonth(tokens: Token[], i: number): { month: number; length: number; ambiguous: boolean } | null {
  const token = tokens[i];
  if (!token) return null;
  const next = tokens[i + 1];
  for (const form of cliticForms(token.norm)) {
    if (next) {
      const pair = MONTH_PAIRS.get(`${form} ${next.norm}`);
      if (pair) return { month: pair.month, length: 2, ambiguous: false };
    }
    const word = MONTH_WORDS.get(form);
    if (word) return { month: word.month, length: 1, ambiguous: word.ambiguous };
  }
  return null;
}

// Words that may join a month to its year: "June of 2019", "حزيران من عام 2019", "يونيو سنة 2019".
const MONTH_YEAR_LINKS = words(["of", "من"]);

/** The year right after a month, directly or through "of"/من and a year word; with the token after it. */
function readLinkedYear(tokens: Token[], i: number): { year: number; end: number } | null {
  let j = i;
  if (MONTH_YEAR_LINKS.has(tokens[j]?.norm ?? "")) j++;
  if (hasWord(tokens[j], YEAR_WORDS)) j++;
  const year = readYear(tokens[j]);
  return year === null ? null : { year, end: j + 1 };
}

/** A month name with the same month written after it ("تشرين الأول/أكتوبر") is one mention. */
function skipTwinMonth(tokens: Token[], i: number, month: number): number {
  const twin = readMonth(tokens, i);
  return twin && twin.month === month ? i + twin.length : i;
}

function readAtom(tokens: Token[], i: number, now: Ymd): Span | null {
  const token = tokens[i];
  if (!token) return null;
  const year = readYear(token);
  if (year !== null) return yearSpan(year, i, i + 1);

  // 12 يونيو 2018 / 12 June 2018
  const day = readDay(token);
  if (day !== null) {
    const month = readMonth(tokens, i + 1);
    if (month) {
      let end = skipTwinMonth(tokens, i + 1 + month.length, month.month);
      const y = readYear(tokens[end]);
      if (y !== null) end++;
      if (y !== null && day <= daysIn(y, month.month)) {
        const d = { y, m: month.month, d: day };
        return { from: d, to: d, start: i, end };
      }
      if (y === null) return { from: now, to: now, start: i, end, yearless: { month: month.month, day } };
      return null;
    }
  }

  const month = readMonth(tokens, i);
  if (month) {
    let end = skipTwinMonth(tokens, i + month.length, month.month);
    // June 19, 2024
    const dayFirst = readDay(tokens[end]);
    const dayYear = readYear(tokens[end + 1]);
    if (dayFirst !== null && dayYear !== null && dayFirst <= daysIn(dayYear, month.month)) {
      const d = { y: dayYear, m: month.month, d: dayFirst };
      return { from: d, to: d, start: i, end: end + 2 };
    }
    const linked = readLinkedYear(tokens, end);
    const y = linked?.year ?? null;
    if (linked) end = linked.end;
    else if (month.ambiguous && !hasWord(tokens[i - 1], MONTH_LEADS) && !hasWord(tokens[i - 1], MONTH_WORD))
      return null;
    if (y !== null) return monthSpan(y, month.month, i, end);
    return { ...monthSpan(now.y, month.month, i, end), yearless: { month: month.month } };
  }

  const duration = readDuration(tokens, i, now);
  if (duration) return duration;

  // Relative periods: "هذا العام", "العام الماضي", "this year", "last month", "الأسبوع الماضي", "اليوم".
  if (hasWord(token, TODAY)) return { from: now, to: now, start: i, end: i + 1 };
  if (hasWord(token, YESTERDAY)) {
    const d = addDays(now, -1);
    return { from: d, to: d, start: i, end: i + 1 };
  }
  const unitAt = (k: number): "year" | "month" | "week" | null =>
    hasWord(tokens[k], YEAR_WORDS)
      ? "year"
      : hasWord(tokens[k], MONTH_WORD)
        ? "month"
        : hasWord(tokens[k], WEEK_WORD)
          ? "week"
          : null;
  let unit: "year" | "month" | "week" | null = null;
  let past = false;
  let end = i;
  if (hasWord(token, CURRENT) && unitAt(i + 1)) {
    unit = unitAt(i + 1);
    end = i + 2;
  } else if (hasWord(token, PAST) && unitAt(i + 1)) {
    unit = unitAt(i + 1);
    past = true;
    end = i + 2;
  } else if (unitAt(i) && (hasWord(tokens[i + 1], PAST) || hasWord(tokens[i + 1], CURRENT))) {
    unit = unitAt(i);
    past = hasWord(tokens[i + 1], PAST);
    end = i + 2;
  }
  if (!unit) return null;
  if (unit === "year") return yearSpan(past ? now.y - 1 : now.y, i, end);
  if (unit === "month") {
    const m = past ? (now.m === 1 ? 12 : now.m - 1) : now.m;
    const y = past && now.m === 1 ? now.y - 1 : now.y;
    return monthSpan(y, m, i, end);
  }
  // A week is read as the seven days up to today, whether "this" or "last" week was asked.
  return { from: addDays(now, past ? -7 : -6), to: now, start: i, end };
}

function lookup<V>(token: Token | undefined, table: Map<string, V>): V | undefined {
  if (!token) return undefined;
  for (const form of cliticForms(token.norm)) {
    const value = table.get(form) ?? table.get(form.replace(/^ال/, ""));
    if (value !== undefined) return value;
  }
  return undefined;
}

function readCount(token: Token | undefined): number | undefined {
  if (token && /^\d{1,3}$/.test(token.norm)) return Number(token.norm);
  return lookup(token, NUMBER_WORDS);
}

function goBack(now: Ymd, n: number, unit: DurationUnit): Ymd {
  if (unit === "day") return addDays(now, -n);
  if (unit === "week") return addDays(now, -7 * n);
  const months = unit === "year" ? 12 * n : n;
  const date = new Date(Date.UTC(now.y, now.m - 1 - months, 1));
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth() + 1,
    d: Math.min(now.d, daysIn(date.getUTCFullYear(), date.getUTCMonth() + 1)),
  };
}

/**
 * A stretch of time back from today: "6 أشهر", "three months", "الأشهر الستة الماضية", "شهرين" (a dual
 * counts itself). A singular alone ("عام", "month") is not one: "عام 2019", "الشهر الماضي" mean other things.
 */
function readDuration(tokens: Token[], i: number, now: Ymd): Span | null {
  const count = readCount(tokens[i]);
  const unitAfter = lookup(tokens[i + 1], DURATION_WORDS);
  if (count !== undefined && count > 0 && unitAfter && (unitAfter.implied === undefined || count === 1)) {
    const end = hasWord(tokens[i + 2], PAST) || tokens[i + 2]?.norm === "ago" ? i + 3 : i + 2;
    return { from: goBack(now, count, unitAfter.unit), to: now, start: i, end, lastDays: true };
  }
  const unit = lookup(tokens[i], DURATION_WORDS);
  if (!unit) return null;
  const countAfter = readCount(tokens[i + 1]);
  if (unit.implied === undefined && countAfter !== undefined && countAfter > 1) {
    const end = hasWord(tokens[i + 2], PAST) ? i + 3 : i + 2;
    return { from: goBack(now, countAfter, unit.unit), to: now, start: i, end, lastDays: true };
  }
  if (unit.implied === 2) {
    const end = hasWord(tokens[i + 1], PAST) ? i + 2 : i + 1;
    return { from: goBack(now, 2, unit.unit), to: now, start: i, end, lastDays: true };
  }
  return null;
}

/** A month named without a year means its latest occurrence up to now, or the year of the range's end. */
function settleYear(span: Span, year: number | null, now: Ymd): Span {
  if (!span.yearless) return span;
  const { month, day } = span.yearless;
  let y = year ?? now.y;
  if (year === null && (month > now.m || (month === now.m && day !== undefined && day > now.d))) y--;
  if (day !== undefined) {
    const d = { y, m: month, d: Math.min(day, daysIn(y, month)) };
    return { ...span, from: d, to: d, yearless: undefined };
  }
  return { ...monthSpan(y, month, span.start, span.end), yearless: undefined };
}

export interface TimeFilter {
  range: TimeRange;
  /** Token span [start, end) the filter was read from, so other parsers skip it. */
  start: number;
  end: number;
}

/** Reads the first time filter of a question's tokens; null when it names no time. */
export function parseTimeFilter(text: string, tokens: Token[], now: Date): TimeFilter | null {
  const today = ymdOf(now);
  const atoms: Span[] = [];
  for (let i = 0; i < tokens.length; ) {
    const atom = readAtom(tokens, i, today);
    if (atom) {
      atoms.push(atom);
      i = atom.end;
    } else i++;
  }
  if (atoms.length === 0) return null;
  const first = atoms[0] as Span;
  const second = atoms[1];
  // "منذ عام 2023", "since the summer of"…: words between the lead and the date are skipped.
  let leadIndex = first.start - 1;
  while (leadIndex > 0 && hasWord(tokens[leadIndex], FILLERS)) leadIndex--;
  const lead = tokens[leadIndex];
  const textOf = (start: number, end: number): string =>
    text.slice(tokens[start]?.start ?? 0, tokens[end - 1]?.end ?? text.length);

  // A range written with two atoms: بين X و Y · between X and Y · من X إلى Y · from X to Y.
  const gap = second ? tokens.slice(first.end, second.start) : [];
  const joinedByAnd =
    second !== undefined &&
    (gap.length === 0
      ? /^و/.test(tokens[second.start]?.raw ?? "")
      : gap.length === 1 && hasWord(gap[0], AND));
  const joinedByTo = second !== undefined && gap.length === 1 && hasWord(gap[0], TO);
  if (second && ((hasWord(lead, BETWEEN) && joinedByAnd) || (hasWord(lead, FROM) && joinedByTo))) {
    const year = second.yearless ? null : second.to.y;
    const a = settleYear(first, year, today);
    const b = settleYear(second, null, today);
    const [lo, hi] = iso(a.from) <= iso(b.to) ? [a.from, b.to] : [b.from, a.to];
    return {
      range: { from: iso(lo), to: iso(hi), text: textOf(first.start - 1, second.end) },
      start: first.start - 1,
      end: second.end,
    };
  }
  const plain = (span: Span): TimeFilter => ({
    range: { from: iso(span.from), to: iso(span.to), text: textOf(span.start, span.end) },
    start: span.start,
    end: span.end,
  });
  const atom = settleYear(first, null, today);
  // "منذ 3 أشهر", "3 months ago", "قبل شهرين": a duration already reaches back from today.
  if (atom.lastDays) return plain(atom);
  const leadStart = lead ? leadIndex : first.start;
  if (hasWord(lead, SINCE))
    return {
      range: { from: iso(atom.from), to: null, text: textOf(leadStart, atom.end) },
      start: leadStart,
      end: atom.end,
    };
  if (hasWord(lead, AFTER)) {
    return {
      range: { from: iso(addDays(atom.to, 1)), to: null, text: textOf(leadStart, atom.end) },
      start: leadStart,
      end: atom.end,
    };
  }
  if (hasWord(lead, UNTIL)) {
    return {
      range: { from: null, to: iso(atom.to), text: textOf(leadStart, atom.end) },
      start: leadStart,
      end: atom.end,
    };
  }
  if (hasWord(lead, BEFORE)) {
    return {
      range: { from: null, to: iso(addDays(atom.from, -1)), text: textOf(leadStart, atom.end) },
      start: leadStart,
      end: atom.end,
    };
  }
  return plain(atom);
}
