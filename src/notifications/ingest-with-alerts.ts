import type { ArticleInput, IngestResult } from "../articles/ingest.ts";
import type { Db } from "../db/open.ts";
import type { ArticlePipeline } from "../pipeline.ts";
import { enqueueAlertsForArticle } from "./match-alerts.ts";

export interface AlertingIngest {
  /** Stores one polled article and queues the alerts it calls for. */
  ingest(input: ArticleInput): IngestResult;
  /** Alerts queued since the last call. */
  takeQueuedCount(): number;
}

/**
 * How every poll stores an article (rasid serve's scheduler and rasid fetch alike): the article and its
 * alerts in one transaction. After a crash between the two the article would count as already stored, and
 * alerts queued any later would never be. IMMEDIATE, as ingest itself: a transaction that reads before it
 * writes fails at once when another process (rasid import) wrote in between, instead of waiting its turn.
 */
export function createAlertingIngest(db: Db, pipeline: ArticlePipeline, now: () => Date): AlertingIngest {
  let queued = 0;
  const store = db.transaction((input: ArticleInput): IngestResult => {
    const result = pipeline.ingest(input);
    if (result.status === "added") queued += enqueueAlertsForArticle(db, result.article, now());
    return result;
  });
  return {
    ingest: (input) => store.immediate(input),
    takeQueuedCount() {
      const count = queued;
      queued = 0;
      return count;
    },
  };
}
