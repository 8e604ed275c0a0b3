-- Chats the bot talks to, what each follows, and the outbox every message goes through before Telegram.
-- Times are ISO 8601 UTC strings (they sort as text); a chat's own clock is its `timezone`.

CREATE TABLE chats (
  -- The Telegram chat id: negative for groups and channels. It changes when a group becomes a supergroup,
  -- hence ON UPDATE CASCADE below.
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL DEFAULT 'private' CHECK (type IN ('private', 'group', 'supergroup', 'channel')),
  title TEXT,
  lang TEXT NOT NULL DEFAULT 'ar' CHECK (lang IN ('ar', 'en')),
  timezone TEXT NOT NULL,
  digest_time TEXT NOT NULL CHECK (digest_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  -- 1: an empty digest still sends a one-line "nothing new".
  digest_when_empty INTEGER NOT NULL DEFAULT 0 CHECK (digest_when_empty IN (0, 1)),
  -- 0 once Telegram refuses the chat (bot blocked or removed); nothing is sent to it until it comes back.
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  last_digest_at TEXT
);

CREATE TABLE subscriptions (
  id INTEGER PRIMARY KEY,
  chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('entity', 'keyword')),
  -- An entity id (kim-jong-un, wonsan) or a normalized keyword (src/text/normalize.ts).
  target TEXT NOT NULL,
  -- As the chat sees it: the entity's name or the keyword as typed.
  label TEXT NOT NULL,
  mode TEXT NOT NULL DEFAULT 'both' CHECK (mode IN ('instant', 'daily', 'both')),
  created_at TEXT NOT NULL,
  UNIQUE (chat_id, target_kind, target)
);

-- Matching goes from an article's entities to the chats that follow them.
CREATE INDEX subscriptions_target ON subscriptions (target_kind, target);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('alert', 'digest', 'notice')),
  -- Ids for alerts (rendered when sent, so a late alert lists every source known by then); text otherwise.
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  -- alert:<chat>:<event id>, kw:<chat>:<article key>, digest:<chat>:<local date>:<part>: one message, once.
  dedupe_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);

CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_chat ON outbox (chat_id, status);
