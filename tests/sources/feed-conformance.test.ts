import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeBody } from "../../src/sources/decode.ts";
import { FeedParseError, parseFeed } from "../../src/sources/feed-parse.ts";

// The shared corpus of real feeds from other parsers' test suites sits beside the repository, never in it.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const feedsDir = join(repoRoot, "..", "shared", "feeds");
const hasCorpus = existsSync(join(feedsDir, "expected.json"));

const expectedSchema = z.object({
  feeds: z.array(
    z.object({
      file: z.string(),
      items: z.number(),
      expect_error_or_lenient: z.boolean().optional(),
      first_item: z
        .object({
          title: z.string().nullable(),
          link: z.string().nullable(),
          date_utc: z.string().nullable(),
          link_resolved: z.string().optional(),
        })
        .nullable(),
      first_item_description: z.string().optional(),
      first_item_description_starts: z.string().optional(),
    }),
  ),
});

// The URL each document was served from, where its expectations depend on one (from expected.json's notes).
const DOCUMENT_URLS: Record<string, string> = {
  "feedparser__http_item_link_base_docuri.xml": "http://127.0.0.1:8097/",
  "feedextractor__rss-feed-miss-base-url.xml": "https://huggingface.co",
};

const feeds = hasCorpus
  ? expectedSchema.parse(JSON.parse(readFileSync(join(feedsDir, "expected.json"), "utf8"))).feeds
  : [];

function parseFile(file: string) {
  return parseFeed(decodeBody(readFileSync(join(feedsDir, file))), DOCUMENT_URLS[file]);
}

describe.skipIf(!hasCorpus)("feed conformance corpus (../shared/feeds)", () => {
  const readable = feeds.filter((f) => f.first_item !== null && !f.expect_error_or_lenient);
  const negative = feeds.filter((f) => f.first_item === null);
  const lenient = feeds.filter((f) => f.expect_error_or_lenient);

  it.each(readable.map((f) => [f.file, f] as const))("%s: item count and first item", (file, f) => {
    const feed = parseFile(file);
    expect(feed.items).toHaveLength(f.items);
    const first = feed.items[0];
    const want = f.first_item;
    expect(first).toBeDefined();
    if (!first || !want) return;
    expect(first.title).toBe(want.title ?? "");
    expect(first.link).toBe(want.link_resolved ?? want.link);
    expect(first.published).toBe(want.date_utc);
    if (f.first_item_description) expect(first.summary).toBe(f.first_item_description);
    if (f.first_item_description_starts)
      expect(first.summary.startsWith(f.first_item_description_starts)).toBe(true);
  });

  it.each(negative.map((f) => [f.file] as const))("%s: refused with a reason", (file) => {
    expect(() => parseFile(file)).toThrow(FeedParseError);
  });

  it.each(lenient.map((f) => [f.file, f] as const))("%s: a clean error or the expected item", (file, f) => {
    let feed: ReturnType<typeof parseFile>;
    try {
      feed = parseFile(file);
    } catch (error) {
      expect(error).toBeInstanceOf(FeedParseError);
      expect((error as Error).message).not.toContain("\n");
      return;
    }
    expect(feed.items.length).toBeLessThanOrEqual(f.items);
    if (f.first_item?.link) expect(feed.items[0]?.link).toBe(f.first_item.link);
  });
});
