import { describe, expect, it } from "vitest";
import { parseFeedDate } from "../../src/sources/feed-date.ts";

describe("parseFeedDate", () => {
  it.each([
    ["Mon, 09 Apr 2018 18:55:38 GMT", "2018-04-09T18:55:38Z"],
    ["Fri, 19 May 2017 21:05:02 +0530", "2017-05-19T15:35:02Z"],
    ["Sun, 6 September 2009 16:20:00 +0000", "2009-09-06T16:20:00Z"],
    ["07 Nov 2015 12:00:00 EST", "2015-11-07T17:00:00Z"],
    ["Fri, 20 Feb 2015 09:51:15 UTC", "2015-02-20T09:51:15Z"],
    ["Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T22:42:40Z"],
    ["Wed, 03 Jan 2018 13:47:00 GMT\r\n      ", "2018-01-03T13:47:00Z"],
    ["Tue, 15 Jul 25 07:00 +0300", "2025-07-15T04:00:00Z"],
    ["mar., 15 juil. 2025 07:00:00 +0200", "2025-07-15T05:00:00Z"],
    ["Tue, 15 Jul 2025 07:00:00 +0300 (Arabia Standard Time)", "2025-07-15T04:00:00Z"],
    ["2017-06-21T10:33:10-07:00", "2017-06-21T17:33:10Z"],
    ["2022-07-28T02:43:00.000000000Z", "2022-07-28T02:43:00Z"],
    ["2016-06-03T07:38:00.000-07:00", "2016-06-03T14:38:00Z"],
    ["2025-07-14T07:00:00+03:00", "2025-07-14T04:00:00Z"],
    ["2025-07-14 07:00:00+0300", "2025-07-14T04:00:00Z"],
  ])("%j → %s", (raw, expected) => {
    expect(parseFeedDate(raw)).toBe(expected);
  });

  it.each([
    ["no zone", "2022-07-26 13:01:01"],
    ["RFC 822 without zone", "Mon, 09 Apr 2018 18:55:38"],
    ["date only", "2025-07-14"],
    ["unknown month", "Mon, 09 Foo 2018 18:55:38 GMT"],
    ["31 April", "Thu, 31 Apr 2025 10:00:00 GMT"],
    ["hour 25", "2025-07-14T25:00:00Z"],
    ["unknown zone name", "Mon, 09 Apr 2018 18:55:38 XYZ"],
    ["Arabic free text", "منذ ساعتين"],
    ["empty", "   "],
    ["null", null],
  ])("%s gives null", (_label, raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });
});
