import { describe, expect, it } from "vitest";
import { findFeedLinks } from "../../src/sources/feed-discovery.ts";

describe("findFeedLinks", () => {
  it("lists advertised RSS, Atom and JSON feeds as absolute URLs, in order, without repeats", () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/rss+xml" title="الأخبار" href="/feed/">
      <LINK REL="alternate" TYPE="application/atom+xml" HREF='https://cdn.example.com/atom.xml'>
      <link type="application/feed+json" rel="alternate" href=feed.json>
      <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/12">
      <link rel="alternate" hreflang="en" href="/en/">
      <link rel="alternate" type="application/rss+xml" href="/feed/">
      <link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
    </head></html>`;
    expect(findFeedLinks(html, "https://www.example.com/ar/index.html")).toEqual([
      "https://www.example.com/feed/",
      "https://cdn.example.com/atom.xml",
      "https://www.example.com/ar/feed.json",
    ]);
  });

  it("decodes entities in href", () => {
    const html = '<link rel="alternate" type="application/rss+xml" href="/rss?cat=1&amp;lang=ar">';
    expect(findFeedLinks(html, "https://example.com/")).toEqual(["https://example.com/rss?cat=1&lang=ar"]);
  });

  it("finds nothing in a page without feed links", () => {
    expect(
      findFeedLinks("<html><head><title>بلا خلاصة</title></head></html>", "https://example.com/"),
    ).toEqual([]);
  });
});
