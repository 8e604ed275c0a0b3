import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addSource, getSource, listSources } from "../../src/sources/source-store.ts";
import { makeTextUpdate, recordApiCalls } from "./bot-harness.ts";
import { ADMIN_ID, makeTestBot } from "./test-deps.ts";

const NOW = new Date("2025-07-14T09:00:00Z");

describe("admin commands", () => {
  let api: ReturnType<typeof recordApiCalls>;
  beforeEach(() => {
    api = recordApiCalls();
  });
  afterEach(() => api.restore());

  it.each([
    "/addsource https://example.org/rss.xml Example",
    "/sources",
    "/removesource 1",
    "/pausesource 1",
    "/resumesource 1",
    "/fetchnow",
    "/stats",
  ])("%s from a non-admin is refused politely and changes nothing", async (command) => {
    const { bot, db, sourceCalls } = makeTestBot();
    addSource(db, { url: "https://news.example/feed", name: "News" }, NOW);
    const before = JSON.stringify(listSources(db));
    await bot.handleUpdate(makeTextUpdate(command, { userId: 123, languageCode: "en" }));
    expect(api.sent()).toEqual(["Sorry, only admins can use this command. Nothing was changed."]);
    expect(JSON.stringify(listSources(db))).toBe(before);
    expect(sourceCalls).toEqual([]);
  });

  it("refuses in Arabic too", async () => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/stats", { userId: 123, languageCode: "ar" }));
    expect(api.last().text).toContain("للمشرفين فقط");
  });

  it.each([
    { text: "/addsource", expected: "Put the feed URL after the command" },
    { text: "/removesource", expected: "Put the source number after the command, e.g. /removesource 3" },
    { text: "/pausesource abc", expected: "e.g. /pausesource 3" },
    { text: "/resumesource 99", expected: "There is no source number 99" },
  ])("$text (missing or wrong argument) gets a helpful message", async ({ text, expected }) => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate(text, { userId: ADMIN_ID, languageCode: "en" }));
    expect(api.last().text).toContain(expected);
  });

  it("pauses, resumes and removes a source by its number", async () => {
    const { bot, db } = makeTestBot();
    const source = addSource(db, { url: "https://news.example/feed", name: "News" }, NOW);
    const admin = { userId: ADMIN_ID, languageCode: "en" };
    await bot.handleUpdate(makeTextUpdate(`/pausesource ${source.id}`, admin));
    expect(getSource(db, source.id)?.status).toBe("paused");
    await bot.handleUpdate(makeTextUpdate(`/resumesource #${source.id}`, admin));
    expect(getSource(db, source.id)?.status).toBe("active");
    await bot.handleUpdate(makeTextUpdate(`/removesource ${source.id}`, admin));
    expect(getSource(db, source.id)).toBeNull();
    expect(api.sent()).toEqual([
      "Paused the source <b>News</b>.",
      "Resumed the source <b>News</b>.",
      "Removed the source <b>News</b>.",
    ]);
  });

  it("lists source health with every outside string escaped", async () => {
    const { bot, db } = makeTestBot();
    const source = addSource(db, { url: "https://news.example/feed?a=1&b=2", name: "<i>Evil</i> & Co" }, NOW);
    db.prepare("UPDATE sources SET failures = 2, last_error = ? WHERE id = ?").run(
      "HTTP 503 <html>",
      source.id,
    );
    await bot.handleUpdate(makeTextUpdate("/sources", { userId: ADMIN_ID, languageCode: "en" }));
    const text = String(api.last().text);
    expect(text).toContain("&lt;i&gt;Evil&lt;/i&gt; &amp; Co");
    expect(text).toContain("a=1&amp;b=2");
    expect(text).toContain("HTTP 503 &lt;html&gt;");
    expect(text).toContain("failures in a row: 2");
    expect(text).toContain("last success: —");
  });

  it("reports a failed /addsource with its reason, escaped", async () => {
    const { InputError } = await import("../../src/errors.ts");
    const { bot } = makeTestBot({
      sources: {
        add: async () => {
          throw new InputError("duplicate_source", "https://x.example/rss is already source #1 (<X>).");
        },
        fetchNow: async () => ({ sources: 0, added: 0, failed: 0, errors: [] }),
      },
    });
    await bot.handleUpdate(
      makeTextUpdate("/addsource https://x.example/rss", { userId: ADMIN_ID, languageCode: "en" }),
    );
    expect(api.last().text).toBe(
      "The source was not added: https://x.example/rss is already source #1 (&lt;X&gt;).",
    );
  });

  it("/fetchnow reports what the poll found", async () => {
    const { bot } = makeTestBot({
      sources: {
        add: async () => {
          throw new Error("unused");
        },
        fetchNow: async () => ({ sources: 2, added: 3, failed: 1, errors: ["Feed <B>: HTTP 500"] }),
      },
    });
    await bot.handleUpdate(makeTextUpdate("/fetchnow", { userId: ADMIN_ID, languageCode: "en" }));
    // The report comes once the poll is done, after the update itself has been handled.
    await vi.waitFor(() => expect(api.sent()).toHaveLength(2));
    expect(api.sent()).toEqual([
      "Reading the sources now…",
      "Read 2 source(s): 3 new article(s), 1 source(s) failed.\n• Feed &lt;B&gt;: HTTP 500",
    ]);
  });

  it("/fetchnow apologises when the poll fails", async () => {
    const { bot, logs } = makeTestBot({
      sources: {
        add: async () => {
          throw new Error("unused");
        },
        fetchNow: async () => {
          throw new Error("database is locked");
        },
      },
    });
    await bot.handleUpdate(makeTextUpdate("/fetchnow", { userId: ADMIN_ID, languageCode: "en" }));
    await vi.waitFor(() => expect(api.sent()).toHaveLength(2));
    expect(api.sent()[1]).toContain("Sorry, something went wrong");
    expect(logs.join("\n")).toContain("database is locked");
  });

  it("/stats counts what is stored", async () => {
    const { bot, db } = makeTestBot();
    addSource(db, { url: "https://news.example/feed", name: "News" }, NOW);
    await bot.handleUpdate(makeTextUpdate("/stats", { userId: ADMIN_ID, languageCode: "en" }));
    const text = String(api.last().text);
    expect(text).toContain("Sources: 1 (paused: 0)");
    expect(text).toContain("Chats: 1");
  });
});
