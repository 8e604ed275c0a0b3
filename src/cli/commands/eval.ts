import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/open.ts";
import { createEngine } from "../../engine.ts";
import { InputError, UsageError } from "../../errors.ts";
import { findEvents } from "../../events/event-store.ts";
import type { EntityRef } from "../../events/event-types.ts";
import { parseGoldEvents } from "../../events/gold-events.ts";
import { type EventScore, scoreEvents } from "../../events/score-events.ts";
import { loadSharedGazetteer } from "../../extraction/shared-gazetteer.ts";
import { runQuestionEval } from "../../questions/run-question-eval.ts";
import type { CliContext } from "../context.ts";
import { readArgs } from "../read-args.ts";

export const usage =
  "rasid eval [--json] SET_DIR   scores extraction and answers on SET_DIR/corpus.jsonl + gold.json";

/**
 * Imports the set's corpus into a fresh temporary database (so nothing else is scored), extracts, and
 * scores the events and the answers against gold.json as eval/FORMAT.md says.
 */
export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = readArgs(args, { json: { type: "boolean" } }, usage);
  const json = values.json === true;
  const [dir] = positionals;
  if (!dir || positionals.length > 1) throw new UsageError(`Which set? Usage: ${usage}`);
  const corpus = join(dir, "corpus.jsonl");
  const goldPath = join(dir, "gold.json");
  for (const path of [corpus, goldPath])
    if (!existsSync(path))
      throw new InputError("eval_set", `${path} is missing; a set holds corpus.jsonl and gold.json.`);
  let gold: { events?: unknown; questions?: unknown };
  try {
    gold = JSON.parse(readFileSync(goldPath, "utf8"));
  } catch (cause) {
    throw new InputError("eval_gold", `${goldPath} is not valid JSON.`, { cause });
  }
  const goldEvents = parseGoldEvents(gold);
  const gazetteer = loadSharedGazetteer();
  const tmp = mkdtempSync(join(tmpdir(), "rasid-eval-"));
  const db = openDatabase(join(tmp, "eval.db"));
  try {
    const summary = createEngine(db, { now: ctx.now, gazetteer }).importPaths([corpus]);
    const predicted = findEvents(db);
    const aliasesOf = (entity: EntityRef): string[] => {
      const known = gazetteer.personById(entity.id) ?? gazetteer.placeById(entity.id);
      const names = [entity.name_ar, ...(entity.name_en ? [entity.name_en] : [])];
      return known ? [...names, ...known.aliasesAr, ...known.aliasesEn] : names;
    };
    const score = scoreEvents(predicted, goldEvents, aliasesOf);
    const questions = runQuestionEval({ db, gazetteer }, gold.questions, ctx.now());
    if (json) {
      ctx.stdout(JSON.stringify({ articles: summary, events: score, questions: questions.report }, null, 2));
    } else {
      ctx.stdout(`Imported ${summary.added} article(s), ${summary.failed.length} failed.`);
      for (const line of formatEventScore(score)) ctx.stdout(line);
      for (const line of questions.lines) ctx.stdout(line);
    }
    return 0;
  } finally {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function formatEventScore(s: EventScore): string[] {
  const pct = (x: number) => x.toFixed(3);
  return [
    `Events: ${s.predicted} predicted, ${s.gold} gold, ${s.truePositives} matched, ${s.falsePositives} false positive(s) (${s.duplicates} duplicate(s)), ${s.falseNegatives} missed`,
    `  precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`,
    `  date accuracy ${pct(s.dateAccuracy)}  place accuracy ${pct(s.placeAccuracy)}  hard events found ${s.hardFound}/${s.hardTotal}`,
    ...(s.missed.length > 0 ? [`  missed: ${s.missed.join(", ")}`] : []),
    ...(s.spurious.length + s.duplicated.length > 0
      ? [`  unmatched predictions: ${[...s.spurious, ...s.duplicated].join(", ")}`]
      : []),
  ];
}
