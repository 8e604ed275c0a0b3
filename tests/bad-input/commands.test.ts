import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_CORPUS_DIR } from "../../src/cli/context.ts";
import { openDatabase } from "../../src/db/open.ts";
import { createEngine } from "../../src/engine.ts";
import { loadSharedGazetteer } from "../../src/extraction/shared-gazetteer.ts";
import { answerQuestion } from "../../src/questions/answer-question.ts";
import { formatAnswerHtml } from "../../src/questions/format-answer.ts";
import { createAnswerDeps } from "../../src/questions/question-store.ts";
import { makeTextUpdate, recordApiCalls } from "../bot/bot-harness.ts";
import { ADMIN_ID, makeTestBot } from "../bot/test-deps.ts";
import { startRasid } from "../faults/rasid-process.ts";

/**
 * Commands typed wrong — unknown, missing their argument, a question of 100 KB — get a reply that says what
 * to do, in the bot and on the command line, and nothing breaks.
 */

const NOW = new Date("2025-07-20T00:00:00Z");
const TELEGRAM_LIMIT = 4096;

/** A question of `bytes` UTF-8 bytes: a real question repeated (two bytes per Arabic letter). */
function makeLongQuestion(question: string, bytes: number): string {
  const unit = `${question} `;
  const text = unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
  let cut = text.slice(0, bytes);
  while (Buffer.byteLength(cut) > bytes) cut = cut.slice(0, -1);
  return cut;
}

describe("the bot", () => {
  let api: ReturnType<typeof recordApiCalls>;
  beforeEach(() => {
    api = recordApiCalls();
  });
  afterEach(() => api.restore());

  it.each([
    { text: "/frobnicate", expected: "I don't know /frobnicate" },
    { text: "/Start_now extra words", expected: "I don't know /start_now" },
    { text: "/ask", expected: "Put your question after the command" },
    { text: "/subscribe", expected: "What should I follow?" },
    { text: "/unsubscribe", expected: "You have no subscriptions yet" },
    { text: "/unsubscribe لافروف", expected: "You have no subscription matching “لافروف”" },
    { text: "/settings time", expected: "To change them:" },
    { text: "/settings colour blue", expected: "To change them:" },
    { text: "/settings time 25:99", expected: "is not a time I can use" },
    { text: "/settings tz Mars/Olympus", expected: "is not a time zone I know" },
  ])("$text gets a reply that says what to do", async ({ text, expected }) => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate(text, { languageCode: "en" }));
    expect(api.sent()).toHaveLength(1);
    expect(api.last().text).toContain(expected);
  });

  it.each([
    { text: "/addsource", expected: "Put the feed URL after the command" },
    { text: "/removesource", expected: "Put the source number after the command" },
    { text: "/pausesource", expected: "Put the source number after the command" },
    { text: "/resumesource #", expected: "Put the source number after the command" },
    { text: "/removesource 1; DROP TABLE sources", expected: "Put the source number after the command" },
  ])("admin $text gets a reply that says what to do", async ({ text, expected }) => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate(text, { userId: ADMIN_ID, languageCode: "en" }));
    expect(api.last().text).toContain(expected);
  });

  describe("a 100 KB question", () => {
    it.each([
      ["Who met Kim and when?", "en", "I read its beginning only", "Kim Jong Un"],
      ["من التقى كيم ومتى؟", "ar", "قرأتُ بداية سؤالك فقط", "كيم جونغ أون"],
    ])(
      "%s × 100 KB is answered from its beginning, in messages Telegram accepts",
      async (question, lang, note, answer) => {
        const db = openDatabase(":memory:");
        createEngine(db, { now: () => NOW }).importPaths([SEED_CORPUS_DIR]);
        const deps = createAnswerDeps(db, loadSharedGazetteer());
        const { bot } = makeTestBot({
          answerQuestion: (q) => answerQuestion(deps, q, NOW),
          formatAnswer: formatAnswerHtml,
        });
        const text = makeLongQuestion(question, 100_000);
        expect(Buffer.byteLength(text)).toBeGreaterThan(99_990);
        await bot.handleUpdate(makeTextUpdate(text, { languageCode: lang }));
        const sent = api.sent();
        expect(sent.length).toBeGreaterThan(0);
        expect(sent.every((message) => message.length <= TELEGRAM_LIMIT)).toBe(true);
        expect(sent.join("\n")).toContain(note);
        expect(sent.join("\n")).toContain(answer);
      },
    );
  });
});

// Each case is a process of its own; they run side by side.
describe.concurrent("the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "rasid-bad-commands-"));
  const db = join(dir, "seeded.db");
  const env = { RASID_DB: db };

  beforeAll(() => {
    const store = openDatabase(db);
    createEngine(store, { now: () => NOW }).importPaths([SEED_CORPUS_DIR]);
    store.close();
  });

  it.each([
    [["frobnicate"], /^rasid: Unknown command "frobnicate"\. Run `rasid help`/],
    [["import"], /^rasid: Nothing to import\. Usage: rasid import PATH/],
    [["search"], /^rasid: What should I search for\? Usage: rasid search/],
    [["ask"], /^rasid: What is the question\? Usage: rasid ask/],
    [["ask", "--json"], /^rasid: What is the question\?/],
    [["feed"], /^rasid: Give one feed file or URL\. Usage: rasid feed/],
    [["events", "--json", "--type", "dinner"], /^rasid: --type is one of meeting, visit, call, planned/],
    [["events", "--json", "--from", "yesterday"], /^rasid: --from takes a date as YYYY-MM-DD/],
    [["eval"], /^rasid: Which set\? Usage: rasid eval/],
    [["sources"], /^rasid: Unknown or missing action\. Usage: rasid sources add URL/],
    [["sources", "add"], /^rasid: Which URL\? Usage: rasid sources add URL/],
    [["sources", "pause"], /^rasid: Give the source's number/],
    [["fetch", "--everything"], /^rasid: Unknown option '--everything'\. Usage: rasid fetch/],
    [["fetch", "now"], /^rasid: Unknown argument "now"\. Usage: rasid fetch/],
    [["search", "--jsn", "كيم"], /^rasid: Unknown option '--jsn'\. Usage: rasid search/],
    [["serve", "now"], /^rasid: rasid serve takes no arguments/],
    [["--db"], /^rasid: --db needs a path/],
  ])("rasid %j exits 2 with one line saying what to do", async (args, message) => {
    const run = startRasid(args, env);
    expect(await run.exited).toBe(2);
    expect(run.stdout()).toBe("");
    expect(run.output()).toMatch(message);
    expect(run.output().trim().split("\n")).toHaveLength(1);
  });

  it.each([
    ["Who met Kim and when?", "(Your question was long; I read its beginning only.)", "Kim Jong Un"],
    ["من التقى كيم ومتى؟", "(قرأتُ بداية سؤالك فقط لطوله.)", "كيم جونغ أون"],
  ])("rasid ask with %s × 100 KB answers from its beginning and says so", async (question, note, answer) => {
    const run = startRasid(["ask", makeLongQuestion(question, 100_000)], env);
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain(note);
    expect(run.stdout()).toContain(answer);
    expect(run.stdout().length).toBeLessThan(10_000);
  });
});
