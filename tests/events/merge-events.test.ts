import { describe, expect, it } from "vitest";
import type { DatePrecision } from "../../src/events/event-types.ts";
import type { ExtractedEvent } from "../../src/events/extracted-event.ts";
import {
  areDatesCompatible,
  arePlacesCompatible,
  arePlansClose,
  type DatedPlace,
  mergeArticleEvents,
} from "../../src/events/merge-events.ts";

const dated = (
  date: string | null,
  precision: DatePrecision | null,
  dateSource: "explicit" | "default" = "explicit",
) => ({ date, precision, dateSource, placePath: [] }) satisfies DatedPlace;

describe("date compatibility", () => {
  it.each([
    ["2019-02-27", "day", "2019-02-28", "day", false, true],
    ["2019-02-27", "day", "2019-03-02", "day", false, false],
    ["2019-02", "month", "2019-02-27", "day", false, true],
    ["2019", "year", "2019-04-25", "day", false, true],
    ["2019-06", "month", "2019-04-25", "day", false, false],
    ["2018", "year", "2019-04", "month", false, false],
  ] as const)("%s (%s) ~ %s (%s) across articles: %s", (a, pa, b, pb, same, expected) => {
    expect(areDatesCompatible(dated(a, pa), dated(b, pb), same)).toBe(expected);
  });

  it("lets an undated mention join a dated one only inside its article", () => {
    const undated = dated("2023-09-04", "day", "default");
    const july = dated("2023-07", "month");
    expect(areDatesCompatible(undated, july, true)).toBe(true);
    expect(areDatesCompatible(undated, july, false)).toBe(false);
  });
});

describe("place compatibility", () => {
  const at = (...placePath: string[]) => ({ ...dated("2024-06-19", "day"), placePath });
  it.each([
    [at("pyongyang", "KP"), at("KP"), true],
    [
      at("russky-island", "vladivostok", "primorsky-krai", "RU"),
      at("vladivostok", "primorsky-krai", "RU"),
      true,
    ],
    [at("khasan", "primorsky-krai", "RU"), at("vladivostok", "primorsky-krai", "RU"), false],
    [at(), at("moscow", "RU"), true],
  ])("%#", (a, b, expected) => {
    expect(arePlacesCompatible(a, b)).toBe(expected);
  });
});

function event(partial: Partial<ExtractedEvent>): ExtractedEvent {
  return {
    type: "meeting",
    participants: [
      { id: "kim-jong-un", kind: "person", nameEn: "Kim Jong Un", nameAr: "كيم جونغ أون", discovered: false },
      {
        id: "vladimir-putin",
        kind: "person",
        nameEn: "Vladimir Putin",
        nameAr: "فلاديمير بوتين",
        discovered: false,
      },
    ],
    date: "2024-06-19",
    precision: "day",
    dateSource: "explicit",
    place: null,
    placePath: [],
    evidence: "sentence one",
    ...partial,
  };
}

describe("merging one article's reports", () => {
  it("keeps the most precise date and the most specific place", () => {
    const merged = mergeArticleEvents([
      event({ date: "2024-06", precision: "month", placePath: ["KP"], evidence: "a" }),
      event({
        placePath: ["pyongyang", "KP"],
        place: {
          id: "pyongyang",
          kind: "place",
          nameEn: "Pyongyang",
          nameAr: "بيونغ يانغ",
          discovered: false,
        },
        evidence: "b",
      }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ date: "2024-06-19", precision: "day", placePath: ["pyongyang", "KP"] });
  });

  it("keeps apart two meetings of the same people months apart, and a plan from a meeting", () => {
    const merged = mergeArticleEvents([
      event({ evidence: "a" }),
      event({ date: "2023-09-13", evidence: "b" }),
      event({ type: "planned", evidence: "c" }),
    ]);
    expect(merged).toHaveLength(3);
  });

  it("joins a yearly mention to the dated event, not to a second event of that year", () => {
    const merged = mergeArticleEvents([
      event({ date: "2024", precision: "year", evidence: "this year" }),
      event({ date: "2024-11-01", evidence: "friday" }),
      event({ date: "2024-01", precision: "month", evidence: "january" }),
    ]);
    expect(merged.map((e) => e.date).sort()).toEqual(["2024-01", "2024-11-01"]);
  });
});

describe("plans of the same people", () => {
  it.each([
    ["2018-05", "month", "2018-06-12", "day", true],
    ["2018-05", "month", "2018-06", "month", true],
    ["2018-05", "month", "2018-09", "month", false],
    ["2025-10-29", "day", "2025-12-20", "day", false],
  ] as const)("%s (%s) and %s (%s) are one plan: %s", (a, pa, b, pb, expected) => {
    expect(arePlansClose(dated(a, pa), dated(b, pb))).toBe(expected);
  });
});
