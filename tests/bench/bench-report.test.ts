import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { generateArticles } from "../../scripts/bench/generate-corpus.ts";
import { summarizeSamples } from "../../scripts/bench/measure.ts";
import { BEGIN_MARK, END_MARK, writeReport } from "../../scripts/bench/report.ts";
import { loadSharedGazetteer } from "../../src/extraction/shared-gazetteer.ts";

describe("bench tools", () => {
  it.each([
    [[5], { p50: 5, p95: 5, p99: 5, max: 5 }],
    [[4, 1, 3, 2], { p50: 2, p95: 4, p99: 4, max: 4 }],
    [Array.from({ length: 100 }, (_, i) => 100 - i), { p50: 50, p95: 95, p99: 99, max: 100 }],
  ])("takes nearest-rank percentiles of %j", (samples, expected) => {
    expect(summarizeSamples(samples)).toEqual(expected);
  });

  it("replaces only the figures between the markers, and starts a file that has none", () => {
    const dir = mkdtempSync(join(tmpdir(), "rasid-bench-report-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const kept = join(dir, "kept.md");
    writeFileSync(kept, `# Benchmarks\n\nمقدمة.\n\n${BEGIN_MARK}\nold figures\n${END_MARK}\n\n## Findings\n`);
    writeReport(kept, "new figures");
    const text = readFileSync(kept, "utf8");
    expect(text).toContain("مقدمة.");
    expect(text).toContain("## Findings");
    expect(text).toContain("new figures");
    expect(text).not.toContain("old figures");

    const fresh = join(dir, "fresh.md");
    writeReport(fresh, "first figures");
    expect(readFileSync(fresh, "utf8")).toBe(`# Benchmarks\n\n${BEGIN_MARK}\n\nfirst figures\n${END_MARK}\n`);
  });

  it("generates the same Arabic articles for a seed, one at a time", () => {
    const gazetteer = loadSharedGazetteer();
    const first = [...generateArticles(gazetteer, 3, 7)];
    expect([...generateArticles(gazetteer, 3, 7)]).toEqual(first);
    expect(first.map((a) => a.key)).toEqual(["bench-7-0", "bench-7-1", "bench-7-2"]);
    for (const article of first) expect(article.text).toMatch(/[\u0600-\u06FF]{3}/);
    expect([...generateArticles(gazetteer, 3, 8)][0]?.text).not.toBe(first[0]?.text);
  });
});
