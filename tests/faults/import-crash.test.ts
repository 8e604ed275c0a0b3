import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

/** A corpus.jsonl of n distinct articles long enough that importing it takes a while. */
function writeCorpus(dir: string, name: string, n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const paragraph = `التقى وزير الخارجية الروسي نظيره في العاصمة في اللقاء رقم ${name}-${i}، وبحث الجانبان التعاون الثنائي والملفات الإقليمية.`;
    lines.push(
      JSON.stringify({
        id: `${name}${i}`,
        url: `https://load.example/${name}/${i}`,
        source: "Load",
        published: "2024-06-19T14:05:00+03:00",
        title: `خبر ${name} ${i}`,
        text: Array.from({ length: 12 }, () => paragraph).join("\n\n"),
      }),
    );
  }
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

function startImport(db: string, corpus: string): ChildProcess {
  return spawn(process.execPath, [join(ROOT, "bin", "rasid.js"), "--db", db, "import", corpus], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

function countArticles(path: string): { total: number; uniq: number } {
  const db = new Database(path, { readonly: true });
  db.pragma("busy_timeout = 10000");
  try {
    return db.prepare("SELECT count(*) AS total, count(DISTINCT url) AS uniq FROM articles").get() as {
      total: number;
      uniq: number;
    };
  } finally {
    db.close();
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("import under faults", () => {
  it("survives being killed mid-import: intact database, no duplicate, the rerun completes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rasid-crash-"));
    const db = join(dir, "crash.db");
    const corpus = writeCorpus(dir, "k", 600);

    const child = startImport(db, corpus);
    const done = exited(child);
    await waitFor(() => {
      try {
        return countArticles(db).total >= 20;
      } catch {
        return false; // the file or its tables do not exist yet
      }
    }, 60_000);
    child.kill("SIGKILL");
    await done;

    const partial = countArticles(db);
    expect(partial.total).toBeLessThan(600);
    const check = new Database(db);
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    const fts = check.prepare("SELECT count(*) AS n FROM articles_fts").get() as { n: number };
    expect(fts.n).toBe(partial.total); // every stored article has exactly its index entry
    check.close();

    const rerun = await exited(startImport(db, corpus));
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`skipped ${partial.total} already stored`);
    expect(countArticles(db)).toEqual({ total: 600, uniq: 600 });
  }, 120_000);

  it("lets two imports write to one database at once without 'database is locked'", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rasid-concurrent-"));
    const db = join(dir, "shared.db");
    const a = writeCorpus(dir, "a", 150);
    const b = writeCorpus(dir, "b", 150);
    const [ra, rb] = await Promise.all([exited(startImport(db, a)), exited(startImport(db, b))]);
    expect(`${ra.stderr}${rb.stderr}`).toBe("");
    for (const run of [ra, rb])
      expect(run.stdout).toContain("Imported 150 article(s), skipped 0 already stored, 0 failed.");
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect(countArticles(db)).toEqual({ total: 300, uniq: 300 });
  }, 120_000);
});
