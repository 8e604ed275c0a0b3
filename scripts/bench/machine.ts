import { readFileSync } from "node:fs";
import { availableParallelism, cpus, freemem, loadavg, release, totalmem, type } from "node:os";
import Database from "better-sqlite3";

/** What the figures were measured on: they mean little without it. */
export interface Machine {
  date: string;
  cpuModel: string;
  cores: number;
  memoryGb: number;
  freeMemoryGb: number;
  /** 1-minute load average when the bench started: other work on the machine slows every figure. */
  loadAverage: number;
  node: string;
  sqlite: string;
  os: string;
}

function readCpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return line.slice(line.indexOf(":") + 1).trim();
  } catch {
    // Not Linux: the OS's own name for the CPU below.
  }
  return cpus()[0]?.model ?? "unknown";
}

export function describeMachine(now: Date): Machine {
  const memory = new Database(":memory:");
  const sqlite = memory.prepare("SELECT sqlite_version()").pluck().get() as string;
  memory.close();
  return {
    date: now.toISOString().slice(0, 16).replace("T", " "),
    cpuModel: readCpuModel(),
    cores: availableParallelism(),
    memoryGb: totalmem() / 2 ** 30,
    freeMemoryGb: freemem() / 2 ** 30,
    loadAverage: loadavg()[0] ?? 0,
    node: process.version,
    sqlite,
    os: `${type()} ${release()}`,
  };
}
