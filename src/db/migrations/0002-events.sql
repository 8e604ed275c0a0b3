-- Events extracted from articles, merged across sentences and articles (src/events/event-store.ts).

-- People and places that events refer to: gazetteer entries as they are first used, and people the
-- extractor discovered in the text (id "x-…", name_en may be null).
CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'place')),
  name_en TEXT,
  name_ar TEXT NOT NULL,
  discovered INTEGER NOT NULL DEFAULT 0
);

-- Normalized names (src/text/normalize.ts) under which an entity can be looked up, for discovered people.
CREATE TABLE entity_aliases (
  alias TEXT NOT NULL,
  entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  PRIMARY KEY (alias, entity_id)
) WITHOUT ROWID;

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  -- Sorted participant ids joined by ',': events merge only within the same type and key.
  participants_key TEXT NOT NULL,
  date TEXT,
  precision TEXT CHECK (precision IN ('day', 'month', 'year')),
  -- 'explicit' when the text dates the event, 'default' when the report's day stands in for it.
  date_source TEXT,
  -- First and last day the date covers (a month covers its days), for range filters and ordering.
  date_start TEXT,
  date_end TEXT,
  date_sort TEXT NOT NULL DEFAULT '',
  place_id TEXT REFERENCES entities (id),
  evidence TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX events_date_sort ON events (date_sort);
CREATE INDEX events_merge_key ON events (type, participants_key);

CREATE TABLE event_participants (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities (id),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID;

CREATE INDEX event_participants_entity ON event_participants (entity_id, event_id);

-- The event's place and every place that contains it (Russky Island → Vladivostok → Russia), so a
-- filter on a city finds the events held at its sites.
CREATE TABLE event_places (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  place_id TEXT NOT NULL,
  depth INTEGER NOT NULL,
  PRIMARY KEY (event_id, place_id)
) WITHOUT ROWID;

CREATE INDEX event_places_place ON event_places (place_id, event_id);

-- Which articles report an event, with the sentence and the date each one gives.
CREATE TABLE event_articles (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  evidence TEXT NOT NULL,
  date TEXT,
  precision TEXT,
  PRIMARY KEY (event_id, article_id)
) WITHOUT ROWID;

CREATE INDEX event_articles_article ON event_articles (article_id, event_id);
