import { readPublicationDay } from "./calendar.ts";
import { matchDayMonth, matchMonths, matchNumericDate, matchYears } from "./calendar-rules.ts";
import { matchDuration, matchPeriod, matchRelativeDay, matchWeekdays } from "./relative-rules.ts";
import { type DateMention, prepareScan, type Rule, type Tense } from "./scan.ts";

export type { DateMention, Tense } from "./scan.ts";

/**
 * Date expressions in one sentence, Arabic or English, resolved against the outlet's local day of
 * publication (the calendar day in the offset of `published`, so "2024-06-19T23:30:00+03:00" anchors
 * on the 19th).
 *
 * The tense of the event decides dates the text leaves open: a past event on "الخميس" or "في يونيو" is
 * the last Thursday / June on or before publication, a future one the next after it. Without a tense
 * the event is taken as past, as most news is. Words in the text win over the tense: الماضي and المقبل
 * place a day or month strictly before or after publication, الجاري in the current year.
 *
 * Precision follows the words: a day for اليوم, weekdays, "13 سبتمبر" and numeric dates; a month for
 * months and for weeks (الأسبوع الماضي is the month of that week's Thursday, since a week alone cannot be
 * written as a date); a year for years and year spans (منذ 24 عاماً). Digits are read in any script
 * (٢٠٢٣), and all words are compared after normalizeArabic, so spellings and clitics (والأربعاء,
 * وآب) do not matter. Offsets are those of the original sentence.
 *
 * Returns the mentions in text order; never throws, and returns [] when `published` is not ISO 8601.
 */
export function findDateExpressions(
  sentence: string,
  published: string,
  opts: { tense?: Tense } = {},
): DateMention[] {
  const anchor = readPublicationDay(published);
  if (typeof sentence !== "string" || !anchor) return [];
  const scan = prepareScan(sentence, anchor, opts.tense ?? "past");
  const mentions: DateMention[] = [];
  let index = 0;
  while (index < scan.tokens.length) {
    const hit = firstHit(RULES, scan, index);
    if (hit) {
      mentions.push(...hit.mentions);
      index = hit.next;
    } else {
      index += 1;
    }
  }
  return mentions;
}

// Longer and more specific forms first: a full date before its month, a month before a bare year.
const RULES: Rule[] = [
  matchNumericDate,
  matchDayMonth,
  matchMonths,
  matchRelativeDay,
  matchWeekdays,
  matchPeriod,
  matchDuration,
  matchYears,
];

function firstHit(rules: Rule[], ...[scan, index]: Parameters<Rule>): ReturnType<Rule> {
  for (const rule of rules) {
    const hit = rule(scan, index);
    if (hit && hit.next > index) return hit;
  }
  return null;
}
