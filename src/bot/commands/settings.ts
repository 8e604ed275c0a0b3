import { Markup, type Telegraf } from "telegraf";
import { InputError } from "../../errors.ts";
import { type Chat, type ChatSettings, getChat, updateChatSettings } from "../../notifications/chat-store.ts";
import { escapeHtml } from "../../notifications/html.ts";
import type { BotContext } from "../bot-context.ts";
import type { BotDeps } from "../bot-deps.ts";
import { getMessages, type Lang, type Messages } from "../i18n.ts";
import { createWordTable } from "../word-table.ts";
import { buildWelcomeKeyboard } from "./start.ts";

const DIGEST_TIME_CHOICES = ["06:00", "08:00", "12:00", "18:00", "21:00"];

/** `/settings time 07:30`, `/settings tz Europe/Moscow`, `/settings lang en` (and their Arabic names). */
const findSettingName = createWordTable<keyof Pick<ChatSettings, "digestTime" | "timezone" | "lang">>({
  time: "digestTime",
  digest: "digestTime",
  وقت: "digestTime",
  الوقت: "digestTime",
  tz: "timezone",
  timezone: "timezone",
  zone: "timezone",
  منطقة: "timezone",
  المنطقة: "timezone",
  lang: "lang",
  language: "lang",
  لغة: "lang",
  اللغة: "lang",
});

const findLanguage = createWordTable<Lang>({
  ar: "ar",
  arabic: "ar",
  عربي: "ar",
  العربية: "ar",
  en: "en",
  english: "en",
  إنجليزي: "en",
  الإنجليزية: "en",
});

function buildSettingsKeyboard() {
  return Markup.inlineKeyboard([
    DIGEST_TIME_CHOICES.map((time) => Markup.button.callback(time, `set:time:${time}`)),
    [Markup.button.callback("العربية", "set:lang:ar"), Markup.button.callback("English", "set:lang:en")],
  ]);
}

function describeSettings(t: Messages, chat: Chat): string {
  return `${t.settingsSummary({ lang: chat.lang, timezone: escapeHtml(chat.timezone), digestTime: chat.digestTime })}\n\n${t.settingsUsage}`;
}

function describeRefusal(t: Messages, field: string, value: string): string {
  if (field === "timezone") return t.badTimezone(escapeHtml(value));
  if (field === "digestTime") return t.badTime(escapeHtml(value));
  return t.settingsUsage;
}

/** Applies one setting and says what changed, in the chat's (possibly new) language. */
function applySetting(deps: BotDeps, chatId: number, field: string, value: string, t: Messages): string {
  let settings: ChatSettings;
  if (field === "lang") {
    const lang = findLanguage(value);
    if (!lang) return t.settingsUsage;
    settings = { lang };
  } else settings = { [field]: value };
  try {
    const chat = updateChatSettings(deps.db, chatId, settings);
    const next = getMessages(chat.lang);
    if (field === "lang") return next.languageSet;
    if (field === "timezone") return next.timezoneSet(escapeHtml(chat.timezone));
    return next.digestTimeSet(chat.digestTime);
  } catch (error) {
    if (error instanceof InputError) return describeRefusal(t, field, value);
    throw error;
  }
}

/** /settings: digest time, time zone and language of the chat. */
export function registerSettingsCommands(bot: Telegraf<BotContext>, deps: BotDeps): void {
  bot.command("settings", async (ctx) => {
    const [name = "", ...rest] = ctx.args;
    const value = rest.join(" ").trim();
    if (!name) {
      const chat = getChat(deps.db, ctx.chat.id);
      if (chat) await ctx.replyWithHTML(describeSettings(ctx.t, chat), buildSettingsKeyboard());
      return;
    }
    const field = findSettingName(name);
    if (!field || !value) {
      await ctx.replyWithHTML(ctx.t.settingsUsage);
      return;
    }
    await ctx.replyWithHTML(applySetting(deps, ctx.chat.id, field, value, ctx.t));
  });

  bot.action(/^set:(time|lang):(.+)$/, async (ctx) => {
    await ctx.answerCbQuery();
    if (!ctx.chat) return;
    const value = ctx.match[2] ?? "";
    if (ctx.match[1] === "time") {
      await ctx.replyWithHTML(applySetting(deps, ctx.chat.id, "digestTime", value, ctx.t));
      return;
    }
    // Switched from the welcome message: the examples follow in the new language.
    const reply = applySetting(deps, ctx.chat.id, "lang", value, ctx.t);
    const lang = getChat(deps.db, ctx.chat.id)?.lang ?? ctx.lang;
    await ctx.replyWithHTML(reply, buildWelcomeKeyboard(lang));
  });
}
