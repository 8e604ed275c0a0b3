import type { ArticleHit } from "../articles/search.ts";
import { formatDate } from "../dates/format-date.ts";
import type { EntityRef, EventRecord } from "../events/event-types.ts";
import { cliticForms, normalizeArabic } from "../text/normalize.ts";
import type { KnownEntity, ParsedQuestion, QuestionLang, TimeRange } from "./question-types.ts";
import { isTripQuestion, type Selection, type Subject, toPeriod } from "./select-events.ts";

/**
 * The answer as the bot sends it, in the question's language: a line per ambiguous name, a heading, one
 * bullet per event (counterpart, date, place, number of sources) with its links; or, when nothing
 * matches, a plain "not found", what is known nearby and what can be asked. Never adds a fact that is not
 * in the events or articles given.
 */

export interface ComposeInput {
  parsed: ParsedQuestion;
  selection: Selection;
  /** Articles found by full-text search (the answer to a `search` question, or a hint when nothing matched). */
  articles: ArticleHit[];
  /** The articles match only some of the question's words. */
  partial?: boolean;
  /** Events of the subject without the question's filters, offered when none matched. */
  known: EventRecord[];
  /** Names the question gave that name nobody known, each with the closest known person, if any. */
  unknown?: { word: string; entity: KnownEntity | null }[];
}

const MAX_EVENTS_SHOWN = 10;
const MAX_LINKS_PER_EVENT = 3;
const MAX_ARTICLES_SHOWN = 5;

type Lang = QuestionLang;

export function composeAnswer(input: ComposeInput): string {
  const { parsed, selection } = input;
  const lang = parsed.lang;
  const lines: string[] = [];
  // A name not understood comes first: the rest of the answer depends on it.
  const unknown = input.unknown ?? [];
  for (const { word, entity } of unknown) lines.push(describeUnknown(word, entity, lang));
  for (const subject of selection.subjects) {
    const note = describeSubjectChoice(subject, selection, lang);
    if (note) lines.push(note);
  }
  if (parsed.truncated)
    lines.push(
      inLang(lang, "(قرأتُ بداية سؤالك فقط لطوله.)", "(Your question was long; I read its beginning only.)"),
    );

  const suggested = unknown.find((u) => u.entity)?.entity ?? null;
  if (parsed.intent === "search" || (selection.subjects.length === 0 && !selection.place)) {
    lines.push(...composeSearch(parsed, input.articles, input.partial === true, suggested));
    return lines.join("\n");
  }
  if (unknown.length > 0) {
    // What follows answers a narrower question than the one asked: say which.
    const known = [
      ...subjectNames(selection, lang),
      ...(selection.place ? [pickName(selection.place, lang)] : []),
    ];
    const without = unknown
      .map((u) => inLang(lang, `«${u.word}»`, `"${u.word}"`))
      .join(inLang(lang, " و", ", "));
    lines.push(
      inLang(
        lang,
        `أجيب عمّا أعرفه عن ${known.join(" و")} فقط، دون ${without}:`,
        `Answering about ${known.join(" and ")} alone, without ${without}:`,
      ),
    );
  }
  if (selection.events.length === 0) {
    lines.push(...composeNothing(input));
    return lines.join("\n");
  }
  // Yes only to the question asked: with a name left out, the events answer a narrower one.
  const yes = parsed.yesNo && unknown.length === 0 ? inLang(lang, "نعم. ", "Yes. ") : "";
  lines.push(yes + heading(parsed, selection));
  const shown = selection.events.slice(0, MAX_EVENTS_SHOWN);
  for (const event of shown) lines.push(...describeEvent(event, parsed, selection));
  const more = selection.events.length - shown.length;
  if (more > 0)
    lines.push(
      inLang(
        lang,
        `… و${formatArabicCount(more, "حدث آخر", "حدثان آخران", "أحداث أخرى", "حدثاً آخر")}.`,
        `… and ${more} more.`,
      ),
    );
  return lines.join("\n");
}

function inLang(lang: Lang, ar: string, en: string): string {
  return lang === "ar" ? ar : en;
}

function pickName(entity: EntityRef | KnownEntity, lang: Lang): string {
  return lang === "en" ? (entity.name_en ?? entity.name_ar) : entity.name_ar;
}

/** Arabic counted nouns: 1 and 2 have their own forms, 3–10 take the plural, 11 and up the singular. */
function formatArabicCount(n: number, one: string, two: string, few: string, many: string): string {
  if (n === 1) return one;
  if (n === 2) return two;
  if (n >= 3 && n <= 10) return `${n} ${few}`;
  return `${n} ${many}`;
}

function countEn(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The word as the question wrote it, without a proclitic (بكيم → كيم), for the ambiguity line. */
function writtenName(subject: Subject): string {
  const words = subject.text.split(" ");
  const first = words[0] ?? "";
  const known = new Set(
    [subject.entity, ...subject.alternatives].flatMap((e) => normalizeArabic(e.name_ar).split(" ")),
  );
  const norm = normalizeArabic(first);
  const stem = cliticForms(norm).find((f) => known.has(f));
  if (!stem || stem === norm) return subject.text;
  return [first.slice(first.length - stem.length), ...words.slice(1)].join(" ");
}

function describeSubjectChoice(subject: Subject, selection: Selection, lang: Lang): string | null {
  if (subject.title) {
    if (subject.holders.length === 1) return `${subject.text} = ${pickName(subject.entity, lang)}`;
    // Name the holders the answer is about, not every past holder of the office.
    const present = subject.holders.filter((h) =>
      selection.events.some((e) => e.participants.some((p) => p.id === h.id)),
    );
    const names = (present.length > 0 ? present : subject.holders)
      .map((h) => pickName(h, lang))
      .join(inLang(lang, "، ", ", "));
    return inLang(
      lang,
      `${subject.text}: من شغل المنصب وقت كل حدث (${names}).`,
      `${subject.text}: whoever held the office at the time of each event (${names}).`,
    );
  }
  if (subject.alternatives.length === 0) return null;
  // One line, naming the next most likely person: the reader learns how to ask about the others too.
  const chosen = pickName(subject.entity, lang);
  const other = subject.alternatives[0] as KnownEntity;
  const written = writtenName(subject);
  if (lang === "ar") {
    const full = other.gender === "f" ? "اسمها كاملاً" : other.gender === "m" ? "اسمه كاملاً" : "الاسم كاملاً";
    return `${written} = ${chosen}؛ للسؤال عن ${pickName(other, "ar")} اكتب ${full}.`;
  }
  const pronoun = other.gender === "f" ? "her" : other.gender === "m" ? "his" : "the";
  return `${written} = ${chosen}; to ask about ${pickName(other, "en")}, write ${pronoun} full name.`;
}

/** A title standing for several holders is named by the title itself, anyone else by name. */
function subjectNames(selection: Selection, lang: Lang): string[] {
  return selection.subjects.map((s) => (s.title && s.ids.length > 1 ? s.text : pickName(s.entity, lang)));
}

function heading(parsed: ParsedQuestion, selection: Selection): string {
  const lang = parsed.lang;
  const n = selection.events.length;
  const [x, y] = subjectNames(selection, lang);
  const place = selection.place ? pickName(selection.place, lang) : null;
  const time = parsed.time ? ` (${describeRange(parsed.time, lang)})` : "";
  const calls = selection.events.every((e) => e.type === "call");
  if (isTripQuestion(parsed, selection.subjects)) {
    return inLang(
      lang,
      `زيارات ${x}${place ? ` إلى ${place}` : ""}${time}: ${formatArabicCount(n, "زيارة واحدة", "زيارتان", "زيارات", "زيارة")}`,
      `Visits by ${x}${place ? ` to ${place}` : ""}${time}: ${n}`,
    );
  }
  switch (parsed.intent) {
    case "visits":
      return inLang(
        lang,
        `زيارات إلى ${place}${time}: ${formatArabicCount(n, "زيارة واحدة", "زيارتان", "زيارات", "زيارة")}`,
        `Visits to ${place}${time}: ${n}`,
      );
    case "when_met":
    case "count":
    case "where_met":
      if (y) {
        if (calls)
          return inLang(lang, `اتصالات ${x} و${y}${time}: ${n}`, `Calls between ${x} and ${y}${time}: ${n}`);
        return inLang(
          lang,
          `التقى ${x} و${y}${time} ${formatArabicCount(n, "مرة واحدة", "مرتين", "مرات", "مرة")}:`,
          `${x} and ${y} met${time} ${n === 1 ? "once" : n === 2 ? "twice" : `${n} times`}:`,
        );
      }
      break;
    case "events_of":
      return inLang(
        lang,
        `ما لديّ عن ${x ?? place}${time}: ${formatArabicCount(n, "حدث واحد", "حدثان", "أحداث", "حدثاً")}`,
        `What I have on ${x ?? place}${time}: ${countEn(n, "event")}`,
      );
    default:
      break;
  }
  const at = place ? inLang(lang, ` في ${place}`, ` in ${place}`) : "";
  if (calls) return inLang(lang, `اتصالات ${x}${at}${time}: ${n}`, `Calls of ${x}${at}${time}: ${n}`);
  return inLang(
    lang,
    `من التقى ${x}${at}${time}: ${formatArabicCount(n, "لقاء واحد", "لقاءان", "لقاءات", "لقاءً")}`,
    `Who met ${x}${at}${time}: ${countEn(n, "meeting")}`,
  );
}

/** The time filter in the answer's words and digits: "2023", "تشرين الأول/أكتوبر 2023", "since 1 June 2026". */
function describeRange(range: TimeRange, lang: Lang): string {
  const { from, to } = range;
  const day = (d: string): string => formatDate(d, "day", lang);
  const wholeYears = from?.endsWith("-01-01") && to?.endsWith("-12-31");
  if (from && to && wholeYears) {
    const [a, b] = [from.slice(0, 4), to.slice(0, 4)];
    return a === b ? a : `${a}–${b}`;
  }
  if (from && to && from.endsWith("-01") && toPeriod(from.slice(0, 7))[1] === to)
    return formatDate(from.slice(0, 7), "month", lang);
  if (from && to) return from === to ? day(from) : `${day(from)} – ${day(to)}`;
  if (from) return inLang(lang, `منذ ${day(from)}`, `since ${day(from)}`);
  if (to) return inLang(lang, `حتى ${day(to)}`, `until ${day(to)}`);
  return range.text;
}

function describeDate(event: EventRecord, lang: Lang): string {
  if (!event.date) return inLang(lang, "تاريخ غير معروف", "date unknown");
  return formatDate(event.date, event.precision ?? "day", lang, { weekday: event.precision === "day" });
}

function sourcesCount(n: number, lang: Lang): string {
  return inLang(lang, formatArabicCount(n, "مصدر واحد", "مصدران", "مصادر", "مصدراً"), countEn(n, "source"));
}

function describeEvent(event: EventRecord, parsed: ParsedQuestion, selection: Selection): string[] {
  const lang = parsed.lang;
  const own = new Set(selection.subjects.flatMap((s) => s.ids));
  const people = (ids: string[]): string =>
    event.participants
      .filter((p) => ids.includes(p.id))
      .map((p) => pickName(p, lang))
      .join(inLang(lang, " و", " and "));
  const others = event.participants.filter((p) => !own.has(p.id)).map((p) => p.id);
  const trip = selection.inferred.get(event.id);
  const place = event.place
    ? pickName(event.place, lang)
    : trip
      ? inLang(
          lang,
          `${pickName(trip.place, lang)} (خلال زيارة ${pickName(trip.visitor, lang)})`,
          `${pickName(trip.place, lang)} (during ${pickName(trip.visitor, lang)}'s visit)`,
        )
      : null;
  const date = describeDate(event, lang);
  // Each bullet leads with what the question asked: the counterpart, the visitor, the place or the date.
  let parts: string[];
  const pair = selection.subjects.length > 1;
  if (isTripQuestion(parsed, selection.subjects)) {
    parts = [date];
    if (place) parts.push(place);
  } else if (parsed.intent === "visits") {
    parts = [people(selection.visitors.get(event.id) ?? event.participants.map((p) => p.id)), date];
    if (place) parts.push(place);
  } else if (parsed.intent === "events_of") {
    parts = [describeKind(event, people(others), place, lang), date];
  } else if (parsed.intent === "where_met" && pair) {
    parts = [place ?? inLang(lang, "مكان غير مذكور", "place not given"), date];
  } else if (others.length === 0 || pair) {
    parts = [date];
    if (place) parts.push(place);
  } else {
    parts = [people(others), date];
    if (place) parts.push(place);
  }
  const n = event.articles.length;
  const count = n > 1 ? ` (${sourcesCount(n, lang)})` : "";
  const links = event.articles
    .slice(0, MAX_LINKS_PER_EVENT)
    .map((a) => a.url)
    .join(" · ");
  const extra = n > MAX_LINKS_PER_EVENT ? ` (+${n - MAX_LINKS_PER_EVENT})` : "";
  const lines = [`• ${parts.join(" — ")}${count}`];
  if (links)
    lines.push(
      `  ${inLang(lang, n > 1 ? "المصادر" : "المصدر", n > 1 ? "Sources" : "Source")}: ${links}${extra}`,
    );
  return lines;
}

function describeKind(event: EventRecord, others: string, place: string | null, lang: Lang): string {
  const at = place ? inLang(lang, ` في ${place}`, ` in ${place}`) : "";
  const to = place ? inLang(lang, ` إلى ${place}`, ` to ${place}`) : "";
  const withWhom = others ? inLang(lang, ` مع ${others}`, ` with ${others}`) : "";
  switch (event.type) {
    case "visit":
      return (
        inLang(lang, `زيارة${to}`, `Visit${to}`) +
        (others ? inLang(lang, ` (${others})`, ` (${others})`) : "")
      );
    case "call":
      return inLang(lang, `اتصال${withWhom}`, `Call${withWhom}`);
    case "planned":
      return inLang(
        lang,
        `لقاء أو زيارة مُعلنة${withWhom}${at}`,
        `Announced meeting or visit${withWhom}${at}`,
      );
    default:
      return inLang(lang, `لقاء${withWhom}${at}`, `Meeting${withWhom}${at}`);
  }
}

function suggestions(lang: Lang, name: string | null, asked: ParsedQuestion["intent"]): string {
  if (name && asked === "who_met")
    return inLang(
      lang,
      `يمكنك أن تسأل مثلاً: «ماذا عن ${name}؟»`,
      `You can ask, for example: "What's new with ${name}?"`,
    );
  if (name)
    return inLang(
      lang,
      `يمكنك أن تسأل مثلاً: «من التقى ${name}؟» أو «ماذا عن ${name}؟»`,
      `You can ask, for example: "Who met ${name}?" or "What's new with ${name}?"`,
    );
  return inLang(
    lang,
    "يمكنك أن تسأل مثلاً: «من التقى كيم ومتى؟» أو «من زار بيونغ يانغ عام 2024؟» أو «متى التقى بوتين بكيم؟»",
    'You can ask, for example: "Who met Kim and when?", "Who visited Pyongyang in 2024?" or "When did Putin meet Kim?"',
  );
}

/** "No meetings of X", "no meeting between X and Y", "no visits to P": what was looked for, plainly. */
function notFound(parsed: ParsedQuestion, selection: Selection, subject: string, scope: string): string {
  const lang = parsed.lang;
  const [x, y] = subjectNames(selection, lang);
  const place = selection.place ? pickName(selection.place, lang) : "";
  const where = inLang(lang, "في الأخبار المخزنة", "in the stored news");
  if (parsed.intent === "visits")
    return inLang(
      lang,
      `لا أجد ${where} زيارات إلى ${subject}${scope}.`,
      `I find no visits to ${subject}${scope} ${where}.`,
    );
  if (isTripQuestion(parsed, selection.subjects))
    return inLang(
      lang,
      `لا أجد ${where} زيارات لـ${x} إلى ${place}${scope}.`,
      `I find no visits by ${x} to ${place}${scope} ${where}.`,
    );
  if (parsed.intent === "events_of")
    return inLang(
      lang,
      `لا أجد ${where} أحداثاً عن ${subject}${scope}.`,
      `I find no events about ${subject}${scope} ${where}.`,
    );
  if (y)
    return inLang(
      lang,
      `لا أجد ${where} لقاءً بين ${x} و${y}${scope}.`,
      `I find no meeting between ${x} and ${y}${scope} ${where}.`,
    );
  return inLang(
    lang,
    `لا أجد ${where} من التقى ${x}${scope}.`,
    `I find nobody who met ${x}${scope} ${where}.`,
  );
}

function composeNothing(input: ComposeInput): string[] {
  const { parsed, selection } = input;
  const lang = parsed.lang;
  const names = subjectNames(selection, lang);
  const subject =
    names.length > 0
      ? names.join(inLang(lang, " و", " and "))
      : selection.place
        ? pickName(selection.place, lang)
        : "";
  const filters: string[] = [];
  if (selection.place && names.length > 0)
    filters.push(
      inLang(lang, `في ${pickName(selection.place, lang)}`, `in ${pickName(selection.place, lang)}`),
    );
  if (parsed.time) filters.push(describeRange(parsed.time, lang));
  const scope = filters.length > 0 ? ` (${filters.join("، ")})` : "";
  const lines = [notFound(parsed, selection, subject, scope)];
  const latest = input.known[0];
  if (latest) {
    const what = describeEvent(latest, { ...parsed, intent: "events_of" }, selection)[0]?.slice(2) ?? "";
    lines.push(
      inLang(lang, `آخر ما أعرفه عن ${subject}: ${what}`, `The latest I know about ${subject}: ${what}`),
    );
  }
  if (input.articles.length > 0) {
    lines.push(inLang(lang, `مقالات تذكر ${subject}:`, `Articles that mention ${subject}:`));
    lines.push(...describeArticles(input.articles, lang));
  }
  // Suggest the other kind of question, not the one just asked.
  const hasKnown = input.known.length > 0;
  if (names[0] && (parsed.intent !== "events_of" || hasKnown))
    lines.push(suggestions(lang, names[0], parsed.intent));
  else if (!names[0]) lines.push(suggestions(lang, null, parsed.intent));
  return lines;
}

function describeArticles(articles: ArticleHit[], lang: Lang): string[] {
  return articles.slice(0, MAX_ARTICLES_SHOWN).flatMap((a) => {
    const day = a.published ? ` — ${formatDate(a.published.slice(0, 10), "day", lang)}` : "";
    const lines = [`• ${a.title || inLang(lang, "(بلا عنوان)", "(untitled)")}${day}`];
    if (a.snippet) lines.push(`  ${a.snippet}`);
    lines.push(`  ${a.url}`);
    return lines;
  });
}

/** "I don't know X; did you mean Y?", or that nobody of that name is known. */
function describeUnknown(word: string, entity: KnownEntity | null, lang: Lang): string {
  if (entity) {
    const name = pickName(entity, lang);
    return inLang(
      lang,
      `لم أتعرف على «${word}»؛ هل تقصد ${name}؟`,
      `I don't know "${word}"; did you mean ${name}?`,
    );
  }
  return inLang(
    lang,
    `لم أتعرف على «${word}»: هذا الاسم ليس في الأخبار المخزنة.`,
    `I don't know "${word}": that name is not in the stored news.`,
  );
}

function composeSearch(
  parsed: ParsedQuestion,
  articles: ArticleHit[],
  partial: boolean,
  suggested: KnownEntity | null,
): string[] {
  const lang = parsed.lang;
  const lines: string[] = [];
  if (articles.length === 0) {
    lines.push(
      inLang(
        lang,
        "لا أجد في الأخبار المخزنة ما يطابق سؤالك.",
        "I find nothing in the stored news that matches your question.",
      ),
      suggestions(lang, suggested ? pickName(suggested, lang) : null, parsed.intent),
    );
    return lines;
  }
  const heading = partial
    ? inLang(
        lang,
        "لا أجد مقالاً يطابق كل كلمات سؤالك؛ هذه مقالات تذكر بعضها:",
        "No article matches all the words of your question; these mention some of them:",
      )
    : inLang(lang, "مقالات تطابق سؤالك:", "Articles that match your question:");
  return [...lines, heading, ...describeArticles(articles, lang)];
}
