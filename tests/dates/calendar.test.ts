import { describe, expect, it } from "vitest";
import {
  findWeekday,
  findWeekThursday,
  formatDay,
  makeDay,
  placeInYear,
  readPublicationDay,
  type Weekday,
  type WeekdaySearch,
  type YearSearch,
} from "../../src/dates/calendar.ts";

const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  const made = makeDay(y ?? 0, m ?? 0, d ?? 0);
  if (!made) throw new Error(`bad test date ${iso}`);
  return made;
};

describe("readPublicationDay", () => {
  it.each([
    ["2024-06-19T23:30:00+03:00", "2024-06-19"],
    ["2024-06-19T00:30:00+03:00", "2024-06-19"],
    ["2024-06-19T22:30:00-05:00", "2024-06-19"],
    ["2024-06-19T23:59:59+14:00", "2024-06-19"],
    ["2024-06-19T00:00:00-12:00", "2024-06-19"],
    ["2024-06-19T05:45:00+0545", "2024-06-19"],
    ["2024-06-19T10:00:00Z", "2024-06-19"],
    ["2024-06-19T10:00:00", "2024-06-19"],
    ["2024-06-19", "2024-06-19"],
    ["  2024-02-29T12:00:00+01:00 ", "2024-02-29"],
  ])("%s → %s", (published, expected) => {
    expect(formatDay(readPublicationDay(published) ?? day("1970-01-01"), "day")).toBe(expected);
  });

  it.each(["", "yesterday", "19/06/2024", "2024-13-45T00:00:00Z"])("%s is not a date", (published) => {
    expect(readPublicationDay(published)).toBeNull();
  });
});

describe("makeDay", () => {
  it.each([
    [2024, 2, 29, "2024-02-29"],
    [2023, 2, 29, null],
    [2023, 4, 31, null],
    [2023, 13, 1, null],
    [2023, 0, 1, null],
    [2023, 1, 0, null],
  ])("%i-%i-%i → %s", (y, m, d, expected) => {
    const made = makeDay(y, m, d);
    expect(made ? formatDay(made, "day") : null).toBe(expected);
  });
});

describe("findWeekday", () => {
  // 2023-07-26 is a Wednesday (3).
  it.each<[Weekday, WeekdaySearch, string]>([
    [3, "on-or-before", "2023-07-26"],
    [3, "before", "2023-07-19"],
    [3, "after", "2023-08-02"],
    [4, "on-or-before", "2023-07-20"],
    [4, "before", "2023-07-20"],
    [4, "after", "2023-07-27"],
    [2, "nearest", "2023-07-25"],
    [6, "nearest", "2023-07-29"],
    [0, "nearest", "2023-07-23"],
  ])("weekday %i %s Wednesday 26 July 2023 → %s", (weekday, search, expected) => {
    expect(formatDay(findWeekday(day("2023-07-26"), weekday, search), "day")).toBe(expected);
  });
});

describe("findWeekThursday", () => {
  it.each([
    ["2023-07-26", -1, "2023-07-20"],
    ["2023-07-26", 0, "2023-07-27"],
    ["2023-07-26", 1, "2023-08-03"],
    ["2023-07-30", 0, "2023-07-27"],
    ["2023-07-31", -1, "2023-07-27"],
  ])("from %s, %i weeks → %s", (from, weeks, expected) => {
    expect(formatDay(findWeekThursday(day(from), weeks), "day")).toBe(expected);
  });
});

describe("placeInYear", () => {
  it.each<[number, number | undefined, YearSearch, number]>([
    [7, undefined, "on-or-before", 2023],
    [7, undefined, "before", 2022],
    [7, undefined, "on-or-after", 2023],
    [7, undefined, "after", 2024],
    [8, undefined, "on-or-before", 2022],
    [6, undefined, "after", 2024],
    [7, 26, "on-or-before", 2023],
    [7, 26, "before", 2022],
    [7, 27, "on-or-before", 2022],
    [7, 25, "on-or-after", 2024],
    [1, 1, "current", 2023],
  ])("month %i day %s %s 26 July 2023 → %i", (month, dayOfMonth, search, expected) => {
    expect(placeInYear(day("2023-07-26"), month, dayOfMonth, search)).toBe(expected);
  });
});
