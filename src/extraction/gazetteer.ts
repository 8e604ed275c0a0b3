import { cliticForms, type Token, tokenize } from "../text/normalize.ts";
import { spellingVariants } from "../text/variants.ts";
import { expandDemonym, inflectNisba } from "./gazetteer-forms.ts";
import type {
  PlaceKind,
  RawOffice,
  RawOrganization,
  RawPerson,
  RawPlace,
  RawRole,
} from "./gazetteer-schema.ts";
import { insertPath, type Trie, walkTrie } from "./gazetteer-trie.ts";
import { type RawGazetteer, validateGazetteer } from "./gazetteer-validate.ts";

export type { RawGazetteer } from "./gazetteer-validate.ts";

export interface Office {
  readonly role: string;
  /** The country the office belongs to (ISO code), or null when it belongs to an organisation. */
  readonly country: string | null;
  readonly org: string | null;
  /** First and last day in office, YYYY-MM-DD; `to` is null while the office is held. */
  readonly from: string;
  readonly to: string | null;
  readonly acting: boolean;
  readonly note?: string;
}

export interface Person {
  readonly id: string;
  readonly nameEn: string;
  readonly nameAr: string;
  readonly aliasesEn: readonly string[];
  readonly aliasesAr: readonly string[];
  readonly surnamesEn: readonly string[];
  readonly surnamesAr: readonly string[];
  readonly gender: "m" | "f";
  readonly country: string;
  readonly prominence: number;
  /** YYYY-MM-DD, for people no longer alive: they cannot take part in later events. */
  readonly died?: string;
  readonly offices: readonly Office[];
}

export interface Place {
  readonly id: string;
  readonly kind: PlaceKind;
  readonly nameEn: string;
  readonly nameAr: string;
  readonly aliasesEn: readonly string[];
  readonly aliasesAr: readonly string[];
  /** ISO code of the country it lies in (its own id for a country), null where it spans a border. */
  readonly country: string | null;
  readonly within: string | null;
}

export interface Organization {
  readonly id: string;
  readonly kind: RawOrganization["kind"];
  readonly nameEn: string;
  readonly nameAr: string;
  readonly aliasesEn: readonly string[];
  readonly aliasesAr: readonly string[];
  readonly country: string | null;
}

export interface Role {
  readonly id: string;
  readonly nameEn: string;
  readonly titlesAr: readonly string[];
  readonly titlesEn: readonly string[];
  /** The country or organisation the title names by itself (المتحدث باسم الكرملين → RU). */
  readonly country: string | null;
  readonly org: string | null;
  readonly fallback: readonly string[];
}

/** What a run of tokens names. `partial` marks a bare surname (كيم, لافروف) rather than a full name. */
export type GazetteerHit =
  | { readonly kind: "person"; readonly entity: Person; readonly partial: boolean }
  | { readonly kind: "place"; readonly entity: Place; readonly partial: false }
  /** A nationality adjective (الروسي, الكورية الشمالية); the entity is the country. */
  | { readonly kind: "demonym"; readonly entity: Place; readonly partial: false }
  | { readonly kind: "org"; readonly entity: Organization; readonly partial: false }
  | { readonly kind: "role"; readonly entity: Role; readonly partial: false };

export type GazetteerMatch = GazetteerHit & {
  /** Index of the first token and number of tokens consumed. */
  readonly start: number;
  readonly length: number;
};

/** The longest matches at one position: alternatives for the same tokens (كيم → every Kim). */
export interface GazetteerSpan {
  readonly start: number;
  readonly length: number;
  readonly matches: readonly GazetteerMatch[];
}

interface Holding {
  readonly person: Person;
  readonly office: Office;
}

/** The lookup indexes buildGazetteer fills; a Gazetteer only reads them. */
interface GazetteerIndexes {
  readonly names: Trie<GazetteerHit>;
  readonly holders: Map<string, Holding[]>;
}

/** People, places, organisations and roles with their lookup indexes; made by buildGazetteer. */
export class Gazetteer {
  readonly people: readonly Person[];
  readonly places: readonly Place[];
  readonly organizations: readonly Organization[];
  readonly roles: readonly Role[];
  private readonly indexes: GazetteerIndexes;
  private readonly peopleById: Map<string, Person>;
  private readonly placesById: Map<string, Place>;
  private readonly orgsById: Map<string, Organization>;
  private readonly rolesById: Map<string, Role>;

  constructor(
    entries: { people: Person[]; places: Place[]; organizations: Organization[]; roles: Role[] },
    indexes: GazetteerIndexes,
  ) {
    this.people = entries.people;
    this.places = entries.places;
    this.organizations = entries.organizations;
    this.roles = entries.roles;
    this.indexes = indexes;
    this.peopleById = new Map(entries.people.map((p) => [p.id, p]));
    this.placesById = new Map(entries.places.map((p) => [p.id, p]));
    this.orgsById = new Map(entries.organizations.map((o) => [o.id, o]));
    this.rolesById = new Map(entries.roles.map((r) => [r.id, r]));
  }

  /**
   * Every entry whose surface form starts at token i, longest first; at equal length full names come
   * before bare surnames and more prominent people first. The first token is also tried without its
   * proclitics (ولافروف، بكيم، لبوتين، للصين). The form giving the longest match wins, the token as written
   * on a tie, so a name that starts with a clitic letter (بوتين) is never read as a stripped one, and
   * والكوري الشمالي is the two-word demonym rather than the bare كوري.
   */
  matchAt(tokens: readonly Token[], i: number): GazetteerMatch[] {
    const first = tokens[i];
    if (!first) return [];
    let best: { hit: GazetteerHit; length: number }[] = [];
    let bestLength = 0;
    for (const form of lookupForms(first.norm)) {
      const found = walkTrie(this.indexes.names, form, tokens, i);
      const length = Math.max(0, ...found.map((f) => f.length));
      if (length > bestLength) {
        best = found;
        bestLength = length;
      }
    }
    return best.map(({ hit, length }) => ({ ...hit, start: i, length })).sort(compareMatches);
  }

  /**
   * Left-to-right scan keeping the longest match at each position and skipping the tokens it consumed,
   * so "ساحة كيم إيل سونغ" is one place and not a square followed by Kim Il Sung.
   */
  scan(tokens: readonly Token[]): GazetteerSpan[] {
    const spans: GazetteerSpan[] = [];
    let i = 0;
    while (i < tokens.length) {
      const matches = this.matchAt(tokens, i);
      const longest = matches[0]?.length ?? 0;
      if (longest === 0) {
        i++;
        continue;
      }
      spans.push({ start: i, length: longest, matches: matches.filter((m) => m.length === longest) });
      i += longest;
    }
    return spans;
  }

  /**
   * Entries named by the whole of `text`, in Arabic or English, ignoring case, hyphens and spacing
   * ("Kim Jong-un", "kim jong un", "Lavrov", "كيم جونج أون"). Bare surnames come back with partial: true.
   */
  findByName(text: string): GazetteerMatch[] {
    const tokens = tokenize(text);
    return this.matchAt(tokens, 0).filter((m) => m.length === tokens.length);
  }

  /**
   * The people holding `role` for a country or organisation on a date (YYYY-MM-DD; a longer ISO
   * timestamp is cut to its day). Substantive holders come before acting ones, the latest appointed
   * first; on a handover day both holders are returned. When nobody holds the role, its fallbacks are
   * asked in order, each without its own fallbacks (a country without a leader → its president, then its
   * prime minister).
   */
  holderOf(role: string, of: string, date: string): Person[] {
    const day = date.slice(0, 10);
    return this.holdersDuring(role, of, day, day);
  }

  /** Like holderOf, for everyone who held the role at some time between two days (null: unbounded). */
  holdersDuring(role: string, of: string, from: string | null, to: string | null): Person[] {
    const start = from?.slice(0, 10) ?? null;
    const end = to?.slice(0, 10) ?? null;
    for (const asked of [role, ...(this.rolesById.get(role)?.fallback ?? [])]) {
      const held = (this.indexes.holders.get(holderKey(asked, of)) ?? [])
        .filter(({ office }) => overlaps(office, start, end))
        .sort(
          (a, b) =>
            Number(a.office.acting) - Number(b.office.acting) || b.office.from.localeCompare(a.office.from),
        );
      if (held.length > 0) return [...new Set(held.map((h) => h.person))];
    }
    return [];
  }

  /** The offices a person held on a date. */
  officesAt(person: Person, date: string): Office[] {
    const day = date.slice(0, 10);
    return person.offices.filter((office) => overlaps(office, day, day));
  }

  personById(id: string): Person | undefined {
    return this.peopleById.get(id);
  }

  placeById(id: string): Place | undefined {
    return this.placesById.get(id);
  }

  orgById(id: string): Organization | undefined {
    return this.orgsById.get(id);
  }

  roleById(id: string): Role | undefined {
    return this.rolesById.get(id);
  }

  /**
   * Countries a nationality adjective refers to, with its clitics and spelling variants
   * (الروسي/الروسى/الروسية/والروس → Russia; الكوري → both Koreas).
   */
  placeByDemonym(text: string): Place[] {
    return this.findByName(text).flatMap((m) => (m.kind === "demonym" ? [m.entity] : []));
  }

  /** True when `placeId` is `ancestorId` or lies inside it (Russky Island is within Vladivostok and RU). */
  isWithin(placeId: string, ancestorId: string): boolean {
    const seen = new Set<string>();
    let place = this.placesById.get(placeId);
    while (place && !seen.has(place.id)) {
      if (place.id === ancestorId || place.country === ancestorId) return true;
      seen.add(place.id);
      place = place.within ? this.placesById.get(place.within) : undefined;
    }
    return false;
  }
}

/** Validates the raw JSON of data/gazetteer and builds the lookup indexes. Throws GazetteerError. */
export function buildGazetteer(raw: RawGazetteer): Gazetteer {
  const data = validateGazetteer(raw);
  const entries = {
    people: data.people.map(toPerson),
    places: data.places.map(toPlace),
    organizations: data.organizations.map(toOrganization),
    roles: data.roles.map(toRole),
  };
  const indexes: GazetteerIndexes = { names: new Map(), holders: new Map() };
  const addName = (spelling: string, hit: GazetteerHit): void => {
    for (const form of spellingVariants(spelling)) {
      insertPath(indexes.names, normsOf(form), hit, addHit);
    }
  };

  for (const person of entries.people) {
    const full: GazetteerHit = { kind: "person", entity: person, partial: false };
    const bare: GazetteerHit = { kind: "person", entity: person, partial: true };
    for (const name of [person.nameAr, ...person.aliasesAr, person.nameEn, ...person.aliasesEn])
      addName(name, full);
    for (const name of [...person.surnamesAr, ...person.surnamesEn]) addName(name, bare);
    for (const office of person.offices) {
      const key = holderKey(office.role, office.country ?? office.org ?? "");
      indexes.holders.set(key, [...(indexes.holders.get(key) ?? []), { person, office }]);
    }
  }
  entries.places.forEach((place, i) => {
    const hit: GazetteerHit = { kind: "place", entity: place, partial: false };
    for (const name of [place.nameAr, ...place.aliasesAr, place.nameEn, ...place.aliasesEn])
      addName(name, hit);
    const rawPlace = data.places[i];
    const forms = [
      ...(rawPlace?.demonym_bases_ar ?? []).flatMap(inflectNisba),
      ...(rawPlace?.demonyms_ar ?? []).flatMap(expandDemonym),
    ];
    const demonym: GazetteerHit = { kind: "demonym", entity: place, partial: false };
    for (const form of new Set(forms)) insertPath(indexes.names, normsOf(form), demonym, addHit);
  });
  for (const org of entries.organizations) {
    const hit: GazetteerHit = { kind: "org", entity: org, partial: false };
    for (const name of [org.nameAr, ...org.aliasesAr, org.nameEn, ...org.aliasesEn]) addName(name, hit);
  }
  for (const role of entries.roles) {
    const hit: GazetteerHit = { kind: "role", entity: role, partial: false };
    for (const title of [...role.titlesAr, ...role.titlesEn]) addName(title, hit);
  }
  return new Gazetteer(entries, indexes);
}

function normsOf(form: string): string[] {
  return tokenize(form).map((t) => t.norm);
}

function toPerson(raw: RawPerson): Person {
  return {
    id: raw.id,
    nameEn: raw.name_en,
    nameAr: raw.name_ar,
    aliasesEn: raw.aliases_en,
    aliasesAr: raw.aliases_ar,
    surnamesEn: raw.surnames_en,
    surnamesAr: raw.surnames_ar,
    gender: raw.gender,
    country: raw.country,
    prominence: raw.prominence,
    ...(raw.died ? { died: raw.died } : {}),
    offices: raw.offices.map(toOffice),
  };
}

function toOffice(raw: RawOffice): Office {
  return {
    role: raw.role,
    country: raw.country ?? null,
    org: raw.org ?? null,
    from: raw.from,
    to: raw.to,
    acting: raw.acting ?? false,
    ...(raw.note ? { note: raw.note } : {}),
  };
}

function toPlace(raw: RawPlace): Place {
  return {
    id: raw.id,
    kind: raw.kind,
    nameEn: raw.name_en,
    nameAr: raw.name_ar,
    aliasesEn: raw.aliases_en,
    aliasesAr: raw.aliases_ar,
    country: raw.country,
    within: raw.within ?? null,
  };
}

function toOrganization(raw: RawOrganization): Organization {
  return {
    id: raw.id,
    kind: raw.kind,
    nameEn: raw.name_en,
    nameAr: raw.name_ar,
    aliasesEn: raw.aliases_en,
    aliasesAr: raw.aliases_ar,
    country: raw.country,
  };
}

function toRole(raw: RawRole): Role {
  return {
    id: raw.id,
    nameEn: raw.name_en,
    titlesAr: raw.titles_ar,
    titlesEn: raw.titles_en,
    country: raw.country ?? null,
    org: raw.org ?? null,
    fallback: raw.fallback,
  };
}

/**
 * cliticForms strips "لل" to the bare stem (للرئيس → رئيس); names listed with the article (الصين,
 * الكرملين) are found again by putting the article back (للصين → الصين).
 */
function lookupForms(norm: string): string[] {
  const forms = cliticForms(norm);
  const stem = /^و?لل/.test(norm) ? norm.replace(/^و?لل/, "") : null;
  if (stem && stem.length >= 2) forms.push(`ال${stem}`);
  return forms;
}

// One entry per entity and kind at a node; a full name wins over the same person's bare surname.
function addHit(hits: GazetteerHit[], hit: GazetteerHit): void {
  const same = hits.findIndex((h) => h.kind === hit.kind && h.entity.id === hit.entity.id);
  if (same === -1) hits.push(hit);
  else if (hits[same]?.partial && !hit.partial) hits[same] = hit;
}

function compareMatches(a: GazetteerMatch, b: GazetteerMatch): number {
  return b.length - a.length || Number(a.partial) - Number(b.partial) || prominence(b) - prominence(a);
}

function prominence(match: GazetteerMatch): number {
  return match.kind === "person" ? match.entity.prominence : 0;
}

function overlaps(office: Office, from: string | null, to: string | null): boolean {
  return (to === null || office.from <= to) && (from === null || office.to === null || from <= office.to);
}

function holderKey(role: string, of: string): string {
  return `${role}@${of}`;
}
