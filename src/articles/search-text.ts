import { cliticForms, tokenize } from "../text/normalize.ts";
import { dropStopwords } from "../text/stopwords.ts";
import { spellingVariants } from "../text/variants.ts";

/**
 * What goes into the full-text index for a text: each token normalized, followed by its clitic-stripped
 * forms, so a search for لافروف finds ولافروف and one for كيم finds بكيم.
 */
export function buildIndexText(text: string): string {
  const out: string[] = [];
  for (const token of tokenize(text)) out.push(...cliticForms(token.norm));
  return out.join(" ");
}

const MAX_QUERY_TOKENS = 12;

/**
 * An FTS5 MATCH expression for a user's query: every word must match, each in any of its spelling
 * variants (جونغ/جونج); two adjacent words may also match written as one (بيونغ يانغ / بيونغيانغ).
 * Returns null when the query has no searchable word.
 */
export function buildFtsQuery(query: string): string | null {
  const words = dropStopwords(tokenize(query).map((t) => t.norm)).slice(0, MAX_QUERY_TOKENS);
  if (words.length === 0) return null;
  // The word as typed, its clitic-stripped stems (ولافروف → لافروف) and their spelling variants.
  const alternatives = (word: string): string[] => [...new Set(cliticForms(word).flatMap(spellingVariants))];
  const quote = (s: string): string => `"${s.replace(/"/g, "")}"`;
  const clauses: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    const single = `(${alternatives(word).map(quote).join(" OR ")})`;
    if (next === undefined) {
      clauses.push(single);
      continue;
    }
    const pair = `${single} AND (${alternatives(next).map(quote).join(" OR ")})`;
    const joined = spellingVariants(word + next).map(quote);
    clauses.push(`((${pair}) OR ${joined.join(" OR ")})`);
    i++;
  }
  return clauses.join(" AND ");
}

/**
 * A snippet of the original text around the first word of the query, with the matching words marked by
 * the given delimiters — computed on the original text so it keeps its own spelling.
 */
export function buildSnippet(
  text: string,
  query: string,
  window = 12,
  mark: [string, string] = ["[", "]"],
): string {
  const words = dropStopwords(tokenize(query).map((t) => t.norm));
  const wanted = new Set<string>();
  for (const word of words)
    for (const form of cliticForms(word)) for (const v of spellingVariants(form)) wanted.add(v);
  // A two-word query may stand in the text as one word (بيونج يانج → بيونغيانغ).
  for (let i = 0; i + 1 < words.length; i++)
    for (const v of spellingVariants(`${words[i]}${words[i + 1]}`)) wanted.add(v);
  const tokens = tokenize(text);
  const matches = (norm: string): boolean => cliticForms(norm).some((f) => wanted.has(f));
  const first = tokens.findIndex((t) => matches(t.norm));
  const from = Math.max(0, first - window / 2);
  const slice = tokens.slice(from, from + window);
  if (slice.length === 0) return "";
  let out = "";
  let cursor = slice[0]?.start ?? 0;
  for (const token of slice) {
    out += text.slice(cursor, token.start);
    out += matches(token.norm) ? `${mark[0]}${token.raw}${mark[1]}` : token.raw;
    cursor = token.end;
  }
  const prefix = from > 0 ? "…" : "";
  const suffix = from + window < tokens.length ? "…" : "";
  return `${prefix}${out.replace(/\s+/g, " ").trim()}${suffix}`;
}
