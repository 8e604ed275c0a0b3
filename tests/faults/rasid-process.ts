import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface RasidProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far, interleaved. */
  output(): string;
  stdout(): string;
  exited: Promise<number | null>;
}

/**
 * `rasid ARGS` as a child process with only the given environment (no .env values leak in through the
 * parent's variables), its output collected. Spawned asynchronously so servers in this process keep running.
 */
export function startRasid(args: string[], env: Record<string, string>): RasidProcess {
  const child = spawn(process.execPath, [join(ROOT, "bin", "rasid.js"), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let stdout = "";
  child.stdout?.on("data", (d) => {
    output += d;
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  return {
    child,
    output: () => output,
    stdout: () => stdout,
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
  };
}

/** Polls a condition every 25 ms; fails with `what` if it does not hold within the time. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
