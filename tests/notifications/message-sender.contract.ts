import { describe, expect, it } from "vitest";
import type { ScriptedFailure } from "../../src/notifications/memory-sender.ts";
import {
  classifySendError,
  type MessageSender,
  type SendFailure,
} from "../../src/notifications/message-sender.ts";

/** One way of running a MessageSender against a scripted Telegram. */
export interface SenderHarness {
  sender: MessageSender;
  /** The next send to the chat gets this answer instead of success. */
  failNext(chatId: number, failure: ScriptedFailure): void;
  /** Messages Telegram accepted. */
  accepted(): { chatId: number; html: string }[];
  close(): Promise<void>;
}

async function failureOf(harness: SenderHarness, chatId: number): Promise<SendFailure> {
  try {
    await harness.sender.send(chatId, "<b>رسالة</b>");
  } catch (error) {
    return classifySendError(error);
  }
  throw new Error("the send was expected to fail");
}

/**
 * What every MessageSender must do, run against the in-memory twin and the telegraf adapter alike, so the
 * fake the outbox tests use cannot drift from the real thing.
 */
export function describeMessageSenderContract(name: string, open: () => Promise<SenderHarness>): void {
  describe(`MessageSender contract: ${name}`, () => {
    it("resolves once Telegram accepts the message, which arrives as sent", async () => {
      const harness = await open();
      await harness.sender.send(-1001, '<b>التقى</b> <a href="https://x.example/1">كيم &amp; لافروف</a>');
      expect(harness.accepted()).toEqual([
        { chatId: -1001, html: '<b>التقى</b> <a href="https://x.example/1">كيم &amp; لافروف</a>' },
      ]);
      await harness.close();
    });

    it.each<[string, ScriptedFailure, SendFailure]>([
      [
        "429 with retry_after",
        { error_code: 429, description: "Too Many Requests: retry after 7", retry_after: 7 },
        { kind: "rate_limited", retryAfterSeconds: 7, description: "Too Many Requests: retry after 7" },
      ],
      [
        "403 blocked",
        { error_code: 403, description: "Forbidden: bot was blocked by the user" },
        { kind: "chat_gone", description: "Forbidden: bot was blocked by the user" },
      ],
      [
        "403 kicked",
        { error_code: 403, description: "Forbidden: bot was kicked from the group chat" },
        { kind: "chat_gone", description: "Forbidden: bot was kicked from the group chat" },
      ],
      [
        "400 chat not found",
        { error_code: 400, description: "Bad Request: chat not found" },
        { kind: "chat_gone", description: "Bad Request: chat not found" },
      ],
      [
        "400 group upgraded",
        {
          error_code: 400,
          description: "Bad Request: group chat was upgraded to a supergroup chat",
          migrate_to_chat_id: -1009,
        },
        {
          kind: "chat_moved",
          newChatId: -1009,
          description: "Bad Request: group chat was upgraded to a supergroup chat",
        },
      ],
      [
        "400 bad HTML",
        { error_code: 400, description: "Bad Request: can't parse entities" },
        { kind: "rejected", description: "Bad Request: can't parse entities" },
      ],
      [
        "502",
        { error_code: 502, description: "Bad Gateway" },
        { kind: "transient", description: "Bad Gateway" },
      ],
    ])("reports %s as Telegram's error", async (_label, failure, expected) => {
      const harness = await open();
      harness.failNext(7, failure);
      expect(await failureOf(harness, 7)).toEqual(expected);
      expect(harness.accepted()).toEqual([]);
      await harness.sender.send(7, "بعد الخطأ");
      expect(harness.accepted()).toEqual([{ chatId: 7, html: "بعد الخطأ" }]);
      await harness.close();
    });

    it("reports a connection dropped without an answer as transient", async () => {
      const harness = await open();
      harness.failNext(7, { network: "socket hang up" });
      expect((await failureOf(harness, 7)).kind).toBe("transient");
      expect(harness.accepted()).toEqual([]);
      await harness.close();
    });
  });
}
