import { describeError } from "../errors.ts";
import type { ArticlePipeline } from "../pipeline.ts";
import { type ImportItem, readImportPaths } from "./import-files.ts";

export interface ImportSummary {
  added: number;
  skipped: number;
  failed: { label: string; reason: string }[];
}

/** Runs every readable article through the pipeline; a failure is recorded and the rest go on. */
export function importArticles(
  pipeline: ArticlePipeline,
  paths: string[],
  onProgress?: (done: number, label: string) => void,
): ImportSummary {
  const summary: ImportSummary = { added: 0, skipped: 0, failed: [] };
  let done = 0;
  for (const item of readImportPaths(paths) as Iterable<ImportItem>) {
    done++;
    onProgress?.(done, item.label);
    if ("error" in item) {
      summary.failed.push({ label: item.label, reason: item.error });
      continue;
    }
    try {
      const result = pipeline.ingest(item.input);
      if (result.status === "added") summary.added++;
      else summary.skipped++;
    } catch (error) {
      summary.failed.push({ label: item.label, reason: describeError(error) });
    }
  }
  return summary;
}
