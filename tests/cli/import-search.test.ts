import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runRasid as rasid } from "./run-rasid.ts";

const DEV_CORPUS = join(ROOT, "..", "shared", "eval", "dev", "corpus.jsonl");
const SEEDS = join(ROOT, "data", "corpus");

describe("rasid import and search (the command line)", () => {
  const db = join(mkdtempSync(join(tmpdir(), "rasid-cli-")), "cli.db");

  it("imports a folder once and skips it the second time", () => {
    const first = rasid(["--db", db, "import", SEEDS]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Imported 5 article\(s\), skipped 0/);
    const second = rasid(["import", SEEDS], { RASID_DB: db });
    expect(second.stdout).toMatch(/Imported 0 article\(s\), skipped 5/);
  });

  it("searches with --json in the contract's shape, folding spelling variants", () => {
    const { code, stdout } = rasid(["--db", db, "search", "--json", "بيونج يانج"]);
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as {
      id: string;
      url: string;
      title: string;
      published: string;
      snippet: string;
    }[];
    expect(Object.keys(hits[0] ?? {}).sort()).toEqual(["id", "published", "snippet", "title", "url"]);
    // s000/s001 spell it بيونغ يانغ, s003 بيونغيانغ, s004 بيونج يانج.
    expect(hits.map((h) => h.id).sort()).toEqual(expect.arrayContaining(["s000", "s001", "s003", "s004"]));
  });

  it("does not seed a database named with --db", () => {
    const empty = join(mkdtempSync(join(tmpdir(), "rasid-cli-")), "empty.db");
    const { stdout } = rasid(["--db", empty, "search", "--json", "كيم"]);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it("exits non-zero with a one-line reason for unknown commands and missing arguments", () => {
    const unknown = rasid(["--db", db, "frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toMatch(/^rasid: Unknown command "frobnicate"/);
    const missing = rasid(["--db", db, "import"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Nothing to import/);
    expect(missing.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const option = rasid(["--db", db, "search", "--jsn", "كيم"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/Unknown option '--jsn'/);
  });

  it.skipIf(!existsSync(DEV_CORPUS))("imports the dev corpus.jsonl idempotently", () => {
    const devDb = join(mkdtempSync(join(tmpdir(), "rasid-cli-")), "dev.db");
    expect(rasid(["--db", devDb, "import", DEV_CORPUS]).stdout).toMatch(/Imported 26 article\(s\)/);
    expect(rasid(["--db", devDb, "import", DEV_CORPUS]).stdout).toMatch(
      /Imported 0 article\(s\), skipped 26/,
    );
    const lavrov = JSON.parse(rasid(["--db", devDb, "search", "--json", "لافروف"]).stdout);
    expect(lavrov.length).toBeGreaterThan(0);
  });
});
