import { createServer } from "node:net";
import type { TelegramClient } from "telegram-test-api/lib/modules/telegramClient.js";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";

/**
 * A local Bot API (the telegram-test-api emulator) and a Telegram user talking to the bot through it: what
 * the demo's terminal chat and the end-to-end tests both use. Everything listens on 127.0.0.1 only.
 */

/** A port free on 127.0.0.1 right now (the emulator treats port 0 as its default 9000). */
export async function findFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once("error", reject).listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("could not find a free local port");
  return address.port;
}

export interface Emulator {
  /** The Bot API root to give telegraf (TELEGRAM_API_ROOT). */
  apiRoot: string;
  server: TelegramServer;
  stop(): Promise<void>;
}

export async function startEmulator(): Promise<Emulator> {
  const port = await findFreePort();
  const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 3600 });
  await server.start();
  return { apiRoot: server.config.apiURL, server, stop: () => server.stop().then(() => undefined) };
}

export interface BotMessage {
  text: string;
  /** Callback data of the inline buttons, in order, with their labels. */
  buttons: { text: string; data: string }[];
  messageId: number;
}

export interface ChatUser {
  userId: number;
  firstName?: string;
  languageCode?: string;
  /** A group chat (negative id) instead of the private chat with the user. */
  group?: { chatId: number; title: string };
}

export interface EmulatorChat {
  chatId: number;
  /** Sends a line as the user would type it, with the entities Telegram would add (/command, @mention). */
  send(text: string, options?: { replyToMessageId?: number }): Promise<void>;
  /** Taps an inline button of one of the bot's messages. */
  press(data: string): Promise<void>;
  /** Every bot message to this chat so far, oldest first. */
  messages(): BotMessage[];
  /**
   * Waits until the bot has sent at least `count` messages beyond the first `after`, then until it has been
   * quiet for `quietMs`; returns the new ones. Rejects after `timeoutMs` with what did arrive.
   */
  waitForReplies(
    after: number,
    options?: { count?: number; quietMs?: number; timeoutMs?: number },
  ): Promise<BotMessage[]>;
}

interface StoredBotMessage {
  chat_id?: number | string;
  text?: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] };
}

function toBotMessage(stored: { message: StoredBotMessage; messageId: number }): BotMessage {
  const keyboard = stored.message.reply_markup?.inline_keyboard ?? [];
  return {
    text: stored.message.text ?? "",
    buttons: keyboard
      .flat()
      .flatMap((b) => (b.callback_data ? [{ text: b.text, data: b.callback_data }] : [])),
    messageId: stored.messageId,
  };
}

/** The id the emulator's getMe gives every bot. */
const EMULATOR_BOT_ID = 666;

/** The entities Telegram attaches to a typed message: a leading /command and @mentions (UTF-16 offsets). */
function findEntities(text: string): { type: "bot_command" | "mention"; offset: number; length: number }[] {
  const entities: { type: "bot_command" | "mention"; offset: number; length: number }[] = [];
  const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const mention of text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{5,32}/g)) {
    entities.push({ type: "mention", offset: mention.index, length: mention[0].length });
  }
  return entities;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function openChat(emulator: Emulator, token: string, user: ChatUser): EmulatorChat {
  const chatId = user.group?.chatId ?? user.userId;
  const client: TelegramClient = emulator.server.getClient(token, {
    userId: user.userId,
    chatId,
    firstName: user.firstName ?? "Demo",
    userName: `user${user.userId}`,
    type: user.group ? "group" : "private",
    chatTitle: user.group?.title,
  });
  const from = {
    id: user.userId,
    is_bot: false,
    first_name: user.firstName ?? "Demo",
    ...(user.languageCode ? { language_code: user.languageCode } : {}),
  };

  const messages = (): BotMessage[] =>
    emulator.server.storage.botMessages
      .filter((m) => m.botToken === token && String(m.message.chat_id) === String(chatId))
      .map((m) => toBotMessage({ message: m.message as StoredBotMessage, messageId: m.messageId }));

  return {
    chatId,
    async send(text, options = {}) {
      const reply = options.replyToMessageId
        ? {
            reply_to_message: {
              message_id: options.replyToMessageId,
              date: 0,
              chat: { id: chatId, type: user.group ? "group" : "private" },
              from: { id: EMULATOR_BOT_ID, is_bot: true, first_name: "bot" },
            },
          }
        : {};
      const entities = findEntities(text);
      const message = client.makeMessage(text, {
        from,
        ...reply,
        ...(entities.length ? { entities } : {}),
      } as never);
      await client.sendMessage(message);
    },
    async press(data) {
      await client.sendCallback(client.makeCallbackQuery(data, { from, message: { from } } as never));
    },
    messages,
    async waitForReplies(after, options = {}) {
      const count = options.count ?? 1;
      const quietMs = options.quietMs ?? 300;
      const deadline = Date.now() + (options.timeoutMs ?? 15_000);
      let seen = messages().length;
      let quietSince = Date.now();
      while (Date.now() < deadline) {
        const now = messages().length;
        if (now !== seen) {
          seen = now;
          quietSince = Date.now();
        }
        if (seen - after >= count && Date.now() - quietSince >= quietMs) return messages().slice(after);
        await sleep(25);
      }
      const got = messages()
        .slice(after)
        .map((m) => m.text);
      throw new Error(`expected ${count} bot message(s), got ${got.length}: ${JSON.stringify(got)}`);
    },
  };
}
