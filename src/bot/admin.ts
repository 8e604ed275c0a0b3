import type { MiddlewareFn } from "telegraf";
import type { BotContext } from "./bot-context.ts";

export function isAdmin(adminIds: readonly number[], userId: number | undefined): boolean {
  return userId !== undefined && adminIds.includes(userId);
}

/** Lets admins through; anyone else gets a polite refusal and the handler never runs, so nothing changes. */
export function requireAdmin(adminIds: readonly number[]): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (isAdmin(adminIds, ctx.from?.id)) return next();
    await ctx.replyWithHTML(ctx.t.adminOnly);
  };
}
