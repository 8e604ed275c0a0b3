import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FeedParseError } from "../../src/sources/feed-parse.ts";
import { readSourceContent } from "../../src/sources/source-content.ts";
import { startRasid } from "../faults/rasid-process.ts";

/**
 * Feeds as they really arrive: cut off, not feeds at all, or labelled with the wrong content type. A feed is
 * read whatever its label says; anything else is refused with one line that says what is wrong.
 */

const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار</title>
<item><title>لافروف في وونسان</title><link>https://news.example/1</link></item></channel></rss>`;
const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "أخبار",
  items: [{ id: "1", url: "https://news.example/1", title: "لافروف في وونسان" }],
});
const PAGE = "<!doctype html><html><body><p>صفحة خبر</p></body></html>";
const URL = "https://news.example/feed";
const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(body: Uint8Array, contentType: string | null): string {
  try {
    readSourceContent(body, contentType, URL);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return (error as Error).message;
  }
  throw new Error("expected the body to be refused");
}

describe("malformed feeds are refused with a reason", () => {
  it.each<[string, Uint8Array, string | null, RegExp]>([
    ["cut off in the middle", bytes(RSS.slice(0, 120)), "application/rss+xml", /not well-formed/],
    ["cut off inside a tag", bytes(RSS.slice(0, RSS.indexOf("<item>") + 3)), "text/xml", /not well-formed/],
    ["empty", bytes(""), "application/rss+xml", /empty/],
    ["only whitespace", bytes(" \n\t "), "application/rss+xml", /empty/],
    [
      "binary",
      Uint8Array.from([0x00, 0x9f, 0x92, 0x96, 0xff, 0xfe, 0x01]),
      "application/octet-stream",
      /not XML or JSON/,
    ],
    ["plain text", bytes("هذا ليس خلاصة أخبار"), "text/plain", /not XML or JSON/],
    ["XML that is no feed", bytes('<?xml version="1.0"?><note><to>x</to></note>'), "text/xml", /feed/i],
    [
      "an RSS root without a channel",
      bytes('<rss version="2.0"></rss>'),
      "application/rss+xml",
      /without a channel/,
    ],
    ["broken JSON", bytes(JSON_FEED.slice(0, 40)), "application/feed+json", /not valid JSON/],
    ["JSON that is no feed", bytes('{"hello": "world"}'), "application/json", /JSON Feed/],
  ])("%s", (_label, body, contentType, reason) => {
    const message = refusal(body, contentType);
    expect(message).toMatch(reason);
    expect(message.split("\n")).toHaveLength(1);
  });
});

describe("a feed with the wrong content type", () => {
  it.each([
    ["RSS labelled text/html", RSS, "text/html; charset=utf-8"],
    ["RSS labelled text/plain", RSS, "text/plain"],
    ["RSS labelled application/octet-stream", RSS, "application/octet-stream"],
    ["RSS with no label", RSS, null],
    ["a JSON Feed labelled text/plain", JSON_FEED, "text/plain"],
  ])("%s is read as the feed it is", (_label, body, contentType) => {
    const content = readSourceContent(bytes(body), contentType, URL);
    expect(content.kind === "feed" && content.feed.items.map((i) => i.title)).toEqual(["لافروف في وونسان"]);
  });

  it("an HTML page labelled as RSS is read as a page, not refused as a broken feed", () => {
    expect(readSourceContent(bytes(PAGE), "application/rss+xml", URL).kind).toBe("page");
  });
});

describe("rasid feed on a malformed file", () => {
  const dir = mkdtempSync(join(tmpdir(), "rasid-bad-feeds-"));

  it.each([
    ["truncated.xml", RSS.slice(0, 120), /^rasid: Not a feed: the XML is not well-formed/],
    ["empty.xml", "", /^rasid: Not a feed: the document is empty/],
    [
      "broken.json",
      JSON_FEED.slice(0, 40),
      /^rasid: Not a feed: the document starts like JSON but is not valid JSON/,
    ],
  ])("%s: exit 1, one line on stderr, nothing on stdout", async (name, content, message) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const run = startRasid(["feed", path, "--json"], {});
    expect(await run.exited).toBe(1);
    expect(run.stdout()).toBe("");
    expect(run.output()).toMatch(message);
    expect(run.output().trim().split("\n")).toHaveLength(1);
  });
});
