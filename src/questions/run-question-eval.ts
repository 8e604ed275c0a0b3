import { z } from "zod";
import type { Db } from "../db/open.ts";
import { InputError } from "../errors.ts";
import type { Gazetteer } from "../extraction/gazetteer.ts";
import { answerQuestion } from "./answer-question.ts";
import {
  type AliasesOf,
  formatQuestionsReport,
  goldQuestionSchema,
  type QuestionsReport,
  scoreQuestions,
} from "./eval-questions.ts";

/**
 * The question part of `rasid eval SET_DIR`: answers each gold question against the set's database (already
 * imported and extracted) and scores the answers. `questions` is gold.json's "questions" as parsed JSON.
 */
export function runQuestionEval(
  source: { db: Db; gazetteer: Gazetteer },
  questions: unknown,
  now: Date,
): { report: QuestionsReport; lines: string[] } {
  const parsed = z.array(goldQuestionSchema).safeParse(questions ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      "eval_gold",
      `gold.json "questions" is malformed at ${issue?.path.join(".") ?? "?"}: ${issue?.message}; see eval/FORMAT.md.`,
    );
  }
  const aliasesOf: AliasesOf = (entity) => {
    const person = source.gazetteer.personById(entity.id);
    const names = [entity.name_ar, ...(entity.name_en ? [entity.name_en] : [])];
    return person ? [...names, ...person.aliasesAr, ...person.aliasesEn] : names;
  };
  const report = scoreQuestions(parsed.data, (q) => answerQuestion(source, q.question, now), aliasesOf);
  return { report, lines: formatQuestionsReport(report) };
}
