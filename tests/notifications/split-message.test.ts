import { describe, expect, it } from "vitest";
import { escapeHtml, formatLink, truncateText } from "../../src/notifications/html.ts";
import { splitMessage, TELEGRAM_MESSAGE_LIMIT } from "../../src/notifications/split-message.ts";

describe("splitMessage", () => {
  it("keeps a short message whole", () => {
    expect(splitMessage("سطر أول\nسطر ثانٍ")).toEqual(["سطر أول\nسطر ثانٍ"]);
  });

  it("splits a long digest at line boundaries into parts of at most 4096 characters", () => {
    const lines = Array.from(
      { length: 300 },
      (_, i) => `• <a href="https://example.com/${i}">التقى كيم جونغ أون وسيرغي لافروف في وونسان ${i}</a>`,
    );
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(3 * TELEGRAM_MESSAGE_LIMIT);
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      // Every line of every part is one whole line of the input: no tag cut in two.
      for (const line of part.split("\n")) expect(lines).toContain(line);
    }
    expect(parts.join("\n")).toBe(text);
  });

  it("fills each part as far as the limit allows", () => {
    const parts = splitMessage(["a".repeat(6), "b".repeat(6), "c".repeat(6)].join("\n"), 13);
    expect(parts).toEqual(["aaaaaa\nbbbbbb", "cccccc"]);
  });

  it("drops blank lines at a cut and cuts a single over-long line at a space", () => {
    expect(splitMessage("aaaa\n\n\nbbbb", 5)).toEqual(["aaaa", "bbbb"]);
    expect(splitMessage("aaa bbb ccc", 8)).toEqual(["aaa bbb", "ccc"]);
  });
});

describe("HTML helpers", () => {
  it.each([
    ['كيم <وبوتين> & "لافروف"', "كيم &lt;وبوتين&gt; &amp; &quot;لافروف&quot;"],
    ["<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"],
  ])("escapes %s", (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });

  it("links only http(s) addresses and escapes both text and address", () => {
    expect(formatLink("<عنوان>", 'https://x.example/?a=1&b="2"')).toBe(
      '<a href="https://x.example/?a=1&amp;b=&quot;2&quot;">&lt;عنوان&gt;</a>',
    );
    expect(formatLink("عنوان", "urn:rasid:abc")).toBe("عنوان");
    expect(formatLink("عنوان", "javascript:alert(1)")).toBe("عنوان");
  });

  it("shortens long text at a word boundary", () => {
    expect(truncateText("التقى   كيم\nمع لافروف في وونسان", 14)).toBe("التقى كيم مع…");
    expect(truncateText("قصير", 14)).toBe("قصير");
  });
});
