import { ConfigError, UsageError } from "../../errors.ts";
import { startServer, stopOnSignals } from "../../main.ts";
import { type CliContext, openEngineStore } from "../context.ts";

export const usage =
  "rasid serve   runs the Telegram bot (BOT_TOKEN), the source poller and the digest scheduler";

export async function run(args: string[], ctx: CliContext): Promise<number> {
  if (args.length > 0)
    throw new UsageError(`rasid serve takes no arguments (got ${JSON.stringify(args[0])}).`);
  if (!ctx.config.BOT_TOKEN) {
    throw new ConfigError(
      "rasid serve needs BOT_TOKEN, the token @BotFather gives you for your bot: put BOT_TOKEN=… in .env " +
        "or the environment. To try the bot without a token, run npm run demo.",
    );
  }
  const server = await startServer(ctx.config, {
    db: openEngineStore(ctx),
    now: ctx.now,
    onReady: (username) => ctx.stderr(`rasid is running as @${username}. Press Ctrl-C to stop.\n`),
  });
  const signalled = stopOnSignals(server);
  try {
    await Promise.race([server.done, signalled]);
  } finally {
    await server.stop("exit");
  }
  return 0;
}
