import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Gazetteer } from "./gazetteer.ts";
import { loadGazetteer } from "./gazetteer-load.ts";

const GAZETTEER_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data", "gazetteer");
let shared: Gazetteer | null = null;

/** The gazetteer shipped in data/gazetteer, read and indexed once per process. */
export function loadSharedGazetteer(): Gazetteer {
  shared ??= loadGazetteer(GAZETTEER_DIR);
  return shared;
}
