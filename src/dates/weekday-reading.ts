import type { Weekday } from "./calendar.ts";
import { ARABIC_WEEKDAYS, DAY_PART_LEADS, DAY_PARTS, ENGLISH_WEEKDAYS } from "./lexicon.ts";
import { gapBefore, isTightGap, lookupToken, type Scan, tokenInWithoutArticle } from "./scan.ts";

/**
 * A weekday name at `index`. An Arabic name counts only with the article (الأحد, والخميس, للسبت) or
 * after يوم/يومي, because the bare words are common nouns (أحد "one", جمعة, خميس as names).
 */
export function readWeekday(
  scan: Scan,
  index: number,
  afterDayNoun: boolean,
): { weekday: Weekday; last: number } | null {
  const token = scan.tokens[index];
  const english = lookupToken(token, ENGLISH_WEEKDAYS);
  if (english) return { weekday: english.value, last: index };
  const arabic = lookupToken(token, ARABIC_WEEKDAYS);
  if (!arabic) return null;
  const withArticle = arabic.prefix.endsWith("ال") || arabic.prefix.endsWith("لل");
  // After يوم the name may stand bare (يوم أحد) but not behind a clitic: "يوم واحد" is "one day".
  const bareAfterDayNoun = afterDayNoun && arabic.prefix === "";
  return withArticle || bareAfterDayNoun ? { weekday: arabic.value, last: index } : null;
}

/** The index after a part of day written before a day: مساء أمس, صباح اليوم, بعد ظهر الأحد, ليلة الأحد. */
export function skipDayPart(scan: Scan, index: number): number {
  let at = index;
  if (tokenInWithoutArticle(scan.tokens[at], DAY_PART_LEADS) && isTightGap(gapBefore(scan, at + 1))) at += 1;
  if (!tokenInWithoutArticle(scan.tokens[at], DAY_PARTS)) return index;
  return isTightGap(gapBefore(scan, at + 1)) ? at + 1 : index;
}
