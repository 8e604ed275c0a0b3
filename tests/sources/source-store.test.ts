import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/open.ts";
import {
  addSource,
  DuplicateSourceError,
  getSource,
  listSources,
  normalizeSourceUrl,
  pauseSource,
  recordFailure,
  recordSuccess,
  removeSource,
  resumeSource,
  SourceNotFoundError,
} from "../../src/sources/source-store.ts";

const NOW = new Date("2025-07-14T08:00:00Z");
let db: Db;

beforeEach(() => {
  db = openDatabase(":memory:");
});

describe("normalizeSourceUrl", () => {
  it.each([
    ["https://Arabic.RT.com/rss/", "https://arabic.rt.com/rss"],
    ["https://arabic.rt.com/rss#top", "https://arabic.rt.com/rss"],
    ["HTTP://www.aljazeera.net:80/", "http://www.aljazeera.net/"],
    ["https://www.aljazeera.net", "https://www.aljazeera.net/"],
    ["  https://sana.sy/?feed=rss2  ", "https://sana.sy/?feed=rss2"],
    ["https://ar.example.com/أخبار/", "https://ar.example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeSourceUrl(raw)).toBe(expected);
  });

  it.each([
    ["ftp://example.com/feed"],
    ["javascript:alert(1)"],
    ["روسيا اليوم"],
    ["https://user:pw@example.com/rss"],
  ])("refuses %s", (raw) => {
    expect(() => normalizeSourceUrl(raw)).toThrow(/address|URL|user name/);
  });
});

describe("source store", () => {
  it("adds, lists, pauses, resumes and removes", () => {
    const a = addSource(db, { url: "https://arabic.rt.com/rss/", name: "آر تي عربي", addedBy: 42 }, NOW);
    const b = addSource(db, { url: "https://www.aljazeera.net/aljazeerarss", name: "" }, NOW);
    expect(a).toMatchObject({
      url: "https://arabic.rt.com/rss",
      name: "آر تي عربي",
      kind: "feed",
      status: "active",
      failures: 0,
      itemsTotal: 0,
      addedBy: 42,
      createdAt: NOW.toISOString(),
    });
    expect(b.name).toBe("www.aljazeera.net");
    expect(listSources(db).map((s) => s.id)).toEqual([a.id, b.id]);

    expect(pauseSource(db, a.id).status).toBe("paused");
    expect(listSources(db, { status: "active" }).map((s) => s.id)).toEqual([b.id]);
    expect(resumeSource(db, a.id).status).toBe("active");

    expect(removeSource(db, b.id).id).toBe(b.id);
    expect(getSource(db, b.id)).toBeNull();
    expect(() => removeSource(db, b.id)).toThrow(SourceNotFoundError);
    expect(() => pauseSource(db, 999)).toThrow(/no source #999/);
  });

  it.each([
    ["same URL", "https://arabic.rt.com/rss"],
    ["upper-case host", "https://ARABIC.rt.com/rss"],
    ["trailing slash", "https://arabic.rt.com/rss/"],
    ["fragment", "https://arabic.rt.com/rss#latest"],
  ])("refuses a duplicate (%s)", (_label, url) => {
    const first = addSource(db, { url: "https://arabic.rt.com/rss", name: "RT" }, NOW);
    let caught: unknown;
    try {
      addSource(db, { url, name: "again" }, NOW);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DuplicateSourceError);
    expect((caught as DuplicateSourceError).existing.id).toBe(first.id);
    expect(listSources(db)).toHaveLength(1);
  });

  it("moves the cursor only when given one, and counts items", () => {
    const s = addSource(db, { url: "https://sana.sy/feed", name: "سانا" }, NOW);
    recordSuccess(
      db,
      s.id,
      { added: 3, cursor: { etag: '"a"', lastModified: "Mon, 14 Jul 2025 07:00:00 GMT" } },
      NOW,
    );
    recordSuccess(db, s.id, { added: 2 }, new Date("2025-07-14T09:00:00Z"));
    expect(getSource(db, s.id)).toMatchObject({
      etag: '"a"',
      lastModified: "Mon, 14 Jul 2025 07:00:00 GMT",
      itemsTotal: 5,
      lastSuccessAt: "2025-07-14T09:00:00.000Z",
    });
    recordSuccess(db, s.id, { added: 0, kind: "page", cursor: { etag: null, lastModified: null } }, NOW);
    expect(getSource(db, s.id)).toMatchObject({ etag: null, lastModified: null, kind: "page" });
  });

  it("pauses after N consecutive failures and says so exactly once; a success resets the count", () => {
    const s = addSource(db, { url: "https://broken.example.com/rss", name: "معطل" }, NOW);
    const limit = { failureLimit: 3 };
    expect(recordFailure(db, s.id, "timeout", limit, NOW)).toEqual({ failures: 1, paused: false });
    recordSuccess(db, s.id, { added: 0 }, NOW);
    expect(getSource(db, s.id)?.failures).toBe(0);

    const results = [1, 2, 3, 4].map(() => recordFailure(db, s.id, "HTTP 500", limit, NOW));
    expect(results.map((r) => r.paused)).toEqual([false, false, true, false]);
    expect(getSource(db, s.id)).toMatchObject({ status: "paused", failures: 4, lastError: "HTTP 500" });
    expect(resumeSource(db, s.id)).toMatchObject({ status: "active", failures: 0 });
  });
});
