import { isBehindClause, type SpeechFrame } from "./clauses.ts";
import { TRIGGERS } from "./event-lexicon.ts";
import { findTriggers, type Trigger } from "./find-triggers.ts";
import type { Gazetteer, Place } from "./gazetteer.ts";
import type { PlaceMention } from "./mentions.ts";
import { forms, type SentenceState } from "./sentence-context.ts";

/**
 * Where an event took place: the destination of a visit, the venue of a meeting, read from places
 * introduced by a locative (في، إلى، ب) near the event word.
 */

function parentOf(place: Place, gazetteer: Gazetteer): Place | undefined {
  return place.within ? gazetteer.placeById(place.within) : undefined;
}

/** Places farther than this from an event word belong to another clause. */
const MAX_PLACE_DISTANCE = 18;

export interface ChosenPlace {
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

export function destinationBefore(
  visit: Trigger,
  s: SentenceState,
  gazetteer: Gazetteer,
): ChosenPlace | null {
  const earlier = findTriggers(s).filter((t) => t.kind === "visit" && t.index < visit.index && !t.dropped);
  for (const t of earlier.reverse()) {
    const destination = chooseDestination(t, s, gazetteer);
    if (destination) return destination;
  }
  return null;
}

/** "زار شويغو كوريا الشمالية … واجتمع مع كيم": a meeting without a place is held where the visit went. */
export function destinationOfSentence(
  s: SentenceState,
  meeting: Trigger,
  gazetteer: Gazetteer,
): ChosenPlace | null {
  for (const t of findTriggers(s)) {
    if (t.kind !== "visit" || t.index === meeting.index || t.dropped) continue;
    const destination = chooseDestination(t, s, gazetteer);
    if (destination) return destination;
  }
  return null;
}

/** Where a traveller went: the first place after the word, introduced by إلى/في/ب/ل or as its object. */
export function chooseDestination(
  trigger: Trigger,
  s: SentenceState,
  gazetteer: Gazetteer,
): ChosenPlace | null {
  return chooseDestinations(trigger, s, gazetteer)[0] ?? null;
}

/** Every destination of a trip: "زار كلاً من صربيا والمجر" went to both. */
const MAX_NOUN_REACH = 10;

export function chooseDestinations(trigger: Trigger, s: SentenceState, gazetteer: Gazetteer): ChosenPlace[] {
  // زار كوريا الشمالية، يزور لافروف بيونغ يانغ، زيارة موسكو: the place is the word's object.
  const word = s.tokens[trigger.index]?.norm ?? "";
  const list = s.tokens.slice(trigger.index + 1, trigger.index + 8).some((t) => /^كلا?$/.test(t.norm))
    ? 2
    : 0;
  const direct = /زار|زور/.test(word) ? 6 + list : /زيار/.test(word) ? 1 : 0;
  const nextVisit = s.tokens.findIndex(
    (t, k) =>
      k > trigger.index + 1 &&
      TRIGGERS.get(forms(t)[0] ?? "")?.kind === "visit" &&
      !s.mentions.covered.has(k),
  );
  // A visit noun names its destination close by ("زيارة دولة تستمر يومين إلى روسيا"); a place further on
  // belongs to another clause ("وتأتي الزيارة قبل قمتين …، الأولى في قرية بانمونجوم").
  const reach = trigger.word.form === "noun" ? trigger.index + MAX_NOUN_REACH : s.tokens.length;
  const limit = Math.min(nextVisit > 0 ? nextVisit : s.tokens.length, reach);
  const places = s.mentions.places;
  const first = places.findIndex(
    (p) =>
      p.start > trigger.index &&
      p.start < limit &&
      !p.origin &&
      (p.locative || p.start - trigger.index <= direct || trigger.word.needs !== undefined),
  );
  if (first < 0) return [];
  const found = [places[first] as PlaceMention];
  for (let k = first + 1; k < places.length; k++) {
    const next = places[k] as PlaceMention;
    const previous = found.at(-1) as PlaceMention;
    if (next.start !== previous.end || !/^و/.test(s.tokens[next.start]?.norm ?? "")) break;
    found.push(next);
  }
  return found.flatMap((p) => {
    let place: Place | undefined = p.place;
    while (place && place.kind === "site") {
      place = place.within
        ? gazetteer.placeById(place.within)
        : place.country
          ? gazetteer.placeById(place.country)
          : undefined;
    }
    return place ? [{ place, path: placePath(place, gazetteer) }] : [];
  });
}

/**
 * Where people met: the locative place nearest the event word (after it preferred), outside reported
 * speech frames and relative clauses that describe something else.
 */
/**
 * A place told before the event word with another event word between them is that word's: "زيارة كيم
 * إلى موسكو ولقائه بوتين، وقبل أسابيع من قمة مرتقبة بين كيم وبايدن" (the summit ahead is not in Moscow).
 */
function isOtherEventsPlace(p: PlaceMention, trigger: Trigger, s: SentenceState): boolean {
  if (p.start > trigger.index) return false;
  return s.tokens.slice(p.end, trigger.index).some((t, k) => {
    if (s.mentions.covered.has(p.end + k)) return false;
    const word = forms(t)
      .map((f) => TRIGGERS.get(f))
      .find(Boolean);
    // A trip told before a meeting held on it ("زيارة … تعقد خلالها القمة") shares its place; not with a plan.
    return word !== undefined && !word.light && (word.kind !== "visit" || trigger.planned);
  });
}

export function chooseMeetingPlace(
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
      !isBehindClause(s.tokens, trigger.index, p.start) &&
      !isOtherEventsPlace(p, trigger, s),
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
