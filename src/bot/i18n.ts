import type { SubscriptionMode } from "../notifications/subscription-store.ts";
import type { BotStats } from "./stats.ts";

/**
 * Every sentence the bot says, in Arabic and English, in one place. Values that come from articles, sources
 * or users are escaped by the caller before they reach these templates (the bot speaks HTML).
 */
export type Lang = "ar" | "en";

export const LANGS: readonly Lang[] = ["ar", "en"];

/** Arabic for a Telegram client set to Arabic, English for any other language, the fallback when unknown. */
export function pickLanguage(languageCode: string | undefined, fallback: Lang): Lang {
  if (!languageCode) return fallback;
  return languageCode.toLowerCase().startsWith("ar") ? "ar" : "en";
}

export interface Messages {
  welcome(name: string): string;
  help(isAdmin: boolean): string;
  examples: string[];
  switchLanguage: string;
  languageSet: string;
  askUsage: string;
  textOnly: string;
  rateLimited(perMinute: number): string;
  unknownCommand(command: string): string;
  failed: string;
  adminOnly: string;
  commandDescriptions: Record<string, string>;
  // subscriptions
  subscribeUsage: string;
  subscribeKeyword(keyword: string): string;
  subscribeWhich(query: string): string;
  subscribeHow(target: string): string;
  modeNames: Record<SubscriptionMode, string>;
  subscribed(target: string, mode: SubscriptionMode, status: "added" | "exists" | "updated"): string;
  choiceExpired: string;
  buttonExpired: string;
  noSubscriptions: string;
  subscriptionsTitle: string;
  removeButton(target: string): string;
  unsubscribed(target: string): string;
  unsubscribeNotFound(query: string): string;
  // settings
  settingsSummary(s: { lang: Lang; timezone: string; digestTime: string }): string;
  settingsUsage: string;
  badTime(value: string): string;
  badTimezone(value: string): string;
  digestTimeSet(time: string): string;
  timezoneSet(tz: string): string;
  // admin
  addSourceUsage: string;
  sourceAdded(s: { id: number; name: string; items: number; sample: string[] }): string;
  sourceAddFailed(reason: string): string;
  sourceIdUsage(command: string): string;
  sourceNotFound(id: string): string;
  sourceRemoved(name: string): string;
  sourcePaused(name: string): string;
  sourceResumed(name: string): string;
  noSources: string;
  sourcesTitle: string;
  sourceLine(s: SourceHealthText): string;
  fetchStarted: string;
  fetchReport(r: { sources: number; added: number; failed: number; errors: string[] }): string;
  sourceAutoPaused(name: string, failures: number, error: string): string;
  stats(s: BotStats): string;
}

export interface SourceHealthText {
  id: number;
  name: string;
  url: string;
  status: string;
  lastSuccess: string;
  lastError: string;
  items: number;
  failures: number;
}

const ar: Messages = {
  welcome: (name) =>
    `أهلاً ${name}! أنا <b>راصد</b>، أتابع الأخبار العربية عن روسيا وكوريا الشمالية: من التقى بمن، ومتى، وأين.\n\n` +
    "اسألني سؤالاً بالعربية أو الإنجليزية، أو اشترك في شخص أو مكان أو كلمة لتصلك التنبيهات والملخص اليومي (/subscribe).\n\n" +
    "جرّب أحد هذه الأسئلة:",
  help: (isAdmin) =>
    [
      "<b>ما يمكنني فعله</b>",
      "اكتب سؤالك مباشرة، مثل: من التقى كيم ومتى؟",
      "/ask سؤال — اسأل (في المجموعات: أو اذكرني أو رُدّ على رسالتي)",
      "/subscribe اسم أو مكان أو كلمة — اشترك في التنبيهات",
      "/subscriptions — اشتراكاتك",
      "/unsubscribe — إلغاء اشتراك",
      "/settings — وقت الملخص والمنطقة الزمنية واللغة",
      ...(isAdmin
        ? [
            "",
            "<b>للمشرفين</b>",
            "/addsource رابط [اسم] · /sources · /removesource رقم · /pausesource رقم · /resumesource رقم · /fetchnow · /stats",
          ]
        : []),
    ].join("\n"),
  examples: ["من التقى كيم ومتى؟", "متى التقى لافروف بكيم جونغ أون؟", "من زار كوريا الشمالية عام 2024؟"],
  switchLanguage: "English",
  languageSet: "سأحدّثك بالعربية من الآن.",
  askUsage: "اكتب سؤالك بعد الأمر، مثل: /ask من التقى كيم ومتى؟",
  textOnly: "أفهم الرسائل النصية فقط. اكتب سؤالك، مثل: من التقى كيم ومتى؟",
  rateLimited: (n) => `أسئلة كثيرة في دقيقة واحدة (الحد ${n}). انتظر قليلاً ثم أعد المحاولة.`,
  unknownCommand: (command) => `لا أعرف الأمر ${command}. أرسل /help لترى ما أستطيع فعله.`,
  failed: "عذراً، حدث خطأ من جهتي ولم أكمل طلبك. حاول مرة أخرى بعد قليل.",
  adminOnly: "عذراً، هذا الأمر للمشرفين فقط. لم يتغيّر شيء.",
  commandDescriptions: {
    start: "البداية وأمثلة",
    help: "ما يمكنني فعله",
    ask: "اسأل عن لقاء أو زيارة",
    subscribe: "اشترك في شخص أو مكان أو كلمة",
    subscriptions: "اشتراكاتك",
    unsubscribe: "إلغاء اشتراك",
    settings: "وقت الملخص والمنطقة الزمنية واللغة",
    addsource: "إضافة مصدر (للمشرفين)",
    sources: "حالة المصادر (للمشرفين)",
    removesource: "حذف مصدر (للمشرفين)",
    pausesource: "إيقاف مصدر مؤقتاً (للمشرفين)",
    resumesource: "استئناف مصدر (للمشرفين)",
    fetchnow: "قراءة المصادر الآن (للمشرفين)",
    stats: "إحصاءات (للمشرفين)",
  },
  subscribeUsage:
    "بمَ تريد الاشتراك؟ اكتب اسم شخص أو مكان أو كلمة بعد الأمر، مثل:\n/subscribe لافروف\n/subscribe بيونغ يانغ daily",
  subscribeKeyword: (k) =>
    `لا أعرف شخصاً أو مكاناً باسم «${k}»، فسأبحث عن هذه الكلمات في الأخبار. كيف تريد متابعتها؟`,
  subscribeWhich: (q) => `«${q}» يطابق أكثر من شيء. أيّها تقصد؟`,
  subscribeHow: (t) => `كيف تريد متابعة <b>${t}</b>؟`,
  modeNames: { instant: "تنبيه فوري", daily: "ملخص يومي", both: "الاثنان" },
  subscribed: (t, mode, status) =>
    `${status === "exists" ? "أنت مشترك أصلاً في" : status === "updated" ? "عدّلت اشتراكك في" : "تم: اشتركت في"} <b>${t}</b> (${ar.modeNames[mode]}). أرسل /subscriptions لإدارة اشتراكاتك.`,
  choiceExpired: "انتهت صلاحية هذا الاختيار. أرسل /subscribe من جديد.",
  buttonExpired: "هذا الزر لم يعد يعمل. أرسل /help لترى ما يمكنني فعله.",
  noSubscriptions: "لا اشتراكات لديك بعد. جرّب: /subscribe لافروف",
  subscriptionsTitle: "<b>اشتراكاتك</b> (اضغط لإلغاء أيّ منها):",
  removeButton: (t) => `✖ ${t}`,
  unsubscribed: (t) => `ألغيت الاشتراك في <b>${t}</b>.`,
  unsubscribeNotFound: (q) => `لا اشتراك لديك يطابق «${q}». أرسل /subscriptions لترى اشتراكاتك.`,
  settingsSummary: (s) =>
    `<b>الإعدادات</b>\nاللغة: ${s.lang === "ar" ? "العربية" : "English"}\nالمنطقة الزمنية: ${s.timezone}\nوقت الملخص اليومي: ${s.digestTime}`,
  settingsUsage:
    "للتغيير:\n/settings time 07:30 — وقت الملخص\n/settings tz Europe/Moscow — المنطقة الزمنية\n/settings lang en — اللغة",
  badTime: (v) => `«${v}» ليس وقتاً صالحاً. اكتبه بصيغة 24 ساعة، مثل 07:30.`,
  badTimezone: (v) => `«${v}» ليست منطقة زمنية أعرفها. استخدم اسماً مثل Asia/Riyadh أو Europe/Moscow أو UTC.`,
  digestTimeSet: (t) => `سيصلك الملخص اليومي في ${t}.`,
  timezoneSet: (tz) => `المنطقة الزمنية الآن ${tz}.`,
  addSourceUsage: "اكتب رابط الخلاصة بعد الأمر، مثل:\n/addsource https://example.org/rss.xml اسم المصدر",
  sourceAdded: (s) =>
    `أضفت المصدر #${s.id} <b>${s.name}</b>: وجدت ${s.items} مادة.` +
    (s.sample.length ? `\n${s.sample.map((t) => `• ${t}`).join("\n")}` : ""),
  sourceAddFailed: (r) => `لم أضف المصدر: ${r}`,
  sourceIdUsage: (c) => `اكتب رقم المصدر بعد الأمر، مثل: /${c} 3 (أرسل /sources لترى الأرقام).`,
  sourceNotFound: (id) => `لا مصدر بالرقم ${id}. أرسل /sources لترى المصادر.`,
  sourceRemoved: (n) => `حذفت المصدر <b>${n}</b>.`,
  sourcePaused: (n) => `أوقفت قراءة المصدر <b>${n}</b> مؤقتاً.`,
  sourceResumed: (n) => `استأنفت قراءة المصدر <b>${n}</b>.`,
  noSources: "لا مصادر بعد. أضف واحداً: /addsource رابط",
  sourcesTitle: "<b>المصادر</b>",
  sourceLine: (s) =>
    `#${s.id} <b>${s.name}</b> — ${s.status === "paused" ? "⏸ موقوف" : "▶ يعمل"}\n${s.url}\n` +
    `آخر نجاح: ${s.lastSuccess} · مواد: ${s.items} · إخفاقات متتالية: ${s.failures}` +
    (s.lastError ? `\nآخر خطأ: ${s.lastError}` : ""),
  fetchStarted: "أقرأ المصادر الآن…",
  fetchReport: (r) =>
    `قرأت ${r.sources} مصدراً: ${r.added} مادة جديدة، ${r.failed} مصدر أخفق.` +
    (r.errors.length ? `\n${r.errors.map((e) => `• ${e}`).join("\n")}` : ""),
  sourceAutoPaused: (n, f, e) =>
    `⚠ أوقفت المصدر <b>${n}</b> بعد ${f} إخفاقات متتالية. آخر خطأ: ${e}\nبعد إصلاحه: /resumesource`,
  stats: (s) =>
    [
      "<b>إحصاءات</b>",
      `المقالات: ${s.articles}`,
      `الأحداث: ${s.events}`,
      `المصادر: ${s.sources} (موقوفة: ${s.pausedSources})`,
      `المحادثات: ${s.chats}`,
      `الاشتراكات: ${s.subscriptions}`,
      `رسائل تنتظر الإرسال: ${s.pendingMessages}`,
    ].join("\n"),
};

const en: Messages = {
  welcome: (name) =>
    `Hello ${name}! I am <b>rasid</b>. I read Arabic news about Russia and North Korea and keep track of who met whom, when and where.\n\n` +
    "Ask me a question in English or Arabic, or subscribe to a person, place or keyword for alerts and a daily digest (/subscribe).\n\n" +
    "Try one of these:",
  help: (isAdmin) =>
    [
      "<b>What I can do</b>",
      "Just type a question, e.g. Who met Kim and when?",
      "/ask question — ask (in groups: or mention me, or reply to me)",
      "/subscribe name, place or keyword — get alerts",
      "/subscriptions — your subscriptions",
      "/unsubscribe — stop one",
      "/settings — digest time, time zone and language",
      ...(isAdmin
        ? [
            "",
            "<b>For admins</b>",
            "/addsource URL [name] · /sources · /removesource ID · /pausesource ID · /resumesource ID · /fetchnow · /stats",
          ]
        : []),
    ].join("\n"),
  examples: ["Who met Kim and when?", "Where did Kim Jong Un meet Lavrov?", "Who met Kim in 2025?"],
  switchLanguage: "العربية",
  languageSet: "I will speak English from now on.",
  askUsage: "Put your question after the command, e.g. /ask Who met Kim and when?",
  textOnly: "I only read text messages. Type your question, e.g. Who met Kim and when?",
  rateLimited: (n) =>
    `That is a lot of questions in one minute (the limit is ${n}). Wait a little and try again.`,
  unknownCommand: (command) => `I don't know ${command}. Send /help to see what I can do.`,
  failed: "Sorry, something went wrong on my side and I could not finish that. Please try again shortly.",
  adminOnly: "Sorry, only admins can use this command. Nothing was changed.",
  commandDescriptions: {
    start: "Start and examples",
    help: "What I can do",
    ask: "Ask about a meeting or visit",
    subscribe: "Follow a person, place or keyword",
    subscriptions: "Your subscriptions",
    unsubscribe: "Stop a subscription",
    settings: "Digest time, time zone and language",
    addsource: "Add a source (admins)",
    sources: "Source health (admins)",
    removesource: "Remove a source (admins)",
    pausesource: "Pause a source (admins)",
    resumesource: "Resume a source (admins)",
    fetchnow: "Read the sources now (admins)",
    stats: "Statistics (admins)",
  },
  subscribeUsage:
    "What should I follow? Put a person, place or keyword after the command, e.g.\n/subscribe Lavrov\n/subscribe Pyongyang daily",
  subscribeKeyword: (k) =>
    `I know no person or place called “${k}”, so I will look for these words in the news. How do you want to follow them?`,
  subscribeWhich: (q) => `“${q}” matches more than one thing. Which one do you mean?`,
  subscribeHow: (t) => `How do you want to follow <b>${t}</b>?`,
  modeNames: { instant: "Instant alerts", daily: "Daily digest", both: "Both" },
  subscribed: (t, mode, status) =>
    `${status === "exists" ? "You already follow" : status === "updated" ? "Updated: you follow" : "Done: you follow"} <b>${t}</b> (${en.modeNames[mode]}). Send /subscriptions to manage them.`,
  choiceExpired: "That choice has expired. Send /subscribe again.",
  buttonExpired: "This button no longer works. Send /help to see what I can do.",
  noSubscriptions: "You have no subscriptions yet. Try: /subscribe Lavrov",
  subscriptionsTitle: "<b>Your subscriptions</b> (tap one to remove it):",
  removeButton: (t) => `✖ ${t}`,
  unsubscribed: (t) => `You no longer follow <b>${t}</b>.`,
  unsubscribeNotFound: (q) => `You have no subscription matching “${q}”. Send /subscriptions to see them.`,
  settingsSummary: (s) =>
    `<b>Settings</b>\nLanguage: ${s.lang === "ar" ? "العربية" : "English"}\nTime zone: ${s.timezone}\nDaily digest at: ${s.digestTime}`,
  settingsUsage:
    "To change them:\n/settings time 07:30 — digest time\n/settings tz Europe/Moscow — time zone\n/settings lang ar — language",
  badTime: (v) => `“${v}” is not a time I can use. Write it in 24-hour form, e.g. 07:30.`,
  badTimezone: (v) => `“${v}” is not a time zone I know. Use a name like Asia/Riyadh, Europe/Moscow or UTC.`,
  digestTimeSet: (t) => `Your daily digest will arrive at ${t}.`,
  timezoneSet: (tz) => `Your time zone is now ${tz}.`,
  addSourceUsage:
    "Put the feed URL after the command, e.g.\n/addsource https://example.org/rss.xml Source name",
  sourceAdded: (s) =>
    `Added source #${s.id} <b>${s.name}</b>: found ${s.items} item(s).` +
    (s.sample.length ? `\n${s.sample.map((t) => `• ${t}`).join("\n")}` : ""),
  sourceAddFailed: (r) => `The source was not added: ${r}`,
  sourceIdUsage: (c) => `Put the source number after the command, e.g. /${c} 3 (send /sources to see them).`,
  sourceNotFound: (id) => `There is no source number ${id}. Send /sources to see them.`,
  sourceRemoved: (n) => `Removed the source <b>${n}</b>.`,
  sourcePaused: (n) => `Paused the source <b>${n}</b>.`,
  sourceResumed: (n) => `Resumed the source <b>${n}</b>.`,
  noSources: "No sources yet. Add one: /addsource URL",
  sourcesTitle: "<b>Sources</b>",
  sourceLine: (s) =>
    `#${s.id} <b>${s.name}</b> — ${s.status === "paused" ? "⏸ paused" : "▶ active"}\n${s.url}\n` +
    `last success: ${s.lastSuccess} · items: ${s.items} · failures in a row: ${s.failures}` +
    (s.lastError ? `\nlast error: ${s.lastError}` : ""),
  fetchStarted: "Reading the sources now…",
  fetchReport: (r) =>
    `Read ${r.sources} source(s): ${r.added} new article(s), ${r.failed} source(s) failed.` +
    (r.errors.length ? `\n${r.errors.map((e) => `• ${e}`).join("\n")}` : ""),
  sourceAutoPaused: (n, f, e) =>
    `⚠ Paused the source <b>${n}</b> after ${f} failures in a row. Last error: ${e}\nOnce it is fixed: /resumesource`,
  stats: (s) =>
    [
      "<b>Statistics</b>",
      `Articles: ${s.articles}`,
      `Events: ${s.events}`,
      `Sources: ${s.sources} (paused: ${s.pausedSources})`,
      `Chats: ${s.chats}`,
      `Subscriptions: ${s.subscriptions}`,
      `Messages waiting to be sent: ${s.pendingMessages}`,
    ].join("\n"),
};

const MESSAGES: Record<Lang, Messages> = { ar, en };

export function getMessages(lang: Lang): Messages {
  return MESSAGES[lang];
}
