import { describe, expect, it } from "vitest";
import { createPendingChoices } from "../../src/bot/pending-choices.ts";
import { createQuestionLimiter } from "../../src/bot/question-limit.ts";

describe("createPendingChoices", () => {
  it("gives a choice back to its own chat while it is fresh", () => {
    const clock = { now: new Date("2025-07-14T09:00:00Z") };
    const pending = createPendingChoices<string>(() => clock.now, 60_000);
    const id = pending.put(1, "sergei-lavrov");
    expect(id.length).toBeLessThan(10);
    expect(pending.get(1, id)).toBe("sergei-lavrov");
    expect(pending.get(2, id)).toBeUndefined();
    expect(pending.get(1, "nope")).toBeUndefined();
    clock.now = new Date(clock.now.getTime() + 60_001);
    expect(pending.get(1, id)).toBeUndefined();
  });

  it("keeps ids short and distinct", () => {
    const pending = createPendingChoices<number>(() => new Date(0));
    const ids = Array.from({ length: 1000 }, (_, i) => pending.put(1, i));
    expect(new Set(ids).size).toBe(1000);
    // Telegram's 64-byte limit on button data leaves room for "sp:<id>:<index>".
    expect(Math.max(...ids.map((id) => id.length))).toBeLessThanOrEqual(8);
  });
});

describe("createQuestionLimiter", () => {
  it.each([1, 3, 20])("lets %i questions a minute through per chat", (perMinute) => {
    const clock = { now: new Date("2025-07-14T09:00:00Z") };
    const limiter = createQuestionLimiter(perMinute, () => clock.now);
    for (let i = 0; i < perMinute; i++) expect(limiter.tryTake("chat")).toBe(true);
    expect(limiter.tryTake("chat")).toBe(false);
    expect(limiter.tryTake("other chat")).toBe(true);
    clock.now = new Date(clock.now.getTime() + 59_999);
    expect(limiter.tryTake("chat")).toBe(false);
    clock.now = new Date(clock.now.getTime() + 1);
    expect(limiter.tryTake("chat")).toBe(true);
  });
});
