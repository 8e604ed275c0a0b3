/**
 * Choices offered on inline buttons and not yet made (which of several people, which mode). Telegram
 * allows only 64 bytes of button data, too little for an Arabic keyword, so the button carries a short id
 * and the choice waits here. Kept in memory: after a restart an old button says the choice expired.
 */
export interface PendingChoices<T> {
  put(chatId: number, value: T): string;
  /** The choice behind an id, if it is still fresh and belongs to this chat. */
  get(chatId: number, id: string): T | undefined;
}

const MAX_PENDING = 5_000;

export function createPendingChoices<T>(now: () => Date, ttlMs = 3_600_000): PendingChoices<T> {
  const entries = new Map<string, { chatId: number; value: T; at: number }>();
  let counter = 0;
  return {
    put(chatId, value) {
      const id = (++counter).toString(36);
      entries.set(id, { chatId, value, at: now().getTime() });
      // Oldest first: Map keeps insertion order.
      for (const key of entries.keys()) {
        if (entries.size <= MAX_PENDING) break;
        entries.delete(key);
      }
      return id;
    },
    get(chatId, id) {
      const entry = entries.get(id);
      if (!entry || entry.chatId !== chatId) return undefined;
      if (now().getTime() - entry.at > ttlMs) {
        entries.delete(id);
        return undefined;
      }
      return entry.value;
    },
  };
}
