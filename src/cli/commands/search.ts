import { createEngine } from "../../engine.ts";
import { UsageError } from "../../errors.ts";
import { type CliContext, openEngineStore } from "../context.ts";
import { readArgs } from "../read-args.ts";

export const usage = "rasid search [--json] [--limit N] QUERY   full-text search over the stored articles";

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = readArgs(
    args,
    { json: { type: "boolean" }, limit: { type: "string", default: "10" } },
    usage,
  );
  const json = values.json === true;
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError("--limit takes a whole number, e.g. --limit 20");
  const query = positionals.join(" ").trim();
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
