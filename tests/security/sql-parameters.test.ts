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

describe("SQL statements", () => {
  const files = listSources(SRC);

  it("are found in the sources (the check below looks at something)", () => {
    const calls = files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(SQL_CALL)]);
    expect(calls.length).toBeGreaterThan(5);
  });

  it("never splice values into SQL text: values are bound parameters", () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(SQL_CALL)) {
        const sql = match[2] ?? "";
        // A template may only splice a fixed fragment chosen by the code: a run of "?" placeholders or a
        // column list joined from a constant array (named *_COLUMNS / *Placeholders by convention).
        const spliced = [...sql.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1] ?? "");
        const unsafe = spliced.filter((expr) => !/placeholders|Placeholders|COLUMNS|_SQL\b/.test(expr));
        if (unsafe.length > 0) offenders.push(`${relative(SRC, file)}: \${${unsafe.join("}, ${")}}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
