import { buildGazetteer } from "../../src/extraction/gazetteer.ts";
import { createQuestionDirectory, type DiscoveredEntity } from "../../src/questions/question-directory.ts";
import { normalizeArabic } from "../../src/text/normalize.ts";

/** A small gazetteer of the beat, enough for the question tests to be independent of the data files. */
const office = (role: string, country: string, from: string, to: string | null) => ({
  role,
  country,
  from,
  to,
});
const person = (
  id: string,
  en: [string, string[]],
  ar: [string, string[], string[]],
  gender: "m" | "f",
  country: string,
  prominence: number,
  offices: ReturnType<typeof office>[] = [],
) => ({
  id,
  name_en: en[0],
  surnames_en: en[1],
  name_ar: ar[0],
  aliases_ar: ar[1],
  surnames_ar: ar[2],
  gender,
  country,
  prominence,
  offices,
});
const place = (
  id: string,
  kind: string,
  en: string,
  ar: string,
  country: string | null,
  within?: string,
  extra = {},
) => ({
  id,
  kind,
  name_en: en,
  name_ar: ar,
  country,
  ...(within ? { within } : {}),
  ...extra,
});

export const RAW_GAZETTEER = {
  people: [
    person("kim-jong-un", ["Kim Jong Un", ["Kim"]], ["كيم جونغ أون", [], ["كيم"]], "m", "KP", 100, [
      office("leader", "KP", "2011-12-17", null),
    ]),
    person("kim-yo-jong", ["Kim Yo Jong", ["Kim"]], ["كيم يو جونغ", [], ["كيم"]], "f", "KP", 60),
    person("kim-jong-il", ["Kim Jong Il", ["Kim"]], ["كيم جونغ إيل", [], ["كيم"]], "m", "KP", 50, [
      office("leader", "KP", "1994-07-08", "2011-12-17"),
    ]),
    person("sergei-lavrov", ["Sergei Lavrov", ["Lavrov"]], ["سيرغي لافروف", [], ["لافروف"]], "m", "RU", 90, [
      office("foreign_minister", "RU", "2004-03-09", null),
    ]),
    person("sergei-shoigu", ["Sergei Shoigu", ["Shoigu"]], ["سيرغي شويغو", [], ["شويغو"]], "m", "RU", 80, [
      office("defence_minister", "RU", "2012-11-06", "2024-05-12"),
    ]),
    person(
      "andrei-belousov",
      ["Andrei Belousov", ["Belousov"]],
      ["أندريه بيلوسوف", [], ["بيلوسوف"]],
      "m",
      "RU",
      70,
      [office("defence_minister", "RU", "2024-05-14", null)],
    ),
    person(
      "vladimir-putin",
      ["Vladimir Putin", ["Putin"]],
      ["فلاديمير بوتين", ["فلاديمير بوتن"], ["بوتين", "بوتن"]],
      "m",
      "RU",
      100,
      [office("president", "RU", "2012-05-07", null)],
    ),
    person("choe-son-hui", ["Choe Son Hui", ["Choe"]], ["تشوي سون هوي", [], ["تشوي"]], "f", "KP", 70, [
      office("foreign_minister", "KP", "2022-06-11", null),
    ]),
    person("kang-sun-nam", ["Kang Sun Nam", []], ["كانغ سون نام", [], []], "m", "KP", 40),
    person(
      "donald-trump",
      ["Donald Trump", ["Trump"]],
      ["دونالد ترامب", ["دونالد ترمب"], ["ترامب", "ترمب"]],
      "m",
      "US",
      100,
    ),
  ],
  places: [
    place("KP", "country", "North Korea", "كوريا الشمالية", "KP", undefined, {
      demonym_bases_ar: ["كوري شمالي"],
    }),
    place("RU", "country", "Russia", "روسيا", "RU", undefined, {
      demonym_bases_ar: ["روسي"],
      demonyms_ar: ["الروس"],
    }),
    place("US", "country", "United States", "الولايات المتحدة", "US", undefined, {
      demonym_bases_ar: ["أمريكي"],
    }),
    place("pyongyang", "capital", "Pyongyang", "بيونغ يانغ", "KP", "KP"),
    place("wonsan", "city", "Wonsan", "وونسان", "KP", "KP"),
    place("moscow", "capital", "Moscow", "موسكو", "RU", "RU"),
    place("moscow-kremlin", "site", "Kremlin", "الكرملين", "RU", "moscow"),
    place("vladivostok", "city", "Vladivostok", "فلاديفوستوك", "RU", "RU"),
  ],
  organizations: [],
  roles: [
    {
      id: "leader",
      name_en: "Leader",
      titles_ar: ["الزعيم", "زعيم"],
      titles_en: ["leader"],
      fallback: ["president"],
    },
    { id: "president", name_en: "President", titles_ar: ["الرئيس", "رئيس"], titles_en: ["president"] },
    {
      id: "foreign_minister",
      name_en: "Foreign minister",
      titles_ar: ["وزير الخارجية", "وزيرة الخارجية"],
      titles_en: ["foreign minister"],
    },
    {
      id: "defence_minister",
      name_en: "Defence minister",
      titles_ar: ["وزير الدفاع"],
      titles_en: ["defence minister", "defense minister"],
    },
  ],
};

export const FIXTURE_GAZETTEER = buildGazetteer(RAW_GAZETTEER);

/** The directory over the fixture gazetteer and a list standing in for the `entities` table. */
export function buildFixtureDirectory(discovered: DiscoveredEntity[] = []) {
  return createQuestionDirectory(FIXTURE_GAZETTEER, (alias) =>
    discovered
      .filter((d) => [d.name_ar, d.name_en ?? "", ...d.aliases].some((n) => normalizeArabic(n) === alias))
      .map((entity) => ({ entity, partial: false })),
  );
}
