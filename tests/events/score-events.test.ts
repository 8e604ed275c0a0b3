import { describe, expect, it } from "vitest";
import type { EventRecord } from "../../src/events/event-types.ts";
import { type GoldEvent, scoreEvents } from "../../src/events/score-events.ts";

const KIM = { id: "kim-jong-un", name_en: "Kim Jong Un", name_ar: "كيم جونغ أون" };
const KIM_YO = { id: "kim-yo-jong", name_en: "Kim Yo Jong", name_ar: "كيم يو جونغ" };
const LAVROV = { id: "sergei-lavrov", name_en: "Sergei Lavrov", name_ar: "سيرغي لافروف" };
const WONSAN = { id: "wonsan", name_en: "Wonsan", name_ar: "وونسان" };

function predicted(id: string, partial: Partial<EventRecord>): EventRecord {
  return {
    id,
    type: "meeting",
    participants: [KIM, LAVROV],
    date: "2025-07-12",
    precision: "day",
    place: WONSAN,
    articles: [],
    evidence: "",
    ...partial,
  };
}

const gold: GoldEvent[] = [
  {
    id: "e05",
    type: "meeting",
    participants: [
      ["Kim Jong-un", "كيم جونج أون"],
      ["Sergei Lavrov", "سيرجي لافروف"],
    ],
    dates: ["2025-07-12", "2025-07-13"],
    precision: "day",
    place: ["Wonsan", "وونسان"],
    articles: ["s002"],
    hard: false,
  },
  {
    id: "e07",
    type: "visit",
    participants: [["Sergei Lavrov", "لافروف"]],
    dates: ["2025-07-11"],
    precision: "month",
    place: ["North Korea", "كوريا الشمالية"],
    articles: ["s002"],
    hard: true,
  },
];

describe("scoring events", () => {
  it("matches by type and participants after folding case, hyphens and spellings", () => {
    const score = scoreEvents([predicted("p1", {})], gold);
    expect(score.matches).toEqual([{ gold: "e05", predicted: "p1", dateRight: true, placeRight: true }]);
    expect(score).toMatchObject({
      truePositives: 1,
      falsePositives: 0,
      falseNegatives: 1,
      precision: 1,
      recall: 0.5,
    });
  });

  it("counts a second prediction of a matched event as a false positive (a missed merge)", () => {
    const score = scoreEvents([predicted("p1", {}), predicted("p2", { date: "2025-07-13" })], gold);
    expect(score).toMatchObject({ truePositives: 2, falsePositives: 0 });
    const dup = scoreEvents(
      [predicted("p1", {}), predicted("p2", { date: "2025-07-13" }), predicted("p3", { date: "2025-07-13" })],
      gold,
    );
    expect(dup).toMatchObject({ truePositives: 2, falsePositives: 1, duplicates: 1, duplicated: ["p3"] });
  });

  it("lets a meeting stand for a gold visit of one of its participants, after exact types", () => {
    const score = scoreEvents(
      [predicted("p1", {}), predicted("p2", { date: "2025-07-13", place: null })],
      gold,
    );
    expect(score.matches.find((m) => m.gold === "e07")).toMatchObject({ predicted: "p2", dateRight: true });
    expect(score.hardFound).toBe(1);
  });

  it("never matches another person sharing a surname", () => {
    const score = scoreEvents([predicted("p1", { participants: [KIM_YO, LAVROV] })], gold);
    expect(score.matches.find((m) => m.gold === "e05")).toBeUndefined();
    expect(score.spurious).toEqual([]);
    expect(score.matches).toHaveLength(1);
  });

  it.each([
    ["2025-07-12", "day", true],
    ["2025-07-14", "day", false],
    ["2025-07", "month", false],
  ] as const)("dates %s (%s) at the gold's day precision: %s", (date, precision, right) => {
    const score = scoreEvents([predicted("p1", { date, precision })], [gold[0] as GoldEvent]);
    expect(score.matches[0]?.dateRight).toBe(right);
  });

  it("judges the place by the aliases the caller knows", () => {
    const pyongyang = { id: "pyongyang", name_en: "Pyongyang", name_ar: "بيونغ يانغ" };
    const wrong = scoreEvents([predicted("p1", { place: pyongyang })], [gold[0] as GoldEvent]);
    expect(wrong.placeAccuracy).toBe(0);
    const aliases = scoreEvents(
      [predicted("p1", { place: { ...WONSAN, name_en: "Wonsan City", name_ar: "مدينة وونسان" } })],
      [gold[0] as GoldEvent],
      (e) => (e.id === "wonsan" ? ["Wonsan City", "وونسان"] : [e.name_ar, e.name_en ?? ""]),
    );
    expect(aliases.placeAccuracy).toBe(1);
  });

  it("gives zeros, not NaN, for empty inputs", () => {
    expect(scoreEvents([], [])).toMatchObject({ precision: 0, recall: 0, f1: 0, dateAccuracy: 0 });
  });
});
