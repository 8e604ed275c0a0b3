import { normalizeArabic, type Token } from "../text/normalize.ts";
import {
  ACCEPTANCES,
  BACKDROP_WORDS,
  CALL_MARKERS,
  EVENT_NOUNS,
  FUTURE_MARKERS,
  INVITES,
  NEGATION_BRIDGE,
  NEGATIONS,
  OFFSET_UNITS,
  POSSIBLE_AFTER,
  PROPOSALS,
  SPECULATION_MARKERS,
  TRIGGERS,
  type TriggerKind,
  type TriggerWord,
} from "./event-lexicon.ts";
import type { PersonMention } from "./mentions.ts";

import { forms, isIn, type SentenceState } from "./sentence-context.ts";

/**
 * The event words of a sentence (src/extraction/event-lexicon.ts) with what frames them: tense and
 * announcement words (planned), negations and denials, speculation, proposals and invitations (dropped).
 */

export interface Trigger {
  index: number;
  word: TriggerWord;
  kind: TriggerKind;
  planned: boolean;
  present: boolean;
  dropped: boolean;
  /** "لإجراء محادثات", "للقاء": the purpose of the event before it, sharing its tense and date. */
  purpose: boolean;
}

/** "على نتائج محادثاته": the outcome of talks already told, not another event. */
const OUTCOMES = new Set(["نتائج", "نتيجة", "حصيلة", "مخرجات", "ثمار", "خلاصة"].map(normalizeArabic));

const TIME_RELATIONS = new Set(["بعد", "قبل", "منذ", "عقب", "اثر"]);

/** An event word after بعد/قبل/منذ names another event the sentence measures time from. */
export function isReference(t: Trigger, tokens: Token[]): boolean {
  // "قبل أن يصافح كيم"، "بعد أن وصل": a clause of the story in sequence, not another event named.
  if (t.word.form !== "noun" && tokens[t.index - 1]?.norm === "ان") return false;
  if (isIn(TIME_RELATIONS, tokens[t.index - 1])) return true;
  // "منذ وصوله محادثات": منذ governs the event word right after it, not this one.
  // "وعقد بعد ساعات اجتماعاً": a span of time after بعد dates this event, it names no other one.
  const between = forms(tokens[t.index - 1]).some(
    (f) => (TRIGGERS.has(f) && !TRIGGERS.get(f)?.light) || OFFSET_UNITS.has(f),
  );
  if (!between && isIn(TIME_RELATIONS, tokens[t.index - 2])) return true;
  // "بعد شهر على زيارة"، "قبل نحو أسبوعين من القمة": measured from the event named.
  const measured = forms(tokens[t.index - 1]).some((f) => f === "من" || f === "علي");
  return measured && (isIn(TIME_RELATIONS, tokens[t.index - 3]) || isIn(TIME_RELATIONS, tokens[t.index - 4]));
}

const PURPOSE = /^ل(اجراء|عقد|لقاء|بحث|اجتماع|زياره)/;

export function findTriggers(s: SentenceState): Trigger[] {
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
    // "على هامش قمة"، "على هامش أعمال قمة": the backdrop, not an event of the sentence. A definite noun
    // closes the backdrop, so "على هامش الاجتماعات محادثات" is talks held there.
    const closed = tokens[i - 1]?.norm.startsWith("ال") ?? false;
    if (isIn(BACKDROP_WORDS, tokens[i - 1]) || (isIn(BACKDROP_WORDS, tokens[i - 2]) && !closed)) continue;
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
      dropped: isNegated(tokens, i) || isSpeculative(tokens, i, form) || isIn(OUTCOMES, tokens[i - 1]),
      purpose: purpose && triggers.length > 0,
    });
  }
  return triggers;
}

/** True when the mention is written with the preposition ب (بوزير الدفاع), not with a name's own ب (بوتين). */
export function startsWithBa(token: Token | undefined, p: PersonMention): boolean {
  if (!token || !/^و?ب/.test(token.norm)) return false;
  const person = p.ref?.person;
  const names = person ? [person.nameAr, ...person.aliasesAr, ...person.surnamesAr] : [];
  return !names.some((name) => normalizeArabic(name).split(" ")[0] === token.norm.replace(/^و/, ""));
}

function hasFutureMarker(tokens: Token[], i: number): boolean {
  // "ويأمل الرئيس الكوري الجنوبي أن يلتقي": the intent verb's subject may stand before أن.
  const reach = tokens[i - 1]?.norm === "ان" ? 8 : 4;
  const before = tokens.slice(Math.max(0, i - reach), i);
  const around = [...before, ...tokens.slice(i + 1, i + 3)];
  return around.some((t) => isIn(FUTURE_MARKERS, t)) || before.some((_, k) => isScheduled(before, k));
}

/** "من المتوقع أن يلتقي": the news phrase for what is scheduled, not somebody's guess (يتوقع أن). */
function isScheduled(tokens: Token[], k: number): boolean {
  return tokens[k]?.norm === "المتوقع" && forms(tokens[k - 1]).includes("من");
}

const DENIALS = new Set(["نفي", "نفت", "ينفي", "تنفي", "نفيا"]);

const COPULAS = new Set(["يكون", "تكون", "يكونا", "يكونان"]);

/**
 * A negation within four words before the event word, with only bridge words between (لا يعتزم لقاء);
 * or a denial whose complement holds the word: "نفى الكرملين أن يكون بوتين قد التقى كيم".
 */
function isNegated(tokens: Token[], i: number): boolean {
  if (isCalledOff(tokens, i)) return true;
  if (isUnannounced(tokens, i)) return true;
  const window = tokens.slice(Math.max(0, i - 10), i);
  const denial = window.findIndex((t) => forms(t).some((f) => DENIALS.has(f)));
  if (denial >= 0 && window.slice(denial).some((t) => COPULAS.has(t.norm))) return true;
  for (let j = i - 1; j >= Math.max(0, i - 5); j--) {
    if (isIn(NEGATIONS, tokens[j])) return true;
    if (!isIn(NEGATION_BRIDGE, tokens[j]) && !TRIGGERS.get(forms(tokens[j])[0] ?? "")?.light) return false;
  }
  return false;
}

const ANNOUNCE = new Set(
  ["يعلن", "تعلن", "يؤكد", "تؤكد", "يكشف", "تكشف", "يعلنا", "تعلنا"].map(normalizeArabic),
);

/**
 * "لم تعلن أي من الدول الثلاث عن عقد لقاء ثلاثي": nobody announced it, so it is not reported as held.
 */
function isUnannounced(tokens: Token[], i: number): boolean {
  const light = forms(tokens[i - 1]).some((f) => TRIGGERS.get(f)?.light || f === "عقد" || f === "اجراء");
  const about = light ? tokens[i - 2] : tokens[i - 1];
  if (!forms(about).includes("عن")) return false;
  const window = tokens.slice(Math.max(0, i - 10), i);
  return window.some(
    (t, k) => forms(t).some((f) => ["لم", "لا", "لن"].includes(f)) && ANNOUNCE.has(window[k + 1]?.norm ?? ""),
  );
}

const HELD = new Set(["يعقد", "تعقد", "يتم", "تتم", "يحدث", "تحدث", "يجري", "تجري", "ينعقد", "تنعقد"]);
const CALLED_OFF = new Set(["الغي", "الغيت", "الغاء", "تاجل", "تاجلت", "تاجيل", "ارجي", "ارجيت", "ارجاء"]);

/** "اللقاء لن يعقد"، "القمة أُلغيت"، "تأجيل الزيارة": an event word said not to happen after all. */
function isCalledOff(tokens: Token[], i: number): boolean {
  const after = tokens.slice(i + 1, i + 6);
  // "ألغى الرئيس الأمريكي دونالد ترامب أواخر آب/أغسطس زيارة": the canceller and a date may stand between.
  const before = tokens.slice(Math.max(0, i - 8), i);
  let cancel = -1;
  before.forEach((t, k) => {
    if (forms(t).some((f) => CALLED_OFF.has(f))) cancel = k;
  });
  const eventBetween = before
    .slice(cancel + 1)
    .some((t) => forms(t).some((f) => TRIGGERS.has(f) && !TRIGGERS.get(f)?.light));
  if (cancel >= 0 && !eventBetween) return true;
  return after.some(
    (t, k) =>
      forms(t).some((f) => CALLED_OFF.has(f)) ||
      ((t.norm === "لن" || t.norm === "لم") && HELD.has(after[k + 1]?.norm ?? "")),
  );
}

/**
 * Only expected, possible or proposed: "توقع أن يلتقيا"، "قد يلتقي"، "لقاء محتمل"، "دعا إلى لقاء"، and an
 * invitation to visit nobody has accepted yet.
 */
function isSpeculative(tokens: Token[], i: number, form: TriggerWord["form"]): boolean {
  const before = tokens.slice(Math.max(0, i - 5), i);
  if (before.some((t, k) => isIn(SPECULATION_MARKERS, t) && !isScheduled(before, k))) return true;
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
