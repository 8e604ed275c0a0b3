import iconv from "iconv-lite";

/**
 * Turns fetched bytes into text. The charset is taken, in order, from a byte-order mark, the HTTP
 * Content-Type, the XML declaration or an HTML <meta>; a declared UTF-8 that is not valid UTF-8 is
 * ignored (servers often lie). Without a usable declaration: UTF-8 when the bytes are valid UTF-8,
 * else the single-byte charset whose decoding reads most like words, windows-1256 on a tie because it is
 * the usual legacy charset of Arabic news sites.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  const bom = detectBom(bytes);
  if (bom) return iconv.decode(bytes.subarray(bom.length), bom.charset);

  for (const label of [charsetFromContentType(contentType), charsetFromDocument(bytes)]) {
    const charset = label ? resolveCharset(label) : null;
    if (!charset) continue;
    if (charset === "utf-8") {
      const text = decodeUtf8Strict(bytes);
      if (text !== null) return text;
      continue;
    }
    return iconv.decode(bytes, charset);
  }

  return decodeUtf8Strict(bytes) ?? decodeSniffed(bytes);
}

/** Extracts the charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1] ?? null;
}

// Single-byte charsets tried when nothing is declared, first wins a tie; ISO-8859-6 is left out because its
// Arabic letters also decode as (wrong) Arabic letters under windows-1256, so only a declaration can tell.
const SNIFF_CANDIDATES = ["windows-1256", "windows-1255", "koi8-r", "windows-1251", "windows-1252"] as const;
type SniffCharset = (typeof SNIFF_CANDIDATES)[number];

const SCRIPT_OF: Record<SniffCharset, RegExp> = {
  "windows-1256": /\p{Script=Arabic}/u,
  "windows-1255": /\p{Script=Hebrew}/u,
  "koi8-r": /\p{Script=Cyrillic}/u,
  "windows-1251": /\p{Script=Cyrillic}/u,
  "windows-1252": /\p{Script=Latin}/u,
};

const BOMS: { bytes: number[]; charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: "utf-8" },
  { bytes: [0xff, 0xfe], charset: "utf-16le" },
  { bytes: [0xfe, 0xff], charset: "utf-16be" },
];

function detectBom(bytes: Uint8Array): { length: number; charset: string } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return { length: bom.bytes.length, charset: bom.charset };
  }
  return null;
}

/** Looks for an XML declaration encoding or an HTML meta charset in the first 2 KB (read as ASCII). */
function charsetFromDocument(bytes: Uint8Array): string | null {
  const head = iconv.decode(bytes.subarray(0, 2048), "latin1");
  const xml = /<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return xml[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head);
  return meta?.[1] ?? null;
}

/** Maps a declared label to an iconv-lite name; ISO-8859-1 and ASCII mean windows-1252 as browsers do. */
function resolveCharset(label: string): string | null {
  const name = label.trim().toLowerCase();
  if (["iso-8859-1", "latin1", "us-ascii", "ascii", "iso8859-1"].includes(name)) return "windows-1252";
  if (name === "utf8" || name === "utf-8") return "utf-8";
  return iconv.encodingExists(name) ? name : null;
}

function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeSniffed(bytes: Uint8Array): string {
  let best: { text: string; score: number } | null = null;
  for (const charset of SNIFF_CANDIDATES) {
    const text = iconv.decode(bytes, charset);
    const score = scoreDecoding(text, charset);
    if (!best || score > best.score) best = { text, score };
  }
  return best?.text ?? "";
}

/**
 * Rates how plausible a decoding is from its words that contain non-ASCII letters: a word scores when all its
 * letters belong to the charset's script (Latin words must also contain an ASCII letter, because Arabic or
 * Cyrillic bytes read as windows-1252 become whole words of accented letters), and for cased scripts when
 * its case pattern is natural (koi8-r read as windows-1251 gives "лБЛ"-like words).
 */
function scoreDecoding(text: string, charset: SniffCharset): number {
  const script = SCRIPT_OF[charset];
  let score = 0;
  for (const word of text.match(/[\p{L}\p{M}\uFFFD]+/gu) ?? []) {
    const letters = word.replace(/\p{M}/gu, "");
    if (!/[^A-Za-z]/.test(letters)) continue;
    const foreign = [...letters].filter((ch) => /[^A-Za-z]/.test(ch) && !script.test(ch)).length;
    const hasAscii = /[A-Za-z]/.test(letters);
    const coherent = foreign === 0 && (charset === "windows-1252" ? hasAscii : !hasAscii);
    score += coherent ? letters.length * caseWeight(letters) : -letters.length;
  }
  return score;
}

function caseWeight(word: string): number {
  const rest = word.slice(1);
  if (rest === rest.toLowerCase()) return 1;
  if (word === word.toUpperCase()) return 0.5;
  return -1;
}
