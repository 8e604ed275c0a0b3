import type { Telegraf } from "telegraf";
import { describeError, InputError } from "../../errors.ts";
import { escapeHtml, truncateText } from "../../notifications/html.ts";
import { splitMessage } from "../../notifications/split-message.ts";
import {
  listSources,
  pauseSource,
  removeSource,
  resumeSource,
  type Source,
  SourceNotFoundError,
} from "../../sources/source-store.ts";
import { requireAdmin } from "../admin.ts";
import type { BotContext } from "../bot-context.ts";
import type { BotDeps } from "../bot-deps.ts";
import type { Messages } from "../i18n.ts";
import { readStats } from "../stats.ts";

function describeSource(t: Messages, source: Source): string {
  return t.sourceLine({
    id: source.id,
    name: escapeHtml(source.name),
    url: escapeHtml(source.url),
    status: source.status,
    lastSuccess: source.lastSuccessAt ? `${source.lastSuccessAt.slice(0, 16).replace("T", " ")} UTC` : "—",
    lastError: source.lastError ? escapeHtml(truncateText(source.lastError, 200)) : "",
    items: source.itemsTotal,
    failures: source.failures,
  });
}

type SourceChange = (db: BotDeps["db"], id: number) => Source;

/** /removesource, /pausesource and /resumesource: one source by its number. */
function registerSourceChange(
  bot: Telegraf<BotContext>,
  deps: BotDeps,
  command: string,
  change: SourceChange,
  done: (t: Messages, name: string) => string,
): void {
  bot.command(command, requireAdmin(deps.config.ADMIN_IDS), async (ctx) => {
    const arg = ctx.args[0]?.replace(/^#/, "") ?? "";
    if (!/^\d+$/.test(arg)) {
      await ctx.replyWithHTML(ctx.t.sourceIdUsage(command));
      return;
    }
    try {
      const source = change(deps.db, Number(arg));
      await ctx.replyWithHTML(done(ctx.t, escapeHtml(source.name)));
    } catch (error) {
      if (!(error instanceof SourceNotFoundError)) throw error;
      await ctx.replyWithHTML(ctx.t.sourceNotFound(escapeHtml(arg)));
    }
  });
}

/** The admin commands (ADMIN_IDS): sources, fetching and statistics. Anyone else is refused politely. */
export function registerAdminCommands(bot: Telegraf<BotContext>, deps: BotDeps): void {
  const adminOnly = requireAdmin(deps.config.ADMIN_IDS);

  bot.command("addsource", adminOnly, async (ctx) => {
    const [url, ...nameWords] = ctx.args;
    if (!url) {
      await ctx.replyWithHTML(ctx.t.addSourceUsage);
      return;
    }
    try {
      const added = await deps.sources.add(url, nameWords.join(" ") || undefined, ctx.from.id);
      await ctx.replyWithHTML(
        ctx.t.sourceAdded({
          id: added.source.id,
          name: escapeHtml(added.source.name),
          items: added.items,
          sample: added.sample.map((title) => escapeHtml(truncateText(title, 120))),
        }),
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      await ctx.replyWithHTML(ctx.t.sourceAddFailed(escapeHtml(describeError(error))));
    }
  });

  bot.command("sources", adminOnly, async (ctx) => {
    const sources = listSources(deps.db);
    if (sources.length === 0) {
      await ctx.replyWithHTML(ctx.t.noSources);
      return;
    }
    const text = [ctx.t.sourcesTitle, ...sources.map((s) => describeSource(ctx.t, s))].join("\n\n");
    for (const part of splitMessage(text)) {
      await ctx.replyWithHTML(part, { link_preview_options: { is_disabled: true } });
    }
  });

  registerSourceChange(bot, deps, "removesource", removeSource, (t, name) => t.sourceRemoved(name));
  registerSourceChange(bot, deps, "pausesource", pauseSource, (t, name) => t.sourcePaused(name));
  registerSourceChange(bot, deps, "resumesource", resumeSource, (t, name) => t.sourceResumed(name));

  bot.command("fetchnow", adminOnly, async (ctx) => {
    await ctx.replyWithHTML(ctx.t.fetchStarted);
    // Polling every source can take minutes: the report follows when it is done, and other chats'
    // updates are not held up meanwhile.
    const t = ctx.t;
    void deps.sources
      .fetchNow()
      .then((outcome) =>
        ctx.replyWithHTML(
          t.fetchReport({ ...outcome, errors: outcome.errors.map((e) => escapeHtml(truncateText(e, 200))) }),
        ),
      )
      .catch(async (error) => {
        deps.log.error("/fetchnow failed", error);
        await ctx.replyWithHTML(t.failed).catch(() => undefined);
      });
  });

  bot.command("stats", adminOnly, async (ctx) => {
    await ctx.replyWithHTML(ctx.t.stats(readStats(deps.db)));
  });
}
