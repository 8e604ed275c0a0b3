import type { ExtractedEntity, ExtractedEvent } from "../events/extracted-event.ts";
import { cliticForms, normalizeArabic, type Token } from "../text/normalize.ts";
import type { ChosenDate } from "./event-dates.ts";
import { BACKDROP_WORDS, TRIGGERS } from "./event-lexicon.ts";
import { findTriggers, startsWithBa, type Trigger } from "./find-triggers.ts";
import type { Gazetteer, Place } from "./gazetteer.ts";
import { type PersonMention, type PersonRef, personRef } from "./mentions.ts";
import { type ArticleState, forms, isIn, type SentenceState } from "./sentence-context.ts";

/**
 * Who takes part in each event word of a sentence: people given to the nearest word, the other side a
 * pronoun or a counterpart points back to, a pair named by a dual (الرئيسان), the leaders of a summit of
 * two countries.
 */

/**
 * Gives each person to one event word: people joined by و go with the one before them; a person right
 * after مع/بين or written with ب follows the event word just before; otherwise the nearest word wins,
 * a word after the person counting double.
 */
export function assignPersons(
  persons: PersonMention[],
  triggers: Trigger[],
  tokens: Token[],
): (Trigger | null)[] {
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
      // "مع لي تشيانغ، الذي وصل الخميس": a relative clause's verb has its antecedent already placed.
      if (
        t.index > p.start &&
        relativeBetween(tokens, p.end, t.index) &&
        triggers.some((o) => o.index < p.start)
      )
        continue;
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

const RELATIVES = new Set(["الذي", "التي", "اللذان", "اللتان", "الذين"]);

/** True when a relative pronoun stands between two token positions. */
export function relativeBetween(tokens: Token[], from: number, to: number): boolean {
  return tokens.slice(from, to).some((t) => RELATIVES.has(t.norm));
}

/**
 * The person a relative clause opening within `reach` words before `index` is about ("X، الذي وصل"),
 * when nobody else is named inside the clause before that word.
 */
export function relativeAntecedent(
  persons: PersonMention[],
  tokens: Token[],
  index: number,
  reach = 3,
): PersonMention | null {
  for (let j = index - 1; j >= Math.max(0, index - reach); j--) {
    if (!RELATIVES.has(tokens[j]?.norm ?? "")) continue;
    if (persons.some((p) => p.start > j && p.start < index)) return null;
    return persons.find((p) => p.end === j && p.ref) ?? null;
  }
  return null;
}

/**
 * "التقى بوتين الرئيسَ الصيني ورئيسَ الوزراء الهندي": one subject and a list of objects are separate
 * meetings, one per object; "اجتمع بوتين وشي ومودي" (one list) is one meeting of all three.
 */
const DUAL_COUNTERPARTS = new Set(["نظيريه", "نظيرتيه", "نظيريها", "نظيرتيها"]);

export function splitObjects(
  trigger: Trigger,
  mine: PersonMention[],
  refs: PersonRef[],
  s: SentenceState,
): PersonRef[][] {
  if (refs.length < 3 || trigger.word.form === "noun") return [refs];
  // "يلتقي بومبيو نظيريه الياباني … والكورية الجنوبية …": his two counterparts together, one meeting.
  const dual = s.tokens.slice(trigger.index + 1).some((t) => isIn(DUAL_COUNTERPARTS, t));
  if (dual) return [refs];
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
export function pronounFollows(tokens: Token[], i: number): boolean {
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
export function findAntecedent(
  trigger: Trigger,
  all: PersonMention[],
  taken: PersonRef[],
  mine: PersonMention[],
  s: SentenceState,
  gazetteer: Gazetteer,
): PersonRef | null {
  const date = s.titleDate;
  const gender = pronounGender(s.tokens[trigger.index]);
  const before = all.filter(
    (p) => p.start < trigger.index && p.ref && !p.absent && !p.spouse && !p.host && !p.companion,
  );
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
  // A meeting is between sides: the other side before one of the named person's own. A possessive
  // pronoun (خلال استقباله) names a subject, not the object of another meeting word (لقاء كيم); the
  // person after a visit word is its traveller (زيارة كيم … ولقائه).
  const homes = new Set(taken.map((r) => r.person?.country).filter(Boolean));
  const objectOfEvent = (p: PersonMention) =>
    trigger.word.pronoun &&
    forms(s.tokens[p.start - 1]).some((f) => TRIGGERS.has(f) && TRIGGERS.get(f)?.kind !== "visit");
  const sides = free.filter((p) => !homes.has(p.ref?.person?.country));
  const previous = sides.filter((p) => !objectOfEvent(p)).at(-1) ?? sides.at(-1) ?? free.at(-1);
  if (previous?.ref) return previous.ref;
  const after = all.find(
    (p) =>
      p.start > trigger.index &&
      p.ref &&
      !p.absent &&
      !p.companion &&
      !taken.some((r) => r.entity.id === p.ref?.entity.id),
  );
  return trigger.word.pronoun ? null : (after?.ref ?? null);
}

/** The gender a pronoun suffix on an event word points at: استقبلها → f, لقائه → m. */
export function pronounGender(token: Token | undefined): "m" | "f" | null {
  const norm = token ? (cliticForms(token.norm).find((f) => TRIGGERS.get(f)?.pronoun) ?? "") : "";
  if (/هما$/.test(norm)) return null;
  if (/ها$/.test(norm)) return "f";
  return /ه$/.test(norm) ? "m" : null;
}

/** نظيره الكوري الشمالي without a name: the holder, in the other country, of the antecedent's office. */
export function resolveCounterpart(
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
export function namedPair(trigger: Trigger, s: SentenceState, state: ArticleState): ExtractedEntity[] | null {
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
    // "وجاءت القمة … بين الزعيمين": a summit held is one of a pair who met, not of a pair who plan to.
    if (event.type === "planned" && !trigger.planned) continue;
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
export function summitLeaders(
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
