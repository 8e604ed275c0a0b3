import type { EntityRef, EventFilter, EventRecord, EventType } from "../events/event-types.ts";
import type { QuestionDirectory } from "./question-directory.ts";
import type { EntityMention, KnownEntity, ParsedQuestion } from "./question-types.ts";

/**
 * The events that answer a parsed question, read through findEvents (indexed by entity, place, type and
 * date) and narrowed by the rules of each question kind:
 *  - who_met / when_met / where_met / count: in-person meetings only (a visit counts when the person
 *    visited took part in it); a call or a planned meeting is not a meeting;
 *  - visits: visits to the place or a place inside it, and meetings held there with a foreign participant
 *    (the visitor) when no visit of theirs is recorded for that day, answered as that visitor's visit;
 *  - events_of: every event of the subject, or the kinds the question names.
 */

export interface Subject {
  /** The entity shown as the subject. */
  entity: KnownEntity;
  /** Every id the subject stands for (the holders of a title). */
  ids: string[];
  /** The people behind `ids`. */
  holders: KnownEntity[];
  /** A title subject keeps only events where one of its holders was in office on the day. */
  title?: { role: string; country: string };
  /** Other people a bare name may mean (كيم → كيم يو جونغ), most prominent first. */
  alternatives: KnownEntity[];
  /** The words of the question that named it. */
  text: string;
}

export interface Selection {
  subjects: Subject[];
  place: KnownEntity | null;
  events: EventRecord[];
  /** For `visits`: the visitors of each event (by event id). */
  visitors: Map<string, string[]>;
  /** Meetings without a place, placed by the trip one of their participants was on (by event id). */
  inferred: Map<string, { place: EntityRef; visitor: EntityRef }>;
}

export type FindEvents = (filter: EventFilter) => EventRecord[];

function toSubject(mention: EntityMention): Subject {
  const [top, ...rest] = mention.candidates as [KnownEntity, ...KnownEntity[]];
  if (mention.viaTitle?.country) {
    return {
      entity: top,
      ids: mention.candidates.map((c) => c.id),
      holders: mention.candidates,
      title: { role: mention.viaTitle.role, country: mention.viaTitle.country },
      alternatives: [],
      text: mention.text,
    };
  }
  return {
    entity: top,
    ids: [top.id],
    holders: [top],
    alternatives: rest.filter((c) => c.kind === "person"),
    text: mention.text,
  };
}

const MEETING_TYPES: EventType[] = ["meeting", "visit"];

export function selectEvents(
  parsed: ParsedQuestion,
  directory: QuestionDirectory,
  find: FindEvents,
): Selection {
  const subjects = parsed.people.map(toSubject);
  const place = parsed.places[0]?.candidates[0] ?? null;
  const range = { from: parsed.time?.from ?? undefined, to: parsed.time?.to ?? undefined };
  const visitors = new Map<string, string[]>();
  const inferred = new Map<string, { place: EntityRef; visitor: EntityRef }>();

  if (parsed.intent === "search") return { subjects, place, events: [], visitors, inferred };
  if (subjects.length === 0) {
    if (!place) return { subjects, place, events: [], visitors, inferred };
    const events =
      parsed.intent === "visits"
        ? selectVisits(place, parsed, directory, find, visitors)
        : find({ placeId: place.id, types: parsed.types ?? undefined, ...range });
    return { subjects, place, events: finish(events, parsed), visitors, inferred };
  }

  // "متى زار بوتين بيونغ يانغ؟": the subject's own trips to the place, as `visits` reads them.
  if (isTripQuestion(parsed, subjects) && place) {
    const ids = (subjects[0] as Subject).ids;
    const events = selectVisits(place, parsed, directory, find, visitors, ids);
    return { subjects, place, events: finish(events, parsed), visitors, inferred };
  }
  const askedTypes = parsed.types;
  const onlyCalls = askedTypes?.includes("call") === true && !askedTypes.includes("meeting");
  let types: EventType[] | undefined;
  if (parsed.intent === "events_of") types = askedTypes ?? undefined;
  else if (onlyCalls) types = ["call"];
  else if (isTripQuestion(parsed, subjects)) types = ["visit"];
  // "مع من التقى أو تحدث هاتفياً …؟", "Who did Xi meet or call?": the calls were asked for too.
  else if (askedTypes?.includes("call")) types = [...MEETING_TYPES, "call"];
  else types = MEETING_TYPES;

  const events = findForSubjects(subjects, find, { types, ...range }).filter((event) => {
    if (!subjects.every((s) => holdsTitle(s, event, directory))) return false;
    // A visit answers a "met" question only when someone beyond the traveller took part.
    if (meetingsAsked(parsed, types) && event.type === "visit" && event.participants.length < 2) return false;
    if (parsed.intent !== "events_of") {
      const trip = inferPlace(event, find);
      if (trip) inferred.set(event.id, trip);
    }
    const at = event.place ?? inferred.get(event.id)?.place ?? null;
    if (place && !isAt(at, place, directory, event.type === "visit")) return false;
    if (parsed.nationality && !hasCounterpartFrom(event, subjects, parsed.nationality, directory))
      return false;
    return true;
  });
  const counterparts = meetingsAsked(parsed, types) && subjects.length === 1;
  const kept = counterparts ? dropCompanions(events, subjects[0] as Subject, directory) : events;
  return { subjects, place, events: finish(kept, parsed), visitors, inferred };
}

function meetingsAsked(parsed: ParsedQuestion, types: EventType[] | undefined): boolean {
  return parsed.intent !== "events_of" && types?.includes("meeting") === true;
}

/**
 * A compatriot of the subject "met" on the day the subject met a foreign guest was at that meeting with
 * the subject (a sister, a spouse, an aide in the delegation): a companion, not someone the subject met
 * (FORMAT.md: spouses present at a leaders' meeting are no extra meetings).
 */
function dropCompanions(
  events: EventRecord[],
  subject: Subject,
  directory: QuestionDirectory,
): EventRecord[] {
  const own = new Set(subject.ids);
  const country = (id: string): string | null => directory.entity(id)?.country ?? null;
  const home = country(subject.entity.id);
  if (!home) return events;
  const others = (e: EventRecord): string[] => e.participants.map((p) => p.id).filter((id) => !own.has(id));
  const isForeign = (id: string): boolean => {
    const c = country(id);
    return c !== null && c !== home;
  };
  const foreign = events.filter((e) => e.type === "meeting" && others(e).some(isForeign));
  return events.filter((e) => {
    const rest = others(e);
    if (rest.length === 0 || !rest.every((id) => country(id) === home)) return true;
    return !foreign.some((f) => overlaps(f.date, e.date));
  });
}

/** Whether two dates of any precision may be the same day. */
function overlaps(a: string | null, b: string | null): boolean {
  const [aStart, aEnd] = toPeriod(a);
  const [bStart, bEnd] = toPeriod(b);
  if (!aStart || !aEnd || !bStart || !bEnd) return false;
  return aStart <= bEnd && bStart <= aEnd;
}

/**
 * Only events known to fall within the asked time, in the asked order: the store returns every event whose
 * period overlaps it, but a meeting dated only "2025" is not known to have been "in October 2025".
 */
function finish(events: EventRecord[], parsed: ParsedQuestion): EventRecord[] {
  const from = parsed.time?.from ?? null;
  const to = parsed.time?.to ?? null;
  const inside = events.filter((event) => {
    const [start, end] = toPeriod(event.date);
    return (!from || (start !== null && start >= from)) && (!to || (end !== null && end <= to));
  });
  return sortByDate(foldVagueReports(inside), parsed.order);
}

/**
 * An event dated only by its month or year, with the same kind and people as an event dated within that
 * period, is the same event reported vaguely (a background line "في أبريل" next to the summit of 27 April):
 * the precise one stays, citing the articles of both.
 */
function foldVagueReports(events: EventRecord[]): EventRecord[] {
  const key = (e: EventRecord): string =>
    `${e.type} ${e.participants
      .map((p) => p.id)
      .sort()
      .join(" ")}`;
  const kept = new Map<string, EventRecord>(events.map((e) => [e.id, e]));
  for (const listed of events) {
    const vague = kept.get(listed.id) ?? listed;
    const [start, end] = toPeriod(vague.date);
    const length = vague.date?.length ?? 10;
    if (!start || !end || length === 10) continue;
    const precise = [...kept.values()].find(
      (e) =>
        e.id !== vague.id &&
        key(e) === key(vague) &&
        e.date !== null &&
        e.date.length > length &&
        e.date >= start &&
        e.date.slice(0, 10) <= end,
    );
    if (!precise) continue;
    kept.delete(vague.id);
    const cited = new Set(precise.articles.map((a) => a.id));
    kept.set(precise.id, {
      ...precise,
      articles: [...precise.articles, ...vague.articles.filter((a) => !cited.has(a.id))],
    });
  }
  return [...kept.values()];
}

/** When, where or how often one person travelled (a visit word and no meeting word; not "who visited X"). */
export function isTripQuestion(parsed: ParsedQuestion, subjects: { ids: string[] }[]): boolean {
  const types = parsed.types ?? [];
  return (
    subjects.length === 1 &&
    parsed.intent !== "who_met" &&
    parsed.intent !== "events_of" &&
    types.includes("visit") &&
    !types.includes("meeting")
  );
}

/** One findEvents call per combination of the subjects' ids (a title may stand for several people). */
function findForSubjects(subjects: Subject[], find: FindEvents, filter: EventFilter): EventRecord[] {
  let combos: string[][] = [[]];
  for (const subject of subjects) combos = combos.flatMap((combo) => subject.ids.map((id) => [...combo, id]));
  const byId = new Map<string, EventRecord>();
  for (const ids of combos)
    for (const event of find({ ...filter, entityIds: ids })) byId.set(event.id, event);
  return [...byId.values()];
}

function holdsTitle(subject: Subject, event: EventRecord, directory: QuestionDirectory): boolean {
  if (!subject.title) return true;
  const [from, to] = toPeriod(event.date);
  const holders = directory.holders(subject.title.role, subject.title.country, from, to).map((h) => h.id);
  return event.participants.some((p) => holders.includes(p.id));
}

/**
 * Whether an event took place at the asked place: there or inside it; for a meeting also at a place that
 * contains it (a meeting placed only in "North Korea" may have been in Pyongyang), never for a visit.
 */
function isAt(
  at: EntityRef | null,
  place: KnownEntity,
  directory: QuestionDirectory,
  strict: boolean,
): boolean {
  if (!at) return false;
  if (directory.isWithin(at.id, place.id)) return true;
  return !strict && directory.isWithin(place.id, at.id);
}

/**
 * Where a meeting whose text names no place was held, when one of its participants was on a trip then
 * (Lavrov arrives in Pyongyang on the 18th; "Kim received Lavrov" on the 19th took place there).
 */
function inferPlace(event: EventRecord, find: FindEvents): { place: EntityRef; visitor: EntityRef } | null {
  if (event.place || event.type === "visit" || !event.date) return null;
  const [start, end] = toPeriod(event.date);
  if (!start || !end) return null;
  const from = new Date(Date.parse(start) - (TRIP_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  for (const visitor of event.participants) {
    const trip = find({ entityIds: [visitor.id], types: ["visit"], from, to: end }).find(
      (visit) => visit.place && isDuring(event.date, visit.date),
    );
    if (trip?.place) return { place: trip.place, visitor };
  }
  return null;
}

function hasCounterpartFrom(
  event: EventRecord,
  subjects: Subject[],
  country: string,
  directory: QuestionDirectory,
): boolean {
  const own = new Set(subjects.flatMap((s) => s.ids));
  return event.participants.some((p) => !own.has(p.id) && directory.entity(p.id)?.country === country);
}

function selectVisits(
  place: KnownEntity,
  parsed: ParsedQuestion,
  directory: QuestionDirectory,
  find: FindEvents,
  visitors: Map<string, string[]>,
  travellers?: string[],
): EventRecord[] {
  const range = { from: parsed.time?.from ?? undefined, to: parsed.time?.to ?? undefined };
  const host = place.kind === "place" && place.placeKind === "country" ? place.id : (place.country ?? null);
  const from = (id: string): string | null | undefined => directory.entity(id)?.country;
  const wanted = (id: string): boolean =>
    (parsed.nationality === null || from(id) === parsed.nationality) &&
    (!travellers || travellers.includes(id));
  // With travellers named, each of them narrows the indexed lookup.
  const lookups = (travellers ?? [undefined]).map((id) => (id ? { entityIds: [id] } : {}));
  const findAll = (types: EventType[]): EventRecord[] => [
    ...new Map(
      lookups.flatMap((by) => find({ ...by, placeId: place.id, types, ...range })).map((e) => [e.id, e]),
    ).values(),
  ];

  const visits = findAll(["visit"]).filter((e) => e.participants.some((p) => wanted(p.id)));
  for (const visit of visits)
    visitors.set(
      visit.id,
      visit.participants.map((p) => p.id),
    );
  const result = [...visits];
  if (host === null) return result;
  // A meeting held at the place is a visit of its foreign participants (a summit in Pyongyang).
  for (const meeting of findAll(["meeting"])) {
    const guests = meeting.participants
      .map((p) => p.id)
      .filter((id) => {
        const country = from(id);
        return country !== undefined && country !== null && country !== host && wanted(id);
      });
    const covered = guests.filter((id) =>
      visits.some((v) => v.participants.some((p) => p.id === id) && isDuring(meeting.date, v.date)),
    );
    if (guests.length === 0 || covered.length === guests.length) continue;
    // Two meetings of one trip (talks with the minister, then the president) are one visit.
    const sameTrip = result.some(
      (e) =>
        sameIds(visitors.get(e.id) ?? [], guests) &&
        (isDuring(meeting.date, e.date) || isDuring(e.date, meeting.date)),
    );
    if (sameTrip) continue;
    visitors.set(meeting.id, guests);
    result.push(asVisit(meeting, guests));
  }
  return result;
}

/**
 * The visit a meeting at the place shows: its guests travelled there. The answer lists the travellers, not
 * their hosts (asked who visited Pyongyang, Kim Jong Un is no answer); the id stays the stored meeting's.
 */
function asVisit(meeting: EventRecord, guests: string[]): EventRecord {
  return {
    ...meeting,
    type: "visit",
    participants: meeting.participants.filter((p) => guests.includes(p.id)),
  };
}

// A visit is recorded on its first day; meetings in the days after it belong to the same trip.
const TRIP_DAYS = 7;

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** Whether a meeting's date may fall within a trip that started on visitDate. */
function isDuring(meetingDate: string | null, visitDate: string | null): boolean {
  if (!meetingDate || !visitDate) return false;
  if (meetingDate.length < 10 || visitDate.length < 10)
    return meetingDate.startsWith(visitDate) || visitDate.startsWith(meetingDate);
  const days = (Date.parse(meetingDate) - Date.parse(visitDate)) / 86_400_000;
  return days >= 0 && days < TRIP_DAYS;
}

/** The first and last day a date of any precision covers. */
export function toPeriod(date: string | null): [string | null, string | null] {
  if (!date) return [null, null];
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  if (date.length === 7) {
    const [y, m] = date.split("-").map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, "0")}`];
  }
  return [date, date];
}

/** Newest first (undated last), or oldest first when the question asks for the first ones. */
function sortByDate(events: EventRecord[], direction: "newest" | "oldest"): EventRecord[] {
  const sign = direction === "newest" ? -1 : 1;
  return [...events].sort((a, b) => {
    if (!a.date || !b.date) return a.date ? -1 : b.date ? 1 : 0;
    return sign * (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  });
}
