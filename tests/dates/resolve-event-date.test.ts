import { describe, expect, it } from "vitest";
import { resolveEventDate } from "../../src/dates/resolve-event-date.ts";

describe("resolveEventDate", () => {
  it.each([
    [
      "وقع بوتين وكيم اليوم الأربعاء معاهدة، بعد قمتي فلاديفوستوك في نيسان/أبريل 2019 وفوستوتشني في أيلول/سبتمبر 2023",
      "2024-06-19T16:50:00+03:00",
      "past",
      { date: "2024-06-19", precision: "day", source: "explicit" },
    ],
    [
      "وكان بوتين قد التقى في بيونغ يانغ في تموز/يوليو 2000 الزعيمَ الراحل كيم جونغ إيل",
      "2024-06-19T16:50:00+03:00",
      "past",
      { date: "2000-07", precision: "month", source: "explicit" },
    ],
    [
      "خلال أول زيارة يقوم بها بوتين إلى كوريا الشمالية منذ 24 عاماً",
      "2024-06-19T16:50:00+03:00",
      "past",
      { date: "2000", precision: "year", source: "explicit" },
    ],
    [
      "سيقوم بوتين بزيارة دولة يومي 18 و19 حزيران/يونيو الجاري",
      "2024-06-17T20:05:00+03:00",
      "future",
      { date: "2024-06-18", precision: "day", source: "explicit" },
    ],
    // Two days: the first one written is the event's.
    [
      "التقى كيم أمس الثلاثاء بوتين، بعد أن وصل الاثنين",
      "2023-09-13T15:20:00+03:00",
      "past",
      { date: "2023-09-12", precision: "day", source: "explicit" },
    ],
    // A month beats a year that comes first.
    [
      "في عام 2019 ثم في أيلول/سبتمبر الماضي",
      "2024-06-19T16:50:00+03:00",
      "past",
      { date: "2023-09", precision: "month", source: "explicit" },
    ],
    [
      "Putin will visit Pyongyang next Monday",
      "2024-06-12T10:00:00+03:00",
      "future",
      { date: "2024-06-17", precision: "day", source: "explicit" },
    ],
  ] as const)("%s", (sentence, published, tense, expected) => {
    expect(resolveEventDate(sentence, published, tense)).toEqual(expected);
  });

  describe("default rule: no date expression", () => {
    it.each([
      // The report's day in the outlet's offset, even when UTC is already on another day.
      ["2024-06-19T23:30:00+03:00", "2024-06-19"],
      ["2024-06-19T00:30:00+03:00", "2024-06-19"],
      ["2024-06-19T22:30:00-05:00", "2024-06-19"],
      ["2024-06-19T12:00:00Z", "2024-06-19"],
    ])("a past event published %s is dated %s at day precision", (published, date) => {
      expect(resolveEventDate("التقى بوتين كيم جونغ أون في بيونغ يانغ", published, "past")).toEqual({
        date,
        precision: "day",
        source: "default",
      });
    });

    it("a planned event gets the report's month", () => {
      expect(resolveEventDate("سيزور بوتين كوريا الشمالية", "2024-06-30T23:30:00+03:00", "future")).toEqual({
        date: "2024-06",
        precision: "month",
        source: "default",
      });
    });

    it("mentions that are not dates do not count", () => {
      expect(
        resolveEventDate("استقبلها الرئيس في الكرملين في اليوم نفسه", "2024-11-01T19:45:00+03:00", "past"),
      ).toEqual({ date: "2024-11-01", precision: "day", source: "default" });
    });
  });

  it("gives null when the publication time is not a date", () => {
    expect(resolveEventDate("التقى الوزيران أمس", "last Tuesday", "past")).toBeNull();
  });
});
