import { Telegram } from "telegraf";
import type { MessageEntity, Update, UserFromGetMe } from "telegraf/types";
import { vi } from "vitest";

/** The bot's identity in handler tests (the emulator's getMe answers the same kind of object). */
export const BOT_INFO: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: "rasid",
  username: "rasid_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/**
 * Records every Bot API call the bot makes. telegraf builds a new Telegram per update, so the stub sits on
 * the prototype; `fail` makes chosen methods throw as the server would.
 */
export function recordApiCalls(fail: (method: string) => Error | undefined = () => undefined) {
  const calls: ApiCall[] = [];
  let messageId = 1000;
  const spy = vi.spyOn(Telegram.prototype, "callApi").mockImplementation((async (
    method: string,
    payload: Record<string, unknown>,
  ) => {
    calls.push({ method, payload });
    const error = fail(method);
    if (error) throw error;
    if (method === "getMe") return BOT_INFO;
    if (method === "sendMessage") {
      return {
        message_id: ++messageId,
        date: 0,
        chat: { id: payload.chat_id, type: "private" },
        text: payload.text,
      };
    }
    return true;
  }) as unknown as Telegram["callApi"]);
  return {
    calls,
    /** Texts of the messages sent, in order (optionally to one chat). */
    sent(chatId?: number): string[] {
      return calls
        .filter((c) => c.method === "sendMessage" && (chatId === undefined || c.payload.chat_id === chatId))
        .map((c) => String(c.payload.text));
    },
    /** The last message sent. */
    last(): ApiCall["payload"] {
      const sends = calls.filter((c) => c.method === "sendMessage");
      const last = sends[sends.length - 1];
      if (!last) throw new Error("the bot sent nothing");
      return last.payload;
    },
    clear(): void {
      calls.length = 0;
    },
    restore(): void {
      spy.mockRestore();
    },
  };
}

export interface FromOptions {
  userId?: number;
  chatId?: number;
  chatType?: "private" | "group" | "supergroup";
  languageCode?: string;
  firstName?: string;
  /** The message answers one of the bot's messages. */
  replyToBot?: boolean;
}

let updateId = 1;

function makeEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const match of text.matchAll(/(?<![/\w])@[A-Za-z0-9_]{3,}/g)) {
    entities.push({ type: "mention", offset: match.index, length: match[0].length });
  }
  return entities;
}

function makeChat(options: FromOptions) {
  const chatType = options.chatType ?? "private";
  const userId = options.userId ?? 7001;
  const chatId = options.chatId ?? (chatType === "private" ? userId : -100500);
  return chatType === "private"
    ? { id: chatId, type: "private" as const, first_name: options.firstName ?? "Salma" }
    : { id: chatId, type: chatType, title: "Newsroom" };
}

function makeUser(options: FromOptions) {
  return {
    id: options.userId ?? 7001,
    is_bot: false,
    first_name: options.firstName ?? "Salma",
    language_code: options.languageCode,
  };
}

/** A text message update as Telegram sends it, with command and mention entities filled in. */
export function makeTextUpdate(text: string, options: FromOptions = {}): Update {
  const entities = makeEntities(text);
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: 1_750_000_000,
      chat: makeChat(options),
      from: makeUser(options),
      text,
      ...(entities.length ? { entities } : {}),
      ...(options.replyToBot
        ? {
            reply_to_message: {
              message_id: 1,
              date: 1_750_000_000,
              chat: makeChat(options),
              from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name },
              text: "…",
            },
          }
        : {}),
    },
  } as Update;
}

/** A tap on an inline button. */
export function makeCallbackUpdate(data: string, options: FromOptions = {}): Update {
  return {
    update_id: updateId++,
    callback_query: {
      id: String(updateId),
      from: makeUser(options),
      chat_instance: "1",
      data,
      message: { message_id: 1, date: 1_750_000_000, chat: makeChat(options), text: "…" },
    },
  } as Update;
}

/** The callback data of every inline button in a sent message. */
export function buttonData(payload: Record<string, unknown>): string[] {
  const markup = payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().flatMap((b) => (b.callback_data ? [b.callback_data] : []));
}

/** The label of every inline button in a sent message. */
export function buttonTexts(payload: Record<string, unknown>): string[] {
  const markup = payload.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => b.text);
}
