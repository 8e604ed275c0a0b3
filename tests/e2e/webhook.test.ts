import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, findFreePort, startEmulator } from "../../scripts/demo/emulator-chat.ts";
import { createLogger } from "../../src/bot/logger.ts";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/open.ts";
import { type Server, startServer } from "../../src/main.ts";

const TOKEN = "777:webhook-token";

const START_UPDATE = {
  update_id: 1,
  message: {
    message_id: 1,
    date: 1_752_000_000,
    chat: { id: 314, type: "private", first_name: "Nour" },
    from: { id: 314, is_bot: false, first_name: "Nour", language_code: "en" },
    text: "/start",
    entities: [{ type: "bot_command", offset: 0, length: 6 }],
  },
};

describe("webhook mode (WEBHOOK_URL set)", () => {
  let emulator: Emulator;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    emulator = await startEmulator();
    port = await findFreePort();
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      WEBHOOK_URL: "https://rasid.example/telegram-hook",
      WEBHOOK_PORT: String(port),
      RASID_DB: ":memory:",
    });
    server = await startServer(config, {
      db: openDatabase(":memory:"),
      schedule: false,
      webhookHost: "127.0.0.1",
      log: createLogger({ level: "error", write: () => {} }),
    });
  });

  afterAll(async () => {
    await server?.stop();
    await emulator?.stop();
  });

  /** What Telegram was told: the emulator keeps the setWebhook request per token. */
  function registeredWebhook(): { url: string; secret_token?: string } {
    const hooks = (
      emulator.server as unknown as { webhooks: Record<string, { url: string; secret_token?: string }> }
    ).webhooks;
    const hook = hooks[TOKEN];
    if (!hook) throw new Error("no webhook was registered");
    return hook;
  }

  function post(secret: string | undefined) {
    return fetch(`http://127.0.0.1:${port}/telegram-hook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
      },
      body: JSON.stringify(START_UPDATE),
    });
  }

  it("registers the public URL with a secret token", () => {
    const hook = registeredWebhook();
    expect(hook.url).toBe("https://rasid.example/telegram-hook");
    expect(hook.secret_token).toMatch(/^[0-9a-f]{48}$/);
  });

  it("refuses updates that do not carry the secret", async () => {
    expect((await post(undefined)).status).toBe(403);
    expect((await post("not-the-secret")).status).toBe(403);
  });

  it("answers an update that does, through the Bot API", async () => {
    const response = await post(registeredWebhook().secret_token);
    expect(response.status).toBe(200);
    // telegraf answers the webhook once the update is handled, so the reply has been sent by now.
    const replies = emulator.server.storage.botMessages.filter((m) => String(m.message.chat_id) === "314");
    expect(replies.map((m) => m.message.text).join("\n")).toContain("Hello Nour");
  });
});
