-- The daily digest reads the articles stored since the chat's last digest (collect-digest.ts): without this
-- index each chat's digest scanned every article row, overflow pages included, to reach fetched_at.
CREATE INDEX articles_fetched ON articles (fetched_at);
