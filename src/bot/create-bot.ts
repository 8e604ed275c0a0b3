import { type MiddlewareFn, Telegraf, type Telegram } from "telegraf";
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
import { getMessages, LANGS, type Lang, pickLanguage } from "./i18n.ts";

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

  bot.use(skipUpdatesNotForTheBot(deps));
  bot.use(rememberChat(deps));

  registerStartCommands(bot, deps);
  registerSubscriptionCommands(bot, deps);
  registerSettingsCommands(bot, deps);
  registerAdminCommands(bot, deps);
  // Last: it answers any text no command took.
  registerAskCommands(bot, deps);
  // A button no handler knows (from an older version of the bot): stop the client's spinner, say so.
  bot.on("callback_query", (ctx) => ctx.answerCbQuery(ctx.t.buttonExpired));
  return bot;
}

/**
 * Drops what the bot has no business answering: group chatter not addressed to it, edits, channel posts.
 * A membership change that shuts the bot out (blocked, removed) marks the chat inactive instead.
 */
function skipUpdatesNotForTheBot(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (ctx.editedMessage || ctx.channelPost) return;
    if (ctx.message && ctx.chat && !isAddressedToBot(ctx.message, ctx.chat.type, ctx.botInfo)) return;
    const membership = ctx.myChatMember?.new_chat_member.status;
    if (ctx.chat && (membership === "kicked" || membership === "left")) {
      setChatActive(deps.db, ctx.chat.id, false);
      return;
    }
    return next();
  };
}

/**
 * Records the chat (a first contact takes its language from the user's Telegram client) and gives the
 * handlers its language and strings.
 */
function rememberChat(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
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
  };
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

function describeCommands(names: string[], lang: Lang): BotCommand[] {
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
  const menus: { names: string[]; scope?: { type: "chat"; chat_id: number } }[] = [
    { names: USER_COMMANDS },
    ...adminIds.map((chatId) => ({
      names: [...USER_COMMANDS, ...ADMIN_COMMANDS],
      scope: { type: "chat" as const, chat_id: chatId },
    })),
  ];
  // Each menu in English for every client language, then in each language for clients set to it.
  const calls = menus.flatMap(({ names, scope }) => [
    () => telegram.setMyCommands(describeCommands(names, "en"), { scope }),
    ...LANGS.map(
      (lang) => () => telegram.setMyCommands(describeCommands(names, lang), { scope, language_code: lang }),
    ),
  ]);
  for (const call of calls) {
    try {
      await call();
    } catch (error) {
      log.warn("could not publish the command menu (the commands still work)", error);
      return;
    }
  }
}
