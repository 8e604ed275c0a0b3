import { describe, expect, it } from "vitest";
import { type AnswerDeps, answerQuestion } from "../../src/questions/answer-question.ts";
import { parseQuestion } from "../../src/questions/parse-question.ts";
import { buildFixtureDirectory } from "./fixture-directory.ts";
import { findFixtureEvents } from "./fixture-events.ts";

const NOW = new Date("2026-11-24T12:00:00Z");
const deps: AnswerDeps = {
  directory: buildFixtureDirectory(),
  findEvents: (filter) => findFixtureEvents(filter),
  searchArticles: () => [],
};
const unknownIn = (question: string) => parseQuestion(question, NOW, deps.directory).unknownNames;
const ask = (question: string) => answerQuestion(deps, question, NOW);

describe("findUnknownNames: a name slot filled by nobody known", () => {
  it.each([
    ["When did Zorblax meet Kim?", ["Zorblax"]],
    ["متى التقى فلان بكيم؟", ["فلان"]],
    ["هل التقى بوتين بزوربلاكس؟", ["زوربلاكس"]],
    ["Did John Smith meet Putin?", ["John Smith"]],
    ["Zorblax met Kim in 2025?", ["Zorblax"]],
    ["متى اجتمع كيم مع جون سميث؟", ["جون سميث"]],
    ["أين التقى بوتين وزوربلاكس؟", ["زوربلاكس"]],
    ["Where did Putin and Zorblax meet?", ["Zorblax"]],
    ["من التقى لافرف؟", ["لافرف"]],
    ["Who met Lavrof?", ["Lavrof"]],
    ["when did zorblax meet kim?", ["zorblax"]],
    ["when did kim meet zorblax?", ["zorblax"]],
  ])("%s → %j", (question, expected) => {
    expect(unknownIn(question)).toEqual(expected);
  });

  it.each([
    "Who met Kim and when?",
    "من التقى كيم ومتى؟",
    "من التقى مؤخراً كيم؟",
    "Has Putin met Kim recently?",
    "when did they meet?",
    "who did kim meet in 2025?",
    "did kim meet anyone?",
    "Which Russian officials visited Pyongyang?",
    "من زار بيونغ يانغ من المسؤولين الروس خلال عام 2025، ومتى؟",
    "Who did Kim Jong Un meet in October 2025?",
    "ما هي لقاءات بوتين واتصالاته خلال عام 2025؟",
    "What did North Korean Foreign Minister Choe Son Hui do in 2025 (trips, meetings, planned visits)?",
    "من التقى وزير الخارجية الروسي لافروف في وونسان؟",
    "أين اجتمع لافروف مع نظيرته الكورية الشمالية تشوي سون هوي؟",
    "Where did Lavrov meet his counterpart Choe Son Hui?",
    "من زار العاصمة الكورية الشمالية بيونغ يانغ؟",
  ])("%s → none", (question) => {
    expect(unknownIn(question)).toEqual([]);
  });
});

describe("answerQuestion: an unknown name is said, not dropped", () => {
  it.each([
    [
      "When did Zorblax meet Kim?",
      'I don\'t know "Zorblax"',
      'Answering about Kim Jong Un alone, without "Zorblax":',
    ],
    ["متى التقى فلان بكيم؟", "لم أتعرف على «فلان»", "أجيب عمّا أعرفه عن كيم جونغ أون فقط، دون «فلان»:"],
    ["When did Lavrof meet Kim?", 'I don\'t know "Lavrof"; did you mean Sergei Lavrov?', "alone"],
    ["متى التقى لافرف بكيم؟", "لم أتعرف على «لافرف»؛ هل تقصد سيرغي لافروف؟", "فقط، دون «لافرف»"],
  ])("%s", (question, unknownLine, scopeLine) => {
    const { text } = ask(question);
    const lines = text.split("\n");
    const said = lines.findIndex((l) => l.startsWith(unknownLine));
    // First: the rest of the answer depends on it.
    expect(said).toBe(0);
    const scoped = lines.findIndex((l) => l.includes(scopeLine));
    // Said before any event is listed, and the narrower answer labelled as such.
    expect(said).toBeGreaterThanOrEqual(0);
    expect(scoped).toBeGreaterThan(said);
    expect(lines.slice(0, scoped).some((l) => l.startsWith("•"))).toBe(false);
  });

  it.each([
    ["هل التقى بوتين بزوربلاكس؟", "نعم"],
    ["Did Putin meet Zorblax?", "Yes"],
  ])("%s: no yes to a question about someone unknown", (question, yes) => {
    expect(ask(question).text).not.toContain(yes);
  });

  it.each([
    ["من التقى زوربلاكس؟", "لم أتعرف على «زوربلاكس»: هذا الاسم ليس في الأخبار المخزنة."],
    ["Who met Zorblax?", 'I don\'t know "Zorblax": that name is not in the stored news.'],
  ])("%s: nobody known at all", (question, line) => {
    const answer = ask(question);
    expect(answer.text.split("\n")[0]).toBe(line);
    expect(answer.events).toEqual([]);
  });
});
