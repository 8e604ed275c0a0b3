import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT_INFO, makeCallbackUpdate, makeTextUpdate, recordApiCalls } from "../bot/bot-harness.ts";
import { makeTestBot } from "../bot/test-deps.ts";

/**
 * Each question costs the engine work, so one chat gets QUESTIONS_PER_MINUTE (3 in the test bot) whatever
 * way it asks: typed, /ask, or an example button. tests/bot/ask.test.ts checks the window slides.
 */

describe("the per-chat question limit", () => {
  let api: ReturnType<typeof recordApiCalls>;
  beforeEach(() => {
    api = recordApiCalls();
  });
  afterEach(() => api.restore());

  function makeCountingBot() {
    const asked: string[] = [];
    const test = makeTestBot({
      answerQuestion: (question) => {
        asked.push(question);
        return { question, lang: "en", intent: "search", text: "ok", events: [], articles: [] };
      },
    });
    return { ...test, asked };
  }

  it("counts typed questions, /ask and example buttons together", async () => {
    const { bot, asked } = makeCountingBot();
    const user = { userId: 71, languageCode: "en" };
    await bot.handleUpdate(makeTextUpdate("Who met Kim?", user));
    await bot.handleUpdate(makeTextUpdate("/ask Who visited Pyongyang?", user));
    await bot.handleUpdate(makeCallbackUpdate("ex:en:0", user));
    await bot.handleUpdate(makeTextUpdate("/ask one more", user));
    await bot.handleUpdate(makeCallbackUpdate("ex:en:1", user));
    await bot.handleUpdate(makeTextUpdate("and another", user));
    expect(asked).toHaveLength(3);
    expect(api.sent().filter((text) => text.includes("limit is 3"))).toHaveLength(3);
  });

  it("is per chat: members of a group share the group's allowance, a private chat keeps its own", async () => {
    const { bot, asked } = makeCountingBot();
    const group = { chatType: "group" as const, chatId: -100900, languageCode: "en" };
    for (const userId of [81, 82, 83, 84]) {
      await bot.handleUpdate(
        makeTextUpdate(`@${BOT_INFO.username} question from ${userId}`, { ...group, userId }),
      );
    }
    expect(asked).toEqual(["question from 81", "question from 82", "question from 83"]);
    await bot.handleUpdate(makeTextUpdate("asked in private", { userId: 84, languageCode: "en" }));
    expect(asked).toContain("asked in private");
  });
});
