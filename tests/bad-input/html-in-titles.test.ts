import { beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/open.ts";
import { createEngine } from "../../src/engine.ts";
import { loadSharedGazetteer } from "../../src/extraction/shared-gazetteer.ts";
import { ensureChat, getChat } from "../../src/notifications/chat-store.ts";
import { buildDigestNow } from "../../src/notifications/digest-schedule.ts";
import { enqueueAlertsForArticle } from "../../src/notifications/match-alerts.ts";
import { listOutbox } from "../../src/notifications/outbox-store.ts";
import { renderOutboxMessage } from "../../src/notifications/render-outbox.ts";
import { addSubscription } from "../../src/notifications/subscription-store.ts";
import { answerQuestion } from "../../src/questions/answer-question.ts";
import { formatAnswerHtml } from "../../src/questions/format-answer.ts";
import { createAnswerDeps } from "../../src/questions/question-store.ts";

/**
 * Article titles, outlet names and URLs come from outside. Whatever markup they hold must reach Telegram
 * (parse_mode HTML) as text: escaped in alerts, digests and answers, leaving only rasid's own tags.
 */

const NOW = new Date("2025-07-12T12:00:00Z");
const TITLE = '<b>عاجل</b> لافروف & كيم <script>alert(1)</script> <a href="https://evil.example">اضغط</a>';
const SOURCE = "<i>وكالة</i> & شركاه";
const URL = 'https://news.example/a?x=1&y="2"&z=<3>';
const TEXT =
  "وونسان - التقى وزير الخارجية الروسي سيرغي لافروف الزعيم الكوري الشمالي كيم جونغ أون اليوم السبت في " +
  "مدينة وونسان، وبحث الجانبان التعاون بين البلدين، بحسب وكالة الأنباء المركزية الكورية.";
const CHAT = 808;

// The tags Telegram's HTML parse mode knows; anything else in a message is an error or an injection.
const TELEGRAM_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
]);

/** The problems Telegram (or a reader) would have with this HTML: unknown tags, bad nesting, bare & or <. */
function findHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const match of html.matchAll(
    /<(\/?)([a-zA-Z-]*)([^>]*)>|<|&(?!(?:lt|gt|amp|quot|#\d+|#x[\da-f]+);)/gi,
  )) {
    const [whole, closing, name = "", attributes = ""] = match;
    if (whole === "<" || whole.startsWith("&")) {
      problems.push(`bare ${whole} at ${match.index}`);
      continue;
    }
    const tag = name.toLowerCase();
    if (!TELEGRAM_TAGS.has(tag)) problems.push(`<${closing}${name}>`);
    else if (closing) {
      if (open.pop() !== tag) problems.push(`</${tag}> closes nothing open`);
    } else {
      if (tag === "a" && !/^\s+href="[^"<>]*"\s*$/.test(attributes)) problems.push(`<a${attributes}>`);
      open.push(tag);
    }
  }
  if (open.length > 0) problems.push(`unclosed ${open.join(", ")}`);
  return problems;
}

describe("markup in article titles, outlet names and URLs", () => {
  let db: Db;

  beforeAll(() => {
    db = openDatabase(":memory:");
    const engine = createEngine(db, { now: () => NOW });
    ensureChat(db, { id: CHAT, type: "private" }, { lang: "ar", timezone: "UTC", digestTime: "08:00" }, NOW);
    addSubscription(
      db,
      { chatId: CHAT, targetKind: "entity", target: "sergei-lavrov", label: "لافروف", mode: "both" },
      NOW,
    );
    const result = engine.pipeline.ingest({
      url: URL,
      title: TITLE,
      text: TEXT,
      sourceName: SOURCE,
      published: "2025-07-12T10:00:00Z",
    });
    if (result.status !== "added") throw new Error(`the article was not stored: ${result.reason}`);
    ensureChat(
      db,
      { id: CHAT + 1, type: "private" },
      { lang: "en", timezone: "UTC", digestTime: "08:00" },
      NOW,
    );
    addSubscription(
      db,
      { chatId: CHAT + 1, targetKind: "keyword", target: "وونسان", label: "<u>وونسان</u>" },
      NOW,
    );
    enqueueAlertsForArticle(db, result.article, NOW);
  });

  const messages = (): [string, string][] => {
    const alerts = listOutbox(db).map((item): [string, string] => {
      const chat = getChat(db, item.chatId);
      if (!chat) throw new Error(`no chat ${item.chatId}`);
      return [`${item.payload.type} alert`, renderOutboxMessage(db, item, chat) ?? ""];
    });
    const digest = buildDigestNow(db, CHAT, NOW).map((part): [string, string] => ["digest", part]);
    const answer = formatAnswerHtml(
      answerQuestion(createAnswerDeps(db, loadSharedGazetteer()), "متى التقى لافروف بكيم جونغ أون؟", NOW),
    );
    return [...alerts, ...digest, ["answer", answer]];
  };

  it("reaches every kind of message (the checks below look at something)", () => {
    expect(messages().map(([kind]) => kind)).toEqual(
      expect.arrayContaining(["event alert", "keyword alert", "digest", "answer"]),
    );
    for (const [, html] of messages()) expect(html).toContain("لافروف");
  });

  it.each(["event alert", "keyword alert", "digest", "answer"])(
    "%s: only Telegram's own tags, nothing bare",
    (kind) => {
      const found = messages().filter(([k]) => k === kind);
      expect(found.length).toBeGreaterThan(0);
      for (const [, html] of found) expect(findHtmlProblems(html)).toEqual([]);
    },
  );

  it.each([
    ["event alert", "&lt;b&gt;عاجل&lt;/b&gt; لافروف &amp; كيم &lt;script&gt;"],
    ["keyword alert", "&lt;b&gt;عاجل&lt;/b&gt; لافروف &amp; كيم &lt;script&gt;"],
    // The digest names each event's outlets rather than the headlines.
    ["digest", "&lt;i&gt;وكالة&lt;/i&gt; &amp; شركاه"],
  ])("%s: shows the outside text as text", (kind, escaped) => {
    for (const [, html] of messages().filter(([k]) => k === kind)) {
      expect(html).toContain(escaped);
      expect(html).not.toContain('evil.example">');
    }
  });

  it("the checker itself catches markup that would break a message", () => {
    expect(findHtmlProblems(`<b>${TITLE}</b>`)).not.toEqual([]);
    expect(findHtmlProblems('<a href="x" onclick="y">z</a>')).not.toEqual([]);
    expect(findHtmlProblems('<b>تم</b> &amp; <a href="https://x.example/?a=1&amp;b=2">رابط</a>')).toEqual([]);
  });
});
