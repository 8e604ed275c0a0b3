import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runRasid as rasid } from "./run-rasid.ts";

const SEEDS = join(ROOT, "data", "corpus");

describe("rasid events", () => {
  const db = join(mkdtempSync(join(tmpdir(), "rasid-events-cli-")), "cli.db");

  it("prints the merged events of an entity named in Arabic or English, in the contract's shape", () => {
    expect(rasid(["--db", db, "import", SEEDS]).code).toBe(0);
    const arabic = rasid(["--db", db, "events", "--json", "--entity", "لافروف"]);
    expect(arabic.code).toBe(0);
    const events = JSON.parse(arabic.stdout) as {
      type: string;
      participants: { id: string }[];
      date: string;
    }[];
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.participants.map((p) => p.id)).toContain("sergei-lavrov");
    const english = rasid(["--db", db, "events", "--json", "--entity", "Sergei Lavrov"]);
    expect(JSON.parse(english.stdout)).toEqual(events);
    expect(Object.keys(events[0] ?? {})).toEqual([
      "id",
      "type",
      "participants",
      "date",
      "precision",
      "place",
      "articles",
      "evidence",
    ]);
  });

  it("filters by type and date range, and refuses a malformed date", () => {
    const visits = JSON.parse(
      rasid(["--db", db, "events", "--json", "--type", "visit", "--from", "2024", "--to", "2024-12"]).stdout,
    ) as { type: string; date: string }[];
    expect(visits.length).toBeGreaterThan(0);
    for (const v of visits) {
      expect(v.type).toBe("visit");
      expect(v.date.startsWith("2024")).toBe(true);
    }
    const bad = rasid(["--db", db, "events", "--from", "yesterday"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/YYYY-MM-DD/);
  });
});

describe("rasid eval", () => {
  it("imports a set into a fresh database and prints event figures", () => {
    const dir = mkdtempSync(join(tmpdir(), "rasid-eval-set-"));
    const article = {
      id: "t1",
      url: "https://example.org/t1",
      source: "test",
      published: "2024-06-19T16:00:00+03:00",
      title: "",
      text: "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي اليوم الأربعاء في بكين.",
    };
    writeFileSync(join(dir, "corpus.jsonl"), `${JSON.stringify(article)}\n`);
    const gold = {
      events: [
        {
          id: "e1",
          type: "meeting",
          participants: [
            ["Sergei Lavrov", "لافروف"],
            ["Wang Yi", "وانغ يي"],
          ],
          dates: ["2024-06-19"],
          precision: "day",
          place: ["Beijing", "بكين"],
          articles: ["t1"],
          hard: false,
        },
      ],
      questions: [],
    };
    writeFileSync(join(dir, "gold.json"), JSON.stringify(gold));
    const { code, stdout } = rasid(["eval", "--json", dir]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      events: { f1: number; dateAccuracy: number; placeAccuracy: number };
    };
    expect(report.events).toMatchObject({ f1: 1, dateAccuracy: 1, placeAccuracy: 1 });
  });

  it("says what is missing when the folder is not a set", () => {
    const { code, stderr } = rasid(["eval", mkdtempSync(join(tmpdir(), "rasid-empty-"))]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/corpus\.jsonl is missing/);
  });
});
