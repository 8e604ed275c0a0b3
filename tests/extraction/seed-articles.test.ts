import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanArticleText } from "../../src/articles/clean.ts";
import { extractEvents } from "../../src/extraction/extract-events.ts";
import { loadGazetteer } from "../../src/extraction/gazetteer-load.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const CORPUS = join(ROOT, "data", "corpus");
const gazetteer = loadGazetteer(join(ROOT, "data", "gazetteer"));
const manifest = JSON.parse(readFileSync(join(CORPUS, "manifest.json"), "utf8")) as {
  file: string;
  id: string;
  published: string;
}[];

function eventsOf(id: string): string[] {
  const entry = manifest.find((m) => m.id === id);
  if (!entry) throw new Error(`no seed ${id}`);
  const text = cleanArticleText(readFileSync(join(CORPUS, entry.file), "utf8"));
  return extractEvents({ text, published: entry.published }, gazetteer)
    .map(
      (e) =>
        `${e.type}: ${e.participants.map((p) => p.id).join("+")} @${e.place?.id ?? "-"} ${e.date ?? "-"}`,
    )
    .sort();
}

// Each seed article yields exactly these events: the statements, the sister's words, the "اقرأ أيضاً"
// teasers, the related lists and the embedded tweet of the boilerplate tails yield none.
describe("the seed articles", () => {
  it.each([
    [
      "s000",
      ["meeting: kang-sun-nam+sergei-shoigu @pyongyang 2023-07-26", "visit: sergei-shoigu @KP 2023-07-25"],
    ],
    [
      "s001",
      [
        "meeting: kang-sun-nam+sergei-shoigu @pyongyang 2023-07-26",
        "planned: li-hongzhong @pyongyang 2023-07",
        "visit: sergei-shoigu @pyongyang 2023-07-26",
      ],
    ],
    [
      "s002",
      [
        "meeting: choe-son-hui+sergei-lavrov @wonsan 2025-07-13",
        "meeting: kim-jong-un+sergei-lavrov @wonsan 2025-07-12",
        "visit: sergei-lavrov @KP 2025-07-13",
      ],
    ],
    ["s003", ["meeting: kim-jong-un+sergei-shoigu @KP 2023-07", "visit: sergei-shoigu @KP 2023-07"]],
    [
      "s004",
      [
        "meeting: andrei-belousov+kim-jong-un @pyongyang 2024-11-30",
        "meeting: kim-jong-un+vladimir-putin @pyongyang 2024-06",
        "visit: andrei-belousov @pyongyang 2024-06",
        "visit: andrei-belousov @pyongyang 2024-11-30",
      ],
    ],
  ])("%s", (id, expected) => {
    expect(eventsOf(id)).toEqual(expected);
  });

  it("never puts Kim Yo Jong, named in a statement, into an event", () => {
    for (const { id } of manifest) expect(eventsOf(id).join(" ")).not.toContain("kim-yo-jong");
  });
});
