import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/notifications/rate-limiter.ts";

describe("rate limiter", () => {
  it("allows one message a second to one chat", () => {
    const limiter = createRateLimiter();
    expect(limiter.waitFor(1, false, 0)).toBe(0);
    limiter.record(1, false, 0);
    expect(limiter.waitFor(1, false, 400)).toBe(600);
    expect(limiter.waitFor(2, false, 400)).toBe(0);
    expect(limiter.waitFor(1, false, 1000)).toBe(0);
  });

  it("allows 30 messages a second overall", () => {
    const limiter = createRateLimiter();
    for (let chat = 0; chat < 30; chat++) limiter.record(chat, false, chat * 10);
    expect(limiter.globalWait(300)).toBe(700);
    expect(limiter.waitFor(99, false, 300)).toBe(700);
    expect(limiter.globalWait(999)).toBe(1);
    expect(limiter.globalWait(1000)).toBe(0);
  });

  it("allows 20 messages a minute to one group", () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 20; i++) limiter.record(-5, true, i * 1000);
    expect(limiter.waitFor(-5, true, 20_000)).toBe(40_000);
    expect(limiter.waitFor(-5, true, 59_000)).toBe(1000);
    expect(limiter.waitFor(-5, true, 60_000)).toBe(0);
    // A private chat with the same pace is limited by the per-chat second only.
    for (let i = 0; i < 20; i++) limiter.record(5, false, i * 1000);
    expect(limiter.waitFor(5, false, 20_000)).toBe(0);
  });
});
