import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeCallbackUpdate, makeTextUpdate, recordApiCalls } from "./bot-harness.ts";
import { makeTestBot, TOKEN } from "./test-deps.ts";

describe("one error handler", () => {
  let api: ReturnType<typeof recordApiCalls>;
  beforeEach(() => {
    api = recordApiCalls();
  });
  afterEach(() => api.restore());

  const explode = () => {
    throw new TypeError(`Cannot read properties of undefined (reading 'x') while calling /bot${TOKEN}/getMe`);
  };

  it.each([
    { lang: "en", polite: "Sorry, something went wrong" },
    { lang: "ar", polite: "عذراً، حدث خطأ" },
  ])("answers a crash politely ($lang), without the error, and logs it without the token", async (row) => {
    const { bot, logs } = makeTestBot({ answerQuestion: explode });
    await bot.handleUpdate(makeTextUpdate("Who met Kim?", { languageCode: row.lang }));
    const reply = String(api.last().text);
    expect(reply).toContain(row.polite);
    expect(reply).not.toMatch(/TypeError|undefined|at .*\.ts/);
    const log = logs.join("\n");
    expect(log).toContain("TypeError");
    expect(log).not.toContain(TOKEN);
    expect(log).toContain("[redacted]");
  });

  it("answers the button tap even when its handler fails", async () => {
    const { bot } = makeTestBot({ answerQuestion: explode });
    await bot.handleUpdate(makeCallbackUpdate("ex:en:1", { languageCode: "en" }));
    expect(api.calls.some((c) => c.method === "answerCallbackQuery")).toBe(true);
    expect(api.last().text).toContain("Sorry");
  });

  it("survives a Telegram failure while apologising", async () => {
    api.restore();
    api = recordApiCalls((method) => (method === "sendMessage" ? new Error("502: Bad Gateway") : undefined));
    const { bot, logs } = makeTestBot({ answerQuestion: explode });
    await expect(bot.handleUpdate(makeTextUpdate("Who met Kim?"))).resolves.toBeUndefined();
    expect(logs.join("\n")).toContain("could not tell the user");
  });
});
