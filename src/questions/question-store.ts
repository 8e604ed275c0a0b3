import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { searchArticles } from "../articles/search.ts";
import type { Db } from "../db/open.ts";
import { findEvents } from "../events/event-store.ts";
import type { Gazetteer } from "../extraction/gazetteer.ts";
import { loadGazetteer } from "../extraction/gazetteer-load.ts";
import type { AnswerDeps } from "./answer-question.ts";
import { createQuestionDirectory, type DiscoveredEntity } from "./question-directory.ts";

/**
 * The answer's dependencies over one database: events by index (findEvents), full-text search, and the
 * discovered people and places looked up by alias (entity_aliases' primary key) as the question is read.
 */
export function createAnswerDeps(db: Db, gazetteer: Gazetteer): AnswerDeps {
  const byAlias = db.prepare(
    `SELECT e.id, e.kind, e.name_en, e.name_ar,
            (SELECT COUNT(*) FROM event_participants p WHERE p.entity_id = e.id) AS events
       FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
      WHERE a.alias = ? AND e.discovered = 1`,
  );
  const lookupDiscovered = (alias: string): DiscoveredEntity[] =>
    (byAlias.all(alias) as Omit<DiscoveredEntity, "aliases">[]).map((row) => ({ ...row, aliases: [] }));
  return {
    directory: createQuestionDirectory(gazetteer, lookupDiscovered),
    findEvents: (filter) => findEvents(db, filter),
    searchArticles: (query, limit) => searchArticles(db, query, limit),
  };
}

/** A store to answer from: ready dependencies, or a database (with the gazetteer, else the shipped one). */
export type AnswerSource = AnswerDeps | { db: Db; gazetteer?: Gazetteer };

const GAZETTEER_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data", "gazetteer");
const depsByDb = new WeakMap<Db, AnswerDeps>();
let shippedGazetteer: Gazetteer | null = null;

/** The dependencies for a source, built once per database so statements are prepared once. */
export function resolveAnswerDeps(source: AnswerSource): AnswerDeps {
  if ("findEvents" in source) return source;
  let deps = depsByDb.get(source.db);
  if (!deps) {
    if (!source.gazetteer && !shippedGazetteer) shippedGazetteer = loadGazetteer(GAZETTEER_DIR);
    deps = createAnswerDeps(source.db, source.gazetteer ?? (shippedGazetteer as Gazetteer));
    depsByDb.set(source.db, deps);
  }
  return deps;
}
