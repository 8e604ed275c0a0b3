import type { Db } from "../../db/open.ts";
import { UsageError } from "../../errors.ts";
import { dateRange, findEvents } from "../../events/event-store.ts";
import type { EventFilter, EventType } from "../../events/event-types.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import { loadSharedGazetteer } from "../../extraction/shared-gazetteer.ts";
import { normalizeArabic } from "../../text/normalize.ts";
import { type CliContext, openEngineStore } from "../context.ts";

export const usage =
  "rasid events [--json] [--entity NAME] [--type T] [--from DATE] [--to DATE]   the merged events, newest first";

const TYPES = new Set<EventType>(["meeting", "visit", "call", "planned"]);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const options = readOptions(args);
  const db = openEngineStore(ctx);
  try {
    const filter: EventFilter = {};
    if (options.type) filter.types = [options.type];
    if (options.from) filter.from = dateRange(options.from)[0];
    if (options.to) filter.to = dateRange(options.to)[1];
    if (options.entity) Object.assign(filter, resolveEntity(db, loadSharedGazetteer(), options.entity));
    const events = findEvents(db, filter);
    if (options.json) {
      ctx.stdout(JSON.stringify(events, null, 2));
      return 0;
    }
    if (events.length === 0) ctx.stdout("No events match.");
    for (const e of events) {
      const who = e.participants.map((p) => p.name_en ?? p.name_ar).join(", ");
      const where = e.place ? ` in ${e.place.name_en ?? e.place.name_ar}` : "";
      ctx.stdout(
        `${e.date ?? "(undated)"}  ${e.type}: ${who}${where}  [${e.articles.map((a) => a.id).join(", ")}]`,
      );
    }
    return 0;
  } finally {
    db.close();
  }
}

interface Options {
  json: boolean;
  entity?: string;
  type?: EventType;
  from?: string;
  to?: string;
}

function readOptions(args: string[]): Options {
  const options: Options = { json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith("--"))
        throw new UsageError(`${arg} needs a value. Usage: ${usage}`);
      return next;
    };
    if (arg === "--json") options.json = true;
    else if (arg === "--entity") options.entity = value();
    else if (arg === "--type") {
      const type = value();
      if (!TYPES.has(type as EventType))
        throw new UsageError(`--type is one of meeting, visit, call, planned (got "${type}").`);
      options.type = type as EventType;
    } else if (arg === "--from" || arg === "--to") {
      const date = value();
      if (!DATE.test(date))
        throw new UsageError(`${arg} takes a date as YYYY-MM-DD, YYYY-MM or YYYY (got "${date}").`);
      options[arg === "--from" ? "from" : "to"] = date;
    } else throw new UsageError(`Unknown option "${arg}". Usage: ${usage}`);
  }
  return options;
}

/**
 * A person or place named in Arabic or English: the gazetteer first (a bare surname means its most
 * prominent bearer), then the people the extractor discovered.
 */
function resolveEntity(
  db: Db,
  gazetteer: Gazetteer,
  name: string,
): Pick<EventFilter, "entityIds" | "placeId"> {
  const match = gazetteer.findByName(name).find((m) => m.kind === "person" || m.kind === "place");
  if (match?.kind === "person") return { entityIds: [match.entity.id] };
  if (match?.kind === "place") return { placeId: match.entity.id };
  const discovered = db
    .prepare("SELECT entity_id FROM entity_aliases WHERE alias = ? LIMIT 1")
    .pluck()
    .get(normalizeArabic(name)) as string | undefined;
  if (discovered) return { entityIds: [discovered] };
  throw new UsageError(
    `No person or place called "${name}" is known. Try another spelling, e.g. "Kim Jong Un" or "لافروف".`,
  );
}
