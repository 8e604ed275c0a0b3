import { cliticForms, tokenize } from "../text/normalize.ts";
import { spellingVariants } from "../text/variants.ts";

/** A keyword as subscriptions store it: its words normalized, punctuation dropped, one space apart. */
export function normalizeKeyword(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(" ");
}

/** A text prepared once for testing many keywords against it: each word's clitic forms. */
export type KeywordIndex = ReadonlySet<string>[];

export function indexKeywordText(text: string): KeywordIndex {
  return tokenize(text).map((t) => new Set(cliticForms(t.norm)));
}

/**
 * Whether the text contains the keyword as whole words, each word possibly with a proclitic
 * (وبيونغ يانغ, لموسكو) and in any systematic spelling (جونغ/جونج); a two-word keyword also matches
 * written as one word (بيونغ يانغ / بيونغيانغ).
 */
export function matchesKeyword(index: KeywordIndex, keyword: string): boolean {
  const words = keyword.split(" ").filter(Boolean);
  if (words.length === 0) return false;
  const phrases = [words.map(spellingVariants)];
  if (words.length > 1) phrases.push([spellingVariants(words.join(""))]);
  return phrases.some((phrase) => containsPhrase(index, phrase));
}

function containsPhrase(index: KeywordIndex, phrase: string[][]): boolean {
  for (let start = 0; start + phrase.length <= index.length; start++) {
    const hit = phrase.every((variants, offset) => {
      const forms = index[start + offset];
      return forms !== undefined && variants.some((v) => forms.has(v));
    });
    if (hit) return true;
  }
  return false;
}
