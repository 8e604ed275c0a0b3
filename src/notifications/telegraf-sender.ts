import type { Telegram } from "telegraf";
import type { MessageSender } from "./message-sender.ts";

/** The production MessageSender: HTML parse mode, no link previews (an alert lists several links). */
export function createTelegrafSender(telegram: Telegram): MessageSender {
  return {
    async send(chatId, html) {
      await telegram.sendMessage(chatId, html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      });
    },
  };
}
