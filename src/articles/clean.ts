import { normalizeArabic } from "../text/normalize.ts";

/**
 * Removes the boilerplate that scraped Arabic news carries around the article body. The rules look at
 * structure and at markers common across outlets, never at a particular site's exact lines:
 *  - a short line that opens a related-articles, tags or comments block ends the body: everything after it
 *    is dropped (مقالات ذات صلة، اخترنا لك، كلمات دلالية، اترك تعليقاً …); so does a source credit line
 *    (المصدر: الجزيرة), after which aggregators paste the next story;
 *  - a "read also" line (اقرأ أيضاً / إقرأ أيضا) is dropped with its teaser, wherever it stands;
 *  - embedded tweets (a pic.twitter.com / t.co line, "— Name (@handle) date"), hashtag lines, share and
 *    back-to-top buttons are dropped;
 *  - a photo caption repeated on consecutive lines is dropped; any other repeated line is kept once.
 */

// Normalized forms (see normalizeArabic): ة→ه, أ/إ→ا, ى→ي, tanween removed.
const END_OF_BODY = [
  /^(مقالات|اخبار|مواضيع|موضوعات|مواد|قصص|روابط|تقارير) (مشابهه|ذات صله|متعلقه|مقترحه|اخري)/,
  /^(الاكثر|الأكثر) (قراءه|مشاهده)/,
  /^اخترنا لك/,
  /^(كلمات دلاليه|الكلمات الدلاليه|الوسوم|وسوم|تاغز)(?!\p{L})/u,
  /^(اترك|اكتب|أضف|اضف) (تعليقا|تعليقك|ردا)/,
  /^هل ترغب (بالتعليق|في التعليق)/,
  /^لن يتم نشر عنوان بريدك/,
  /^(التعليقات|تعليقات القراء)$/,
  /^(المصدر|المصادر|source)\s*:/,
  /^(related|read more|more from|you may also like|comments?)(?!\p{L})/u,
];

const READ_ALSO = /^(اقرا|واقرا|شاهد|طالع) (ايضا|كذلك)(?!\p{L})|^(read also|see also)(?!\p{L})/u;

const NOISE_LINE = [
  /pic\.twitter\.com\//i,
  /^(تغريده|تدوينه|منشور) (مضمنه|مدمجه)/,
  /^https?:\/\/t\.co\//i,
  /^[—–-]\s*.{1,80}\(@\w{1,30}\)\s+\S+\s+\d{1,2},?\s+\d{4}$/,
  /^(زر الذهاب الي الاعلي|العوده الي الاعلي|الي الاعلي|شارك|مشاركه|شارك المقال|شارك الخبر|طباعه|تابعونا|تابعنا علي)(?!\p{L}).{0,40}$/u,
  /^(share|tweet|print|back to top)(?!\p{L}).{0,30}$/u,
];

const BULLET = /^\s*[•·●▪◦*-]\s*/;
const MAX_MARKER_WORDS = 8;

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

function isHashtagLine(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean);
  const tags = words.filter((w) => w.includes("#")).length;
  return tags >= 2 && tags * 3 >= words.length;
}

/** The article body without boilerplate, paragraphs separated by blank lines. */
export function cleanArticleText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  const seen = new Set<string>();
  let skipTeaser = false;

  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? "").trim();
    const line = raw.replace(BULLET, "").trim();
    if (!line) {
      kept.push("");
      continue;
    }
    const norm = normalizeArabic(line)
      .replace(/[:：.!…]+$/, "")
      .trim();
    const short = wordCount(line) <= MAX_MARKER_WORDS;

    if (short && END_OF_BODY.some((re) => re.test(norm))) break;
    if (READ_ALSO.test(norm)) {
      // "اقرأ أيضاً: <teaser>" carries its teaser on the line; a bare marker announces the next line(s).
      skipTeaser = norm.replace(READ_ALSO, "").replace(/^[\s:]+/, "") === "";
      continue;
    }
    if (skipTeaser) {
      if (BULLET.test(raw) || short) continue;
      skipTeaser = false;
    }
    if (NOISE_LINE.some((re) => re.test(norm) || re.test(line)) || isHashtagLine(line)) continue;

    const next = normalizeArabic((lines[i + 1] ?? "").replace(BULLET, "").trim());
    if (next === normalizeArabic(line) && wordCount(line) <= 30) {
      i++; // a caption printed twice (image alt + figcaption): drop both copies
      continue;
    }
    if (seen.has(norm)) continue;
    seen.add(norm);
    kept.push(line);
  }
  return kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The headline when the feed or corpus gave none: a short first line without a full stop. */
export function guessTitle(text: string): string {
  const first = text.trim().split("\n")[0]?.trim() ?? "";
  return first && wordCount(first) <= 20 && !/[.!؟?]$/.test(first) ? first : "";
}
