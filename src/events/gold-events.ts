import { z } from "zod";
import { InputError } from "../errors.ts";
import type { GoldEvent } from "./score-events.ts";

/** The "events" of an eval set's gold.json (eval/FORMAT.md), checked at the boundary. */
const goldEventSchema = z.object({
  id: z.string(),
  type: z.enum(["meeting", "visit", "call", "planned"]),
  participants: z.array(z.array(z.string()).min(1)).min(1),
  dates: z.array(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)).min(1),
  precision: z.enum(["day", "month", "year"]),
  place: z.array(z.string()).nullable(),
  articles: z.array(z.string()),
  hard: z.boolean().default(false),
});

export function parseGoldEvents(gold: unknown): GoldEvent[] {
  const parsed = z.object({ events: z.array(goldEventSchema) }).safeParse(gold);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      "eval_gold",
      `gold.json "events" is malformed at ${issue?.path.join(".") ?? "?"}: ${issue?.message}; see eval/FORMAT.md.`,
    );
  }
  return parsed.data.events;
}
