import type { DatePrecision } from "../events/event-types.ts";
import { cliticForms, type Token, tokenize } from "../text/normalize.ts";
import { type Day, formatDay } from "./calendar.ts";

/**
 * The state the date rules read: the sentence's tokens (with their clitic forms), the publication day and
 * the tense of the event. Rules look at tokens and at the raw text between them ("gaps"), so offsets
 * always refer to the original sentence.
 */

export type Tense = "past" | "future";

export interface DateMention {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  precision: DatePrecision;
  /** Offsets of `text` in the sentence. */
  start: number;
  end: number;
  text: string;
  /** True when the date was computed from the publication day (أمس, الخميس, يوليو الماضي, منذ عامين). */
  relative: boolean;
}

export interface DateToken extends Token {
  forms: string[];
}

export interface Scan {
  text: string;
  tokens: DateToken[];
  anchor: Day;
  tense: Tense;
}

/** A rule's match: the mentions it found and the index of the first token it did not use. */
export interface Hit {
  next: number;
  mentions: DateMention[];
}

export type Rule = (scan: Scan, index: number) => Hit | null;

export function prepareScan(text: string, anchor: Day, tense: Tense): Scan {
  const tokens = tokenize(text).map((token) => ({ ...token, forms: cliticForms(token.norm) }));
  return { text, tokens, anchor, tense };
}

/** The raw text between token index-1 and token index; null when either does not exist. */
export function gapBefore(scan: Scan, index: number): string | null {
  const previous = scan.tokens[index - 1];
  const current = scan.tokens[index];
  if (!previous || !current) return null;
  return scan.text.slice(previous.end, current.start);
}

const TIGHT = /^[ \t\u00A0\u200B-\u200F\u061C()]*$/;
const LOOSE = /^[ \t\u00A0\u200B-\u200F\u061C(),،]*$/;
const SLASH = /^[ \t\u00A0]*\/[ \t\u00A0]*$/;
const OPEN_PAREN = /^[ \t\u00A0]*\([ \t\u00A0]*$/;
const DASH = /^[ \t\u00A0]*[-‐‑‒–—][ \t\u00A0]*$/;

/** Tokens that belong to one expression: spaces and brackets between them, no line break or stop. */
export function isTightGap(gap: string | null): boolean {
  return gap !== null && TIGHT.test(gap);
}

/** As tight, and commas too: "اليوم، الأربعاء،", "July 26, 2023". */
export function isLooseGap(gap: string | null): boolean {
  return gap !== null && LOOSE.test(gap);
}

export function isSlashGap(gap: string | null): boolean {
  return gap !== null && SLASH.test(gap);
}

export function isOpenParenGap(gap: string | null): boolean {
  return gap !== null && OPEN_PAREN.test(gap);
}

export function isDashGap(gap: string | null): boolean {
  return gap !== null && DASH.test(gap);
}

export interface FormMatch<V> {
  value: V;
  /** The clitics stripped to reach the key ("وال" for والأربعاء), "" for the token itself. */
  prefix: string;
}

/** The first clitic form of the token found in the table (the token itself first). */
export function lookupToken<V>(
  token: DateToken | undefined,
  table: Map<string, V>,
): FormMatch<V> | undefined {
  if (!token) return undefined;
  for (const form of token.forms) {
    const value = table.get(form);
    if (value !== undefined) return { value, prefix: token.norm.slice(0, token.norm.length - form.length) };
  }
  return undefined;
}

/** Whether the token is one of the words, as itself or behind clitics. */
export function tokenIn(token: DateToken | undefined, words: Set<string>): boolean {
  return token?.forms.some((form) => words.has(form)) ?? false;
}

/** Whether the token, without clitics, is exactly one of the words (no stripping: "في" is not "ي"). */
export function tokenIs(token: DateToken | undefined, words: Set<string>): boolean {
  return token !== undefined && words.has(token.norm);
}

// Digits behind a one-letter clitic (و9, و2000) are read here: cliticForms keeps stems of two or more letters.
const INTEGER = /^(?:و|ف|ب|ل)?(\d{1,4})(?:st|nd|rd|th)?$/;
const YEAR = /^(?:و|ف|ب|ل)?(\d{4})م?$/;

/** The integer a token spells in digits, behind a clitic (و19 → 19); "26th" → 26 in English. */
export function readInteger(token: DateToken | undefined): number | undefined {
  const digits = token && INTEGER.exec(token.norm)?.[1];
  return digits ? Number(digits) : undefined;
}

/** A four-digit year, also written 2019م, within [lowest, highest]. */
export function readYear(token: DateToken | undefined, lowest = 1000, highest = 2999): number | undefined {
  const digits = token && YEAR.exec(token.norm)?.[1];
  if (!digits) return undefined;
  const year = Number(digits);
  return year >= lowest && year <= highest ? year : undefined;
}

export function buildMention(
  scan: Scan,
  first: number,
  last: number,
  day: Day,
  precision: DatePrecision,
  relative: boolean,
): DateMention | null {
  const from = scan.tokens[first];
  const to = scan.tokens[last];
  if (!from || !to) return null;
  let end = to.end;
  let text = scan.text.slice(from.start, end);
  // "اليوم (الأربعاء)", "يوليو (تموز)": take the closing bracket that the opening one promised.
  if (text.split("(").length > text.split(")").length) {
    const close = /^[ \t\u00A0]*\)/.exec(scan.text.slice(end));
    if (close) {
      end += close[0].length;
      text = scan.text.slice(from.start, end);
    }
  }
  return { date: formatDay(day, precision), precision, start: from.start, end, text, relative };
}

/** Mentions built from (first, last, day) triples, skipping any that fail to build. */
export function collectMentions(mentions: (DateMention | null)[]): DateMention[] {
  return mentions.filter((mention): mention is DateMention => mention !== null);
}

/**
 * Whether the token is one of the words, as itself or behind clitics that are not the article:
 * "ويوم" is يوم, but "اليوم" is not.
 */
export function tokenInWithoutArticle(token: DateToken | undefined, words: Set<string>): boolean {
  if (!token) return false;
  const prefixOf = (form: string) => token.norm.slice(0, token.norm.length - form.length);
  return token.forms.some((form) => words.has(form) && !hasArticle(prefixOf(form)));
}

/** Whether stripped clitics end with the article (ال, لل). */
export function hasArticle(prefix: string): boolean {
  return prefix.endsWith("ال") || prefix.endsWith("لل");
}
