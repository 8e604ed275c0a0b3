import { normalizeArabic } from "../text/normalize.ts";
import type { Weekday } from "./calendar.ts";

/**
 * The words of date expressions, Arabic and English. Every key goes through normalizeArabic when the
 * tables are built, so spellings are written here as outlets print them (أبريل, إبريل, ابريل all fold to
 * one key) and are compared with normalized tokens only.
 */

function tableOf<V>(entries: [string[], V][]): Map<string, V> {
  const table = new Map<string, V>();
  for (const [spellings, value] of entries) {
    for (const spelling of spellings) table.set(normalizeArabic(spelling), value);
  }
  return table;
}

function setOf(words: string[]): Set<string> {
  return new Set(words.map(normalizeArabic));
}

export interface MonthName {
  month: number;
  /** The word has another common meaning (آب "father", مارس "practised", May, March): needs context. */
  ambiguous: boolean;
  english: boolean;
}

const month = (n: number, ambiguous = false, english = false): MonthName => ({
  month: n,
  ambiguous,
  english,
});

/** One-word month names: the Syriac (Levantine/Iraqi) series, the Gregorian series and English. */
export const MONTH_WORDS = tableOf<MonthName>([
  [["شباط"], month(2)],
  [["آذار"], month(3)],
  [["نيسان"], month(4)],
  [["أيار"], month(5)],
  [["حزيران"], month(6)],
  [["تموز"], month(7)],
  [["آب"], month(8, true)],
  [["أيلول"], month(9)],
  [["يناير", "جانفي"], month(1)],
  [["فبراير", "فيفري"], month(2)],
  [["مارس"], month(3, true)],
  [["أبريل", "إبريل", "ابريل", "أفريل"], month(4)],
  [["مايو", "مايّو"], month(5)],
  // The Maghreb series (Morocco): ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر.
  [["ماي"], month(5, true)],
  [["يونيو", "يونيه", "جوان"], month(6)],
  [["يوليو", "يوليه", "جويلية", "يوليوز"], month(7)],
  [["أغسطس", "اغسطس", "أوت", "غشت"], month(8)],
  [["سبتمبر", "شتنبر"], month(9)],
  [["أكتوبر"], month(10)],
  [["نوفمبر", "نونبر"], month(11)],
  [["ديسمبر", "دجنبر"], month(12)],
  [["january"], month(1, false, true)],
  [["february"], month(2, false, true)],
  [["march"], month(3, true, true)],
  [["april"], month(4, false, true)],
  [["may"], month(5, true, true)],
  [["june"], month(6, false, true)],
  [["july"], month(7, false, true)],
  [["august"], month(8, false, true)],
  [["september"], month(9, false, true)],
  [["october"], month(10, false, true)],
  [["november"], month(11, false, true)],
  [["december"], month(12, false, true)],
  [["jan"], month(1, true, true)],
  [["feb"], month(2, false, true)],
  [["mar"], month(3, true, true)],
  [["apr"], month(4, false, true)],
  [["jun"], month(6, false, true)],
  [["jul"], month(7, false, true)],
  [["aug"], month(8, false, true)],
  [["sep", "sept"], month(9, false, true)],
  [["oct"], month(10, false, true)],
  [["nov"], month(11, false, true)],
  [["dec"], month(12, false, true)],
]);

/** Two-word month names, keyed "first second" (normalized, one space). */
export const MONTH_PAIRS = tableOf<MonthName>([
  [["كانون الثاني", "كانون ثاني"], month(1)],
  [["تشرين الأول", "تشرين أول"], month(10)],
  [["تشرين الثاني", "تشرين ثاني"], month(11)],
  [["كانون الأول", "كانون أول"], month(12)],
]);

/** Arabic weekday names without the article, which they need to count as a day (أحد is also "one"). */
export const ARABIC_WEEKDAYS = tableOf<Weekday>([
  [["أحد"], 0],
  [["اثنين", "إثنين"], 1],
  [["ثلاثاء"], 2],
  [["أربعاء"], 3],
  [["خميس"], 4],
  [["جمعة"], 5],
  [["سبت"], 6],
]);

export const ENGLISH_WEEKDAYS = tableOf<Weekday>([
  [["sunday"], 0],
  [["monday"], 1],
  [["tuesday"], 2],
  [["wednesday"], 3],
  [["thursday"], 4],
  [["friday"], 5],
  [["saturday"], 6],
]);

/** Words that turn a day, a month or a period into the last, next or current one. */
export type Direction = "past" | "future" | "current";

export const ARABIC_DIRECTIONS = tableOf<Direction>([
  [
    ["الماضي", "الماضية", "الماضيين", "الماضيتين", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق"],
    "past",
  ],
  [["المقبل", "المقبلة", "المقبلين", "القادم", "القادمة", "القادمين"], "future"],
  [["الجاري", "الجارية", "الحالي", "الحالية"], "current"],
]);

export const ENGLISH_DIRECTIONS = tableOf<Direction>([
  [["last", "past", "previous"], "past"],
  [["next", "coming"], "future"],
  [["this", "current"], "current"],
]);

/** Arabic demonstratives before a period: هذا العام, هذه السنة. */
export const DEMONSTRATIVES = setOf(["هذا", "هذه"]);

/** Single words for a day relative to publication, in days. */
export const RELATIVE_DAY_WORDS = tableOf<number>([
  [["اليوم", "الليلة", "today", "tonight"], 0],
  [["أمس", "الأمس", "البارحة", "yesterday"], -1],
  [["غداً", "tomorrow"], 1],
]);

// Index n holds the ordinal of n; index 0 is unused.
const ORDINAL_UNITS = [
  "",
  "الأول",
  "الثاني",
  "الثالث",
  "الرابع",
  "الخامس",
  "السادس",
  "السابع",
  "الثامن",
  "التاسع",
] as const;

/** Words that follow اليوم when it means a day of some other span (اليوم الثاني من الزيارة, اليوم العالمي). */
export const NOT_TODAY_AFTER = setOf([
  ...ORDINAL_UNITS.slice(1),
  "العاشر",
  "الأخير",
  "التالي",
  "السابق",
  "نفسه",
  "ذاته",
  "عينه",
  "العالمي",
  "الوطني",
  "الدولي",
]);

/** Words before اليوم that make it a name (روسيا اليوم, المصري اليوم) or another day (ذلك اليوم). */
export const NOT_TODAY_BEFORE = setOf(["روسيا", "المصري", "العربي", "أخبار", "ذلك", "هذا", "مثل", "russia"]);

/** Parts of a day, written before it: مساء أمس, صباح اليوم, ليلة الأحد. */
export const DAY_PARTS = setOf(["صباح", "مساء", "ظهر", "عصر", "فجر", "ليل", "ليلة", "ظهيرة", "صبيحة", "ضحى"]);
/** Words before ظهر: بعد ظهر الأحد. */
export const DAY_PART_LEADS = setOf(["بعد", "قبل", "قبيل", "بعيد"]);

/** "يوم" and its dual, which may precede weekdays and dates: يوم الخميس, يومي 18 و19. */
export const DAY_NOUNS = setOf(["يوم", "يومي"]);

/** Parts of a month or year, kept in the mention's text but not changing its date: مطلع كانون الأول. */
export const PERIOD_PARTS = setOf([
  "مطلع",
  "أوائل",
  "أواخر",
  "منتصف",
  "نهاية",
  "بداية",
  "مستهل",
  "أواسط",
  "شهر",
  "early",
  "mid",
  "late",
]);

/** Nouns that introduce a year and belong to the mention: عام 2019, العام 2000, عامي 1950 و1953. */
export const YEAR_NOUNS = setOf(["عام", "العام", "عامي", "أعوام", "الأعوام", "سنة", "السنة", "سنتي", "year"]);

/** "من كل عام": an anniversary. */
export const EVERY = setOf(["كل"]);

/** The mark after a Hijri year: 1445 هـ. */
export const HIJRI_MARKS = setOf(["هـ", "ه"]);

/** Words after which a bare four-digit number is read as a year (في 2019, منذ 2011, in 2019). */
export const YEAR_CUES = setOf([
  "في",
  "منذ",
  "حتى",
  "خلال",
  "قبل",
  "بعد",
  "بين",
  "من",
  "إلى",
  "in",
  "since",
  "by",
  "until",
  "during",
  "of",
  "from",
  "before",
  "after",
  "between",
]);

/** Words after which an ambiguous month name (آب, مارس, May) is read as a month. */
export const MONTH_CUES = setOf([
  "في",
  "منذ",
  "حتى",
  "خلال",
  "شهر",
  "مطلع",
  "أوائل",
  "أواخر",
  "منتصف",
  "نهاية",
  "بداية",
  "مستهل",
  "أواسط",
  "in",
  "since",
  "until",
  "by",
  "during",
  "early",
  "mid",
  "late",
  "of",
]);

/** "من" between an ordinal day and its month (الثالث عشر من سبتمبر), "of" in English. */
export const OF_WORDS = setOf(["من", "of"]);

/** Words before a duration that place it in time: منذ/قبل (ago), بعد (from now), in (English, future). */
export const DURATION_LEADS = tableOf<-1 | 1>([
  [["منذ", "قبل"], -1],
  [["بعد", "in"], 1],
]);
export const ENGLISH_AGO = setOf(["ago"]);

/** Hedges between the lead and the count, kept in the mention: منذ نحو عامين. */
export const DURATION_HEDGES = setOf([
  "نحو",
  "حوالي",
  "حوالى",
  "قرابة",
  "زهاء",
  "about",
  "around",
  "nearly",
  "almost",
  "some",
  "over",
]);

export const NUMBER_WORDS = tableOf<number>([
  [["واحد", "واحدة", "one", "a", "an"], 1],
  [["اثنين", "اثنان", "two"], 2],
  [["ثلاث", "ثلاثة", "three"], 3],
  [["أربع", "أربعة", "four"], 4],
  [["خمس", "خمسة", "five"], 5],
  [["ست", "ستة", "six"], 6],
  [["سبع", "سبعة", "seven"], 7],
  [["ثمان", "ثماني", "ثمانية", "eight"], 8],
  [["تسع", "تسعة", "nine"], 9],
  [["عشر", "عشرة", "ten"], 10],
  [["عشرين", "عشرون", "twenty"], 20],
  [["ثلاثين", "ثلاثون", "thirty"], 30],
]);

export type DurationUnit = "day" | "week" | "month" | "year";

export interface DurationWord {
  unit: DurationUnit;
  /** The count the word carries by itself: 1 for a singular noun, 2 for a dual; none for plurals. */
  implied?: number;
}

export const DURATION_WORDS = tableOf<DurationWord>([
  [["يوم", "يوماً"], { unit: "day", implied: 1 }],
  [["يومين"], { unit: "day", implied: 2 }],
  [["أيام", "days", "day"], { unit: "day" }],
  [["أسبوع", "أسبوعاً"], { unit: "week", implied: 1 }],
  [["أسبوعين"], { unit: "week", implied: 2 }],
  [["أسابيع", "weeks", "week"], { unit: "week" }],
  [["شهر", "شهراً"], { unit: "month", implied: 1 }],
  [["شهرين"], { unit: "month", implied: 2 }],
  [["أشهر", "شهور", "months", "month"], { unit: "month" }],
  [["عام", "عاماً", "سنة"], { unit: "year", implied: 1 }],
  [["عامين", "سنتين"], { unit: "year", implied: 2 }],
  [["أعوام", "سنوات", "سنين", "years", "year"], { unit: "year" }],
]);

/** Period nouns that take a direction: الأسبوع الماضي, الشهر المقبل, العام الجاري, last week. */
export type PeriodUnit = "days" | "weeks" | "week" | "month" | "year";

export const ARABIC_PERIODS = tableOf<PeriodUnit>([
  [["أيام"], "days"],
  [["أسابيع"], "weeks"],
  [["أسبوع"], "week"],
  [["شهر"], "month"],
  [["عام", "سنة"], "year"],
]);

export const ENGLISH_PERIODS = tableOf<PeriodUnit>([
  [["week"], "week"],
  [["month"], "month"],
  [["year"], "year"],
]);

/** Ordinal day words keyed by their normalized tokens joined with a space: "الثالث عشر" → 13. */
export const ORDINAL_DAYS: Map<string, number> = (() => {
  const entries: [string[], number][] = [];
  for (let n = 1; n <= 9; n++) entries.push([[ORDINAL_UNITS[n] ?? ""], n]);
  entries.push([["العاشر"], 10], [["الحادي عشر"], 11], [["العشرين"], 20], [["الثلاثين"], 30]);
  for (let n = 2; n <= 9; n++) entries.push([[`${ORDINAL_UNITS[n]} عشر`], 10 + n]);
  for (let n = 1; n <= 9; n++) {
    const unit = n === 1 ? "الحادي" : ORDINAL_UNITS[n];
    entries.push([[`${unit} والعشرين`], 20 + n]);
  }
  entries.push([["الحادي والثلاثين"], 31]);
  return tableOf(entries);
})();

/** Small words the relative-day and span rules look for. */
export const RELATIVE_WORDS = {
  today: setOf(["اليوم", "today"]),
  tonight: setOf(["الليلة"]),
  yesterday: setOf(["أمس", "الأمس"]),
  /** أول أمس, أول من أمس. */
  first: setOf(["أول"]),
  /** أمس الأول. */
  firstDefinite: setOf(["الأول"]),
  from: setOf(["من"]),
  /** بعد غد. */
  after: setOf(["بعد"]),
  /** بعد غد, بعد الغد, يوم الغد. */
  tomorrowNouns: setOf(["غد", "الغد"]),
  /** الأيام القليلة المقبلة. */
  few: setOf(["القليلة"]),
  /** Words after a span's unit: "منذ يوم واحد", "عام كامل", "شهر ونصف". */
  unitFillers: setOf(["واحد", "واحدة", "كامل", "كاملة", "ونصف", "تقريباً"]),
  /** منذ أكثر من عامين, more than two years ago. */
  moreOrLess: setOf(["أكثر", "أقل", "more", "less"]),
  than: setOf(["من", "than"]),
  /** A span followed by these is measured from another event: بعد شهرين من القمة. */
  relativeToEvent: setOf(["من", "على", "of"]),
};
