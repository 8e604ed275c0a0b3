import { describe, expect, it } from "vitest";
import { type DateMention, findDateExpressions, type Tense } from "../../src/dates/find-dates.ts";

// Publication times of real corpus articles (eval/dev, eval/seeds), in the outlets' offsets.
const WED_2023_07_26 = "2023-07-26T16:00:00+03:00";
const MON_2025_07_14 = "2025-07-14T07:00:00+03:00";
const FRI_2024_11_01 = "2024-11-01T19:45:00+03:00";
const SAT_2019_03_02 = "2019-03-02T11:00:00+02:00";
const TUE_2023_09_12 = "2023-09-12T11:05:00+03:00";
const TUE_2018_06_12 = "2018-06-12T13:40:00+03:00";
const WED_2023_10_18 = "2023-10-18T16:10:00+03:00";
const MON_2024_06_17 = "2024-06-17T20:05:00+03:00";
const WED_2024_06_19 = "2024-06-19T16:50:00+03:00";
const SAT_2019_05_04 = "2019-05-04T09:20:00+03:00";
const MON_2023_09_04 = "2023-09-04T19:00:00+03:00";
const WED_2023_11_22 = "2023-11-22T10:30:00+03:00";
const SAT_2024_11_30 = "2024-11-30T13:00:00+02:00";

type Row = [
  sentence: string,
  published: string,
  tense: Tense | undefined,
  expected: [string, string, string][],
];

function found(sentence: string, published: string, tense?: Tense): [string, string, string][] {
  const mentions = findDateExpressions(sentence, published, tense ? { tense } : {});
  for (const mention of mentions) expect(sentence.slice(mention.start, mention.end)).toBe(mention.text);
  return mentions.map((m) => [m.date, m.precision, m.text]);
}

describe("findDateExpressions: days relative to publication", () => {
  it.each<Row>([
    [
      "أجرى وزير الدفاع الروسي، سيرغي شويغو، اليوم الأربعاء، محادثات",
      WED_2023_07_26,
      undefined,
      [["2023-07-26", "day", "اليوم الأربعاء"]],
    ],
    ["المحادثات التي جرت اليوم بين البلدين", WED_2023_07_26, undefined, [["2023-07-26", "day", "اليوم"]]],
    [
      "أفادت وسائل إعلام رسمية أمس الأحد أن الزعيم",
      MON_2025_07_14,
      undefined,
      [["2025-07-13", "day", "أمس الأحد"]],
    ],
    [
      "وفي وقت لاحق يوم أمس الأحد، أعلنت الوزارة",
      MON_2025_07_14,
      undefined,
      [["2025-07-13", "day", "يوم أمس الأحد"]],
    ],
    [
      "وصل كيم إلى فيتنام صباح أمس (الثلاثاء) على متن قطاره",
      WED_2023_07_26,
      undefined,
      [["2023-07-25", "day", "صباح أمس (الثلاثاء)"]],
    ],
    ["استهل الزعيمان القمة مساء أمس بعشاء", WED_2023_07_26, undefined, [["2023-07-25", "day", "مساء أمس"]]],
    ["عبر القطار الحدود صباح اليوم", WED_2023_07_26, undefined, [["2023-07-26", "day", "صباح اليوم"]]],
    [
      "حطت الطائرة بعيد الساعة الثانية من فجر اليوم",
      WED_2023_07_26,
      undefined,
      [["2023-07-26", "day", "فجر اليوم"]],
    ],
    ["يلتقي الزعيمان الليلة في القصر", WED_2023_07_26, "future", [["2023-07-26", "day", "الليلة"]]],
    ["وقعت الهجمات الليلة الماضية", WED_2023_07_26, undefined, [["2023-07-25", "day", "الليلة الماضية"]]],
    ["التقى الوزيران أول أمس في موسكو", WED_2023_07_26, undefined, [["2023-07-24", "day", "أول أمس"]]],
    ["التقى الوزيران أول من أمس في موسكو", WED_2023_07_26, undefined, [["2023-07-24", "day", "أول من أمس"]]],
    ["التقى الوزيران أمس الأول في موسكو", WED_2023_07_26, undefined, [["2023-07-24", "day", "أمس الأول"]]],
    [
      "ويستأنف الزعيمان محادثاتهما غداً الخميس",
      WED_2023_07_26,
      "future",
      [["2023-07-27", "day", "غداً الخميس"]],
    ],
    ["ويصل الوفد غدا إلى بيونغ يانغ", WED_2023_07_26, "future", [["2023-07-27", "day", "غدا"]]],
    ["يلتقي بوتين كيم بعد غد في فلاديفوستوك", WED_2023_07_26, "future", [["2023-07-28", "day", "بعد غد"]]],
    ["تبدأ المحادثات يوم الغد", WED_2023_07_26, "future", [["2023-07-27", "day", "يوم الغد"]]],
    [
      "وصل لافروف اليوم (الأربعاء) إلى بيونغ يانغ",
      WED_2023_10_18,
      undefined,
      [["2023-10-18", "day", "اليوم (الأربعاء)"]],
    ],
    [
      "واستقبل الرئيس الوفد اليومَ الأربعاءَ",
      WED_2023_07_26,
      undefined,
      [["2023-07-26", "day", "اليومَ الأربعاءَ"]],
    ],
    ["وصل الوفد بالأمس إلى موسكو", WED_2023_07_26, undefined, [["2023-07-25", "day", "بالأمس"]]],
  ])("%s (published %s, %s)", (sentence, published, tense, expected) => {
    expect(found(sentence, published, tense)).toEqual(expected);
  });

  it("names the day by the weekday the outlet gives when the clock has passed midnight", () => {
    // Posted at 00:30 on Thursday local time about a signing "today, Wednesday".
    expect(found("وقع الزعيمان اليوم الأربعاء معاهدة", "2024-06-20T00:30:00+03:00")).toEqual([
      ["2024-06-19", "day", "اليوم الأربعاء"],
    ]);
  });

  it.each([
    ["2024-06-19T23:30:00+03:00", "2024-06-18"],
    ["2024-06-19T00:30:00+03:00", "2024-06-18"],
    ["2024-06-19T22:30:00-05:00", "2024-06-18"],
    ["2024-06-19T01:00:00Z", "2024-06-18"],
    ["2024-06-19T05:45:00+05:45", "2024-06-18"],
  ])("anchors أمس on the outlet's own calendar day (%s)", (published, yesterday) => {
    expect(found("وصل الوفد أمس", published)).toEqual([[yesterday, "day", "أمس"]]);
  });
});

describe("findDateExpressions: weekdays", () => {
  it.each<Row>([
    [
      "وصلت إلى العاصمة الروسية يوم الأربعاء",
      FRI_2024_11_01,
      undefined,
      [["2024-10-30", "day", "يوم الأربعاء"]],
    ],
    [
      "وصلت إلى العاصمة الروسية يوم الأربعاء",
      FRI_2024_11_01,
      "past",
      [["2024-10-30", "day", "يوم الأربعاء"]],
    ],
    ["يصل الوزير إلى موسكو يوم الأربعاء", FRI_2024_11_01, "future", [["2024-11-06", "day", "يوم الأربعاء"]]],
    [
      "كيم الذى وصل إلى فلاديفوستوك الأربعاء على متن قطار خاص",
      FRI_2024_11_01,
      "past",
      [["2024-10-30", "day", "الأربعاء"]],
    ],
    [
      "غادر الوفد بيونغ يانغ والأربعاء وصل إلى موسكو",
      FRI_2024_11_01,
      "past",
      [["2024-10-30", "day", "والأربعاء"]],
    ],
    ["التقى الوزيران الخميس الماضي", WED_2023_07_26, undefined, [["2023-07-20", "day", "الخميس الماضي"]]],
    ["يلتقي الوزيران الخميس المقبل", WED_2023_07_26, undefined, [["2023-07-27", "day", "الخميس المقبل"]]],
    ["تعقد القمة يوم الجمعة القادم", WED_2023_07_26, undefined, [["2023-07-28", "day", "يوم الجمعة القادم"]]],
    [
      "أجرى محادثات يوم الجمعة الماضى مع نظيره",
      WED_2023_07_26,
      undefined,
      [["2023-07-21", "day", "يوم الجمعة الماضى"]],
    ],
    // The publication weekday itself: on or before for past events, الماضي a week back, future a week on.
    ["عقد الاجتماع الأربعاء", WED_2023_07_26, "past", [["2023-07-26", "day", "الأربعاء"]]],
    ["عقد الاجتماع الأربعاء الماضي", WED_2023_07_26, "past", [["2023-07-19", "day", "الأربعاء الماضي"]]],
    ["يعقد الاجتماع الأربعاء", WED_2023_07_26, "future", [["2023-08-02", "day", "الأربعاء"]]],
    ["وسيحضر شويغو الخميس الاحتفالات", WED_2023_07_26, "future", [["2023-07-27", "day", "الخميس"]]],
    ["غادر القطار بيونغ يانغ مساء الأحد", TUE_2023_09_12, undefined, [["2023-09-10", "day", "مساء الأحد"]]],
    ["حط في مطار شانغي بعد ظهر الأحد", TUE_2018_06_12, undefined, [["2018-06-10", "day", "بعد ظهر الأحد"]]],
    [
      "انتهت القمة فى هانوى يومى الأربعاء والخميس الماضيين دون اتفاق",
      SAT_2019_03_02,
      undefined,
      [
        ["2019-02-27", "day", "يومى الأربعاء"],
        ["2019-02-28", "day", "والخميس الماضيين"],
      ],
    ],
    ["قال أحد المسؤولين إن الجمعية العامة", WED_2023_07_26, undefined, []],
    ["تم إنجاز الاتفاق خلال يوم واحد", WED_2023_07_26, undefined, []],
  ])("%s (published %s, %s)", (sentence, published, tense, expected) => {
    expect(found(sentence, published, tense)).toEqual(expected);
  });
});

describe("findDateExpressions: periods", () => {
  it.each<Row>([
    // Last ISO week (Mon 22 – Sun 28 April 2019) has its Thursday in April.
    [
      "محادثات بوتين وكيم في فلاديفوستوك الأسبوع الماضي",
      SAT_2019_05_04,
      undefined,
      [["2019-04", "month", "الأسبوع الماضي"]],
    ],
    // Published Monday 4 September: last week ran 28 August – 3 September, its Thursday is 31 August.
    [
      "عبرت الولايات المتحدة الأسبوع الماضي عن قلقها",
      MON_2023_09_04,
      undefined,
      [["2023-08", "month", "الأسبوع الماضي"]],
    ],
    // Next week from Wednesday 26 July runs 31 July – 6 August: mostly August.
    ["تعقد الجولة الأسبوع المقبل", WED_2023_07_26, undefined, [["2023-08", "month", "الأسبوع المقبل"]]],
    ["التقى الطرفان الشهر الماضي", WED_2023_07_26, undefined, [["2023-06", "month", "الشهر الماضي"]]],
    [
      "التقى الطرفان الشهر الماضي",
      "2024-01-10T10:00:00+03:00",
      undefined,
      [["2023-12", "month", "الشهر الماضي"]],
    ],
    ["يلتقي الطرفان الشهر المقبل", WED_2023_07_26, undefined, [["2023-08", "month", "الشهر المقبل"]]],
    ["خلال الشهر الجاري", WED_2023_07_26, undefined, [["2023-07", "month", "الشهر الجاري"]]],
    [
      "في بيان مشترك نهاية الشهر الماضي",
      MON_2023_09_04,
      undefined,
      [["2023-08", "month", "نهاية الشهر الماضي"]],
    ],
    ["معاهدة شراكة تم توقيعها العام الماضي", MON_2025_07_14, undefined, [["2024", "year", "العام الماضي"]]],
    ["زار الرئيس المنطقة السنة الماضية", WED_2023_07_26, undefined, [["2022", "year", "السنة الماضية"]]],
    ["تعقد القمة العام المقبل", WED_2023_07_26, undefined, [["2024", "year", "العام المقبل"]]],
    ["لا قمة بين بيونغ يانغ وواشنطن هذا العام", WED_2023_07_26, undefined, [["2023", "year", "هذا العام"]]],
    ["والولايات المتحدة خلال العام الجاري", WED_2023_07_26, undefined, [["2023", "year", "العام الجاري"]]],
    [
      'سيقوم "في الأيام المقبلة" بزيارة رسمية',
      TUE_2023_09_12,
      "future",
      [["2023-09", "month", "الأيام المقبلة"]],
    ],
    [
      "خلال الأيام القليلة المقبلة",
      TUE_2023_09_12,
      "future",
      [["2023-09", "month", "الأيام القليلة المقبلة"]],
    ],
    [
      "على مستوى فرق العمل خلال الأسابيع المقبلة",
      WED_2023_07_26,
      "future",
      [["2023-08", "month", "الأسابيع المقبلة"]],
    ],
    ["شارك في العام الدراسي", WED_2023_07_26, undefined, []],
  ])("%s (published %s, %s)", (sentence, published, tense, expected) => {
    expect(found(sentence, published, tense)).toEqual(expected);
  });
});

describe("findDateExpressions: months", () => {
  it.each<Row>([
    [
      "القمة في بيونغ يانغ في حزيران/يونيو الماضي",
      FRI_2024_11_01,
      undefined,
      [["2024-06", "month", "حزيران/يونيو الماضي"]],
    ],
    // الماضي is strictly before: in July, "July last" is last year's.
    ["في يوليو الماضي", WED_2023_07_26, undefined, [["2022-07", "month", "يوليو الماضي"]]],
    [
      "في ذكرى نهاية الحرب في يوليو/ تموز الماضي",
      MON_2023_09_04,
      undefined,
      [["2023-07", "month", "يوليو/ تموز الماضي"]],
    ],
    ["في يونيو", WED_2023_07_26, "past", [["2023-06", "month", "يونيو"]]],
    ["في يونيو", WED_2023_07_26, "future", [["2024-06", "month", "يونيو"]]],
    ["في تموز", WED_2023_07_26, "past", [["2023-07", "month", "تموز"]]],
    ["في أغسطس", WED_2023_07_26, "past", [["2022-08", "month", "أغسطس"]]],
    ["في أغسطس", WED_2023_07_26, "future", [["2023-08", "month", "أغسطس"]]],
    ["في شهر أغسطس المقبل", WED_2023_07_26, undefined, [["2023-08", "month", "شهر أغسطس المقبل"]]],
    [
      "أيلول/سبتمبر 2023 – قسم الشؤون الدولية",
      WED_2023_07_26,
      undefined,
      [["2023-09", "month", "أيلول/سبتمبر 2023"]],
    ],
    ["القمة في سبتمبر/أيلول 2023", WED_2023_07_26, undefined, [["2023-09", "month", "سبتمبر/أيلول 2023"]]],
    [
      "التقى في تموز/يوليو 2000 الزعيمَ الراحل",
      WED_2024_06_19,
      undefined,
      [["2000-07", "month", "تموز/يوليو 2000"]],
    ],
    ["في يوليو (تموز) 2000", WED_2024_06_19, undefined, [["2000-07", "month", "يوليو (تموز) 2000"]]],
    ["في يوليو (تموز)، التقى", WED_2024_06_19, undefined, [["2023-07", "month", "يوليو (تموز)"]]],
    ["قمة سنغافورة فى يونيو ٢٠١٨", WED_2023_07_26, undefined, [["2018-06", "month", "يونيو ٢٠١٨"]]],
    [
      "مباحثات في كانون الثاني/يناير الماضي",
      FRI_2024_11_01,
      undefined,
      [["2024-01", "month", "كانون الثاني/يناير الماضي"]],
    ],
    [
      "تشرين الأول/أكتوبر ٢٠٢٣ شارك على",
      WED_2023_07_26,
      undefined,
      [["2023-10", "month", "تشرين الأول/أكتوبر ٢٠٢٣"]],
    ],
    ["في تشرين الثاني", WED_2023_07_26, "future", [["2023-11", "month", "تشرين الثاني"]]],
    ["في كانون الأول 2019", WED_2023_07_26, undefined, [["2019-12", "month", "كانون الأول 2019"]]],
    [
      "التقى ترامب في شباط/فبراير من العام الماضي",
      "2020-07-10T11:30:00+03:00",
      undefined,
      [["2019-02", "month", "شباط/فبراير من العام الماضي"]],
    ],
    ["في آذار من العام المقبل", WED_2023_07_26, undefined, [["2024-03", "month", "آذار من العام المقبل"]]],
    ["في نيسان من عام 2019", WED_2023_07_26, undefined, [["2019-04", "month", "نيسان من عام 2019"]]],
    ["في حزيران عام 2019", WED_2023_07_26, undefined, [["2019-06", "month", "حزيران عام 2019"]]],
    [
      "بعد محاولتين فاشلتين في أيار/مايو وآب/أغسطس الماضيين",
      WED_2023_11_22,
      undefined,
      [
        ["2023-05", "month", "أيار/مايو"],
        ["2023-08", "month", "وآب/أغسطس الماضيين"],
      ],
    ],
    [
      "سيبدأ مهامه رسمياً مطلع كانون الأول/ديسمبر",
      WED_2023_11_22,
      "future",
      [["2023-12", "month", "مطلع كانون الأول/ديسمبر"]],
    ],
    ["في إبريل 2019", WED_2023_07_26, undefined, [["2019-04", "month", "إبريل 2019"]]],
    ["في ابريل 2019", WED_2023_07_26, undefined, [["2019-04", "month", "ابريل 2019"]]],
    ["في مايّو 2019", WED_2023_07_26, undefined, [["2019-05", "month", "مايّو 2019"]]],
    ["في يونيه 2019", WED_2023_07_26, undefined, [["2019-06", "month", "يونيه 2019"]]],
    ["في يوليه 2019", WED_2023_07_26, undefined, [["2019-07", "month", "يوليه 2019"]]],
    ["في اغسطس 2019", WED_2023_07_26, undefined, [["2019-08", "month", "اغسطس 2019"]]],
    ["في آب 2019", WED_2023_07_26, undefined, [["2019-08", "month", "آب 2019"]]],
    ["في آب", WED_2023_07_26, "past", [["2022-08", "month", "آب"]]],
    ["في مارس 2022", WED_2023_07_26, undefined, [["2022-03", "month", "مارس 2022"]]],
    ["منذ فبراير الماضي", WED_2023_07_26, undefined, [["2023-02", "month", "فبراير الماضي"]]],
    // Words that are also month names: مارس "practised", أب "father".
    ["مارس ضغوطاً كبيرة على الحكومة", WED_2023_07_26, undefined, []],
    ["حضر الأب والابن الاحتفال", WED_2023_07_26, undefined, []],
    ["وقال أب لثلاثة أطفال", WED_2023_07_26, undefined, []],
  ])("%s (published %s, %s)", (sentence, published, tense, expected) => {
    expect(found(sentence, published, tense)).toEqual(expected);
  });
});

describe("findDateExpressions: every month name and spelling", () => {
  it.each([
    ["كانون الثاني", "01"],
    ["شباط", "02"],
    ["آذار", "03"],
    ["نيسان", "04"],
    ["أيار", "05"],
    ["حزيران", "06"],
    ["تموز", "07"],
    ["آب", "08"],
    ["أيلول", "09"],
    ["تشرين الأول", "10"],
    ["تشرين الثاني", "11"],
    ["كانون الأول", "12"],
    ["يناير", "01"],
    ["فبراير", "02"],
    ["مارس", "03"],
    ["أبريل", "04"],
    ["إبريل", "04"],
    ["ابريل", "04"],
    ["مايو", "05"],
    ["مايّو", "05"],
    ["يونيو", "06"],
    ["يونيه", "06"],
    ["يوليو", "07"],
    ["يوليه", "07"],
    ["أغسطس", "08"],
    ["اغسطس", "08"],
    ["سبتمبر", "09"],
    ["أكتوبر", "10"],
    ["نوفمبر", "11"],
    ["ديسمبر", "12"],
    ["كانون الثاني/يناير", "01"],
    ["يناير (كانون الثاني)", "01"],
    ["آب/أغسطس", "08"],
    ["نوفمبر/تشرين الثاني", "11"],
    ["January", "01"],
    ["Feb", "02"],
    ["March", "03"],
    ["Sept", "09"],
    ["December", "12"],
  ])("في %s 2020 is 2020-%s", (name, month) => {
    expect(found(`التقيا في ${name} 2020`, WED_2023_07_26)).toEqual([
      [`2020-${month}`, "month", `${name} 2020`],
    ]);
  });

  it.each([
    ["وفي يوليو 2020", "يوليو 2020"],
    ["ويوليو 2020", "ويوليو 2020"],
    ["وآب 2020", "وآب 2020"],
    ["بتموز 2020", "بتموز 2020"],
  ])("reads a month behind clitics: %s", (sentence, text) => {
    expect(found(sentence, WED_2023_07_26).map(([, , t]) => t)).toEqual([text]);
  });

  it("reads Persian digits as well as Arabic-Indic ones", () => {
    expect(found("في ۱۳ سبتمبر ۲۰۲۳", WED_2023_07_26)).toEqual([["2023-09-13", "day", "۱۳ سبتمبر ۲۰۲۳"]]);
  });
});

describe("findDateExpressions: days of months", () => {
  it.each<Row>([
    ["13 سبتمبر 2023", WED_2023_07_26, undefined, [["2023-09-13", "day", "13 سبتمبر 2023"]]],
    [
      "في قاعدة فوستوتشني في 13 سبتمبر الماضي",
      WED_2023_10_18,
      undefined,
      [["2023-09-13", "day", "13 سبتمبر الماضي"]],
    ],
    [
      "يزور كوريا الشمالية يومي 18 و19 حزيران",
      MON_2024_06_17,
      "future",
      [["2024-06-18", "day", "يومي 18 و19 حزيران"]],
    ],
    [
      "بزيارة دولة يومي 18 و19 حزيران/يونيو الجاري",
      MON_2024_06_17,
      undefined,
      [["2024-06-18", "day", "يومي 18 و19 حزيران/يونيو الجاري"]],
    ],
    [
      "سيلتقي بوتين كيم يوم الخميس 25 نيسان/أبريل الجاري",
      "2019-04-23T18:10:00+03:00",
      "future",
      [["2019-04-25", "day", "يوم الخميس 25 نيسان/أبريل الجاري"]],
    ],
    // No year: the weekday picks the year (25 April was a Thursday in 2019, a Wednesday in 2018).
    [
      "القمة يوم الخميس 25 نيسان",
      "2019-01-10T10:00:00+03:00",
      "past",
      [["2019-04-25", "day", "يوم الخميس 25 نيسان"]],
    ],
    [
      "تعهدت الأخيرة، في 24 نيسان/أبريل الماضي، مواصلة",
      WED_2023_07_26,
      undefined,
      [["2023-04-24", "day", "24 نيسان/أبريل الماضي"]],
    ],
    [
      "انتهت الحرب بهدنة في 27 يوليو/تموز 1953",
      WED_2023_07_26,
      undefined,
      [["1953-07-27", "day", "27 يوليو/تموز 1953"]],
    ],
    [
      "وتحتفل روسيا يوم 9 مايو 2025 بالذكرى",
      WED_2023_07_26,
      undefined,
      [["2025-05-09", "day", "يوم 9 مايو 2025"]],
    ],
    ["في ٢٦ تموز ٢٠٢٣", WED_2023_07_26, undefined, [["2023-07-26", "day", "٢٦ تموز ٢٠٢٣"]]],
    ["في 5 حزيران", WED_2023_07_26, "past", [["2023-06-05", "day", "5 حزيران"]]],
    ["في 30 تموز", WED_2023_07_26, "past", [["2022-07-30", "day", "30 تموز"]]],
    ["في 30 تموز", WED_2023_07_26, "future", [["2023-07-30", "day", "30 تموز"]]],
    ["في الثالث عشر من سبتمبر", WED_2023_10_18, undefined, [["2023-09-13", "day", "الثالث عشر من سبتمبر"]]],
    ["في الأول من أيار 2020", WED_2023_07_26, undefined, [["2020-05-01", "day", "الأول من أيار 2020"]]],
    [
      "في الحادي والعشرين من آذار 2022",
      WED_2023_07_26,
      undefined,
      [["2022-03-21", "day", "الحادي والعشرين من آذار 2022"]],
    ],
    [
      "في العاشر من تشرين الأول الماضي",
      WED_2023_10_18,
      undefined,
      [["2023-10-10", "day", "العاشر من تشرين الأول الماضي"]],
    ],
    // A day that does not exist is not a day; the month and year still are.
    ["في 31 نيسان 2023", WED_2023_07_26, undefined, [["2023-04", "month", "نيسان 2023"]]],
  ])("%s (published %s, %s)", (sentence, published, tense, expected) => {
    expect(found(sentence, published, tense)).toEqual(expected);
  });
});

describe("findDateExpressions: numeric dates and years", () => {
  it.each<Row>([
    ["بتاريخ 26/7/2023 وقع الطرفان", WED_2023_07_26, undefined, [["2023-07-26", "day", "26/7/2023"]]],
    ["بتاريخ ٢٦/٧/٢٠٢٣", WED_2023_07_26, undefined, [["2023-07-26", "day", "٢٦/٧/٢٠٢٣"]]],
    ["نشر في 2023-07-26 على الموقع", WED_2023_07_26, undefined, [["2023-07-26", "day", "2023-07-26"]]],
    ["dated 7/26/2023", WED_2023_07_26, undefined, [["2023-07-26", "day", "7/26/2023"]]],
    ["26.07.2023", WED_2023_07_26, undefined, [["2023-07-26", "day", "26.07.2023"]]],
    ["الإصدار 1.2.3.4 من البرنامج", WED_2023_07_26, undefined, []],
    ["انطلق عند الساعة 22:42 بالتوقيت المحلي", WED_2023_07_26, undefined, []],
    ["كانت آخر زيارة له في 2019", WED_2023_07_26, undefined, [["2019", "year", "2019"]]],
    [
      "وكانت آخر زيارة له إلى الخارج في عام 2019، حين",
      WED_2023_07_26,
      undefined,
      [["2019", "year", "عام 2019"]],
    ],
    ["في العام 2000", WED_2023_07_26, undefined, [["2000", "year", "العام 2000"]]],
    ["لم تعقد قمة منذ عام 2011", WED_2023_07_26, undefined, [["2011", "year", "عام 2011"]]],
    ["منذ توليه السلطة أواخر 2011، وتأتي", WED_2023_07_26, undefined, [["2011", "year", "أواخر 2011"]]],
    [
      "الحرب التي وقعت بين عامي 1950 و1953",
      WED_2023_07_26,
      undefined,
      [
        ["1950", "year", "عامي 1950"],
        ["1953", "year", "و1953"],
      ],
    ],
    [
      "منذ الحرب الكورية (١٩٥٠-١٩٥٣) التى انتهت",
      WED_2023_07_26,
      undefined,
      [
        ["1950", "year", "١٩٥٠"],
        ["1953", "year", "١٩٥٣"],
      ],
    ],
    [
      "ووثائق تعود إلى أعوام ١٩٦١ و٢٠٠٠ و٢٠٠١، وتتضمن",
      WED_2023_07_26,
      undefined,
      [
        ["1961", "year", "أعوام ١٩٦١"],
        ["2000", "year", "و٢٠٠٠"],
        ["2001", "year", "و٢٠٠١"],
      ],
    ],
    ["الذكرى السبعين لهدنة 1953، التي أنهت القتال", WED_2023_07_26, undefined, [["1953", "year", "1953"]]],
    ["وقع الاتفاق عام 2018م", WED_2023_07_26, undefined, [["2018", "year", "عام 2018م"]]],
    ["أرسلت بيونغ يانغ 2000 جندي إلى الجبهة", WED_2023_07_26, undefined, []],
    ["أكثر من 1500 قذيفة", WED_2023_07_26, undefined, []],
  ])("%s (published %s, %s)", (sentence, published, tense, expected) => {
    expect(found(sentence, published, tense)).toEqual(expected);
  });
});

describe("findDateExpressions: spans from publication", () => {
  it.each<Row>([
    [
      "أول زيارة يقوم بها بوتين إلى كوريا الشمالية منذ 24 عاماً",
      WED_2024_06_19,
      undefined,
      [["2000", "year", "منذ 24 عاماً"]],
    ],
    [
      "في أول رحلة خارجية يقوم بها كيم منذ أربع سنوات",
      TUE_2023_09_12,
      undefined,
      [["2019", "year", "منذ أربع سنوات"]],
    ],
    ["التقيا قبل خمسة أشهر", WED_2023_07_26, undefined, [["2023-02", "month", "قبل خمسة أشهر"]]],
    ["يلتقيان بعد خمسة أشهر", SAT_2024_11_30, "future", [["2025-04", "month", "بعد خمسة أشهر"]]],
    ["التقيا منذ عامين", WED_2023_07_26, undefined, [["2021", "year", "منذ عامين"]]],
    ["التقيا منذ نحو عامين", WED_2023_07_26, undefined, [["2021", "year", "منذ نحو عامين"]]],
    ["منذ أكثر من 70 عاماً", WED_2023_07_26, undefined, [["1953", "year", "منذ أكثر من 70 عاماً"]]],
    ["وصل قبل يومين إلى موسكو", WED_2023_07_26, undefined, [["2023-07-24", "day", "قبل يومين"]]],
    ["احتفلا قبل أسبوع بالذكرى", "2023-10-19T18:50:00+03:00", undefined, [["2023-10", "month", "قبل أسبوع"]]],
    ["قبل ثلاثة أيام", WED_2023_07_26, undefined, [["2023-07-23", "day", "قبل ثلاثة أيام"]]],
    // Spans measured from another event, or vague ones, are not dates.
    ["وتأتي بعد نحو شهرين من قمته مع ترامب", WED_2023_07_26, undefined, []],
    ["بعد أقل من شهر ونصف على زيارة وزير الدفاع", MON_2023_09_04, undefined, []],
    ["يشكل منعطفاً بعد عام كامل من التهديدات", WED_2023_07_26, undefined, []],
    ["التقيا مرات عدة منذ سنوات", WED_2023_07_26, undefined, []],
  ])("%s (published %s, %s)", (sentence, published, tense, expected) => {
    expect(found(sentence, published, tense)).toEqual(expected);
  });
});

describe("findDateExpressions: English", () => {
  it.each<Row>([
    ["Putin met Kim today in Pyongyang", WED_2023_07_26, undefined, [["2023-07-26", "day", "today"]]],
    ["The ministers met yesterday", WED_2023_07_26, undefined, [["2023-07-25", "day", "yesterday"]]],
    ["They will meet tomorrow", WED_2023_07_26, "future", [["2023-07-27", "day", "tomorrow"]]],
    [
      "They met the day before yesterday",
      WED_2023_07_26,
      undefined,
      [["2023-07-24", "day", "day before yesterday"]],
    ],
    ["She arrived on Wednesday", FRI_2024_11_01, undefined, [["2024-10-30", "day", "Wednesday"]]],
    ["They met last Wednesday", WED_2023_07_26, undefined, [["2023-07-19", "day", "last Wednesday"]]],
    ["They will meet next Monday", WED_2023_07_26, undefined, [["2023-07-31", "day", "next Monday"]]],
    ["talks in Vladivostok last week", SAT_2019_05_04, undefined, [["2019-04", "month", "last week"]]],
    ["They met last month", WED_2023_07_26, undefined, [["2023-06", "month", "last month"]]],
    ["They will meet next year", WED_2023_07_26, undefined, [["2024", "year", "next year"]]],
    ["no summit this year", WED_2023_07_26, undefined, [["2023", "year", "this year"]]],
    ["They met in July", WED_2023_07_26, "past", [["2023-07", "month", "July"]]],
    ["They met last July", WED_2023_07_26, undefined, [["2022-07", "month", "last July"]]],
    ["They met in May", WED_2023_07_26, "past", [["2023-05", "month", "May"]]],
    [
      "Donald J. Trump (@realDonaldTrump) May 3, 2019",
      SAT_2019_05_04,
      undefined,
      [["2019-05-03", "day", "May 3, 2019"]],
    ],
    [
      "signed on July 26, 2023 in Pyongyang",
      WED_2023_07_26,
      undefined,
      [["2023-07-26", "day", "July 26, 2023"]],
    ],
    ["signed on 26 July 2023", WED_2023_07_26, undefined, [["2023-07-26", "day", "26 July 2023"]]],
    ["signed on 26th July 2023", WED_2023_07_26, undefined, [["2023-07-26", "day", "26th July 2023"]]],
    ["the summit of July 2023", WED_2023_07_26, undefined, [["2023-07", "month", "July 2023"]]],
    ["They first met in 2019", WED_2023_07_26, undefined, [["2019", "year", "2019"]]],
    ["They met two years ago", WED_2023_07_26, undefined, [["2021", "year", "two years ago"]]],
    ["They will meet in three weeks", WED_2023_07_26, "future", [["2023-08", "month", "in three weeks"]]],
    ["You may go now", WED_2023_07_26, undefined, []],
    ["an interview with Russia Today", WED_2023_07_26, undefined, []],
  ])("%s (published %s, %s)", (sentence, published, tense, expected) => {
    expect(found(sentence, published, tense)).toEqual(expected);
  });
});

describe("findDateExpressions: not dates", () => {
  it.each([
    "وجاء اللقاء في اليوم الثاني من زيارة لافروف",
    "واستقبلها الرئيس في الكرملين في اليوم نفسه",
    "نقلت قناة روسيا اليوم عن مصادر",
    "الصين في كافة المجالات#العربي_اليوم",
    "أعقبه غداء عمل وجولة قصيرة",
    "وتحتفل كوريا الشمالية يوم 27 يوليو/تموز من كل عام بعيد النصر",
    "في تموز من كل عام",
    "الموافق عام 1445 هـ",
    "يحتفل العالم باليوم العالمي للسلام",
    "قرر الجانبان ترك الماضي خلفهما",
    "",
    "   ",
  ])("%s", (sentence) => {
    expect(findDateExpressions(sentence, WED_2023_07_26)).toEqual([]);
  });

  it("finds nothing when the publication time is not a date", () => {
    expect(findDateExpressions("التقى الوزيران أمس", "yesterday")).toEqual([]);
    expect(findDateExpressions("التقى الوزيران أمس", "")).toEqual([]);
  });
});

describe("findDateExpressions: mentions", () => {
  it("marks dates computed from publication as relative and written dates as not", () => {
    const mentions = findDateExpressions("التقيا أمس، وكانا قد التقيا في 13 سبتمبر 2023", WED_2023_07_26);
    expect(mentions.map((m: DateMention) => [m.text, m.relative])).toEqual([
      ["أمس", true],
      ["13 سبتمبر 2023", false],
    ]);
  });

  it("gives offsets into the original sentence, diacritics and invisible marks included", () => {
    const sentence = "\u200fوقّع الرئيسان، اليومَ الأربعاءَ، معاهدةً في ١٩ حزيران ٢٠٢٤.";
    const mentions = findDateExpressions(sentence, WED_2024_06_19);
    expect(mentions.map((m) => [m.start, m.end, m.text])).toEqual([
      [sentence.indexOf("اليومَ"), sentence.indexOf("الأربعاءَ") + "الأربعاءَ".length, "اليومَ الأربعاءَ"],
      [sentence.indexOf("١٩"), sentence.indexOf("٢٠٢٤") + 4, "١٩ حزيران ٢٠٢٤"],
    ]);
  });

  it("never throws and keeps every mention well formed on arbitrary text", () => {
    const pieces = [
      "اليوم",
      "أمس",
      "أول",
      "من",
      "غداً",
      "بعد",
      "غد",
      "الأربعاء",
      "يوم",
      "يومي",
      "و",
      "والخميس",
      "الماضي",
      "المقبل",
      "الجاري",
      "تموز",
      "/",
      "يوليو",
      "(",
      ")",
      "آب",
      "مارس",
      "كانون",
      "الثاني",
      "تشرين",
      "13",
      "٢٠٢٣",
      "2019",
      "31",
      "0",
      "-",
      ".",
      ":",
      "،",
      "منذ",
      "عاماً",
      "أشهر",
      "عامي",
      "العام",
      "الأسبوع",
      "هذا",
      "نحو",
      "July",
      "last",
      "ago",
      "two",
      "in",
      "May",
      "26,",
      "الثالث",
      "عشر",
      "\u064E",
      "\u200f",
      "\n",
      " ",
      "#",
      "_",
      "9999",
      "0000",
      "99/99/9999",
      "2023-13-45",
      "ـ",
      "😀",
      "\uD800",
    ];
    let seed = 20240619;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const published = [
      WED_2023_07_26,
      "2024-02-29T23:59:59-12:00",
      "2000-01-01T00:00:00+14:00",
      "not a date",
    ];
    for (let n = 0; n < 2000; n++) {
      const words = Array.from({ length: random(14) }, () =>
        random(5) === 0 ? String.fromCharCode(random(0x0700)) : (pieces[random(pieces.length)] ?? ""),
      );
      const sentence = words.join(random(2) === 0 ? " " : "");
      for (const anchor of published) {
        const tense = random(3) === 0 ? "future" : "past";
        const mentions = findDateExpressions(sentence, anchor, { tense });
        for (const mention of mentions) {
          expect(mention.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
          expect(sentence.slice(mention.start, mention.end)).toBe(mention.text);
        }
      }
    }
  });
});
