// Extraction throughput: `node bin/run.js scripts/bench-extraction.ts [ARTICLES]` (default 2000).
// Measures the pure step (clean → extract) and the whole import (clean → store → extract → merge) on a
// synthetic corpus from scripts/bench/generate-corpus.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanArticleText } from "../src/articles/clean.ts";
import { openDatabase } from "../src/db/open.ts";
import { createEngine } from "../src/engine.ts";
import { extractEvents } from "../src/extraction/extract-events.ts";
import { loadSharedGazetteer } from "../src/extraction/shared-gazetteer.ts";
import { generateCorpus } from "./bench/generate-corpus.ts";

const count = Number(process.argv[2] ?? 2000);
const gazetteer = loadSharedGazetteer();
const corpus = generateCorpus(gazetteer, count, 7);

let events = 0;
let started = performance.now();
for (const article of corpus) {
  events += extractEvents(
    { text: cleanArticleText(article.text), published: article.published },
    gazetteer,
  ).length;
}
const extractSeconds = (performance.now() - started) / 1000;

const dir = mkdtempSync(join(tmpdir(), "rasid-bench-"));
const db = openDatabase(join(dir, "bench.db"));
const engine = createEngine(db, { gazetteer });
started = performance.now();
for (const article of corpus) {
  engine.pipeline.ingest({
    key: article.key,
    url: article.url,
    sourceName: article.source,
    title: article.title,
    text: article.text,
    published: article.published,
  });
}
const importSeconds = (performance.now() - started) / 1000;
const stored = (db.prepare("SELECT count(*) AS n FROM events").get() as { n: number }).n;
db.close();
rmSync(dir, { recursive: true, force: true });

console.log(`${count} synthetic articles, ${events} events extracted, ${stored} stored after merging`);
console.log(`extraction (clean + extract):  ${(count / extractSeconds).toFixed(0)} articles/s`);
console.log(`full import (store + extract + merge): ${(count / importSeconds).toFixed(0)} articles/s`);
