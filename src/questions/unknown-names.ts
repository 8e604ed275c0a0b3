import { cliticForms, normalizeArabic, type Token } from "../text/normalize.ts";
import { isEventWord, readCue, STOP_WORDS } from "./question-words.ts";

/**
 * Words of a question that stand where a person's name goes but name nobody the directory knows ("When did
 * Zorblax meet Kim?", "متى التقى فلان بكيم؟"): the answer must say so instead of quietly answering about
 * Kim alone. A name slot is, in English, a capitalized word inside the sentence; in Arabic, a word right
 * after a meeting or visit word (التقى فلان، لقاءات فلان), after مع or بين, or joined by و/ب to a name
 * (بوتين وفلان، بفلان). Words of the slot that are common question words are no names.
 */

export interface UnknownName {
  /** The words as the question wrote them. */
  text: string;
  /** Token span [start, end). */
  start: number;
  end: number;
}

// Words that may fill a name slot without being a name: pronouns, adverbs, fillers of questions.
const NOT_NAMES = new Set(
  [
    "i",
    "you",
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "his",
    "their",
    "it",
    "its",
    "we",
    "us",
    "anyone",
    "someone",
    "somebody",
    "anybody",
    "everyone",
    "people",
    "officials",
    "leaders",
    "leader",
    "official",
    "person",
    "together",
    "recently",
    "ever",
    "again",
    "last",
    "first",
    "please",
    "ok",
    "hi",
    "hello",
    "and",
    "or",
    "هو",
    "هي",
    "هم",
    "احد",
    "أحد",
    "اي",
    "أي",
    "مؤخرا",
    "مؤخراً",
    "رسميا",
    "رسمياً",
    "شخصيا",
    "شخصياً",
    "سابقا",
    "سابقاً",
    "حديثا",
    "حديثاً",
    "اخيرا",
    "أخيراً",
    "ايضا",
    "أيضاً",
    "بالفعل",
    "فعلا",
    "فعلاً",
    "مجددا",
    "مجدداً",
    "معا",
    "معاً",
    "عاصمه",
    "العاصمه",
    "مدينه",
    "المدينه",
    "بلد",
    "البلد",
    "دوله",
    "capital",
    "city",
    "country",
    "نظير",
    "نظيره",
    "نظيرها",
    "نظيرته",
    "نظيريه",
    "نظيرهم",
    "counterpart",
    "counterparts",
    "مسؤول",
    "مسؤولين",
    "المسؤولين",
    "قاده",
    "القاده",
    "زعماء",
    "الزعماء",
    "خلال",
    "عام",
    "سنه",
    "شهر",
    "يوم",
    "مره",
    "مرات",
    "اول",
    "اخر",
    "كل",
  ].map(normalizeArabic),
);
const AUXILIARIES = new Set(["did", "does", "has", "have"]);
const SLOT_AFTER_AR = new Set(["مع", "بين"].map(normalizeArabic));
// Longest first: وب before و.
const JOINERS = ["وب", "ول", "و", "ب", "ل"];

/**
 * The unknown names of a question, each a run of slot words. `explained(i)` is true for tokens already read
 * as a name, place, title or date; `isPerson(i)` for tokens of a person's name.
 */
export function findUnknownNames(
  tokens: readonly Token[],
  explained: (i: number) => boolean,
  isPerson: (i: number) => boolean,
): UnknownName[] {
  const found: UnknownName[] = [];
  const isCandidate = (i: number): boolean => {
    const token = tokens[i];
    if (!token || explained(i) || !/^[\u0600-\u06FFa-z]/.test(token.norm)) return false;
    const forms = cliticForms(token.norm);
    if (forms.some((f) => STOP_WORDS.has(f) || NOT_NAMES.has(f))) return false;
    return !isEventWord(token) && readCue(tokens, i) === null;
  };
  // Where a name slot opens at token i: null when none, else the length of a proclitic joining it to the
  // name before it (بفلان after بوتين), which the answer leaves out when it quotes the word.
  const openSlot = (i: number): number | null => {
    const token = tokens[i] as Token;
    if (/^[a-z]/.test(token.norm)) {
      // A sentence's first word is capitalized anyway: a name only when a meeting word follows (Zorblax met…).
      const sentenceStart = i === 0 || /[.!?]$/.test(tokens[i - 1]?.raw ?? "");
      const next = tokens[i + 1];
      const named = !sentenceStart || (next !== undefined && isEventWord(next));
      if (named && /^[A-Z]/.test(token.raw)) return 0;
      // Written in lower case, only where nothing but a name fits: "when did zorblax meet kim", "… meet zorblax?"
      const prev = tokens[i - 1];
      const subjectSlot = AUXILIARIES.has(prev?.norm ?? "") && next !== undefined && isEventWord(next);
      const objectSlot = prev !== undefined && isEventWord(prev) && i === tokens.length - 1;
      return subjectSlot || objectSlot ? 0 : null;
    }
    const prev = tokens[i - 1];
    if (!prev) return null;
    if (isEventWord(prev) || SLOT_AFTER_AR.has(prev.norm)) return 0;
    if (!isPerson(i - 1)) return null;
    const joiner = JOINERS.find((j) => token.norm.startsWith(j) && token.norm.length > j.length + 2);
    return joiner ? joiner.length : null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const slot = isCandidate(i) ? openSlot(i) : null;
    if (slot === null) continue;
    let end = i + 1;
    // The words of a name go on while they are neither known nor question words (جون سميث, John Smith).
    while (end < tokens.length && isCandidate(end) && continuesName(tokens, end)) end++;
    const words = tokens.slice(i, end).map((t) => t.raw);
    words[0] = (words[0] as string).slice(slot);
    found.push({ text: words.join(" "), start: i, end });
    i = end - 1;
  }
  return found;
}

/** A Latin word continues a name when capitalized; an Arabic one when it carries no proclitic of its own. */
function continuesName(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i] as Token;
  if (/^[a-z]/.test(token.norm)) return /^[A-Z]/.test(token.raw);
  return !JOINERS.some((j) => token.norm.startsWith(j) && cliticForms(token.norm).length > 1);
}
