import {
  type ArticleInput,
  type IngestResult,
  ingestArticle,
  type StoredArticle,
} from "./articles/ingest.ts";
import type { Db } from "./db/open.ts";

/**
 * The article pipeline every entry point shares (import, poller, bot): clean → store → extract → merge.
 * Extraction runs in the same transaction as the insert, so an article is never stored without its events.
 */
export interface ArticlePipeline {
  ingest(input: ArticleInput): IngestResult;
  /**
   * Runs `work` — several ingests — in one write transaction, each ingest in its own savepoint: a bulk
   * import commits once per batch instead of once per article, and one bad article still rolls back alone.
   */
  inBatch<T>(work: () => T): T;
}

export interface PipelineOptions {
  now?: () => Date;
  /** Extracts and stores the events of a newly stored article (the extraction module provides it). */
  extract?: (article: StoredArticle) => void;
}

export function createArticlePipeline(db: Db, options: PipelineOptions = {}): ArticlePipeline {
  return {
    ingest: (input) =>
      ingestArticle(db, input, {
        now: options.now,
        afterStore: (article) => {
          // Non-Arabic articles are stored and searchable, but the event rules are for Arabic text.
          if (article.lang === "ar") options.extract?.(article);
        },
      }),
    inBatch: (work) => db.transaction(work).immediate(),
  };
}
