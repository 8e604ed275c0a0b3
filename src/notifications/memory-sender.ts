import type { BotApiErrorLike, MessageSender } from "./message-sender.ts";

/** A scripted answer for the next send to a chat: a Bot API error, or a network failure. */
export type ScriptedFailure =
  | { error_code: number; description: string; retry_after?: number; migrate_to_chat_id?: number }
  | { network: string };

export interface MemorySender extends MessageSender {
  /** Every message Telegram accepted, in order. */
  readonly sent: { chatId: number; html: string }[];
  /** Queues answers for the next sends to the chat; once used up, sends succeed. */
  failNext(chatId: number, ...failures: ScriptedFailure[]): void;
}

/** The Bot API's error as telegraf throws it (TelegramError carries the same `response`). */
class BotApiError extends Error implements BotApiErrorLike {
  readonly response: BotApiErrorLike["response"];

  constructor(response: BotApiErrorLike["response"]) {
    super(`${response.error_code}: ${response.description}`);
    this.name = "TelegramError";
    this.response = response;
  }
}

/** The in-memory twin of the telegraf sender, for tests and dry runs. */
export function createMemorySender(): MemorySender {
  const sent: { chatId: number; html: string }[] = [];
  const scripts = new Map<number, ScriptedFailure[]>();
  return {
    sent,
    failNext(chatId, ...failures) {
      scripts.set(chatId, [...(scripts.get(chatId) ?? []), ...failures]);
    },
    async send(chatId, html) {
      const failure = scripts.get(chatId)?.shift();
      if (failure === undefined) {
        sent.push({ chatId, html });
        return;
      }
      if ("network" in failure) throw Object.assign(new Error(failure.network), { code: "ECONNRESET" });
      const { error_code, description, retry_after, migrate_to_chat_id } = failure;
      const parameters =
        retry_after === undefined && migrate_to_chat_id === undefined
          ? undefined
          : { retry_after, migrate_to_chat_id };
      throw new BotApiError({ error_code, description, parameters });
    },
  };
}
