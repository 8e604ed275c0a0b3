// Arabic news items and an article page shared by the poller, probe and CLI tests.
export const ITEMS = [
  {
    title: "لافروف يصل إلى وونسان",
    link: "https://news.example.com/ar/1",
    text: "وصل وزير الخارجية الروسي سيرغي لافروف إلى مدينة وونسان الساحلية حيث التقى الزعيم الكوري الشمالي كيم جونغ أون.",
  },
  {
    title: "شويغو في بيونغ يانغ",
    link: "https://news.example.com/ar/2",
    text: "زار أمين مجلس الأمن الروسي سيرغي شويغو العاصمة الكورية الشمالية بيونغ يانغ وأجرى محادثات مع كيم جونغ أون.",
  },
  {
    title: "اتصال هاتفي بين بوتين وكيم",
    link: "https://news.example.com/ar/3",
    text: "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الزعيم الكوري الشمالي كيم جونغ أون بحثا فيه التعاون الثنائي.",
  },
];

export function rss(items: { title: string; link: string; text: string }[], encoding = "UTF-8"): string {
  const body = items
    .map(
      (i, n) =>
        `<item><title>${i.title}</title><link>${i.link}</link><pubDate>Mon, 1${n} Jul 2025 07:00:00 +0300</pubDate><description>${i.text}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>أخبار كوريا</title>${body}</channel></rss>`;
}

export const ARTICLE_PAGE = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>قمة في موسكو</title>
<meta property="article:published_time" content="2025-07-15T09:00:00+03:00"></head><body>
<nav>الرئيسية · سياسة · اقتصاد</nav><article><h1>قمة في موسكو</h1>
<p>استقبل الرئيس الروسي فلاديمير بوتين في الكرملين وزيرة الخارجية الكورية الشمالية تشوي سون هوي، وبحث الجانبان تنفيذ معاهدة الشراكة الاستراتيجية الشاملة.</p>
<p>وقالت الخارجية الروسية إن المحادثات تناولت التعاون الاقتصادي والعسكري والتحضير لزيارات مقبلة على أعلى مستوى.</p>
</article></body></html>`;
