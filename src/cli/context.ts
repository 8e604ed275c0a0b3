import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "../config.ts";
import { type Db, openDatabase } from "../db/open.ts";
import { createEngine } from "../engine.ts";

export interface CliContext {
  dbPath: string;
  /** True when neither --db nor RASID_DB chose the database: the seed corpus is loaded into a new one. */
  isDefaultDb: boolean;
  config: Config;
  /** Prints one line (a newline is added) of the command's output. */
  stdout: (line: string) => void;
  /** Writes diagnostics and progress as given (no newline added). */
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars). */
  interactive: boolean;
  now: () => Date;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DEFAULT_DB = join(REPO_ROOT, "data", "rasid.db");
export const SEED_CORPUS_DIR = join(REPO_ROOT, "data", "corpus");

/**
 * Opens the command's database. A default database that did not exist yet first receives the seed
 * corpus, so a newcomer has something to search and ask about; a database named by --db or RASID_DB
 * holds only what is imported into it.
 */
export function openEngineStore(ctx: CliContext): Db {
  const isNew = !existsSync(ctx.dbPath);
  mkdirSync(dirname(resolve(ctx.dbPath)), { recursive: true });
  const db = openDatabase(ctx.dbPath);
  if (isNew && ctx.isDefaultDb) {
    const summary = createEngine(db, { now: ctx.now }).importPaths([SEED_CORPUS_DIR]);
    ctx.stderr(`Created ${ctx.dbPath} with the seed corpus (${summary.added} articles).\n`);
  }
  return db;
}
