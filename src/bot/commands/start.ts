import { Markup, type Telegraf } from "telegraf";
import { escapeHtml } from "../../notifications/html.ts";
import { isAdmin } from "../admin.ts";
import type { BotContext } from "../bot-context.ts";
import type { BotDeps } from "../bot-deps.ts";
import { getMessages, type Lang } from "../i18n.ts";

/** The welcome keyboard: the example questions (asked when tapped) and the switch to the other language. */
export function buildWelcomeKeyboard(lang: Lang) {
  const t = getMessages(lang);
  const other: Lang = lang === "ar" ? "en" : "ar";
  return Markup.inlineKeyboard([
    ...t.examples.map((example, i) => [Markup.button.callback(example, `ex:${lang}:${i}`)]),
    [Markup.button.callback(t.switchLanguage, `set:lang:${other}`)],
  ]);
}

/** /start and /help (the language switch on the welcome keyboard is a setting: settings.ts). */
export function registerStartCommands(bot: Telegraf<BotContext>, deps: BotDeps): void {
  bot.start(async (ctx) => {
    const name = escapeHtml(ctx.from.first_name || ctx.from.username || "");
    await ctx.replyWithHTML(ctx.t.welcome(name), buildWelcomeKeyboard(ctx.lang));
  });

  bot.help(async (ctx) => {
    await ctx.replyWithHTML(ctx.t.help(isAdmin(deps.config.ADMIN_IDS, ctx.from.id)));
  });
}
