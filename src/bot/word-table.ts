import { normalizeArabic } from "../text/normalize.ts";

/**
 * Words a user may type for an option (`daily`, `يومي`, `يومياً`), looked up as normalizeArabic folds them,
 * so hamza, alef and ya spellings, diacritics and case all match.
 */
export function createWordTable<T>(entries: Record<string, T>): (word: string) => T | undefined {
  const table = new Map(Object.entries(entries).map(([word, value]) => [normalizeArabic(word), value]));
  return (word) => table.get(normalizeArabic(word));
}
