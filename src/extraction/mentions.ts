import type { ExtractedEntity } from "../events/extracted-event.ts";
import { cliticForms, normalizeArabic, type Token } from "../text/normalize.ts";
import { spellingVariants } from "../text/variants.ts";
import { discoveredPerson, discoverName, discoverNameAfterOrgan } from "./discover-person.ts";
import {
  ABSENT_BEFORE,
  CAPITAL_NOUNS,
  COMPANION_MARKERS,
  COUNTERPARTS,
  GENERIC_MINISTER,
  INVITATION_WORDS,
  LOCATIVES,
  MESSAGE_WORDS,
  PLACE_HEADS,
  PLACE_NOUNS,
  SPOUSE_WORDS,
  STOP_NAME_WORDS,
  TERRITORY_NOUNS,
  TITLE_FILLERS,
  TITLE_WORDS,
  TOPIC_NOUNS,
} from "./event-lexicon.ts";
import type { Gazetteer, GazetteerMatch, Person, Place } from "./gazetteer.ts";

/**
 * The people and places named in one sentence. People are found by name (with clitics and spelling
 * variants, through the gazetteer), by a bare surname (resolved later against the people the article
 * introduced), by a title resolved on the article's date (وزير الدفاع الروسي → the holder that day), by a
 * counterpart word (نظيره الكوري الشمالي), or discovered from a title followed by an unknown name.
 * Each person carries the context that decides whether they can take part in an event: a relative or an
 * envoy (شقيقة كيم), a sender of greetings (تمنيات الزعيم), a spouse, a companion, an inviting host.
 */

export interface PersonRef {
  entity: ExtractedEntity;
  /** The gazetteer entry, null for a discovered person. */
  person: Person | null;
}

export interface PersonMention {
  /** Token indices [start, end) of the whole mention, title included. */
  start: number;
  end: number;
  /** Null while unresolved: a bare surname before the article pass, a counterpart without a name. */
  ref: PersonRef | null;
  via: "name" | "surname" | "title" | "counterpart" | "discovered";
  /** Candidates of a bare surname, most prominent first. */
  candidates: Person[];
  /** A counterpart's gender and the country its demonym names. */
  counterpart: { country: string | null } | null;
  /** Somebody's relative or envoy, a sender of greetings: not a participant. */
  absent: boolean;
  spouse: boolean;
  companion: boolean;
  /** Named as the host who invited a traveller (تلبية لدعوة من X). */
  host: boolean;
  /** Written with a leading و right after another person (X والزعيم Y): coordinated with it. */
  coordinated: boolean;
}

export interface PlaceMention {
  start: number;
  end: number;
  place: Place;
  /** Introduced by في، إلى، ب… (possibly through a head noun: في مدينة وونسان). */
  locative: boolean;
  /** Preceded by "من": where somebody came from. */
  origin: boolean;
}

export interface SentenceMentions {
  persons: PersonMention[];
  places: PlaceMention[];
  /** Token indices covered by any gazetteer span or mention (not trigger words). */
  covered: Set<number>;
}

export interface MentionContext {
  gazetteer: Gazetteer;
  /** YYYY-MM-DD: titles are resolved to their holder on this day. */
  date: string;
  /** The report's own day: "الزعيم الحالي" is the holder then, whatever day the sentence tells of. */
  reportDay: string;
  /** People already named in the article, latest last: a title without a country means one of them. */
  recent: PersonRef[];
  /** Surnames of people discovered earlier in the article (أوشاكوف after يوري أوشاكوف). */
  discoveredSurnames: Map<string, PersonRef>;
}

export function personRef(person: Person): PersonRef {
  return {
    entity: {
      id: person.id,
      kind: "person",
      nameEn: person.nameEn,
      nameAr: person.nameAr,
      discovered: false,
    },
    person,
  };
}

export function placeEntity(place: Place): ExtractedEntity {
  return { id: place.id, kind: "place", nameEn: place.nameEn, nameAr: place.nameAr, discovered: false };
}

const MIN_SURNAME_LETTERS = 4;

const forms = (token: Token | undefined): string[] => (token ? cliticForms(token.norm) : []);
const isIn = (set: Set<string>, token: Token | undefined): boolean => forms(token).some((f) => set.has(f));

export function findMentions(tokens: Token[], text: string, ctx: MentionContext): SentenceMentions {
  const { gazetteer } = ctx;
  const spans = new Map(gazetteer.scan(tokens).map((s) => [s.start, s]));
  const persons: PersonMention[] = [];
  const places: PlaceMention[] = [];
  const covered = new Set<number>();
  const cover = (from: number, to: number) => {
    for (let k = from; k < to; k++) covered.add(k);
  };
  const gap = (a: number, b: number): string => text.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0);

  const addPerson = (mention: Omit<PersonMention, keyof MentionFlags>) => {
    persons.push({ ...mention, ...mentionFlags(tokens, mention.start, persons.at(-1), gap) });
    if (mention.ref) ctx.recent.push(mention.ref);
    cover(mention.start, mention.end);
  };

  let i = 0;
  while (i < tokens.length) {
    const span = spans.get(i);
    const counterpartGender = forms(tokens[i])
      .map((f) => COUNTERPARTS.get(f))
      .find(Boolean);
    if (counterpartGender) {
      const after = readQualifiers(tokens, i + 1, spans);
      const named = readName(tokens, after.next, spans, gap, ctx);
      addPerson({
        start: i,
        end: named?.end ?? after.next,
        ref: named?.ref ?? null,
        via: named ? named.via : "counterpart",
        candidates: named?.candidates ?? [],
        counterpart: { country: after.country },
      });
      i = named?.end ?? after.next;
      continue;
    }
    const roleMatch = span?.matches.find((m) => m.kind === "role");
    if (span && roleMatch?.kind === "role") {
      const mention = readTitle(tokens, i, span.length, roleMatch.entity.id, spans, gap, ctx);
      // "سيرغي شويغو، أمين مجلس الأمن الروسي": a title right after a name describes that person.
      const previous = persons.at(-1);
      const country = readQualifiers(tokens, i + span.length, spans).country;
      const holds = previous?.ref?.person?.offices.some(
        (o) => o.role === roleMatch.entity.id && (country === null || o.country === country),
      );
      const apposition = mention?.via === "title" && previous?.end === i && previous.via !== "title" && holds;
      if (mention && apposition) {
        cover(i, mention.end);
        i = mention.end;
        continue;
      }
      if (mention) {
        addPerson(mention);
        i = mention.end;
        continue;
      }
      cover(i, i + span.length);
      i += span.length;
      continue;
    }
    if (!span && isIn(GENERIC_MINISTER, tokens[i])) {
      const mention = readGenericMinister(tokens, i, spans, gap, ctx);
      if (mention) {
        addPerson(mention);
        i = mention.end;
        continue;
      }
    }
    if (!span && isIn(TITLE_WORDS, tokens[i])) {
      const after = readQualifiers(tokens, i + 1, spans);
      const named =
        readName(tokens, after.next, spans, gap, ctx) ?? readNameAfterOrgan(tokens, after.next, spans, gap);
      if (named && named.via === "discovered") {
        addPerson({
          start: i,
          end: named.end,
          ref: named.ref,
          via: "discovered",
          candidates: [],
          counterpart: null,
        });
        i = named.end;
        continue;
      }
    }
    if (!span) {
      const surname = forms(tokens[i])
        .map((f) => ctx.discoveredSurnames.get(f))
        .find(Boolean);
      if (surname)
        addPerson({ start: i, end: i + 1, ref: surname, via: "name", candidates: [], counterpart: null });
      i++;
      continue;
    }
    const person = span.matches.filter((m) => m.kind === "person");
    const place = span.matches.find((m) => m.kind === "place");
    if (person.length > 0 && !(place && isLocative(tokens, i, place, gazetteer))) {
      const named = personFromMatches(person, i, span.length);
      if (!isIn(PLACE_HEADS, tokens[i - 1])) addPerson({ ...named, counterpart: null });
    } else if (place?.kind === "place") {
      places.push({
        start: i,
        end: i + span.length,
        place: place.entity,
        locative: isLocative(tokens, i, place, gazetteer),
        origin: isOrigin(tokens, i),
      });
    } else {
      const demonym = span.matches.find((m) => m.kind === "demonym");
      const capital = demonym?.kind === "demonym" ? capitalAfter(tokens, i, demonym.entity, gazetteer) : null;
      if (demonym?.kind === "demonym" && isIn(TERRITORY_NOUNS, tokens[i - 1])) {
        places.push({
          start: i - 1,
          end: i + span.length,
          place: demonym.entity,
          locative: true,
          origin: false,
        });
      } else if (capital) {
        places.push({
          start: i - 1,
          end: i + span.length,
          place: capital,
          locative: isLocative(tokens, i - 1, null, gazetteer),
          origin: false,
        });
      }
    }
    cover(i, i + span.length);
    i += span.length;
  }
  return { persons, places, covered };
}

type MentionFlags = Pick<PersonMention, "absent" | "spouse" | "companion" | "host" | "coordinated">;

function mentionFlags(
  tokens: Token[],
  start: number,
  previous: PersonMention | undefined,
  gap: (a: number, b: number) => string,
): MentionFlags {
  const before = tokens[start - 1];
  const twoBefore = tokens[start - 2];
  const first = tokens[start];
  const leadingWaw = Boolean(first && /^و/.test(first.norm) && cliticForms(first.norm).length > 1);
  return {
    absent: isIn(ABSENT_BEFORE, before) || isAddressee(tokens, start),
    spouse: isIn(SPOUSE_WORDS, before),
    companion: isIn(COMPANION_MARKERS, before) || isIn(COMPANION_MARKERS, twoBefore),
    host:
      isIn(INVITATION_WORDS, before) || (isIn(INVITATION_WORDS, twoBefore) && forms(before).includes("من")),
    coordinated: Boolean(
      previous &&
        ((previous.end === start && leadingWaw && !/[,،.]/.test(gap(start - 1, start))) ||
          isJoinedByQualifiers(tokens, previous.end, start, gap)),
    ),
  };
}

/**
 * "نظيريه الياباني تارو كونو والكورية الجنوبية كانغ كيونغ وا": a second person joined by و through the
 * qualifiers of its unnamed title.
 */
function isJoinedByQualifiers(
  tokens: Token[],
  from: number,
  to: number,
  gap: (a: number, b: number) => string,
): boolean {
  const bridge = tokens.slice(from, to);
  if (bridge.length === 0 || bridge.length > 3 || !/^و/.test(bridge[0]?.norm ?? "")) return false;
  if (/[,،.]/.test(gap(from - 1, to))) return false;
  return bridge.every((t) => cliticForms(t.norm).some((f) => f.startsWith("ال")));
}

/**
 * "نقل تحياته إلى الزعيم كيم"، "سلّمه رسالة شخصية من بوتين": whom a message goes to or comes from,
 * named after إلى/من within two words of the message, is not at the event.
 */
function isAddressee(tokens: Token[], start: number): boolean {
  const preposition = forms(tokens[start - 1]);
  if (!preposition.includes("الي") && !preposition.includes("من")) return false;
  return isIn(MESSAGE_WORDS, tokens[start - 2]) || isIn(MESSAGE_WORDS, tokens[start - 3]);
}

function personFromMatches(
  matches: GazetteerMatch[],
  start: number,
  length: number,
): Omit<PersonMention, keyof MentionFlags | "counterpart"> {
  const people = matches.flatMap((m) => (m.kind === "person" ? [m.entity] : []));
  const partial = matches.every((m) => m.partial);
  const top = people[0] as Person;
  if (partial && people.length > 0) {
    return { start, end: start + length, ref: null, via: "surname", candidates: people };
  }
  return { start, end: start + length, ref: personRef(top), via: "name", candidates: [] };
}

/** Demonyms or a country right after a title: "الروسي", "كوريا الشمالية" (construct), with fillers. */
function readQualifiers(
  tokens: Token[],
  from: number,
  spans: Map<number, { length: number; matches: readonly GazetteerMatch[] }>,
): { next: number; country: string | null; definite: boolean; current: boolean } {
  let j = from;
  let country: string | null = null;
  let definite = false;
  let current = false;
  for (let guard = 0; guard < 4; guard++) {
    if (isIn(TITLE_FILLERS, tokens[j])) {
      current ||= /^الحالي/.test(tokens[j]?.norm ?? "");
      j++;
      continue;
    }
    const span = spans.get(j);
    const demonym = span?.matches.find((m) => m.kind === "demonym");
    const place = span?.matches.find((m) => m.kind === "place" && m.entity.kind === "country");
    const first = tokens[j];
    // "زعيم لكوريا الشمالية" is indefinite: a ل before the country is a preposition, not a construct.
    const preposition =
      first && place?.kind === "place"
        ? hasClitic(first, place.entity, /^و?ل/)
        : /^و?لل/.test(first?.norm ?? "");
    if (span && (demonym || place) && first && !preposition) {
      const found = (demonym ?? place)?.entity as Place;
      country ??= found.country ?? found.id;
      definite ||= Boolean(place) || first.norm.startsWith("ال");
      j += span.length;
      continue;
    }
    break;
  }
  return { next: j, country, definite, current };
}

function readName(
  tokens: Token[],
  at: number,
  spans: Map<number, { length: number; matches: readonly GazetteerMatch[] }>,
  gap: (a: number, b: number) => string,
  ctx: MentionContext,
): { end: number; ref: PersonRef | null; via: PersonMention["via"]; candidates: Person[] } | null {
  if (at > 0 && /[.:;؛"«»]/.test(gap(at - 1, at))) return null;
  const span = spans.get(at);
  const people = span?.matches.filter((m) => m.kind === "person") ?? [];
  if (span && people.length > 0) {
    const named = personFromMatches(people, at, span.length);
    return { end: named.end, ref: named.ref, via: named.via, candidates: named.candidates };
  }
  if (span) return null;
  const surname = forms(tokens[at])
    .map((f) => ctx.discoveredSurnames.get(f))
    .find(Boolean);
  if (surname) return { end: at + 1, ref: surname, via: "name", candidates: [] };
  const found = discoverName(tokens, at, gap, (k) => spans.has(k));
  if (!found) return null;
  const ref = discoveredPerson(found.name);
  const parts = found.name.split(" ");
  // "سارة ساندرز" is "ساندرز" later on; a short last word could be a common one, and is not taken.
  const last = normalizeArabic(parts[1] ?? "");
  if (parts.length === 2 && last.length >= MIN_SURNAME_LETTERS) ctx.discoveredSurnames.set(last, ref);
  return { end: found.end, ref, via: "discovered", candidates: [] };
}

/** A discovered name after the organisation a title heads (see discoverNameAfterOrgan). */
function readNameAfterOrgan(
  tokens: Token[],
  at: number,
  spans: Map<number, { length: number; matches: readonly GazetteerMatch[] }>,
  gap: (a: number, b: number) => string,
): { end: number; ref: PersonRef | null; via: PersonMention["via"]; candidates: Person[] } | null {
  const found = discoverNameAfterOrgan(tokens, at, gap, (k) => spans.has(k));
  if (!found) return null;
  return { end: found.end, ref: discoveredPerson(found.name), via: "discovered", candidates: [] };
}

/** A role title with its qualifiers, and the name that follows it or the holder it stands for. */
function readTitle(
  tokens: Token[],
  start: number,
  length: number,
  role: string,
  spans: Map<number, { length: number; matches: readonly GazetteerMatch[] }>,
  gap: (a: number, b: number) => string,
  ctx: MentionContext,
): Omit<PersonMention, keyof MentionFlags> | null {
  const qualifiers = readQualifiers(tokens, start + length, spans);
  const named = readName(tokens, qualifiers.next, spans, gap, ctx);
  if (named) {
    const ref = named.ref ?? pickHolderAmong(named.candidates, role, qualifiers.country, ctx);
    return {
      start,
      end: named.end,
      ref,
      // A name follows the title ("الرئيس بوتين"): the mention is that name, read through the title.
      via: named.via,
      candidates: named.candidates,
      counterpart: null,
    };
  }
  // وزير الدفاع is definite through its construct; رئيس alone or وزير دفاع is not.
  const definite =
    qualifiers.definite ||
    tokens.slice(start, start + length).some((t) => forms(t).some((f) => f.startsWith("ال")));
  const next = tokens[qualifiers.next];
  // "رئيس الوفد", "الرئيس التنفيذي": a definite word that is no qualifier makes it another title.
  const otherTitle =
    next?.norm.startsWith("ال") &&
    !STOP_NAME_WORDS.has(next.norm) &&
    !spans.has(qualifiers.next) &&
    qualifiers.country === null &&
    /^\s+$/.test(gap(qualifiers.next - 1, qualifiers.next));
  if (!definite || otherTitle) return null;
  const day = qualifiers.current ? ctx.reportDay : ctx.date;
  const ref = qualifiers.country
    ? holderRef(role, qualifiers.country, { ...ctx, date: day })
    : recentHolder(ctx, (p) => ctx.gazetteer.officesAt(p, day).some((o) => o.role === role));
  if (!ref) return null;
  return { start, end: qualifiers.next, ref, via: "title", candidates: [], counterpart: null };
}

/** "الوزير الروسي", "الوزيرة الكورية الشمالية": the minister of that country named last in the article. */
function readGenericMinister(
  tokens: Token[],
  start: number,
  spans: Map<number, { length: number; matches: readonly GazetteerMatch[] }>,
  gap: (a: number, b: number) => string,
  ctx: MentionContext,
): Omit<PersonMention, keyof MentionFlags> | null {
  const qualifiers = readQualifiers(tokens, start + 1, spans);
  const named = readName(tokens, qualifiers.next, spans, gap, ctx);
  if (named?.ref)
    return { start, end: named.end, ref: named.ref, via: named.via, candidates: [], counterpart: null };
  if (!tokens[start]?.norm.replace(/^و/, "").startsWith("ال")) return null;
  const ref = recentHolder(ctx, (p) =>
    ctx.gazetteer
      .officesAt(p, ctx.date)
      .some(
        (o) =>
          o.role.endsWith("minister") && (qualifiers.country === null || o.country === qualifiers.country),
      ),
  );
  return ref ? { start, end: qualifiers.next, ref, via: "title", candidates: [], counterpart: null } : null;
}

function holderRef(role: string, country: string, ctx: MentionContext): PersonRef | null {
  const holders = ctx.gazetteer.holderOf(role, country, ctx.date);
  const introduced = holders.find((h) => ctx.recent.some((r) => r.entity.id === h.id));
  const chosen = introduced ?? holders[0];
  return chosen ? personRef(chosen) : null;
}

function pickHolderAmong(
  candidates: Person[],
  role: string,
  country: string | null,
  ctx: MentionContext,
): PersonRef | null {
  const holder = candidates.find((p) =>
    ctx.gazetteer
      .officesAt(p, ctx.date)
      .some((o) => o.role === role && (country === null || o.country === country)),
  );
  return holder ? personRef(holder) : null;
}

function recentHolder(ctx: MentionContext, holds: (p: Person) => boolean): PersonRef | null {
  for (let k = ctx.recent.length - 1; k >= 0; k--) {
    const ref = ctx.recent[k] as PersonRef;
    if (ref.person && holds(ref.person)) return ref;
  }
  return null;
}

const firstWordCache = new Map<string, Set<string>>();

/** The first words of a place's own names, so a leading ب or ل can be told from the name's own letter. */
function ownFirstWords(place: Place): Set<string> {
  let cached = firstWordCache.get(place.id);
  if (!cached) {
    cached = new Set<string>();
    for (const name of [place.nameAr, ...place.aliasesAr]) {
      for (const variant of spellingVariants(name)) cached.add(variant.split(" ")[0] as string);
    }
    firstWordCache.set(place.id, cached);
  }
  return cached;
}

/** True when the token starts with a clitic (ب، ل) that is not the first letter of the place's own name. */
function hasClitic(token: Token, place: Place, clitic: RegExp): boolean {
  const own = ownFirstWords(place);
  // "ولاوس" is "and Laos": the و is a conjunction, the ل the name's own.
  return clitic.test(token.norm) && !own.has(token.norm) && !own.has(token.norm.replace(/^[وف]/, ""));
}

/**
 * True when the place at `start` is where something happens: after في/إلى/ب/ل, directly or through
 * head nouns (في مدينة وونسان، بجزيرة روسكي، في العاصمة الفيتنامية هانوي).
 */
function isLocative(
  tokens: Token[],
  start: number,
  match: GazetteerMatch | null,
  gazetteer: Gazetteer,
): boolean {
  const first = tokens[start];
  if (first && match?.kind === "place" && hasClitic(first, match.entity, /^(و|ف)?(ب|ل)/)) return true;
  let j = start - 1;
  for (let guard = 0; guard < 3 && j >= 0; guard++, j--) {
    const token = tokens[j] as Token;
    if (isIn(LOCATIVES, token)) return !isIn(TOPIC_NOUNS, tokens[j - 1]);
    const nounForms = forms(token);
    if (nounForms.some((f) => PLACE_NOUNS.has(f) || PLACE_NOUNS.has(`ال${f}`))) {
      if (/^(و|ف)?(ب|ل)/.test(token.norm) && !PLACE_NOUNS.has(token.norm)) return true;
      continue;
    }
    if (token.norm.startsWith("ال") && gazetteer.placeByDemonym(token.norm).length > 0) continue;
    return false;
  }
  return false;
}

function isOrigin(tokens: Token[], start: number): boolean {
  const before = tokens[start - 1];
  // "زار كلاً من صربيا والمجر": a list, not where somebody came from.
  if (before?.norm === "من" && /^كلا?$/.test(tokens[start - 2]?.norm ?? "")) return false;
  return Boolean(before && ["من", "منها", "قادما", "قادمه"].includes(before.norm));
}

/** "العاصمة الروسية" → Moscow: the capital of the country a demonym names, after a capital noun. */
function capitalAfter(tokens: Token[], start: number, country: Place, gazetteer: Gazetteer): Place | null {
  if (!isIn(CAPITAL_NOUNS, tokens[start - 1])) return null;
  return (
    gazetteer.places.find((p) => p.kind === "capital" && p.country === (country.country ?? country.id)) ??
    null
  );
}
