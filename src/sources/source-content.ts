import { decodeBody } from "./decode.ts";
import { FeedParseError, type ParsedFeed, parseFeed } from "./feed-parse.ts";

export type SourceContent = { kind: "feed"; feed: ParsedFeed } | { kind: "page"; html: string };

/**
 * What a fetched body is: a feed when it parses as one (whatever the Content-Type says — servers label RSS
 * text/html), else an article page when it is HTML; anything else throws the FeedParseError.
 */
export function readSourceContent(bytes: Uint8Array, contentType: string | null, url: string): SourceContent {
  const text = decodeBody(bytes, contentType ?? undefined);
  try {
    return { kind: "feed", feed: parseFeed(text, url) };
  } catch (error) {
    if (error instanceof FeedParseError && looksLikeHtml(text, contentType))
      return { kind: "page", html: text };
    throw error;
  }
}

function looksLikeHtml(text: string, contentType: string | null): boolean {
  if (contentType && /\b(x?html)\b/i.test(contentType)) return true;
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(text);
}
