import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/bot/logger.ts";

const TOKEN = "123456:AAE-secret_token";

describe("createLogger", () => {
  it.each([
    { level: "debug" as const, written: ["DEBUG", "INFO", "WARN", "ERROR"] },
    { level: "info" as const, written: ["INFO", "WARN", "ERROR"] },
    { level: "error" as const, written: ["ERROR"] },
  ])("at $level writes $written", ({ level, written }) => {
    const lines: string[] = [];
    const log = createLogger({ level, write: (l) => lines.push(l), now: () => new Date(0) });
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(lines.map((l) => l.split(" ")[1])).toEqual(written);
    expect(lines[0]).toMatch(/^1970-01-01T00:00:00.000Z /);
  });

  it("never writes a secret, in the message, the detail or an error's stack", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "debug", secrets: [TOKEN], write: (l) => lines.push(l) });
    const error = new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed`);
    log.error(`calling bot${TOKEN}`, error);
    log.warn("detail", { url: `https://api.telegram.org/bot${TOKEN}/sendMessage` });
    const text = lines.join("\n");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("AAE-secret");
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain("getMe failed");
  });
});
