import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import iconv from "iconv-lite";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";
import { createEngine, type Engine } from "../../src/engine.ts";

const CORPUS = join(import.meta.dirname, "..", "..", "data", "corpus");

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "rasid-import-"));
}

const count = (engine: Engine, table: string) =>
  (engine.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("importing articles", () => {
  let engine: Engine;
  beforeEach(() => {
    engine = createEngine(openDatabase(join(tempDir(), "t.db")));
  });

  it("imports the seed folder with its manifest, and a second import adds nothing", () => {
    const first = engine.importPaths([CORPUS]);
    expect(first).toMatchObject({ added: 5, skipped: 0, failed: [] });
    const row = engine.db
      .prepare("SELECT key, url, published, source_name FROM articles WHERE key = 's002'")
      .get();
    expect(row).toMatchObject({
      url: "https://seed.example/002_8a64b5d3bad4b392.txt",
      published: "2025-07-14T07:00:00+03:00",
    });

    const second = engine.importPaths([CORPUS]);
    expect(second).toMatchObject({ added: 0, skipped: 5, failed: [] });
    expect(count(engine, "articles")).toBe(5);
    expect(count(engine, "articles_fts")).toBe(5);
  });

  it("imports a corpus.jsonl idempotently, by URL and by content", () => {
    const dir = tempDir();
    const article = {
      id: "x1",
      url: "https://news.example/a?utm_source=tw#top",
      source: "X",
      published: "2024-06-19T14:05:00+03:00",
      title: "عنوان",
      text: "وصل بوتين إلى بيونغ يانغ.",
    };
    const sameContentOtherUrl = { ...article, id: "x2", url: "https://mirror.example/a" };
    const path = join(dir, "corpus.jsonl");
    writeFileSync(path, `${JSON.stringify(article)}\n${JSON.stringify(sameContentOtherUrl)}\n`);
    expect(engine.importPaths([path])).toMatchObject({ added: 1, skipped: 1 });
    expect(engine.importPaths([path])).toMatchObject({ added: 0, skipped: 2 });
    const { url } = engine.db.prepare("SELECT url FROM articles").get() as { url: string };
    expect(url).toBe("https://news.example/a");
  });

  it("reports a broken file or line with its reason and imports the rest", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "good.txt"), "التقى لافروف نظيره الصيني وانغ يي في فيينتيان.");
    writeFileSync(join(dir, "empty.txt"), "   \n\n");
    writeFileSync(join(dir, "binary.html"), Buffer.from([0, 1, 2, 0, 255]));
    writeFileSync(
      join(dir, "manifest.json"),
      JSON.stringify([
        { file: "good.txt", url: "https://n.example/good", published: "2024-07-25T10:00:00+03:00" },
      ]),
    );
    const jsonl = join(dir, "more.jsonl");
    writeFileSync(jsonl, `{"id": "ok", "text": "زار كيم موسكو."}\n{not json}\n{"id": 5}\n`);

    const summary = engine.importPaths([dir, jsonl, join(dir, "missing.txt")]);
    expect(summary.added).toBe(2);
    const failed = Object.fromEntries(
      summary.failed.map((f) => [basename(f.label.split(" ")[0] ?? ""), f.reason]),
    );
    expect(Object.keys(failed).sort()).toEqual(
      ["binary.html", "empty.txt", "missing.txt", "more.jsonl:2", "more.jsonl:3"].sort(),
    );
    expect(failed["empty.txt"]).toMatch(/no text/);
    expect(failed["more.jsonl:2"]).toMatch(/not valid JSON/);
    expect(failed["missing.txt"]).toMatch(/no such file/);
    expect(count(engine, "articles")).toBe(2);
  });

  it("decodes a windows-1256 HTML page by its declared charset and takes its date from meta tags", () => {
    const dir = tempDir();
    const body =
      "<p>استقبل الرئيس الروسي فلاديمير بوتين في الكرملين وزيرة خارجية كوريا الشمالية تشوي سون هوي اليوم الاثنين.</p>".repeat(
        3,
      );
    const html = `<html><head><meta charset="windows-1256"><title>بوتين يستقبل تشوي</title>
      <meta property="article:published_time" content="2024-11-04T12:00:00+03:00"></head>
      <body><article><h1>بوتين يستقبل تشوي</h1>${body}</article></body></html>`;
    writeFileSync(join(dir, "page.html"), iconv.encode(html, "windows-1256"));
    expect(engine.importPaths([join(dir, "page.html")])).toMatchObject({ added: 1, failed: [] });
    const row = engine.db.prepare("SELECT title, clean_text, published FROM articles").get() as Record<
      string,
      string
    >;
    expect(row.title).toBe("بوتين يستقبل تشوي");
    expect(row.clean_text).toContain("تشوي سون هوي");
    expect(row.published).toBe("2024-11-04T12:00:00+03:00");
  });

  it("stores a non-Arabic article as such", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "en.txt"), "Putin met Kim in Pyongyang on Wednesday.");
    engine.importPaths([dir]);
    expect(engine.db.prepare("SELECT lang FROM articles").get()).toEqual({ lang: "en" });
  });
});
