import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEED_CORPUS_DIR } from "../../src/cli/context.ts";
import { createEngine } from "../../src/engine.ts";
import { loadSharedGazetteer } from "../../src/extraction/shared-gazetteer.ts";
import { type AnswerDeps, answerQuestion } from "../../src/questions/answer-question.ts";
import { formatAnswerHtml } from "../../src/questions/format-answer.ts";
import { createAnswerDeps } from "../../src/questions/question-store.ts";
import { BOT_INFO, makeTextUpdate, recordApiCalls } from "./bot-harness.ts";
import { makeTestBot } from "./test-deps.ts";

const GROUP = { chatType: "group" as const, chatId: -100777, userId: 31, languageCode: "en" };

describe("questions", () => {
  let api: ReturnType<typeof recordApiCalls>;
  beforeEach(() => {
    api = recordApiCalls();
  });
  afterEach(() => api.restore());

  it.each([
    { text: "من التقى كيم ومتى؟", asked: "من التقى كيم ومتى؟" },
    { text: "Who met Kim and when?", asked: "Who met Kim and when?" },
    { text: "/ask من زار كوريا الشمالية عام 2024؟", asked: "من زار كوريا الشمالية عام 2024؟" },
    { text: `/ask@${BOT_INFO.username} Who met Kim in 2025?`, asked: "Who met Kim in 2025?" },
  ])(
    "in a private chat, $text reaches the engine and the answer comes back as HTML",
    async ({ text, asked }) => {
      const { bot } = makeTestBot();
      await bot.handleUpdate(makeTextUpdate(text));
      expect(api.last()).toMatchObject({ text: `answer to: ${asked}`, parse_mode: "HTML" });
    },
  );

  it.each([
    { case: "a mention", text: `@${BOT_INFO.username} من التقى كيم ومتى؟`, replyToBot: false },
    { case: "a reply to the bot", text: "Who met Kim and when?", replyToBot: true },
    { case: "/ask", text: "/ask Who met Kim and when?", replyToBot: false },
    { case: "/ask with the bot's name", text: `/ask@${BOT_INFO.username} Who met Kim?`, replyToBot: false },
  ])("in a group, answers $case, quoting the question", async ({ text, replyToBot }) => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate(text, { ...GROUP, replyToBot }));
    const reply = api.last();
    expect(reply.chat_id).toBe(GROUP.chatId);
    expect(String(reply.text)).toMatch(/^answer to: /);
    expect(String(reply.text)).not.toContain(`@${BOT_INFO.username}`);
    expect(reply.reply_parameters).toMatchObject({ message_id: expect.any(Number) });
  });

  it.each(["Who met Kim and when?", "/ask@another_bot Who met Kim?", "/frobnicate", "@someone_else hello"])(
    "in a group, stays silent on %s (not addressed to the bot)",
    async (text) => {
      const { bot } = makeTestBot();
      await bot.handleUpdate(makeTextUpdate(text, GROUP));
      expect(api.sent()).toEqual([]);
    },
  );

  it.each([
    { text: "/ask", lang: "en", expected: "Put your question after the command" },
    { text: "/ask   ", lang: "ar", expected: "اكتب سؤالك بعد الأمر" },
    { text: "/frobnicate", lang: "en", expected: "I don't know /frobnicate" },
    { text: "/frobnicate", lang: "ar", expected: "لا أعرف الأمر /frobnicate" },
  ])("$text gets a helpful reply ($lang)", async ({ text, lang, expected }) => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate(text, { languageCode: lang }));
    expect(api.last().text).toContain(expected);
  });

  it("in a group, an unknown command with the bot's name gets a pointer to /help", async () => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate(`/frobnicate@${BOT_INFO.username}`, GROUP));
    expect(api.last().text).toContain("/help");
  });

  it("limits questions per chat per minute, then lets them through again", async () => {
    const asked: string[] = [];
    const { bot, clock } = makeTestBot({
      answerQuestion: (q) => {
        asked.push(q);
        return { question: q, lang: "en", intent: "search", text: "ok", events: [], articles: [] };
      },
    });
    for (let i = 1; i <= 4; i++)
      await bot.handleUpdate(makeTextUpdate(`question ${i}`, { languageCode: "en" }));
    expect(asked).toEqual(["question 1", "question 2", "question 3"]);
    expect(api.last().text).toContain("limit is 3");
    // Another chat has its own allowance.
    await bot.handleUpdate(makeTextUpdate("from elsewhere", { userId: 8080, languageCode: "en" }));
    expect(asked).toContain("from elsewhere");
    clock.now = new Date(clock.now.getTime() + 61_000);
    await bot.handleUpdate(makeTextUpdate("question 5", { languageCode: "en" }));
    expect(asked).toContain("question 5");
  });

  it.each([
    {
      chatType: "private" as const,
      replies: ["I only read text messages. Type your question, e.g. Who met Kim and when?"],
    },
    { chatType: "group" as const, replies: [] },
  ])("a sticker in a $chatType chat gets $replies", async ({ chatType, replies }) => {
    const { bot } = makeTestBot();
    const update = makeTextUpdate("", { chatType, languageCode: "en" }) as unknown as {
      message: Record<string, unknown>;
    };
    delete update.message.text;
    update.message.sticker = {
      file_id: "x",
      file_unique_id: "x",
      type: "regular",
      width: 1,
      height: 1,
      is_animated: false,
      is_video: false,
    };
    await bot.handleUpdate(update as never);
    expect(api.sent()).toEqual(replies);
  });

  it.each([
    { question: "متى التقى لافروف بكيم جونغ أون؟", expected: ["لافروف", "وونسان", "12 تموز/يوليو 2025"] },
    { question: "Where did Kim Jong Un meet Lavrov?", expected: ["Wonsan", "12 July 2025"] },
  ])("answers $question from the seed corpus with the real engine", async ({ question, expected }) => {
    const now = new Date("2025-07-20T00:00:00Z");
    let answerDeps: AnswerDeps | undefined;
    const { bot, db } = makeTestBot({
      answerQuestion: (q) => answerQuestion(answerDeps as AnswerDeps, q, now),
      formatAnswer: formatAnswerHtml,
    });
    createEngine(db, { now: () => now }).importPaths([SEED_CORPUS_DIR]);
    answerDeps = createAnswerDeps(db, loadSharedGazetteer());
    await bot.handleUpdate(makeTextUpdate(question));
    const reply = api.last();
    expect(reply.parse_mode).toBe("HTML");
    for (const part of expected) expect(String(reply.text)).toContain(part);
    expect(String(reply.text)).toMatch(/<a href="https:\/\/seed\.example\/[^"]+">/);
  });

  it("splits an answer longer than Telegram allows into several messages", async () => {
    const line = "سطر من جواب طويل جداً ".repeat(10);
    const long = Array.from({ length: 40 }, () => line).join("\n");
    const { bot } = makeTestBot({ formatAnswer: () => long });
    await bot.handleUpdate(makeTextUpdate("سؤال"));
    const sent = api.sent();
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((t) => t.length <= 4096)).toBe(true);
    expect(sent.join("\n")).toBe(long);
  });
});
