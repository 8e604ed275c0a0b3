import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { charsetFromContentType, decodeBody } from "../../src/sources/decode.ts";

const ARABIC = "التقى الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون في بيونغ يانغ";
const RUSSIAN = "Лавров прибыл в Пхеньян для переговоров с руководством КНДР";
const HEBREW = "האם תדפיס נייר של אתר אינטרנט";
const PORTUGUESE = "Mãe de utente é a nova presidente da Raríssimas";

function rss(title: string, declaration = ""): string {
  return `${declaration}<rss version="2.0"><channel><item><title>${title}</title></item></channel></rss>`;
}

describe("decodeBody", () => {
  it.each([
    ["UTF-8 without any declaration", new TextEncoder().encode(rss(ARABIC)), undefined, ARABIC],
    [
      "windows-1256 named in Content-Type",
      iconv.encode(rss(ARABIC), "windows-1256"),
      "text/xml; charset=windows-1256",
      ARABIC,
    ],
    [
      "windows-1256 named in the XML declaration",
      iconv.encode(rss(ARABIC, '<?xml version="1.0" encoding="windows-1256"?>'), "windows-1256"),
      "application/rss+xml",
      ARABIC,
    ],
    [
      "ISO-8859-6 named in the XML declaration",
      iconv.encode(rss(ARABIC, "<?xml version='1.0' encoding='ISO-8859-6'?>"), "iso-8859-6"),
      undefined,
      ARABIC,
    ],
    [
      "windows-1256 in an HTML meta charset",
      iconv.encode(
        `<html><head><meta charset="windows-1256"><title>${ARABIC}</title></head></html>`,
        "windows-1256",
      ),
      "text/html",
      ARABIC,
    ],
    [
      "windows-1256 in an HTML http-equiv",
      iconv.encode(
        `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>${ARABIC}</body></html>`,
        "windows-1256",
      ),
      undefined,
      ARABIC,
    ],
    [
      "windows-1256 undeclared (the Arabic fallback)",
      iconv.encode(rss(ARABIC), "windows-1256"),
      undefined,
      ARABIC,
    ],
    ["koi8-r undeclared", iconv.encode(rss(RUSSIAN), "koi8-r"), undefined, RUSSIAN],
    ["windows-1251 undeclared", iconv.encode(rss(RUSSIAN), "windows-1251"), undefined, RUSSIAN],
    ["windows-1255 undeclared", iconv.encode(rss(HEBREW), "windows-1255"), undefined, HEBREW],
    ["Latin-1 undeclared", iconv.encode(rss(PORTUGUESE), "latin1"), undefined, PORTUGUESE],
    [
      "a Content-Type that wrongly claims UTF-8",
      iconv.encode(rss(ARABIC), "windows-1256"),
      "application/xml; charset=UTF-8",
      ARABIC,
    ],
    [
      "EUC-KR declared",
      iconv.encode(rss("년", '<?xml version="1.0" encoding="euc-kr"?>'), "euc-kr"),
      undefined,
      "년",
    ],
  ])("%s", (_label, bytes, contentType, expected) => {
    expect(decodeBody(bytes, contentType)).toContain(expected);
  });

  it.each([
    ["UTF-8", Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ARABIC)])],
    ["UTF-16LE", Uint8Array.from([0xff, 0xfe, ...iconv.encode(ARABIC, "utf-16le")])],
    ["UTF-16BE", Uint8Array.from([0xfe, 0xff, ...iconv.encode(ARABIC, "utf-16be")])],
  ])("a %s byte-order mark wins over a contradicting header, and is dropped", (_label, bytes) => {
    expect(decodeBody(bytes, "text/plain; charset=windows-1256")).toBe(ARABIC);
  });

  it("falls back to windows-1256 rather than replacement characters", () => {
    const text = decodeBody(iconv.encode("خبر", "windows-1256"));
    expect(text).toBe("خبر");
    expect(text).not.toContain("\uFFFD");
  });
});

describe("charsetFromContentType", () => {
  it.each([
    ["text/xml; charset=windows-1256", "windows-1256"],
    ['application/rss+xml; charset="UTF-8"', "UTF-8"],
    ["text/html;charset=ISO-8859-6; foo=bar", "ISO-8859-6"],
    ["application/atom+xml", null],
  ])("%s → %s", (header, expected) => {
    expect(charsetFromContentType(header)).toBe(expected);
  });
});
