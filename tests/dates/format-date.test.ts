import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/dates/format-date.ts";

describe("formatDate", () => {
  it.each([
    ["2023-07-26", "day", "ar", true, "الأربعاء 26 تموز/يوليو 2023"],
    ["2023-07-26", "day", "ar", false, "26 تموز/يوليو 2023"],
    ["2024-06-19", "day", "ar", true, "الأربعاء 19 حزيران/يونيو 2024"],
    ["2019-04-25", "day", "ar", true, "الخميس 25 نيسان/أبريل 2019"],
    ["2024-01-05", "day", "ar", true, "الجمعة 5 كانون الثاني/يناير 2024"],
    ["2023-10-19", "day", "ar", false, "19 تشرين الأول/أكتوبر 2023"],
    ["2023-07", "month", "ar", false, "تموز/يوليو 2023"],
    ["2024-12", "month", "ar", false, "كانون الأول/ديسمبر 2024"],
    ["2023", "year", "ar", false, "2023"],
    ["2023-07-26", "day", "en", true, "Wednesday 26 July 2023"],
    ["2023-07-26", "day", "en", false, "26 July 2023"],
    ["2019-05-03", "day", "en", true, "Friday 3 May 2019"],
    ["2023-07", "month", "en", false, "July 2023"],
    ["2023", "year", "en", false, "2023"],
    // A precise date shown at a coarser precision, and the other way round.
    ["2023-07-26", "month", "ar", false, "تموز/يوليو 2023"],
    ["2023-07-26", "year", "en", false, "2023"],
    ["2023-07", "day", "en", true, "July 2023"],
    ["2023", "day", "ar", true, "2023"],
    // Not dates: returned as they are.
    ["2023-02-30", "day", "en", false, "February 2023"],
    ["2023-13", "month", "en", false, "2023"],
    ["soon", "day", "ar", false, "soon"],
    ["", "day", "ar", false, ""],
  ] as const)("%s at %s in %s (weekday %s) → %s", (date, precision, lang, weekday, expected) => {
    expect(formatDate(date, precision, lang, { weekday })).toBe(expected);
  });

  it("writes Western digits in Arabic", () => {
    expect(formatDate("2023-07-26", "day", "ar")).not.toMatch(/[٠-٩۰-۹]/);
  });
});
