import type { DatePrecision } from "../events/event-types.ts";
import { type Day, makeDay, makeMonth, placeInYear, type Weekday, type YearSearch } from "./calendar.ts";
import {
  ARABIC_DIRECTIONS,
  DAY_NOUNS,
  DEMONSTRATIVES,
  type Direction,
  ENGLISH_DIRECTIONS,
  EVERY,
  HIJRI_MARKS,
  MONTH_CUES,
  MONTH_PAIRS,
  MONTH_WORDS,
  type MonthName,
  OF_WORDS,
  ORDINAL_DAYS,
  PERIOD_PARTS,
  YEAR_CUES,
  YEAR_NOUNS,
} from "./lexicon.ts";
import {
  buildMention,
  collectMentions,
  type DateMention,
  gapBefore,
  isDashGap,
  isLooseGap,
  isOpenParenGap,
  isSlashGap,
  isTightGap,
  lookupToken,
  type Rule,
  readInteger,
  readYear,
  type Scan,
  tokenIn,
  tokenIs,
} from "./scan.ts";
import { readWeekday } from "./weekday-reading.ts";

/**
 * Rules for dates written with the calendar: 26/7/2023, 13 سبتمبر 2023, يومي 18 و19 حزيران, تموز/يوليو
 * 2000, في يونيو الماضي, شباط/فبراير من العام الماضي, عام 2019, July 26, 2023.
 */

const SPACES = /^[ \t\u00A0]+$/;
const NUMERIC_SEPARATOR = /^[/.-]$/;
const OPENS_BRACKET = /\(\s*$/;

interface MonthExpression {
  month: number;
  /** Token indexes of the expression: "تموز/يوليو" is one expression. */
  first: number;
  last: number;
  /** Not an ambiguous word (آب, مارس, May), or paired with a plain name (آب/أغسطس). */
  plain: boolean;
  english: boolean;
}

interface YearSpec {
  year?: number;
  /** Years from the publication year: من العام الماضي → -1. */
  shift?: number;
  direction?: Direction;
  /** "من كل عام": a yearly date (an anniversary), not the date of an event. */
  yearly?: boolean;
  last: number;
}

const SEARCH_OF: Record<Direction, YearSearch> = { past: "before", future: "after", current: "current" };
const YEAR_SHIFT: Record<Direction, number> = { past: -1, future: 1, current: 0 };

function readMonthName(scan: Scan, index: number): { name: MonthName; last: number } | null {
  const token = scan.tokens[index];
  const following = scan.tokens[index + 1];
  if (!token) return null;
  if (following && SPACES.test(gapBefore(scan, index + 1) ?? "")) {
    for (const form of token.forms) {
      const pair = MONTH_PAIRS.get(`${form} ${following.norm}`);
      if (pair) return { name: pair, last: index + 1 };
    }
  }
  const found = lookupToken(token, MONTH_WORDS);
  // Month names never take the article: الأب is "the father", not August.
  if (!found || found.prefix.includes("ال") || found.prefix.endsWith("لل")) return null;
  return { name: found.value, last: index };
}

function readMonthExpression(scan: Scan, index: number): MonthExpression | null {
  const name = readMonthName(scan, index);
  if (!name) return null;
  const expression: MonthExpression = {
    month: name.name.month,
    first: index,
    last: name.last,
    plain: !name.name.ambiguous,
    english: name.name.english,
  };
  const gap = gapBefore(scan, name.last + 1);
  if (isSlashGap(gap) || isOpenParenGap(gap)) {
    const other = readMonthName(scan, name.last + 1);
    if (other && other.name.month === expression.month) {
      expression.last = other.last;
      expression.plain ||= !other.name.ambiguous;
    }
  }
  return expression;
}

function readDirection(scan: Scan, index: number): Direction | undefined {
  const token = scan.tokens[index];
  if (!token || !isTightGap(gapBefore(scan, index))) return undefined;
  return ARABIC_DIRECTIONS.get(token.norm);
}

/** "1445 هـ": a Hijri year, which this module does not convert. */
function isHijri(scan: Scan, index: number): boolean {
  return isTightGap(gapBefore(scan, index + 1)) && tokenIs(scan.tokens[index + 1], HIJRI_MARKS);
}

/** What follows a month: a year (2023, عام 2019, من العام 2000), a relative year, or a direction. */
function readYearSpec(scan: Scan, index: number, allowComma: boolean): YearSpec | null {
  const tokens = scan.tokens;
  const gap = gapBefore(scan, index);
  if (!(allowComma ? isLooseGap(gap) : isTightGap(gap))) return null;
  const year = readYear(tokens[index]);
  if (year !== undefined) return isHijri(scan, index) ? null : { year, last: index };
  const tight = (at: number) => isTightGap(gapBefore(scan, at));
  if (tokenIn(tokens[index], YEAR_NOUNS) && tight(index + 1)) {
    const named = readYear(tokens[index + 1]);
    if (named !== undefined && !isHijri(scan, index + 1)) return { year: named, last: index + 1 };
  }
  if (tokenIs(tokens[index], OF_WORDS) && tight(index + 1) && tight(index + 2)) {
    const noun = tokens[index + 1];
    const after = tokens[index + 2];
    const named = tokenIn(noun, YEAR_NOUNS) ? readYear(after) : undefined;
    if (named !== undefined) return { year: named, last: index + 2 };
    // من العام الماضي / الجاري / المقبل, من هذا العام
    const direction = tokenIs(noun, YEAR_NOUNS) ? ARABIC_DIRECTIONS.get(after?.norm ?? "") : undefined;
    if (direction) return { shift: YEAR_SHIFT[direction], last: index + 2 };
    if (tokenIs(noun, DEMONSTRATIVES) && tokenIs(after, YEAR_NOUNS)) return { shift: 0, last: index + 2 };
    if (tokenIs(noun, EVERY) && tokenIs(after, YEAR_NOUNS)) return { yearly: true, last: index + 2 };
  }
  const direction = readDirection(scan, index);
  if (direction) return { direction, last: index };
  return null;
}

/** The date of a month (and day) under its year spec; relative when the year came from the anchor. */
function placeMonth(
  scan: Scan,
  month: number,
  day: number | undefined,
  spec: YearSpec | null,
  weekday?: Weekday,
): { date: Day; precision: DatePrecision; relative: boolean } | null {
  const precision = day === undefined ? "month" : "day";
  const make = (year: number) => (day === undefined ? makeMonth(year, month) : makeDay(year, month, day));
  let year: number;
  if (spec?.year !== undefined) {
    const date = make(spec.year);
    return date && { date, precision, relative: false };
  }
  if (spec?.shift !== undefined) {
    year = scan.anchor.year() + spec.shift;
  } else {
    const search = spec?.direction
      ? SEARCH_OF[spec.direction]
      : scan.tense === "future"
        ? "on-or-after"
        : "on-or-before";
    year = placeInYear(scan.anchor, month, day, search);
    // "الخميس 25 نيسان": the weekday names the year when the text does not.
    if (weekday !== undefined && day !== undefined && !spec) {
      const base = scan.anchor.year();
      const fitting = [year, base, base - 1, base + 1].find((y) => make(y)?.day() === weekday);
      if (fitting !== undefined) year = fitting;
    }
  }
  const date = make(year);
  return date && { date, precision, relative: true };
}

/** 26/7/2023, 26-07-2023, 2023-07-26 (day first unless that cannot be). */
export const matchNumericDate: Rule = (scan, index) => {
  const parts = [0, 1, 2].map((k) => scan.tokens[index + k]);
  const [a, b, c] = parts.map((token) => (token && /^\d{1,4}$/.test(token.norm) ? token.norm : undefined));
  if (a === undefined || b === undefined || c === undefined) return null;
  const separator = gapBefore(scan, index + 1) ?? "";
  if (!NUMERIC_SEPARATOR.test(separator) || gapBefore(scan, index + 2) !== separator) return null;
  // A fourth part (1.2.3.4) is a version or an address, not a date.
  if (gapBefore(scan, index + 3) === separator && /^\d+$/.test(scan.tokens[index + 3]?.norm ?? ""))
    return null;
  let date: Day | null = null;
  if (a.length === 4 && b.length <= 2 && c.length <= 2) date = makeDay(Number(a), Number(b), Number(c));
  else if (c.length === 4 && a.length <= 2 && b.length <= 2) {
    const [first, second] = [Number(a), Number(b)];
    date = second > 12 ? makeDay(Number(c), first, second) : makeDay(Number(c), second, first);
  }
  if (!date) return null;
  return {
    next: index + 3,
    mentions: collectMentions([buildMention(scan, index, index + 2, date, "day", false)]),
  };
};

function readDayOfMonth(scan: Scan, index: number): { day: number; last: number } | null {
  const token = scan.tokens[index];
  const day = token && /\d/.test(token.norm) && token.norm.length <= 4 ? readInteger(token) : undefined;
  if (day !== undefined) return day >= 1 && day <= 31 ? { day, last: index } : null;
  const following = scan.tokens[index + 1];
  if (following && SPACES.test(gapBefore(scan, index + 1) ?? "")) {
    const two = token && ORDINAL_DAYS.get(`${token.norm} ${following.norm}`);
    if (two !== undefined) return { day: two, last: index + 1 };
  }
  const one = token && ORDINAL_DAYS.get(token.norm);
  return one === undefined ? null : { day: one, last: index };
}

/** The end of a list of days: "18 و19", "18-19"; the first day names the event. */
function skipMoreDays(scan: Scan, last: number): number {
  let end = last;
  for (;;) {
    const token = scan.tokens[end + 1];
    const gap = gapBefore(scan, end + 1);
    const joined = (isTightGap(gap) && token?.norm.startsWith("و")) || isDashGap(gap);
    const day = joined ? readInteger(token) : undefined;
    if (day === undefined || day < 1 || day > 31) return end;
    end += 1;
  }
}

/**
 * A day of a month: [يوم|يومي] [weekday] day [و day…] [من] month [year spec], and the English
 * month-first order "July 26, 2023".
 */
export const matchDayMonth: Rule = (scan, index) => {
  let at = index;
  const dayNoun = tokenIs(scan.tokens[at], DAY_NOUNS);
  if (dayNoun) at += 1;
  const weekday = readWeekday(scan, at, dayNoun);
  if (weekday && isLooseGap(gapBefore(scan, weekday.last + 1))) at = weekday.last + 1;
  else if (dayNoun && !isTightGap(gapBefore(scan, at))) return null;

  let day: number | undefined;
  let expression: MonthExpression | null = null;
  let last = -1;
  const dayRead = readDayOfMonth(scan, at);
  if (dayRead) {
    let monthAt = skipMoreDays(scan, dayRead.last) + 1;
    if (tokenIs(scan.tokens[monthAt], OF_WORDS) && isTightGap(gapBefore(scan, monthAt))) monthAt += 1;
    if (isTightGap(gapBefore(scan, monthAt))) expression = readMonthExpression(scan, monthAt);
    if (expression) {
      day = dayRead.day;
      last = expression.last;
    }
  }
  if (!expression) {
    const english = readMonthExpression(scan, at);
    const following = english ? scan.tokens[english.last + 1] : undefined;
    const englishDay = following && following.norm.length <= 4 ? readInteger(following) : undefined;
    if (!english?.english || englishDay === undefined || englishDay < 1 || englishDay > 31) return null;
    if (!isTightGap(gapBefore(scan, english.last + 1))) return null;
    expression = english;
    day = englishDay;
    last = english.last + 1;
  }
  const spec = readYearSpec(scan, last + 1, expression.english);
  if (spec?.yearly) return { next: spec.last + 1, mentions: [] };
  const placed = placeMonth(scan, expression.month, day, spec, weekday?.weekday);
  if (!placed) return null;
  const end = spec ? spec.last : last;
  const mention = buildMention(scan, index, end, placed.date, placed.precision, placed.relative);
  return { next: end + 1, mentions: collectMentions([mention]) };
};

/**
 * Months without a day: [part|English direction] month [و month…] [year spec]. A list shares its
 * year spec: "أيار/مايو وآب/أغسطس الماضيين". Ambiguous names need a cue, a pair, a year or a direction.
 */
export const matchMonths: Rule = (scan, index) => {
  let at = index;
  let englishDirection: Direction | undefined;
  if (tokenIs(scan.tokens[at], PERIOD_PARTS)) at += 1;
  else {
    englishDirection = ENGLISH_DIRECTIONS.get(scan.tokens[at]?.norm ?? "");
    if (englishDirection) at += 1;
  }
  if (at > index && !isTightGap(gapBefore(scan, at))) return null;
  const first = readMonthExpression(scan, at);
  if (!first || (englishDirection && !first.english)) return null;
  const items = [first];
  for (;;) {
    const previous = items[items.length - 1] as MonthExpression;
    const next = previous.last + 1;
    if (!isTightGap(gapBefore(scan, next)) || !scan.tokens[next]?.norm.startsWith("و")) break;
    const item = readMonthExpression(scan, next);
    if (!item) break;
    items.push(item);
  }
  const lastItem = items[items.length - 1] as MonthExpression;
  let spec = readYearSpec(scan, lastItem.last + 1, first.english);
  if (englishDirection)
    spec = spec?.year !== undefined ? spec : { direction: englishDirection, last: at - 1 };
  const cued = at > index || tokenIn(scan.tokens[index - 1], MONTH_CUES) || spec !== null;
  const kept: MonthExpression[] = [];
  for (const item of items) {
    if (!item.plain && !cued) break;
    kept.push(item);
  }
  if (kept.length === 0) return null;
  if (spec?.yearly) return { next: spec.last + 1, mentions: [] };
  // The year spec was read after the whole list; it belongs to the list only if the list is whole.
  const shared = kept.length === items.length ? spec : null;
  const mentions = kept.map((item, k) => {
    const placed = placeMonth(scan, item.month, undefined, shared);
    const isLast = k === kept.length - 1;
    const end = isLast && shared && shared.last > item.last ? shared.last : item.last;
    return (
      placed && buildMention(scan, k === 0 ? index : item.first, end, placed.date, "month", placed.relative)
    );
  });
  const lastKept = kept[kept.length - 1] as MonthExpression;
  const next = (shared && shared.last > lastKept.last ? shared.last : lastKept.last) + 1;
  return { next, mentions: collectMentions(mentions) };
};

/** A bare four-digit number is a year only at an edge: "هدنة 1953،", "(1950-1953)", not "2000 جندي". */
function standsAlone(scan: Scan, index: number): boolean {
  const after = gapBefore(scan, index + 1);
  if (after === null || !/^\s+$/.test(after)) return true;
  if (readYear(scan.tokens[index + 1], 1900, 2099) !== undefined) return true;
  return OPENS_BRACKET.test(gapBefore(scan, index) ?? "");
}

/** Years: عام 2019, في العام 2000, بين عامي 1950 و1953, (١٩٥٠-١٩٥٣), في 2019, in 2019. */
export const matchYears: Rule = (scan, index) => {
  let at = index;
  if (tokenIs(scan.tokens[at], PERIOD_PARTS) && isTightGap(gapBefore(scan, at + 1))) at += 1;
  let named = false;
  if (tokenIn(scan.tokens[at], YEAR_NOUNS) && isTightGap(gapBefore(scan, at + 1))) {
    if (readYear(scan.tokens[at + 1]) === undefined) return null;
    at += 1;
    named = true;
  }
  const cued = named || at > index || tokenIn(scan.tokens[index - 1], YEAR_CUES);
  const [lowest, highest] = named ? [1000, 2999] : [1900, 2099];
  const year = readYear(scan.tokens[at], lowest, highest);
  if (year === undefined || isHijri(scan, at) || (!cued && !standsAlone(scan, at))) return null;
  const mentions = [yearMention(scan, index, at, year)];
  let next = at + 1;
  for (;;) {
    const gap = gapBefore(scan, next);
    const joined = isDashGap(gap) || (isTightGap(gap) && scan.tokens[next]?.norm.startsWith("و"));
    const more = joined ? readYear(scan.tokens[next], lowest, highest) : undefined;
    if (more === undefined) break;
    mentions.push(yearMention(scan, next, next, more));
    next += 1;
  }
  return { next, mentions: collectMentions(mentions) };
};

function yearMention(scan: Scan, first: number, last: number, year: number): DateMention | null {
  const date = makeMonth(year, 1);
  return date && buildMention(scan, first, last, date, "year", false);
}
