import { normalizeArabic } from "../text/normalize.ts";

/**
 * The words that signal events and frame them, written as they appear and normalized once here (أ→ا,
 * ى→ي, ة→ه). Tokens are compared through cliticForms, so و/ف/ب/ل/ال prefixes need no listing.
 * These are rules of the language, not facts about the world, so they live in code.
 */

export type TriggerKind = "meeting" | "visit" | "call";
/** verb-past: التقى · verb-present: يلتقي · verb-future: سيلتقي · noun: لقاء, زيارة. */
export type TriggerForm = "verb-past" | "verb-present" | "verb-future" | "noun";

export interface TriggerWord {
  kind: TriggerKind;
  form: TriggerForm;
  /** The word carries a pronoun suffix (لقائه، قمتهما، استقبلها) pointing at a participant. */
  pronoun: boolean;
  /** A light verb (عقد، أجرى) that only counts with an event noun close after it. */
  light?: boolean;
  /** Needs one of these words within the next three tokens (عبر → الحدود، دخل → الأراضي). */
  needs?: Set<string>;
  /** Counts only when a person written with ب follows closely (رحب بوزير الدفاع). */
  welcomesPerson?: boolean;
}

const words = (list: string): string[] => list.trim().split(/\s+/).map(normalizeArabic);
const setOf = (list: string): Set<string> => new Set(words(list));

// Pronoun suffixes on nouns and verbs; a noun in ة takes ت before them (قمة → قمته).
const SUFFIXES = ["ه", "ها", "هما", "هم", "ي", "نا"];

function addNoun(table: Map<string, TriggerWord>, kind: TriggerKind, list: string): void {
  for (const word of words(list)) {
    table.set(word, { kind, form: "noun", pronoun: false });
    const stem = word.endsWith("ه") ? `${word.slice(0, -1)}ت` : word.replace(/ء$/, "ي");
    for (const suffix of SUFFIXES) table.set(stem + suffix, { kind, form: "noun", pronoun: true });
    if (word.endsWith("ء"))
      for (const suffix of SUFFIXES) table.set(word + suffix, { kind, form: "noun", pronoun: true });
    // The indefinite accusative keeps an alef after its tanween is removed: اجتماعًا → اجتماعا.
    if (!/(ه|ء|ات)$/.test(word)) table.set(`${word}ا`, { kind, form: "noun", pronoun: false });
    // The dual (قمتين، قمتان، لقاءين): two events of the same kind, each of the people named.
    if (!word.endsWith("ات"))
      for (const dual of ["ين", "ان"])
        table.set((word.endsWith("ه") ? stem : word) + dual, { kind, form: "noun", pronoun: false });
  }
}

function addVerbs(
  table: Map<string, TriggerWord>,
  kind: TriggerKind,
  past: string,
  present: string,
  extra: Partial<TriggerWord> = {},
): void {
  for (const word of words(past)) {
    table.set(word, { kind, form: "verb-past", pronoun: false, ...extra });
    for (const suffix of ["ه", "ها", "هما", "هم"])
      table.set(word + suffix, { kind, form: "verb-past", pronoun: true, ...extra });
  }
  for (const word of words(present)) {
    table.set(word, { kind, form: "verb-present", pronoun: false, ...extra });
    table.set(`س${word}`, { kind, form: "verb-future", pronoun: false, ...extra });
    for (const suffix of ["ه", "ها", "هما"]) {
      table.set(word + suffix, { kind, form: "verb-present", pronoun: true, ...extra });
      table.set(`س${word}${suffix}`, { kind, form: "verb-future", pronoun: true, ...extra });
    }
  }
}

function buildTriggers(): Map<string, TriggerWord> {
  const table = new Map<string, TriggerWord>();
  addVerbs(
    table,
    "meeting",
    "التقى التقت التقيا التقتا التقوا اجتمع اجتمعت اجتمعا اجتمعوا استقبل استقبلت استقبلا صافح صافحت تصافح تصافحا تباحث تباحثا تباحثت بحث بحثت بحثا",
    "يلتقي تلتقي يلتقيان تلتقيان يجتمع تجتمع يجتمعان يستقبل تستقبل يستقبلان يصافح تصافح يتباحث يتباحثان يبحث تبحث يبحثان",
  );
  addVerbs(table, "meeting", "عقد عقدت عقدا أجرى أجرت أجريا", "يعقد تعقد يعقدان يجري تجري يجريان", {
    light: true,
  });
  addVerbs(table, "visit", "قام قامت", "يقوم تقوم يقومان", { light: true });
  // "يبدأ في 31 آب زيارة إلى الصين": beginning a visit gives it the verb's tense.
  addVerbs(table, "visit", "بدأ بدأت استهل استهلت", "يبدأ تبدأ يستهل تستهل", { light: true });
  // رحب is a meeting only when whom it welcomed is a person: "رحب كيم بوزير الدفاع", not "رحب بالتصريحات".
  addVerbs(table, "meeting", "رحب رحبت", "يرحب ترحب", { welcomesPerson: true });
  addNoun(table, "meeting", "لقاء اجتماع قمة محادثات مباحثات مشاورات محادثة مباحثة استقبال مصافحة حوار");
  addVerbs(
    table,
    "visit",
    "زار زارت زارا وصل وصلت وصلا حط حطت توجه توجهت",
    "يزور تزور يزوران يصل تصل يصلان يتوجه تتوجه",
  );
  addNoun(table, "visit", "زيارة وصول");
  addVerbs(table, "visit", "دخل دخلت", "يدخل تدخل", { needs: setOf("الأراضي أراضي أرض الأرض") });
  addVerbs(table, "visit", "عبر عبرت", "يعبر تعبر", { needs: setOf("الحدود الحدود حدود") });
  addVerbs(table, "visit", "وطئت وطئ وطأت", "تطأ يطأ", { needs: setOf("قدماه قدمه قدماها قدمها") });
  addVerbs(table, "call", "هاتف هاتفت اتصل اتصلت", "يهاتف تهاتف يتصل تتصل");
  addNoun(table, "call", "مكالمة");
  for (const word of words("اتصالا اتصال الاتصال اتصالات")) {
    table.set(word, {
      kind: "call",
      form: "noun",
      pronoun: false,
      needs: setOf("هاتفي هاتفيا هاتفية الهاتفي الهاتفية عبر عبرالفيديو"),
    });
  }
  return table;
}

export const TRIGGERS: Map<string, TriggerWord> = buildTriggers();

/** Event nouns a light verb (عقد، أجرى) needs close after it. */
export const EVENT_NOUNS = setOf(
  "لقاء لقاءات اجتماع اجتماعا قمة قمته محادثات مباحثات مشاورات محادثة مباحثة اتصالا اتصال مكالمة حوار زيارة",
);

/** Words that make a meeting word a phone or video call when they stand close to it. */
export const CALL_MARKERS = setOf(
  "هاتفي هاتفيا هاتفية الهاتفي الهاتفية هاتفيًا مكالمة المكالمة الفيديو افتراضيا",
);

/** Announcing or intending a future event: "من المقرر أن"، "يعتزم"، "سيقوم بزيارة"، "القمة المرتقبة". */
/** Words anywhere in a sentence that put its present-tense events in the future: "موعدها يعلن لاحقاً". */
export const FUTURE_HINTS = setOf("لاحقا غدا المقبل المقبلة القادم القادمة");

export const FUTURE_MARKERS = setOf(
  "سوف المقرر المزمع مقرر يعتزم تعتزم يعتزمان اعتزامه اعتزامها ينوي تنوي ينويان نيته نيتها يخطط تخطط يعتزمون سيقوم ستقوم سيقومان سيتوجه ستتوجه المرتقب المرتقبة مرتقبة مرتقب المقبل المقبلة المقبلين المرتقبين يستعد تستعد رغبته رغبتها أمله أملها يأمل تأمل يتطلع تتطلع عزمه عزمها لبى يلبي استعداده استعدادها مستعد مستعدة المنتظر ينتظر يرتقب مرتقبا منتظر منتظرة منتظرا يرغب ترغب يرغبان رغبة إرادة إرادته إرادتها عزم تمهيد تمهيدا التمهيد لتمهيد التحضير للتحضير تحضيرا الإعداد للإعداد اتفق اتفقا اتفقت اتفقوا الاتفاق",
);

/** Hedges that turn a sentence into speculation unless it also gives a future date. */
export const SPECULATION_MARKERS = setOf(
  "توقع يتوقع تتوقع متوقع يتوقعان رجح يرجح ترجح المرجح مرجح ربما احتمال إمكانية بإمكانية إذا لو هل",
);

/** After an event word, it is only possible or proposed: "لقاء محتمل"، "قمة مقترحة". */
export const POSSIBLE_AFTER = setOf("محتمل محتملة المحتمل المحتملة ممكن ممكنة المقترح المقترحة مقترح مقترحة");

/** Calls and proposals for an event are not its announcement: "دعا إلى لقاء"، "اقترح عقد قمة". */
export const PROPOSALS = setOf(
  "دعا دعت يدعو تدعو اقترح اقترحت يقترح تقترح طالب طالبت يطالب تطالب اقتراح مقترح",
);

/** An invitation to visit is a plan only once accepted: "وجه دعوة … لزيارة موسكو، وقبل الدعوة". */
export const INVITES = setOf("دعوة دعوته دعوتها دعاه دعاها");
export const ACCEPTANCES = setOf("قبل قبلت لبى لبت وافق وافقت قبوله قبولها قبول");

/** Negations of an event close before its word: لم يلتق، لن يزور، لا يعتزم لقاء، نفى أن يكون التقى. */
export const NEGATIONS = setOf(
  "لم لن لا ليس ليست عدم نفى نفت ينفي تنفي استبعد استبعدت يستبعد تستبعد رفض رفضت يرفض ترفض إلغاء ألغى ألغيت ألغي دون بدون",
);

/** Words allowed between a negation and the event word it governs. */
export const NEGATION_BRIDGE = setOf(
  "أن يكون تكون يكونا قد يتم تم يعتزم تعتزم يعتزمان ينوي تنوي يخطط تخطط توجد يوجد خطط خطة نية أي هناك عقد إجراء يجري تجري إطلاقا بعد أبدا يتوقع تتوقع يرتقب",
);

/** Verbs that report speech; the people between them and their أنّ/إنّ are speakers, not participants. */
export const SPEECH_VERBS = setOf(
  "قال قالت أعلن أعلنت أكد أكدت ذكر ذكرت أفاد أفادت أوضح أوضحت صرح صرحت كشف كشفت أضاف أضافت أشار أشارت نقل نقلت لفت لفتت اعتبر اعتبرت رأى شدد شددت أعرب أعربت يقول تقول أفادت نفى نفت",
);

/** Complementizers that open reported speech. */
export const COMPLEMENTIZERS = setOf("أن إن أنه إنه أنها إنها بأن بأنه بأنها");

/** A person named right after these is somebody's relative or envoy, or only sent words: not present. */
export const ABSENT_BEFORE = setOf(
  "شقيقة شقيق أخت أخو والد والدة ابن ابنة نجل كريمة حفيد زوجة أرملة تمنيات تحيات رسالة رسائل برقية توجيهات تعليمات هدية هدايا حكومة نظام إدارة عهد قوات جيش نيابة صورة صور تمثال ضريح مبعوث مبعوثة ممثل ممثلة سفير سفيرة مستشار مستشارة موفد",
);

/** Words sent or passed on, whose addressee or sender named after إلى/من is not present: "نقل تحياته إلى". */
export const MESSAGE_WORDS = setOf(
  "تحيات تحياته تحياتها تمنيات تمنياته رسالة رسالته رسالتها رسائل برقية برقيته تهنئة تهاني تعازي توجيهات تعليمات هدية هدايا",
);

/** A person's name after these is part of a place's name (ساحة كيم إيل سونغ، جامعة كيم إيل سونغ). */
export const PLACE_HEADS = setOf(
  "ساحة شارع جامعة مطار ميدان جسر قصر ضريح مستشفى مدرسة أكاديمية مصنع مجمع مطارات قاعدة ملعب",
);

/** Prepositions that make a place the location or destination of an event. */
export const LOCATIVES = setOf(
  "في فى إلى الى إلي نحو داخل عند قرب لدى قبالة استضافت استضاف تستضيف يستضيف احتضنت احتضن تحتضن يحتضن",
);
/** Topics that take a place without being held there: "بحثا الوضع في سوريا". */
export const TOPIC_NOUNS = setOf(
  "الوضع الأوضاع الأزمة الحرب الصراع النزاع السلام الاستقرار الأمن التطورات القتال الأحداث العمليات التوتر التوترات",
);

/** A summit or talks named as the backdrop of a meeting, not as one: "على هامش قمة شنغهاي". */
export const BACKDROP_WORDS = setOf("هامش");
/** Nouns that may stand between a locative and the place name (في مدينة وونسان، إلى العاصمة الروسية). */
export const PLACE_NOUNS = setOf(
  "مدينة العاصمة عاصمة جزيرة قاعدة مطار فندق قرية منطقة مقاطعة إقليم ولاية دار مقر حرم قصر محطة مرفأ ميناء بلدة شرق غرب شمال جنوب جنوبي شمالي شرقي غربي أقصى وسط قلب ضواحي الساحلية الحدودية",
);
/** Heads of a country's territory: أراضي كوريا الشمالية، الأراضي الروسية. */
export const TERRITORY_NOUNS = setOf("أراضي الأراضي أرض");
export const CAPITAL_NOUNS = setOf("العاصمة عاصمة");

/** Markers of a named companion of a traveller: برفقة، يرافقه، ترافقه زوجته. */
export const COMPANION_MARKERS = setOf(
  "برفقة يرافقه ترافقه يرافقها ترافقها رافقه رافقته رافقها بصحبة ومعه ومعها يصحبه",
);
/** Verbs of going along with somebody: "ورافقت الرئيسَ زوجته"، "ويرافق مون وفد". */
export const COMPANION_VERBS = setOf(
  "رافق رافقت رافقه رافقته رافقها رافقتها يرافق ترافق يرافقه ترافقه يرافقها ترافقها يرافقهم",
);
/** Nouns that open the list of a delegation's members: "الوفد المرافق"، "وفد يضم"، "بينهم". */
export const DELEGATION_CUES = setOf("المرافق المرافقة المرافقين بينهم بينهن");
/** "وفد يضم"، "ضم الوفد": include, when a delegation is named within three words. */
export const INCLUDE_VERBS = setOf("يضم ضم تضم ضمت شمل يشمل");
export const DELEGATION_NOUNS = setOf("وفد الوفد وفدا");
// A relative named with its pronoun ("وشقيقته كيم يو جونغ") goes with that person like a spouse.
export const SPOUSE_WORDS = setOf(
  "زوجته زوجها عقيلته قرينته حرمه شقيقته شقيقها شقيقه ابنته ابنها ابنه نجله نجلها كريمته",
);

/** "وحضر اللقاء X"، "وشارك في المحادثات X": X sat in on the meeting just reported. */
export const ATTEND_VERBS = setOf("حضر حضرت حضره حضرها شارك شاركت يحضر تحضر");

/** Leads of a host who invited a traveller: تلبية لدعوة من، بدعوة من. */
export const INVITATION_WORDS = setOf("دعوة لدعوة بدعوة الدعوة");

/** The counterpart words: نظيره الروسي، نظيرته تشوي. */
export const COUNTERPARTS = new Map<string, "m" | "f">([
  ...words("نظيره نظيرها نظيريه نظيرهما نظير").map((w) => [w, "m"] as [string, "m"]),
  ...words("نظيرته نظيرتها نظيرتيه نظيرة").map((w) => [w, "f"] as [string, "f"]),
]);

/** A bare minister title that names no portfolio: الوزير الروسي، الوزيرة الكورية الشمالية. */
export const GENERIC_MINISTER = setOf("الوزير الوزيرة وزير وزيرة");

/** Title words the gazetteer has no role for, after which an unknown name is a person. */
export const TITLE_WORDS = setOf(
  "عضو عضوة مسؤول مسؤولة السفير السفيرة سفير الجنرال الأدميرال المارشال السيناتور النائب النائبة مساعد مساعدة المتحدث المتحدثة الناطق الناطقة قائد رئيس رئيسة نائب مدير مديرة المبعوث المبعوثة السيد السيدة",
);

/** Fillers between a title and its name: الرئيس الروسي آنذاك دميتري ميدفيديف، الزعيم الراحل كيم جونغ إيل. */
export const TITLE_FILLERS = setOf(
  "آنذاك حينذاك حينها السابق السابقة الراحل الراحلة الحالي الحالية الجديد الجديدة الأسبق",
);

/** Relative offsets: "بعد نحو شهرين من قمته" puts the summit two months before the sentence's date. */
export const OFFSET_LEADS = setOf("بعد");
export const OFFSET_HEDGES = setOf("نحو قرابة حوالي أقل أكثر من زهاء");
export type OffsetUnit = "hour" | "day" | "week" | "month" | "year";
/** Duration words with the unit they count and how many a dual form means (شهرين → 2). */
export const OFFSET_UNITS: Map<string, { unit: OffsetUnit; count: number }> = new Map(
  (
    [
      ["ساعة ساعات", "hour", 1],
      ["ساعتين", "hour", 2],
      ["يوم أيام", "day", 1],
      ["يومين", "day", 2],
      ["أسبوع أسابيع", "week", 1],
      ["أسبوعين", "week", 2],
      ["شهر أشهر شهور", "month", 1],
      ["شهرين", "month", 2],
      ["عام أعوام سنة سنوات عاما", "year", 1],
      ["عامين سنتين", "year", 2],
    ] as const
  ).flatMap(([list, unit, count]) => words(list).map((w) => [w, { unit, count }] as const)),
);
export const NUMBER_WORDS: Map<string, number> = new Map(
  (
    [
      ["ثلاثة ثلاث", 3],
      ["أربعة أربع", 4],
      ["خمسة خمس", 5],
      ["ستة ست", 6],
      ["سبعة سبع", 7],
      ["ثمانية ثماني", 8],
      ["تسعة تسع", 9],
      ["عشرة عشر", 10],
    ] as const
  ).flatMap(([list, n]) => words(list).map((w) => [w, n] as const)),
);
/** "in the same day": the date of the event mentioned just before. */
export const SAME_WORDS = setOf("نفسه ذاته نفس ذات");

/**
 * Words that are never part of a foreign name written in Arabic, whatever their clitics: prepositions
 * carrying a pronoun (خلالها، معه، عليه، لديه), pronouns and particles. Names are transliterations; these
 * are the Arabic words that follow a title when it names nobody ("تعهد الزعيم خلالها بتفكيك …").
 */
export const NON_NAME_WORDS: Set<string> = new Set(
  words("خلال مع عن على إلى في من لدى عند بين منذ حول ضد أمام بعد قبل عبر لكن إن أن").flatMap((stem) =>
    ["ه", "ها", "هما", "هم", "ي", "نا"].map((suffix) => stem + suffix),
  ),
);
for (const w of words(
  "له لها لهما لهم به بها بهما بهم فيه فيها منه منها عنه عنها إياه إياها نفسه نفسها ذاته بدوره بدورها",
))
  NON_NAME_WORDS.add(w);
// Plural nouns and quantifiers that follow a title in a list ("وزير الخارجية، ومسؤولين آخرين").
for (const w of words(
  "مسؤولين مسؤولون مسؤولي آخرين آخرون آخر أخرى كبار عدد بعض رجال أعمال خبراء قادة ممثلين ممثلي",
))
  NON_NAME_WORDS.add(w);
/** Heads of organisations and offices: "رئيس شركة سامسونغ"، "مدير مكتب لجنة …" name no person yet. */
export const ORGAN_WORDS = setOf(
  "شركة مجموعة مكتب لجنة مجلس وكالة هيئة مؤسسة حزب بنك منظمة وزارة إدارة دائرة جهاز قيادة جامعة صندوق مركز معهد اتحاد جمعية",
);
for (const w of ORGAN_WORDS) NON_NAME_WORDS.add(w);
// Nouns of places and sites ("رئيس الدبلوماسية الروسية بقاعدة سلاح الجو") open no name either.
for (const w of PLACE_NOUNS) NON_NAME_WORDS.add(w);
for (const w of TERRITORY_NOUNS) NON_NAME_WORDS.add(w);

/** Collective references to people already named (الزعيمان، الجانبين): they name nobody new. */
export const STOP_NAME_WORDS = setOf(
  "في فى من إلى الى على عن مع بعد قبل خلال منذ حتى عند لدى بين أن إن أنه إنه قد لقد كان كانت يكون هو هي هم هما ذلك هذا هذه التي الذي الذين اليوم أمس غدا صباح مساء يوم أو ثم كما لكن حيث إذ أيضا وقال قال قالت أكد أكدت أعلن أعلنت إنها أنها التي وهو وهي لا لم لن ما كل بعض جميع نحو عبر وسط أمام خلف فيما بينما حين حينما عندما منذ لدى سبق وقد مع وذلك بشأن حول ضد نحو",
);
