import { createEngine } from "../../engine.ts";
import { UsageError } from "../../errors.ts";
import { type CliContext, openEngineStore } from "../context.ts";

export const usage = "rasid search [--json] [--limit N] QUERY   full-text search over the stored articles";

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const json = args.includes("--json");
  const limitIndex = args.indexOf("--limit");
  const limit = limitIndex >= 0 ? Number(args[limitIndex + 1]) : 10;
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError("--limit takes a whole number, e.g. --limit 20");
  const words = args.filter((a, i) => !a.startsWith("--") && !(limitIndex >= 0 && i === limitIndex + 1));
  const query = words.join(" ").trim();
  if (!query) throw new UsageError(`What should I search for? Usage: ${usage}`);
  const db = openEngineStore(ctx);
  try {
    const hits = createEngine(db, { now: ctx.now }).search(query, limit);
    if (json) {
      ctx.stdout(JSON.stringify(hits, null, 2));
      return 0;
    }
    if (hits.length === 0) ctx.stdout(`No article matches "${query}".`);
    for (const hit of hits) {
      ctx.stdout(
        `${hit.id}  ${hit.published ?? "(no date)"}  ${hit.title || "(no title)"}\n    ${hit.url}\n    ${hit.snippet}`,
      );
    }
    return 0;
  } finally {
    db.close();
  }
}
