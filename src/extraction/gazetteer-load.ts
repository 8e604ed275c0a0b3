import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildGazetteer, type Gazetteer, type RawGazetteer } from "./gazetteer.ts";
import { GazetteerError } from "./gazetteer-error.ts";

const FILES = ["people", "places", "organizations", "roles"] as const;

/** Reads data/gazetteer/{people,places,organizations,roles}.json and builds the gazetteer. */
export function loadGazetteer(dir = "data/gazetteer"): Gazetteer {
  const raw: Partial<RawGazetteer> = {};
  for (const name of FILES) raw[name] = readJson(join(dir, `${name}.json`));
  return buildGazetteer(raw as RawGazetteer);
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new GazetteerError(
      `Cannot read ${path}; run rasid from the project folder or pass the gazetteer folder.`,
      {
        cause,
      },
    );
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new GazetteerError(`${path} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}
