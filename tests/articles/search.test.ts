import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";
import { createEngine, type Engine } from "../../src/engine.ts";

const articles = [
  { key: "p1", text: "وصل بوتين إلى بيونغ يانغ في زيارة رسمية." },
  { key: "p2", text: "أعلنت بيونغيانغ دعمها لموسكو." },
  { key: "p3", text: "استقبل كيم جونج أون الوفد في بيونج يانج." },
  { key: "l1", text: "اجتمع كيم ولافروف في وونسان." },
  { key: "l2", text: "قال المتحدث إن الاجتماع كان مثمرا في سيول." },
  { key: "d1", text: "وزارة الدفاع الروسى أصدرت بيانا." },
];

describe("searchArticles", () => {
  let engine: Engine;
  beforeAll(() => {
    engine = createEngine(openDatabase(":memory:"));
    for (const a of articles)
      engine.pipeline.ingest({ key: a.key, text: a.text, url: `https://s.example/${a.key}` });
  });
  const ids = (query: string) =>
    engine
      .search(query)
      .map((h) => h.id)
      .sort();

  it.each([
    ["بيونج يانج", ["p1", "p2", "p3"]],
    ["بيونغ يانغ", ["p1", "p2", "p3"]],
    ["بيونغيانغ", ["p2"]],
    ["لافروف", ["l1"]],
    ["ولافروف", ["l1"]],
    ["كيم", ["l1", "p3"]],
    ["كيم جونغ أون", ["p3"]],
    ["الروسي", ["d1"]],
    ["موسكو", ["p2"]],
    ["طوكيو", []],
    ["ما أخبار لافروف في وونسان؟", ["l1"]],
    ["what about Lavrov", []],
    ["؟!", []],
  ])("%s finds %j", (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it("gives a snippet of the original text with the match marked", () => {
    const [hit] = engine.search("لافروف");
    expect(hit?.snippet).toContain("[ولافروف]");
    expect(hit?.url).toBe("https://s.example/l1");
  });

  it("treats FTS syntax in a query as words", () => {
    expect(() => engine.search('كيم" OR NEAR(x')).not.toThrow();
    expect(() => engine.search("AND OR NOT *")).not.toThrow();
  });
});
