import { UsageError } from "../../errors.ts";
import { loadSharedGazetteer } from "../../extraction/shared-gazetteer.ts";
import { answerQuestion } from "../../questions/answer-question.ts";
import { type CliContext, openEngineStore } from "../context.ts";
import { readArgs } from "../read-args.ts";

export const usage = "rasid ask [--json] QUESTION   answers a question in Arabic or English from the events";

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = readArgs(args, { json: { type: "boolean" } }, usage);
  const json = values.json === true;
  const question = positionals.join(" ").trim();
  if (!question)
    throw new UsageError(`What is the question? Usage: ${usage}, e.g. rasid ask "من التقى كيم ومتى؟"`);
  const gazetteer = loadSharedGazetteer();
  const db = openEngineStore(ctx);
  try {
    const answer = answerQuestion({ db, gazetteer }, question, ctx.now());
    ctx.stdout(json ? JSON.stringify(answer, null, 2) : answer.text);
    return 0;
  } finally {
    db.close();
  }
}
