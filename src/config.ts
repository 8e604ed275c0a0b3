import { z } from "zod";
import { ConfigError } from "./errors.ts";

/**
 * Every setting rasid reads, parsed once from the environment. `.env.example` documents each one;
 * this is the only file that reads process.env (through the `env` argument).
 */
const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: "is not an IANA time zone (e.g. Asia/Riyadh, Europe/Moscow, UTC)" },
);

const schema = z.object({
  RASID_DB: z.string().min(1).default("data/rasid.db"),
  BOT_TOKEN: z.string().regex(/^\S+$/, "must be the token BotFather gave you, without spaces").optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  WEBHOOK_URL: z.url().optional(),
  WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  ADMIN_IDS: z
    .string()
    .default("")
    .transform((s, ctx) => {
      const ids = s
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      if (ids.some((n) => !Number.isSafeInteger(n))) {
        ctx.addIssue({
          code: "custom",
          message: "must be a comma-separated list of numeric Telegram user ids",
        });
      }
      return ids;
    }),
  DEFAULT_TIMEZONE: timeZone.default("Asia/Riyadh"),
  DEFAULT_LANGUAGE: z.enum(["ar", "en"]).default("ar"),
  DIGEST_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM in 24-hour time, e.g. 08:00")
    .default("08:00"),
  POLL_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SOURCE_FAILURE_LIMIT: z.coerce.number().int().min(1).max(100).default(5),
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  FETCH_MAX_BYTES: z.coerce.number().int().min(10_000).max(100_000_000).default(5_000_000),
  ALLOW_PRIVATE_SOURCES: booleanFlag.default(false),
  QUESTIONS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(20),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Config = z.infer<typeof schema>;

/** Parses the environment; a bad value throws a ConfigError naming the variable and the fix. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable (FOO= in .env) means "not set", so the default applies.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return `${name}: ${issue.message} (got ${JSON.stringify(present[name] ?? null)})`;
  });
  throw new ConfigError(
    `Invalid configuration — fix these settings in the environment or .env:\n  ${lines.join("\n  ")}`,
  );
}
