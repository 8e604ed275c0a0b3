import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGazetteer, type GazetteerMatch, type RawGazetteer } from "../../src/extraction/gazetteer.ts";
import { GazetteerError } from "../../src/extraction/gazetteer-error.ts";
import { loadGazetteer } from "../../src/extraction/gazetteer-load.ts";
import { normalizeArabic, tokenize } from "../../src/text/normalize.ts";

const gazetteer = loadGazetteer();

function readRaw(): RawGazetteer {
  const read = (name: string): unknown => JSON.parse(readFileSync(`data/gazetteer/${name}.json`, "utf8"));
  return {
    people: read("people"),
    places: read("places"),
    organizations: read("organizations"),
    roles: read("roles"),
  };
}

/** The longest matches for the whole phrase, as "kind:id" with "~" for a bare surname. */
function longest(phrase: string): string[] {
  const tokens = tokenize(phrase);
  return gazetteer
    .matchAt(tokens, 0)
    .filter((m) => m.length === tokens.length)
    .map((m) => `${m.kind}:${m.entity.id}${m.partial ? "~" : ""}`);
}

function spans(text: string): string[] {
  const tokens = tokenize(text);
  return gazetteer.scan(tokens).map((span) => {
    const first = span.matches[0] as GazetteerMatch;
    return `${tokens
      .slice(span.start, span.start + span.length)
      .map((t) => t.raw)
      .join(" ")}=${first.kind}:${first.entity.id}`;
  });
}

describe("the data in data/gazetteer", () => {
  it("validates and covers the beat", () => {
    expect(gazetteer.people.length).toBeGreaterThan(150);
    expect(gazetteer.places.length).toBeGreaterThan(100);
    expect(gazetteer.organizations.length).toBeGreaterThan(40);
    for (const id of ["kim-jong-un", "sergei-lavrov", "sergei-shoigu", "andrei-belousov", "choe-son-hui"]) {
      expect(gazetteer.personById(id)?.id).toBe(id);
    }
  });

  it("never gives one full Arabic name to two people", () => {
    const owners = new Map<string, string>();
    const shared: string[] = [];
    for (const person of gazetteer.people) {
      for (const form of new Set([person.nameAr, ...person.aliasesAr].map(normalizeArabic))) {
        const owner = owners.get(form);
        if (owner && owner !== person.id) shared.push(`${form}: ${owner}, ${person.id}`);
        owners.set(form, person.id);
      }
    }
    expect(shared).toEqual([]);
  });

  it("ends every office of a person who died by the day of death", () => {
    const late = gazetteer.people.flatMap((person) =>
      person.died
        ? person.offices
            .filter((o) => o.to === null || o.to > (person.died as string))
            .map((o) => `${person.id}: ${o.role}`)
        : [],
    );
    expect(gazetteer.people.filter((p) => p.died).length).toBeGreaterThan(5);
    expect(late).toEqual([]);
  });

  it("never has two substantive holders of a one-person office overlapping by more than two days", () => {
    const single = new Set([
      "leader",
      "president",
      "head_of_government",
      "foreign_minister",
      "defence_minister",
    ]);
    const terms = gazetteer.people.flatMap((person) =>
      person.offices
        .filter((o) => single.has(o.role) && !o.acting)
        .map((o) => ({
          person: person.id,
          key: `${o.role}@${o.country}`,
          from: o.from,
          to: o.to ?? "9999-12-31",
        })),
    );
    const dayMs = 86_400_000;
    const overlapping: string[] = [];
    for (const a of terms) {
      for (const b of terms) {
        if (a.key !== b.key || a.person >= b.person) continue;
        const end = Math.min(Date.parse(a.to), Date.parse(b.to));
        const start = Math.max(Date.parse(a.from), Date.parse(b.from));
        if ((end - start) / dayMs > 2) overlapping.push(`${a.key}: ${a.person} and ${b.person}`);
      }
    }
    expect(terms.length).toBeGreaterThan(100);
    expect(overlapping).toEqual([]);
  });
});

describe("matchAt", () => {
  it.each([
    "كيم جونغ أون",
    "كيم جونج أون",
    "كيم جونغ-أون",
    "كيم جونغ اون",
    "كيم جونج اون",
    "كيمْ جُونغ أُون",
    "وكيم جونغ أون",
    "لكيم جونج أون",
  ])("reads %s as Kim Jong Un's full name", (phrase) => {
    expect(longest(phrase)).toEqual(["person:kim-jong-un"]);
  });

  it.each([
    ["ولافروف", "person:sergei-lavrov~"],
    ["بلافروف", "person:sergei-lavrov~"],
    ["لبوتين", "person:vladimir-putin~"],
    ["وبوتن", "person:vladimir-putin~"],
    ["بيلوسوف", "person:andrei-belousov~"],
    ["شويجو", "person:sergei-shoigu~"],
    ["ترمب", "person:donald-trump~"],
    ["سيرجى لافروف", "person:sergei-lavrov"],
    ["تشوى سون هوى", "person:choe-son-hui"],
    ["ليندا توماس جرينفيلد", "person:linda-thomas-greenfield"],
    ["للصين", "place:CN"],
    ["بيونغيانغ", "place:pyongyang"],
    ["بيونج يانج", "place:pyongyang"],
    ["قاعدة فوستوتشني الفضائية", "place:vostochny-cosmodrome"],
    ["وكالة الأنباء المركزية الكورية", "org:kcna"],
    ["وزيرة الخارجية", "role:foreign_minister"],
    ["رئيس شؤون الدولة", "role:president"],
    ["فلاديمير بوتن", "person:vladimir-putin"],
    ["دونالد ترمب", "person:donald-trump"],
    ["دميتري ميدفيديف", "person:dmitry-medvedev"],
    ["كيم جونغ إيل", "person:kim-jong-il"],
    ["إيم تشون إيل", "person:im-chon-il"],
    ["لي هونغ زونغ", "person:li-hongzhong"],
    ["تاتيانا غوليكوفا", "person:tatyana-golikova"],
    ["يورى أوشاكوف", "person:yuri-ushakov"],
    ["أولان أوده", "place:ulan-ude"],
    ["جزيرة روسكى", "place:russky-island"],
    ["فوستوتشنى", "place:vostochny-cosmodrome"],
    ["بمقاطعة آمور", "place:amur-oblast"],
    ["بانمونجوم", "place:panmunjom"],
    ["فيينتيان", "place:vientiane"],
    ["دونغ دانغ", "place:dong-dang"],
    ["فندق كابيلا", "place:capella-singapore"],
    ["بجزيرة سنتوسا", "place:sentosa"],
    ["جمهورية كوريا الشعبية الديمقراطية", "place:KP"],
    ["جمهورية كوريا الديموقراطية الشعبية", "place:KP"],
    ["تشيه سون هي", "person:choe-son-hui"],
    ["يون صوك يول", "person:yoon-suk-yeol"],
    ["وجونغ أون", "person:kim-jong-un~"],
  ])("reads %s as %s", (phrase, expected) => {
    expect(longest(phrase)[0]).toBe(expected);
  });

  it("gives a bare كيم to every Kim, Kim Jong Un first", () => {
    const kims = longest("بكيم");
    expect(kims[0]).toBe("person:kim-jong-un~");
    expect(kims).toContain("person:kim-yo-jong~");
    expect(kims).toContain("person:kim-jong-il~");
  });

  it("keeps بوتين as Putin and nothing else, never stripping its ب", () => {
    const matches = gazetteer.matchAt(tokenize("بوتين"), 0);
    expect(matches.map((m) => m.entity.id)).toEqual(["vladimir-putin"]);
  });

  it("never reads Kim Yo Jong as Kim Jong Un's full name", () => {
    const tokens = tokenize("كيم يو جونغ");
    const full = gazetteer.matchAt(tokens, 0).filter((m) => !m.partial);
    expect(full.map((m) => m.entity.id)).toEqual(["kim-yo-jong"]);
    expect(longest("كيم يو جونغ")).toEqual(["person:kim-yo-jong"]);
  });

  it.each(["أمور", "كيف", "لي", "بارك", "أبي", "رئيسي", "روحاني", "لولا", "ملك", "الجزيرة"])(
    "does not read the common word %s as a name",
    (word) => {
      expect(gazetteer.matchAt(tokenize(word), 0)).toEqual([]);
    },
  );
});

describe("scan", () => {
  it.each([
    [
      "وزير الدفاع الروسى أندريه بيلوسوف",
      ["وزير الدفاع=role:defence_minister", "الروسى=demonym:RU", "أندريه بيلوسوف=person:andrei-belousov"],
    ],
    [
      "استقبل الزعيم الكوري الشمالي كيم جونغ أون",
      ["الزعيم=role:leader", "الكوري الشمالي=demonym:KP", "كيم جونغ أون=person:kim-jong-un"],
    ],
    ["مراسم في ساحة كيم إيل سونغ", ["ساحة كيم إيل سونغ=place:kim-il-sung-square"]],
    ["نظيرته تشوي سون هوي في وونسان", ["تشوي سون هوي=person:choe-son-hui", "وونسان=place:wonsan"]],
    [
      "التقى الأمين العام لمجلس الأمن الروسي سيرغي شويغو",
      [
        "الأمين العام لمجلس الأمن=role:security_council_secretary",
        "الروسي=demonym:RU",
        "سيرغي شويغو=person:sergei-shoigu",
      ],
    ],
  ])("splits %s into the longest entries", (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
});

describe("holderOf", () => {
  it.each([
    ["defence_minister", "RU", "2023-07-26", ["sergei-shoigu"]],
    ["defence_minister", "RU", "2024-11-29", ["andrei-belousov"]],
    ["defence_minister", "RU", "2024-05-14", ["andrei-belousov", "sergei-shoigu"]],
    ["security_council_secretary", "RU", "2024-11-29", ["sergei-shoigu"]],
    ["security_council_secretary", "RU", "2023-07-26", ["nikolai-patrushev"]],
    ["defence_minister", "KP", "2023-07-26", ["kang-sun-nam"]],
    ["defence_minister", "KP", "2024-11-29", ["no-kwang-chol"]],
    ["foreign_minister", "KP", "2023-10-19", ["choe-son-hui"]],
    ["foreign_minister", "RU", "2025-07-12", ["sergei-lavrov"]],
    ["leader", "KP", "2019-04-25", ["kim-jong-un"]],
    ["leader", "KP", "2000-07-19", ["kim-jong-il"]],
    ["leader", "RU", "2019-04-25", ["vladimir-putin"]],
    ["president", "KP", "2014-01-01", ["kim-jong-un"]],
    ["leader", "JP", "2023-11-22", ["kishida-fumio"]],
    ["president", "JP", "2023-11-22", []],
    ["president", "US", "2019-06-30", ["donald-trump"]],
    ["president", "US", "2023-09-13", ["joe-biden"]],
    ["president", "RU", "2011-06-01", ["dmitry-medvedev"]],
    ["president", "KR", "2025-01-10", ["yoon-suk-yeol", "choi-sang-mok"]],
    ["head_of_government", "JP", "2023-11-22", ["kishida-fumio"]],
    ["un_secretary_general", "un", "2024-06-19", ["antonio-guterres"]],
    ["kremlin_spokesperson", "RU", "2023-09-12T11:05:00+03:00", ["dmitry-peskov"]],
  ])("%s of %s on %s", (role, of, date, expected) => {
    expect(gazetteer.holderOf(role, of, date).map((p) => p.id)).toEqual(expected);
  });

  it.each([
    ["defence_minister", "RU", "2024-01-01", "2024-12-31", ["andrei-belousov", "sergei-shoigu"]],
    ["foreign_minister", "KP", "2019-01-01", "2020-12-31", ["ri-son-gwon", "ri-yong-ho"]],
    ["head_of_government", "JP", null, "2013-01-01", ["abe-shinzo"]],
  ])("%s of %s between %s and %s", (role, of, from, to, expected) => {
    expect(gazetteer.holdersDuring(role, of, from, to).map((p) => p.id)).toEqual(expected);
  });

  it("lists the offices a person held on a day", () => {
    const shoigu = gazetteer.personById("sergei-shoigu");
    expect(shoigu && gazetteer.officesAt(shoigu, "2024-11-29").map((o) => o.role)).toEqual([
      "security_council_secretary",
    ]);
  });
});

describe("demonyms", () => {
  it.each([
    ["الروسي", "RU"],
    ["الروسى", "RU"],
    ["الروسية", "RU"],
    ["الروس", "RU"],
    ["روسيين", "RU"],
    ["الكوري الشمالي", "KP"],
    ["الكورى الشمالى", "KP"],
    ["الكوريين الشماليين", "KP"],
    ["الكورية الجنوبية", "KR"],
    ["الأمريكية", "US"],
    ["الأميركيون", "US"],
    ["البيلاروسي", "BY"],
    ["والكوري الشمالي", "KP"],
    ["وللكورية الشمالية", "KP"],
  ])("%s names %s", (word, country) => {
    expect(gazetteer.placeByDemonym(word).map((p) => p.id)).toEqual([country]);
    expect(longest(word)).toEqual([`demonym:${country}`]);
  });

  it("leaves a bare الكوري to the context", () => {
    expect(gazetteer.placeByDemonym("الكوري").map((p) => p.id)).toEqual(["KP", "KR"]);
  });
});

describe("findByName", () => {
  it.each([
    ["Kim Jong-un", "kim-jong-un", false],
    ["kim jong un", "kim-jong-un", false],
    ["KIM", "kim-jong-un", true],
    ["Lavrov", "sergei-lavrov", true],
    ["Sergey Lavrov", "sergei-lavrov", false],
    ["Choe Son-hui", "choe-son-hui", false],
    ["Pyongyang", "pyongyang", false],
    ["Vostochny", "vostochny-cosmodrome", false],
    ["كيم جونج أون", "kim-jong-un", false],
  ])("finds %s", (text, id, partial) => {
    const [first] = gazetteer.findByName(text);
    expect(first?.entity.id).toBe(id);
    expect(first?.partial).toBe(partial);
  });

  it("does not match a name that only starts the text", () => {
    expect(gazetteer.findByName("Kim Jong Un met Lavrov")).toEqual([]);
  });
});

describe("places", () => {
  it.each([
    ["russky-island", "vladivostok", true],
    ["fefu", "RU", true],
    ["vostochny-cosmodrome", "amur-oblast", true],
    ["panmunjom", "KP", true],
    ["pyongyang", "RU", false],
  ])("%s lies within %s: %s", (place, ancestor, expected) => {
    expect(gazetteer.isWithin(place, ancestor)).toBe(expected);
  });
});

describe("invalid data", () => {
  it("names the file, the entry and the field of a bad entry", () => {
    const raw = readRaw();
    const people = raw.people as Record<string, unknown>[];
    const shoigu = people.find((p) => p.id === "sergei-shoigu") as { offices: { from: string }[] };
    (shoigu.offices[0] as { from: string }).from = "6 November 2012";
    expect(() => buildGazetteer(raw)).toThrowError(GazetteerError);
    expect(() => buildGazetteer(raw)).toThrowError(
      /people\.json: entry \d+ \(id "sergei-shoigu"\): offices\.0\.from/,
    );
  });

  it("names a reference to a role that does not exist", () => {
    const raw = readRaw();
    const people = raw.people as { id: string; offices: { role: string }[] }[];
    const lavrov = people.find((p) => p.id === "sergei-lavrov");
    (lavrov?.offices[0] as { role: string }).role = "chief_diplomat";
    expect(() => buildGazetteer(raw)).toThrowError(
      /"sergei-lavrov": offices\.0\.role "chief_diplomat" is not in roles\.json/,
    );
  });

  it("refuses an organisation id that a place already uses", () => {
    const raw = readRaw();
    const organizations = raw.organizations as { id: string }[];
    (organizations[0] as { id: string }).id = "pyongyang";
    expect(() => buildGazetteer(raw)).toThrowError(/organizations\.json: id "pyongyang" is already used/);
  });

  it("refuses a file that is not an array", () => {
    expect(() => buildGazetteer({ ...readRaw(), places: { id: "RU" } })).toThrowError(
      /places\.json: expected a JSON array/,
    );
  });

  it("says which file is missing", () => {
    expect(() => loadGazetteer("tests/no-such-folder")).toThrowError(
      /Cannot read tests\/no-such-folder\/people\.json/,
    );
  });
});
