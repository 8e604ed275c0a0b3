import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "../errors.ts";

type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/**
 * A command's options and words, strictly: an unknown option (--jsn) is a usage error naming it, not a
 * word of the query.
 */
export function readArgs<T extends OptionSpec>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split(". ")[0] : String(error);
    throw new UsageError(`${reason}. Usage: ${usage}`);
  }
}
