-- findEvents looks events up by participant or place and filters them by type. With the merge key led by
-- type, SQLite (which keeps no statistics here) took `type IN (…)` for the selective term and walked every
-- event of those types — most of the table — for each lookup. Led by the participants, the index still
-- serves the merge lookup (type = ? AND participants_key = ?) and no longer offers a scan by type.
DROP INDEX events_merge_key;
CREATE INDEX events_merge_key ON events (participants_key, type);
