import type { Db } from "../../src/db/open.ts";
import { ensureChat } from "../../src/notifications/chat-store.ts";
import { addSubscription } from "../../src/notifications/subscription-store.ts";

/** Private chats, each following one word with instant alerts: the audience of the crash tests. */
export function subscribeChatsToKeyword(db: Db, chats: number[], keyword: string, at: Date): void {
  for (const id of chats) {
    ensureChat(db, { id, type: "private" }, { lang: "ar", timezone: "UTC", digestTime: "08:00" }, at);
    addSubscription(
      db,
      { chatId: id, targetKind: "keyword", target: keyword, label: keyword, mode: "instant" },
      at,
    );
  }
}
