import { readPublicationDay } from "../dates/calendar.ts";
import type { EventType } from "../events/event-types.ts";
import type { ExtractedEntity, ExtractedEvent } from "../events/extracted-event.ts";
import { mergeArticleEvents } from "../events/merge-events.ts";
import { cliticForms, normalizeArabic, type Token, tokenize } from "../text/normalize.ts";
import { type Sentence, splitBodySentences } from "./body-sentences.ts";
import {
  type ChosenDate,
  defaultDate,
  type PlacedDate,
  pickMostPrecise,
  placeDates,
  readOffsetBefore,
  shiftDate,
} from "./event-dates.ts";
import {
  ACCEPTANCES,
  BACKDROP_WORDS,
  CALL_MARKERS,
  COMPLEMENTIZERS,
  COUNTERPARTS,
  EVENT_NOUNS,
  FUTURE_HINTS,
  FUTURE_MARKERS,
  GENERIC_MINISTER,
  INVITES,
  NEGATION_BRIDGE,
  NEGATIONS,
  NUMBER_WORDS,
  OFFSET_UNITS,
  POSSIBLE_AFTER,
  PROPOSALS,
  SAME_WORDS,
  SPECULATION_MARKERS,
  SPEECH_VERBS,
  TRIGGERS,
  type TriggerKind,
  type TriggerWord,
} from "./event-lexicon.ts";
import type { Gazetteer, Person, Place } from "./gazetteer.ts";
import {
  findMentions,
  type MentionContext,
  type PersonMention,
  type PersonRef,
  type PlaceMention,
  personRef,
  placeEntity,
  type SentenceMentions,
} from "./mentions.ts";

/**
 * Events of one article, from its cleaned body: who met whom (meeting), who travelled where (visit), who
 * phoned whom (call) and what was announced or intended (planned), each with its participants, date,
 * place and the sentence that reports it. Pure: the gazetteer and the article are all it reads.
 *
 * Per sentence: event words are found (verbs and nouns, with their pronoun suffixes); each person is
 * given to the nearest event word (people joined by و, or introduced by مع/بين, go together); speakers
 * of reported speech are not participants; negated, hypothetical and merely expected events are dropped;
 * future forms and announcement words make an event `planned`. Dates come from src/dates, the nearest
 * expression to the event word winning; places are those introduced by a locative. Finally the reports of
 * the article are merged (src/events/merge-events.ts).
 */

export interface ArticleText {
  text: string;
  /** ISO 8601 with offset; relative dates are read against it. */
  published: string | null;
}

interface Trigger {
  index: number;
  word: TriggerWord;
  kind: TriggerKind;
  planned: boolean;
  present: boolean;
  dropped: boolean;
  /** "لإجراء محادثات", "للقاء": the purpose of the event before it, sharing its tense and date. */
  purpose: boolean;
}

const TIME_RELATIONS = new Set(["بعد", "قبل", "منذ", "عقب", "اثر"]);

/** An event word after بعد/قبل/منذ names another event the sentence measures time from. */
function isReference(t: Trigger, tokens: Token[]): boolean {
  return isIn(TIME_RELATIONS, tokens[t.index - 1]) || isIn(TIME_RELATIONS, tokens[t.index - 2]);
}
const RECEPTION = new Set(["استقبال", "استقباله", "استقبالها", "استقبالهما"]);
const PURPOSE = /^ل(اجراء|عقد|لقاء|بحث|اجتماع|زياره)/;

interface SentenceState {
  sentence: Sentence;
  tokens: Token[];
  mentions: SentenceMentions;
  /** The day titles are resolved on. */
  titleDate: string;
  /** The sentence's date expressions read as past. */
  pastDates: PlacedDate[];
}

interface ArticleState {
  gazetteer: Gazetteer;
  published: string | null;
  /** The last event built, for "في اليوم نفسه" and pronoun-only follow-ups. */
  last: { event: ExtractedEvent; paragraph: number } | null;
  /** Every event built so far, for "الرئيسان" and "الوزيران" that name a pair met before. */
  history: ExtractedEvent[];
}

const forms = (token: Token | undefined): string[] => (token ? cliticForms(token.norm) : []);
const RELATIVES = new Set(["التي", "الذي", "اللذين", "اللتين", "الذين", "اللواتي"]);

/**
 * True when a relative clause opens between the event word and position k, farther than two words
 * from the word: "… اجتماعه مع كيم وشكره على القوات التي جرى نشرها في روسيا" — Russia belongs to
 * the troops, not to the meeting. A clause right on the word ("القمة التي جمعت …") describes it.
 */
function isBehindClause(tokens: Token[], trigger: number, k: number): boolean {
  const [from, to] = k > trigger ? [trigger + 3, k] : [k + 1, trigger];
  for (let j = from; j < to; j++) {
    if (RELATIVES.has(tokens[j]?.norm ?? "") || isIn(SPEECH_VERBS, tokens[j])) return true;
  }
  return false;
}
const isIn = (set: Set<string>, token: Token | undefined): boolean => forms(token).some((f) => set.has(f));

export function extractEvents(article: ArticleText, gazetteer: Gazetteer): ExtractedEvent[] {
  const published = article.published && readPublicationDay(article.published) ? article.published : null;
  const states = readMentions(article.text, published, gazetteer);
  const state: ArticleState = { gazetteer, published, last: null, history: [] };
  const events: ExtractedEvent[] = [];
  for (const sentence of states)
    if (sentence.sentence.body) events.push(...buildSentenceEvents(sentence, state));
  return dropFulfilledPlans(mergeArticleEvents(events));
}

/**
 * An undated plan of people the article reports meeting ("ومن المنتظر أن يبحث الزعيمان …" after "يلتقي
 * أردوغان بوتين اليوم") is the agenda of that meeting, not another event.
 */
function dropFulfilledPlans(events: ExtractedEvent[]): ExtractedEvent[] {
  const key = (e: ExtractedEvent) => e.participants.map((p) => p.id).join();
  const met = new Set(events.filter((e) => e.type === "meeting").map(key));
  return events.filter((e) => !(e.type === "planned" && e.dateSource === "default" && met.has(key(e))));
}

/** Pass over every line (headlines too, they introduce people), then bare surnames against the article. */
function readMentions(text: string, published: string | null, gazetteer: Gazetteer): SentenceState[] {
  const pubDay = published ? (readPublicationDay(published)?.format("YYYY-MM-DD") ?? "") : "";
  const ctx: MentionContext = {
    gazetteer,
    date: pubDay,
    reportDay: pubDay,
    recent: [],
    discoveredSurnames: new Map(),
  };
  // `passing`: named as somebody's relative or sender (والد الزعيم): known, but not the article's subject.
  const introduced: { ref: PersonRef; order: number; passing: boolean }[] = [];
  const states: SentenceState[] = [];
  const surnames: { mention: PersonMention; order: number; date: string }[] = [];
  for (const sentence of splitBodySentences(text)) {
    const tokens = tokenize(sentence.text);
    // Dates are read only where they can matter: an event word or a title in the sentence.
    const dated = published && mayNeedDates(tokens, gazetteer);
    const pastDates = dated ? placeDates(sentence.text, tokens, published, "past") : [];
    const titleDate = published ? sentenceDay(pastDates, published) : pubDay;
    ctx.date = titleDate;
    const mentions = findMentions(tokens, sentence.text, ctx);
    for (const mention of mentions.persons) {
      const order = states.length * 1000 + mention.start;
      if (mention.ref) introduced.push({ ref: mention.ref, order, passing: mention.absent });
      else if (mention.via === "surname") surnames.push({ mention, order, date: titleDate });
    }
    states.push({ sentence, tokens, mentions, titleDate, pastDates });
  }
  for (const { mention, order, date } of surnames)
    mention.ref = resolveSurname(mention.candidates, order, date, introduced);
  return states;
}

const titleHeads = new WeakMap<Gazetteer, Set<string>>();

/** True when a token may start an event word, a title or a counterpart, the things dated by a sentence. */
function mayNeedDates(tokens: Token[], gazetteer: Gazetteer): boolean {
  let heads = titleHeads.get(gazetteer);
  if (!heads) {
    heads = new Set([...COUNTERPARTS.keys(), ...GENERIC_MINISTER]);
    for (const role of gazetteer.roles)
      for (const title of role.titlesAr) heads.add(normalizeArabic(title).split(" ")[0] as string);
    titleHeads.set(gazetteer, heads);
  }
  const known = heads;
  return tokens.some((t) => cliticForms(t.norm).some((f) => TRIGGERS.has(f) || known.has(f)));
}

/** The day a sentence speaks of, for reading titles: its most precise date, else the report's day. */
function sentenceDay(dates: PlacedDate[], published: string): string {
  const best = pickMostPrecise(dates);
  const day = readPublicationDay(published)?.format("YYYY-MM-DD") ?? "";
  if (!best || day.startsWith(best.date)) return day;
  if (best.precision === "day") return best.date;
  return best.precision === "month" ? `${best.date}-15` : `${best.date}-07-01`;
}

/**
 * A bare surname is the person the article introduced with it, never another holder of the name: of
 * those introduced before it the one named most often, else the first introduced after it; only when the
 * article introduced nobody of that name is it the most prominent living bearer.
 */
function resolveSurname(
  candidates: Person[],
  order: number,
  date: string,
  introduced: { ref: PersonRef; order: number; passing: boolean }[],
): PersonRef | null {
  const ids = new Set(candidates.map((c) => c.id));
  const known = introduced.filter((i) => ids.has(i.ref.entity.id));
  // The article's own subject is named most; one named once in passing (the father) is not meant.
  const counts = new Map<string, number>();
  for (const i of known.filter((k) => k.order < order && !k.passing))
    counts.set(i.ref.entity.id, (counts.get(i.ref.entity.id) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const chosen = known.find((i) => i.ref.entity.id === best?.[0]) ?? known[0];
  if (chosen) return chosen.ref;
  const living = candidates.find((c) => !c.died || c.died >= date);
  return living ? personRef(living) : null;
}

function buildSentenceEvents(s: SentenceState, state: ArticleState): ExtractedEvent[] {
  const triggers = findTriggers(s);
  if (triggers.length === 0) return [];
  const frames = findSpeechFrames(s);
  const persons = s.mentions.persons.filter((p) => p.ref !== null || p.counterpart !== null);
  const owner = assignPersons(persons, triggers, s.tokens);
  const pastDates = s.pastDates;
  let futureDates: PlacedDate[] | null = null;
  const futureOf = (): PlacedDate[] => {
    futureDates ??= state.published ? placeDates(s.sentence.text, s.tokens, state.published, "future") : [];
    return futureDates;
  };
  const events: ExtractedEvent[] = [];
  const dates = new Map<Trigger, ChosenDate | null>();
  for (const trigger of triggers) {
    if (trigger.dropped) continue;
    const led = trigger.purpose ? triggers[triggers.indexOf(trigger) - 1] : undefined;
    if (led) trigger.planned = led.planned;
    // A present tense in a sentence that speaks of later ("يُعلن موعدها لاحقاً") is a plan.
    if (
      trigger.present &&
      s.tokens.some((t) => isIn(FUTURE_HINTS, t)) &&
      !hasPastDate(trigger, triggers, pastDates, state)
    )
      trigger.planned = true;
    // Event words nobody is attached to (القمة المرتقبة, "the meeting") do not take dates from the others.
    // Those after بعد/قبل/منذ are other events ("بعد قمة سنغافورة في يونيو") and keep their dates.
    const anchors = triggers.filter(
      (t) => t === trigger || owner.includes(t) || t.word.pronoun || isReference(t, s.tokens),
    );
    let date =
      led && dates.has(led)
        ? (dates.get(led) ?? null)
        : chooseDate(trigger, anchors, trigger.planned ? futureOf() : pastDates, frames, s, state);
    // A present tense with a weekday is read forward ("يزور … يومي الاثنين والثلاثاء"): a plan when the
    // days lie ahead of the report.
    if (trigger.present && !trigger.planned && !led) {
      const ahead = chooseDate(trigger, anchors, futureOf(), frames, s, state);
      if (ahead?.source === "explicit" && isAfterReport(ahead.date, state.published)) {
        trigger.planned = true;
        date = ahead;
      }
    }
    dates.set(trigger, date);
    const mine = persons.filter((p, k) => owner[k] === trigger && !isSilencedSpeaker(p, trigger, frames));
    const built =
      trigger.kind === "visit"
        ? buildVisits(trigger, mine, persons, date, s, state)
        : buildMeeting(trigger, mine, persons, date, frames, s, state);
    for (const event of built) {
      // One journey per traveller and sentence: "وصل إلى فلاديفوستوك بعد أن عبر الحدود عند خاسان".
      const repeated = events.some(
        (e) => e.type === "visit" && e.date === event.date && sameParticipants(e, event),
      );
      if (event.type === "visit" && repeated) continue;
      events.push(event);
      state.last = { event, paragraph: s.sentence.paragraph };
      state.history.push(event);
    }
  }
  return events;
}

/**
 * True when an expression closer to this event word than to any other dates it on or before the report:
 * "تصل اليوم" is happening, whatever else the sentence puts later.
 */
function hasPastDate(
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

function sameParticipants(a: ExtractedEvent, b: ExtractedEvent): boolean {
  return a.participants.map((p) => p.id).join() === b.participants.map((p) => p.id).join();
}

function findTriggers(s: SentenceState): Trigger[] {
  const { tokens, mentions } = s;
  const triggers: Trigger[] = [];
  const lightForms = new Map<number, TriggerWord["form"]>();
  for (let i = 0; i < tokens.length; i++) {
    if (mentions.covered.has(i)) continue;
    const word = forms(tokens[i])
      .map((f) => TRIGGERS.get(f))
      .find(Boolean);
    if (!word) continue;
    if (word.needs && !tokens.slice(i + 1, i + 4).some((t) => isIn(word.needs as Set<string>, t))) continue;
    const welcomed = (p: PersonMention) =>
      p.start > i && p.start <= i + 10 && startsWithBa(tokens[p.start], p);
    if (word.welcomesPerson && !mentions.persons.some(welcomed)) continue;
    if (word.light) {
      for (let j = i + 1; j <= i + 5 && j < tokens.length; j++) {
        if (isIn(EVENT_NOUNS, tokens[j])) {
          lightForms.set(j, word.form);
          break;
        }
      }
      continue;
    }
    const previous = triggers.at(-1);
    if (previous && previous.index >= i - 1 && previous.word.kind === word.kind) continue;
    if (isIn(BACKDROP_WORDS, tokens[i - 1]) || isIn(BACKDROP_WORDS, tokens[i - 2])) continue;
    const form = lightForms.get(i) ?? word.form;
    const nearCall = tokens.slice(Math.max(0, i - 2), i + 4).some((t) => isIn(CALL_MARKERS, t));
    const kind: TriggerKind = word.kind === "meeting" && nearCall ? "call" : word.kind;
    const purpose = PURPOSE.test(tokens[i]?.norm ?? "") || PURPOSE.test(tokens[i - 1]?.norm ?? "");
    triggers.push({
      index: i,
      word: { ...word, form },
      kind,
      // An accepted invitation is a plan (a refused or pending one is dropped in isSpeculative).
      planned: form === "verb-future" || hasFutureMarker(tokens, i) || isInvitation(tokens, i),
      present: form === "verb-present",
      dropped: isNegated(tokens, i) || isSpeculative(tokens, i, form),
      purpose: purpose && triggers.length > 0,
    });
  }
  return triggers;
}

/** True when the mention is written with the preposition ب (بوزير الدفاع), not with a name's own ب (بوتين). */
function startsWithBa(token: Token | undefined, p: PersonMention): boolean {
  if (!token || !/^و?ب/.test(token.norm)) return false;
  const person = p.ref?.person;
  const names = person ? [person.nameAr, ...person.aliasesAr, ...person.surnamesAr] : [];
  return !names.some((name) => normalizeArabic(name).split(" ")[0] === token.norm.replace(/^و/, ""));
}

function hasFutureMarker(tokens: Token[], i: number): boolean {
  const around = [...tokens.slice(Math.max(0, i - 4), i), ...tokens.slice(i + 1, i + 3)];
  return around.some((t) => isIn(FUTURE_MARKERS, t));
}

const DENIALS = new Set(["نفي", "نفت", "ينفي", "تنفي", "نفيا"]);
const COPULAS = new Set(["يكون", "تكون", "يكونا", "يكونان"]);

/**
 * A negation within four words before the event word, with only bridge words between (لا يعتزم لقاء);
 * or a denial whose complement holds the word: "نفى الكرملين أن يكون بوتين قد التقى كيم".
 */
function isNegated(tokens: Token[], i: number): boolean {
  const window = tokens.slice(Math.max(0, i - 10), i);
  const denial = window.findIndex((t) => forms(t).some((f) => DENIALS.has(f)));
  if (denial >= 0 && window.slice(denial).some((t) => COPULAS.has(t.norm))) return true;
  for (let j = i - 1; j >= Math.max(0, i - 5); j--) {
    if (isIn(NEGATIONS, tokens[j])) return true;
    if (!isIn(NEGATION_BRIDGE, tokens[j]) && !TRIGGERS.get(forms(tokens[j])[0] ?? "")?.light) return false;
  }
  return false;
}

/**
 * Only expected, possible or proposed: "توقع أن يلتقيا"، "قد يلتقي"، "لقاء محتمل"، "دعا إلى لقاء"، and an
 * invitation to visit nobody has accepted yet.
 */
function isSpeculative(tokens: Token[], i: number, form: TriggerWord["form"]): boolean {
  const before = tokens.slice(Math.max(0, i - 5), i);
  if (before.some((t) => isIn(SPECULATION_MARKERS, t))) return true;
  if (form !== "verb-past" && tokens[i - 1]?.norm === "قد") return true;
  if (tokens.slice(i + 1, i + 3).some((t) => isIn(POSSIBLE_AFTER, t))) return true;
  if (tokens.slice(Math.max(0, i - 3), i).some((t) => isIn(PROPOSALS, t))) return true;
  return isInvitation(tokens, i) && !tokens.some((t) => isIn(ACCEPTANCES, t));
}

/** "وجه دعوة إلى كيم لزيارة موسكو": an invitation to the event (not a visit made "تلبية لدعوة"). */
function isInvitation(tokens: Token[], i: number): boolean {
  const before = tokens.slice(Math.max(0, i - 6), i);
  return before.some((t) => isIn(INVITES, t)) && !before.some((t) => t.norm === "تلبيه");
}

interface SpeechFrame {
  verb: number;
  complementizer: number;
  /** إنه/أنه: the speaker is also the subject of what follows. */
  selfReference: boolean;
}

function findSpeechFrames(s: SentenceState): SpeechFrame[] {
  const frames: SpeechFrame[] = [];
  s.tokens.forEach((token, i) => {
    if (s.mentions.covered.has(i) || !isIn(SPEECH_VERBS, token)) return;
    for (let j = i + 1; j <= i + 14 && j < s.tokens.length; j++) {
      if (isIn(COMPLEMENTIZERS, s.tokens[j])) {
        frames.push({
          verb: i,
          complementizer: j,
          selfReference: /^(ا|ب)?[اإ]?ن(ه|ها)$/.test(s.tokens[j]?.norm ?? ""),
        });
        return;
      }
    }
  });
  return frames;
}

function isSilencedSpeaker(p: PersonMention, trigger: Trigger, frames: SpeechFrame[]): boolean {
  return frames.some(
    (f) =>
      p.start > f.verb && p.end <= f.complementizer && trigger.index > f.complementizer && !f.selfReference,
  );
}

/**
 * Gives each person to one event word: people joined by و go with the one before them; a person right
 * after مع/بين or written with ب follows the event word just before; otherwise the nearest word wins,
 * a word after the person counting double.
 */
function assignPersons(persons: PersonMention[], triggers: Trigger[], tokens: Token[]): (Trigger | null)[] {
  const owner: (Trigger | null)[] = [];
  persons.forEach((p, k) => {
    const previousOwner = owner[k - 1];
    if (p.coordinated && previousOwner) {
      owner.push(previousOwner);
      return;
    }
    const before = tokens[p.start - 1];
    // "على هامش قمة ثلاثية مع الرئيس الإيراني": the backdrop's people are not the event's.
    const withBackdrop = before?.norm === "مع" || startsWithBa(tokens[p.start], p);
    if (
      withBackdrop &&
      tokens.slice(Math.max(0, p.start - 6), p.start).some((t) => isIn(BACKDROP_WORDS, t))
    ) {
      owner.push(null);
      return;
    }
    const bound = before && ["مع", "بين"].includes(before.norm);
    if (bound || startsWithBa(tokens[p.start], p)) {
      // Only meetings and calls take their other side with مع/بين/ب (التقى خلال الزيارة بالزعيم).
      const near = triggers
        .filter((t) => t.index < p.start && p.start - t.index <= 4 && t.kind !== "visit")
        .at(-1);
      if (near) {
        owner.push(near);
        return;
      }
    }
    let best: Trigger | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const t of triggers) {
      // Participants mostly follow their event word (VSO, a noun and its complement): a word after the
      // person counts double.
      const distance = t.index < p.start ? p.start - t.index : (t.index - p.end + 1) * 2;
      if (distance < bestDistance) {
        best = t;
        bestDistance = distance;
      }
    }
    owner.push(best);
  });
  return owner;
}

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
function chooseDate(
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
  const afterSince = (d: PlacedDate) =>
    (tokens.slice(Math.max(0, d.token - 4), d.token).some((t) => t.norm === "منذ") &&
      !opensWhenClause(tokens, d)) ||
    tokens
      .slice(Math.max(0, d.token - 3), d.token)
      .some((t, k, near) => t.norm === "مره" && near[k + 1]?.norm === "اخري");
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
    usable.filter((d) => nearestTrigger(d) === trigger).sort((a, b) => closeness(a) - closeness(b)),
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

function isAfterReport(date: string, published: string | null): boolean {
  const day = published ? readPublicationDay(published)?.format("YYYY-MM-DD") : null;
  return Boolean(day && date > day.slice(0, date.length));
}

/** People eligible to take part: resolved, not a relative or sender, not part of a place name. */
function participantRef(p: PersonMention): PersonRef | null {
  return p.absent ? null : p.ref;
}

function buildMeeting(
  trigger: Trigger,
  mine: PersonMention[],
  all: PersonMention[],
  date: ChosenDate | null,
  frames: SpeechFrame[],
  s: SentenceState,
  state: ArticleState,
): ExtractedEvent[] {
  const refs: PersonRef[] = [];
  const add = (ref: PersonRef | null) => {
    if (ref && !refs.some((r) => r.entity.id === ref.entity.id)) refs.push(ref);
  };
  const place =
    chooseMeetingPlace(trigger, s, frames, state.gazetteer) ??
    destinationOfSentence(s, trigger, state.gazetteer);
  const unresolved: PersonMention[] = [];
  for (const p of mine) {
    if (p.spouse || (p.host && !trigger.planned)) continue;
    if (p.ref) add(participantRef(p));
    else if (p.counterpart && !p.absent) unresolved.push(p);
  }
  // "سبق أن أجرت معه مباحثات": nobody named, a pronoun for each side: the people of the event before.
  const unnamed = refs.length === 0 && unresolved.length === 0;
  if (unnamed && pronounFollows(s.tokens, trigger.index)) {
    const last = state.last;
    if (
      last &&
      last.paragraph === s.sentence.paragraph &&
      last.event.participants.length >= 2 &&
      last.event.type !== "visit"
    )
      return [makeEvent(trigger, last.event.participants, date, place, s)];
  }
  if (unnamed) {
    const pair = namedPair(trigger, s, state);
    if (pair) return [makeEvent(trigger, pair, date, place, s)];
  }
  const pointsBack =
    trigger.word.form !== "noun" ||
    trigger.word.pronoun ||
    pronounFollows(s.tokens, trigger.index) ||
    mine.some((p) => p.counterpart);
  // "وكان في استقبال الرئيس الروسي لدى وصوله … الرئيس الصيني": the host may stand anywhere in the sentence.
  const reception = isIn(RECEPTION, s.tokens[trigger.index]) && s.tokens[trigger.index - 1]?.norm === "في";
  if (reception && refs.length === 1) {
    const other = all
      .filter((p) => p.ref && !p.absent && p.ref.entity.id !== refs[0]?.entity.id)
      .sort((a, b) => Math.abs(a.start - trigger.index) - Math.abs(b.start - trigger.index))[0];
    add(other?.ref ?? null);
  }
  if (refs.length + unresolved.length < 2 && pointsBack) {
    const antecedent = findAntecedent(trigger, all, refs, mine, s, state.gazetteer);
    add(antecedent);
  }
  for (const p of unresolved)
    add(resolveCounterpart(p, refs[0] ?? null, place?.place ?? null, s.titleDate, state.gazetteer));
  if (refs.length === 0 && trigger.kind === "meeting") {
    for (const leader of summitLeaders(trigger, s, state.gazetteer, date)) add(leader);
  }

  if (refs.length < 2) return [];
  // A call has no single place: each side speaks from home.
  const where = trigger.kind === "call" ? null : place;
  return splitObjects(trigger, mine, refs).map((pair) =>
    makeEvent(
      trigger,
      pair.map((r) => r.entity),
      date,
      where,
      s,
    ),
  );
}

/**
 * "التقى بوتين الرئيسَ الصيني ورئيسَ الوزراء الهندي": one subject and a list of objects are separate
 * meetings, one per object; "اجتمع بوتين وشي ومودي" (one list) is one meeting of all three.
 */
function splitObjects(trigger: Trigger, mine: PersonMention[], refs: PersonRef[]): PersonRef[][] {
  if (refs.length < 3 || trigger.word.form === "noun") return [refs];
  const chains: PersonMention[][] = [];
  for (const p of mine.filter((m) => m.start > trigger.index && m.ref)) {
    if (p.coordinated && chains.length > 0) chains.at(-1)?.push(p);
    else chains.push([p]);
  }
  // VSO: the subject stands alone right after the verb; SVO: it was named before the verb.
  const [first, second, ...rest] = chains;
  const before = refs.filter(
    (r) => !mine.some((p) => p.start > trigger.index && p.ref?.entity.id === r.entity.id),
  );
  let subject: PersonRef | undefined;
  let objects: PersonMention[] = [];
  if (
    first &&
    second &&
    rest.length === 0 &&
    first.length === 1 &&
    second.length >= 2 &&
    before.length === 0
  ) {
    subject = first[0]?.ref ?? undefined;
    objects = second;
  } else if (first && !second && first.length >= 2 && before.length === 1) {
    subject = before[0];
    objects = first;
  }
  if (!subject) return [refs];
  return objects.map((p) => [subject, p.ref as PersonRef]);
}

/** معه، معها، له، جمعه: a pronoun close to the event word points at a participant named elsewhere. */
function pronounFollows(tokens: Token[], i: number): boolean {
  return (
    tokens
      .slice(Math.max(0, i - 2), i + 4)
      .some((t, k) => k !== 2 && /^(معه|معها|معهما|جمعه|جمعها|جمعهما|جمعتهما)$/.test(t.norm)) ||
    /^(له|لها|به|بها|خلالها|خلاله)$/.test(tokens[i + 1]?.norm ?? "")
  );
}

/**
 * The other side of an event word whose subject the sentence gives elsewhere: for a counterpart
 * (نظيرته تشوي) a person holding the same kind of office, otherwise the nearest person before the word.
 */
function findAntecedent(
  trigger: Trigger,
  all: PersonMention[],
  taken: PersonRef[],
  mine: PersonMention[],
  s: SentenceState,
  gazetteer: Gazetteer,
): PersonRef | null {
  const date = s.titleDate;
  const gender = pronounGender(s.tokens[trigger.index]);
  const before = all.filter((p) => p.start < trigger.index && p.ref && !p.absent && !p.spouse && !p.host);
  const free = before.filter(
    (p) =>
      !taken.some((r) => r.entity.id === p.ref?.entity.id) &&
      (!gender || !p.ref?.person || p.ref.person.gender === gender),
  );
  const counterpart = mine.find((p) => p.counterpart && p.ref?.person);
  if (counterpart?.ref?.person) {
    const roles = new Set(gazetteer.officesAt(counterpart.ref.person, date).map((o) => o.role));
    const peer = free
      .filter((p) => p.ref?.person && gazetteer.officesAt(p.ref.person, date).some((o) => roles.has(o.role)))
      .at(-1);
    if (peer?.ref) return peer.ref;
  }
  const previous = free.at(-1);
  if (previous?.ref) return previous.ref;
  const after = all.find(
    (p) =>
      p.start > trigger.index && p.ref && !p.absent && !taken.some((r) => r.entity.id === p.ref?.entity.id),
  );
  return trigger.word.pronoun ? null : (after?.ref ?? null);
}

/** The gender a pronoun suffix on an event word points at: استقبلها → f, لقائه → m. */
function pronounGender(token: Token | undefined): "m" | "f" | null {
  const norm = token ? (cliticForms(token.norm).find((f) => TRIGGERS.get(f)?.pronoun) ?? "") : "";
  if (/هما$/.test(norm)) return null;
  if (/ها$/.test(norm)) return "f";
  return /ه$/.test(norm) ? "m" : null;
}

/** نظيره الكوري الشمالي without a name: the holder, in the other country, of the antecedent's office. */
function resolveCounterpart(
  p: PersonMention,
  antecedent: PersonRef | null,
  place: Place | null,
  date: string,
  gazetteer: Gazetteer,
): PersonRef | null {
  if (!antecedent?.person) return null;
  const home = antecedent.person.country;
  const country =
    p.counterpart?.country ??
    (place && (place.country ?? place.id) !== home ? (place.country ?? place.id) : null);
  if (!country || country === home) return null;
  for (const office of gazetteer.officesAt(antecedent.person, date)) {
    const holder = gazetteer.holderOf(office.role, country, date)[0];
    if (holder) return personRef(holder);
  }
  return null;
}

const LEADER_ROLES = new Set(["leader", "president", "head_of_government", "monarch"]);
const PAIRS = new Map<string, (role: string) => boolean>([
  ...["الزعيمان", "الزعيمين", "الرئيسان", "الرئيسين", "زعيما", "زعيمي", "رئيسا", "رئيسي"].map(
    (w) => [normalizeArabic(w), (role: string) => LEADER_ROLES.has(role)] as const,
  ),
  ...["الوزيران", "الوزيرين", "وزيرا", "وزيري"].map(
    (w) => [normalizeArabic(w), (role: string) => role.endsWith("minister")] as const,
  ),
]);

/**
 * "وكان الرئيسان قد التقيا في طهران": a dual that names no one stands for the last pair of the article
 * whose both members hold such an office (two leaders, two ministers).
 */
function namedPair(trigger: Trigger, s: SentenceState, state: ArticleState): ExtractedEntity[] | null {
  // The dual belongs to the event word it stands closest to, as a person would (see assignPersons).
  const at = s.tokens.findIndex((t) => PAIRS.has(t.norm.replace(/^و/, "")));
  if (at < 0) return null;
  const triggers = findTriggers(s);
  const weight = (t: Trigger) => (t.index < at ? at - t.index : (t.index - at) * 2);
  const nearest = triggers.reduce((best, t) => (weight(t) < weight(best) ? t : best));
  if (nearest.index !== trigger.index || weight(nearest) > 4) return null;
  const holds = PAIRS.get(s.tokens[at]?.norm.replace(/^و/, "") ?? "");
  if (!holds) return null;
  for (let k = state.history.length - 1; k >= 0; k--) {
    const event = state.history[k] as ExtractedEvent;
    if (event.participants.length !== 2) continue;
    const day = event.date && event.date.length === 10 ? event.date : s.titleDate;
    const fits = event.participants.every((p) => {
      const person = state.gazetteer.personById(p.id);
      return person && state.gazetteer.officesAt(person, day).some((o) => holds(o.role));
    });
    if (fits) return event.participants;
  }
  return null;
}

/** "قمة كوريا الشمالية وروسيا", "القمة الروسية الكورية": the leaders of the countries it names. */
function summitLeaders(
  trigger: Trigger,
  s: SentenceState,
  gazetteer: Gazetteer,
  date: ChosenDate | null,
): PersonRef[] {
  if (!forms(s.tokens[trigger.index]).some((f) => f === "قمه" || f === "القمه")) return [];
  const countries: string[] = [];
  const spans = gazetteer.scan(s.tokens.slice(trigger.index + 1, trigger.index + 7));
  for (const span of spans) {
    const match = span.matches.find(
      (m) => (m.kind === "place" && m.entity.kind === "country") || m.kind === "demonym",
    );
    if (!match || (match.kind !== "place" && match.kind !== "demonym")) break;
    const id = match.entity.country ?? match.entity.id;
    if (!countries.includes(id)) countries.push(id);
  }
  if (countries.length < 2) return [];
  const day = date ? `${date.date}-01-01`.slice(0, 10) : s.titleDate;
  return countries.flatMap((c) => {
    const leader = gazetteer.holderOf("leader", c, day)[0];
    return leader ? [personRef(leader)] : [];
  });
}

function buildVisits(
  trigger: Trigger,
  mine: PersonMention[],
  all: PersonMention[],
  date: ChosenDate | null,
  s: SentenceState,
  state: ArticleState,
): ExtractedEvent[] {
  // "بعد زيارته في تموز/يوليو 2023": a visit word without a place repeats the destination named before.
  const place =
    chooseDestination(trigger, s, state.gazetteer) ??
    (trigger.word.pronoun ? destinationBefore(trigger, s, state.gazetteer) : null);
  if (!place) return [];
  const eligible = mine.filter((p) => p.ref && !p.absent && !p.host);
  // A visit noun names its traveller close by (زيارة لافروف، زيارة يقوم بها بوتين، اختتم لافروف زيارة);
  // a verb may have its subject anywhere before it (ليصبح أول رئيس … تطأ قدماه).
  const isNoun = trigger.word.form === "noun";
  const close = (p: PersonMention) =>
    !isNoun ||
    trigger.word.pronoun ||
    (p.start > trigger.index ? p.start - trigger.index <= 6 : trigger.index - p.end < 3);
  // The traveller named after the word (زيارة بيلوسي) before one named before it (انتقد بوتين زيارة …).
  const distance = (p: PersonMention) =>
    p.start > trigger.index ? p.start - trigger.index : (trigger.index - p.start) * 1.5;
  const free = (p: PersonMention) => p.ref && !p.absent && !p.host && !p.companion;
  const gender = pronounGender(s.tokens[trigger.index]);
  const fits = (p: PersonMention) => !gender || !p.ref?.person || p.ref.person.gender === gender;
  // "لدى وصوله", "زيارته": the pronoun names the traveller, before the word or, failing that, after it.
  let main =
    isNoun && trigger.word.pronoun
      ? (all.filter((p) => p.start < trigger.index && free(p) && fits(p)).at(-1) ??
        all.find((p) => p.start > trigger.index && free(p) && fits(p)))
      : eligible
          .filter((p) => !p.companion && !p.spouse && close(p))
          .sort((a, b) => distance(a) - distance(b))[0];
  if (!main && !isNoun) main = all.find((p) => p.start < trigger.index && free(p));
  if (!main?.ref) return [];
  const travellers: PersonRef[] = [main.ref];
  for (const p of eligible) {
    const joined = p.companion || p.spouse || (p.coordinated && all[all.indexOf(p) - 1] === main);
    if (joined && p.ref && !travellers.some((t) => t.entity.id === p.ref?.entity.id)) travellers.push(p.ref);
  }
  // A plan made at somebody's invitation includes the host: "تلبية لدعوة من نظيره الروسي".
  const hosts = trigger.planned
    ? all
        .filter((p) => p.host)
        .map(
          (p) => p.ref ?? resolveCounterpart(p, main?.ref ?? null, place.place, s.titleDate, state.gazetteer),
        )
        .filter((h): h is PersonRef => h !== null)
    : [];
  const destinationCountry = place.place.country ?? place.place.id;
  const events: ExtractedEvent[] = [];
  for (const traveller of travellers) {
    if (traveller.person && traveller.person.country === destinationCountry) continue;
    const participants = [
      traveller.entity,
      ...hosts.map((h) => h.entity).filter((h) => h.id !== traveller.entity.id),
    ];
    events.push(makeEvent(trigger, participants, date, place, s));
    const earlier = readEarlierVisit(s.tokens, trigger.index, state.published);
    if (earlier && !trigger.planned)
      events.push({ ...makeEvent(trigger, [traveller.entity], earlier, place, s), type: "visit" });
  }
  return events;
}

/**
 * A visit that says it repeats an earlier one: "يزور بيونغ يانغ مرة أخرى بعد خمسة أشهر" (the earlier
 * visit five months before), "أول زيارة … منذ 24 عاماً" (the previous one 24 years ago).
 */
function readEarlierVisit(tokens: Token[], i: number, published: string | null): ChosenDate | null {
  if (!published) return null;
  const day = readPublicationDay(published)?.format("YYYY-MM-DD") ?? "";
  const window = tokens.slice(i, i + 14);
  const again = window.findIndex((t, k) => t.norm === "مره" && window[k + 1]?.norm === "اخري");
  const first = forms(tokens[i - 1]).includes("اول");
  const since = window.findIndex((t) => t.norm === "منذ");
  const lead = again >= 0 ? window.findIndex((t, k) => k > again && t.norm === "بعد") : first ? since : -1;
  if (lead < 0) return null;
  const number = window[lead + 1];
  const unitToken =
    /^\d+$/.test(number?.norm ?? "") || NUMBER_WORDS.has(forms(number)[0] ?? "") ? window[lead + 2] : number;
  const unit = forms(unitToken)
    .map((f) => OFFSET_UNITS.get(f))
    .find(Boolean);
  if (!unit || unit.unit === "hour" || unit.unit === "day") return null;
  const count = /^\d+$/.test(number?.norm ?? "")
    ? Number(number?.norm)
    : (NUMBER_WORDS.get(forms(number)[0] ?? "") ?? unit.count);
  return shiftDate(day, unit.unit, count);
}

function parentOf(place: Place, gazetteer: Gazetteer): Place | undefined {
  return place.within ? gazetteer.placeById(place.within) : undefined;
}

/** Places farther than this from an event word belong to another clause. */
const MAX_PLACE_DISTANCE = 18;

interface ChosenPlace {
  place: Place;
  path: string[];
}

function placePath(place: Place, gazetteer: Gazetteer): string[] {
  const path: string[] = [];
  let current: Place | undefined = place;
  while (current && !path.includes(current.id)) {
    path.push(current.id);
    current = current.within ? gazetteer.placeById(current.within) : undefined;
  }
  if (place.country && !path.includes(place.country)) path.push(place.country);
  return path;
}

function destinationBefore(visit: Trigger, s: SentenceState, gazetteer: Gazetteer): ChosenPlace | null {
  const earlier = findTriggers(s).filter((t) => t.kind === "visit" && t.index < visit.index && !t.dropped);
  for (const t of earlier.reverse()) {
    const destination = chooseDestination(t, s, gazetteer);
    if (destination) return destination;
  }
  return null;
}

/** "زار شويغو كوريا الشمالية … واجتمع مع كيم": a meeting without a place is held where the visit went. */
function destinationOfSentence(s: SentenceState, meeting: Trigger, gazetteer: Gazetteer): ChosenPlace | null {
  for (const t of findTriggers(s)) {
    if (t.kind !== "visit" || t.index === meeting.index || t.dropped) continue;
    const destination = chooseDestination(t, s, gazetteer);
    if (destination) return destination;
  }
  return null;
}

/** Where a traveller went: the first place after the word, introduced by إلى/في/ب/ل or as its object. */
function chooseDestination(trigger: Trigger, s: SentenceState, gazetteer: Gazetteer): ChosenPlace | null {
  // زار كوريا الشمالية، يزور لافروف بيونغ يانغ، زيارة موسكو: the place is the word's object.
  const word = s.tokens[trigger.index]?.norm ?? "";
  const direct = /زار|زور/.test(word) ? 6 : /زيار/.test(word) ? 1 : 0;
  const nextVisit = s.tokens.findIndex(
    (t, k) =>
      k > trigger.index + 1 &&
      TRIGGERS.get(forms(t)[0] ?? "")?.kind === "visit" &&
      !s.mentions.covered.has(k),
  );
  const limit = nextVisit > 0 ? nextVisit : s.tokens.length;
  const found = s.mentions.places.find(
    (p) =>
      p.start > trigger.index &&
      p.start < limit &&
      !p.origin &&
      (p.locative || p.start - trigger.index <= direct || trigger.word.needs !== undefined),
  );
  if (!found) return null;
  let place: Place | undefined = found.place;
  while (place && place.kind === "site") {
    place = place.within
      ? gazetteer.placeById(place.within)
      : place.country
        ? gazetteer.placeById(place.country)
        : undefined;
  }
  return place ? { place, path: placePath(place, gazetteer) } : null;
}

/**
 * Where people met: the locative place nearest the event word (after it preferred), outside reported
 * speech frames and relative clauses that describe something else.
 */
function chooseMeetingPlace(
  trigger: Trigger,
  s: SentenceState,
  frames: SpeechFrame[],
  gazetteer: Gazetteer,
): ChosenPlace | null {
  const inFrame = (p: PlaceMention) =>
    frames.some((f) => p.start > f.verb && p.start < f.complementizer && trigger.index > f.complementizer);
  const candidates = s.mentions.places.filter(
    (p) =>
      p.locative &&
      !p.origin &&
      !inFrame(p) &&
      Math.abs(p.start - trigger.index) <= MAX_PLACE_DISTANCE &&
      !isBehindClause(s.tokens, trigger.index, p.start),
  );
  const distance = (p: PlaceMention) =>
    p.start > trigger.index ? p.start - trigger.index : (trigger.index - p.end) * 1.5;
  const nearest = [...candidates].sort((a, b) => distance(a) - distance(b))[0];
  if (!nearest) return null;
  // A building or campus inside a city is reported as the city (دار كومسوسان → Pyongyang, the Kremlin →
  // Moscow); a site that stands for itself in a region (Vostochny, Panmunjom, Sentosa) is kept.
  let place = nearest.place;
  for (
    let parent = parentOf(place, gazetteer);
    place.kind === "site" && parent;
    parent = parentOf(place, gazetteer)
  ) {
    if (parent.kind !== "site" && parent.kind !== "city" && parent.kind !== "capital") break;
    place = parent;
  }
  return { place, path: placePath(place, gazetteer) };
}

function makeEvent(
  trigger: Trigger,
  participants: ExtractedEntity[],
  date: ChosenDate | null,
  place: ChosenPlace | null,
  s: SentenceState,
): ExtractedEvent {
  const type: EventType = trigger.planned ? "planned" : trigger.kind;
  const unique = [...new Map(participants.map((p) => [p.id, p])).values()].sort((a, b) =>
    a.id.localeCompare(b.id),
  );
  return {
    type,
    participants: unique,
    date: date?.date ?? null,
    precision: date?.precision ?? null,
    dateSource: date?.source ?? "default",
    place: place ? placeEntity(place.place) : null,
    placePath: place?.path ?? [],
    evidence: s.sentence.text,
  };
}
