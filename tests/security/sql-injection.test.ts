import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/open.ts";
import { createEngine, type Engine } from "../../src/engine.ts";
import { loadSharedGazetteer } from "../../src/extraction/shared-gazetteer.ts";
import { ensureChat, getChat } from "../../src/notifications/chat-store.ts";
import {
  addSubscription,
  findSubscriptionsByText,
  listSubscriptions,
} from "../../src/notifications/subscription-store.ts";
import { answerQuestion } from "../../src/questions/answer-question.ts";
import { createAnswerDeps } from "../../src/questions/question-store.ts";
import { addSource, findSourceByUrl } from "../../src/sources/source-store.ts";

/**
 * What sql-parameters.test.ts checks in the source text, checked in behaviour: text built to break out of
 * a SQL string or an FTS5 query goes through every place user text reaches the database, and comes back as
 * the same text, with every table still there.
 */

const HOSTILE = [
  "'); DROP TABLE articles; --",
  '" OR "1"="1',
  "%' OR 1=1 --",
  "كيم'; DELETE FROM chats; --",
  "لافروف\" OR title MATCH '*",
  "NEAR(كيم لافروف) AND -بوتين",
  "كيم *",
  "title:كيم OR ^لافروف",
  "\\'; UPDATE sources SET name = 'x' --",
];
const NOW = new Date("2025-07-14T09:00:00Z");
const MEETING =
  "التقى وزير الخارجية الروسي سيرغي لافروف الزعيم الكوري الشمالي كيم جونغ أون في وونسان يوم السبت.";

function listTables(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

describe("hostile text through every way in", () => {
  let engine: Engine;
  let tables: string[];

  beforeEach(() => {
    engine = createEngine(openDatabase(":memory:"), { now: () => NOW });
    engine.pipeline.ingest({ url: "https://news.example/1", title: "لقاء في وونسان", text: MEETING });
    ensureChat(
      engine.db,
      { id: 1, type: "private" },
      { lang: "ar", timezone: "UTC", digestTime: "08:00" },
      NOW,
    );
    tables = listTables(engine.db);
  });

  it.each(HOSTILE)("%s is kept as text and breaks nothing", (text) => {
    const { db } = engine;
    // Search (FTS5 MATCH) and questions: no error, no effect.
    expect(() => engine.search(text)).not.toThrow();
    expect(() => answerQuestion(createAnswerDeps(db, loadSharedGazetteer()), text, NOW)).not.toThrow();
    expect(engine.search("وونسان").length).toBe(1);

    // Stored values come back exactly as given.
    const stored = engine.pipeline.ingest({
      url: "https://news.example/2",
      title: text,
      text: `خبر ثان: ${text} ${MEETING}`,
    });
    expect(stored).toMatchObject({ status: "added", article: { title: text } });
    const source = addSource(
      db,
      { url: `https://feeds.example/${encodeURIComponent(text)}`, name: text },
      NOW,
    );
    expect(findSourceByUrl(db, source.url)?.name).toBe(text);
    ensureChat(
      db,
      { id: -100, type: "group", title: text },
      { lang: "ar", timezone: "UTC", digestTime: "08:00" },
      NOW,
    );
    expect(getChat(db, -100)?.title).toBe(text);
    addSubscription(db, { chatId: 1, targetKind: "keyword", target: text, label: text }, NOW);
    expect(listSubscriptions(db, 1).map((s) => s.label)).toEqual([text.trim()]);
    expect(findSubscriptionsByText(db, 1, text)).toHaveLength(1);

    expect(listTables(db)).toEqual(tables);
    expect(db.prepare("SELECT count(*) AS n FROM articles").get()).toEqual({ n: 2 });
    expect(db.prepare("SELECT count(*) AS n FROM chats").get()).toEqual({ n: 2 });
  });
});
