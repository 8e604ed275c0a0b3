import { cliticForms, normalizeArabic, type Token } from "../text/normalize.ts";
import {
  COMPLEMENTIZERS,
  NON_NAME_WORDS,
  ORGAN_WORDS,
  SPEECH_VERBS,
  STOP_NAME_WORDS,
  TRIGGERS,
} from "./event-lexicon.ts";
import type { PersonRef } from "./mentions.ts";

/**
 * People the gazetteer does not know, read from apposition with a title: "نائب وزير خارجية كوريا
 * الشمالية، إيم تشون إيل" or "عضو الحزب الشيوعي الصيني لي هونغ زونغ". The name is two or three words
 * right after the title, none of them a known entry, a function word, an event or speech word, a number
 * or a word with the article (foreign names written in Arabic never take ال).
 */

const MAX_NAME_WORDS = 3;
const ARABIC_WORD = /^[\u0621-\u064A]{2,}$/;

export function discoverName(
  tokens: Token[],
  at: number,
  gap: (a: number, b: number) => string,
  isKnown: (index: number) => boolean,
): { name: string; end: number } | null {
  const parts: string[] = [];
  let j = at;
  while (j < tokens.length && parts.length < MAX_NAME_WORDS) {
    const token = tokens[j] as Token;
    // "روه مو-هيون": Maghreb and Levantine outlets hyphenate the parts of a name.
    if (parts.length > 0 && !/^(\s+|-)$/.test(gap(j - 1, j))) break;
    if (!isNameWord(token) || isKnown(j)) break;
    parts.push(token.raw);
    j++;
  }
  if (parts.length < 2) return null;
  return { name: parts.join(" "), end: j };
}

const MAX_ORGAN_WORDS = 8;

/**
 * A name after the organisation a title heads: "مدير مكتب لجنة الشؤون الخارجية في الحزب الشيوعي يانغ
 * جيه تشي،". The words skipped start with an organisation head or a word with the article, hold no
 * comma, and the name ends the apposition (a comma, a full stop or the end follows it).
 */
export function discoverNameAfterOrgan(
  tokens: Token[],
  at: number,
  gap: (a: number, b: number) => string,
  isKnown: (index: number) => boolean,
): { name: string; end: number } | null {
  const head = tokens[at];
  if (!head || !cliticForms(head.norm).some((f) => ORGAN_WORDS.has(f) || f.startsWith("ال"))) return null;
  for (let j = at + 1; j < Math.min(tokens.length, at + MAX_ORGAN_WORDS); j++) {
    if (/[،,.:;؛"«»()]/.test(gap(j - 1, j))) return null;
    const token = tokens[j] as Token;
    if (cliticForms(token.norm).some((f) => TRIGGERS.has(f) || SPEECH_VERBS.has(f))) return null;
    const found = discoverName(tokens, j, gap, isKnown);
    if (!found) continue;
    const closes = found.end >= tokens.length || /[،,.؛;]/.test(gap(found.end - 1, found.end));
    return closes ? found : null;
  }
  return null;
}

function isNameWord(token: Token): boolean {
  // Foreign names never take the article, also behind a proclitic (للإلكترونيات، والإصلاح).
  // A name may open with a hamzated alef-lam (أليكسي، ألبرايت), never with the article.
  const article = /^(و|ف)?(ال|لل|بال|كال)/.test(token.norm) && !/^[أإآ]ل/.test(token.raw);
  if (!ARABIC_WORD.test(token.norm) || article) return false;
  const stem = cliticForms(token.norm);
  return !stem.some(
    (f) =>
      STOP_NAME_WORDS.has(f) ||
      NON_NAME_WORDS.has(f) ||
      TRIGGERS.has(f) ||
      SPEECH_VERBS.has(f) ||
      COMPLEMENTIZERS.has(f) ||
      hasVerbShape(f),
  );
}

/**
 * Shapes of Arabic words that transliterated names do not take: a past verb of three root letters with
 * the feminine ت (وصفت، أكدت، قالت) without the long vowels of names like كورت and a verbal noun behind the preposition ب or ل (بتفكيك، لتعزيز،
 * باستئناف).
 */
function hasVerbShape(form: string): boolean {
  if (/^[^اتوي]{3}ت$/.test(form) || /^[^اتوي]ا[^اتوي]ت$/.test(form)) return true;
  return /^[بل](ت|است)[^ا]{2,}[ايو]?[^ا]+$/.test(form) && form.length >= 6;
}

const LATIN: Record<string, string> = {
  ا: "a",
  ب: "b",
  ت: "t",
  ث: "th",
  ج: "j",
  ح: "h",
  خ: "kh",
  د: "d",
  ذ: "dh",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "sh",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  ع: "a",
  غ: "g",
  ف: "f",
  ق: "q",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  و: "w",
  ي: "y",
  ء: "",
};

/**
 * A readable, stable id for a discovered name: "x-" and a letter-by-letter transliteration of the
 * normalized name, with the interchangeable letters of spellingVariants folded first (جونج = جونغ).
 */
export function transliterate(nameAr: string): string {
  return normalizeArabic(nameAr)
    .replace(/ج/g, "غ")
    .replace(/تس/g, "تش")
    .split(/\s+/)
    .map((w) => [...w].map((ch) => LATIN[ch] ?? "").join(""))
    .filter(Boolean)
    .join("-");
}

export function discoveredPerson(nameAr: string): PersonRef {
  const clean = nameAr.replace(/[\u064B-\u065F\u0640]/g, "");
  return {
    entity: {
      id: `x-${transliterate(clean)}`,
      kind: "person",
      nameEn: null,
      nameAr: clean,
      discovered: true,
    },
    person: null,
  };
}
