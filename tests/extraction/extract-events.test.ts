import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractedEvent } from "../../src/events/extracted-event.ts";
import { extractEvents } from "../../src/extraction/extract-events.ts";
import { loadGazetteer } from "../../src/extraction/gazetteer-load.ts";

const gazetteer = loadGazetteer(join(import.meta.dirname, "..", "..", "data", "gazetteer"));
// A Wednesday afternoon: "اليوم" is 2024-06-19, "أمس" 2024-06-18.
const PUBLISHED = "2024-06-19T16:00:00+03:00";

/** "type: id+id @place date" for each event, sorted, so a table row states the whole expected result. */
function summarize(text: string, published = PUBLISHED): string[] {
  return extractEvents({ text, published }, gazetteer)
    .map(
      (e: ExtractedEvent) =>
        `${e.type}: ${e.participants.map((p) => p.id).join("+")} @${e.place?.id ?? "-"} ${e.date ?? "-"}`,
    )
    .sort();
}

describe("meetings", () => {
  it.each([
    [
      "التقى الرئيس الصيني شي جين بينغ نظيره الروسي فلاديمير بوتين في بكين اليوم الأربعاء.",
      ["meeting: vladimir-putin+xi-jinping @beijing 2024-06-19"],
    ],
    [
      "اجتمع وزير الخارجية الأمريكي أنتوني بلينكن مع نظيره الصيني وانغ يي أمس الثلاثاء في جاكرتا.",
      ["meeting: antony-blinken+wang-yi @jakarta 2024-06-18"],
    ],
    [
      "واستقبلت وزيرة الخارجية الكورية الشمالية تشوي سون هوي اليوم في بيونغ يانغ وزير الخارجية الروسي سيرغي لافروف.",
      ["meeting: choe-son-hui+sergei-lavrov @pyongyang 2024-06-19"],
    ],
    [
      "وعقد بوتين وكيم جونغ أون قمتهما في دار كومسوسان للضيافة ببيونغ يانغ اليوم.",
      ["meeting: kim-jong-un+vladimir-putin @pyongyang 2024-06-19"],
    ],
    [
      "ورحب الزعيم كيم جونغ أون بوزير الدفاع الروسي أندريه بيلوسوف في بيونغ يانغ أمس، وأجرى معه محادثات.",
      ["meeting: andrei-belousov+kim-jong-un @pyongyang 2024-06-18"],
    ],
    // The spouse at a leaders' meeting is no extra participant.
    [
      "والتقى بوتين مساء أمس الرئيس الصيني شي جين بينغ وزوجته بنغ لي يوان في قصر الكرملين.",
      ["meeting: vladimir-putin+xi-jinping @moscow 2024-06-18"],
    ],
  ])("%s", (text, expected) => {
    expect(summarize(text)).toEqual(expected);
  });
});

describe("visits", () => {
  it.each([
    [
      "وصل وزير الدفاع الروسي إلى طهران صباح اليوم في زيارة تستمر ثلاثة أيام.",
      ["visit: andrei-belousov @tehran 2024-06-19"],
    ],
    ["وزارت كيم يو جونغ سيول أمس الثلاثاء.", ["visit: kim-yo-jong @seoul 2024-06-18"]],
    // A named companion travels too; the airport stands for its city.
    [
      "وحطت طائرة لافروف في مطار سونان الدولي أمس، يرافقه نائبه أندريه رودينكو.",
      ["visit: andrei-rudenko @pyongyang 2024-06-18", "visit: sergei-lavrov @pyongyang 2024-06-18"],
    ],
    // A visit and the meeting held during it.
    [
      "وكان شويغو قد زار بيونغ يانغ في تموز/يوليو 2023 والتقى خلال الزيارة بالزعيم كيم جونغ أون.",
      ["meeting: kim-jong-un+sergei-shoigu @pyongyang 2023-07", "visit: sergei-shoigu @pyongyang 2023-07"],
    ],
    // An undated earlier event ("بعد قمة …") is not dated by the report's day; a dated arrival before a
    // meeting is kept, and a title before a bare surname is no second person.
    [
      "وقال لافروف إن العلاقات تعززت بعد قمة بوتين وكيم جونغ أون. وبعد وصوله إلى موسكو، التقى كيم جونغ أون الرئيس بوتين أمس.",
      ["meeting: kim-jong-un+vladimir-putin @moscow 2024-06-18", "visit: kim-jong-un @moscow 2024-06-18"],
    ],
    // The visitor of "زيارته لروسيا" is the one who is a guest there.
    [
      "وكان كيم جونغ أون قد التقى بوتين خلال زيارته لروسيا في سبتمبر الماضي.",
      ["meeting: kim-jong-un+vladimir-putin @RU 2023-09", "visit: kim-jong-un @RU 2023-09"],
    ],
    // One trip to a list of places is a visit to each.
    [
      "وزار الرئيس الصيني شي جين بينغ كلاً من فيتنام ولاوس في أيار/مايو الماضي.",
      ["visit: xi-jinping @LA 2024-05", "visit: xi-jinping @VN 2024-05"],
    ],
    // Coming home is no visit.
    ["وعاد كيم جونغ أون إلى بيونغ يانغ أمس بعد جولته.", []],
    ["ووصل كيم جونغ أون إلى بيونغ يانغ أمس قادماً من فلاديفوستوك.", []],
  ])("%s", (text, expected) => {
    expect(summarize(text)).toEqual(expected);
  });
});

describe("calls", () => {
  it.each([
    [
      "أجرى بوتين اتصالاً هاتفياً بالرئيس الأمريكي دونالد ترامب مساء أمس.",
      ["call: donald-trump+vladimir-putin @- 2024-06-18"],
    ],
    [
      "وبحث الرئيس الروسي هاتفياً مع نظيره الصيني آخر التطورات في المنطقة أمس.",
      ["call: vladimir-putin+xi-jinping @- 2024-06-18"],
    ],
  ])("%s", (text, expected) => {
    expect(summarize(text)).toEqual(expected);
  });
});

describe("planned events", () => {
  it.each([
    [
      "من المقرر أن يلتقي لافروف نظيره الكوري الشمالي في موسكو يوم الجمعة المقبل.",
      ["planned: choe-son-hui+sergei-lavrov @moscow 2024-06-21"],
    ],
    [
      "يزور رئيس الوزراء الياباني فوميو كيشيدا سيول الأسبوع المقبل.",
      ["planned: kishida-fumio @seoul 2024-06"],
    ],
    [
      "ويعتزم الرئيس الصيني زيارة موسكو الشهر المقبل تلبية لدعوة من نظيره الروسي.",
      ["planned: vladimir-putin+xi-jinping @moscow 2024-07"],
    ],
    [
      "ووجه بوتين دعوة إلى كيم جونغ أون لزيارة موسكو، وقبل الزعيم الكوري الشمالي الدعوة.",
      ["planned: kim-jong-un @moscow 2024-06"],
    ],
    // Without a date a plan is dated by the report's month.
    [
      "وسيستقبل كيم جونغ أون الرئيس الروسي في بيونغ يانغ.",
      ["planned: kim-jong-un+vladimir-putin @pyongyang 2024-06"],
    ],
  ])("%s", (text, expected) => {
    expect(summarize(text)).toEqual(expected);
  });
});

describe("sentence shapes from other outlets", () => {
  it.each([
    // A subject and a list of objects: one meeting per object.
    [
      "والتقى بوتين في قازان، على هامش القمة، الرئيس الصيني ورئيس الوزراء الهندي.",
      [
        "meeting: narendra-modi+vladimir-putin @kazan 2024-06-19",
        "meeting: vladimir-putin+xi-jinping @kazan 2024-06-19",
      ],
    ],
    // The host of "كان في استقبال" may stand after the guest; the guest's arrival is a visit.
    [
      "وكان في استقبال الرئيس الروسي لدى وصوله إلى مطار بكين الرئيس الصيني شي جين بينغ.",
      ["meeting: vladimir-putin+xi-jinping @beijing 2024-06-19", "visit: vladimir-putin @beijing 2024-06-19"],
    ],
    // The traveller named after the visit word, not the critic before it; an unknown speaker is discovered.
    [
      "وانتقد بوتين زيارة رئيسة مجلس النواب الأمريكي نانسي بيلوسي إلى تايوان في آب/أغسطس 2022.",
      ["visit: x-nansy-bylwsy @TW 2022-08"],
    ],
    // A title after a name describes that person.
    [
      "والتقى كيم جونغ أون في بيونغ يانغ يوم 12 سبتمبر/أيلول 2023 وفداً روسياً برئاسة سيرغي شويغو أمين مجلس الأمن الروسي.",
      ["meeting: kim-jong-un+sergei-shoigu @pyongyang 2023-09-12"],
    ],
    // A visit announced in the present tense for coming days, and the talks it is for: one plan.
    [
      "يزور وزير الخارجية الصيني وانغ يي موسكو يومي الاثنين والثلاثاء المقبلين لإجراء محادثات مع نظيره الروسي.",
      ["planned: sergei-lavrov+wang-yi @moscow 2024-06-24"],
    ],
    [
      "وخلال زيارته إلى بكين، التقى كيم جونغ أون بالرئيس الصيني شي جين بينغ أمس.",
      ["meeting: kim-jong-un+xi-jinping @beijing 2024-06-18", "visit: kim-jong-un @beijing 2024-06-18"],
    ],
    [
      "وأعلن زيلينسكي أنه سيتوجه إلى واشنطن يوم الاثنين المقبل للقاء ترامب.",
      ["planned: donald-trump+volodymyr-zelensky @washington 2024-06-24"],
    ],
    // "أول زيارة … منذ عشر سنوات": this visit, and the one ten years before.
    [
      "وهذه أول زيارة لبوتين إلى الولايات المتحدة منذ عشر سنوات.",
      ["visit: vladimir-putin @US 2014", "visit: vladimir-putin @US 2024-06-19"],
    ],
    [
      "اتصل بوتين بنظيره الصيني شي جين بينغ أمس لتهنئته بعيد ميلاده.",
      ["call: vladimir-putin+xi-jinping @- 2024-06-18"],
    ],
    // "الرئيسان" names the last pair of presidents; the backdrop summit's guest is no participant; a topic
    // ("الوضع في سوريا") is no place; the agenda of today's meeting is no second event.
    [
      "يلتقي الرئيس التركي رجب طيب أردوغان نظيره الروسي فلاديمير بوتين اليوم الأربعاء.\nوكان الرئيسان قد التقيا في طهران في 19 تموز/يوليو 2022 على هامش قمة ثلاثية مع الرئيس الإيراني إبراهيم رئيسي.\nومن المنتظر أن يبحث الزعيمان الوضع في سوريا.",
      [
        "meeting: recep-tayyip-erdogan+vladimir-putin @- 2024-06-19",
        "meeting: recep-tayyip-erdogan+vladimir-putin @tehran 2022-07-19",
      ],
    ],
    [
      "أعرب الرئيس الروسي عن استعداده للقاء نظيره الأوكراني فولوديمير زيلينسكي.",
      ["planned: vladimir-putin+volodymyr-zelensky @- 2024-06"],
    ],
  ])("%s", (text, expected) => {
    expect(summarize(text)).toEqual(expected);
  });
});

describe("what is not an event", () => {
  it.each([
    ["نفى الكرملين أن يكون بوتين قد التقى كيم جونغ أون سراً الشهر الماضي."],
    ["لم يلتق الرئيس الأمريكي بالزعيم الكوري الشمالي خلال جولته الآسيوية."],
    ["وقال الكرملين إن الرئيس فلاديمير بوتين لا يعتزم لقاء وزيرة الخارجية الكورية الشمالية."],
    ["وتستبعد كيم يو جونغ عقد قمة بين كوريا الشمالية والولايات المتحدة هذا العام."],
    ["وتوقع ترامب أن يلتقي الزعيم الكوري الشمالي مرات عديدة في المستقبل."],
    ["قال مسؤول أمريكي إن ترامب قد يلتقي كيم جونغ أون خلال جولته الآسيوية."],
    ["ورحب الكرملين بتصريحات ترامب حول لقاء محتمل مع بوتين."],
    ["ودعا زيلينسكي إلى لقاء مباشر مع بوتين لإنهاء الحرب."],
    ["واقترح أردوغان عقد قمة تجمع بوتين وزيلينسكي في إسطنبول."],
    ["وقال إن اللقاء بين بوتين وترامب لن يعقد قبل التحضير الجيد."],
    ["وأعلن الكرملين تأجيل زيارة بوتين إلى بيونغ يانغ."],
    ["ومن غير المرجح أن يلتقي بوتين ترامب قريبا."],
    // An invitation nobody has accepted yet.
    ["ووجه بوتين دعوة إلى كيم جونغ أون لزيارة موسكو."],
    // Greetings conveyed by a minister do not put the sender in the room.
    ["ونقلت تشوي سون هوي إلى بوتين تحيات الزعيم كيم جونغ أون."],
    // A statement by the leader's sister is no meeting of the leader.
    ["وقالت كيم يو جونغ، شقيقة الزعيم كيم جونغ أون، إن المحادثات لن تفيد."],
  ])("%s", (text) => {
    expect(summarize(text)).toEqual([]);
  });
});

describe("dates", () => {
  it.each([
    // A relative offset: two months before the sentence's own day.
    [
      "وتأتي الزيارة بعد نحو شهرين من قمة بوتين وكيم جونغ أون في فوستوتشني.",
      ["meeting: kim-jong-un+vladimir-putin @vostochny-cosmodrome 2024-04"],
    ],
    // "منذ" opens a period, not the date of this visit; "the first since 2000" tells of one in 2000.
    [
      "وحطت طائرة بوتين في بيونغ يانغ اليوم في أول زيارة له منذ عام 2000.",
      ["visit: vladimir-putin @pyongyang 2000", "visit: vladimir-putin @pyongyang 2024-06-19"],
    ],
    // A morning report without a date tells of the day before.
    [
      "والتقى لافروف نظيرته تشوي سون هوي في موسكو.",
      ["meeting: choe-son-hui+sergei-lavrov @moscow 2024-06-19"],
    ],
  ])("%s", (text, expected) => {
    expect(summarize(text)).toEqual(expected);
  });

  it("dates an undated report published in the morning by the day before", () => {
    expect(summarize("والتقى لافروف نظيرته تشوي سون هوي في موسكو.", "2024-06-19T08:00:00+03:00")).toEqual([
      "meeting: choe-son-hui+sergei-lavrov @moscow 2024-06-18",
    ]);
  });
});

describe("titles, counterparts and surnames", () => {
  it.each([
    // The same title names different people on different days.
    [
      "أجرى وزير الدفاع الروسي محادثات مع نظيره الصيني في بكين أمس.",
      "2023-04-17T12:00:00+03:00",
      "li-shangfu+sergei-shoigu",
    ],
    [
      "أجرى وزير الدفاع الروسي محادثات مع نظيره الصيني في بكين أمس.",
      "2024-11-20T12:00:00+03:00",
      "andrei-belousov+dong-jun",
    ],
    [
      "استقبل الزعيم الكوري الشمالي الرئيس الروسي في بيونغ يانغ أمس.",
      PUBLISHED,
      "kim-jong-un+vladimir-putin",
    ],
  ])("%s (%s)", (text, published, ids) => {
    const [event] = extractEvents({ text, published }, gazetteer);
    expect(event?.participants.map((p) => p.id).join("+")).toBe(ids);
  });

  it("reads a bare surname as the person the article introduced, never another of that name", () => {
    const text =
      "وقالت كيم يو جونغ، شقيقة الزعيم الكوري الشمالي، إن بلادها ترحب بالزيارة.\nوالتقت كيم أمس وزير الخارجية الروسي سيرغي لافروف في بيونغ يانغ.";
    const ids = extractEvents({ text, published: PUBLISHED }, gazetteer).flatMap((e) =>
      e.participants.map((p) => p.id),
    );
    expect(ids).toContain("kim-yo-jong");
    expect(ids).not.toContain("kim-jong-un");
  });

  it("reads a bare كيم as Kim Jong Un when the article introduced only him", () => {
    const text =
      "وصل الزعيم الكوري الشمالي كيم جونغ أون إلى فلاديفوستوك أمس.\nوالتقى كيم اليوم الرئيس فلاديمير بوتين في جزيرة روسكي.";
    expect(summarize(text)).toContain("meeting: kim-jong-un+vladimir-putin @vladivostok 2024-06-19");
  });

  it("discovers a person the gazetteer does not know from a title in apposition", () => {
    const [event] = extractEvents(
      {
        text: "واستقبل لافروف في موسكو أمس نائب وزير خارجية لاوس، فونغساي سيفونغ، وبحث معه التعاون.",
        published: PUBLISHED,
      },
      gazetteer,
    );
    const discovered = event?.participants.find((p) => p.discovered);
    expect(discovered).toMatchObject({ nameAr: "فونغساي سيفونغ", nameEn: null });
    expect(discovered?.id).toMatch(/^x-/);
  });

  it("never takes an organisation for a person", () => {
    const ids = extractEvents(
      {
        text: "وقالت وكالة الأنباء المركزية الكورية إن كيم جونغ أون استقبل لافروف في وونسان.",
        published: PUBLISHED,
      },
      gazetteer,
    ).flatMap((e) => e.participants.map((p) => p.id));
    expect(ids.sort()).toEqual(["kim-jong-un", "sergei-lavrov"]);
  });
});

describe("article structure", () => {
  it("reads no event from headlines, related-story lists and embedded posts", () => {
    const text = [
      "بوتين يستقبل كيم جونغ أون في الكرملين",
      "قال المتحدث باسم الكرملين إن الأجواء إيجابية.",
      "موضوعات ذات صلة:",
      "- لافروف يلتقي وانغ يي في بكين",
      "- ترامب يصل إلى هانوي",
      "«التقيت اليوم الرئيس الصيني في بكين، لقاء رائع!»",
    ].join("\n");
    expect(summarize(text)).toEqual([]);
  });

  it("merges the mentions of one meeting across the sentences of an article", () => {
    const text =
      "التقى لافروف نظيره الصيني وانغ يي اليوم في فيينتيان.\nوقال لافروف إن لقاءه مع وانغ يي كان مثمراً.\nوكان لافروف قد أجرى محادثات مع وانغ يي في بكين في نيسان/أبريل الماضي.";
    expect(summarize(text)).toEqual([
      "meeting: sergei-lavrov+wang-yi @beijing 2024-04",
      "meeting: sergei-lavrov+wang-yi @vientiane 2024-06-19",
    ]);
  });
});

describe("robustness", () => {
  it("never throws on slices of real text, with or without a publication date", () => {
    const text =
      "وقالت تشوي، التي وصلت إلى العاصمة الروسية يوم الأربعاء، إن الزعيم كيم جونغ أون أصدر توجيهات.\nواستقبلها الرئيس فلاديمير بوتين في الكرملين في اليوم نفسه، بعد لقاء «نظيرها» لافروف: 12.5% من…";
    for (let start = 0; start < text.length; start += 7) {
      for (let end = start; end <= text.length; end += 13) {
        for (const published of [PUBLISHED, null, "not a date"]) {
          expect(() => extractEvents({ text: text.slice(start, end), published }, gazetteer)).not.toThrow();
        }
      }
    }
  });

  it("leaves events undated when the article has no publication date", () => {
    const [event] = extractEvents(
      { text: "التقى بوتين أمس الرئيس الصيني شي جين بينغ في بكين.", published: null },
      gazetteer,
    );
    expect(event).toMatchObject({ type: "meeting", date: null, precision: null });
  });
});
