import { z } from "zod";
import type { EntityRef, EventRecord } from "../events/event-types.ts";
import { normalizeArabic } from "../text/normalize.ts";
import { spellingVariants } from "../text/variants.ts";
import type { Intent } from "./question-types.ts";

/**
 * Scores question answering on a gold set as eval/FORMAT.md says: recall is the share of `expect` entries
 * found among the answer's events (a participant named by `who`, with a right date at the entry's
 * precision); precision is the share of the answer's events that are such a match for some entry; any
 * `must_not` person among the answer's participants fails the question.
 * A question passes when no must_not person appears and recall and precision both reach PASS_SHARE.
 */

const expectSchema = z.object({
  who: z.array(z.string()).min(1),
  dates: z.array(z.string()).min(1),
  precision: z.enum(["day", "month", "year"]),
  place: z.array(z.string()).nullable(),
});

export const goldQuestionSchema = z.object({
  id: z.string(),
  lang: z.enum(["ar", "en"]),
  question: z.string(),
  kind: z.string(),
  subject: z.array(z.string()),
  expect: z.array(expectSchema),
  must_not: z.array(z.array(z.string())),
});

export type GoldQuestion = z.infer<typeof goldQuestionSchema>;

export const PASS_SHARE = 0.75;

export interface QuestionScore {
  id: string;
  question: string;
  kind: string;
  intent: Intent;
  recall: number;
  precision: number;
  /** must_not people found in the answer (their first alias). */
  forbidden: string[];
  /** expect entries not found (first alias of `who` and the dates). */
  missing: string[];
  /** Answer events that match no expect entry (participants and date). */
  unexpected: string[];
  passed: boolean;
}

export interface QuestionsReport {
  scores: QuestionScore[];
  passed: number;
  total: number;
  passRate: number;
  meanRecall: number;
  meanPrecision: number;
  /** Questions whose answer named a must_not person. */
  forbiddenHits: number;
  /** Questions answered exactly: every expected entry, nothing else, no must_not person. */
  exact: number;
}

export type AnswerFn = (question: GoldQuestion) => { intent: Intent; events: EventRecord[] };

/** Every name a participant is known by (its gazetteer aliases, when the caller has them). */
export type AliasesOf = (entity: EntityRef) => string[];

const namesOf: AliasesOf = (entity) => [entity.name_ar, ...(entity.name_en ? [entity.name_en] : [])];

// The same folding as the event scorer: Arabic normalization, case, hyphens, dots and apostrophes.
function fold(name: string): string {
  return normalizeArabic(name).replace(/['’.]/g, "").replace(/\s+/g, " ").trim();
}

function isNamed(entity: EntityRef, aliases: string[], aliasesOf: AliasesOf): boolean {
  const wanted = new Set(aliases.map(fold));
  return aliasesOf(entity).some((name) => spellingVariants(fold(name)).some((v) => wanted.has(v)));
}

function isDateRight(event: EventRecord, dates: string[], precision: "day" | "month" | "year"): boolean {
  const length = { day: 10, month: 7, year: 4 }[precision];
  if (!event.date || event.date.length < length) return false;
  const predicted = event.date.slice(0, length);
  return dates.some((d) => d.slice(0, length) === predicted);
}

function fits(event: EventRecord, entry: GoldQuestion["expect"][number], aliasesOf: AliasesOf): boolean {
  return (
    event.participants.some((p) => isNamed(p, entry.who, aliasesOf)) &&
    isDateRight(event, entry.dates, entry.precision)
  );
}

function scoreQuestion(
  gold: GoldQuestion,
  answer: { intent: Intent; events: EventRecord[] },
  aliasesOf: AliasesOf = namesOf,
): QuestionScore {
  const { events } = answer;
  const found = gold.expect.filter((entry) => events.some((e) => fits(e, entry, aliasesOf)));
  const expected = events.filter((e) => gold.expect.some((entry) => fits(e, entry, aliasesOf)));
  const recall = gold.expect.length === 0 ? 1 : found.length / gold.expect.length;
  const precision =
    events.length === 0 ? (gold.expect.length === 0 ? 1 : 0) : expected.length / events.length;
  const forbidden = gold.must_not
    .filter((aliases) => events.some((e) => e.participants.some((p) => isNamed(p, aliases, aliasesOf))))
    .map((aliases) => aliases[0] ?? "");
  const describe = (e: EventRecord): string =>
    `${e.type} ${e.participants.map((p) => p.name_en ?? p.name_ar).join(" + ")} ${e.date ?? "?"}`;
  return {
    id: gold.id,
    question: gold.question,
    kind: gold.kind,
    intent: answer.intent,
    recall,
    precision,
    forbidden,
    missing: gold.expect.filter((e) => !found.includes(e)).map((e) => `${e.who[0]} ${e.dates.join("|")}`),
    unexpected: events.filter((e) => !expected.includes(e)).map(describe),
    passed: forbidden.length === 0 && recall >= PASS_SHARE && precision >= PASS_SHARE,
  };
}

/** Answers every gold question with `answer` and scores it; pure given a pure answer function. */
export function scoreQuestions(
  questions: GoldQuestion[],
  answer: AnswerFn,
  aliasesOf: AliasesOf = namesOf,
): QuestionsReport {
  const scores = questions.map((q) => scoreQuestion(q, answer(q), aliasesOf));
  const total = scores.length;
  const mean = (pick: (s: QuestionScore) => number): number =>
    total === 0 ? 0 : scores.reduce((sum, s) => sum + pick(s), 0) / total;
  const passed = scores.filter((s) => s.passed).length;
  return {
    scores,
    passed,
    total,
    passRate: total === 0 ? 0 : passed / total,
    meanRecall: mean((s) => s.recall),
    meanPrecision: mean((s) => s.precision),
    forbiddenHits: scores.filter((s) => s.forbidden.length > 0).length,
    exact: scores.filter((s) => s.recall === 1 && s.precision === 1 && s.forbidden.length === 0).length,
  };
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The report as `rasid eval` prints it: a summary line, then one line per question that did not pass. */
export function formatQuestionsReport(report: QuestionsReport): string[] {
  const lines = [
    `questions: ${report.passed}/${report.total} passed (${percent(report.passRate)}), ` +
      `recall ${percent(report.meanRecall)}, precision ${percent(report.meanPrecision)}, ` +
      `must-not hits ${report.forbiddenHits}, exact ${report.exact}/${report.total}`,
  ];
  for (const s of report.scores) {
    if (s.passed) continue;
    const why = [
      s.forbidden.length > 0 ? `must-not: ${s.forbidden.join(", ")}` : "",
      s.missing.length > 0 ? `missing: ${s.missing.join("; ")}` : "",
      s.unexpected.length > 0 ? `unexpected: ${s.unexpected.join("; ")}` : "",
    ].filter(Boolean);
    lines.push(
      `  ✗ ${s.id} [${s.kind}→${s.intent}] recall ${percent(s.recall)} precision ${percent(s.precision)}: ${s.question}`,
    );
    for (const reason of why) lines.push(`      ${reason}`);
  }
  return lines;
}
