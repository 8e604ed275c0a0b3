import { describe, expect, it } from "vitest";
import type { EventRecord } from "../../src/events/event-types.ts";
import {
  formatQuestionsReport,
  type GoldQuestion,
  scoreQuestions,
} from "../../src/questions/eval-questions.ts";

const gold: GoldQuestion = {
  id: "q01",
  lang: "ar",
  question: "من التقى كيم ومتى؟",
  kind: "who_met",
  subject: ["Kim Jong Un", "كيم جونغ أون"],
  expect: [
    {
      who: ["Sergei Lavrov", "سيرجي لافروف"],
      dates: ["2025-07-12", "2025-07-13"],
      precision: "day",
      place: ["Wonsan"],
    },
    { who: ["Sergei Shoigu", "شويغو"], dates: ["2023-07-26"], precision: "month", place: null },
  ],
  must_not: [["Kim Yo Jong", "كيم يو جونغ"]],
};

const person = (name_en: string, name_ar: string) => ({ id: name_en.toLowerCase(), name_en, name_ar });
const kim = person("Kim Jong Un", "كيم جونغ أون");
const meeting = (id: string, other: ReturnType<typeof person>, date: string): EventRecord => ({
  id,
  type: "meeting",
  participants: [kim, other],
  date,
  precision: date.length === 10 ? "day" : "month",
  place: null,
  articles: [],
  evidence: "",
});
const lavrov = person("Sergey Lavrov", "سيرغي لافروف");
const shoigu = person("Sergei Shoigu", "سيرغي شويغو");

const score = (events: EventRecord[]) =>
  scoreQuestions([gold], () => ({ intent: "who_met", events })).scores[0];

describe("scoreQuestions", () => {
  it("passes an answer with every expected person at a right date", () => {
    const s = score([meeting("e1", lavrov, "2025-07-13"), meeting("e2", shoigu, "2023-07")]);
    expect(s).toMatchObject({ recall: 1, precision: 1, passed: true, forbidden: [] });
  });

  it("matches names across spelling variants (سيرغي/سيرجي) and compares dates at the entry's precision", () => {
    expect(score([meeting("e1", lavrov, "2025-07-12"), meeting("e2", shoigu, "2023-07-02")])?.recall).toBe(1);
    expect(score([meeting("e1", lavrov, "2025-07"), meeting("e2", shoigu, "2023-07")])?.recall).toBe(0.5);
  });

  it("fails a question whose answer names a must_not person", () => {
    const s = score([
      meeting("e1", lavrov, "2025-07-13"),
      meeting("e2", shoigu, "2023-07"),
      meeting("e3", person("Kim Yo Jong", "كيم يو جونغ"), "2024-01-01"),
    ]);
    expect(s?.forbidden).toEqual(["Kim Yo Jong"]);
    expect(s?.passed).toBe(false);
  });

  it("counts unexpected events against precision and reports them", () => {
    const s = score([
      meeting("e1", lavrov, "2025-07-13"),
      meeting("e4", person("Donald Trump", "ترامب"), "2019-06-30"),
    ]);
    expect(s).toMatchObject({ recall: 0.5, precision: 0.5, passed: false });
    const lines = formatQuestionsReport(scoreQuestions([gold], () => ({ intent: "who_met", events: [] })));
    expect(lines[0]).toBe(
      "questions: 0/1 passed (0.0%), recall 0.0%, precision 0.0%, must-not hits 0, exact 0/1",
    );
    expect(lines.join("\n")).toContain("missing: Sergei Lavrov 2025-07-12|2025-07-13");
  });
});
