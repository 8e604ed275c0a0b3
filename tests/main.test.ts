import cron from "node-cron";
import { describe, expect, it } from "vitest";
import { describePollSchedule } from "../src/main.ts";

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
