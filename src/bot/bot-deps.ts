import type { Config } from "../config.ts";
import type { Db } from "../db/open.ts";
import type { Gazetteer } from "../extraction/gazetteer.ts";
import type { Answer } from "../questions/question-types.ts";
import type { Source } from "../sources/source-store.ts";
import type { Logger } from "./logger.ts";

export type BotConfig = Pick<
  Config,
  "ADMIN_IDS" | "QUESTIONS_PER_MINUTE" | "DEFAULT_LANGUAGE" | "DEFAULT_TIMEZONE" | "DIGEST_TIME"
>;

/**
 * The two admin actions that reach the network, wired by the composition root: adding a source probes it
 * once, and fetching now is one run of the poller (alerts and admin notices included). Listing, pausing,
 * resuming and removing go straight to the source store.
 */
export interface SourceActions {
  /** Stores and probes a new source; throws an InputError (duplicate, bad URL, unreachable) to show the admin. */
  add(url: string, name: string | undefined, addedBy: number): Promise<AddedSource>;
  fetchNow(): Promise<FetchOutcome>;
}

export interface AddedSource {
  source: Source;
  /** Items the probe found, and a few of their titles. */
  items: number;
  sample: string[];
}

export interface FetchOutcome {
  sources: number;
  added: number;
  failed: number;
  /** One line per failed source: its name and why. */
  errors: string[];
}

/** Everything the bot needs, given by the composition root (src/main.ts) or a test. */
export interface BotDeps {
  db: Db;
  config: BotConfig;
  now: () => Date;
  log: Logger;
  answerQuestion(question: string): Answer | Promise<Answer>;
  formatAnswer(answer: Answer): string;
  sources: SourceActions;
  /** Names of people and places, for /subscribe. */
  gazetteer: Pick<Gazetteer, "findByName">;
}
