import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { z } from "zod";
import { describeError, InputError } from "../errors.ts";
import { decodeBody } from "../sources/decode.ts";
import type { ArticleInput } from "./ingest.ts";

/** One article read from disk, or the reason it could not be read. */
export type ImportItem = { label: string; input: ArticleInput } | { label: string; error: string };

const corpusLine = z.object({
  id: z.string().min(1).optional(),
  url: z.string().optional(),
  source: z.string().optional(),
  published: z.string().nullable().optional(),
  title: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
});

const manifestEntry = z.object({
  file: z.string().min(1),
  id: z.string().optional(),
  url: z.string().optional(),
  source: z.string().optional(),
  published: z.string().nullable().optional(),
  title: z.string().optional(),
});
const manifestSchema = z.union([
  z.array(manifestEntry),
  z.object({ articles: z.array(manifestEntry) }).transform((m) => m.articles),
]);
type ManifestEntry = z.infer<typeof manifestEntry>;

const ARTICLE_EXTENSIONS = new Set([".txt", ".html", ".htm"]);
const MAX_FILE_BYTES = 20_000_000;

/**
 * Reads every article named by the paths: corpus.jsonl files (eval/FORMAT.md), folders of .txt/.html
 * files with an optional manifest.json (url, source, published per file), or single files.
 * A bad line or file becomes an error item; the others are still read.
 */
export function* readImportPaths(paths: string[]): Generator<ImportItem> {
  for (const path of paths) {
    if (!existsSync(path)) {
      yield { label: path, error: "no such file or folder" };
      continue;
    }
    if (statSync(path).isDirectory()) yield* readFolder(path);
    else if (path.endsWith(".jsonl")) yield* readCorpusJsonl(path);
    else yield readArticleFile(path, undefined);
  }
}

function* readCorpusJsonl(path: string): Generator<ImportItem> {
  const lines = readFileSync(path, "utf8").split("\n");
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const label = `${basename(path)}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      yield { label, error: `not valid JSON (${describeError(error)})` };
      continue;
    }
    const parsed = corpusLine.safeParse(json);
    if (!parsed.success) {
      yield {
        label,
        error: `not an article line: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
      };
      continue;
    }
    const a = parsed.data;
    yield {
      label: a.id ? `${label} (${a.id})` : label,
      input: {
        key: a.id,
        url: a.url,
        sourceName: a.source,
        published: a.published,
        title: a.title,
        text: a.text,
        html: a.html,
      },
    };
  }
}

function* readFolder(dir: string): Generator<ImportItem> {
  let manifest = new Map<string, ManifestEntry>();
  const manifestPath = join(dir, "manifest.json");
  if (existsSync(manifestPath)) {
    try {
      const entries = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, "utf8")));
      manifest = new Map(entries.map((e) => [e.file, e]));
    } catch (error) {
      yield { label: manifestPath, error: `manifest ignored: ${describeError(error).slice(0, 300)}` };
    }
  }
  const files = readdirSync(dir)
    .filter((f) => ARTICLE_EXTENSIONS.has(extname(f).toLowerCase()))
    .sort();
  for (const file of files) yield readArticleFile(join(dir, file), manifest.get(file));
}

function readArticleFile(path: string, meta: ManifestEntry | undefined): ImportItem {
  const label = basename(path);
  try {
    const ext = extname(path).toLowerCase();
    if (!ARTICLE_EXTENSIONS.has(ext)) throw new InputError("bad_type", "not a .txt, .html or .jsonl file");
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES)
      throw new InputError("too_large", `file is ${size} bytes, over the ${MAX_FILE_BYTES} limit`);
    const isHtml = ext !== ".txt";
    const content = decodeBody(readFileSync(path), isHtml ? "text/html" : "text/plain");
    if (content.includes("\u0000")) throw new InputError("binary", "file looks binary, not text");
    return {
      label,
      input: {
        key: meta?.id,
        url: meta?.url,
        sourceName: meta?.source,
        published: meta?.published,
        title: meta?.title,
        ...(isHtml ? { html: content } : { text: content }),
      },
    };
  } catch (error) {
    return { label, error: describeError(error) };
  }
}
