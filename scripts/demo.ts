/**
 * `npm run demo`: the real rasid bot without Telegram and without a token. It starts a local Bot API
 * emulator (the telegram-test-api devDependency, so run it from a dev clone after `npm ci`), runs the bot
 * with its poller and digest scheduler against it on a fresh copy of the seed corpus, and opens a chat in
 * the terminal: each line you type reaches the bot as a Telegram user's message, and the bot's replies
 * are printed as they arrive. You are an admin, so /addsource and the rest can be tried too.
 *
 *   npm run demo                     Arabic user (Telegram language "ar")
 *   npm run demo -- --lang en        English user
 *   npm run demo -- --db PATH        chat over an existing database instead of the seed corpus
 *   printf '/start\nWho met Kim and when?\n' | npm run demo    answers each line, then exits
 *
 * In the chat: #N taps button N of the last message that had buttons; /quit or Ctrl-D ends.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createLogger } from "../src/bot/logger.ts";
import { SEED_CORPUS_DIR } from "../src/cli/context.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/open.ts";
import { createEngine } from "../src/engine.ts";
import { describeError } from "../src/errors.ts";
import { startServer } from "../src/main.ts";
import { type BotMessage, openChat, startEmulator } from "./demo/emulator-chat.ts";
import { renderHtmlForTerminal } from "./demo/render-html.ts";

const DEMO_TOKEN = "100000:demo-token";
const DEMO_USER = 1001;

function readOptions(argv: string[]): { lang: "ar" | "en"; db: string | null } {
  const lang = argv.includes("--lang") ? argv[argv.indexOf("--lang") + 1] : "ar";
  if (lang !== "ar" && lang !== "en")
    throw new Error("--lang takes ar or en, e.g. npm run demo -- --lang en");
  const dbIndex = argv.indexOf("--db");
  const db = dbIndex >= 0 ? (argv[dbIndex + 1] ?? null) : null;
  if (dbIndex >= 0 && !db) throw new Error("--db needs a path, e.g. npm run demo -- --db data/rasid.db");
  return { lang, db };
}

async function runDemo(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const styled = Boolean(process.stdout.isTTY);
  const print = (text: string) => process.stdout.write(`${text}\n`);

  const emulator = await startEmulator();
  const tempDir = options.db ? null : mkdtempSync(join(tmpdir(), "rasid-demo-"));
  const dbPath = options.db ?? join(tempDir as string, "rasid.db");
  const db = openDatabase(dbPath);
  if (tempDir) createEngine(db).importPaths([SEED_CORPUS_DIR]);

  const config = loadConfig({
    LOG_LEVEL: process.env.LOG_LEVEL,
    DEFAULT_TIMEZONE: process.env.DEFAULT_TIMEZONE,
    BOT_TOKEN: DEMO_TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    ADMIN_IDS: String(DEMO_USER),
    RASID_DB: dbPath,
  });
  // The emulator refuses some methods (the command menu); only real errors are worth showing here.
  const log = createLogger({
    level: process.env.LOG_LEVEL ? config.LOG_LEVEL : "error",
    secrets: [DEMO_TOKEN],
  });
  const server = await startServer(config, { db, log, emptyPollDelayMs: 100 });
  const chat = openChat(emulator, DEMO_TOKEN, {
    userId: DEMO_USER,
    firstName: "Demo",
    languageCode: options.lang,
  });

  print(
    "rasid demo — the real bot on a local Telegram emulator, with the seed corpus.\n" +
      "Type a question or a command (/start, /help, /subscribe …); #N taps button N; /quit or Ctrl-D ends.\n",
  );

  // Everything the bot sends to the chat is printed as it arrives, alerts and digests included.
  let printed = 0;
  let lastButtons: BotMessage["buttons"] = [];
  const printNew = () => {
    for (const message of chat.messages().slice(printed)) {
      printed++;
      print(`\nrasid › ${renderHtmlForTerminal(message.text, styled)}`);
      if (message.buttons.length > 0) {
        lastButtons = message.buttons;
        print(message.buttons.map((b, i) => `  [#${i + 1}] ${b.text}`).join("\n"));
      }
    }
  };
  const printer = setInterval(printNew, 100);

  const lines = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: Boolean(process.stdin.isTTY),
  });
  // Ctrl-C ends the chat like Ctrl-D, so the emulator stops and the temporary database is removed.
  lines.on("SIGINT", () => lines.close());
  process.once("SIGINT", () => lines.close());
  process.once("SIGTERM", () => lines.close());
  lines.setPrompt("\nyou › ");
  // Piped input is echoed after the prompt instead, so the transcript reads like the chat.
  const prompt = () => {
    if (process.stdin.isTTY) lines.prompt();
  };
  prompt();
  try {
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === "/quit" || line === "/exit") break;
      if (!line) {
        prompt();
        continue;
      }
      if (!process.stdin.isTTY) print(`\nyou › ${line}`);
      const before = chat.messages().length;
      const button = /^#(\d+)$/.exec(line);
      if (button) {
        const chosen = lastButtons[Number(button[1]) - 1];
        if (!chosen) {
          print(`(there is no button ${line}; the last message had ${lastButtons.length})`);
          prompt();
          continue;
        }
        await chat.press(chosen.data);
      } else {
        await chat.send(line);
      }
      try {
        await chat.waitForReplies(before, { quietMs: 400 });
      } catch {
        print("(no reply from the bot yet)");
      }
      printNew();
      prompt();
    }
  } finally {
    clearInterval(printer);
    lines.close();
    await server.stop("demo ended");
    await emulator.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
  print("\nBye.");
}

try {
  await runDemo();
} catch (error) {
  process.stderr.write(`demo: ${describeError(error)}\n`);
  process.exitCode = 1;
}
