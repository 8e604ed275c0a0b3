import { readPublicationDay } from "../dates/calendar.ts";
import type { EventType } from "../events/event-types.ts";
import type { ExtractedEntity, ExtractedEvent } from "../events/extracted-event.ts";
import { areDatesCompatible, mergeArticleEvents } from "../events/merge-events.ts";
import { cliticForms, normalizeArabic, type Token, tokenize } from "../text/normalize.ts";
import {
  assignPersons,
  findAntecedent,
  namedPair,
  pronounFollows,
  pronounGender,
  relativeAntecedent,
  resolveCounterpart,
  splitObjects,
  summitLeaders,
} from "./assign-participants.ts";
import { splitBodySentences } from "./body-sentences.ts";
import { chooseDate, hasPastDate, isAfterReport } from "./choose-date.ts";
import { findSpeechFrames, isSilencedSpeaker, type SpeechFrame } from "./clauses.ts";
import { companionVisits, markCompanions, settleCompanionVisits } from "./companions.ts";
import { type ChosenDate, type PlacedDate, pickMostPrecise, placeDates, shiftDate } from "./event-dates.ts";
import {
  ATTEND_VERBS,
  COUNTERPARTS,
  FUTURE_HINTS,
  GENERIC_MINISTER,
  NUMBER_WORDS,
  OFFSET_UNITS,
  TRIGGERS,
} from "./event-lexicon.ts";
import {
  type ChosenPlace,
  chooseDestinations,
  chooseMeetingPlace,
  destinationBefore,
  destinationOfSentence,
} from "./event-places.ts";
import { findTriggers, isReference, type Trigger } from "./find-triggers.ts";
import type { Gazetteer, Person } from "./gazetteer.ts";
import {
  findMentions,
  type MentionContext,
  type PersonMention,
  type PersonRef,
  personRef,
  placeEntity,
} from "./mentions.ts";
import { type ArticleState, forms, isIn, type SentenceState } from "./sentence-context.ts";

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

const DURING = new Set(["خلالها", "خلاله"]);
const RECEPTION = new Set(["استقبال", "استقباله", "استقبالها", "استقبالهما"]);

export function extractEvents(article: ArticleText, gazetteer: Gazetteer): ExtractedEvent[] {
  const published = article.published && readPublicationDay(article.published) ? article.published : null;
  const states = readMentions(article.text, published, gazetteer);
  const state: ArticleState = {
    gazetteer,
    published,
    last: null,
    history: [],
    companions: [],
    previousPersons: [],
  };
  const events: ExtractedEvent[] = [];
  for (const sentence of states)
    if (sentence.sentence.body) events.push(...buildSentenceEvents(sentence, state));
  settleCompanionVisits(state);
  placeMeetingsAtVisits(state);
  return dropFulfilledPlans(mergeArticleEvents(events), published);
}

/**
 * A meeting the text places nowhere happened where one of its people was visiting then: "وكانت تشوي قد
 * أجرت محادثات مع نظيرها الروسي" during "زيارة تشوي لموسكو".
 */
function placeMeetingsAtVisits(state: ArticleState): void {
  for (const meeting of state.history) {
    if (meeting.type !== "meeting" || meeting.place) continue;
    const ids = meeting.participants.map((p) => p.id);
    const visit = state.history.find(
      (v) =>
        v.type === "visit" &&
        v.place &&
        ids.includes(v.participants[0]?.id ?? "") &&
        areDatesCompatible(v, meeting, false),
    );
    if (visit) Object.assign(meeting, { place: visit.place, placePath: visit.placePath });
  }
}

/**
 * An undated plan of people the article reports meeting that day ("ومن المنتظر أن يبحث الزعيمان …" after
 * "يلتقي أردوغان بوتين اليوم") is the agenda of that meeting, not another event.
 */
function dropFulfilledPlans(events: ExtractedEvent[], published: string | null): ExtractedEvent[] {
  const day = published ? (readPublicationDay(published)?.format("YYYY-MM-DD") ?? "") : "";
  const yesterday = day ? shiftDate(day, "day", 1).date : "";
  const key = (e: ExtractedEvent) => e.participants.map((p) => p.id).join();
  const today = new Set(
    events
      .filter((e) => e.type === "meeting" && (e.dateSource === "default" || (e.date ?? "") >= yesterday))
      .map(key),
  );
  return events.filter((e) => !(e.type === "planned" && e.dateSource === "default" && today.has(key(e))));
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
  markCompanions(
    s,
    triggers.map((t) => t.index),
  );
  const events = buildTriggerEvents(s, triggers, state);
  const companions = companionVisits(s, events, state);
  state.history.push(...companions);
  state.previousPersons = s.mentions.persons.filter((p) => p.ref && !p.absent);
  return [...events, ...companions];
}

function buildTriggerEvents(s: SentenceState, triggers: Trigger[], state: ArticleState): ExtractedEvent[] {
  if (triggers.length === 0) return [];
  const frames = findSpeechFrames(s);
  const persons = s.mentions.persons.filter((p) => p.ref !== null || p.counterpart !== null);
  const owner = assignPersons(persons, triggers, s.tokens);
  const pastDates = s.pastDates;
  let futureDates: PlacedDate[] | null = null;
  const futureOf = (): PlacedDate[] => {
    // A date after منذ is a past one whatever the tense ("يقوم بزيارة منذ 31 آب").
    const since = (d: PlacedDate) =>
      s.tokens.slice(Math.max(0, d.token - 2), d.token).some((t) => t.norm === "منذ");
    futureDates ??= state.published
      ? placeDates(s.sentence.text, s.tokens, state.published, "future").filter((d) => !since(d))
      : [];
    return futureDates;
  };
  const events: ExtractedEvent[] = [];
  const dates = new Map<Trigger, ChosenDate | null>();
  const besides = readDayBesides(s, triggers, persons, owner, state);
  for (const trigger of triggers) {
    if (trigger.dropped) continue;
    if (joinLastMeeting(trigger, persons, s, state)) continue;
    const previous = triggers[triggers.indexOf(trigger) - 1];
    // "بعد شهر على زيارة كيم إلى بكين ولقائه شي": a noun joined by و to an earlier event named for
    // reference is part of it, with its date.
    const joined =
      previous !== undefined &&
      trigger.word.form === "noun" &&
      previous.word.form === "noun" &&
      /^و/.test(s.tokens[trigger.index]?.norm ?? "") &&
      trigger.index - previous.index <= 8 &&
      isReference(previous, s.tokens);
    const led = trigger.purpose || joined ? previous : undefined;
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
    if (besides && trigger !== besides.reference && (!date || date.source === "default")) date = besides.date;
    // "في زيارة تستمر ثلاثة أيام، تُعقد خلالها القمة": held during the visit just told, on its days.
    const duringVisit = s.tokens
      .slice(Math.max(0, trigger.index - 2), trigger.index + 2)
      .some((t) => isIn(DURING, t));
    const visit = [...events].reverse().find((e) => e.type === "visit");
    const weak = date?.precision !== "day" || date.source === "default";
    if (duringVisit && visit?.precision === "day" && weak && !trigger.planned)
      date = { date: visit.date as string, precision: "day", source: visit.dateSource };
    dates.set(trigger, date);
    // "بعد قمة بوتين وكيم" with no date: an earlier event the report's day would misdate.
    if ((isReference(trigger, s.tokens) || joined) && date?.source === "default") continue;
    const mine = persons.filter((p, k) => owner[k] === trigger && !isSilencedSpeaker(p, trigger, frames));
    const built =
      trigger.kind === "visit"
        ? buildVisits(trigger, mine, persons, date, s, state)
        : buildMeeting(trigger, mine, persons, date, frames, s, state);
    const earlierWords = [...events];
    for (const event of built) {
      // One journey per traveller and sentence, however many travel words tell it: "وصل إلى فلاديفوستوك
      // بعد أن عبر الحدود عند خاسان" (one word listing several places is several visits).
      const repeated = earlierWords.some(
        (e) => e.type === "visit" && e.date === event.date && sameParticipants(e, event),
      );
      if (event.type === "visit" && repeated) continue;
      events.push(event);
      state.last = { event, paragraph: s.sentence.paragraph };
      state.history.push(event);
    }
  }
  return withoutPartialPlans(events);
}

/** "في اليوم السابق للقاء ميدفيديف"، "عشية القمة"، "غداة لقائه": a day counted from another event. */
const DAY_BESIDES: [string[], number][] = [
  [["اليوم", "السابق"], 1],
  [["اليوم", "التالي"], -1],
  [["عشيه"], 1],
  [["غداه"], -1],
];

/**
 * The day an event word of the sentence takes from another event it is counted from, when the article
 * told that event with its day: "في اليوم السابق للقاء ميدفيديف، كان كيم قد أجرى محادثات مع …".
 */
function readDayBesides(
  s: SentenceState,
  triggers: Trigger[],
  persons: PersonMention[],
  owner: (Trigger | null)[],
  state: ArticleState,
): { reference: Trigger; date: ChosenDate } | null {
  for (const [phrase, back] of DAY_BESIDES) {
    const at = s.tokens.findIndex((_, k) => phrase.every((w, n) => forms(s.tokens[k + n]).includes(w)));
    if (at < 0) continue;
    const reference = triggers.find(
      (t) => t.index >= at + phrase.length && t.index <= at + phrase.length + 1,
    );
    if (!reference) continue;
    const ids = persons.filter((_, k) => owner[k] === reference).map((p) => p.ref?.entity.id);
    const told = [...state.history]
      .reverse()
      .find(
        (e) =>
          e.precision === "day" &&
          e.dateSource === "explicit" &&
          e.type === reference.kind &&
          e.participants.some((p) => ids.includes(p.id)),
      );
    if (told?.date) return { reference, date: shiftDate(told.date, "day", back) };
  }
  return null;
}

/**
 * "وحضر اللقاء وزير الخارجية لافروف": the people who attended the meeting reported just before are
 * participants of it, not a meeting of their own.
 */
function joinLastMeeting(trigger: Trigger, persons: PersonMention[], s: SentenceState, state: ArticleState) {
  const before = [s.tokens[trigger.index - 1], s.tokens[trigger.index - 2]];
  if (trigger.kind !== "meeting" || !before.some((t) => isIn(ATTEND_VERBS, t))) return false;
  // The definite noun (اللقاء، المحادثات) points back to the meeting the article reports, its latest one,
  // not to a background meeting named in between ("خلال لقائهما في بكين الشهر الماضي").
  const definite = /^(و|ف)?(ال|بال|في ال)/.test(s.tokens[trigger.index]?.norm ?? "");
  const meetings = state.history.filter((e) => e.type === "meeting");
  const last = meetings.reduce<ExtractedEvent | undefined>(
    (best, e) => (!best || (e.date ?? "") >= (best.date ?? "") ? e : best),
    undefined,
  );
  if (!definite || !last) return false;
  const { participants } = last;
  for (const p of persons)
    if (p.ref && !p.absent && !participants.some((q) => q.id === p.ref?.entity.id))
      participants.push(p.ref.entity);
  participants.sort((a, b) => a.id.localeCompare(b.id));
  return true;
}

/**
 * "سيتوجه إلى واشنطن للقاء ترامب", "سيقوم بزيارة … تلبية لدعوة من بوتين": one plan of a sentence, told
 * as a trip and as a meeting, is one planned event of everybody it names.
 */
function withoutPartialPlans(events: ExtractedEvent[]): ExtractedEvent[] {
  const plans = events.filter((e) => e.type === "planned");
  const ids = (e: ExtractedEvent) => e.participants.map((p) => p.id);
  return events.filter(
    (e) =>
      e.type !== "planned" ||
      !plans.some(
        (other) =>
          other !== e &&
          other.participants.length > e.participants.length &&
          ids(e).every((id) => ids(other).includes(id)),
      ),
  );
}

function sameParticipants(a: ExtractedEvent, b: ExtractedEvent): boolean {
  return a.participants.map((p) => p.id).join() === b.participants.map((p) => p.id).join();
}

/**
 * A meeting, call or planned meeting of the people given to the word, completed by the other side a
 * pronoun, a counterpart or a dual points back to; none with fewer than two people.
 */
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
  // A plan is not held where a trip the sentence tells as done went ("توجه بومبيو إلى بيونغ يانغ … تمهيداً
  // لقمة"): that destination is the trip's.
  const tripDone = state.history.some((e) => e.type === "visit" && e.evidence === s.sentence.text);
  let place =
    chooseMeetingPlace(trigger, s, frames, state.gazetteer) ??
    (trigger.planned && tripDone ? null : destinationOfSentence(s, trigger, state.gazetteer));
  const unresolved: PersonMention[] = [];
  for (const p of mine) {
    if (p.spouse || p.companion || (p.host && !trigger.planned)) continue;
    if (p.absent) continue;
    if (p.ref) add(p.ref);
    else if (p.counterpart) unresolved.push(p);
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
    trigger.purpose ||
    mine.some((p) => p.counterpart);
  // "وكان في استقبال الرئيس الروسي لدى وصوله … الرئيس الصيني": the host may stand anywhere in the sentence.
  // With a pronoun (في استقباله X) the guest is the pronoun's antecedent, found below.
  const reception =
    isIn(RECEPTION, s.tokens[trigger.index]) &&
    s.tokens[trigger.index - 1]?.norm === "في" &&
    !trigger.word.pronoun;
  if (reception && refs.length === 1) {
    const other = all
      .filter(
        (p) => p.ref && !p.absent && !p.spouse && !p.companion && p.ref.entity.id !== refs[0]?.entity.id,
      )
      .sort((a, b) => Math.abs(a.start - trigger.index) - Math.abs(b.start - trigger.index))[0];
    add(other?.ref ?? null);
  }
  // "بعد زيارة … التقى خلالها كيم": who met during the visit is its traveller.
  const during = [s.tokens[trigger.index + 1], s.tokens[trigger.index - 1]].some((t) => isIn(DURING, t));
  if (during && refs.length + unresolved.length === 1 && trigger.kind === "meeting") {
    const visit = [...state.history]
      .reverse()
      .find((e) => e.type === "visit" && e.evidence === s.sentence.text);
    const traveller = visit?.participants[0];
    const ref = all.find((p) => p.ref?.entity.id === traveller?.id)?.ref;
    if (ref && ref.entity.id !== refs[0]?.entity.id) add(ref);
  }
  if (refs.length + unresolved.length < 2 && pointsBack) {
    const antecedent = findAntecedent(trigger, all, refs, mine, s, state.gazetteer);
    add(antecedent);
  }
  // "وصل ميدفيديف … . وأجرى محادثات مع جو يونغ وون": a verb without a subject of its own continues the
  // story of the traveller just told.
  if (
    refs.length + unresolved.length === 1 &&
    trigger.word.form !== "noun" &&
    !all.some((p) => p.start < trigger.index)
  ) {
    const last = state.last;
    const traveller = last?.event.type === "visit" ? last.event.participants[0] : undefined;
    const fresh = last && s.sentence.paragraph - last.paragraph <= 1;
    if (traveller && fresh && traveller.id !== refs[0]?.entity.id) {
      refs.push({ entity: traveller, person: state.gazetteer.personById(traveller.id) ?? null });
      // Met where the traveller went, unless the sentence says otherwise.
      const went = last?.event.place ? state.gazetteer.placeById(last.event.place.id) : undefined;
      if (!place && went && last) place = { place: went, path: last.event.placePath };
    }
  }
  for (const p of unresolved)
    add(resolveCounterpart(p, refs[0] ?? null, place?.place ?? null, s.titleDate, state.gazetteer));
  if (refs.length === 0 && trigger.kind === "meeting") {
    for (const leader of summitLeaders(trigger, s, state.gazetteer, date)) add(leader);
  }
  // "وفقاً لوصية الزعيمين الراحلين": the dead meet nobody after their death.
  const living = refs.filter((r) => isAlive(r, date));
  if (living.length < 2) return [];
  refs.splice(0, refs.length, ...living);
  // A call has no single place: each side speaks from home.
  const where = trigger.kind === "call" ? null : place;
  return splitObjects(trigger, mine, refs, s).map((pair) =>
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
 * A visit of each traveller (the one the word names, with a named companion or spouse) to each place the
 * word names, unless the traveller is coming home; a planned one includes the host who invited them.
 */
function buildVisits(
  trigger: Trigger,
  mine: PersonMention[],
  all: PersonMention[],
  date: ChosenDate | null,
  s: SentenceState,
  state: ArticleState,
): ExtractedEvent[] {
  // "زيارته", "زيارة له": the traveller is named elsewhere in the sentence.
  const pronoun = trigger.word.pronoun || /^(له|لها)$/.test(s.tokens[trigger.index + 1]?.norm ?? "");
  // "بعد زيارته في تموز/يوليو 2023": a visit word without a place repeats the destination named before.
  const named = chooseDestinations(trigger, s, state.gazetteer);
  const before = pronoun ? destinationBefore(trigger, s, state.gazetteer) : null;
  const places = named.length > 0 ? named : before ? [before] : [];
  const [place] = places;
  if (!place) return [];
  const eligible = mine.filter((p) => p.ref && !p.absent && !p.host);
  // A visit noun names its traveller close by (زيارة لافروف، زيارة يقوم بها بوتين، اختتم لافروف زيارة);
  // a verb may have its subject anywhere before it (ليصبح أول رئيس … تطأ قدماه).
  const isNoun = trigger.word.form === "noun";
  // "آخر زيارة … إلى الصين قد قام بها كيم جونغ إيل": the doer named after قام بها, however far.
  const doer = findDoer(s.tokens, trigger.index);
  const close = (p: PersonMention) =>
    !isNoun ||
    pronoun ||
    p.start === doer ||
    (p.start > trigger.index ? p.start - trigger.index <= 6 : trigger.index - p.end < 3);
  // The traveller named after the word (زيارة بيلوسي) before one named before it (انتقد بوتين زيارة …).
  const distance = (p: PersonMention) =>
    p.start > trigger.index ? p.start - trigger.index : (trigger.index - p.start) * 1.5;
  const free = (p: PersonMention) => p.ref && !p.absent && !p.host && !p.companion;
  const gender = pronounGender(s.tokens[trigger.index]);
  // A traveller is a visitor where they go: "التقى كيم بوتين خلال زيارته لروسيا" is Kim's trip.
  const home = place.place.country ?? place.place.id;
  const fits = (p: PersonMention) =>
    (!gender || !p.ref?.person || p.ref.person.gender === gender) && p.ref?.person?.country !== home;
  // "لدى وصوله", "زيارته": the pronoun names the traveller, before the word or, failing that, after it.
  // "بوتين، الذي يبدأ في 31 آب زيارة إلى الصين": the relative clause's antecedent travels.
  const relative = isNoun && !pronoun ? relativeAntecedent(all, s.tokens, trigger.index, 7) : null;
  let main =
    relative && free(relative)
      ? relative
      : isNoun && pronoun
        ? (all.filter((p) => p.start < trigger.index && free(p) && fits(p)).at(-1) ??
          all.find((p) => p.start > trigger.index && free(p) && fits(p)))
        : eligible
            .filter((p) => !p.companion && !p.spouse && close(p))
            .sort((a, b) => distance(a) - distance(b))[0];
  if (!main && !isNoun) main = relativeAntecedent(all, s.tokens, trigger.index) ?? undefined;
  if (!main && !isNoun) main = openingPronoun(s, state) ?? undefined;
  if (!main && !isNoun) main = all.find((p) => p.start < trigger.index && free(p));
  if (!main?.ref || !isAlive(main.ref, date)) return [];
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
  const events: ExtractedEvent[] = [];
  const earlier = readEarlierVisit(s.tokens, trigger.index, state.published);
  for (const traveller of travellers) {
    const participants = [
      traveller.entity,
      ...hosts.map((h) => h.entity).filter((h) => h.id !== traveller.entity.id),
    ];
    for (const destination of places) {
      // Coming home is no visit.
      if (traveller.person?.country === (destination.place.country ?? destination.place.id)) continue;
      events.push(makeEvent(trigger, participants, date, destination, s));
      if (earlier && !trigger.planned)
        events.push({ ...makeEvent(trigger, [traveller.entity], earlier, destination, s), type: "visit" });
    }
  }
  return events;
}

const OPENING_PRONOUNS = new Map([
  ["هو", "m"],
  ["وهو", "m"],
  ["هي", "f"],
  ["وهي", "f"],
]);

/** "وهي التي سبق أن زارت سيول": a sentence opening with a pronoun speaks of the previous one's person. */
function openingPronoun(s: SentenceState, state: ArticleState): PersonMention | null {
  const gender = OPENING_PRONOUNS.get(s.tokens[0]?.norm ?? "");
  if (!gender || s.mentions.persons.some((p) => p.start < 3)) return null;
  return state.previousPersons.find((p) => p.ref?.person?.gender === gender) ?? null;
}

const DOER_VERBS = new Set(["قام", "قامت", "يقوم", "تقوم"]);

/** The token after "قام بها" within twelve words of a visit noun, or -1. */
function findDoer(tokens: Token[], index: number): number {
  for (let j = index + 1; j < Math.min(tokens.length - 1, index + 12); j++)
    if (DOER_VERBS.has(tokens[j]?.norm ?? "") && tokens[j + 1]?.norm === "بها") return j + 2;
  return -1;
}

/** False for a person who died before the event's date (compared at the date's precision). */
function isAlive(ref: PersonRef, date: ChosenDate | null): boolean {
  const died = ref.person?.died;
  if (!died || !date) return true;
  return died.slice(0, date.date.length) >= date.date;
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
  // "منذ عام 2000": the year itself.
  const year =
    /^\d{4}$/.test(window[lead + 2]?.norm ?? "") &&
    OFFSET_UNITS.get(window[lead + 1]?.norm ?? "")?.unit === "year";
  if (year) return { date: window[lead + 2]?.norm ?? "", precision: "year", source: "explicit" };
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
