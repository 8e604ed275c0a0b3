import { Telegram } from "telegraf";
import { afterEach, describe, expect, it, vi } from "vitest";
import { throttleEmptyPolls } from "../../src/bot/poll-throttle.ts";

describe("throttleEmptyPolls", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function makeTelegram(answer: unknown[]) {
    const telegram = new Telegram("1:x", { apiRoot: "http://127.0.0.1:9" } as never);
    telegram.callApi = (async () => answer) as unknown as Telegram["callApi"];
    throttleEmptyPolls(telegram, 500);
    return telegram;
  }

  it("holds an empty getUpdates answer back for the interval", async () => {
    vi.useFakeTimers();
    const telegram = makeTelegram([]);
    let settled = false;
    const call = telegram.callApi("getUpdates", {}).then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await call;
    expect(settled).toBe(true);
  });

  it("passes updates and other methods through at once", async () => {
    vi.useFakeTimers();
    const withUpdates = makeTelegram([{ update_id: 1 }]);
    await expect(withUpdates.callApi("getUpdates", {})).resolves.toEqual([{ update_id: 1 }]);
    const other = makeTelegram([]);
    await expect(other.callApi("getMe", {} as never)).resolves.toEqual([]);
  });
});
