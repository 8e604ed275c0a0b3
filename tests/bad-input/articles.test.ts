import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { beforeEach, describe, expect, it } from "vitest";
import type { StoredArticle } from "../../src/articles/ingest.ts";
import { type Db, openDatabase } from "../../src/db/open.ts";
import { createEngine, type Engine } from "../../src/engine.ts";
import { createArticlePipeline } from "../../src/pipeline.ts";

/**
 * Articles as they really arrive: broken HTML, pages in windows-1256 that claim to be UTF-8, articles in
 * other languages, and articles with nothing in them. Each is stored correctly or refused with a reason;
 * the import goes on.
 */

const MEETING =
  "التقى وزير الخارجية الروسي سيرغي لافروف الزعيم الكوري الشمالي كيم جونغ أون في وونسان يوم السبت.";

let dir: string;
let engine: Engine;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "rasid-bad-articles-"));
  engine = createEngine(openDatabase(":memory:"), { now: () => new Date("2025-07-14T09:00:00Z") });
});

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function storedTexts(db: Db): { lang: string; title: string; clean_text: string }[] {
  return db.prepare("SELECT lang, title, clean_text FROM articles ORDER BY id").all() as {
    lang: string;
    title: string;
    clean_text: string;
  }[];
}

describe("malformed HTML", () => {
  it.each([
    ["unclosed tags", `<html><body><div><p>${MEETING}<p><b>فقرة ثانية لم تغلق`],
    ["no html, head or body", `<p>${MEETING}</p><p>فقرة أخرى`],
    ["stray closing tags and comments", `</div></span><!-- x --><p>${MEETING}</p></td></html><!--`],
    [
      "a script with markup inside",
      `<script>var s = "<p>ليس خبراً</p>";</script><article><p>${MEETING}</p></article>`,
    ],
  ])("%s: the article text is read and nothing else", (_label, html) => {
    const summary = engine.importPaths([write("page.html", html)]);
    expect(summary).toMatchObject({ added: 1, failed: [] });
    const [article] = storedTexts(engine.db);
    expect(article?.clean_text).toContain(MEETING);
    expect(article?.clean_text).not.toMatch(/<|ليس خبراً/);
  });
});

describe("pages that are not UTF-8", () => {
  it.each([
    ["windows-1256 declared in a meta tag", `<meta charset="windows-1256"><p>${MEETING}</p>`, "windows-1256"],
    ["windows-1256 labelled UTF-8", `<meta charset="utf-8"><p>${MEETING}</p>`, "windows-1256"],
    ["windows-1256 with no label at all", `<p>${MEETING}</p>`, "windows-1256"],
    ["ISO-8859-6 declared", `<meta charset="iso-8859-6"><p>${MEETING}</p>`, "iso-8859-6"],
    ["UTF-16 with a byte-order mark", `<p>${MEETING}</p>`, "utf-16"],
  ])("%s: decoded into Arabic, no replacement characters", (_label, html, encoding) => {
    const bytes = iconv.encode(html, encoding, { addBOM: encoding === "utf-16" });
    expect(engine.importPaths([write("page.html", bytes)])).toMatchObject({ added: 1, failed: [] });
    const [article] = storedTexts(engine.db);
    expect(article?.clean_text).toContain(MEETING);
    expect(article?.clean_text).not.toContain("\uFFFD");
    expect(article?.lang).toBe("ar");
  });

  it("reads a plain-text file in windows-1256", () => {
    engine.importPaths([write("article.txt", iconv.encode(MEETING, "windows-1256"))]);
    expect(storedTexts(engine.db)[0]?.clean_text).toBe(MEETING);
  });
});

describe("articles not in Arabic", () => {
  it.each([
    ["English", "Russian Foreign Minister Sergei Lavrov met Kim Jong Un in Wonsan on Saturday.", "en"],
    ["Russian", "Министр иностранных дел России Сергей Лавров встретился с Ким Чен Ыном в Вонсане.", "other"],
    ["Korean", "세르게이 라브로프 러시아 외무장관이 원산에서 김정은 국무위원장을 만났다.", "other"],
  ])("%s is stored and searchable, and never goes through the Arabic event rules", (_label, text, lang) => {
    const extracted: StoredArticle[] = [];
    const pipeline = createArticlePipeline(engine.db, { extract: (article) => extracted.push(article) });
    expect(pipeline.ingest({ url: "https://news.example/1", title: text.slice(0, 30), text })).toMatchObject({
      status: "added",
      article: { lang },
    });
    expect(extracted).toEqual([]);
    // The real engine stores no event for it either.
    engine.importPaths([write("article.txt", text)]);
    expect(engine.findEvents()).toEqual([]);
    expect(engine.search(text.split(" ")[3] as string).length).toBeGreaterThan(0);
  });

  it("an Arabic article through the same pipeline does reach the event rules (the check above can fail)", () => {
    const extracted: StoredArticle[] = [];
    const pipeline = createArticlePipeline(engine.db, { extract: (article) => extracted.push(article) });
    pipeline.ingest({ url: "https://news.example/ar", text: MEETING });
    expect(extracted.map((a) => a.lang)).toEqual(["ar"]);
  });
});

describe("empty articles", () => {
  it.each([
    ["an empty file", "empty.txt", "", /no text/],
    ["only spaces and blank lines", "blank.txt", "   \n\n \t \n", /no text/],
    ["only invisible marks", "marks.txt", "\u200F\u200E\uFEFF\u200B", /no text/],
    [
      "a page with no body text",
      "empty.html",
      "<html><head><title>عنوان</title><script>x()</script></head><body> </body></html>",
      /No article text/,
    ],
    [
      "a page with only markup",
      "tags.html",
      "<div><span></span><img src=x></div>",
      /No article text|no text/,
    ],
  ])("%s is refused with a reason and nothing is stored", (_label, name, content, reason) => {
    const summary = engine.importPaths([write(name, content)]);
    expect(summary.added).toBe(0);
    expect(summary.failed).toEqual([{ label: name, reason: expect.stringMatching(reason) }]);
    expect(storedTexts(engine.db)).toEqual([]);
  });

  it("an empty article in a corpus.jsonl fails alone; its neighbours are stored", () => {
    const lines = [
      { url: "https://news.example/1", title: "خبر", text: MEETING },
      { url: "https://news.example/2", title: "فارغ", text: "" },
      { url: "https://news.example/3", title: "خبر آخر", text: `${MEETING} وأضاف المصدر تفاصيل أخرى.` },
    ];
    const summary = engine.importPaths([
      write("corpus.jsonl", lines.map((l) => JSON.stringify(l)).join("\n")),
    ]);
    expect(summary.added).toBe(2);
    expect(summary.failed).toEqual([
      { label: expect.stringContaining(":2"), reason: expect.stringMatching(/no text/) },
    ]);
  });
});
