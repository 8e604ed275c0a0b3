import { type ImportSummary, importArticles } from "./articles/import-articles.ts";
import { type ArticleHit, searchArticles } from "./articles/search.ts";
import type { Db } from "./db/open.ts";
import { findEvents } from "./events/event-store.ts";
import type { EventFilter, EventRecord } from "./events/event-types.ts";
import { createEventExtractor } from "./events/extract-article-events.ts";
import type { Gazetteer } from "./extraction/gazetteer.ts";
import { loadSharedGazetteer } from "./extraction/shared-gazetteer.ts";
import { type ArticlePipeline, createArticlePipeline } from "./pipeline.ts";

/**
 * The engine behind both faces of rasid, the bot and the CLI: every operation either offers is a method
 * here, over one database.
 */
export interface Engine {
  db: Db;
  pipeline: ArticlePipeline;
  importPaths(paths: string[], onProgress?: (done: number, label: string) => void): ImportSummary;
  search(query: string, limit?: number): ArticleHit[];
  findEvents(filter?: EventFilter): EventRecord[];
}

export function createEngine(db: Db, options: { now?: () => Date; gazetteer?: Gazetteer } = {}): Engine {
  // Read on the first article, so commands that store nothing do not pay for it.
  const gazetteer = (): Gazetteer => options.gazetteer ?? loadSharedGazetteer();
  const stored = createArticlePipeline(db, {
    now: options.now,
    extract: createEventExtractor(db, gazetteer, options.now),
  });
  // …and before that article's transaction takes the write lock: a second writer (rasid serve next to
  // rasid import) should not wait while the gazetteer is read from disk.
  const pipeline: ArticlePipeline = {
    ingest: (input) => {
      gazetteer();
      return stored.ingest(input);
    },
    inBatch: (work) => {
      gazetteer();
      return stored.inBatch(work);
    },
  };
  return {
    db,
    pipeline,
    importPaths: (paths, onProgress) => importArticles(pipeline, paths, onProgress),
    search: (query, limit) => searchArticles(db, query, limit),
    findEvents: (filter) => findEvents(db, filter),
  };
}
