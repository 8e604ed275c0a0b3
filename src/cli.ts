import { existsSync } from "node:fs";
import { join } from "node:path";
import { type CliContext, DEFAULT_DB, REPO_ROOT } from "./cli/context.ts";
import { type Config, loadConfig } from "./config.ts";
import { describeError, RasidError, UsageError } from "./errors.ts";

/** The `rasid` command: one module per subcommand under src/cli/commands, each exporting `run` and `usage`. */
interface Command {
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  import: () => import("./cli/commands/import.ts"),
  search: () => import("./cli/commands/search.ts"),
  events: () => import("./cli/commands/events.ts"),
  ask: () => import("./cli/commands/ask.ts"),
  feed: () => import("./cli/commands/feed.ts"),
  sources: () => import("./cli/commands/sources.ts"),
  fetch: () => import("./cli/commands/fetch.ts"),
  eval: () => import("./cli/commands/eval.ts"),
  serve: () => import("./cli/commands/serve.ts"),
};

async function printHelp(stdout: (line: string) => void): Promise<void> {
  stdout("rasid — watches Arabic news and answers who met whom, when and where.\n");
  stdout("Usage: rasid [--db PATH] COMMAND [ARGS]\n");
  for (const load of Object.values(COMMANDS)) {
    try {
      stdout(`  ${(await load()).usage}`);
    } catch {
      // a command still being built is left out of the list rather than breaking help
    }
  }
  stdout("\nThe database is --db PATH, else $RASID_DB, else data/rasid.db (created with the seed corpus).");
}

/** Splits off the global --db option; the rest goes to the command. */
function takeDbOption(argv: string[]): { db?: string; rest: string[] } {
  const rest: string[] = [];
  let db: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--db") {
      db = argv[++i];
      if (!db) throw new UsageError("--db needs a path, e.g. --db /tmp/rasid.db");
    } else if (arg.startsWith("--db=")) db = arg.slice(5);
    else rest.push(arg);
  }
  return { db, rest };
}

export async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const stdout = (line: string) => process.stdout.write(`${line}\n`);
  const stderr = (text: string) => process.stderr.write(text);
  try {
    const { db, rest } = takeDbOption(argv);
    const [name, ...args] = rest;
    if (!name || name === "help" || name === "--help" || name === "-h") {
      await printHelp(stdout);
      return name ? 0 : 2;
    }
    const load = COMMANDS[name];
    if (!load) throw new UsageError(`Unknown command "${name}". Run \`rasid help\` to see the commands.`);
    const config: Config = loadConfig(env);
    const command = await load();
    if (args.includes("--help") || args.includes("-h")) {
      stdout(`Usage: ${command.usage}`);
      return 0;
    }
    const dbPath = db ?? env.RASID_DB ?? DEFAULT_DB;
    return await command.run(args, {
      dbPath,
      isDefaultDb: db === undefined && !env.RASID_DB,
      config,
      stdout,
      stderr,
      interactive: Boolean(process.stderr.isTTY),
      now: () => new Date(),
    });
  } catch (error) {
    stderr(`rasid: ${describeError(error)}\n`);
    if (!(error instanceof RasidError) && env.LOG_LEVEL === "debug" && error instanceof Error) {
      stderr(`${error.stack}\n`);
    }
    return error instanceof UsageError ? 2 : 1;
  }
}

// Output piped into a pager or `head` that closes early is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// .env beside the repository (or in the working directory) fills variables not already set.
for (const file of [join(process.cwd(), ".env"), join(REPO_ROOT, ".env")]) {
  if (existsSync(file)) {
    process.loadEnvFile(file);
    break;
  }
}
process.exitCode = await main(process.argv.slice(2), process.env);
