/** A failure a user or operator can act on: `code` for programs, `message` for people, `cause` for logs. */
export class RasidError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A setting in the environment is missing or malformed. */
export class ConfigError extends RasidError {
  constructor(message: string) {
    super("config", message);
  }
}

/** The database cannot be used as it is (newer than this code, corrupt, locked for too long). */
export class DatabaseError extends RasidError {}

/** An article, feed or file could not be read; the rest of the batch goes on. */
export class InputError extends RasidError {}

/** A command was called with missing or malformed arguments. */
export class UsageError extends RasidError {
  constructor(message: string) {
    super("usage", message);
  }
}

/** The text of an error for a person: our own messages as they are, anything else without its stack. */
export function describeError(error: unknown): string {
  if (error instanceof RasidError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Cuts a secret (the bot token) out of an error's message and stack, keeping the error itself so its
 * fields (a Bot API answer) still count. telegraf redacts the token only from its network errors; others,
 * such as an HTML page where JSON was expected, name the request URL with the token in it.
 */
export function redactError(error: unknown, secret: string): unknown {
  if (!(error instanceof Error) || !secret) return error;
  const cut = (text: string) => text.split(secret).join("[redacted]");
  error.message = cut(error.message);
  if (error.stack) error.stack = cut(error.stack);
  return error;
}
