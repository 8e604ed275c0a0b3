import { normalizeArabic } from "./normalize.ts";

/**
 * Function words that carry no topic: a search drops them, so "ما أخبار التعاون في مجال الطاقة؟" looks for
 * التعاون، مجال، الطاقة rather than requiring في and ما in every article. Written in normalized form's
 * source spelling and normalized once here.
 */
// biome-ignore format: a word list reads better packed
const WORDS = [
  // Arabic prepositions, conjunctions, particles, pronouns, demonstratives and question words
  "في", "فى", "من", "على", "علي", "إلى", "الى", "عن", "مع", "منذ", "بين", "عند", "حول", "خلال", "بعد", "قبل",
  "و", "أو", "او", "ثم", "أن", "إن", "ان", "أنه", "انه", "لا", "لم", "لن", "قد", "كان", "كانت", "هل", "ما",
  "ماذا", "متى", "أين", "اين", "كيف", "لماذا", "كم", "هو", "هي", "هم", "هذا", "هذه", "ذلك", "تلك", "الذي",
  "التي", "الذين", "كل", "أي", "اي", "أخبار", "اخبار", "آخر", "اخر", "جديد",
  // English
  "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "and", "or", "is", "are", "was",
  "were", "what", "when", "where", "who", "whom", "how", "why", "did", "does", "do", "about", "news", "latest",
  "any", "there", "has", "have", "new",
];

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.map(normalizeArabic));

/** The topic words of a list of normalized words; all of them when every one is a function word. */
export function dropStopwords(words: string[]): string[] {
  const kept = words.filter((w) => !STOPWORDS.has(w));
  return kept.length > 0 ? kept : words;
}
