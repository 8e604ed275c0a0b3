import type { Gazetteer, Person, Place } from "../../src/extraction/gazetteer.ts";

/**
 * Synthetic Arabic news articles for benchmarks, written from templates over the gazetteer: meetings,
 * visits, calls and plans between people who held office on the article's day, named by full name, by
 * title or by surname with clitics and spelling variants, dated by weekday, "أمس", "اليوم" or a month,
 * padded with background prose and followed by the boilerplate tails real scrapes carry.
 * Deterministic for a seed, so runs compare.
 */

export interface SyntheticArticle {
  key: string;
  url: string;
  source: string;
  title: string;
  text: string;
  published: string;
}

const WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];
const MONTHS = [
  "يناير",
  "فبراير",
  "مارس",
  "أبريل",
  "مايو",
  "يونيو",
  "يوليو",
  "أغسطس",
  "سبتمبر",
  "أكتوبر",
  "نوفمبر",
  "ديسمبر",
];

const MEETINGS = [
  "التقى {a} {when} {b} في {place}، وبحث الجانبان سبل تعزيز التعاون الثنائي.",
  "استقبل {a} {when} في {place} {b}، في لقاء استمر أكثر من ساعة.",
  "أجرى {a} {when} محادثات مع {b} في {place} تناولت الأوضاع الإقليمية.",
  "وعقد {a} و{b} {when} اجتماعاً مغلقاً في {place} لبحث الملفات العالقة.",
];
const VISITS = [
  "وصل {a} {when} إلى {place} في زيارة رسمية تستمر يومين.",
  "وكان {a} قد حط في مطار {place} {when} على متن طائرة خاصة.",
  "يزور {a} {place} حالياً في جولة تشمل عدة دول.",
];
const CALLS = [
  "أجرى {a} {when} اتصالاً هاتفياً مع {b} تناول التطورات الأخيرة.",
  "وبحث {a} هاتفياً مع {b} {when} العلاقات بين البلدين.",
];
const PLANS = [
  "ومن المقرر أن يلتقي {a} {b} في {place} الأسبوع المقبل.",
  "وسيقوم {a} بزيارة إلى {place} الشهر المقبل تلبية لدعوة من {b}.",
];
const NEGATED = ["ونفى المتحدث أن يكون {a} قد التقى {b} خلال الزيارة.", "ولم يلتق {a} ب{b} في {place}."];
const FILLER = [
  "ويرى مراقبون أن العلاقات بين البلدين تشهد تطوراً ملحوظاً منذ سنوات.",
  "وتأتي هذه الخطوة في ظل توترات متصاعدة في المنطقة وتحذيرات غربية متكررة.",
  "وأكد البيان المشترك أهمية مواصلة الحوار وتعزيز التنسيق في المحافل الدولية.",
  "وأشارت تقارير إلى أن الجانبين ناقشا قضايا الطاقة والتجارة والأمن الإقليمي.",
];
const TAILS = [
  "اقرأ أيضاً: {a} يلتقي {b} في {place}",
  "مقالات ذات صلة\n- {a} يصل إلى {place}\n- {b} يبحث مع نظيره التعاون",
  "شارك الخبر: فيسبوك | تويتر | واتساب",
  "كلمات دلالية: {place}، سياسة، دبلوماسية",
];

/** A small seeded generator (mulberry32), so a seed always gives the same corpus. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` articles, made one at a time as they are read: at 100k articles the whole corpus held at once
 * would take several hundred MB of strings, more than the import being measured needs.
 */
export function* generateArticles(
  gazetteer: Gazetteer,
  count: number,
  seed = 1,
): Generator<SyntheticArticle, void, undefined> {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const officials = gazetteer.people.filter((p) => p.offices.length > 0);
  const cities = gazetteer.places.filter((p) => p.kind === "capital" || p.kind === "city");
  for (let n = 0; n < count; n++) {
    const day = new Date(
      Date.UTC(
        2018 + Math.floor(random() * 7),
        Math.floor(random() * 12),
        1 + Math.floor(random() * 28),
        6 + Math.floor(random() * 14),
      ),
    );
    const date = day.toISOString().slice(0, 10);
    const inOffice = officials.filter((p) => gazetteer.officesAt(p, date).length > 0);
    const people = inOffice.length >= 2 ? inOffice : officials;
    const a = pick(people);
    let b = pick(people);
    if (b.id === a.id) b = people[(people.indexOf(a) + 1) % people.length] as Person;
    const place = pick(cities);
    const fill = (template: string) =>
      template
        .replaceAll("{a}", nameOf(a, random))
        .replaceAll("{b}", nameOf(b, random))
        .replaceAll("{place}", placeName(place, random))
        .replaceAll("{when}", whenOf(day, random));
    const body = [
      fill(pick(MEETINGS)),
      pick(FILLER),
      fill(pick(random() < 0.5 ? VISITS : CALLS)),
      pick(FILLER),
      fill(pick(random() < 0.5 ? PLANS : NEGATED)),
      pick(FILLER),
    ];
    const title = `${a.nameAr} و${b.nameAr} يبحثان التعاون في ${place.nameAr}`;
    yield {
      key: `bench-${seed}-${n}`,
      url: `https://bench.example/${seed}/${n}`,
      source: "bench",
      title,
      text: [title, ...body, fill(pick(TAILS)), fill(pick(TAILS))].join("\n\n"),
      published: `${day.toISOString().slice(0, 19)}+00:00`,
    };
  }
}

/** A full name, one of its spellings, a bare surname, or the name with a clitic (ولافروف، بكيم). */
function nameOf(person: Person, random: () => number): string {
  const names = [person.nameAr, ...person.aliasesAr, ...person.surnamesAr.slice(0, 1)];
  const name = names[Math.floor(random() * names.length)] as string;
  return random() < 0.2 ? name.replace(/غ/g, "ج") : name;
}

function placeName(place: Place, random: () => number): string {
  const names = [place.nameAr, ...place.aliasesAr];
  return names[Math.floor(random() * names.length)] as string;
}

function whenOf(day: Date, random: () => number): string {
  const choice = Math.floor(random() * 4);
  const before = new Date(day.getTime() - 86_400_000);
  if (choice === 0) return `اليوم ${WEEKDAYS[day.getUTCDay()]}`;
  if (choice === 1) return `أمس ${WEEKDAYS[before.getUTCDay()]}`;
  if (choice === 2) return `يوم ${WEEKDAYS[before.getUTCDay()]}`;
  return `في ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}
