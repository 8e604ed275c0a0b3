import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, openChat, startEmulator } from "../../scripts/demo/emulator-chat.ts";
import { SEED_CORPUS_DIR } from "../../src/cli/context.ts";
import { openDatabase } from "../../src/db/open.ts";
import { createEngine } from "../../src/engine.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const TOKEN = "555:serve-command-token";

function runRasid(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(ROOT, "bin", "rasid.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, BOT_TOKEN: "", TELEGRAM_API_ROOT: "", WEBHOOK_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function collect(child: ChildProcess): { output: () => string; exited: Promise<number | null> } {
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  return {
    output: () => output,
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
  };
}

describe("npx rasid serve", () => {
  let dir: string;
  let emulator: Emulator;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rasid-serve-"));
    const db = openDatabase(join(dir, "rasid.db"));
    createEngine(db).importPaths([SEED_CORPUS_DIR]);
    db.close();
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("without BOT_TOKEN says what to do and points to the demo", async () => {
    const run = collect(runRasid(["--db", join(dir, "rasid.db"), "serve"], {}));
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain("rasid serve needs BOT_TOKEN");
    expect(run.output()).toContain("npm run demo");
  });

  it("with a wrong token stops with a reason and without the token", async () => {
    const run = collect(
      runRasid(["--db", join(dir, "rasid.db"), "serve"], {
        BOT_TOKEN: "123:wrong-token-value",
        TELEGRAM_API_ROOT: "http://127.0.0.1:9/",
      }),
    );
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain("Check BOT_TOKEN");
    expect(run.output()).not.toContain("wrong-token-value");
  });

  it("answers /start, an Arabic and an English question, subscribes, and stops on SIGTERM", async () => {
    const child = runRasid(["--db", join(dir, "rasid.db"), "serve"], {
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      ADMIN_IDS: "42",
      LOG_LEVEL: "info",
    });
    const run = collect(child);
    try {
      const chat = openChat(emulator, TOKEN, { userId: 42, firstName: "Layla", languageCode: "ar" });
      const say = async (text: string) => {
        const before = chat.messages().length;
        await chat.send(text);
        return (await chat.waitForReplies(before, { timeoutMs: 20_000 }))[0]?.text ?? "";
      };
      expect(await say("/start")).toContain("أهلاً Layla");
      expect(await say("من التقى كيم ومتى؟")).toContain("كيم جونغ أون");
      expect(await say("Who met Kim and when?")).toContain("Kim Jong Un");
      expect(await say("/subscribe سيرغي لافروف daily")).toContain("تم: اشتركت في");
      expect(await say("/subscriptions")).toContain("اشتراكاتك");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain("is running as @");
    expect(run.output()).toContain("stopping (SIGTERM)");
    expect(run.output()).not.toContain(TOKEN);
  });
});
