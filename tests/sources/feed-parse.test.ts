import { describe, expect, it } from "vitest";
import { FeedParseError, parseFeed } from "../../src/sources/feed-parse.ts";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>روسيا اليوم - كوريا</title>
    <link>https://arabic.example.com/</link>
    <item>
      <title>لافروف يصل إلى &#1608;ونسان في زيارة رسمية</title>
      <link>/world/1001-lavrov-wonsan?utm_source=rss&amp;id=7</link>
      <guid isPermaLink="false">1001</guid>
      <pubDate>Sat, 12 Jul 2025 10:30:00 +0300</pubDate>
      <description><![CDATA[<p>وصل وزير الخارجية الروسي <b>سيرغي لافروف</b> إلى مدينة وونسان.</p>]]></description>
      <content:encoded><![CDATA[<p>وصل وزير الخارجية الروسي سيرغي لافروف إلى مدينة وونسان الساحلية حيث التقى كيم جونغ أون.</p>]]></content:encoded>
    </item>
    <item>
      <title>بوتين وكيم يوقعان معاهدة الشراكة AT&T</title>
      <guid>https://arabic.example.com/world/1002</guid>
      <pubDate>Wed, 19 Jun 2024 09:00:00 GMT</pubDate>
      <description>&lt;p&gt;وقع الرئيسان &amp;quot;معاهدة الشراكة الاستراتيجية الشاملة&amp;quot;.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>`;

const ATOM = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.org/ar/">
  <title type="html">أخبار &lt;b&gt;آسيا&lt;/b&gt;</title>
  <link rel="self" href="https://news.example.org/ar/atom.xml"/>
  <entry>
    <title>شويغو في بيونغ يانغ</title>
    <link rel="edit" href="https://news.example.org/edit/55"/>
    <link rel="alternate" type="text/html" href="asia/55.html"/>
    <id>tag:news.example.org,2025:55</id>
    <updated>2025-06-04T08:00:00+03:00</updated>
    <summary type="html">&lt;p&gt;زار أمين مجلس الأمن الروسي سيرغي شويغو بيونغ يانغ.&lt;/p&gt;</summary>
    <content type="html">&lt;p&gt;زار أمين مجلس الأمن الروسي سيرغي شويغو بيونغ يانغ والتقى كيم.&lt;/p&gt;</content>
  </entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "وكالة الأنباء",
  home_page_url: "https://agency.example.net/",
  items: [
    {
      id: 9,
      url: "/news/9",
      title: "اتصال هاتفي بين بوتين وكيم",
      content_text: "أجرى الرئيس الروسي اتصالا هاتفيا مع الزعيم الكوري الشمالي.",
      date_published: "2025-08-01T12:00:00+03:00",
    },
  ],
});

describe("parseFeed", () => {
  it("reads an Arabic RSS 2.0 feed: entities, CDATA, relative links, dates, content", () => {
    const feed = parseFeed(RSS, "https://arabic.example.com/rss.xml");
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("روسيا اليوم - كوريا");
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      title: "لافروف يصل إلى وونسان في زيارة رسمية",
      link: "https://arabic.example.com/world/1001-lavrov-wonsan?utm_source=rss&id=7",
      published: "2025-07-12T07:30:00Z",
      summary: "وصل وزير الخارجية الروسي سيرغي لافروف إلى مدينة وونسان.",
      guid: "1001",
    });
    expect(first?.contentHtml).toContain("حيث التقى كيم جونغ أون");
    // No <link>, so the guid (a permalink by default) is the address; a bare "&" is mended, not fatal.
    expect(second?.link).toBe("https://arabic.example.com/world/1002");
    expect(second?.title).toBe("بوتين وكيم يوقعان معاهدة الشراكة AT&T");
    expect(second?.summary).toBe('وقع الرئيسان "معاهدة الشراكة الاستراتيجية الشاملة".');
  });

  it("reads Atom: xml:base, the alternate link, html text constructs, updated as the date", () => {
    const feed = parseFeed(ATOM);
    expect(feed).toMatchObject({ format: "atom", title: "أخبار آسيا" });
    expect(feed.items[0]).toMatchObject({
      title: "شويغو في بيونغ يانغ",
      link: "https://news.example.org/ar/asia/55.html",
      published: "2025-06-04T05:00:00Z",
      summary: "زار أمين مجلس الأمن الروسي سيرغي شويغو بيونغ يانغ.",
      guid: "tag:news.example.org,2025:55",
    });
    expect(feed.items[0]?.contentHtml).toBe(
      "<p>زار أمين مجلس الأمن الروسي سيرغي شويغو بيونغ يانغ والتقى كيم.</p>",
    );
  });

  it("reads a JSON Feed, resolving links against the home page", () => {
    const feed = parseFeed(JSON_FEED);
    expect(feed).toMatchObject({ format: "json", title: "وكالة الأنباء" });
    expect(feed.items[0]).toMatchObject({
      title: "اتصال هاتفي بين بوتين وكيم",
      link: "https://agency.example.net/news/9",
      published: "2025-08-01T09:00:00Z",
      summary: "أجرى الرئيس الروسي اتصالا هاتفيا مع الزعيم الكوري الشمالي.",
      guid: "9",
    });
  });

  it("keeps an empty feed as a feed", () => {
    expect(parseFeed("<rss><channel><title>هادئ</title></channel></rss>")).toEqual({
      format: "rss",
      title: "هادئ",
      items: [],
    });
    expect(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>فارغ</title></feed>')).toEqual({
      format: "atom",
      title: "فارغ",
      items: [],
    });
  });

  it("drops links that are not http(s)", () => {
    const feed = parseFeed(
      "<rss><channel><item><title>x</title><link>javascript:alert(1)</link></item></channel></rss>",
    );
    expect(feed.items[0]?.link).toBeNull();
  });

  it.each([
    ["empty input", "   ", /empty/],
    [
      "an HTML page",
      "<!DOCTYPE html><html><head><title>الرئيسية</title></head><body></body></html>",
      /HTML page/,
    ],
    ["truncated XML", '<rss version="2.0"><channel><title>x</title><item><title>مقطوع', /not well-formed/],
    [
      "another XML vocabulary",
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
      /root element is <svg>/,
    ],
    ["plain text", "هذا ليس خلاصة", /not XML or JSON/],
    ["broken JSON", '{"version": "https://jsonfeed.org/version/1", ', /not valid JSON/],
    ["JSON that is not a JSON Feed", '{"items": []}', /Not a JSON Feed: version/],
    ["an rss element without a channel", "<rss><item><title>x</title></item></rss>", /without a channel/],
  ])("refuses %s with a one-line reason", (_label, input, reason) => {
    let caught: unknown;
    try {
      parseFeed(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FeedParseError);
    expect((caught as Error).message).toMatch(reason);
    expect((caught as Error).message).not.toContain("\n");
  });

  it("never throws anything but FeedParseError on arbitrary prefixes of a real feed", () => {
    for (let cut = 0; cut < RSS.length; cut += 37) {
      try {
        parseFeed(RSS.slice(0, cut));
      } catch (error) {
        expect(error).toBeInstanceOf(FeedParseError);
      }
    }
  });
});

describe("parseFeed on hostile input", () => {
  it("does not expand nested DOCTYPE entities (billion laughs)", () => {
    let entities = '<!ENTITY a0 "ha">';
    for (let i = 1; i < 12; i++) entities += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const xml = `<!DOCTYPE rss [${entities}]><rss><channel><item><title>&a11;</title></item></channel></rss>`;
    let title = "";
    try {
      title = parseFeed(xml).items[0]?.title ?? "";
    } catch (error) {
      expect(error).toBeInstanceOf(FeedParseError);
    }
    expect(title.length).toBeLessThan(1000);
  });
});
