import type { Db } from "../db/open.ts";
import { InputError } from "../errors.ts";

export type SourceKind = "feed" | "page";
export type SourceStatus = "active" | "paused";

export interface Source {
  id: number;
  url: string;
  name: string;
  kind: SourceKind;
  status: SourceStatus;
  etag: string | null;
  lastModified: string | null;
  /** Consecutive failed polls; reset by a success or a resume. */
  failures: number;
  lastError: string | null;
  lastSuccessAt: string | null;
  lastFetchedAt: string | null;
  itemsTotal: number;
  /** Telegram user id of the admin who added it; null from the command line. */
  addedBy: number | null;
  createdAt: string;
}

/** The URL (after normalisation) is already a source. */
export class DuplicateSourceError extends InputError {
  readonly existing: Source;

  constructor(existing: Source) {
    super(
      "duplicate_source",
      `${existing.url} is already source #${existing.id} (${existing.name}, ${existing.status}); nothing was added.`,
    );
    this.existing = existing;
  }
}

export class SourceNotFoundError extends InputError {
  constructor(id: number) {
    super("source_not_found", `There is no source #${id}; \`rasid sources list\` shows the ids.`);
  }
}

/**
 * The form a source URL is stored and compared in: http(s) only, lower-case host, no default port, no
 * fragment, no trailing slash after a path, so "https://Example.com/rss/" and "https://example.com/rss#top"
 * are one source.
 */
export function normalizeSourceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InputError(
      "bad_url",
      `${JSON.stringify(raw)} is not a URL; give a full address such as https://example.com/rss.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InputError("bad_url", `${raw} is not an http:// or https:// address.`);
  }
  if (url.username || url.password) {
    throw new InputError("bad_url", "A source URL may not carry a user name or password.");
  }
  url.hash = "";
  if (url.pathname.length > 1 && url.pathname.endsWith("/")) url.pathname = url.pathname.replace(/\/+$/, "");
  return url.href;
}

interface SourceRow {
  id: number;
  url: string;
  name: string;
  kind: SourceKind;
  status: SourceStatus;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  last_error: string | null;
  last_success_at: string | null;
  last_fetched_at: string | null;
  items_total: number;
  added_by: number | null;
  created_at: string;
}

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    kind: row.kind,
    status: row.status,
    etag: row.etag,
    lastModified: row.last_modified,
    failures: row.failures,
    lastError: row.last_error,
    lastSuccessAt: row.last_success_at,
    lastFetchedAt: row.last_fetched_at,
    itemsTotal: row.items_total,
    addedBy: row.added_by,
    createdAt: row.created_at,
  };
}

export function getSource(db: Db, id: number): Source | null {
  const row = db.prepare("SELECT * FROM sources WHERE id = ?").get(id) as SourceRow | undefined;
  return row ? toSource(row) : null;
}

export function findSourceByUrl(db: Db, url: string): Source | null {
  const row = db.prepare("SELECT * FROM sources WHERE url = ?").get(normalizeSourceUrl(url)) as
    | SourceRow
    | undefined;
  return row ? toSource(row) : null;
}

export function listSources(db: Db, filter: { status?: SourceStatus } = {}): Source[] {
  const rows = filter.status
    ? db.prepare("SELECT * FROM sources WHERE status = ? ORDER BY id").all(filter.status)
    : db.prepare("SELECT * FROM sources ORDER BY id").all();
  return (rows as SourceRow[]).map(toSource);
}

export interface NewSource {
  url: string;
  name: string;
  kind?: SourceKind;
  addedBy?: number | null;
}

/** Stores a source under its normalised URL; a URL already present throws DuplicateSourceError. */
export function addSource(db: Db, input: NewSource, now: Date): Source {
  const url = normalizeSourceUrl(input.url);
  const name = input.name.trim() || new URL(url).hostname;
  const insert = db.transaction(() => {
    const existing = findSourceByUrl(db, url);
    if (existing) throw new DuplicateSourceError(existing);
    const { lastInsertRowid } = db
      .prepare("INSERT INTO sources (url, name, kind, added_by, created_at) VALUES (?, ?, ?, ?, ?)")
      .run(url, name, input.kind ?? "feed", input.addedBy ?? null, now.toISOString());
    return Number(lastInsertRowid);
  });
  return getSource(db, insert()) as Source;
}

/** Deletes a source; its articles stay, detached from it. Returns what was removed. */
export function removeSource(db: Db, id: number): Source {
  const source = requireSource(db, id);
  db.prepare("DELETE FROM sources WHERE id = ?").run(id);
  return source;
}

export function pauseSource(db: Db, id: number): Source {
  requireSource(db, id);
  db.prepare("UPDATE sources SET status = 'paused' WHERE id = ?").run(id);
  return requireSource(db, id);
}

/** Makes a source active again with a clean failure count, so one more failure does not pause it at once. */
export function resumeSource(db: Db, id: number): Source {
  requireSource(db, id);
  db.prepare("UPDATE sources SET status = 'active', failures = 0 WHERE id = ?").run(id);
  return requireSource(db, id);
}

export interface PollSuccess {
  /** New validators; given only once everything the fetch brought has been stored. Omitted keeps the old ones. */
  cursor?: { etag: string | null; lastModified: string | null };
  added: number;
  kind?: SourceKind;
}

/** Records a poll that worked (including "not modified"): failures reset, counters and cursor updated. */
export function recordSuccess(db: Db, id: number, success: PollSuccess, now: Date): void {
  const at = now.toISOString();
  db.prepare(
    `UPDATE sources SET failures = 0, last_error = NULL, last_success_at = ?, last_fetched_at = ?,
       items_total = items_total + ?, kind = COALESCE(?, kind),
       etag = CASE WHEN ? THEN ? ELSE etag END,
       last_modified = CASE WHEN ? THEN ? ELSE last_modified END
     WHERE id = ?`,
  ).run(
    at,
    at,
    success.added,
    success.kind ?? null,
    success.cursor ? 1 : 0,
    success.cursor?.etag ?? null,
    success.cursor ? 1 : 0,
    success.cursor?.lastModified ?? null,
    id,
  );
}

/**
 * Records a failed poll. After `failureLimit` consecutive failures an active source is paused; `paused` is
 * true only for the call that paused it, so the caller tells the admins once.
 */
export function recordFailure(
  db: Db,
  id: number,
  error: string,
  options: { failureLimit: number },
  now: Date,
): { failures: number; paused: boolean } {
  const update = db.transaction(() => {
    const row = db
      .prepare(
        `UPDATE sources SET failures = failures + 1, last_error = ?, last_fetched_at = ? WHERE id = ?
         RETURNING failures, status`,
      )
      .get(error, now.toISOString(), id) as { failures: number; status: SourceStatus } | undefined;
    if (!row) throw new SourceNotFoundError(id);
    const pause = row.status === "active" && row.failures >= options.failureLimit;
    if (pause) db.prepare("UPDATE sources SET status = 'paused' WHERE id = ?").run(id);
    return { failures: row.failures, paused: pause };
  });
  return update();
}

function requireSource(db: Db, id: number): Source {
  const source = getSource(db, id);
  if (!source) throw new SourceNotFoundError(id);
  return source;
}
