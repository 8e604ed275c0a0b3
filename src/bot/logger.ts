/** A leveled logger that writes one line per entry and never prints a secret (the bot token) it was given. */
export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface LoggerOptions {
  level: LogLevel;
  /** Strings replaced by [redacted] wherever they appear, error stacks included. */
  secrets?: string[];
  write?: (line: string) => void;
  now?: () => Date;
}

function describeDetail(detail: unknown, level: LogLevel): string {
  if (detail === undefined) return "";
  if (detail instanceof Error) {
    const own = level === "debug" || level === "error" ? (detail.stack ?? detail.message) : detail.message;
    return ` — ${own}`;
  }
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const secrets = (options.secrets ?? []).filter((s) => s.length > 0);
  const redact = (text: string) =>
    secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  const log = (level: LogLevel) => (message: string, detail?: unknown) => {
    if (RANK[level] < RANK[options.level]) return;
    write(redact(`${now().toISOString()} ${level.toUpperCase()} ${message}${describeDetail(detail, level)}`));
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
