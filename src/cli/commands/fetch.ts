import { createEngine } from "../../engine.ts";
import { UsageError } from "../../errors.ts";
import { createAlertingIngest } from "../../notifications/ingest-with-alerts.ts";
import { pollAllSources } from "../../sources/poller.ts";
import { createHttpFetcher, readFetchLimits } from "../../sources/source-fetcher.ts";
import { type CliContext, openEngineStore } from "../context.ts";
import { readArgs } from "../read-args.ts";

export const usage = "rasid fetch [--json]   poll every active source once and store what is new";

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = readArgs(args, { json: { type: "boolean" } }, usage);
  if (positionals.length > 0)
    throw new UsageError(`Unknown argument ${JSON.stringify(positionals[0])}. Usage: ${usage}`);
  const json = values.json === true;
  const db = openEngineStore(ctx);
  try {
    const engine = createEngine(db, { now: ctx.now });
    // As the scheduler polls: new articles queue their alerts, which rasid serve delivers.
    const alerting = createAlertingIngest(db, engine.pipeline, ctx.now);
    const reports = await pollAllSources({
      db,
      fetch: createHttpFetcher(readFetchLimits(ctx.config)),
      ingest: alerting.ingest,
      now: ctx.now,
      limits: { failureLimit: ctx.config.SOURCE_FAILURE_LIMIT },
      log: { info: () => undefined, warn: () => undefined },
    });
    const totals = {
      added: reports.reduce((n, r) => n + r.added, 0),
      skipped: reports.reduce((n, r) => n + r.skipped, 0),
      failed: reports.filter((r) => r.outcome === "failed").length,
    };
    if (json) {
      ctx.stdout(JSON.stringify({ ...totals, sources: reports }, null, 2));
      return 0;
    }
    if (reports.length === 0) ctx.stdout("No active sources. Add one: rasid sources add URL [--name NAME]");
    for (const r of reports) {
      const state =
        r.outcome === "failed"
          ? `FAILED${r.paused ? " (now paused)" : ""}`
          : r.outcome === "not_modified"
            ? "not modified"
            : `${r.added} new, ${r.skipped} already stored`;
      ctx.stdout(`#${r.sourceId} ${r.name}: ${state}`);
      for (const error of r.errors) ctx.stdout(`    ${error}`);
    }
    ctx.stdout(
      `Fetched ${reports.length} source(s): ${totals.added} new article(s), ${totals.skipped} skipped, ${totals.failed} failed.`,
    );
    return 0;
  } finally {
    db.close();
  }
}
