import type { Telegraf } from "telegraf";
import { message } from "telegraf/filters";
import { escapeHtml } from "../../notifications/html.ts";
import { splitMessage } from "../../notifications/split-message.ts";
import { readCommand, stripMention } from "../addressing.ts";
import type { BotContext } from "../bot-context.ts";
import type { BotDeps } from "../bot-deps.ts";
import { getMessages, LANGS, type Lang } from "../i18n.ts";
import { createQuestionLimiter, type QuestionLimiter } from "../question-limit.ts";

async function replyWithAnswer(
  ctx: BotContext,
  deps: BotDeps,
  limiter: QuestionLimiter,
  question: string,
): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  if (!limiter.tryTake(chatId)) {
    await ctx.replyWithHTML(ctx.t.rateLimited(deps.config.QUESTIONS_PER_MINUTE));
    return;
  }
  const answer = await deps.answerQuestion(question);
  // In a group the answer quotes the question, so it is clear whom it answers.
  const replyTo = ctx.chat?.type !== "private" && ctx.message ? ctx.message.message_id : undefined;
  for (const chunk of splitMessage(deps.formatAnswer(answer))) {
    await ctx.replyWithHTML(chunk, {
      link_preview_options: { is_disabled: true },
      ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    });
  }
}

/**
 * Questions: /ask, the example buttons, and any other text addressed to the bot (every message in a
 * private chat; a mention or a reply in a group). Registered last: text starting with an unknown command
 * gets a pointer to /help instead of an answer.
 */
export function registerAskCommands(bot: Telegraf<BotContext>, deps: BotDeps): void {
  const limiter = createQuestionLimiter(deps.config.QUESTIONS_PER_MINUTE, deps.now);

  bot.command("ask", async (ctx) => {
    const question = stripMention(ctx.payload, ctx.botInfo);
    if (!question) {
      await ctx.replyWithHTML(ctx.t.askUsage);
      return;
    }
    await replyWithAnswer(ctx, deps, limiter, question);
  });

  bot.action(/^ex:(ar|en):(\d+)$/, async (ctx) => {
    await ctx.answerCbQuery();
    const lang = ctx.match[1] as Lang;
    const question = LANGS.includes(lang) ? getMessages(lang).examples[Number(ctx.match[2])] : undefined;
    if (question) await replyWithAnswer(ctx, deps, limiter, question);
  });

  bot.on(message("text"), async (ctx) => {
    const command = readCommand(ctx.message.text, ctx.message.entities);
    if (command) {
      // In a group, a bare unknown command may be meant for another bot there.
      if (ctx.chat.type === "private" || command.target) {
        await ctx.replyWithHTML(ctx.t.unknownCommand(`/${escapeHtml(command.name)}`));
      }
      return;
    }
    const question = stripMention(ctx.message.text, ctx.botInfo);
    if (!question) {
      await ctx.replyWithHTML(ctx.t.askUsage);
      return;
    }
    await replyWithAnswer(ctx, deps, limiter, question);
  });

  // A photo, voice note or sticker in a private chat: say what the bot can read.
  bot.on("message", async (ctx) => {
    if (ctx.chat.type === "private") await ctx.replyWithHTML(ctx.t.textOnly);
  });
}
