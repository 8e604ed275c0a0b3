import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractEvents } from "../../src/extraction/extract-events.ts";
import { loadGazetteer } from "../../src/extraction/gazetteer-load.ts";

const gazetteer = loadGazetteer(join(import.meta.dirname, "..", "..", "data", "gazetteer"));
const PUBLISHED = "2025-07-10T20:45:00+01:00";

const meetings = (text: string): string[] =>
  extractEvents({ text, published: PUBLISHED }, gazetteer)
    .filter((e) => e.type === "meeting")
    .map((e) =>
      e.participants
        .map((p) => p.id)
        .sort()
        .join("+"),
    );

describe("an event held on the sidelines (على هامش) of another", () => {
  it.each([
    ["وأجرى لافروف، على هامش الاجتماعات، محادثات مع وزير الخارجية الصيني وانغ يي.", "sergei-lavrov+wang-yi"],
    ["وعقد شي على هامش المنتدى لقاء مع الرئيس الروسي بوتين.", "vladimir-putin+xi-jinping"],
    ["والتقى بوتين على هامش أعمال قمة بريكس الرئيس الصيني شي جين بينغ.", "vladimir-putin+xi-jinping"],
  ])("%s → %s", (text, pair) => {
    expect(meetings(text)).toEqual([pair]);
  });

  it("does not make the backdrop summit itself a second meeting", () => {
    expect(meetings("والتقى بوتين على هامش قمة مجموعة العشرين الرئيس الصيني شي جين بينغ.")).toEqual([
      "vladimir-putin+xi-jinping",
    ]);
  });
});

describe("a title followed by a place noun names nobody", () => {
  it.each([
    "وحطت طائرة رئيس الدبلوماسية الروسية بقاعدة سلاح الجو في سوبانغ، قبل أن يعقد لقاء مع نظيره.",
    "واستقبل وزير الدفاع الروسي في مطار العاصمة وفد الصين أمس.",
  ])("%s", (text) => {
    const people = extractEvents({ text, published: PUBLISHED }, gazetteer).flatMap((e) => e.participants);
    expect(people.filter((p) => p.id.startsWith("x-"))).toEqual([]);
  });
});
