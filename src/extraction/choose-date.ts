import { readPublicationDay } from "../dates/calendar.ts";
import type { Token } from "../text/normalize.ts";
import { isBehindClause, type SpeechFrame } from "./clauses.ts";
import {
  type ChosenDate,
  defaultDate,
  type PlacedDate,
  pickMostPrecise,
  readOffsetBefore,
} from "./event-dates.ts";
import { OFFSET_UNITS, SAME_WORDS, TRIGGERS } from "./event-lexicon.ts";
import { isReference, type Trigger } from "./find-triggers.ts";
import { type ArticleState, forms, isIn, type SentenceState } from "./sentence-context.ts";

/** Which of a sentence's date expressions dates which event word (see chooseDate). */

/** Date expressions farther than this from an event word belong to another clause. */
const MAX_DATE_DISTANCE = 12;

/** An expression closer to the event word than to any other may stand this far from it. */
const MAX_OWN_DATE_DISTANCE = 30;

/**
 * The date of one event word: a relative offset before it ("بعد شهرين من قمته"); else the most precise
 * expression near it that is closer to it than to any other event word; else the most precise one near
 * it; else the report's day. "في اليوم نفسه" repeats the date of the event before. A plan never takes a
 * past date (that is the day it was announced), nor the date of the announcing verb.
 */
export function chooseDate(
  trigger: Trigger,
  triggers: Trigger[],
  dates: PlacedDate[],
  frames: SpeechFrame[],
  s: SentenceState,
  state: ArticleState,
): ChosenDate | null {
  if (!state.published) return null;
  const tokens = s.tokens;
  const inFrame = (d: PlacedDate) =>
    trigger.planned &&
    frames.some((f) => d.token > f.verb && d.token < f.complementizer && trigger.index > f.complementizer);
  // "منذ 2011" starts a period; "مرة أخرى بعد خمسة أشهر" measures from an earlier event.
  // A visit under way "منذ 31 آب" began that day: that is its date.
  const visitSince = (d: PlacedDate) =>
    trigger.kind === "visit" &&
    d.token > trigger.index &&
    d.token - trigger.index <= 6 &&
    // "منذ عشر سنوات" is a span of time, not a day.
    !tokens.slice(d.token, d.token + 3).some((t) => forms(t).some((f) => OFFSET_UNITS.has(f)));
  const afterSince = (d: PlacedDate) =>
    (tokens.slice(Math.max(0, d.token - 4), d.token + 1).some((t) => t.norm === "منذ") &&
      !opensWhenClause(tokens, d) &&
      !visitSince(d)) ||
    tokens
      .slice(Math.max(0, d.token - 3), d.token)
      .some((t, k, near) => t.norm === "مره" && near[k + 1]?.norm === "اخري");
  // "قمة الجمعة … حين التقى": a date right after another event word (not a light verb: أجرى أمس
  // محادثات) is that word's.
  const datesOtherWord = (d: PlacedDate) =>
    d.token - 1 !== trigger.index &&
    forms(tokens[d.token - 1]).some((f) => TRIGGERS.has(f) && !TRIGGERS.get(f)?.light);
  const pubDay = readPublicationDay(state.published)?.format("YYYY-MM-DD") ?? "";
  const usable = dates.filter(
    (d) =>
      Math.abs(d.token - trigger.index) <= MAX_OWN_DATE_DISTANCE &&
      !isBehindClause(tokens, trigger.index, d.token) &&
      !afterSince(d) &&
      !inFrame(d) &&
      !(trigger.planned && isBeforeReport(d.date, pubDay)),
  );
  const nearestTrigger = (d: PlacedDate) =>
    triggers.reduce((best, t) => (Math.abs(t.index - d.token) < Math.abs(best.index - d.token) ? t : best));
  const closeness = (d: PlacedDate) =>
    d.token > trigger.index ? d.token - trigger.index : (trigger.index - d.token) * 1.5;
  const own = pickMostPrecise(
    usable
      .filter((d) => nearestTrigger(d) === trigger && !datesOtherWord(d))
      .sort((a, b) => closeness(a) - closeness(b)),
  );
  // Without an expression of its own an event shares a close one with the events of its clause (زار …
  // في تموز والتقى …), but not one that dates an earlier event it is compared to ("بعد قمة … في يونيو").
  const main = pickMostPrecise(
    usable.filter((d) => {
      const holder = nearestTrigger(d);
      return (
        Math.abs(d.token - trigger.index) <= MAX_DATE_DISTANCE &&
        (holder === trigger || !isReference(holder, tokens))
      );
    }),
  );
  const offset = own ? null : readOffsetBefore(tokens, trigger.index, main?.date ?? pubDay);
  if (offset) return offset;
  const chosen = own ?? main;
  if (chosen) {
    const next = tokens.findIndex((t) => t.start >= chosen.end);
    if (next >= 0 && isIn(SAME_WORDS, tokens[next]) && state.last?.event.date) {
      const last = state.last.event;
      return { date: last.date as string, precision: last.precision ?? "day", source: "explicit" };
    }
    return { date: chosen.date, precision: chosen.precision, source: "explicit" };
  }
  return defaultDate(state.published, trigger.planned);
}

/** "منذ عام 2011، حين التقى …": the year is the date of what the when-clause tells. */
function opensWhenClause(tokens: Token[], d: PlacedDate): boolean {
  const next = tokens.findIndex((t) => t.start >= d.end);
  return next >= 0 && ["حين", "حينما", "عندما", "يوم"].includes(tokens[next]?.norm ?? "");
}

function isBeforeReport(date: string, pubDay: string): boolean {
  return pubDay.slice(0, date.length) > date;
}

export function isAfterReport(date: string, published: string | null): boolean {
  const day = published ? readPublicationDay(published)?.format("YYYY-MM-DD") : null;
  return Boolean(day && date > day.slice(0, date.length));
}

/**
 * True when an expression closer to this event word than to any other dates it on or before the report:
 * "تصل اليوم" is happening, whatever else the sentence puts later.
 */
export function hasPastDate(
  trigger: Trigger,
  triggers: Trigger[],
  dates: PlacedDate[],
  state: ArticleState,
): boolean {
  const pubDay = state.published ? (readPublicationDay(state.published)?.format("YYYY-MM-DD") ?? "") : "";
  return dates.some(
    (d) =>
      triggers.every((t) => Math.abs(t.index - d.token) >= Math.abs(trigger.index - d.token)) &&
      (isBeforeReport(d.date, pubDay) || d.date === pubDay),
  );
}
