import { describe, expect, it } from "vitest";
import { loadSharedGazetteer } from "../../src/extraction/shared-gazetteer.ts";
import { runGoldQuestionEval } from "../../src/questions/run-question-eval.ts";

const NOW = new Date("2026-11-24T12:00:00Z");

const lavrov = ["Sergei Lavrov", "سيرغي لافروف"];
const kim = ["Kim Jong Un", "كيم جونغ أون"];
// Nobody the gazetteer knows: answered through the aliases gold gives.
const envoy = ["Zhang Wenbo", "تشانغ وين بو"];
const GOLD = {
  events: [
    {
      id: "e1",
      type: "meeting",
      participants: [kim, lavrov],
      dates: ["2025-07-12"],
      precision: "day",
      place: ["Wonsan", "وونسان"],
      articles: ["a1"],
      hard: false,
    },
    {
      id: "e2",
      type: "visit",
      participants: [envoy],
      dates: ["2025-07-10", "2025-07-11"],
      precision: "day",
      place: ["Pyongyang", "بيونغ يانغ"],
      articles: ["a2"],
      hard: false,
    },
    {
      id: "e3",
      type: "call",
      participants: [kim, ["Vladimir Putin", "بوتين"]],
      dates: ["2025-01"],
      precision: "month",
      place: null,
      articles: ["a3"],
      hard: false,
    },
  ],
  questions: [
    {
      id: "q1",
      lang: "ar",
      question: "من التقى كيم جونغ أون عام 2025؟",
      kind: "who_met",
      subject: kim,
      expect: [{ who: lavrov, dates: ["2025-07-12"], precision: "day", place: null }],
      must_not: [["Vladimir Putin", "بوتين"]],
    },
    {
      id: "q2",
      lang: "en",
      question: "Who visited Pyongyang in July 2025?",
      kind: "visits",
      subject: ["Pyongyang"],
      expect: [{ who: envoy, dates: ["2025-07-10"], precision: "day", place: null }],
      must_not: [],
    },
    {
      id: "q3",
      lang: "ar",
      question: "متى زار تشانغ وين بو بيونغ يانغ؟",
      kind: "visits",
      subject: envoy,
      expect: [{ who: envoy, dates: ["2025-07-10", "2025-07-11"], precision: "day", place: null }],
      must_not: [],
    },
    // Answered wrongly on purpose (the call is no meeting): the oracle reports the engine's answer as is.
    {
      id: "q4",
      lang: "en",
      question: "Who met Kim Jong Un in January 2025?",
      kind: "who_met",
      subject: kim,
      expect: [{ who: ["Vladimir Putin"], dates: ["2025-01"], precision: "month", place: null }],
      must_not: [],
    },
  ],
};

describe("runGoldQuestionEval: the engine over gold events, without extraction", () => {
  const { report, lines } = runGoldQuestionEval(loadSharedGazetteer(), GOLD, NOW);

  it.each([
    ["q1", true],
    ["q2", true],
    ["q3", true],
    ["q4", false],
  ])("%s passed: %s", (id, passed) => {
    expect(report.scores.find((s) => s.id === id)?.passed).toBe(passed);
  });

  it("prints the report as rasid eval does", () => {
    expect(lines[0]).toMatch(/^questions: 3\/4 passed/);
    expect(lines.join("\n")).toContain("missing: Vladimir Putin 2025-01");
  });
});
