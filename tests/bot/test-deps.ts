import type { BotDeps, FetchOutcome, SourceActions } from "../../src/bot/bot-deps.ts";
import { createBot } from "../../src/bot/create-bot.ts";
import { createLogger } from "../../src/bot/logger.ts";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/open.ts";
import { loadSharedGazetteer } from "../../src/extraction/shared-gazetteer.ts";
import type { Answer } from "../../src/questions/question-types.ts";
import { BOT_INFO } from "./bot-harness.ts";

export const ADMIN_ID = 9001;
export const TOKEN = "123456:TEST-token-never-logged";

/** A fixed answer that echoes the question, so routing tests see exactly what reached the engine. */
export function echoAnswer(question: string): Answer {
  return { question, lang: "en", intent: "search", text: `answer to: ${question}`, events: [], articles: [] };
}

/**
 * The bot over a real in-memory database and the real gazetteer. The clock is a variable the test moves;
 * source actions that reach the network are recorded instead (the e2e tests run the real ones).
 */
export function makeTestBot(overrides: Partial<BotDeps> = {}, env: Record<string, string> = {}) {
  const db = openDatabase(":memory:");
  const clock = { now: new Date("2025-07-14T09:00:00Z") };
  const logs: string[] = [];
  const sourceCalls: string[] = [];
  const sources: SourceActions = {
    async add(url) {
      sourceCalls.push(`add ${url}`);
      throw new Error("not expected in this test");
    },
    async fetchNow(): Promise<FetchOutcome> {
      sourceCalls.push("fetchNow");
      return { sources: 0, added: 0, failed: 0, errors: [] };
    },
  };
  const deps: BotDeps = {
    db,
    config: loadConfig({ ADMIN_IDS: String(ADMIN_ID), QUESTIONS_PER_MINUTE: "3", ...env }),
    now: () => clock.now,
    log: createLogger({ level: "debug", secrets: [TOKEN], write: (line) => logs.push(line) }),
    answerQuestion: echoAnswer,
    formatAnswer: (answer) => answer.text,
    sources,
    gazetteer: loadSharedGazetteer(),
    ...overrides,
  };
  const bot = createBot(TOKEN, deps);
  bot.botInfo = BOT_INFO;
  return { bot, db, deps, clock, logs, sourceCalls };
}
