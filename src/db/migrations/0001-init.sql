-- Sources the poller reads, and the articles it (or `rasid import`) stored, with a full-text index.

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'feed' CHECK (kind IN ('feed', 'page')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  etag TEXT,
  last_modified TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_success_at TEXT,
  last_fetched_at TEXT,
  items_total INTEGER NOT NULL DEFAULT 0,
  added_by INTEGER,
  created_at TEXT NOT NULL
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  -- The public id: the corpus id when one was given (a03), else derived from the content hash.
  key TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
  source_name TEXT,
  title TEXT NOT NULL DEFAULT '',
  raw_text TEXT NOT NULL,
  clean_text TEXT NOT NULL,
  lang TEXT NOT NULL,
  -- As the outlet gave it (ISO 8601 with offset): relative dates in the text are read against it.
  published TEXT,
  -- The same instant in UTC, for ordering and filtering.
  published_utc TEXT,
  fetched_at TEXT NOT NULL
);

CREATE INDEX articles_published ON articles (published_utc);
CREATE INDEX articles_source ON articles (source_id);

-- Normalized title and body (src/text/normalize.ts), clitic-stripped forms added, rowid = articles.id.
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');
