import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Machine } from "./machine.ts";
import type { OutboxRun } from "./outbox-phase.ts";
import type { SizeFigures } from "./run-size.ts";

/**
 * The bench's figures as Markdown. docs/benchmarks.md keeps its prose; only the part between the two
 * markers is replaced, so a run updates the figures and leaves the explanations alone.
 */

export interface BenchResults {
  machine: Machine;
  command: string;
  sizes: SizeFigures[];
  outbox: OutboxRun[];
  /** Peak RSS (MB) of the main process, which ran the outbox phase and the emulator. */
  outboxPeakRssMb: number | null;
}

export const BEGIN_MARK = "<!-- bench:begin (written by npm run bench) -->";
export const END_MARK = "<!-- bench:end -->";

const TARGET_ARTICLES = 100_000;
const TELEGRAM_CAP = 30;

const ms = (value: number): string => (value < 1 ? value.toFixed(3) : value.toFixed(1));
const int = (value: number): string => Math.round(value).toLocaleString("en-US");
const ratio = (value: number): string => (value >= 10 ? value.toFixed(0) : value.toFixed(2));

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

function peakOf(size: SizeFigures): number {
  return Math.max(...size.peakRssMb.map((p) => p.mb));
}

function renderTargets(sizes: SizeFigures[]): string[] {
  const at = sizes.find((s) => s.articles === TARGET_ARTICLES);
  if (!at) return [`Targets are set at ${int(TARGET_ARTICLES)} articles, which this run did not include.`];
  const verdict = (met: boolean): string => (met ? "met" : "**missed**");
  const rows: string[][] = [];
  if (at.import)
    rows.push([
      "import + extraction",
      "≥ 300 articles/s",
      `${int(at.import.pipeline.perSecond)} articles/s`,
      verdict(at.import.pipeline.perSecond >= 300),
    ]);
  if (at.questions)
    rows.push([
      "question latency p95",
      "< 50 ms",
      `${ms(at.questions.answer.p95)} ms (${int(at.import?.storedEvents ?? 0)} events)`,
      verdict(at.questions.answer.p95 < 50),
    ]);
  rows.push(["peak RSS", "< 300 MB", `${int(peakOf(at))} MB`, verdict(peakOf(at) < 300)]);
  return table(["at 100k articles", "target", "measured", ""], rows);
}

function renderImport(sizes: SizeFigures[]): string[] {
  const rows = sizes.flatMap((s) =>
    s.import
      ? [
          [
            int(s.articles),
            int(s.import.pipeline.perSecond),
            int(s.import.extraction.perSecond),
            int(s.import.rawInsert.perSecond),
            ratio(s.import.pipeline.perSecond / s.import.rawInsert.perSecond),
            int(s.import.storedEvents),
            int(s.import.eventReports),
            int(s.dbSizeMb),
          ],
        ]
      : [],
  );
  if (rows.length === 0) return [];
  return [
    "### Import + extraction",
    "",
    ...table(
      [
        "articles",
        "pipeline (articles/s)",
        "extraction alone (articles/s)",
        "raw insert, the limit (articles/s)",
        "pipeline ÷ limit",
        "events stored",
        "event reports",
        "DB (MB)",
      ],
      rows,
    ),
    "",
  ];
}

function renderQuestions(sizes: SizeFigures[]): string[] {
  const asked = sizes.filter((s) => s.questions);
  const largest = asked.at(-1);
  if (!largest?.questions) return [];
  const rows = asked.map((s) => {
    const q = s.questions as NonNullable<SizeFigures["questions"]>;
    return [
      int(s.articles),
      s.import ? int(s.import.storedEvents) : "—",
      int(q.samples),
      ms(q.answer.p50),
      ms(q.answer.p95),
      ms(q.answer.p99),
      `${ms(q.floor.p50)} / ${ms(q.floor.p95)}`,
      ratio(q.answer.p95 / q.floor.p95),
    ];
  });
  const perQuestion = largest.questions.perQuestion.map((q) => [
    q.question,
    ms(q.p50),
    int(q.events),
    int(q.articles),
  ]);
  return [
    "### Question latency (answerQuestion end to end, warm; milliseconds)",
    "",
    ...table(
      ["articles", "events", "samples", "p50", "p95", "p99", "bare FTS5 floor p50 / p95", "p95 ÷ floor p95"],
      rows,
    ),
    "",
    `Median of each question at ${int(largest.articles)} articles:`,
    "",
    ...table(["question", "p50 (ms)", "events in answer", "articles cited"], perQuestion),
    "",
  ];
}

function renderDigest(sizes: SizeFigures[]): string[] {
  const rows = sizes.flatMap((s) =>
    s.digest
      ? [
          [
            int(s.articles),
            int(s.digest.windowArticles),
            int(s.digest.chats),
            int(s.digest.subscriptions),
            s.digest.seconds.toFixed(1),
            int(s.digest.chatsPerSecond),
            `${ms(s.digest.perChat.p50)} / ${ms(s.digest.perChat.p95)} / ${ms(s.digest.perChat.p99)}`,
            int(s.digest.nonEmpty),
            int(s.digest.messages),
          ],
        ]
      : [],
  );
  if (rows.length === 0) return [];
  return [
    "### Digest composition (collectDigestGroups + composeDigest for every chat)",
    "",
    ...table(
      [
        "articles",
        "articles in the day",
        "chats",
        "subscriptions",
        "total (s)",
        "chats/s",
        "per chat p50 / p95 / p99 (ms)",
        "non-empty digests",
        "messages",
      ],
      rows,
    ),
    "",
  ];
}

function renderOutbox(runs: OutboxRun[]): string[] {
  if (runs.length === 0) return [];
  const rows = runs.map((r) => [
    r.limits === "telegram" ? "Telegram's (30/s overall, 1/s per chat)" : "none (limiter opened wide)",
    int(r.messages),
    int(r.chats),
    int(r.sent),
    r.seconds.toFixed(1),
    r.perSecond.toFixed(1),
    ratio(r.perSecond / TELEGRAM_CAP),
  ]);
  return [
    "### Outbox delivery (deliverDue → telegraf → Bot API emulator on 127.0.0.1)",
    "",
    ...table(
      ["rate limits", "messages", "chats", "sent", "seconds", "messages/s", "÷ Telegram's 30/s cap"],
      rows,
    ),
    "",
  ];
}

function renderMemory(results: BenchResults): string[] {
  const phases = [...new Set(results.sizes.flatMap((s) => s.peakRssMb.map((p) => p.phase)))];
  const rows = results.sizes.map((s) => [
    int(s.articles),
    ...phases.map((phase) => {
      const mark = s.peakRssMb.find((p) => p.phase === phase);
      return mark ? int(mark.mb) : "—";
    }),
  ]);
  const lines = [
    "### Peak memory (RSS, MB; the process's maximum so far, read after each phase)",
    "",
    ...table(["articles", ...phases.map((p) => `after ${p}`)], rows),
  ];
  if (results.outboxPeakRssMb !== null)
    lines.push(
      "",
      `The outbox phase, with the emulator in the same process: ${int(results.outboxPeakRssMb)} MB.`,
    );
  return [...lines, ""];
}

export function renderReport(results: BenchResults): string {
  const m = results.machine;
  return [
    `Run on ${m.date} UTC with \`${results.command}\`, on ${m.cores} × ${m.cpuModel}, ` +
      `${m.memoryGb.toFixed(1)} GB RAM (${m.freeMemoryGb.toFixed(1)} GB free), ${m.os}, Node ${m.node}, ` +
      `SQLite ${m.sqlite}; load average ${m.loadAverage.toFixed(2)} at the start.`,
    "",
    ...renderTargets(results.sizes),
    "",
    ...renderImport(results.sizes),
    ...renderQuestions(results.sizes),
    ...renderDigest(results.sizes),
    ...renderOutbox(results.outbox),
    ...renderMemory(results),
  ].join("\n");
}

/** Puts the report between the markers of the file at path, or writes a new file holding just it. */
export function writeReport(path: string, report: string): void {
  const block = `${BEGIN_MARK}\n\n${report}\n${END_MARK}`;
  const current = existsSync(path) ? readFileSync(path, "utf8") : "";
  const begin = current.indexOf(BEGIN_MARK);
  const end = current.indexOf(END_MARK);
  const next =
    begin >= 0 && end > begin
      ? `${current.slice(0, begin)}${block}${current.slice(end + END_MARK.length)}`
      : `# Benchmarks\n\n${block}\n`;
  writeFileSync(path, next);
}
