import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";
import { addSource } from "../../src/sources/source-store.ts";
import { type LocalServer, startLocalServer } from "../sources/local-server.ts";
import { type BotApiStandIn, makeTextMessage, startBotApiStandIn } from "./bot-api-stand-in.ts";
import { type RasidProcess, startRasid, waitUntil } from "./rasid-process.ts";

/**
 * `rasid import` writing while `rasid serve` polls a feed into the same database: WAL lets both go on and
 * the busy time-out makes each writer wait its turn, so neither fails with "database is locked".
 */

const TOKEN = "777002:import-while-serving-token";
const ADMIN = 31;
const PER_POLL = 25;
const IMPORTED = 800;

const PARAGRAPH =
  "التقى وزير الخارجية الروسي سيرغي لافروف في بيونغ يانغ الزعيم الكوري الشمالي كيم جونغ أون، وبحث الجانبان " +
  "التعاون العسكري والاقتصادي بين البلدين والملفات الإقليمية.";

/** Every request gets PER_POLL items never served before, so each poll writes. */
function renderFreshFeed(round: number): string {
  const published = new Date(Date.now() - 3_600_000).toUTCString();
  const items = Array.from(
    { length: PER_POLL },
    (_, i) =>
      `<item><title>جولة ${round} خبر ${i}</title><link>https://poll.example/${round}/${i}</link>` +
      `<pubDate>${published}</pubDate><description>${PARAGRAPH} (${round}-${i})</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>وكالة</title>${items.join("")}</channel></rss>`;
}

function writeCorpus(path: string): void {
  const lines = Array.from({ length: IMPORTED }, (_, i) =>
    JSON.stringify({
      url: `https://import.example/${i}`,
      source: "Import",
      published: "2024-06-19T14:05:00+03:00",
      title: `خبر مستورد ${i}`,
      text: Array.from({ length: 8 }, () => `${PARAGRAPH} (${i})`).join("\n\n"),
    }),
  );
  writeFileSync(path, `${lines.join("\n")}\n`);
}

describe("rasid import while rasid serve is polling", () => {
  let dir: string;
  let feed: LocalServer;
  let api: BotApiStandIn;
  let served = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rasid-import-serve-"));
    feed = await startLocalServer({
      "/rss": (_req, res) =>
        res.writeHead(200, { "content-type": "application/rss+xml" }).end(renderFreshFeed(++served)),
    });
    api = await startBotApiStandIn();
    const db = openDatabase(join(dir, "rasid.db"));
    addSource(db, { url: feed.url("/rss"), name: "وكالة" }, new Date());
    db.close();
    writeCorpus(join(dir, "corpus.jsonl"));
  });

  afterAll(async () => {
    await api?.close();
    await feed?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("both write to one database, with no 'database is locked' and nothing lost", async () => {
    const dbPath = join(dir, "rasid.db");
    const serve = startRasid(["serve"], {
      RASID_DB: dbPath,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      ADMIN_IDS: String(ADMIN),
      ALLOW_PRIVATE_SOURCES: "true",
    });
    let importer: RasidProcess | null = null;
    let importDone = false;
    const reportsDuringImport: string[] = [];
    // The admin asks for another poll each time the last one reports, for as long as the import runs.
    api.onMessage = ({ text }) => {
      if (!text.startsWith("Read ")) return;
      if (importer && !importDone) reportsDuringImport.push(text);
      if (!importDone) api.pushUpdate(makeTextMessage(ADMIN, "/fetchnow"));
    };
    try {
      await waitUntil(() => serve.output().includes("is running as @"), "serve to start");
      api.pushUpdate(makeTextMessage(ADMIN, "/fetchnow"));
      await waitUntil(() => served >= 2, "the first polls");

      importer = startRasid(["--db", dbPath, "import", join(dir, "corpus.jsonl")], {});
      const code = await importer.exited;
      importDone = true;
      expect(importer.output()).toContain(
        `Imported ${IMPORTED} article(s), skipped 0 already stored, 0 failed.`,
      );
      expect(code).toBe(0);
      expect(reportsDuringImport.length).toBeGreaterThanOrEqual(2);
      for (const report of reportsDuringImport) expect(report).toContain("0 source(s) failed");
      // The poll in progress when the import ended finishes before serve stops.
      const polls = served;
      await waitUntil(
        () => api.received.filter((m) => m.text.startsWith("Read ")).length >= polls - 1,
        "the last poll's report",
      );
    } finally {
      serve.child.kill("SIGTERM");
    }
    expect(await serve.exited).toBe(0);
    expect(`${serve.output()}${importer?.output()}`).not.toMatch(/locked|SQLITE_BUSY/i);

    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const counts = db
      .prepare(
        `SELECT count(*) AS total, count(DISTINCT url) AS urls,
                sum(url LIKE 'https://import.example/%') AS imported FROM articles`,
      )
      .get() as { total: number; urls: number; imported: number };
    db.close();
    expect(counts.imported).toBe(IMPORTED);
    expect(counts.urls).toBe(counts.total);
    // Every item of every poll that answered was stored.
    expect(counts.total).toBe(IMPORTED + served * PER_POLL);
  }, 90_000);
});
