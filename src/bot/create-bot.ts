import { Telegraf, type Telegram } from "telegraf";
import type { BotCommand } from "telegraf/types";
import { ensureChat, setChatActive } from "../notifications/chat-store.ts";
import { isAddressedToBot } from "./addressing.ts";
import type { BotContext } from "./bot-context.ts";
import type { BotDeps } from "./bot-deps.ts";
import { registerAdminCommands } from "./commands/admin-sources.ts";
import { registerAskCommands } from "./commands/ask.ts";
import { registerSettingsCommands } from "./commands/settings.ts";
import { registerStartCommands } from "./commands/start.ts";
import { registerSubscriptionCommands } from "./commands/subscribe.ts";
import { getMessages, LANGS, pickLanguage } from "./i18n.ts";

export interface BotOptions {
  /** The Bot API server; Telegram's own when omitted (tests and the demo point it at an emulator). */
  apiRoot?: string;
}

/**
 * Builds the bot: one error handler, the group filter, the chat's language, then the commands. Opens
 * nothing and starts nothing; the composition root launches it.
 */
export function createBot(token: string, deps: BotDeps, options: BotOptions = {}): Telegraf<BotContext> {
  const bot = new Telegraf<BotContext>(token, {
    telegram: options.apiRoot ? { apiRoot: options.apiRoot } : {},
  });

  bot.catch(async (error, ctx) => {
    deps.log.error(`update ${ctx.update.update_id} failed`, error);
    const t = ctx.t ?? getMessages(deps.config.DEFAULT_LANGUAGE);
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery();
      if (ctx.chat) await ctx.replyWithHTML(t.failed);
    } catch (replyError) {
      deps.log.warn("could not tell the user about the failure", replyError);
    }
  });

  bot.use(async (ctx, next) => {
    const message = ctx.message ?? ctx.editedMessage;
    // Group chatter not meant for the bot is none of its business.
    if (message && ctx.chat && !isAddressedToBot(message, ctx.chat.type, ctx.botInfo)) return;
    if (ctx.editedMessage || ctx.channelPost) return;
    // Blocked in a private chat or removed from a group: nothing may be sent there until it comes back.
    const membership = ctx.myChatMember?.new_chat_member.status;
    if (ctx.chat && (membership === "kicked" || membership === "left")) {
      setChatActive(deps.db, ctx.chat.id, false);
      return;
    }
    const fallback = pickLanguage(ctx.from?.language_code, deps.config.DEFAULT_LANGUAGE);
    ctx.lang = fallback;
    if (ctx.chat && ctx.chat.type !== "channel") {
      const chat = ensureChat(
        deps.db,
        { id: ctx.chat.id, type: ctx.chat.type, title: "title" in ctx.chat ? ctx.chat.title : null },
        { lang: fallback, timezone: deps.config.DEFAULT_TIMEZONE, digestTime: deps.config.DIGEST_TIME },
        deps.now(),
      );
      ctx.lang = chat.lang;
    }
    ctx.t = getMessages(ctx.lang);
    return next();
  });

  registerStartCommands(bot, deps);
  registerSubscriptionCommands(bot, deps);
  registerSettingsCommands(bot, deps);
  registerAdminCommands(bot, deps);
  // Last: it answers any text no command took.
  registerAskCommands(bot, deps);
  return bot;
}

const USER_COMMANDS = ["start", "help", "ask", "subscribe", "subscriptions", "unsubscribe", "settings"];
const ADMIN_COMMANDS = [
  "addsource",
  "sources",
  "removesource",
  "pausesource",
  "resumesource",
  "fetchnow",
  "stats",
];

function describeCommands(names: string[], lang: (typeof LANGS)[number]): BotCommand[] {
  const descriptions = getMessages(lang).commandDescriptions;
  return names.map((command) => ({ command, description: descriptions[command] ?? command }));
}

/**
 * Publishes the command menu in English (the default) and Arabic, with the admin commands added in the
 * admins' own chats. A server that refuses (an emulator, a network blip) costs only the menu: the bot
 * still answers every command, so the failure is logged and start-up goes on.
 */
export async function publishCommands(
  telegram: Telegram,
  adminIds: readonly number[],
  log: BotDeps["log"],
): Promise<void> {
  const calls: Array<() => Promise<unknown>> = [
    () => telegram.setMyCommands(describeCommands(USER_COMMANDS, "en")),
    ...LANGS.map(
      (lang) => () => telegram.setMyCommands(describeCommands(USER_COMMANDS, lang), { language_code: lang }),
    ),
    ...adminIds.map(
      (chatId) => () =>
        telegram.setMyCommands(describeCommands([...USER_COMMANDS, ...ADMIN_COMMANDS], "en"), {
          scope: { type: "chat", chat_id: chatId },
        }),
    ),
  ];
  for (const call of calls) {
    try {
      await call();
    } catch (error) {
      log.warn("could not publish the command menu (the commands still work)", error);
      return;
    }
  }
}
