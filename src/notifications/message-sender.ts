/**
 * The port the outbox delivers through: the telegraf adapter (telegraf-sender.ts) in production, the
 * in-memory twin (memory-sender.ts) in tests; both pass tests/notifications/message-sender.contract.ts.
 */
export interface MessageSender {
  /** Sends one HTML message; resolves once Telegram has accepted it, throws a Bot API error otherwise. */
  send(chatId: number, html: string): Promise<void>;
}

/** What a failed send means for the outbox. */
export type SendFailure =
  /** 429: wait as long as Telegram says, then try again. */
  | { kind: "rate_limited"; retryAfterSeconds: number; description: string }
  /** The bot may no longer write to the chat (blocked, kicked, chat deleted): stop sending to it. */
  | { kind: "chat_gone"; description: string }
  /** The group became a supergroup with a new id: send there instead. */
  | { kind: "chat_moved"; newChatId: number; description: string }
  /** Telegram refused this message (malformed HTML, too long): sending it again gives the same answer. */
  | { kind: "rejected"; description: string }
  /** 5xx or no answer: worth another try later. */
  | { kind: "transient"; description: string };

/** The shape of telegraf's TelegramError that matters here (`error.response` of the Bot API). */
export interface BotApiErrorLike {
  response: {
    error_code: number;
    description: string;
    parameters?: { retry_after?: number; migrate_to_chat_id?: number };
  };
}

function isBotApiError(error: unknown): error is BotApiErrorLike {
  const response = (error as { response?: unknown } | null)?.response as { error_code?: unknown } | undefined;
  return typeof response === "object" && response !== null && typeof response.error_code === "number";
}

export function classifySendError(error: unknown): SendFailure {
  if (!isBotApiError(error)) {
    const description = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: "transient", description };
  }
  const { error_code: code, description, parameters } = error.response;
  if (code === 429) {
    return {
      kind: "rate_limited",
      retryAfterSeconds: Math.max(1, parameters?.retry_after ?? 1),
      description,
    };
  }
  if (code === 403) return { kind: "chat_gone", description };
  if (parameters?.migrate_to_chat_id !== undefined)
    return { kind: "chat_moved", newChatId: parameters.migrate_to_chat_id, description };
  // A deleted chat answers 400 "chat not found".
  if (code === 400 && /chat not found/i.test(description)) return { kind: "chat_gone", description };
  if (code >= 500) return { kind: "transient", description };
  return { kind: "rejected", description };
}
