import type { Statement } from "better-sqlite3";
import type { Db } from "./open.ts";

const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `sql` on this database, prepared on first use and reused after: code that runs per
 * article, event or chat would otherwise prepare (and leave to the collector) one statement per call.
 * A mode set on the statement (pluck, raw) stays with it, so one SQL text is used in one mode only.
 */
export function prepareCached(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
