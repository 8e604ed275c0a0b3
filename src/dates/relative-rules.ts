import type { DatePrecision } from "../events/event-types.ts";
import { type Day, findWeekday, findWeekThursday, type WeekdaySearch } from "./calendar.ts";
import {
  ARABIC_DIRECTIONS,
  ARABIC_PERIODS,
  DAY_NOUNS,
  DEMONSTRATIVES,
  type Direction,
  DURATION_HEDGES,
  DURATION_LEADS,
  DURATION_WORDS,
  type DurationUnit,
  ENGLISH_AGO,
  ENGLISH_DIRECTIONS,
  ENGLISH_PERIODS,
  NOT_TODAY_AFTER,
  NOT_TODAY_BEFORE,
  NUMBER_WORDS,
  PERIOD_PARTS,
  type PeriodUnit,
  RELATIVE_DAY_WORDS,
  RELATIVE_WORDS as WORDS,
} from "./lexicon.ts";
import {
  buildMention,
  collectMentions,
  gapBefore,
  hasArticle,
  isLooseGap,
  isTightGap,
  lookupToken,
  type Rule,
  readYear,
  type Scan,
  tokenIn,
  tokenInWithoutArticle,
  tokenIs,
} from "./scan.ts";
import { readWeekday, skipDayPart } from "./weekday-reading.ts";

/**
 * Rules for dates given relative to the publication day: اليوم, أمس, أول من أمس, غداً, بعد غد, weekdays,
 * الشهر الماضي, العام المقبل, منذ 24 عاماً, قبل خمسة أشهر, and their English counterparts.
 */

const HASH_OR_UNDERSCORE = /[#_]/;

const tight = (scan: Scan, index: number) => isTightGap(gapBefore(scan, index));

interface RelativeCore {
  offset: number;
  last: number;
}

function readRelativeCore(scan: Scan, at: number, dayNoun: boolean): RelativeCore | null {
  const tokens = scan.tokens;
  const token = tokens[at];
  if (!token) return null;
  if (tokenInWithoutArticle(token, WORDS.first)) {
    if (tokenIn(tokens[at + 1], WORDS.yesterday) && tight(scan, at + 1)) return { offset: -2, last: at + 1 };
    const viaMin = tokenIs(tokens[at + 1], WORDS.from) && tokenIn(tokens[at + 2], WORDS.yesterday);
    if (viaMin && tight(scan, at + 1) && tight(scan, at + 2)) return { offset: -2, last: at + 2 };
    return null;
  }
  if (tokenIn(token, WORDS.after) && tokenIn(tokens[at + 1], WORDS.tomorrowNouns) && tight(scan, at + 1)) {
    return { offset: 2, last: at + 1 };
  }
  if (token.norm === "day" && tight(scan, at + 1) && tight(scan, at + 2)) {
    const [how, which] = [tokens[at + 1]?.norm, tokens[at + 2]?.norm];
    if (how === "before" && which === "yesterday") return { offset: -2, last: at + 2 };
    if (how === "after" && which === "tomorrow") return { offset: 2, last: at + 2 };
  }
  if (dayNoun && tokenIn(token, WORDS.tomorrowNouns)) return { offset: 1, last: at };
  const word = lookupToken(token, RELATIVE_DAY_WORDS);
  if (!word) return null;
  const following = tokens[at + 1];
  const followsTight = tight(scan, at + 1);
  if (word.value === -1 && followsTight && tokenIs(following, WORDS.firstDefinite))
    return { offset: -2, last: at + 1 };
  if (
    tokenIn(token, WORDS.tonight) &&
    followsTight &&
    ARABIC_DIRECTIONS.get(following?.norm ?? "") === "past"
  ) {
    return { offset: -1, last: at + 1 };
  }
  if (tokenIn(token, WORDS.today) && !dayNoun) {
    // اليوم الثاني من الزيارة, في اليوم نفسه, روسيا اليوم, #العربي_اليوم: not the publication day.
    if (followsTight && tokenIn(following, NOT_TODAY_AFTER)) return null;
    const before = gapBefore(scan, at);
    if (before !== null && HASH_OR_UNDERSCORE.test(before)) return null;
    if (tight(scan, at) && tokenIn(tokens[at - 1], NOT_TODAY_BEFORE)) return null;
  }
  return { offset: word.value, last: at };
}

/** اليوم, أمس, مساء أمس, صباح اليوم, يوم أمس, أول من أمس, غداً, بعد غد, الليلة; "اليوم (الأربعاء)". */
export const matchRelativeDay: Rule = (scan, index) => {
  let at = skipDayPart(scan, index);
  const dayNoun = tokenInWithoutArticle(scan.tokens[at], DAY_NOUNS);
  if (dayNoun) at += 1;
  if (at > index && !tight(scan, at)) return null;
  const core = readRelativeCore(scan, at, dayNoun);
  if (!core) return null;
  let day = scan.anchor.add(core.offset, "day");
  let last = core.last;
  // The weekday the outlet names wins over the clock: "اليوم الأربعاء" posted just after midnight.
  const weekday = isLooseGap(gapBefore(scan, last + 1)) ? readWeekday(scan, last + 1, false) : null;
  if (weekday) {
    day = findWeekday(day, weekday.weekday, "nearest");
    last = weekday.last;
  }
  return { next: last + 1, mentions: collectMentions([buildMention(scan, index, last, day, "day", true)]) };
};

function searchFor(direction: Direction | undefined, scan: Scan): WeekdaySearch {
  if (direction === "past") return "before";
  if (direction === "future") return "after";
  return scan.tense === "future" ? "after" : "on-or-before";
}

/**
 * Weekdays: الخميس, يوم الخميس, والأربعاء, مساء الأحد, الخميس الماضي, الخميس المقبل, "يومي الأربعاء والخميس
 * الماضيين", on Wednesday, last Wednesday. Past events take the last such day on or before publication,
 * future events the next one after it; الماضي and المقبل decide by themselves.
 */
export const matchWeekdays: Rule = (scan, index) => {
  let at = index;
  const englishDirection = ENGLISH_DIRECTIONS.get(scan.tokens[at]?.norm ?? "");
  if (englishDirection) at += 1;
  at = skipDayPart(scan, at);
  const dayNoun = tokenInWithoutArticle(scan.tokens[at], DAY_NOUNS);
  if (dayNoun) at += 1;
  if (at > index && !tight(scan, at)) return null;
  const first = readWeekday(scan, at, dayNoun);
  if (!first) return null;
  const items = [first];
  for (;;) {
    const next = (items[items.length - 1]?.last ?? at) + 1;
    if (!tight(scan, next) || !scan.tokens[next]?.norm.startsWith("و")) break;
    const item = readWeekday(scan, next, dayNoun);
    if (!item) break;
    items.push(item);
  }
  let last = items[items.length - 1]?.last ?? at;
  let direction = englishDirection;
  const suffix = tight(scan, last + 1) ? ARABIC_DIRECTIONS.get(scan.tokens[last + 1]?.norm ?? "") : undefined;
  if (!direction && suffix) {
    direction = suffix;
    last += 1;
  }
  const search = searchFor(direction, scan);
  const mentions = items.map((item, k) => {
    const day = findWeekday(scan.anchor, item.weekday, search);
    const end = k === items.length - 1 ? last : item.last;
    return buildMention(scan, k === 0 ? index : item.last, end, day, "day", true);
  });
  return { next: last + 1, mentions: collectMentions(mentions) };
};

/**
 * Where a period lands, at month precision unless it is a year. A week is placed by its Thursday (the
 * ISO rule: a week belongs to the month holding most of its days), so الأسبوع الماضي is the month of last
 * week's Thursday. الأيام المقبلة/الماضية count as three days away, الأسابيع as two weeks.
 */
function placePeriod(
  anchor: Day,
  unit: PeriodUnit,
  direction: Direction,
): { date: Day; precision: DatePrecision } {
  const sign = direction === "past" ? -1 : direction === "future" ? 1 : 0;
  switch (unit) {
    case "days":
      return { date: anchor.add(3 * sign, "day"), precision: "month" };
    case "weeks":
      return { date: anchor.add(14 * sign, "day"), precision: "month" };
    case "week":
      return { date: findWeekThursday(anchor, sign), precision: "month" };
    case "month":
      return { date: anchor.add(sign, "month"), precision: "month" };
    case "year":
      return { date: anchor.add(sign, "year"), precision: "year" };
  }
}

/** الأسبوع الماضي, الشهر المقبل, العام الجاري, هذا العام, نهاية الشهر الماضي, الأيام المقبلة, last month. */
export const matchPeriod: Rule = (scan, index) => {
  let at = index;
  if (tokenInWithoutArticle(scan.tokens[at], PERIOD_PARTS) && tight(scan, at + 1)) at += 1;
  const token = scan.tokens[at];
  const next = scan.tokens[at + 1];
  if (!token || !next || !tight(scan, at + 1)) return null;
  let unit: PeriodUnit | undefined;
  let direction: Direction | undefined;
  let last = at + 1;
  const englishDirection = ENGLISH_DIRECTIONS.get(token.norm);
  if (englishDirection) {
    unit = ENGLISH_PERIODS.get(next.norm);
    direction = englishDirection;
  } else if (tokenInWithoutArticle(token, DEMONSTRATIVES)) {
    const period = lookupToken(next, ARABIC_PERIODS);
    if (period && hasArticle(period.prefix)) {
      unit = period.value;
      direction = "current";
    }
  } else {
    const period = lookupToken(token, ARABIC_PERIODS);
    if (period && hasArticle(period.prefix)) {
      if (tokenIs(scan.tokens[last], WORDS.few) && tight(scan, last + 1)) last += 1;
      unit = period.value;
      direction = ARABIC_DIRECTIONS.get(scan.tokens[last]?.norm ?? "");
    }
  }
  if (!unit || !direction) return null;
  const placed = placePeriod(scan.anchor, unit, direction);
  const mention = buildMention(scan, index, last, placed.date, placed.precision, true);
  return { next: last + 1, mentions: collectMentions([mention]) };
};

interface Span {
  count: number;
  unit: DurationUnit;
  last: number;
}

/** [hedge] [count] unit: "نحو 24 عاماً", "خمسة أشهر", "عامين", "two years". */
function readSpan(scan: Scan, index: number): Span | null {
  const tokens = scan.tokens;
  let at = index;
  if (tokenIn(tokens[at], DURATION_HEDGES) && tight(scan, at + 1)) at += 1;
  else if (
    tokenIs(tokens[at], WORDS.moreOrLess) &&
    tokenIs(tokens[at + 1], WORDS.than) &&
    tight(scan, at + 1)
  )
    at += 2;
  if (at > index && !tight(scan, at)) return null;
  const countToken = tokens[at];
  const digits = countToken && /^\d{1,3}$/.test(countToken.norm) ? Number(countToken.norm) : undefined;
  const count = digits ?? NUMBER_WORDS.get(countToken?.norm ?? "");
  if (count !== undefined) {
    if (!tight(scan, at + 1)) return null;
    at += 1;
  }
  const unit = lookupToken(tokens[at], DURATION_WORDS);
  if (!unit || hasArticle(unit.prefix)) return null;
  const n = count ?? unit.value.implied;
  if (n === undefined || n < 1) return null;
  let last = at;
  while (tokenIs(tokens[last + 1], WORDS.unitFillers) && tight(scan, last + 1)) last += 1;
  return { count: n, unit: unit.value.unit, last };
}

function placeSpan(anchor: Day, span: Span, sign: number): { date: Day; precision: DatePrecision } {
  const n = span.count * sign;
  switch (span.unit) {
    case "day":
      return { date: anchor.add(n, "day"), precision: "day" };
    case "week":
      return { date: anchor.add(7 * n, "day"), precision: "month" };
    case "month":
      return { date: anchor.add(n, "month"), precision: "month" };
    case "year":
      return { date: anchor.add(n, "year"), precision: "year" };
  }
}

/**
 * Spans from publication: منذ 24 عاماً, قبل خمسة أشهر, بعد خمسة أشهر, منذ نحو عامين, two years ago,
 * in three weeks. A span measured from another event ("بعد نحو شهرين من قمته") is not a date.
 */
export const matchDuration: Rule = (scan, index) => {
  const lead = lookupToken(scan.tokens[index], DURATION_LEADS);
  let span: Span | null;
  let sign: number;
  let last: number;
  if (lead && !hasArticle(lead.prefix)) {
    span = readSpan(scan, index + 1);
    if (!span || !tight(scan, index + 1)) return null;
    sign = lead.value;
    last = span.last;
  } else {
    span = readSpan(scan, index);
    if (!span || !tight(scan, span.last + 1) || !tokenIs(scan.tokens[span.last + 1], ENGLISH_AGO))
      return null;
    sign = -1;
    last = span.last + 1;
  }
  const following = scan.tokens[last + 1];
  if (following && tight(scan, last + 1)) {
    if (tokenIs(following, WORDS.relativeToEvent) || readYear(following) !== undefined) return null;
    // "بعد يوم الخميس" is "after Thursday", not "a day from now".
    if (span.unit === "day" && readWeekday(scan, last + 1, true)) return null;
  }
  const placed = placeSpan(scan.anchor, span, sign);
  const mention = buildMention(scan, index, last, placed.date, placed.precision, true);
  return { next: last + 1, mentions: collectMentions([mention]) };
};
