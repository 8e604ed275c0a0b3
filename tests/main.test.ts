import cron from "node-cron";
import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { RasidError } from "../src/errors.ts";
import { describePollSchedule, explainPollingFailure } from "../src/main.ts";

describe("describePollSchedule", () => {
  it.each([
    { minutes: 1, expression: "*/1 * * * *" },
    { minutes: 15, expression: "*/15 * * * *" },
    { minutes: 59, expression: "*/59 * * * *" },
    { minutes: 60, expression: "0 */1 * * *" },
    { minutes: 90, expression: "0 */2 * * *" },
    { minutes: 360, expression: "0 */6 * * *" },
    { minutes: 1440, expression: "0 0 * * *" },
  ])("every $minutes minute(s) → $expression, which node-cron accepts", ({ minutes, expression }) => {
    expect(describePollSchedule(minutes)).toBe(expression);
    expect(cron.validate(expression)).toBe(true);
  });
});

describe("explainPollingFailure", () => {
  it.each([
    { code: 409, says: "another process receives this bot's updates" },
    { code: 401, says: "no longer accepts BOT_TOKEN" },
  ])("turns Telegram's $code into what to do", ({ code, says }) => {
    const error = new TelegramError({ error_code: code, description: "refused" });
    const explained = explainPollingFailure(error);
    expect(explained).toBeInstanceOf(RasidError);
    expect((explained as Error).message).toContain(says);
  });

  it("passes other errors through", () => {
    const error = new TelegramError({ error_code: 502, description: "Bad Gateway" });
    expect(explainPollingFailure(error)).toBe(error);
    const plain = new Error("socket hang up");
    expect(explainPollingFailure(plain)).toBe(plain);
  });
});
