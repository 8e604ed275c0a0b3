import type { Db } from "../db/open.ts";
import { describeError } from "../errors.ts";
import { type Chat, getChat, migrateChat, setChatActive } from "./chat-store.ts";
import { classifySendError, type MessageSender } from "./message-sender.ts";
import {
  dropPendingForChat,
  findNextDueAt,
  listDueMessages,
  markDropped,
  markFailed,
  markRetry,
  markSent,
  type OutboxItem,
  postponeMessage,
} from "./outbox-store.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limiter.ts";
import { renderOutboxMessage } from "./render-outbox.ts";

export interface DeliveryDeps {
  db: Db;
  sender: MessageSender;
  now: () => Date;
  /** Waits out the overall rate limit within a round; without it the round ends and resumes later. */
  sleep?: (ms: number) => Promise<void>;
  log: Pick<Console, "info" | "warn">;
  /** Keep one limiter for the life of the process: it remembers the last minute's sends. */
  limiter?: RateLimiter;
  /** The message text of an outbox row at send time; null when there is nothing left to say. */
  render?: (item: OutboxItem, chat: Chat) => string | null;
}

export interface DeliveryOptions {
  /** Rows read per round. */
  batchSize?: number;
  /** Tries for a message that keeps failing with 5xx or network errors before it is marked failed. */
  maxAttempts?: number;
  /** First retry delay; it doubles with each failed attempt, up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface DeliverySummary {
  sent: number;
  retried: number;
  failed: number;
  dropped: number;
  deferred: number;
  /** When to call deliverDue again: now when the batch was full, null when nothing is pending. */
  nextAttemptAt: Date | null;
}

const SHORT_ERROR = 300;

/**
 * Sends the outbox messages that are due, oldest first, within Telegram's limits, and records each outcome.
 * A message is marked sent only after Telegram accepted it: a crash between Telegram's answer and that
 * update re-sends that one message after a restart (at most one per chat being sent to at the time);
 * nothing is ever lost. One chat's failure (403, 429, 5xx) holds back only that chat.
 */
export async function deliverDue(
  deps: DeliveryDeps,
  options: DeliveryOptions = {},
): Promise<DeliverySummary> {
  const { db, sender, now, log } = deps;
  const limiter = deps.limiter ?? createRateLimiter();
  const render = deps.render ?? ((item: OutboxItem, chat: Chat) => renderOutboxMessage(db, item, chat));
  const batchSize = options.batchSize ?? 100;
  const maxAttempts = options.maxAttempts ?? 6;
  const backoffMs = options.backoffMs ?? 5_000;
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000;

  const summary: DeliverySummary = {
    sent: 0,
    retried: 0,
    failed: 0,
    dropped: 0,
    deferred: 0,
    nextAttemptAt: null,
  };
  // Chats whose next message must wait: later messages to them stay queued, in order.
  const held = new Set<number>();
  const items = listDueMessages(db, now(), batchSize);
  // Set when the overall limit ends the round early, to the time the next round can go.
  let resumeAt: Date | null = null;

  for (const item of items) {
    if (held.has(item.chatId)) continue;
    const chat = getChat(db, item.chatId);
    if (!chat?.active) {
      markDropped(db, item.id, "the chat is inactive");
      summary.dropped++;
      continue;
    }
    const globalWait = limiter.globalWait(now().getTime());
    if (globalWait > 0) {
      if (!deps.sleep) {
        resumeAt = new Date(now().getTime() + globalWait);
        break;
      }
      await deps.sleep(globalWait);
    }
    const isGroup = chat.type !== "private";
    const wait = limiter.waitFor(chat.id, isGroup, now().getTime());
    if (wait > 0) {
      postponeMessage(db, item.id, new Date(now().getTime() + wait));
      held.add(chat.id);
      summary.deferred++;
      continue;
    }
    let html: string | null;
    try {
      html = render(item, chat);
    } catch (error) {
      // A row that cannot be rendered would otherwise stop every later round at the same place.
      markFailed(db, item.id, `could not compose the message: ${describeError(error)}`.slice(0, SHORT_ERROR));
      summary.failed++;
      log.warn("could not compose an outbox message", { outboxId: item.id, error: describeError(error) });
      continue;
    }
    if (html === null) {
      markDropped(db, item.id, "nothing left to send (the event or article is gone)");
      summary.dropped++;
      continue;
    }

    limiter.record(chat.id, isGroup, now().getTime());
    try {
      await sender.send(chat.id, html);
      markSent(db, item.id, now());
      summary.sent++;
    } catch (error) {
      held.add(chat.id);
      const failure = classifySendError(error);
      const reason = failure.description.slice(0, SHORT_ERROR);
      switch (failure.kind) {
        case "rate_limited":
          markRetry(db, item.id, new Date(now().getTime() + failure.retryAfterSeconds * 1000), reason, false);
          summary.retried++;
          break;
        case "chat_gone":
          setChatActive(db, chat.id, false);
          summary.dropped += dropPendingForChat(db, chat.id, reason);
          log.info("chat unreachable; marked inactive", { chatId: chat.id, reason });
          break;
        case "chat_moved":
          migrateChat(db, chat.id, failure.newChatId);
          log.info("group became a supergroup; chat moved", {
            chatId: chat.id,
            newChatId: failure.newChatId,
          });
          break;
        case "rejected":
          markFailed(db, item.id, reason);
          summary.failed++;
          log.warn("Telegram refused a message", { outboxId: item.id, chatId: chat.id, reason });
          break;
        case "transient":
          if (item.attempts + 1 >= maxAttempts) {
            markFailed(db, item.id, reason);
            summary.failed++;
            log.warn("giving up on a message", { outboxId: item.id, chatId: chat.id, reason });
          } else {
            const delay = Math.min(maxBackoffMs, backoffMs * 2 ** item.attempts);
            markRetry(db, item.id, new Date(now().getTime() + delay), reason, true);
            summary.retried++;
          }
          break;
      }
    }
  }

  summary.nextAttemptAt = resumeAt ?? (items.length === batchSize ? now() : findNextDueAt(db));
  return summary;
}
