import { createEngine } from "../../engine.ts";
import { UsageError } from "../../errors.ts";
import { type CliContext, openEngineStore } from "../context.ts";
import { readArgs } from "../read-args.ts";

export const usage =
  "rasid import PATH…   import a corpus.jsonl, a folder of .txt/.html files, or single files";

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const paths = readArgs(args, {}, usage).positionals;
  if (paths.length === 0) throw new UsageError(`Nothing to import. Usage: ${usage}`);
  const db = openEngineStore(ctx);
  try {
    const engine = createEngine(db, { now: ctx.now });
    const summary = engine.importPaths(paths, (done, label) => {
      if (ctx.interactive) ctx.stderr(`\r\x1b[KImporting ${done}: ${label.slice(0, 60)}`);
    });
    if (ctx.interactive) ctx.stderr("\r\x1b[K");
    ctx.stdout(
      `Imported ${summary.added} article(s), skipped ${summary.skipped} already stored, ${summary.failed.length} failed.`,
    );
    for (const failure of summary.failed) ctx.stdout(`  failed: ${failure.label} — ${failure.reason}`);
    return summary.failed.length > 0 && summary.added + summary.skipped === 0 ? 1 : 0;
  } finally {
    db.close();
  }
}
