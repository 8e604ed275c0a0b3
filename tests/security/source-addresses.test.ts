import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/bot/logger.ts";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/open.ts";
import { type Server, type ServerOptions, startServer } from "../../src/main.ts";
import { fetchSource } from "../../src/sources/http-fetch.ts";
import { listSources } from "../../src/sources/source-store.ts";
import { type BotApiStandIn, makeTextMessage, startBotApiStandIn } from "../faults/bot-api-stand-in.ts";
import { startRasid } from "../faults/rasid-process.ts";
import { type LocalServer, startLocalServer } from "../sources/local-server.ts";

/**
 * A source URL comes from a chat message or the command line, so /addsource and `rasid sources add` must not
 * make the server fetch anything but public http(s) sites: no other scheme, no private, loopback or
 * link-local address — judged after DNS resolution and again at every redirect — unless the operator sets
 * ALLOW_PRIVATE_SOURCES=true. Nothing refused is stored, and no request reaches the address.
 */

const TOKEN = "777004:source-addresses";
const ADMIN = 41;
const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>وكالة محلية</title>
<item><title>لافروف في بيونغ يانغ</title><link>https://news.example/1</link></item></channel></rss>`;

let feed: LocalServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rasid-source-addresses-"));
  feed = await startLocalServer({
    "/rss": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(FEED),
    "/to-metadata": (_req, res) =>
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    "/to-private": (_req, res) => res.writeHead(301, { location: "http://10.0.0.7/rss" }).end(),
    "/to-loopback-v6": (req, res) =>
      res.writeHead(307, { location: `http://[::1]:${req.socket.localPort}/rss` }).end(),
    "/to-file": (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
  });
});

afterAll(async () => {
  await feed.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Addresses refused however they are written; `port` is the test server's, which must see no request. */
const REFUSED: [string, (port: string) => string, RegExp][] = [
  ["ftp", () => "ftp://example.com/rss.xml", /not an http:\/\/ or https:\/\/ address/],
  ["file", () => "file:///etc/passwd", /not an http:\/\/ or https:\/\/ address/],
  ["javascript", () => "javascript:alert(1)", /not an http:\/\/ or https:\/\/ address/],
  ["loopback", (port) => `http://127.0.0.1:${port}/rss`, /127\.0\.0\.1, a private, loopback or reserved/],
  ["loopback by name (after DNS)", (port) => `http://localhost:${port}/rss`, /\(localhost\), a private/],
  ["loopback in hex", (port) => `http://0x7f000001:${port}/rss`, /127\.0\.0\.1, a private/],
  ["IPv6 loopback", (port) => `http://[::1]:${port}/rss`, /::1, a private/],
  ["IPv4-mapped IPv6 loopback", (port) => `http://[::ffff:127.0.0.1]:${port}/rss`, /a private/],
  ["link-local metadata", () => "http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254, a private/],
  ["private network", () => "http://192.168.1.1/rss", /192\.168\.1\.1, a private/],
  ["IPv6 unique local", () => "http://[fd00::1]/rss", /fd00::1, a private/],
];

function portOf(server: LocalServer): string {
  return new URL(server.url("/")).port;
}

describe("/addsource (the bot, wired as rasid serve wires it)", () => {
  let api: BotApiStandIn;

  beforeAll(async () => {
    api = await startBotApiStandIn();
  });
  afterAll(() => api.close());

  async function startBot(env: Record<string, string>, options: ServerOptions = {}): Promise<Server> {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      ADMIN_IDS: String(ADMIN),
      ...env,
    });
    return startServer(config, {
      db: openDatabase(":memory:"),
      schedule: false,
      emptyPollDelayMs: 50,
      log: createLogger({ level: "error", write: () => undefined }),
      ...options,
    });
  }

  async function addSourceAsAdmin(server: Server, url: string): Promise<string> {
    const before = api.received.length;
    await server.bot.handleUpdate(makeTextMessage(ADMIN, `/addsource ${url}`) as never);
    return api.received
      .slice(before)
      .map((m) => m.text)
      .join("\n");
  }

  describe("with ALLOW_PRIVATE_SOURCES unset", () => {
    let server: Server;
    beforeAll(async () => {
      server = await startBot({});
    });
    afterAll(() => server.stop());

    it.each(REFUSED)("refuses %s and stores nothing", async (_label, url, reason) => {
      const requests = feed.requests.length;
      const reply = await addSourceAsAdmin(server, url(portOf(feed)));
      expect(reply).toMatch(/^The source was not added: /);
      expect(reply).toMatch(reason);
      expect(listSources(server.db)).toEqual([]);
      expect(feed.requests.length).toBe(requests);
    });
  });

  describe("with only the test server's own address allowed", () => {
    let server: Server;
    beforeAll(async () => {
      // The test server is on loopback too: let exactly it through, so the redirects are what is judged.
      server = await startBot(
        {},
        {
          fetch: (url, cursor) =>
            fetchSource(url, {
              ...cursor,
              timeoutMs: 5000,
              maxBytes: 1_000_000,
              allowPrivate: false,
              isAllowedAddress: (address) => address === "127.0.0.1",
            }),
        },
      );
    });
    afterAll(() => server.stop());

    it.each([
      ["/to-metadata", /redirected to http:\/\/169\.254\.169\.254\/latest\/meta-data\/\) points to 169\.254/],
      ["/to-private", /points to 10\.0\.0\.7/],
      ["/to-loopback-v6", /points to ::1/],
      ["/to-file", /only http:\/\/ and https:\/\/ sources/],
    ])("refuses a source whose redirect %s leads to a forbidden place", async (path, reason) => {
      const reply = await addSourceAsAdmin(server, feed.url(path));
      expect(reply).toMatch(/^The source was not added: /);
      expect(reply).toMatch(reason);
      expect(listSources(server.db)).toEqual([]);
    });

    it("still adds the allowed feed (the refusals above are about the redirects)", async () => {
      expect(await addSourceAsAdmin(server, feed.url("/rss"))).toMatch(
        /^Added source #1 <b>وكالة محلية<\/b>/,
      );
    });
  });

  describe("with ALLOW_PRIVATE_SOURCES=true", () => {
    let server: Server;
    beforeAll(async () => {
      server = await startBot({ ALLOW_PRIVATE_SOURCES: "true" });
    });
    afterAll(() => server.stop());

    it("adds a loopback feed", async () => {
      expect(await addSourceAsAdmin(server, feed.url("/rss"))).toMatch(
        /^Added source #1 <b>وكالة محلية<\/b>/,
      );
      expect(listSources(server.db).map((s) => s.url)).toEqual([feed.url("/rss")]);
    });

    it("still refuses other schemes", async () => {
      expect(await addSourceAsAdmin(server, "ftp://example.com/rss.xml")).toMatch(/not an http:\/\//);
    });
  });
});

describe("rasid sources add (the command line)", () => {
  const env = (name: string, allow?: string): Record<string, string> => ({
    RASID_DB: join(dir, `${name}.db`),
    ...(allow ? { ALLOW_PRIVATE_SOURCES: allow } : {}),
  });

  it.each(
    REFUSED.filter(([label]) =>
      ["ftp", "loopback", "loopback by name (after DNS)", "link-local metadata", "IPv6 loopback"].includes(
        label,
      ),
    ),
  )("refuses %s, exits 1 and stores nothing", async (label, url, reason) => {
    const requests = feed.requests.length;
    const db = env(`refused-${label.replace(/\W+/g, "-")}`);
    const run = startRasid(["sources", "add", url(portOf(feed))], db);
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/^rasid: source not added: /);
    expect(run.output()).toMatch(reason);
    expect(feed.requests.length).toBe(requests);
    const stored = openDatabase(db.RASID_DB as string);
    expect(listSources(stored)).toEqual([]);
    stored.close();
  });

  it.each([["false"], ["0"]])("refuses loopback with ALLOW_PRIVATE_SOURCES=%s", async (allow) => {
    const run = startRasid(["sources", "add", feed.url("/rss")], env(`strict-${allow}`, allow));
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/ALLOW_PRIVATE_SOURCES=true/);
  });

  it("adds the loopback feed with ALLOW_PRIVATE_SOURCES=true", async () => {
    const run = startRasid(["sources", "add", feed.url("/rss")], env("allowed", "true"));
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toMatch(/Added source #1 وكالة محلية/);
  });
});
