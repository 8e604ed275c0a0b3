import { readFileSync } from "node:fs";
import { UsageError } from "../../errors.ts";
import { decodeBody } from "../../sources/decode.ts";
import { parseFeed } from "../../sources/feed-parse.ts";
import { fetchSource } from "../../sources/http-fetch.ts";
import { readFetchLimits } from "../../sources/source-fetcher.ts";
import type { CliContext } from "../context.ts";
import { readArgs } from "../read-args.ts";

export const usage =
  "rasid feed FILE_OR_URL [--json] [--base URL]   parse one feed without storing it (--base resolves a file's relative links)";

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals: inputs } = readArgs(
    args,
    { json: { type: "boolean" }, base: { type: "string" } },
    usage,
  );
  const json = values.json === true;
  const base = values.base;
  const [input] = inputs;
  if (!input || inputs.length > 1) throw new UsageError(`Give one feed file or URL. Usage: ${usage}`);

  const { text, url } = /^https?:\/\//i.test(input) ? await download(input, ctx) : readLocal(input);
  const feed = parseFeed(text, base ?? url);
  const items = feed.items.map((item) => ({
    title: item.title || null,
    link: item.link,
    published: item.published,
    summary: item.summary || null,
  }));

  if (json) {
    ctx.stdout(JSON.stringify({ format: feed.format, title: feed.title, items }, null, 2));
    return 0;
  }
  ctx.stdout(`${feed.title || "(untitled feed)"} — ${feed.format}, ${items.length} item(s)`);
  for (const item of items) {
    ctx.stdout(
      `  ${item.published ?? "(no date)"}  ${item.title ?? "(no title)"}\n      ${item.link ?? "(no link)"}`,
    );
  }
  return 0;
}

async function download(url: string, ctx: CliContext): Promise<{ text: string; url: string }> {
  const result = await fetchSource(url, readFetchLimits(ctx.config));
  if (result.status !== "ok")
    throw new UsageError(`${url} answered 304 Not Modified to an unconditional request.`);
  return { text: decodeBody(result.bytes, result.contentType ?? undefined), url: result.finalUrl };
}

function readLocal(path: string): { text: string; url: undefined } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(
      code === "ENOENT" ? `No such file: ${path}` : `Cannot read ${path} (${code ?? String(error)}).`,
    );
  }
  return { text: decodeBody(bytes), url: undefined };
}
