import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { ConfigError } from "../src/errors.ts";

describe("loadConfig", () => {
  it("applies defaults to an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      RASID_DB: "data/rasid.db",
      ADMIN_IDS: [],
      DEFAULT_TIMEZONE: "Asia/Riyadh",
      POLL_INTERVAL_MINUTES: 15,
      ALLOW_PRIVATE_SOURCES: false,
    });
    expect(config.BOT_TOKEN).toBeUndefined();
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ BOT_TOKEN: "", DIGEST_TIME: "" }).DIGEST_TIME).toBe("08:00");
  });

  it("parses lists, numbers and flags", () => {
    const config = loadConfig({
      ADMIN_IDS: "12, 34 56",
      POLL_INTERVAL_MINUTES: "5",
      ALLOW_PRIVATE_SOURCES: "true",
    });
    expect(config.ADMIN_IDS).toEqual([12, 34, 56]);
    expect(config.POLL_INTERVAL_MINUTES).toBe(5);
    expect(config.ALLOW_PRIVATE_SOURCES).toBe(true);
  });

  it.each([
    ["DEFAULT_TIMEZONE", "Mars/Olympus", /DEFAULT_TIMEZONE: is not an IANA time zone/],
    ["ADMIN_IDS", "alice,bob", /ADMIN_IDS: must be a comma-separated list of numeric Telegram user ids/],
    ["DIGEST_TIME", "8am", /DIGEST_TIME: must be HH:MM/],
    ["POLL_INTERVAL_MINUTES", "0", /POLL_INTERVAL_MINUTES/],
    ["TELEGRAM_API_ROOT", "not a url", /TELEGRAM_API_ROOT/],
    ["ALLOW_PRIVATE_SOURCES", "maybe", /ALLOW_PRIVATE_SOURCES/],
    ["BOT_TOKEN", "12 34", /BOT_TOKEN: must be the token BotFather gave you/],
  ])("names %s and the fix when it is %j", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrowError(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrowError(message);
  });
});
