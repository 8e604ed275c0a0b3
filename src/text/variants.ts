import { normalizeArabic } from "./normalize.ts";

/**
 * Systematic spelling variation of foreign names written in Arabic, applied to a normalized string.
 * Each rule is a set of letters or letter sequences that outlets use interchangeably for one foreign sound:
 *  - the hard g: غ / ج (جونغ / جونج, بيونغ يانغ / بيونج يانج, سيرغي / سيرجي)
 *  - ch / ts: تش / تس (تشوي / تسوي)
 * Variants are generated per occurrence, capped to keep the expansion small.
 */
const INTERCHANGEABLE: string[][] = [
  ["غ", "ج"],
  ["تش", "تس"],
];
const MAX_VARIANTS = 32;

export function spellingVariants(text: string): string[] {
  const base = normalizeArabic(text);
  let variants = [base];
  for (const group of INTERCHANGEABLE) {
    const next = new Set<string>();
    for (const v of variants) {
      for (const s of expandGroup(v, group)) {
        next.add(s);
        if (next.size >= MAX_VARIANTS) break;
      }
    }
    variants = [...next];
  }
  // Joined and split compounds: "بيونغ يانغ" ↔ "بيونغيانغ".
  const joined = variants.filter((v) => v.includes(" ")).map((v) => v.replace(/ /g, ""));
  return [...new Set([...variants, ...joined])];
}

function expandGroup(text: string, group: string[]): string[] {
  const pattern = new RegExp(group.join("|"), "g");
  const parts = text.split(pattern);
  if (parts.length === 1) return [text];
  const results: string[] = [];
  const combine = (index: number, acc: string): void => {
    if (results.length >= MAX_VARIANTS) return;
    if (index === parts.length - 1) {
      results.push(acc + parts[index]);
      return;
    }
    for (const letter of group) combine(index + 1, acc + parts[index] + letter);
  };
  combine(0, "");
  return results;
}
