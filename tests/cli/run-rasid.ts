import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

/** Runs `rasid ARGS…` as a user would, with a bare environment plus `env`, and waits for it. */
export function runRasid(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, "bin", "rasid.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
