import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";
import { ensureChat } from "../../src/notifications/chat-store.ts";
import { enqueueMessage } from "../../src/notifications/outbox-store.ts";
import { type BotApiStandIn, makeTextMessage, startBotApiStandIn } from "../faults/bot-api-stand-in.ts";
import { startRasid, waitUntil } from "../faults/rasid-process.ts";

/**
 * `rasid serve` run with a distinctive token through failures — a wrong API root, 401, handlers that crash,
 * a Bot API that answers with HTML — never shows the token: not in its output (debug level, stacks
 * included), not in a reply, not in what it stores.
 */

// Shaped as BotFather's tokens are (telegraf redacts these in its own network errors) and not.
const TOKENS = ["987654321:AAH-distinctive_Token-Value", "distinctive-token-without-id"];
const USER = 61;

function expectNoToken(token: string, ...texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(token);
    // A part long enough to identify the token is a leak too (e.g. the secret after the colon).
    expect(text).not.toContain(token.slice(-16));
  }
}

/** Why each outbox message has not gone yet, as stored. */
function readOutboxErrors(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT coalesce(last_error, '') AS e FROM outbox").all() as { e: string }[]).map(
      (row) => row.e,
    );
  } finally {
    db.close();
  }
}

let dir: string;
let htmlServer: Server;
let htmlRoot: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rasid-token-"));
  // A web server that is not a Bot API: every path answers an HTML page.
  htmlServer = createServer((_req, res) =>
    res.writeHead(404, { "content-type": "text/html" }).end("<html><body>Not Found</body></html>"),
  );
  await new Promise<void>((resolve) => htmlServer.listen(0, "127.0.0.1", resolve));
  htmlRoot = `http://127.0.0.1:${(htmlServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  htmlServer.closeAllConnections();
  await new Promise((resolve) => htmlServer.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe.each(TOKENS)("the bot token %s", (token) => {
  const env = (apiRoot: string, db: string) => ({
    RASID_DB: join(dir, db),
    BOT_TOKEN: token,
    TELEGRAM_API_ROOT: apiRoot,
    LOG_LEVEL: "debug",
  });

  it.each([
    ["nothing listening", () => "http://127.0.0.1:9/"],
    ["a web server that is not a Bot API", () => htmlRoot],
  ])("stays out of the start-up failure when the API root is wrong (%s)", async (_label, root) => {
    const run = startRasid(["serve"], env(root(), "wrong-root.db"));
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain("Check BOT_TOKEN");
    expectNoToken(token, run.output());
  });

  it.each([
    [
      "getMe answers 401",
      "getMe",
      { status: 401, body: JSON.stringify({ ok: false, error_code: 401, description: "Unauthorized" }) },
      "Unauthorized",
    ],
    [
      "polling starts with an HTML page",
      "deleteWebhook",
      { status: 502, body: "<html>Bad Gateway</html>", contentType: "text/html" },
      "Bad Gateway",
    ],
    [
      "polling starts with an HTML page and status 200",
      "deleteWebhook",
      { status: 200, body: "<html>maintenance</html>", contentType: "text/html" },
      "invalid json",
    ],
  ])("stays out of the start-up failure when %s", async (_label, method, answer, reason) => {
    const api = await startBotApiStandIn();
    api.script(method, () => answer);
    const run = startRasid(["serve"], env(api.apiRoot, "start-up.db"));
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(reason);
    expectNoToken(token, run.output());
    await api.close();
  });

  describe("while serving", () => {
    let api: BotApiStandIn;
    beforeAll(async () => {
      api = await startBotApiStandIn();
    });
    afterAll(() => api.close());

    it("stays out of logs, replies and the database through crashes, HTML answers and a revoked token", async () => {
      const dbPath = join(dir, `serving-${TOKENS.indexOf(token)}.db`);
      const db = openDatabase(dbPath);
      ensureChat(
        db,
        { id: USER, type: "private" },
        { lang: "en", timezone: "UTC", digestTime: "08:00" },
        new Date(),
      );
      enqueueMessage(
        db,
        { chatId: USER, kind: "notice", payload: { type: "text", html: "تنبيه" }, dedupeKey: "notice:1" },
        new Date(),
      );
      // Every handler that follows something now crashes on the missing table.
      db.exec("DROP TABLE subscriptions");
      db.close();

      // First the Bot API answers sends with an HTML error page, the way a broken proxy in front of it would.
      let htmlAnswers = true;
      api.script("sendMessage", () =>
        htmlAnswers ? { status: 400, body: "<html>Bad Gateway</html>", contentType: "text/html" } : undefined,
      );
      const serve = startRasid(["serve"], env(api.apiRoot, `serving-${TOKENS.indexOf(token)}.db`));
      await waitUntil(() => serve.output().includes("is running as @"), "serve to start");
      api.pushUpdate(makeTextMessage(USER, "/start"));
      await waitUntil(
        () => serve.output().includes("could not tell the user"),
        "the failed reply to be logged",
      );
      await waitUntil(() => readOutboxErrors(dbPath).some(Boolean), "the failed delivery to be recorded");

      htmlAnswers = false;
      api.pushUpdate(makeTextMessage(USER, "/subscriptions"));
      await waitUntil(() => api.received.some((m) => m.text.includes("Sorry")), "the apology for the crash");

      // Then the token is revoked: polling ends and serve says what to do.
      api.script("getUpdates", () => ({
        status: 401,
        body: JSON.stringify({ ok: false, error_code: 401, description: "Unauthorized" }),
      }));
      expect(await serve.exited).toBe(1);
      expect(serve.output()).toContain("no longer accepts BOT_TOKEN");
      expect(serve.output()).toContain("no such table: subscriptions");

      expectNoToken(token, serve.output(), ...api.received.map((m) => m.text), ...readOutboxErrors(dbPath));
    }, 60_000);
  });
});
