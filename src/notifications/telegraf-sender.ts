import type { Telegram } from "telegraf";
import { redactError } from "../errors.ts";
import type { MessageSender } from "./message-sender.ts";

/** The production MessageSender: HTML parse mode, no link previews (an alert lists several links). */
export function createTelegrafSender(telegram: Telegram): MessageSender {
  return {
    async send(chatId, html) {
      try {
        await telegram.sendMessage(chatId, html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        });
      } catch (error) {
        // The outbox stores why a send failed: never with the token in it.
        throw redactError(error, telegram.token);
      }
    },
  };
}
