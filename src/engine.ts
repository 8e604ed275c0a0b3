import { type ImportSummary, importArticles } from "./articles/import-articles.ts";
import { type ArticleHit, searchArticles } from "./articles/search.ts";
import type { Db } from "./db/open.ts";
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
}

export function createEngine(db: Db, options: { now?: () => Date } = {}): Engine {
  const pipeline = createArticlePipeline(db, { now: options.now });
  return {
    db,
    pipeline,
    importPaths: (paths, onProgress) => importArticles(pipeline, paths, onProgress),
    search: (query, limit) => searchArticles(db, query, limit),
  };
}
