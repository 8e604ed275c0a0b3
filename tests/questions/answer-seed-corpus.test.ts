import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/cli/context.ts";
import { type Db, openDatabase } from "../../src/db/open.ts";
import { createEngine } from "../../src/engine.ts";
import { answerQuestion } from "../../src/questions/answer-question.ts";

// End to end: the seed articles imported and extracted by the engine, then asked about in both languages.
const NOW = new Date("2026-11-24T12:00:00Z");
let db: Db;

beforeAll(() => {
  db = openDatabase(":memory:");
  createEngine(db, { now: () => NOW }).importPaths([join(REPO_ROOT, "data", "corpus")]);
});
afterAll(() => db.close());

const counterparts = (question: string) => {
  const answer = answerQuestion({ db }, question, NOW);
  const kim = "kim-jong-un";
  return {
    answer,
    met: answer.events.map((e) => ({
      who: e.participants.filter((p) => p.id !== kim).map((p) => p.id),
      date: e.date,
      place: e.place?.id ?? null,
      sources: e.articles.length,
    })),
  };
};

describe("answers on the seed corpus", () => {
  it.each([
    ["من التقى كيم ومتى؟", "ar"],
    ["who met Kim and when?", "en"],
  ])("%s names Shoigu, Belousov and Lavrov with dates, places and sources", (question, lang) => {
    const { answer, met } = counterparts(question);
    expect(answer.lang).toBe(lang);
    expect(answer.intent).toBe("who_met");
    const find = (id: string) => met.find((m) => m.who.includes(id));
    expect(find("sergei-shoigu")?.date?.slice(0, 7)).toBe("2023-07");
    expect(find("andrei-belousov")?.date?.slice(0, 7)).toBe("2024-11");
    expect(find("sergei-lavrov")).toMatchObject({ place: "wonsan" });
    expect(find("sergei-lavrov")?.date?.slice(0, 7)).toBe("2025-07");
    expect(met.every((m) => m.sources > 0)).toBe(true);
    const everyone = met.flatMap((m) => m.who);
    expect(everyone).not.toContain("kim-yo-jong");
    expect(everyone).not.toContain("kang-sun-nam");
    expect(answer.text).toMatch(/https?:\/\//);
  });

  it("writes the Arabic answer with Arabic month names and Western digits", () => {
    const { answer } = counterparts("من التقى كيم ومتى؟");
    expect(answer.text).toContain("كيم = كيم جونغ أون؛");
    expect(answer.text).toMatch(/تموز\/يوليو 2025 — وونسان/);
    expect(answer.text).toMatch(/تشرين الثاني\/نوفمبر 2024/);
  });

  it("writes the English answer with English dates", () => {
    const { answer } = counterparts("who met Kim and when?");
    expect(answer.text).toMatch(/July 2025 — Wonsan/);
    expect(answer.text).toMatch(/November 2024/);
  });
});
