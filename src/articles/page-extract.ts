import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { InputError } from "../errors.ts";

export interface ExtractedPage {
  title: string;
  text: string;
  /** ISO 8601 as the page declared it, or null. */
  published: string | null;
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
];

/**
 * The article of an HTML page: Mozilla's Readability (the Firefox reader view) on a light DOM, with block
 * elements turned into lines so the cleaner sees paragraphs, and the publication date from meta tags or
 * JSON-LD.
 */
export function extractArticleFromHtml(html: string, url?: string): ExtractedPage {
  const { document } = parseHTML(wrapFragment(html));
  const published = findPublishedDate(document);
  const fallbackTitle = document.querySelector("title")?.textContent?.trim() ?? "";
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const text = article?.content ? htmlToText(article.content) : "";
  if (!text.trim()) {
    throw new InputError("empty_article", `No article text found in the page${url ? ` ${url}` : ""}.`);
  }
  return {
    title: (article?.title ?? fallbackTitle).trim(),
    text,
    published: published ?? article?.publishedTime ?? null,
  };
}

/**
 * A whole document for linkedom, which makes the first element of a fragment (a saved <p>…</p>, a page cut
 * without its <html>) the document element and leaves the body empty, so Readability would find nothing.
 */
function wrapFragment(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  const inner = html.replace(/^\s*<!doctype[^>]*>/i, "");
  return /<(head|body)[\s>]/i.test(inner)
    ? `<!doctype html><html>${inner}</html>`
    : `<!doctype html><html><body>${inner}</body></html>`;
}

function findPublishedDate(document: ReturnType<typeof parseHTML>["document"]): string | null {
  for (const selector of DATE_META) {
    const content = document.querySelector(selector)?.getAttribute("content");
    if (content && !Number.isNaN(Date.parse(content))) return content.trim();
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const found = findDateInJsonLd(script.textContent ?? "");
    if (found) return found;
  }
  const time = document.querySelector("time[datetime]")?.getAttribute("datetime");
  return time && !Number.isNaN(Date.parse(time)) ? time : null;
}

function findDateInJsonLd(source: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return null; // a broken JSON-LD block is common and not worth failing the page for
  }
  const stack = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      const value = record.datePublished ?? record.dateCreated;
      if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return value;
      stack.push(...Object.values(record));
    }
  }
  return null;
}

/** Text of an HTML fragment with one line per block element. */
export function htmlToText(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  for (const br of document.querySelectorAll("br")) br.replaceWith("\n");
  for (const block of document.querySelectorAll(
    "p, div, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, tr",
  )) {
    block.prepend("\n");
    block.append("\n");
  }
  return (document.body?.textContent ?? "")
    .split("\n")
    .map((line: string) => line.replace(/\s+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
