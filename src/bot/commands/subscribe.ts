import { Markup, type Telegraf } from "telegraf";
import { InputError } from "../../errors.ts";
import { escapeHtml, truncateText } from "../../notifications/html.ts";
import { resolveSubscriptionTarget, type TargetCandidate } from "../../notifications/resolve-target.ts";
import {
  addSubscription,
  findSubscriptionsByText,
  listSubscriptions,
  removeSubscription,
  type Subscription,
  type SubscriptionMode,
  type TargetKind,
} from "../../notifications/subscription-store.ts";
import type { BotContext } from "../bot-context.ts";
import type { BotDeps } from "../bot-deps.ts";
import type { Lang, Messages } from "../i18n.ts";
import { createPendingChoices } from "../pending-choices.ts";
import { createWordTable } from "../word-table.ts";

/** A target the chat may follow, once a mode is chosen. */
interface Target {
  targetKind: TargetKind;
  target: string;
  label: string;
}

/** What one /subscribe waits for: a pick among candidates, or (for one target) the mode. */
type Pending = { targets: Target[]; mode: SubscriptionMode | null };

const MODES: SubscriptionMode[] = ["instant", "daily", "both"];

/** `/subscribe لافروف daily`: a last word naming the mode spares the mode question. */
const findMode = createWordTable<SubscriptionMode>({
  instant: "instant",
  daily: "daily",
  both: "both",
  فوري: "instant",
  فورا: "instant",
  يومي: "daily",
  يوميا: "daily",
  كلاهما: "both",
  الاثنان: "both",
});

function readModeWord(words: string[]): { words: string[]; mode: SubscriptionMode | null } {
  const last = words[words.length - 1];
  const mode = last ? findMode(last) : undefined;
  return mode && words.length > 1 ? { words: words.slice(0, -1), mode } : { words, mode: null };
}

function labelCandidate(candidate: TargetCandidate, lang: Lang): string {
  return lang === "en" && candidate.nameEn ? candidate.nameEn : candidate.nameAr;
}

function describeCandidate(candidate: TargetCandidate, lang: Lang): string {
  const other = lang === "en" ? candidate.nameAr : candidate.nameEn;
  return other ? `${labelCandidate(candidate, lang)} — ${other}` : labelCandidate(candidate, lang);
}

function describeSubscription(t: Messages, s: Subscription): string {
  return `${truncateText(s.label, 40)} (${t.modeNames[s.mode]})`;
}

function buildRemoveKeyboard(t: Messages, subscriptions: Subscription[]) {
  return Markup.inlineKeyboard(
    subscriptions.map((s) => [
      Markup.button.callback(t.removeButton(describeSubscription(t, s)), `unsub:${s.id}`),
    ]),
  );
}

/** /subscribe, /subscriptions and /unsubscribe, with buttons for the choices. */
export function registerSubscriptionCommands(bot: Telegraf<BotContext>, deps: BotDeps): void {
  const pending = createPendingChoices<Pending>(deps.now);

  const subscribe = async (ctx: BotContext, chatId: number, target: Target, mode: SubscriptionMode) => {
    try {
      const result = addSubscription(deps.db, { chatId, ...target, mode }, deps.now());
      await ctx.replyWithHTML(
        ctx.t.subscribed(escapeHtml(result.subscription.label), result.subscription.mode, result.status),
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      await ctx.replyWithHTML(escapeHtml(error.message));
    }
  };

  const askMode = async (ctx: BotContext, chatId: number, target: Target, isKeyword: boolean) => {
    const id = pending.put(chatId, { targets: [target], mode: null });
    const label = escapeHtml(target.label);
    await ctx.replyWithHTML(
      isKeyword ? ctx.t.subscribeKeyword(label) : ctx.t.subscribeHow(label),
      Markup.inlineKeyboard(
        MODES.map((mode) => Markup.button.callback(ctx.t.modeNames[mode], `sm:${id}:${mode}`)),
      ),
    );
  };

  const showSubscriptions = async (ctx: BotContext, chatId: number) => {
    const subscriptions = listSubscriptions(deps.db, chatId);
    if (subscriptions.length === 0) {
      await ctx.replyWithHTML(ctx.t.noSubscriptions);
      return;
    }
    await ctx.replyWithHTML(ctx.t.subscriptionsTitle, buildRemoveKeyboard(ctx.t, subscriptions));
  };

  bot.command("subscribe", async (ctx) => {
    const { words, mode } = readModeWord(ctx.args);
    const text = words.join(" ").trim();
    if (!text) {
      await ctx.replyWithHTML(ctx.t.subscribeUsage);
      return;
    }
    const resolved = resolveSubscriptionTarget(deps.db, deps.gazetteer, text);
    if (resolved.kind === "keyword") {
      if (!resolved.keyword) {
        await ctx.replyWithHTML(ctx.t.subscribeUsage);
        return;
      }
      const target: Target = { targetKind: "keyword", target: resolved.keyword, label: resolved.label };
      if (mode) await subscribe(ctx, ctx.chat.id, target, mode);
      else await askMode(ctx, ctx.chat.id, target, true);
      return;
    }
    const targets = resolved.candidates.map((c) => ({
      targetKind: "entity" as const,
      target: c.id,
      label: labelCandidate(c, ctx.lang),
    }));
    const [only] = targets;
    if (only && targets.length === 1) {
      if (mode) await subscribe(ctx, ctx.chat.id, only, mode);
      else await askMode(ctx, ctx.chat.id, only, false);
      return;
    }
    const id = pending.put(ctx.chat.id, { targets, mode });
    await ctx.replyWithHTML(
      ctx.t.subscribeWhich(escapeHtml(text)),
      Markup.inlineKeyboard(
        resolved.candidates.map((c, i) => [
          Markup.button.callback(describeCandidate(c, ctx.lang), `sp:${id}:${i}`),
        ]),
      ),
    );
  });

  bot.action(/^sp:(\w+):(\d+)$/, async (ctx) => {
    await ctx.answerCbQuery();
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const choice = pending.get(chatId, ctx.match[1] ?? "");
    const target = choice?.targets[Number(ctx.match[2])];
    if (!choice || !target) {
      await ctx.replyWithHTML(ctx.t.choiceExpired);
      return;
    }
    if (choice.mode) await subscribe(ctx, chatId, target, choice.mode);
    else await askMode(ctx, chatId, target, false);
  });

  bot.action(/^sm:(\w+):(instant|daily|both)$/, async (ctx) => {
    await ctx.answerCbQuery();
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const target = pending.get(chatId, ctx.match[1] ?? "")?.targets[0];
    if (!target) {
      await ctx.replyWithHTML(ctx.t.choiceExpired);
      return;
    }
    await subscribe(ctx, chatId, target, ctx.match[2] as SubscriptionMode);
  });

  bot.command("subscriptions", (ctx) => showSubscriptions(ctx, ctx.chat.id));

  bot.command("unsubscribe", async (ctx) => {
    const text = ctx.args.join(" ").trim();
    if (!text) {
      await showSubscriptions(ctx, ctx.chat.id);
      return;
    }
    const matches = findSubscriptionsByText(deps.db, ctx.chat.id, text);
    if (matches.length === 0) {
      await ctx.replyWithHTML(ctx.t.unsubscribeNotFound(escapeHtml(text)));
      return;
    }
    for (const s of matches) removeSubscription(deps.db, ctx.chat.id, s.id);
    await ctx.replyWithHTML(matches.map((s) => ctx.t.unsubscribed(escapeHtml(s.label))).join("\n"));
  });

  bot.action(/^unsub:(\d+)$/, async (ctx) => {
    await ctx.answerCbQuery();
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const id = Number(ctx.match[1]);
    const subscription = listSubscriptions(deps.db, chatId).find((s) => s.id === id);
    if (!subscription || !removeSubscription(deps.db, chatId, id)) {
      await ctx.replyWithHTML(ctx.t.choiceExpired);
      return;
    }
    await ctx.replyWithHTML(ctx.t.unsubscribed(escapeHtml(subscription.label)));
    // The list the button was on loses that button; an old list Telegram will not edit stays as it is.
    const remaining = listSubscriptions(deps.db, chatId);
    await ctx.editMessageReplyMarkup(buildRemoveKeyboard(ctx.t, remaining).reply_markup).catch((error) => {
      deps.log.debug("could not update the subscription list", error);
    });
  });
}
