import { z } from "zod";
import type { Db } from "../db/open.ts";
import { InputError } from "../errors.ts";
import { parseGoldEvents } from "../events/gold-events.ts";
import type { Gazetteer } from "../extraction/gazetteer.ts";
import { answerQuestion } from "./answer-question.ts";
import {
  type AliasesOf,
  formatQuestionsReport,
  type GoldQuestion,
  goldQuestionSchema,
  type QuestionsReport,
  scoreQuestions,
} from "./eval-questions.ts";
import { createGoldAnswerDeps } from "./gold-answer-deps.ts";

/**
 * The question part of `rasid eval SET_DIR`: answers each gold question against the set's database (already
 * imported and extracted) and scores the answers. `questions` is gold.json's "questions" as parsed JSON.
 */
export function runQuestionEval(
  source: { db: Db; gazetteer: Gazetteer },
  questions: unknown,
  now: Date,
): { report: QuestionsReport; lines: string[] } {
  const parsed = parseGoldQuestions(questions);
  const aliasesOf: AliasesOf = (entity) => {
    const person = source.gazetteer.personById(entity.id);
    const names = [entity.name_ar, ...(entity.name_en ? [entity.name_en] : [])];
    return person ? [...names, ...person.aliasesAr, ...person.aliasesEn] : names;
  };
  const report = scoreQuestions(parsed, (q) => answerQuestion(source, q.question, now), aliasesOf);
  return { report, lines: formatQuestionsReport(report) };
}

/**
 * The same questions answered from gold.json's own events (no extraction): what fails here is the
 * question engine's fault. `gold` is the whole parsed gold.json.
 */
export function runGoldQuestionEval(
  gazetteer: Gazetteer,
  gold: { events?: unknown; questions?: unknown },
  now: Date,
): { report: QuestionsReport; lines: string[] } {
  const questions = parseGoldQuestions(gold.questions);
  const { deps, aliasesOf } = createGoldAnswerDeps(parseGoldEvents(gold), gazetteer);
  const report = scoreQuestions(questions, (q) => answerQuestion(deps, q.question, now), aliasesOf);
  return { report, lines: formatQuestionsReport(report) };
}

function parseGoldQuestions(questions: unknown): GoldQuestion[] {
  const parsed = z.array(goldQuestionSchema).safeParse(questions ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      "eval_gold",
      `gold.json "questions" is malformed at ${issue?.path.join(".") ?? "?"}: ${issue?.message}; see eval/FORMAT.md.`,
    );
  }
  return parsed.data;
}
