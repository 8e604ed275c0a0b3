// The benchmark (not part of npm test):
//   npm run bench [-- --sizes 1000,10000,100000] [--only import,questions,digest,outbox] [--out docs/benchmarks.md]
// Each corpus size runs in its own process on a fresh temporary SQLite file (WAL), removed afterwards; the
// report is printed and written between the markers of --out. See docs/benchmarks.md for what each
// figure measures.
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeMachine } from "./bench/machine.ts";
import { readPeakRssMb } from "./bench/measure.ts";
import { measureOutbox, type OutboxRun } from "./bench/outbox-phase.ts";
import { type BenchResults, renderReport, writeReport } from "./bench/report.ts";
import type { SizeFigures } from "./bench/run-size.ts";

const PHASES = ["import", "questions", "digest", "outbox"] as const;
const DEFAULT_SIZES = "1000,10000,100000";
const OUTBOX_MESSAGES = 2_000;
const OUTBOX_CHATS = 500;

function readOptions(): { sizes: number[]; phases: Set<string>; out: string } {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: DEFAULT_SIZES },
      only: { type: "string", default: PHASES.join(",") },
      out: { type: "string", default: "docs/benchmarks.md" },
    },
  });
  const sizes = values.sizes.split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes takes whole numbers of articles, e.g. ${DEFAULT_SIZES}; got "${values.sizes}".`);
  const phases = new Set(values.only.split(",").map((p) => p.trim()));
  const unknown = [...phases].filter((p) => !(PHASES as readonly string[]).includes(p));
  if (unknown.length > 0)
    throw new Error(`--only takes some of ${PHASES.join(",")}; "${unknown.join(",")}" is not one of them.`);
  return { sizes: sizes.sort((a, b) => a - b), phases, out: values.out };
}

/** Runs one size in a child process (scripts/bench/run-size.ts) and returns its figures. */
function runSize(articles: number, phases: Set<string>): Promise<SizeFigures> {
  return new Promise((done, fail) => {
    const child = fork(resolve("bin/run.js"), [
      "scripts/bench/run-size.ts",
      String(articles),
      [...phases].join(","),
    ]);
    let figures: SizeFigures | null = null;
    child.on("message", (message) => {
      figures = message as SizeFigures;
    });
    child.on("error", fail);
    child.on("exit", (code) => {
      if (figures) done(figures);
      else fail(new Error(`the ${articles}-article run exited with code ${code} before reporting`));
    });
  });
}

const { sizes, phases, out } = readOptions();
const machine = describeMachine(new Date());
const sized: SizeFigures[] = [];
if (["import", "questions", "digest"].some((p) => phases.has(p)))
  for (const articles of sizes) {
    console.error(`bench: ${articles} articles…`);
    sized.push(await runSize(articles, phases));
  }
let outbox: OutboxRun[] = [];
if (phases.has("outbox")) {
  console.error(`bench: outbox, ${OUTBOX_MESSAGES} messages over ${OUTBOX_CHATS} chats…`);
  const dir = mkdtempSync(join(tmpdir(), "rasid-bench-outbox-"));
  try {
    outbox = await measureOutbox(dir, OUTBOX_MESSAGES, OUTBOX_CHATS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const results: BenchResults = {
  machine,
  command: ["npm run bench --", ...process.argv.slice(2)].join(" ").replace(/ --$/, ""),
  sizes: sized,
  outbox,
  outboxPeakRssMb: phases.has("outbox") ? readPeakRssMb() : null,
};
const report = renderReport(results);
console.log(report);
writeReport(out, report);
console.error(`bench: report written to ${out}`);
