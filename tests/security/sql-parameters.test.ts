import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "..", "src");

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listSources(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** SQL text handed to SQLite: the argument of prepare() / exec(), up to its closing parenthesis. */
const SQL_CALL = /\.(prepare|exec)\(\s*(`[\s\S]*?`|"[^"]*"|'[^']*')/g;

interface SqlLiteral {
  /** Where the literal starts in the file. */
  index: number;
  /** The text with its top-level `${…}` splices. */
  splices: string[];
  /** Joined to something else with +. */
  concatenated: boolean;
}

/** The end of a template literal that starts at `start` (a backtick), and its top-level splices. */
function readTemplate(source: string, start: number): { end: number; splices: string[] } {
  const splices: string[] = [];
  let i = start + 1;
  while (i < source.length && source[i] !== "`") {
    if (source[i] === "\\") i += 2;
    else if (source[i] === "$" && source[i + 1] === "{") {
      const from = i + 2;
      let depth = 1;
      i = from;
      while (i < source.length && depth > 0) {
        if (source[i] === "`") i = readTemplate(source, i).end;
        else if (source[i] === "{") depth++;
        else if (source[i] === "}") depth--;
        i++;
      }
      splices.push(source.slice(from, i - 1));
    } else i++;
  }
  return { end: i, splices };
}

/**
 * Every string or template literal in the file whose text starts with an SQL statement, wherever it goes:
 * straight to prepare(), or through a helper (a statement cache) that prepares it.
 */
function findSqlLiterals(source: string): SqlLiteral[] {
  const found: SqlLiteral[] = [];
  for (const match of source.matchAll(/([`"'])\s*(SELECT|INSERT|UPDATE|DELETE|WITH|REPLACE)\s/g)) {
    const quote = match[1] as string;
    const index = match.index;
    let end: number;
    let splices: string[] = [];
    if (quote === "`") ({ end, splices } = readTemplate(source, index));
    else end = source.indexOf(quote, index + 1);
    const before = source.slice(Math.max(0, index - 3), index);
    const after = source.slice(end + 1, end + 4);
    found.push({ index, splices, concatenated: /\+\s*$/.test(before) || /^\s*\+/.test(after) });
  }
  return found;
}

// Fragments chosen by the code: a run of "?" placeholders or a column list joined from a constant array.
const FIXED_FRAGMENT = /placeholders|Placeholders|COLUMNS|_SQL\b/;
// SQL assembled from fixed pieces (optional clauses) says so just above it, for the reviewer and this test.
const REVIEWED = /Built only from fixed fragments/;

describe("SQL statements", () => {
  const files = listSources(SRC);

  it("are found in the sources (the checks below look at something)", () => {
    const calls = files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(SQL_CALL)]);
    expect(calls.length).toBeGreaterThan(5);
    const literals = files.flatMap((file) => findSqlLiterals(readFileSync(file, "utf8")));
    expect(literals.length).toBeGreaterThan(calls.length / 2);
  });

  it("never splice values into SQL text: values are bound parameters", () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(SQL_CALL)) {
        const sql = match[2] ?? "";
        const spliced = [...sql.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1] ?? "");
        const unsafe = spliced.filter((expr) => !FIXED_FRAGMENT.test(expr));
        if (unsafe.length > 0) offenders.push(`${relative(SRC, file)}: \${${unsafe.join("}, ${")}}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("never build SQL text from values, however it reaches SQLite (helpers, +, nested templates)", () => {
    const offenders: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      for (const literal of findSqlLiterals(source)) {
        const line = source.slice(0, literal.index).split("\n").length;
        const where = `${relative(SRC, file)}:${line}`;
        if (literal.concatenated) offenders.push(`${where}: joined with +`);
        const unsafe = literal.splices.filter((expr) => !FIXED_FRAGMENT.test(expr));
        const above = source.slice(0, literal.index).split("\n").slice(-4).join("\n");
        if (unsafe.length > 0 && !REVIEWED.test(above))
          offenders.push(`${where}: \${${unsafe.join("}, ${")}}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the scanner sees splices inside nested templates and concatenation", () => {
    const sample = [
      'db.prepare("SELECT * FROM t WHERE a = \'" + value + "\'")',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the scanner, not a template
      'statement(db, `SELECT * FROM t ${cond ? `WHERE a = ${value}` : ""}`)',
    ].join("\n");
    const literals = findSqlLiterals(sample);
    expect(literals.map((l) => l.concatenated)).toEqual([true, false]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the splice as the scanner reads it
    expect(literals[1]?.splices).toEqual(['cond ? `WHERE a = ${value}` : ""']);
  });
});
