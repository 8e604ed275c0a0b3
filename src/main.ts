import { randomBytes } from "node:crypto";
import cron, { type ScheduledTask } from "node-cron";
import { type Telegraf, TelegramError } from "telegraf";
import type { BotContext } from "./bot/bot-context.ts";
import type { FetchOutcome, SourceActions } from "./bot/bot-deps.ts";
import { createBot, publishCommands } from "./bot/create-bot.ts";
import { getMessages } from "./bot/i18n.ts";
import { createLogger, type Logger } from "./bot/logger.ts";
import { throttleEmptyPolls } from "./bot/poll-throttle.ts";
import type { Config } from "./config.ts";
import { type Db, openDatabase } from "./db/open.ts";
import { createEngine } from "./engine.ts";
import { ConfigError, InputError, RasidError, redactError } from "./errors.ts";
import { loadSharedGazetteer } from "./extraction/shared-gazetteer.ts";
import { getChat } from "./notifications/chat-store.ts";
import { enqueueDueDigests } from "./notifications/digest-schedule.ts";
import { escapeHtml, truncateText } from "./notifications/html.ts";
import { createAlertingIngest } from "./notifications/ingest-with-alerts.ts";
import type { MessageSender } from "./notifications/message-sender.ts";
import { type DeliverySummary, deliverDue } from "./notifications/outbox-sender.ts";
import { enqueueMessage } from "./notifications/outbox-store.ts";
import { createRateLimiter } from "./notifications/rate-limiter.ts";
import { createTelegrafSender } from "./notifications/telegraf-sender.ts";
import { answerQuestion } from "./questions/answer-question.ts";
import { formatAnswerHtml } from "./questions/format-answer.ts";
import { createAnswerDeps } from "./questions/question-store.ts";
import {
  addSourceAndProbe,
  type PollerDeps,
  pollAllSources,
  type SourcePollReport,
} from "./sources/poller.ts";
import { createHttpFetcher, readFetchLimits, type SourceFetcher } from "./sources/source-fetcher.ts";

export interface ServerOptions {
  now?: () => Date;
  log?: Logger;
  /** A database already open (serve opens it so a new default one gets the seed corpus); closed on stop. */
  db?: Db;
  /** How sources are fetched; the real HTTP fetcher with the configured limits by default. */
  fetch?: SourceFetcher;
  /** Runs the cron jobs and the delivery loop; tests turn this off and call the ticks themselves. */
  schedule?: boolean;
  /** How often the outbox is checked for messages that are due. */
  deliveryIntervalMs?: number;
  /** Pause after an empty getUpdates, for servers that ignore the long-poll timeout (an emulator). */
  emptyPollDelayMs?: number;
  /** The address the webhook server listens on (all interfaces by default, behind the HTTPS proxy). */
  webhookHost?: string;
  /** Where the message that Telegram has been reached goes (serve prints it; tests stay quiet). */
  onReady?: (botUsername: string) => void;
}

/** A running rasid: the bot, the poller, the digest scheduler and the outbox delivery, over one database. */
export interface Server {
  bot: Telegraf<BotContext>;
  db: Db;
  /** One run of the poller: every active source, alerts queued for the new articles, admins told of pauses. */
  pollSources(): Promise<FetchOutcome>;
  /** Queues the digests that are due at the clock's time; the number queued. */
  queueDigests(): number;
  /** Sends what the outbox holds that is due. */
  deliver(): Promise<DeliverySummary>;
  /** Settles when the bot stops receiving updates; rejects if it stopped on an error (a revoked token). */
  done: Promise<void>;
  stop(reason?: string): Promise<void>;
}

/** Runs `task` alone: a call while one is running waits for that run instead of starting another. */
function createSingleFlight<T>(task: () => Promise<T>): {
  run: () => Promise<T>;
  isRunning: () => boolean;
  settled: () => Promise<unknown>;
} {
  let running: Promise<T> | null = null;
  return {
    run: () => {
      running ??= task().finally(() => {
        running = null;
      });
      return running;
    },
    isRunning: () => running !== null,
    settled: () => (running ?? Promise.resolve()).catch(() => undefined),
  };
}

/**
 * The cron expression for polling every `minutes`. Cron steps count within the hour (or day), so a step
 * over 59 minutes becomes whole hours, and 24 hours or more becomes once a day at midnight.
 */
export function describePollSchedule(minutes: number): string {
  if (minutes < 60) return `*/${minutes} * * * *`;
  const hours = Math.round(minutes / 60);
  return hours >= 24 ? "0 0 * * *" : `0 */${hours} * * *`;
}

/** An error's message for a person, with the token cut out (telegraf redacts only well-formed tokens). */
function describeWithoutToken(error: unknown, token: string): string {
  return (error instanceof Error ? error.message : String(error)).split(token).join("[redacted]");
}

function summarizePoll(reports: SourcePollReport[]): FetchOutcome {
  const failed = reports.filter((r) => r.outcome === "failed");
  return {
    sources: reports.length,
    added: reports.reduce((sum, r) => sum + r.added, 0),
    failed: failed.length,
    errors: failed.map((r) => `${r.name}: ${r.errors[0] ?? "failed"}`),
  };
}

/**
 * The composition root: opens the database, builds the engine, the bot, the poller, the digest scheduler
 * and the delivery loop, and starts them. Nothing else in rasid creates these or reads the clock itself.
 */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<Server> {
  const token = config.BOT_TOKEN;
  if (!token) {
    // The server owns a database it was given, even when it cannot start.
    options.db?.close();
    throw new ConfigError(
      "rasid serve needs BOT_TOKEN: create a bot with @BotFather in Telegram and put its token in .env " +
        "(BOT_TOKEN=…). To try rasid without a token, run npm run demo.",
    );
  }
  const now = options.now ?? (() => new Date());
  const log = options.log ?? createLogger({ level: config.LOG_LEVEL, secrets: [token] });
  const db = options.db ?? openDatabase(config.RASID_DB);
  try {
    return await assembleServer(config, token, db, now, log, options);
  } catch (error) {
    db.close();
    throw error;
  }
}

async function assembleServer(
  config: Config,
  token: string,
  db: Db,
  now: () => Date,
  log: Logger,
  options: ServerOptions,
): Promise<Server> {
  const gazetteer = loadSharedGazetteer();
  const engine = createEngine(db, { now, gazetteer });
  const answerDeps = createAnswerDeps(db, gazetteer);
  const fetch = options.fetch ?? createHttpFetcher(readFetchLimits(config));

  const alerting = createAlertingIngest(db, engine.pipeline, now);
  const pollerDeps: PollerDeps = {
    db,
    fetch,
    now,
    log,
    limits: { failureLimit: config.SOURCE_FAILURE_LIMIT },
    ingest: alerting.ingest,
  };

  let sender: MessageSender | null = null;
  const limiter = createRateLimiter();
  const delivery = createSingleFlight(async () => {
    if (!sender) throw new RasidError("not_started", "The bot is not connected to Telegram yet.");
    return deliverDue({ db, sender, now, log, limiter });
  });
  const startDelivery = () => {
    delivery.run().catch((error) => log.error("outbox delivery failed", error));
  };
  // Alerts queued during a poll wait for its end, so an event that several outlets report in one poll goes
  // out once listing them all (a poll is bounded by FETCH_TIMEOUT_MS per source).
  const deliverSoon = () => {
    if (!polling.isRunning()) startDelivery();
  };

  const tellAdminsPaused = (report: SourcePollReport) => {
    for (const adminId of config.ADMIN_IDS) {
      const chat = getChat(db, adminId);
      if (!chat) {
        log.warn(
          `admin ${adminId} has not started a chat with the bot; cannot tell them about ${report.name}`,
        );
        continue;
      }
      const html = getMessages(chat.lang).sourceAutoPaused(
        escapeHtml(report.name),
        config.SOURCE_FAILURE_LIMIT,
        escapeHtml(truncateText(report.errors[0] ?? "", 200)),
      );
      enqueueMessage(
        db,
        {
          chatId: adminId,
          kind: "notice",
          payload: { type: "text", html },
          dedupeKey: `paused:${report.sourceId}:${adminId}:${now().toISOString()}`,
        },
        now(),
      );
    }
  };

  const polling = createSingleFlight(async (): Promise<FetchOutcome> => {
    const reports = await pollAllSources(pollerDeps);
    for (const report of reports) if (report.paused) tellAdminsPaused(report);
    const outcome = summarizePoll(reports);
    const alerts = alerting.takeQueuedCount();
    log.info(
      `poll: ${outcome.sources} source(s), ${outcome.added} new article(s), ${alerts} alert(s) queued`,
    );
    if (sender) startDelivery();
    return outcome;
  });

  const queueDigests = (): number => {
    const queued = enqueueDueDigests(db, now());
    if (queued > 0) {
      log.info(`digests: ${queued} queued`);
      if (sender) deliverSoon();
    }
    return queued;
  };

  const sources: SourceActions = {
    async add(url, name, addedBy) {
      const probe = await addSourceAndProbe(pollerDeps, url, { name, addedBy });
      if (!probe.ok) throw new InputError(probe.code, probe.reason);
      return { source: probe.source, items: probe.items, sample: probe.sample };
    },
    fetchNow: polling.run,
  };

  const bot = createBot(
    token,
    {
      db,
      config,
      now,
      log,
      gazetteer,
      sources,
      answerQuestion: (question) => answerQuestion(answerDeps, question, now()),
      formatAnswer: formatAnswerHtml,
    },
    { apiRoot: config.TELEGRAM_API_ROOT },
  );
  throttleEmptyPolls(bot.telegram, options.emptyPollDelayMs ?? 1000);

  // Ask Telegram who we are first, so a wrong token or an unreachable server stops start-up with a reason.
  try {
    bot.botInfo = await bot.telegram.getMe();
  } catch (error) {
    throw new ConfigError(
      `Telegram did not accept the bot (${describeWithoutToken(error, token)}). ` +
        "Check BOT_TOKEN (from @BotFather) and, if set, TELEGRAM_API_ROOT.",
    );
  }
  await publishCommands(bot.telegram, config.ADMIN_IDS, log);
  sender = createTelegrafSender(bot.telegram);

  let markStopped = () => {};
  const stopped = new Promise<void>((resolve) => {
    markStopped = resolve;
  });
  const launched = launchBot(bot, config, log, stopped, options.webhookHost);
  const { ready } = launched;
  // Why updates stopped reaches the operator's terminal, not only the redacting logger.
  const done = launched.done.catch((error) => {
    throw redactError(error, token);
  });
  // A launch that fails is reported by `ready` (start-up) or through `done` (serve); never unhandled.
  done.catch(() => undefined);
  try {
    await ready;
  } catch (error) {
    await stopBot(bot, "start-up failed", done);
    throw new ConfigError(
      `Telegram refused the webhook (${describeWithoutToken(error, token)}). ` +
        "Check WEBHOOK_URL: it must be a public https:// address.",
    );
  }
  options.onReady?.(bot.botInfo.username);

  const tasks: ScheduledTask[] = [];
  let deliveryTimer: NodeJS.Timeout | null = null;
  if (options.schedule ?? true) {
    const runPoll = () => polling.run().catch((error) => log.error("poll failed", error));
    tasks.push(
      cron.schedule(describePollSchedule(config.POLL_INTERVAL_MINUTES), runPoll, { noOverlap: true }),
    );
    tasks.push(
      cron.schedule("* * * * *", () => {
        try {
          queueDigests();
        } catch (error) {
          log.error("digest tick failed", error);
        }
      }),
    );
    deliveryTimer = setInterval(deliverSoon, options.deliveryIntervalMs ?? 2000);
    void runPoll();
  }

  let stopping: Promise<void> | null = null;
  const stop = (reason = "stop") => {
    stopping ??= (async () => {
      log.info(`stopping (${reason})`);
      for (const task of tasks) await task.stop();
      if (deliveryTimer) clearInterval(deliveryTimer);
      await stopBot(bot, reason, done);
      markStopped();
      await done.catch(() => undefined);
      await Promise.all([polling.settled(), delivery.settled()]);
      db.close();
    })();
    return stopping;
  };

  return { bot, db, pollSources: polling.run, queueDigests, deliver: delivery.run, done, stop };
}

/**
 * Stops the bot's updates. Just after launch telegraf may still be clearing the webhook and refuses to stop
 * ("Bot is not running!") until polling has begun, so the stop is retried until it takes or the launch ends.
 */
async function stopBot(bot: Telegraf<BotContext>, reason: string, launched: Promise<void>): Promise<void> {
  let ended = false;
  launched.then(
    () => {
      ended = true;
    },
    () => {
      ended = true;
    },
  );
  while (!ended) {
    try {
      bot.stop(reason);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/**
 * Long polling, or a webhook when WEBHOOK_URL is set. `ready` settles once updates can arrive (for a
 * webhook: Telegram has accepted the URL); `done` when they stop coming.
 */
function launchBot(
  bot: Telegraf<BotContext>,
  config: Config,
  log: Logger,
  stopped: Promise<void>,
  host: string | undefined,
): { ready: Promise<void>; done: Promise<void> } {
  if (config.WEBHOOK_URL) {
    const url = new URL(config.WEBHOOK_URL);
    const launched = bot.launch({
      webhook: {
        domain: url.host,
        path: url.pathname === "/" ? "/telegram" : url.pathname,
        port: config.WEBHOOK_PORT,
        host,
        // Telegram sends this back in a header, so requests from anyone else are refused.
        secretToken: randomBytes(24).toString("hex"),
      },
    });
    log.info(`webhook at ${url.origin}, listening on port ${config.WEBHOOK_PORT}`);
    return { ready: launched, done: launched.then(() => stopped) };
  }
  log.info("long polling for updates");
  // The polling launch settles only when polling ends.
  return {
    ready: Promise.resolve(),
    done: bot.launch().catch((error) => {
      throw explainPollingFailure(error);
    }),
  };
}

/** Why polling stopped, in words an operator can act on, for the two refusals that end it. */
export function explainPollingFailure(error: unknown): unknown {
  if (!(error instanceof TelegramError)) return error;
  if (error.code === 409) {
    return new RasidError(
      "polling_conflict",
      "Telegram stopped sending updates: another process receives this bot's updates (a second rasid serve, " +
        "or a webhook set elsewhere). Stop it, then start rasid serve again.",
      { cause: error },
    );
  }
  if (error.code === 401) {
    return new ConfigError("Telegram no longer accepts BOT_TOKEN (revoked?): get a new one from @BotFather.");
  }
  return error;
}

/** Stops the server gracefully on Ctrl-C or a service manager's SIGTERM. */
export function stopOnSignals(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      server.stop(signal).then(resolve, resolve);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}
