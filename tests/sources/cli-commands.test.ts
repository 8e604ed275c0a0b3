import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "./local-server.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const run = promisify(execFile);

// The server runs in this process, so the CLI must be spawned asynchronously (spawnSync would block it).
async function rasid(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, "bin", "rasid.js"), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const FEED = `<rss version="2.0"><channel><title>أخبار كوريا</title>
<item><title>لافروف يصل إلى وونسان</title><link>/ar/1</link><pubDate>Sat, 12 Jul 2025 10:30:00 +0300</pubDate>
<description>وصل وزير الخارجية الروسي سيرغي لافروف إلى مدينة وونسان الساحلية حيث التقى كيم جونغ أون.</description></item>
<item><title>شويغو في بيونغ يانغ</title><link>/ar/2</link><pubDate>Wed, 04 Jun 2025 08:00:00 GMT</pubDate>
<description>زار أمين مجلس الأمن الروسي سيرغي شويغو بيونغ يانغ وأجرى محادثات مع كيم جونغ أون.</description></item>
</channel></rss>`;

let server: LocalServer;
const dir = mkdtempSync(join(tmpdir(), "rasid-sources-cli-"));
const env = { RASID_DB: join(dir, "cli.db"), ALLOW_PRIVATE_SOURCES: "true" };

beforeAll(async () => {
  server = await startLocalServer({
    "/rss": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(FEED),
    "/down": (_req, res) => res.writeHead(503).end(),
  });
});

afterAll(() => server.close());

describe("rasid feed", () => {
  it("prints the contract's JSON for a URL, links resolved against it", async () => {
    const { code, stdout } = await rasid(["feed", server.url("/rss"), "--json"], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      format: "rss",
      title: "أخبار كوريا",
      items: [
        {
          title: "لافروف يصل إلى وونسان",
          link: server.url("/ar/1"),
          published: "2025-07-12T07:30:00Z",
          summary: "وصل وزير الخارجية الروسي سيرغي لافروف إلى مدينة وونسان الساحلية حيث التقى كيم جونغ أون.",
        },
        {
          title: "شويغو في بيونغ يانغ",
          link: server.url("/ar/2"),
          published: "2025-06-04T08:00:00Z",
          summary: "زار أمين مجلس الأمن الروسي سيرغي شويغو بيونغ يانغ وأجرى محادثات مع كيم جونغ أون.",
        },
      ],
    });
  });

  it("reads a file, with --base for its relative links", async () => {
    const file = join(dir, "feed.xml");
    writeFileSync(file, FEED);
    const { stdout } = await rasid(["feed", file, "--json", "--base", "https://news.example.com/rss"]);
    expect(JSON.parse(stdout).items[0].link).toBe("https://news.example.com/ar/1");
  });

  it("exits non-zero with a one-line reason for something that is not a feed", async () => {
    const file = join(dir, "page.html");
    writeFileSync(file, "<!doctype html><html><body>الصفحة الرئيسية</body></html>");
    const { code, stdout, stderr } = await rasid(["feed", file, "--json"]);
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/Not a feed: this is an HTML page/);
  });
});

describe("rasid sources and rasid fetch", () => {
  it("adds, refuses a duplicate, fetches once, lists, pauses and removes", async () => {
    const added = await rasid(["sources", "add", server.url("/rss"), "--name", "أخبار"], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Added source #1 أخبار \(rss feed, 2 item\(s\)\)/);

    const duplicate = await rasid(["sources", "add", `${server.url("/rss")}/`], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already source #1/);

    const down = await rasid(["sources", "add", server.url("/down")], env);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/answered 503/);

    const first = JSON.parse((await rasid(["fetch", "--json"], env)).stdout);
    expect(first).toMatchObject({ added: 2, skipped: 0, failed: 0 });
    expect(first.sources[0]).toMatchObject({ sourceId: 1, name: "أخبار", added: 2, errors: [] });
    const second = JSON.parse((await rasid(["fetch", "--json"], env)).stdout);
    expect(second).toMatchObject({ added: 0, skipped: 2 });

    const listed = JSON.parse((await rasid(["sources", "list", "--json"], env)).stdout);
    expect(listed).toEqual([
      expect.objectContaining({
        id: 1,
        url: server.url("/rss"),
        name: "أخبار",
        status: "active",
        itemsTotal: 2,
      }),
    ]);

    expect((await rasid(["sources", "pause", "1"], env)).stdout).toMatch(/#1 أخبار is now paused/);
    expect(JSON.parse((await rasid(["fetch", "--json"], env)).stdout).sources).toEqual([]);
    expect((await rasid(["sources", "remove", "1"], env)).stdout).toMatch(/Removed source #1/);
    expect(JSON.parse((await rasid(["sources", "list", "--json"], env)).stdout)).toEqual([]);
  });

  it("refuses a loopback source unless ALLOW_PRIVATE_SOURCES is set", async () => {
    const { code, stderr } = await rasid(["sources", "add", server.url("/rss")], {
      RASID_DB: join(dir, "strict.db"),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/private, loopback or reserved address/);
  });

  it.each([
    [["sources"], /missing action/],
    [["sources", "remove", "abc"], /source's number/],
    [["sources", "add"], /Which URL/],
  ])("usage error for %j", async (args, message) => {
    const { code, stderr } = await rasid(args, env);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
