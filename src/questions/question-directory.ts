import type { Gazetteer, Person, Place } from "../extraction/gazetteer.ts";
import { cliticForms, normalizeArabic, type Token } from "../text/normalize.ts";
import { spellingVariants } from "../text/variants.ts";
import type { KnownEntity } from "./question-types.ts";

/**
 * Who and what a question can name: the gazetteer's people, places, titles and nationalities, and the
 * people and places extraction discovered in the articles (the `entities` table), behind one lookup.
 */

export type DirectoryHit =
  | { kind: "person"; entity: KnownEntity; partial: boolean }
  | { kind: "place"; entity: KnownEntity }
  | { kind: "demonym"; country: string }
  | { kind: "role"; role: string; country: string | null };

interface DirectoryMatch {
  length: number;
  hits: DirectoryHit[];
}

/** A person or place found in the articles beyond the gazetteer, with the names it was written as. */
export interface DiscoveredEntity {
  id: string;
  kind: "person" | "place";
  name_ar: string;
  name_en: string | null;
  aliases: string[];
  /** How many events it takes part in: ranks it among people sharing a name. */
  events: number;
}

export interface QuestionDirectory {
  /** The longest names starting at token i, alternatives for the same words together. */
  matchAt(tokens: readonly Token[], i: number): DirectoryMatch | null;
  /** People holding a role for a country (null: any) at any time within [from, to] (open ends: any time). */
  holders(role: string, country: string | null, from: string | null, to: string | null): KnownEntity[];
  entity(id: string): KnownEntity | undefined;
  /** True when placeId is ancestorId or lies inside it. */
  isWithin(placeId: string, ancestorId: string): boolean;
  /** The country a role belongs to by itself (المتحدث باسم الكرملين → RU), else null. */
  roleCountry(role: string): string | null;
  /** The known person whose name is closest to a word the question did not resolve (a typo), if close. */
  closestPerson(word: string): KnownEntity | null;
}

function toKnownPerson(person: Person): KnownEntity {
  return {
    id: person.id,
    kind: "person",
    name_en: person.nameEn,
    name_ar: person.nameAr,
    prominence: person.prominence,
    gender: person.gender,
    country: person.country,
  };
}

function toKnownPlace(place: Place): KnownEntity {
  return {
    id: place.id,
    kind: "place",
    name_en: place.nameEn,
    name_ar: place.nameAr,
    prominence: 0,
    country: place.country,
    within: place.within,
    placeKind: place.kind,
  };
}

// A discovered person ranks below every gazetteer person of the same name, above each other by events.
const DISCOVERED_PROMINENCE_CAP = 5;

function toKnownDiscovered(entity: DiscoveredEntity): KnownEntity {
  return {
    id: entity.id,
    kind: entity.kind,
    name_en: entity.name_en,
    name_ar: entity.name_ar,
    prominence: Math.min(DISCOVERED_PROMINENCE_CAP, entity.events),
  };
}

/**
 * Discovered people and places under one normalized name; `partial` when the name is only a person's
 * last word (الفارسي for أحمد الفارسي), which yields to a full name of the same length.
 */
export type DiscoveredLookup = (alias: string) => { entity: DiscoveredEntity; partial: boolean }[];

/** Longest name looked up among the discovered entities; a name of more words is rare in questions. */
const MAX_DISCOVERED_WORDS = 4;

export function createQuestionDirectory(
  gazetteer: Gazetteer,
  lookupDiscovered: DiscoveredLookup,
): QuestionDirectory {
  const discoveredById = new Map<string, KnownEntity>();
  const isGazetteer = (id: string): boolean => Boolean(gazetteer.personById(id) ?? gazetteer.placeById(id));

  const fromGazetteer = (tokens: readonly Token[], i: number): DirectoryMatch | null => {
    const matches = gazetteer.matchAt(tokens, i);
    const length = matches[0]?.length ?? 0;
    if (length === 0) return null;
    const hits: DirectoryHit[] = [];
    for (const m of matches) {
      if (m.length !== length) continue;
      if (m.kind === "person")
        hits.push({ kind: "person", entity: toKnownPerson(m.entity), partial: m.partial });
      else if (m.kind === "place") hits.push({ kind: "place", entity: toKnownPlace(m.entity) });
      else if (m.kind === "demonym" && m.entity.country)
        hits.push({ kind: "demonym", country: m.entity.country });
      else if (m.kind === "role") hits.push({ kind: "role", role: m.entity.id, country: m.entity.country });
    }
    return hits.length > 0 ? { length, hits } : null;
  };

  // Each clitic form of the first word, then the words after it, in every systematic spelling.
  const fromDiscovered = (tokens: readonly Token[], i: number): DirectoryMatch | null => {
    const first = tokens[i];
    if (!first || !/^[\u0600-\u06FFa-z]/.test(first.norm)) return null;
    for (let length = Math.min(MAX_DISCOVERED_WORDS, tokens.length - i); length >= 1; length--) {
      const rest = tokens.slice(i + 1, i + length).map((t) => t.norm);
      for (const form of cliticForms(first.norm)) {
        const found = new Map<string, { entity: KnownEntity; partial: boolean }>();
        for (const alias of spellingVariants([form, ...rest].join(" ")))
          for (const { entity, partial } of lookupDiscovered(alias))
            if (!isGazetteer(entity.id)) found.set(entity.id, { entity: toKnownDiscovered(entity), partial });
        if (found.size === 0) continue;
        const hits: DirectoryHit[] = [...found.values()].map(({ entity, partial }) => {
          discoveredById.set(entity.id, entity);
          return entity.kind === "person" ? { kind: "person", entity, partial } : { kind: "place", entity };
        });
        return { length, hits };
      }
    }
    return null;
  };

  return {
    matchAt(tokens, i) {
      const a = fromGazetteer(tokens, i) ?? englishDemonymAt(gazetteer, tokens, i);
      const b = fromDiscovered(tokens, i);
      if (!a) return b;
      if (!b || b.length < a.length) return a;
      if (b.length > a.length) return b;
      // At equal length the gazetteer's people come first: a discovered "كيم" must not outrank Kim Jong Un.
      const yielding = b.hits.map((h) => (h.kind === "person" ? { ...h, partial: true } : h));
      return { length: a.length, hits: [...a.hits, ...yielding] };
    },
    holders(role, country, from, to) {
      // A title without a nationality ("الزعيم كيم") may mean the holder of any country.
      const countries = country
        ? [country]
        : gazetteer.places.filter((p) => p.kind === "country").map((p) => p.id);
      const people = countries.flatMap((c) => gazetteer.holdersDuring(role, c, from, to));
      return [...new Set(people)].map(toKnownPerson);
    },
    entity(id) {
      const person = gazetteer.personById(id);
      if (person) return toKnownPerson(person);
      const place = gazetteer.placeById(id);
      if (place) return toKnownPlace(place);
      return discoveredById.get(id);
    },
    isWithin: (placeId, ancestorId) => placeId === ancestorId || gazetteer.isWithin(placeId, ancestorId),
    roleCountry: (role) => gazetteer.roleById(role)?.country ?? null,
    closestPerson: (word) => findClosestPerson(gazetteer, word),
  };
}

// English nationality adjectives from country names: Russian → Russia, North Korean → North Korea,
// Chinese → China, Israeli → Israel. The gazetteer lists Arabic demonyms only.
const ENGLISH_DEMONYM_ENDINGS: [string, string][] = [
  ["ian", "ia"],
  ["an", "a"],
  ["n", ""],
  ["ese", "a"],
  ["ese", ""],
  ["i", ""],
];

function englishDemonymAt(gazetteer: Gazetteer, tokens: readonly Token[], i: number): DirectoryMatch | null {
  for (const length of [2, 1]) {
    const words = tokens.slice(i, i + length).map((t) => t.norm);
    const last = words.at(-1);
    if (words.length < length || !last || !/^[a-z]+$/.test(last)) continue;
    for (const [ending, replacement] of ENGLISH_DEMONYM_ENDINGS) {
      if (!last.endsWith(ending) || last.length - ending.length < 3) continue;
      const name = [...words.slice(0, -1), last.slice(0, -ending.length) + replacement].join(" ");
      const country = gazetteer
        .findByName(name)
        .find((m) => m.kind === "place" && m.entity.kind === "country");
      if (country?.kind === "place" && country.entity.country)
        return { length, hits: [{ kind: "demonym", country: country.entity.country }] };
    }
  }
  return null;
}

/** Edits allowed between a typed word and a name: none for short words, one, two for long ones. */
function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

function findClosestPerson(gazetteer: Gazetteer, word: string): KnownEntity | null {
  const typed = normalizeArabic(word);
  const limit = allowedEdits(typed.length);
  if (limit === 0) return null;
  let best: { person: Person; distance: number } | null = null;
  for (const person of gazetteer.people) {
    const names = [...person.surnamesAr, ...person.surnamesEn, person.nameAr, person.nameEn].map(
      normalizeArabic,
    );
    for (const name of names) {
      const distance = editDistance(typed, name, limit);
      if (
        distance <= limit &&
        (!best ||
          distance < best.distance ||
          (distance === best.distance && person.prominence > best.person.prominence))
      )
        best = { person, distance };
    }
  }
  return best ? toKnownPerson(best.person) : null;
}

/** Levenshtein distance, giving up (limit + 1) as soon as it must exceed the limit. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
