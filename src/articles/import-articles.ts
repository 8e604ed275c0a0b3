import { describeError } from "../errors.ts";
import type { ArticlePipeline } from "../pipeline.ts";
import { type ImportItem, readImportPaths } from "./import-files.ts";

export interface ImportSummary {
  added: number;
  skipped: number;
  failed: { label: string; reason: string }[];
}

// Articles committed together: large enough that the commit stops dominating a bulk import, small
// enough that a concurrent writer (rasid serve) waits well under its busy timeout.
const BATCH_SIZE = 50;

/** Runs every readable article through the pipeline; a failure is recorded and the rest go on. */
export function importArticles(
  pipeline: ArticlePipeline,
  paths: string[],
  onProgress?: (done: number, label: string) => void,
): ImportSummary {
  const summary: ImportSummary = { added: 0, skipped: 0, failed: [] };
  let done = 0;
  const ingestOne = (item: ImportItem): void => {
    done++;
    onProgress?.(done, item.label);
    if ("error" in item) {
      summary.failed.push({ label: item.label, reason: item.error });
      return;
    }
    try {
      const result = pipeline.ingest(item.input);
      if (result.status === "added") summary.added++;
      else summary.skipped++;
    } catch (error) {
      summary.failed.push({ label: item.label, reason: describeError(error) });
    }
  };
  let batch: ImportItem[] = [];
  const flush = (): void => {
    const items = batch;
    batch = [];
    const before = { added: summary.added, skipped: summary.skipped, failed: summary.failed.length };
    try {
      pipeline.inBatch(() => {
        for (const item of items) ingestOne(item);
      });
    } catch (error) {
      // The batch's commit failed, so none of it is stored: count every item of it as failed.
      Object.assign(summary, { added: before.added, skipped: before.skipped });
      summary.failed.length = before.failed;
      const reason = describeError(error);
      for (const item of items) summary.failed.push({ label: item.label, reason });
    }
  };
  for (const item of readImportPaths(paths)) {
    batch.push(item);
    if (batch.length >= BATCH_SIZE) flush();
  }
  if (batch.length > 0) flush();
  return summary;
}
