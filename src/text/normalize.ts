/**
 * The one place that defines how Arabic text is folded for matching and search.
 * Search, extraction and question parsing all compare text through these functions.
 *
 * Rules of normalizeArabic, in order:
 *  1. NFKC (presentation forms → base letters, full-width → ASCII).
 *  2. Diacritics U+064B–U+065F, superscript alef U+0670 and tatweel U+0640 removed;
 *     direction marks (LRM, RLM, ALM, isolates) and zero-width characters removed.
 *  3. Letters: أ إ آ ٱ ٲ ٳ → ا · ى ی ې → ي · ک ڪ گ → ك · ة ۀ ە → ه · ؤ → و · ئ → ي · ڤ → ف · پ → ب · چ → ج.
 *  4. Digits: Arabic-Indic ٠–٩ and Persian ۰–۹ → 0–9.
 *  5. Hyphens, dashes and underscores → space; quote variants (« » “ ” „ ‘ ’ ′ ″ ‹ ›) → '"' or "'";
 *     Arabic comma/semicolon/question mark → , ; ? ; Latin letters lower-cased; runs of spaces collapsed.
 */

const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;
const LETTER_MAP: Record<string, string> = {
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ٲ: "ا",
  ٳ: "ا",
  ى: "ي",
  ی: "ي",
  ې: "ي",
  ک: "ك",
  ڪ: "ك",
  گ: "ك",
  ة: "ه",
  ۀ: "ه",
  ە: "ه",
  ؤ: "و",
  ئ: "ي",
  ڤ: "ف",
  پ: "ب",
  چ: "ج",
  "،": ",",
  "؛": ";",
  "؟": "?",
  "«": '"',
  "»": '"',
  "“": '"',
  "”": '"',
  "„": '"',
  "″": '"',
  "‘": "'",
  "’": "'",
  "′": "'",
  "‹": "'",
  "›": "'",
};
const LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join("")}]`, "g");
const DASHES = /[-‐‑‒–—―_]/g;

function foldDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return ch;
}

export function normalizeArabic(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLES, "")
    .replace(DIACRITICS, "")
    .replace(LETTERS, (ch) => LETTER_MAP[ch] ?? ch)
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, foldDigit)
    .replace(DASHES, " ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export interface Token {
  /** The token as written in the source text. */
  raw: string;
  /** normalizeArabic(raw). */
  norm: string;
  /** Offsets of raw in the source text. */
  start: number;
  end: number;
}

// A word is a run of letters, marks and digits; Arabic diacritics and tatweel stay inside words.
const WORD = /[\p{L}\p{M}\p{N}\u0640\u200B-\u200F\u061C\u2066-\u2069]+/gu;

/** Splits text into word tokens with their offsets; hyphenated names give one token per part. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const norm = normalizeArabic(match[0]);
    if (!norm) continue;
    tokens.push({ raw: match[0], norm, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

// Longest first, so "وال" is tried before "و". "لل" stands for ل + ال (للرئيس → رئيس).
const PROCLITICS = [
  "وبال",
  "وكال",
  "وال",
  "بال",
  "كال",
  "فال",
  "ولل",
  "لل",
  "ال",
  "وب",
  "ول",
  "فب",
  "فل",
  "و",
  "ف",
  "ب",
  "ل",
  "ك",
];
const MIN_STEM = 2;

/**
 * The forms under which a normalized token may be looked up: the token itself first, then the token
 * with each matching proclitic removed (longest first). Callers try the forms in order and keep the first
 * that is known, so a name that starts with a clitic letter (بوتين) is found as itself before any
 * stripped form — stripping only removes prefixes, never a name's own ending.
 */
export function cliticForms(norm: string): string[] {
  const forms = [norm];
  if (!/^[\u0621-\u064A]/.test(norm)) return forms;
  for (const clitic of PROCLITICS) {
    if (norm.startsWith(clitic) && norm.length - clitic.length >= MIN_STEM) {
      const stem = norm.slice(clitic.length);
      if (!forms.includes(stem)) forms.push(stem);
    }
  }
  return forms;
}

/** "ar" when Arabic letters dominate the letters of the text, "en" when Latin ones do. */
export function detectLanguage(text: string): "ar" | "en" | "other" {
  let arabic = 0;
  let latin = 0;
  for (const ch of text) {
    if (/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(ch)) arabic++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  if (arabic === 0 && latin === 0) return "other";
  if (arabic >= latin) return "ar";
  return latin > 0 ? "en" : "other";
}
