import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishCommands } from "../../src/bot/create-bot.ts";
import { createLogger } from "../../src/bot/logger.ts";
import { getChat } from "../../src/notifications/chat-store.ts";
import { buttonData, makeCallbackUpdate, makeTextUpdate, recordApiCalls } from "./bot-harness.ts";
import { ADMIN_ID, makeTestBot, TOKEN } from "./test-deps.ts";

describe("/start, /help and the language", () => {
  let api: ReturnType<typeof recordApiCalls>;
  beforeEach(() => {
    api = recordApiCalls();
  });
  afterEach(() => api.restore());

  it.each([
    { languageCode: "ar", expected: "أهلاً", examples: "ex:ar:0", other: "set:lang:en" },
    { languageCode: "ar-EG", expected: "أهلاً", examples: "ex:ar:0", other: "set:lang:en" },
    { languageCode: "en", expected: "Hello", examples: "ex:en:0", other: "set:lang:ar" },
    { languageCode: "ru", expected: "Hello", examples: "ex:en:0", other: "set:lang:ar" },
  ])("welcomes a $languageCode user in their language with example buttons", async (row) => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/start", { languageCode: row.languageCode, firstName: "<Omar>" }));
    const reply = api.last();
    expect(reply.text).toContain(row.expected);
    expect(reply.text).toContain("&lt;Omar&gt;");
    expect(reply.parse_mode).toBe("HTML");
    expect(buttonData(reply)).toEqual(expect.arrayContaining([row.examples, row.other]));
  });

  it("uses DEFAULT_LANGUAGE when Telegram gives no language", async () => {
    const { bot } = makeTestBot({}, { DEFAULT_LANGUAGE: "en" });
    await bot.handleUpdate(makeTextUpdate("/start"));
    expect(api.last().text).toContain("Hello");
  });

  it("switches language with the button and keeps it for later commands", async () => {
    const { bot, db } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/start", { languageCode: "ar", userId: 55 }));
    await bot.handleUpdate(makeCallbackUpdate("set:lang:en", { userId: 55, languageCode: "ar" }));
    expect(getChat(db, 55)?.lang).toBe("en");
    expect(api.calls.some((c) => c.method === "answerCallbackQuery")).toBe(true);
    expect(buttonData(api.last())).toContain("ex:en:0");
    await bot.handleUpdate(makeTextUpdate("/help", { languageCode: "ar", userId: 55 }));
    expect(api.last().text).toContain("What I can do");
  });

  it("shows the admin commands in /help to admins only", async () => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/help", { languageCode: "en" }));
    expect(api.last().text).not.toContain("/addsource");
    await bot.handleUpdate(makeTextUpdate("/help", { languageCode: "en", userId: ADMIN_ID }));
    expect(api.last().text).toContain("/addsource");
  });

  it("tapping an example question asks it", async () => {
    const questions: string[] = [];
    const { bot } = makeTestBot({
      answerQuestion: (q) => {
        questions.push(q);
        return { question: q, lang: "ar", intent: "who_met", text: "جواب", events: [], articles: [] };
      },
    });
    await bot.handleUpdate(makeCallbackUpdate("ex:ar:0", { languageCode: "ar" }));
    expect(questions).toEqual(["من التقى كيم ومتى؟"]);
    expect(api.last().text).toBe("جواب");
  });
});

describe("publishCommands", () => {
  it("registers the menu in English and Arabic, and the admin commands in admins' chats", async () => {
    const api = recordApiCalls();
    const { bot } = makeTestBot();
    await publishCommands(bot.telegram, [ADMIN_ID], createLogger({ level: "error", write: () => {} }));
    api.restore();
    const calls = api.calls.filter((c) => c.method === "setMyCommands");
    const languages = calls.map((c) => c.payload.language_code);
    expect(languages).toEqual(expect.arrayContaining(["ar", "en"]));
    const arabic = calls.find((c) => c.payload.language_code === "ar")?.payload.commands as {
      command: string;
      description: string;
    }[];
    expect(arabic.map((c) => c.command)).toContain("subscribe");
    expect(arabic.map((c) => c.command)).not.toContain("addsource");
    expect(arabic[0]?.description).toMatch(/[\u0600-\u06FF]/);
    const admin = calls.find(
      (c) => (c.payload.scope as { chat_id?: number } | undefined)?.chat_id === ADMIN_ID,
    );
    const adminCommands = (admin?.payload.commands ?? []) as { command: string }[];
    expect(adminCommands.map((c) => c.command)).toContain("addsource");
  });

  it("logs a refusal without the token and does not throw", async () => {
    const lines: string[] = [];
    const api = recordApiCalls((method) =>
      method === "setMyCommands"
        ? new Error(`500: Internal Server Error at /bot${TOKEN}/setMyCommands`)
        : undefined,
    );
    const { bot } = makeTestBot();
    await publishCommands(
      bot.telegram,
      [],
      createLogger({ level: "info", secrets: [TOKEN], write: (l) => lines.push(l) }),
    );
    api.restore();
    expect(lines.join("\n")).toContain("command menu");
    expect(lines.join("\n")).not.toContain(TOKEN);
  });
});

describe("membership changes", () => {
  it.each([
    { status: "kicked", active: false },
    { status: "left", active: false },
    { status: "member", active: true },
  ])("a chat where the bot is now $status is active: $active", async ({ status, active }) => {
    const api = recordApiCalls();
    const { bot, db } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/start", { userId: 66 }));
    await bot.handleUpdate({
      update_id: 90_000,
      my_chat_member: {
        chat: { id: 66, type: "private", first_name: "Salma" },
        from: { id: 66, is_bot: false, first_name: "Salma" },
        date: 1_750_000_000,
        old_chat_member: { status: "member", user: { id: 4242, is_bot: true, first_name: "rasid" } },
        new_chat_member: { status, user: { id: 4242, is_bot: true, first_name: "rasid" } },
      },
    } as never);
    api.restore();
    expect(getChat(db, 66)?.active).toBe(active);
    expect(api.sent()).toHaveLength(1);
  });
});
