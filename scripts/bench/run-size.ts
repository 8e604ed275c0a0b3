// One corpus size, in its own process so its peak RSS is its own:
// `node bin/run.js scripts/bench/run-size.ts SIZE PHASES` (PHASES: comma-separated, see bench.ts).
// Sends its SizeFigures to the parent over IPC (or prints them as JSON when run by hand).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSharedGazetteer } from "../../src/extraction/shared-gazetteer.ts";
import { type DigestFigures, measureDigest } from "./digest-phase.ts";
import {
  countEvents,
  type ImportFigures,
  measureExtraction,
  measurePipeline,
  measureRawInsert,
} from "./import-phase.ts";
import { readPeakRssMb } from "./measure.ts";
import { measureQuestions, type QuestionFigures } from "./question-phase.ts";

export interface SizeFigures {
  articles: number;
  import?: ImportFigures;
  dbSizeMb: number;
  questions?: QuestionFigures;
  digest?: DigestFigures;
  /** Peak RSS (MB) of this size's process after each phase, in order. */
  peakRssMb: { phase: string; mb: number }[];
}

const DIGEST_CHATS = 10_000;

function runSize(articles: number, phases: Set<string>): SizeFigures {
  const gazetteer = loadSharedGazetteer();
  const dir = mkdtempSync(join(tmpdir(), "rasid-bench-"));
  const dbPath = join(dir, "bench.db");
  const peakRssMb: SizeFigures["peakRssMb"] = [];
  const mark = (phase: string) => {
    peakRssMb.push({ phase, mb: readPeakRssMb() });
    console.error(`  ${articles}: ${phase} done (peak RSS ${readPeakRssMb().toFixed(0)} MB)`);
  };
  try {
    const figures: SizeFigures = { articles, dbSizeMb: 0, peakRssMb };
    // Questions and digests need the imported database whichever phases were asked for.
    const pipeline = measurePipeline(gazetteer, dbPath, articles);
    mark("import");
    // Closing the database checkpointed its WAL into the file.
    figures.dbSizeMb = statSync(dbPath).size / 2 ** 20;
    if (phases.has("import")) {
      const extraction = measureExtraction(gazetteer, articles);
      mark("extraction alone");
      const rawInsert = measureRawInsert(gazetteer, join(dir, "raw.db"), articles);
      mark("raw insert");
      figures.import = { pipeline, extraction, rawInsert, ...countEvents(dbPath) };
    }
    if (phases.has("questions")) {
      figures.questions = measureQuestions(gazetteer, dbPath);
      mark("questions");
    }
    if (phases.has("digest")) {
      figures.digest = measureDigest(dbPath, DIGEST_CHATS);
      mark("digest");
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const figures = runSize(Number(process.argv[2]), new Set((process.argv[3] ?? "").split(",")));
if (process.send) process.send(figures);
else console.log(JSON.stringify(figures, null, 2));
