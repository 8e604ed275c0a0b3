import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";
import { storeArticleEvents } from "../../src/events/event-store.ts";
import type { ExtractedEntity } from "../../src/events/extracted-event.ts";
import { createArticlePipeline } from "../../src/pipeline.ts";
import { answerQuestion } from "../../src/questions/answer-question.ts";
import { createAnswerDeps } from "../../src/questions/question-store.ts";
import { FIXTURE_GAZETTEER } from "./fixture-directory.ts";

// The store-backed answer: events read from SQLite, people the extractor discovered found by name.
const NOW = new Date("2026-11-24T12:00:00Z");
const db = openDatabase(":memory:");
const putin: ExtractedEntity = {
  id: "vladimir-putin",
  kind: "person",
  nameEn: "Vladimir Putin",
  nameAr: "فلاديمير بوتين",
  discovered: false,
};
const moscow: ExtractedEntity = {
  id: "moscow",
  kind: "place",
  nameEn: "Moscow",
  nameAr: "موسكو",
  discovered: false,
};
const stranger: ExtractedEntity = {
  id: "x-ahmd-alfarsy",
  kind: "person",
  nameEn: null,
  nameAr: "أحمد الفارسي",
  discovered: true,
};

beforeAll(() => {
  const result = createArticlePipeline(db, { now: () => NOW }).ingest({
    key: "t1",
    url: "https://news.example/t1",
    title: "بوتين يستقبل أحمد الفارسي في موسكو",
    text: "استقبل الرئيس الروسي فلاديمير بوتين اليوم أحمد الفارسي في موسكو.",
    published: "2026-03-02T10:00:00+03:00",
  });
  if (result.status !== "added") throw new Error("fixture article not stored");
  storeArticleEvents(db, result.article, [
    {
      type: "meeting",
      participants: [stranger, putin],
      date: "2026-03-02",
      precision: "day",
      dateSource: "explicit",
      place: moscow,
      placePath: ["moscow", "RU"],
      evidence: "استقبل الرئيس الروسي فلاديمير بوتين اليوم أحمد الفارسي في موسكو.",
    },
  ]);
});
afterAll(() => db.close());

describe("createAnswerDeps", () => {
  const deps = createAnswerDeps(db, FIXTURE_GAZETTEER);

  it.each([["من التقى احمد الفارسي؟"], ["من التقى أحمد الفارسي؟"], ["ماذا عن الفارسي؟"]])(
    "finds a discovered person by name in %s",
    (question) => {
      const answer = answerQuestion(deps, question, NOW);
      expect(answer.events.map((e) => e.participants.map((p) => p.id).sort())).toEqual([
        ["vladimir-putin", "x-ahmd-alfarsy"],
      ]);
    },
  );

  it("answers from the store with the article as source", () => {
    const answer = answerQuestion(deps, "Who met Putin in Russia in 2026?", NOW);
    expect(answer.events).toHaveLength(1);
    expect(answer.articles).toEqual([
      {
        id: "t1",
        url: "https://news.example/t1",
        title: "بوتين يستقبل أحمد الفارسي في موسكو",
        published: "2026-03-02T10:00:00+03:00",
      },
    ]);
    expect(answer.text).toContain("أحمد الفارسي — Monday 2 March 2026 — Moscow");
  });
});
