import { createHash } from "node:crypto";
import { cleanArticleText } from "../../src/articles/clean.ts";
import { buildIndexText } from "../../src/articles/search-text.ts";
import { openDatabase } from "../../src/db/open.ts";
import { createEngine } from "../../src/engine.ts";
import { extractEvents } from "../../src/extraction/extract-events.ts";
import type { Gazetteer } from "../../src/extraction/gazetteer.ts";
import { detectLanguage, normalizeArabic } from "../../src/text/normalize.ts";
import { generateArticles, type SyntheticArticle } from "./generate-corpus.ts";

/**
 * Import throughput, next to what bounds it: the whole pipeline (clean → store → extract → merge), the pure
 * extraction step alone, and the bare insert of the same rows into the same tables (the limit). Only the
 * work being measured is timed; generating the synthetic articles is not.
 */

export interface Throughput {
  articles: number;
  seconds: number;
  perSecond: number;
}

export interface ImportFigures {
  pipeline: Throughput;
  extraction: Throughput & { events: number };
  rawInsert: Throughput;
  /** Events stored after merging, and the article-event links behind them. */
  storedEvents: number;
  eventReports: number;
}

export const CORPUS_SEED = 7;
const HOUR_MS = 3_600_000;

function toThroughput(articles: number, ms: number): Throughput {
  return { articles, seconds: ms / 1000, perSecond: articles / (ms / 1000) };
}

/** Each article is stored an hour after it was published, so a day's digest sees that day's articles. */
export function fetchedAtOf(article: SyntheticArticle): string {
  return new Date(Date.parse(article.published) + HOUR_MS).toISOString();
}

/** Imports `count` synthetic articles into the database at dbPath through the real pipeline. */
export function measurePipeline(gazetteer: Gazetteer, dbPath: string, count: number): Throughput {
  const db = openDatabase(dbPath);
  try {
    const engine = createEngine(db, { gazetteer });
    let ms = 0;
    for (const article of generateArticles(gazetteer, count, CORPUS_SEED)) {
      const input = {
        key: article.key,
        url: article.url,
        sourceName: article.source,
        title: article.title,
        text: article.text,
        published: article.published,
        fetchedAt: fetchedAtOf(article),
      };
      const started = performance.now();
      engine.pipeline.ingest(input);
      ms += performance.now() - started;
    }
    return toThroughput(count, ms);
  } finally {
    db.close();
  }
}

/** Cleaning and extraction alone, without the database. */
export function measureExtraction(gazetteer: Gazetteer, count: number): Throughput & { events: number } {
  let ms = 0;
  let events = 0;
  for (const article of generateArticles(gazetteer, count, CORPUS_SEED)) {
    const started = performance.now();
    events += extractEvents(
      { text: cleanArticleText(article.text), published: article.published },
      gazetteer,
    ).length;
    ms += performance.now() - started;
  }
  return { ...toThroughput(count, ms), events };
}

/**
 * The same rows into articles and articles_fts of a fresh database, one prepared statement per row and one
 * transaction per article as the pipeline does, with no lookup, cleaning or extraction in the timed part:
 * the fastest the pipeline's storage could go.
 */
export function measureRawInsert(gazetteer: Gazetteer, dbPath: string, count: number): Throughput {
  const db = openDatabase(dbPath);
  try {
    const insertArticle = db.prepare(
      `INSERT INTO articles (key, url, content_hash, source_id, source_name, title, raw_text, clean_text, lang,
         published, published_utc, fetched_at)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertIndex = db.prepare("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)");
    const insertRow = db.transaction((row: unknown[], title: string, body: string) => {
      const { lastInsertRowid } = insertArticle.run(...row);
      insertIndex.run(lastInsertRowid, title, body);
    });
    let ms = 0;
    for (const article of generateArticles(gazetteer, count, CORPUS_SEED)) {
      const clean = cleanArticleText(article.text);
      const hash = createHash("sha256").update(normalizeArabic(clean)).digest("hex");
      const row = [
        article.key,
        article.url,
        hash,
        article.source,
        article.title,
        article.text,
        clean,
        detectLanguage(`${article.title}\n${clean}`),
        article.published,
        new Date(article.published).toISOString(),
        fetchedAtOf(article),
      ];
      const title = buildIndexText(article.title);
      const body = buildIndexText(clean);
      const started = performance.now();
      insertRow.immediate(row, title, body);
      ms += performance.now() - started;
    }
    return toThroughput(count, ms);
  } finally {
    db.close();
  }
}

/** Events stored after merging, and the article-event links behind them, in the imported database. */
export function countEvents(dbPath: string): { storedEvents: number; eventReports: number } {
  const db = openDatabase(dbPath);
  try {
    const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
    return {
      storedEvents: count("SELECT count(*) FROM events"),
      eventReports: count("SELECT count(*) FROM event_articles"),
    };
  } finally {
    db.close();
  }
}
