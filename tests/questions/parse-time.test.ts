import { describe, expect, it } from "vitest";
import { parseTimeFilter } from "../../src/questions/parse-time.ts";
import { tokenize } from "../../src/text/normalize.ts";

const NOW = new Date("2026-11-24T12:00:00Z");
const read = (text: string) => {
  const filter = parseTimeFilter(text, tokenize(text), NOW);
  return filter ? [filter.range.from, filter.range.to] : null;
};

describe("parseTimeFilter", () => {
  it.each([
    ["من التقى كيم في 2024؟", ["2024-01-01", "2024-12-31"]],
    ["من زار كوريا الشمالية عام 2019؟", ["2019-01-01", "2019-12-31"]],
    ["مع من اجتمع كيم خلال عام ٢٠٢٣؟", ["2023-01-01", "2023-12-31"]],
    ["من التقى بوتين هذا العام؟", ["2026-01-01", "2026-12-31"]],
    ["من التقى بوتين العام الماضي؟", ["2025-01-01", "2025-12-31"]],
    ["من التقى لافروف الشهر الماضي؟", ["2026-10-01", "2026-10-31"]],
    ["ماذا عن لافروف منذ يونيو؟", ["2026-06-01", null]],
    ["من التقى كيم منذ عام 2023؟", ["2023-01-01", null]],
    ["من التقى كيم بين 2018 و2019؟", ["2018-01-01", "2019-12-31"]],
    ["من التقى كيم بين يونيو وأغسطس 2024؟", ["2024-06-01", "2024-08-31"]],
    ["من التقى لافروف في تشرين الأول/أكتوبر 2023؟", ["2023-10-01", "2023-10-31"]],
    ["من التقى كيم في 12 يونيو 2018؟", ["2018-06-12", "2018-06-12"]],
    ["من التقى كيم قبل 2019؟", [null, "2018-12-31"]],
    ["Who met Kim in 2018?", ["2018-01-01", "2018-12-31"]],
    ["Who visited Pyongyang in June of 2019?", ["2019-06-01", "2019-06-30"]],
    ["من زار بيونغ يانغ في حزيران من عام 2019؟", ["2019-06-01", "2019-06-30"]],
    ["من زار بيونغ يانغ في يونيو سنة 2019؟", ["2019-06-01", "2019-06-30"]],
    ["Who met Lavrov last month?", ["2026-10-01", "2026-10-31"]],
    ["Who met Putin this year?", ["2026-01-01", "2026-12-31"]],
    ["What's new with Lavrov since June?", ["2026-06-01", null]],
    ["Who met Kim between 2018 and 2019?", ["2018-01-01", "2019-12-31"]],
    ["Who met Kim between June and August 2024?", ["2024-06-01", "2024-08-31"]],
    ["Who met Kim from 2018 to 2019?", ["2018-01-01", "2019-12-31"]],
    ["Who met Kim in October 2023?", ["2023-10-01", "2023-10-31"]],
    ["Who met Kim on June 12, 2018?", ["2018-06-12", "2018-06-12"]],
    ["Who met Kim on 12 June 2018?", ["2018-06-12", "2018-06-12"]],
    ["Who met Kim after 2019?", ["2020-01-01", null]],
    ["من التقى كيم خلال الأشهر الستة الماضية؟", ["2026-05-24", "2026-11-24"]],
    ["من التقى كيم في آخر 3 أشهر؟", ["2026-08-24", "2026-11-24"]],
    ["من التقى كيم منذ شهرين؟", ["2026-09-24", "2026-11-24"]],
    ["ماذا عن لافروف في الأيام العشرة الماضية؟", ["2026-11-14", "2026-11-24"]],
    ["Who met Kim in the past two years?", ["2024-11-24", "2026-11-24"]],
    ["Who met Lavrov 3 weeks ago?", ["2026-11-03", "2026-11-24"]],
  ])("%s", (question, range) => {
    expect(read(question)).toEqual(range);
  });

  it.each([
    ["من التقى كيم ومتى؟"],
    ["Who met Kim and when?"],
    ["May I ask who met Kim?"],
    ["من مارس الضغط على كيم"],
  ])("finds no time in %s", (question) => {
    expect(read(question)).toBeNull();
  });

  it("reads a month without a year as its latest occurrence up to now", () => {
    expect(read("Who met Kim in December?")).toEqual(["2025-12-01", "2025-12-31"]);
  });
});
