import { detectLanguage, type Token, tokenize } from "../text/normalize.ts";
import { parseTimeFilter } from "./parse-time.ts";
import type { DirectoryHit, QuestionDirectory } from "./question-directory.ts";
import type { EntityMention, Intent, KnownEntity, ParsedQuestion } from "./question-types.ts";
import { type Cue, readCue, readOrder, readVerbs, typesOf, type VerbClasses } from "./question-words.ts";
import { findUnknownNames } from "./unknown-names.ts";

/** A question is read up to this many characters; a longer one is cut (and answered from its start). */
export const MAX_QUESTION_CHARS = 1000;

interface Span {
  start: number;
  end: number;
  hits: DirectoryHit[];
}

/**
 * Reads a question: its language, what it asks (intent), the people and places it names (through the
 * gazetteer and the discovered entities, with clitics, variants, bare surnames and titles), its time
 * filter (relative to `now`) and the order asked for. Pure; never throws on any input.
 */
export function parseQuestion(question: string, now: Date, directory: QuestionDirectory): ParsedQuestion {
  const truncated = question.length > MAX_QUESTION_CHARS;
  const text = (truncated ? question.slice(0, MAX_QUESTION_CHARS) : question).replace(/\s+/g, " ").trim();
  const tokens = tokenize(text);
  const lang = detectLanguage(text) === "en" ? "en" : "ar";
  const time = parseTimeFilter(text, tokens, now);
  const inTime = (i: number): boolean => time !== null && i >= time.start && i < time.end;

  const spans = scanSpans(tokens, directory, inTime);
  const { people, places, nationality } = readMentions(text, tokens, spans, directory, time?.range ?? null);
  const inSpan = (i: number): boolean => inTime(i) || spans.some((s) => i >= s.start && i < s.end);
  const verbs = readVerbs(tokens, inSpan);
  const free = tokens.filter((_, i) => !inSpan(i));
  const isPerson = (i: number): boolean =>
    spans.some(
      (s) => i >= s.start && i < s.end && s.hits.some((h) => h.kind === "person" || h.kind === "role"),
    );
  const unknownNames = findUnknownNames(tokens, inSpan, isPerson).map((u) => u.text);
  let cue: Cue | null = null;
  for (let i = 0; i < free.length && cue === null; i++) cue = readCue(free, i);

  return {
    text,
    lang,
    intent: chooseIntent(cue, verbs, people.length, places.length),
    people,
    places,
    time: time?.range ?? null,
    types: typesOf(verbs),
    nationality,
    order: readOrder(free),
    truncated,
    yesNo: cue === "whether",
    unknownNames,
  };
}

function scanSpans(tokens: Token[], directory: QuestionDirectory, skip: (i: number) => boolean): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; ) {
    const match = skip(i) ? null : directory.matchAt(tokens, i);
    if (!match) {
      i++;
      continue;
    }
    spans.push({ start: i, end: i + match.length, hits: match.hits });
    i += match.length;
  }
  return spans;
}

function readMentions(
  text: string,
  tokens: Token[],
  spans: Span[],
  directory: QuestionDirectory,
  range: { from: string | null; to: string | null } | null,
): { people: EntityMention[]; places: EntityMention[]; nationality: string | null } {
  const people: EntityMention[] = [];
  const places: EntityMention[] = [];
  let nationality: string | null = null;
  const textOf = (start: number, end: number): string =>
    text.slice(tokens[start]?.start ?? 0, tokens[end - 1]?.end ?? text.length);

  // The holders of a title written right before a name ("الزعيم الكوري الشمالي كيم") narrow that name.
  let titleHolders: Set<string> | null = null;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k] as Span;
    const persons = span.hits.filter((h) => h.kind === "person");
    const role = span.hits.find((h) => h.kind === "role");
    if (persons.length > 0) {
      const full = persons.filter((h) => !h.partial);
      let chosen = (full.length > 0 ? full : persons).map((h) => h.entity);
      const holders = titleHolders;
      if (holders && chosen.some((c) => holders.has(c.id))) chosen = chosen.filter((c) => holders.has(c.id));
      titleHolders = null;
      addMention(people, {
        text: textOf(span.start, span.end),
        start: span.start,
        end: span.end,
        candidates: rank(chosen),
      });
      continue;
    }
    titleHolders = null;
    if (role) {
      // A title with its country: before it in English ("Russian foreign minister", "Russia's …"), after it
      // in Arabic (وزير الخارجية الروسي، زعيم كوريا الشمالية) or with "of" (leader of Russia).
      let end = span.end;
      const prev = spans[k - 1];
      // Only English puts the country first: in Arabic the word before a title belongs to what precedes
      // it (الرئيس الصيني والرئيس الروسي: الصيني is the first title's).
      const english = /^[a-z]/.test(tokens[span.start]?.norm ?? "");
      const before = english && prev !== undefined && leadsTitle(tokens, prev, span) ? prev : undefined;
      const beforeCountry = before ? countryOf(before) : null;
      const next = spans[k + 1];
      const joined =
        next !== undefined && (next.start === end || (next.start === end + 1 && tokens[end]?.norm === "of"));
      const afterCountry = joined ? countryOf(next) : null;
      if (afterCountry && next) {
        end = next.end;
        k++;
      }
      const country = afterCountry ?? beforeCountry ?? directory.roleCountry(role.role);
      // A name right after the title wins over it; the title only narrows who the name means.
      const after = spans[k + 1];
      if (after && after.start === end && after.hits.some((h) => h.kind === "person")) {
        titleHolders = new Set(holdersIn(directory, role.role, country, range).map((h) => h.id));
        continue;
      }
      if (!country) continue;
      // The holders at the time asked about, or everyone who held the office when no time is asked.
      const candidates = holdersIn(directory, role.role, country, range);
      if (candidates.length === 0) continue;
      const start = before && beforeCountry ? before.start : span.start;
      addMention(people, {
        text: textOf(start, end),
        start,
        end,
        candidates,
        viaTitle: { role: role.role, country },
      });
      continue;
    }
    const place = span.hits.find((h) => h.kind === "place");
    const next = spans[k + 1];
    const titleFollows =
      next !== undefined && leadsTitle(tokens, span, next) && next.hits.some((h) => h.kind === "role");
    if (place && titleFollows && countryOf(span)) continue;
    // "Who from China has Kim met in Pyongyang?", "من زار بيونغ يانغ من روسيا؟": where the people come from.
    if (place && nationality === null && isOrigin(tokens, span, spans)) {
      nationality = countryOf(span);
      continue;
    }
    if (place) {
      const candidates = span.hits.flatMap((h) => (h.kind === "place" ? [h.entity] : []));
      addMention(places, {
        text: textOf(span.start, span.end),
        start: span.start,
        end: span.end,
        candidates,
      });
      continue;
    }
    const demonym = span.hits.find((h) => h.kind === "demonym");
    // A nationality right before a name describes that person or place (نظيره الصيني وانغ يي، العاصمة
    // الكورية الشمالية بيونغ يانغ), filters no one.
    const between = next ? tokens.slice(span.end, next.start) : [];
    const nameFollows =
      next?.hits.some((h) => h.kind === "person" || h.kind === "place") === true &&
      between.length <= 1 &&
      between.every((t) => COUNTERPART_WORDS.has(t.norm));
    if (demonym?.kind === "demonym" && nationality === null && !titleFollows && !nameFollows)
      nationality = demonym.country;
  }
  return { people, places, nationality };
}

/** Most prominent first; a name written twice (a title and the name, or a repeat) is one mention. */
function rank(entities: KnownEntity[]): KnownEntity[] {
  const unique = [...new Map(entities.map((e) => [e.id, e])).values()];
  return unique.sort((a, b) => b.prominence - a.prominence);
}

function addMention(list: EntityMention[], mention: EntityMention): void {
  const top = mention.candidates[0]?.id;
  const same = list.find((m) => m.candidates[0]?.id === top);
  if (same) {
    // The more specific of the two (a full name over a title) stays.
    if (same.viaTitle && !mention.viaTitle) Object.assign(same, mention, { viaTitle: undefined });
    return;
  }
  list.push(mention);
}

function chooseIntent(cue: Cue | null, verbs: VerbClasses, people: number, places: number): Intent {
  if (people === 0 && places === 0) return "search";
  if (people === 0) return verbs.visit || (cue === "who" && !verbs.meet) ? "visits" : "events_of";
  switch (cue) {
    case "whether":
      // "هل التقى ترامب بكيم؟", "Did Lavrov visit Pyongyang?": answered with the meetings or trips, if any.
      return people > 1 || (verbs.visit && places > 0) ? "when_met" : verbs.meet ? "who_met" : "events_of";
    case "count":
      return "count";
    case "when":
      return "when_met";
    case "where":
      return "where_met";
    case "who":
      return "who_met";
    default:
      return "events_of";
  }
}

function holdersIn(
  directory: QuestionDirectory,
  role: string,
  country: string | null,
  range: { from: string | null; to: string | null } | null,
): KnownEntity[] {
  return directory.holders(role, country, range?.from ?? null, range?.to ?? null);
}

const FROM_WORDS = new Set(["from", "من"]);
// "his Chinese counterpart Wang Yi", "the Russian capital Moscow": words between a nationality and its name.
const COUNTERPART_WORDS = new Set(["counterpart", "counterparts", "capital", "city"]);

/**
 * A country written after "from"/من (not the من that asks "who") while the question names someone or
 * somewhere else: the people's origin, not where the event was.
 */
function isOrigin(tokens: Token[], span: Span, spans: Span[]): boolean {
  const before = span.start - 1;
  if (!FROM_WORDS.has(tokens[before]?.norm ?? "") || readCue(tokens, before) !== null) return false;
  if (countryOf(span) === null) return false;
  return spans.some((s) => s !== span && s.hits.some((h) => h.kind === "person" || h.kind === "place"));
}

/** Whether a span stands right before a title, or before it with an English possessive (Russia's). */
function leadsTitle(tokens: Token[], lead: Span, title: Span): boolean {
  return lead.end === title.start || (lead.end + 1 === title.start && tokens[lead.end]?.norm === "s");
}

/** The country a span names as a nationality or as a country. */
function countryOf(span: Span): string | null {
  for (const hit of span.hits) {
    if (hit.kind === "demonym") return hit.country;
    if (hit.kind === "place" && hit.entity.placeKind === "country") return hit.entity.id;
  }
  return null;
}
