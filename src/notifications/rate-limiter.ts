/**
 * Telegram's broadcast limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
 * about 30 messages a second overall, one a second to one chat, 20 a minute to one group.
 */
export interface RateLimits {
  globalPerSecond: number;
  perChatIntervalMs: number;
  groupPerMinute: number;
}

export const TELEGRAM_LIMITS: RateLimits = {
  globalPerSecond: 30,
  perChatIntervalMs: 1000,
  groupPerMinute: 20,
};

export interface RateLimiter {
  /** Milliseconds to wait, from `nowMs`, before any message keeps within the overall limit (0: now). */
  globalWait(nowMs: number): number;
  /** Milliseconds to wait, from `nowMs`, before a message to this chat keeps within every limit (0: now). */
  waitFor(chatId: number, isGroup: boolean, nowMs: number): number;
  /** Counts a message sent (or attempted: Telegram counts refused ones too) at `nowMs`. */
  record(chatId: number, isGroup: boolean, nowMs: number): void;
}

/** A limiter over sliding windows, with the time passed in by the caller so tests move a fake clock. */
export function createRateLimiter(limits: RateLimits = TELEGRAM_LIMITS): RateLimiter {
  const global: number[] = [];
  const lastToChat = new Map<number, number>();
  const toGroup = new Map<number, number[]>();

  const prune = (nowMs: number): void => {
    while (global.length > 0 && (global[0] as number) <= nowMs - 1000) global.shift();
    for (const [chat, times] of toGroup) {
      while (times.length > 0 && (times[0] as number) <= nowMs - 60_000) times.shift();
      if (times.length === 0) toGroup.delete(chat);
    }
    for (const [chat, at] of lastToChat) if (at <= nowMs - limits.perChatIntervalMs) lastToChat.delete(chat);
  };

  const globalWait = (nowMs: number): number => {
    prune(nowMs);
    if (global.length < limits.globalPerSecond) return 0;
    return Math.max(0, (global[global.length - limits.globalPerSecond] as number) + 1000 - nowMs);
  };

  return {
    globalWait,
    waitFor(chatId, isGroup, nowMs) {
      let wait = globalWait(nowMs);
      const last = lastToChat.get(chatId);
      if (last !== undefined) wait = Math.max(wait, last + limits.perChatIntervalMs - nowMs);
      const times = isGroup ? toGroup.get(chatId) : undefined;
      if (times && times.length >= limits.groupPerMinute) {
        wait = Math.max(wait, (times[times.length - limits.groupPerMinute] as number) + 60_000 - nowMs);
      }
      return Math.max(0, wait);
    },
    record(chatId, isGroup, nowMs) {
      global.push(nowMs);
      lastToChat.set(chatId, nowMs);
      if (isGroup) {
        const times = toGroup.get(chatId) ?? [];
        times.push(nowMs);
        toGroup.set(chatId, times);
      }
    },
  };
}
