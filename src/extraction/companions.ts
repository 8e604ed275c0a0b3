import type { ExtractedEvent } from "../events/extracted-event.ts";
import type { Token } from "../text/normalize.ts";
import { COMPANION_VERBS, DELEGATION_CUES, DELEGATION_NOUNS, INCLUDE_VERBS } from "./event-lexicon.ts";
import type { PersonMention } from "./mentions.ts";
import { type ArticleState, forms, isIn, type SentenceState } from "./sentence-context.ts";

/**
 * The people who travel with a visitor: "ورافقت الرئيسَ الصيني زوجته بنغ لي يوان"، "ويرافق مون وفد يضم
 * …، بينهم X"، "وضم الوفد المرافق لشي X وY"، "مون وزوجته كيم جونغ سوك". FORMAT.md gives each named
 * companion a visit of their own, where and when the visitor went; they are the visitor's side, so
 * nobody of that side "meets" them.
 */

/** Marks the people a companion cue introduces (the delegation's members) as companions. */
export function markCompanions(s: SentenceState, triggerIndices: number[]): void {
  const { tokens } = s;
  const persons = s.mentions.persons;
  const cues: number[] = [];
  const led = new Set<PersonMention>();
  for (let i = 0; i < tokens.length; i++) {
    const verb = isIn(COMPANION_VERBS, tokens[i]);
    const near = [...tokens.slice(Math.max(0, i - 3), i), ...tokens.slice(i + 1, i + 3)];
    const includes = isIn(INCLUDE_VERBS, tokens[i]) && near.some((t) => isIn(DELEGATION_NOUNS, t));
    if (!verb && !includes && !isIn(DELEGATION_CUES, tokens[i])) continue;
    cues.push(i);
    // "ويرافق مون وفد"، "المرافق لكيم": the person right after the cue is whom the others accompany.
    const head = persons.find((p) => p.start === i + 1);
    if (head && (verb ? !hasPronoun(tokens[i]) : startsWithLam(tokens[i + 1]))) {
      led.add(head);
      // "الوفد المرافق لكيم": a passing mention of the leader, no participant of the words before.
      if (!verb) head.absent = true;
    }
  }
  for (const i of cues) {
    const end = triggerIndices.find((t) => t > i) ?? tokens.length;
    for (const p of persons) if (!led.has(p) && p.start > i && p.start < end) p.companion = true;
  }
}

function hasPronoun(token: Token | undefined): boolean {
  return forms(token).some((f) => /(ه|ها|هم)$/.test(f) && !COMPANION_VERBS.has(f));
}

function startsWithLam(token: Token | undefined): boolean {
  return /^ل/.test(token?.norm ?? "");
}

/**
 * Visits of the companions and spouses of a visitor, copied from the visitor's latest visit in the
 * article, for those the sentence's own travel words gave none.
 */
export function companionVisits(
  s: SentenceState,
  built: ExtractedEvent[],
  state: ArticleState,
): ExtractedEvent[] {
  const persons = s.mentions.persons.filter((p) => p.ref);
  const visited = new Set(
    built.filter((e) => e.type === "visit").flatMap((e) => e.participants.map((p) => p.id)),
  );
  const events: ExtractedEvent[] = [];
  for (const p of persons) {
    if (!(p.companion || p.spouse) || p.absent || !p.ref || visited.has(p.ref.entity.id)) continue;
    const visit = leaderVisit(p, persons, state);
    if (!visit || p.ref.person?.country === (visit.place?.id ?? "")) continue;
    const event = { ...visit, participants: [p.ref.entity], evidence: s.sentence.text };
    events.push(event);
    state.companions.push({ event, leader: visit.participants[0]?.id ?? "" });
    visited.add(p.ref.entity.id);
  }
  return events;
}

/** The latest visit of the person a companion goes with: the one named before it, else any visitor named. */
function leaderVisit(p: PersonMention, persons: PersonMention[], state: ArticleState): ExtractedEvent | null {
  const leaders = persons.filter((q) => q !== p && !q.companion && !q.spouse);
  const before = leaders.filter((q) => q.start < p.start).reverse();
  const order = p.spouse ? before.slice(0, 1) : [...before, ...leaders.filter((q) => q.start > p.start)];
  for (const leader of order) {
    const id = leader.ref?.entity.id;
    // The leader's visit told most precisely ("إلى بيونغ يانغ" over "زيارة إلى كوريا الشمالية"), latest first.
    const visits = [...state.history]
      .reverse()
      .filter((e) => e.type === "visit" && e.participants.length === 1 && e.participants[0]?.id === id);
    const visit = visits.reduce<ExtractedEvent | undefined>(
      (best, e) => (!best || e.placePath.length > best.placePath.length ? e : best),
      undefined,
    );
    if (visit) return visit;
  }
  return null;
}

/**
 * Once the article is read, a companion's visit takes the most precise place the article gives for the
 * visitor's trip to that country ("زيارة إلى كوريا الشمالية" first, "وصل إلى بيونغ يانغ" later).
 */
export function settleCompanionVisits(state: ArticleState): void {
  for (const { event, leader } of state.companions) {
    const country = event.placePath.at(-1);
    const best = state.history
      .filter(
        (e) =>
          e.type === "visit" &&
          e.participants.length === 1 &&
          e.participants[0]?.id === leader &&
          country !== undefined &&
          e.placePath.includes(country),
      )
      .reduce<ExtractedEvent | undefined>(
        (top, e) => (!top || e.placePath.length > top.placePath.length ? e : top),
        undefined,
      );
    if (!best || best.placePath.length <= event.placePath.length) continue;
    Object.assign(event, {
      place: best.place,
      placePath: best.placePath,
      date: best.date,
      precision: best.precision,
      dateSource: best.dateSource,
    });
  }
}
