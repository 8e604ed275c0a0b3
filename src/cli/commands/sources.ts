import { UsageError } from "../../errors.ts";
import { addSourceAndProbe } from "../../sources/poller.ts";
import { createHttpFetcher, readFetchLimits } from "../../sources/source-fetcher.ts";
import {
  listSources,
  pauseSource,
  removeSource,
  resumeSource,
  type Source,
} from "../../sources/source-store.ts";
import { type CliContext, openEngineStore } from "../context.ts";

export const usage =
  "rasid sources add URL [--name NAME] | list [--json] | remove ID | pause ID | resume ID   manage the polled sources";

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const [action, ...rest] = args;
  const json = rest.includes("--json");
  const db = openEngineStore(ctx);
  try {
    switch (action) {
      case "add": {
        const nameIndex = rest.indexOf("--name");
        const name = nameIndex >= 0 ? rest[nameIndex + 1] : undefined;
        if (nameIndex >= 0 && !name) throw new UsageError('--name needs a value, e.g. --name "RT Arabic"');
        const [url] = rest.filter((a, i) => !a.startsWith("--") && !(nameIndex >= 0 && i === nameIndex + 1));
        if (!url) throw new UsageError(`Which URL? Usage: rasid sources add URL [--name NAME]`);
        const fetch = createHttpFetcher(readFetchLimits(ctx.config));
        const result = await addSourceAndProbe({ db, fetch, now: ctx.now }, url, { name });
        if (!result.ok) {
          ctx.stderr(`rasid: source not added: ${result.reason}\n`);
          return 1;
        }
        if (json) ctx.stdout(JSON.stringify(result.source, null, 2));
        else {
          const what = result.format ? `${result.format} feed, ${result.items} item(s)` : "article page";
          ctx.stdout(
            `Added source #${result.source.id} ${result.source.name} (${what}): ${result.source.url}`,
          );
          for (const title of result.sample) ctx.stdout(`  e.g. ${title}`);
        }
        return 0;
      }
      case "list": {
        const sources = listSources(db);
        if (json) ctx.stdout(JSON.stringify(sources, null, 2));
        else if (sources.length === 0)
          ctx.stdout("No sources yet. Add one: rasid sources add URL [--name NAME]");
        else for (const source of sources) ctx.stdout(describeSource(source));
        return 0;
      }
      case "remove":
      case "pause":
      case "resume": {
        const id = Number(rest.find((a) => !a.startsWith("--")));
        if (!Number.isSafeInteger(id) || id < 1) {
          throw new UsageError(
            `Give the source's number, e.g. rasid sources ${action} 3 (see rasid sources list).`,
          );
        }
        const source = { remove: removeSource, pause: pauseSource, resume: resumeSource }[action](db, id);
        if (json) ctx.stdout(JSON.stringify(source, null, 2));
        else if (action === "remove") ctx.stdout(`Removed source #${id} ${source.name}; its articles stay.`);
        else ctx.stdout(`Source #${id} ${source.name} is now ${source.status}.`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown or missing action${action ? ` "${action}"` : ""}. Usage: ${usage}`);
    }
  } finally {
    db.close();
  }
}

function describeSource(s: Source): string {
  const health =
    s.status === "paused"
      ? `PAUSED${s.lastError ? ` — ${s.lastError}` : ""}`
      : s.failures > 0
        ? `${s.failures} failure(s) — ${s.lastError ?? ""}`
        : s.lastSuccessAt
          ? `ok, last read ${s.lastSuccessAt}`
          : "not read yet";
  return `#${s.id}  ${s.name}  [${s.kind}, ${s.itemsTotal} article(s)]  ${health}\n    ${s.url}`;
}
