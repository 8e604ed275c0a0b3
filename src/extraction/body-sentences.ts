import { normalizeArabic } from "../text/normalize.ts";

/**
 * The sentences of an article body that can report events. The cleaner (src/articles/clean.ts) has
 * already dropped the boilerplate it recognises; these rules keep out what is left of other stories:
 *  - a short line without a closing full stop is a headline, a dateline, a caption or an item of a
 *    related-stories list ("بوتين يستقبل كيم جونج أون فى فلاديفوستوك"), not a sentence of the report;
 *  - a line that is one quotation («…») is an embedded post or a pull quote;
 *  - after a short line ending in a colon ("موضوعات متعلقة:", "تغريدة مضمّنة:") the lines that follow
 *    belong to that block until a full paragraph of prose returns.
 * Every line is still returned (with `body: false`) so names in headlines can introduce people.
 */

export interface Sentence {
  text: string;
  /** Index of the paragraph (line) the sentence stands in. */
  paragraph: number;
  /** False for headlines, list items, quotations and similar lines that report no event. */
  body: boolean;
}

const SENTENCE_END = /[.!?؟]["'»”)\]]*\s*$/;
const QUOTE_LINE = /^["'«“„].*["'»”]\s*[.!?؟]?$/s;
const BLOCK_MARKER = /^[^.!?؟]{1,40}:\s*$/;
const MIN_PROSE_WORDS = 12;
// Headlines, captions and list items stay shorter than this.
const MIN_UNSTOPPED_WORDS = 18;
const BULLET = /^[-–•·*▪●]\s/;

export function splitBodySentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let inBlock = false;
  text.split("\n").forEach((rawLine, paragraph) => {
    const line = rawLine.trim();
    if (!line) return;
    const words = line.split(/\s+/).length;
    if (BLOCK_MARKER.test(line) && words <= 5) {
      inBlock = true;
      sentences.push({ text: line, paragraph, body: false });
      return;
    }
    // Some outlets end paragraphs without a full stop: a long line is prose all the same.
    const prose =
      (SENTENCE_END.test(line) || words >= MIN_UNSTOPPED_WORDS) &&
      !QUOTE_LINE.test(line) &&
      !BULLET.test(line);
    if (inBlock && prose && words >= MIN_PROSE_WORDS) inBlock = false;
    const body = prose && !inBlock;
    for (const sentence of splitLine(line).flatMap(capLength))
      sentences.push({ text: sentence, paragraph, body });
  });
  // A short item written without any full stop is all body, but for its headline and list lines.
  if (!sentences.some((s) => s.body)) {
    for (const s of sentences.slice(1))
      s.body = !BULLET.test(s.text) && !QUOTE_LINE.test(s.text) && !BLOCK_MARKER.test(s.text);
  }
  return sentences;
}

/**
 * Longer than any real sentence (a paragraph without full stops, a scraped blob): cut into pieces of at
 * most this many words, at the last comma of each piece, else at the last word starting with و, else
 * hard. Every later step is at least linear in a sentence's length, some quadratic.
 */
const MAX_SENTENCE_WORDS = 80;

function capLength(sentence: string): string[] {
  const words = sentence.split(/\s+/);
  if (words.length <= MAX_SENTENCE_WORDS) return [sentence];
  const pieces: string[] = [];
  let start = 0;
  while (words.length - start > MAX_SENTENCE_WORDS) {
    const window = words.slice(start, start + MAX_SENTENCE_WORDS);
    const comma = lastIndexFrom(window, MAX_SENTENCE_WORDS / 2, (w) => /[،,؛;]$/.test(w));
    const waw = lastIndexFrom(window, MAX_SENTENCE_WORDS / 2, (w) => /^و/.test(w));
    const cut = comma >= 0 ? comma + 1 : waw >= 0 ? waw : MAX_SENTENCE_WORDS;
    pieces.push(words.slice(start, start + cut).join(" "));
    start += cut;
  }
  pieces.push(words.slice(start).join(" "));
  return pieces;
}

/** The last index at or after `from` whose word passes, or -1. */
function lastIndexFrom(words: string[], from: number, test: (word: string) => boolean): number {
  for (let k = words.length - 1; k >= from; k--) if (test(words[k] as string)) return k;
  return -1;
}

// A full stop ends a sentence unless it stands between digits (12.5); a run of stops (..) ends it once.
function splitLine(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (!".!?؟".includes(ch)) continue;
    const prev = line[i - 1] ?? "";
    const next = line[i + 1] ?? "";
    if (ch === "." && /\d/.test(prev) && /\d/.test(next)) continue;
    if (next && !/[\s"'»”)\]]/.test(next)) continue;
    let end = i + 1;
    while (end < line.length && /["'»”)\]]/.test(line[end] as string)) end++;
    const part = line.slice(start, end).trim();
    if (normalizeArabic(part).length > 1) parts.push(part);
    start = end;
    i = end - 1;
  }
  const rest = line.slice(start).trim();
  if (normalizeArabic(rest).length > 1) parts.push(rest);
  return parts;
}
