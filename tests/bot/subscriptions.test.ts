import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listSubscriptions } from "../../src/notifications/subscription-store.ts";
import {
  buttonData,
  buttonTexts,
  makeCallbackUpdate,
  makeTextUpdate,
  recordApiCalls,
} from "./bot-harness.ts";
import { makeTestBot } from "./test-deps.ts";

const USER = { userId: 501, languageCode: "ar" };

describe("subscriptions", () => {
  let api: ReturnType<typeof recordApiCalls>;
  beforeEach(() => {
    api = recordApiCalls();
  });
  afterEach(() => api.restore());

  it.each([
    { lang: "ar", expected: "بمَ تريد الاشتراك؟" },
    { lang: "en", expected: "What should I follow?" },
  ])("/subscribe without a target explains itself ($lang)", async ({ lang, expected }) => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/subscribe", { languageCode: lang }));
    expect(api.last().text).toContain(expected);
  });

  it("subscribes to a person after asking how, then lists and removes it with buttons", async () => {
    const { bot, db } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/subscribe سيرغي لافروف", USER));
    const modes = buttonData(api.last());
    expect(modes).toHaveLength(3);
    expect(api.last().text).toContain("لافروف");
    const daily = modes.find((d) => d.endsWith(":daily")) as string;
    await bot.handleUpdate(makeCallbackUpdate(daily, USER));
    const [subscription] = listSubscriptions(db, USER.userId);
    expect(subscription).toMatchObject({ targetKind: "entity", target: "sergei-lavrov", mode: "daily" });
    expect(api.last().text).toContain("تم: اشتركت في");

    await bot.handleUpdate(makeTextUpdate("/subscriptions", USER));
    expect(buttonData(api.last())).toEqual([`unsub:${subscription?.id}`]);
    expect(buttonTexts(api.last())[0]).toContain("ملخص يومي");
    await bot.handleUpdate(makeCallbackUpdate(`unsub:${subscription?.id}`, USER));
    expect(listSubscriptions(db, USER.userId)).toEqual([]);
    expect(api.last().text).toContain("ألغيت الاشتراك");
    const edit = api.calls.find((c) => c.method === "editMessageReplyMarkup");
    expect(edit?.payload.reply_markup).toEqual({ inline_keyboard: [] });
  });

  it("asks which one when a name is ambiguous, and takes the mode from the command", async () => {
    const { bot, db } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/subscribe كيم instant", USER));
    const choices = buttonData(api.last());
    expect(choices.length).toBeGreaterThan(1);
    expect(buttonTexts(api.last()).join(" ")).toContain("كيم جونغ أون");
    const kimJongUn = buttonTexts(api.last()).findIndex((t) => t.includes("كيم جونغ أون"));
    await bot.handleUpdate(makeCallbackUpdate(choices[kimJongUn] as string, USER));
    expect(listSubscriptions(db, USER.userId)).toMatchObject([{ target: "kim-jong-un", mode: "instant" }]);
  });

  it.each([
    { text: "/subscribe سيرغي لافروف يومياً", mode: "daily" },
    { text: "/subscribe سيرغي لافروف فوراً", mode: "instant" },
    { text: "/subscribe سيرغي لافروف Both", mode: "both" },
  ])("reads the mode from $text, whatever the spelling", async ({ text, mode }) => {
    const { bot, db } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate(text, USER));
    expect(listSubscriptions(db, USER.userId)).toMatchObject([{ target: "sergei-lavrov", mode }]);
  });

  it("follows words no gazetteer entry carries as a keyword", async () => {
    const { bot, db } = makeTestBot();
    await bot.handleUpdate(
      makeTextUpdate("/subscribe الصواريخ الفرط صوتية both", { userId: 502, languageCode: "en" }),
    );
    expect(listSubscriptions(db, 502)).toMatchObject([{ targetKind: "keyword", mode: "both" }]);
    expect(api.last().text).toContain("Done: you follow <b>الصواريخ الفرط صوتية</b>");
  });

  it("escapes what the user typed", async () => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/subscribe <b>x</b> & y", { languageCode: "en" }));
    expect(api.last().text).toContain("&lt;b&gt;x&lt;/b&gt; &amp; y");
  });

  it("says a stale button has expired and changes nothing", async () => {
    const { bot, db } = makeTestBot();
    await bot.handleUpdate(makeCallbackUpdate("sm:zz:daily", USER));
    await bot.handleUpdate(makeCallbackUpdate("unsub:999", USER));
    expect(api.sent()).toEqual([
      "انتهت صلاحية هذا الاختيار. أرسل /subscribe من جديد.",
      "انتهت صلاحية هذا الاختيار. أرسل /subscribe من جديد.",
    ]);
    expect(listSubscriptions(db, USER.userId)).toEqual([]);
  });

  it("answers a button it does not know, so the client stops waiting", async () => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeCallbackUpdate("old:format:1", { languageCode: "en" }));
    const answer = api.calls.find((c) => c.method === "answerCallbackQuery");
    expect(answer?.payload.text).toBe("This button no longer works. Send /help to see what I can do.");
    expect(api.sent()).toEqual([]);
  });

  it("another chat cannot use a chat's buttons", async () => {
    const { bot, db } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/subscribe سيرغي لافروف", USER));
    const daily = buttonData(api.last()).find((d) => d.endsWith(":daily")) as string;
    await bot.handleUpdate(makeCallbackUpdate(daily, { userId: 777, languageCode: "ar" }));
    expect(listSubscriptions(db, 777)).toEqual([]);
  });

  it("/unsubscribe by name", async () => {
    const { bot, db } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/subscribe بيونغ يانغ daily", USER));
    expect(listSubscriptions(db, USER.userId)).toHaveLength(1);
    await bot.handleUpdate(makeTextUpdate("/unsubscribe فلان", USER));
    expect(api.last().text).toContain("لا اشتراك لديك يطابق");
    const label = listSubscriptions(db, USER.userId)[0]?.label as string;
    await bot.handleUpdate(makeTextUpdate(`/unsubscribe ${label}`, USER));
    expect(listSubscriptions(db, USER.userId)).toEqual([]);
  });
});

describe("/settings", () => {
  let api: ReturnType<typeof recordApiCalls>;
  beforeEach(() => {
    api = recordApiCalls();
  });
  afterEach(() => api.restore());

  it("shows the chat's settings with the configured defaults", async () => {
    const { bot } = makeTestBot({}, { DEFAULT_TIMEZONE: "Europe/Moscow", DIGEST_TIME: "07:00" });
    await bot.handleUpdate(makeTextUpdate("/settings", { languageCode: "en" }));
    expect(api.last().text).toContain("Time zone: Europe/Moscow");
    expect(api.last().text).toContain("Daily digest at: 07:00");
    expect(buttonData(api.last())).toEqual(expect.arrayContaining(["set:time:08:00", "set:lang:ar"]));
  });

  it.each([
    { text: "/settings time 7:30", expected: "Your daily digest will arrive at 07:30." },
    { text: "/settings time 25:00", expected: "“25:00” is not a time I can use" },
    { text: "/settings tz asia/tokyo", expected: "Your time zone is now Asia/Tokyo." },
    { text: "/settings tz Mars/Olympus", expected: "“Mars/Olympus” is not a time zone I know" },
    { text: "/settings lang ar", expected: "سأحدّثك بالعربية من الآن." },
    { text: "/settings اللغة الانجليزية", expected: "I will speak English from now on." },
    { text: "/settings الوقت ٠٧:١٥", expected: "Your daily digest will arrive at 07:15." },
    { text: "/settings colour blue", expected: "To change them" },
    { text: "/settings time", expected: "To change them" },
  ])("$text", async ({ text, expected }) => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate(text, { languageCode: "en" }));
    expect(api.last().text).toContain(expected);
  });

  it("sets the digest time from a button", async () => {
    const { bot } = makeTestBot();
    await bot.handleUpdate(makeCallbackUpdate("set:time:21:00", { languageCode: "en" }));
    expect(api.last().text).toBe("Your daily digest will arrive at 21:00.");
  });
});
