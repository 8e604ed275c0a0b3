import type { EventType } from "../events/event-types.ts";
import { cliticForms, normalizeArabic, type Token } from "../text/normalize.ts";

/**
 * The words that tell what a question asks, Arabic and English. Arabic verbs and nouns are matched by stem
 * (التقى/التقت/التقوا → "التق"), on every clitic form of the token, after normalizeArabic.
 */

export type Cue = "who" | "when" | "where" | "count" | "what" | "whether";

const set = (list: string[]): Set<string> => new Set(list.map(normalizeArabic));
const stems = (list: string[]): string[] => list.map(normalizeArabic);

/** Interrogatives that open a question. Arabic من is "who" only where it can be one (see readCue). */
// Dialect forms too: مين (who), إمتى (when), فين/وين (where), كام/قديش (how many), شو/إيش/إيه (what).
const WHO = set(["who", "whom", "which", "بمن", "ممن", "لمن", "فمن", "أي", "مين", "ومين"]);
/** Yes/no questions, read only as the question's first word. */
const WHETHER = set(["هل", "أهل", "did", "has", "have", "had", "was", "were", "is", "does"]);
const WHEN = set(["متى", "إمتى", "امتى", "when"]);
const WHERE = set(["أين", "اين", "فين", "وين", "where", "wherever"]);
const WHAT = set([
  "ماذا",
  "شو",
  "إيش",
  "إيه",
  "ما",
  "ماهي",
  "ماهو",
  "what",
  "whats",
  "latest",
  "news",
  "tell",
  "أخبار",
  "جديد",
  "مستجدات",
  "آخر",
  "اخر",
  "أحدث",
  "update",
  "updates",
  "anything",
  "list",
  "show",
]);
/** Words after which Arabic من asks "who": مع من، إلى من، قل لي من. */
const WHO_AFTER = set(["مع", "الى", "إلى", "لي", "عن", "اعرف", "أخبرني", "اخبرني"]);
const HOW = set(["how", "كم", "كام", "قديش"]);
const TIMES = set(["times", "often", "many", "مره", "مرات", "مرة"]);

export function hasWord(token: Token | undefined, words: Set<string>): boolean {
  return token !== undefined && cliticForms(token.norm).some((f) => words.has(f));
}

function startsWithAny(token: Token | undefined, prefixes: string[]): boolean {
  return token !== undefined && cliticForms(token.norm).some((f) => prefixes.some((p) => f.startsWith(p)));
}

/** The interrogative a token is, given its neighbours; null when it is none. */
export function readCue(tokens: readonly Token[], i: number): Cue | null {
  const token = tokens[i];
  if (!token) return null;
  if (hasWord(token, HOW) && tokens.slice(i + 1, i + 3).some((t) => hasWord(t, TIMES))) return "count";
  if (hasWord(token, WHEN)) return "when";
  if (hasWord(token, WHERE)) return "where";
  if (hasWord(token, WHO)) return "who";
  if (i === 0 && hasWord(token, WHETHER)) return "whether";
  if (token.norm === "من" || token.norm === "ومن") {
    // First Arabic word: a bot mention or a Latin name may come before it ("@rasid_bot من التقى كيم").
    const firstArabic = tokens.slice(0, i).every((t) => !/[\u0600-\u06FF]/.test(t.norm));
    if (firstArabic || hasWord(tokens[i - 1], WHO_AFTER)) return "who";
    return null;
  }
  if (hasWord(token, WHAT)) return "what";
  return null;
}

const MEET_STEMS = stems([
  "التق",
  "يلتق",
  "تلتق",
  "اجتمع",
  "يجتمع",
  "تجتمع",
  "اجتماع",
  "قابل",
  "يقابل",
  "استقبل",
  "يستقبل",
  "لقاء",
  "لقاء",
  "محادثات",
  "مباحثات",
  "قمه",
  "قمم",
]);
const MEET_EN = set([
  "met",
  "meet",
  "meets",
  "meeting",
  "meetings",
  "talks",
  "summit",
  "summits",
  "received",
  "hosted",
  "receive",
  "host",
]);
const VISIT_STEMS = stems([
  "زار",
  "يزور",
  "تزور",
  "زيار",
  "زائر",
  "زوار",
  "وصل",
  "يصل",
  "تصل",
  "وصول",
  "سافر",
  "توجه",
]);
const VISIT_EN = set([
  "visit",
  "visited",
  "visits",
  "visiting",
  "trip",
  "trips",
  "travelled",
  "traveled",
  "arrived",
  "went",
  "visitor",
  "visitors",
]);
const CALL_STEMS = stems(["اتصال", "اتصل", "يتصل", "مكالم", "هاتف", "مهاتف"]);
const CALL_EN = set(["call", "calls", "called", "phoned", "phone", "spoke"]);
const PLANNED_STEMS = stems([
  "مرتقب",
  "مقرر",
  "مزمع",
  "مخطط",
  "معلن",
  "اعلن",
  "المرتقب",
  "المقرر",
  "المعلن",
  "المزمع",
]);
const PLANNED_EN = set(["planned", "announced", "upcoming", "scheduled", "expected", "future"]);

export interface VerbClasses {
  meet: boolean;
  visit: boolean;
  call: boolean;
  planned: boolean;
}

/** Which kinds of event the words of the question name (skipping the tokens of names and dates). */
export function readVerbs(tokens: readonly Token[], skip: (i: number) => boolean): VerbClasses {
  const found: VerbClasses = { meet: false, visit: false, call: false, planned: false };
  tokens.forEach((token, i) => {
    if (skip(i)) return;
    const latin = /^[a-z]/.test(token.norm);
    if (latin ? MEET_EN.has(token.norm) : startsWithAny(token, MEET_STEMS)) found.meet = true;
    if (latin ? VISIT_EN.has(token.norm) : startsWithAny(token, VISIT_STEMS)) found.visit = true;
    if (latin ? CALL_EN.has(token.norm) : startsWithAny(token, CALL_STEMS)) found.call = true;
    if (latin ? PLANNED_EN.has(token.norm) : startsWithAny(token, PLANNED_STEMS)) found.planned = true;
  });
  return found;
}

/** A word that names a kind of event (التقى, visited, اتصال): it says what is asked, not what about. */
export function isEventWord(token: Token): boolean {
  const verbs = readVerbs([token], () => false);
  return verbs.meet || verbs.visit || verbs.call || verbs.planned;
}

/** The event types a question lists itself ("لقاءات بوتين واتصالاته", "meetings, visits, announced talks"). */
export function typesOf(verbs: VerbClasses): EventType[] | null {
  const types: EventType[] = [];
  if (verbs.meet) types.push("meeting");
  if (verbs.visit) types.push("visit");
  if (verbs.call) types.push("call");
  if (verbs.planned) types.push("planned");
  return types.length > 0 ? types : null;
}

const OLDEST = set([
  "اول",
  "أول",
  "أقدم",
  "اقدم",
  "first",
  "earliest",
  "oldest",
  "chronological",
  "chronologically",
]);
const CHRONO_AR = stems(["بالترتيب", "تسلسل", "زمني"]);

export function readOrder(tokens: readonly Token[]): "newest" | "oldest" {
  return tokens.some((t) => hasWord(t, OLDEST) || startsWithAny(t, CHRONO_AR)) ? "oldest" : "newest";
}

/** Words of a question that carry no search meaning, dropped before a full-text search. */
export const STOP_WORDS = set([
  "من",
  "ما",
  "ماذا",
  "هل",
  "هي",
  "هو",
  "في",
  "على",
  "عن",
  "الى",
  "إلى",
  "مع",
  "متى",
  "أين",
  "اين",
  "كيف",
  "لماذا",
  "كم",
  "التي",
  "الذي",
  "ذلك",
  "هذا",
  "هذه",
  "قد",
  "لقد",
  "the",
  "a",
  "an",
  "of",
  "in",
  "on",
  "at",
  "to",
  "is",
  "are",
  "was",
  "were",
  "did",
  "does",
  "do",
  "what",
  "who",
  "when",
  "where",
  "why",
  "how",
  "about",
  "and",
  "or",
  "with",
  "s",
  "any",
  "there",
  "tell",
  "me",
]);
