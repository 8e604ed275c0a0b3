import type { Telegram } from "telegraf";

/**
 * Waits `minIntervalMs` after an empty getUpdates answer. Telegram holds a long poll open for up to 50 s,
 * but a server that answers at once (a local Bot API emulator, a misbehaving proxy) would otherwise be
 * polled in a tight loop.
 */
export function throttleEmptyPolls(telegram: Telegram, minIntervalMs: number): void {
  const callApi = telegram.callApi.bind(telegram);
  const throttled: typeof telegram.callApi = async (method, payload, options) => {
    const result = await callApi(method, payload, options);
    if (method === "getUpdates" && Array.isArray(result) && result.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, minIntervalMs));
    }
    return result;
  };
  telegram.callApi = throttled;
}
