import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { DatabaseError } from "../errors.ts";

export type Db = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "migrations");

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered migrations shipped with the code, in order: `NNNN-name.sql` is version NNNN. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}-[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(join(dir, file), "utf8"),
    }));
}

/**
 * Opens (creating if needed) the SQLite file and brings its schema up to date.
 * WAL lets `rasid import` write while `rasid serve` reads; the busy timeout makes a second writer wait
 * instead of failing with "database is locked".
 */
export function openDatabase(path: string, options: { migrations?: Migration[] } = {}): Db {
  const db = new Database(path);
  try {
    db.pragma("busy_timeout = 10000");
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = NORMAL");
    migrate(db, options.migrations ?? listMigrations());
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies pending migrations, each in its own transaction with its version; refuses a newer database. */
export function migrate(db: Db, migrations: Migration[]): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new DatabaseError(
      "db_too_new",
      `The database is at schema version ${current} but this rasid only knows up to ${latest}. ` +
        "Upgrade rasid (git pull && npm ci), or point --db / RASID_DB at another file.",
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    // IMMEDIATE, and the version read again inside: two processes opening a new file at once apply
    // each migration exactly once.
    const apply = db.transaction(() => {
      if ((db.pragma("user_version", { simple: true }) as number) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply.immediate();
    } catch (error) {
      throw new DatabaseError(
        "migration_failed",
        `Migration ${migration.version}-${migration.name} failed; the database was left at version ${current}.`,
        { cause: error },
      );
    }
  }
  return Math.max(current, latest);
}
