import { openDatabase } from "../../src/db/open.ts";
import type { Gazetteer } from "../../src/extraction/gazetteer.ts";
import { answerQuestion } from "../../src/questions/answer-question.ts";
import { tokenize } from "../../src/text/normalize.ts";
import { type Percentiles, summarizeSamples, timeCall } from "./measure.ts";

/**
 * Question latency over a fixed mixed set, end to end through answerQuestion (parse → indexed event
 * lookups → compose), next to a bare FTS5 query on the same names: the floor any answer stands on.
 */

/** Every kind the bot answers, in both languages, about people and places the generator writes about. */
export const QUESTION_SET: readonly string[] = [
  "من التقى بوتين؟",
  "Who met Lavrov?",
  "متى التقى لافروف بكيم جونغ أون؟",
  "When did Putin meet Kim Jong Un?",
  "من زار بيونغ يانغ؟",
  "Who visited Moscow?",
  "ماذا عن تشوي سون هوي؟",
  "What's new with Shoigu?",
  "ما أخبار التعاون في مجال الطاقة؟",
  "news about energy cooperation",
  "من التقى بوتين في 2023؟",
  "Who met Kim Jong Un in 2024?",
];

/** The names and words of the questions, as a bare MATCH finds them in the index. */
const FLOOR_TERMS: readonly string[] = [
  "بوتين",
  "لافروف",
  "لافروف كيم",
  "بوتين كيم",
  "بيونغ يانغ",
  "موسكو",
  "تشوي سون هوي",
  "شويغو",
  "التعاون الطاقة",
];

const MIN_SAMPLES = 500;
// After 2024, the corpus's last year, so every event is in the past.
const ASKED_AT = new Date("2025-01-15T12:00:00Z");

export interface QuestionFigures {
  samples: number;
  answer: Percentiles;
  floor: Percentiles;
  /** The median of each question, to see which one costs the most. */
  perQuestion: { question: string; p50: number; events: number; articles: number }[];
}

export function measureQuestions(gazetteer: Gazetteer, dbPath: string): QuestionFigures {
  const db = openDatabase(dbPath);
  try {
    const source = { db, gazetteer };
    const ask = (question: string) => answerQuestion(source, question, ASKED_AT);
    // Warm: statements prepared, the directory read, pages in the cache.
    const sizes = QUESTION_SET.map((q) => {
      const answer = ask(q);
      return { events: answer.events.length, articles: answer.articles.length };
    });
    const rounds = Math.ceil(MIN_SAMPLES / QUESTION_SET.length);
    const byQuestion = QUESTION_SET.map((): number[] => []);
    for (let round = 0; round < rounds; round++)
      QUESTION_SET.forEach((q, i) => {
        byQuestion[i]?.push(timeCall(() => ask(q)));
      });

    const floorQuery = db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 10");
    const matches = FLOOR_TERMS.map((term) =>
      tokenize(term)
        .map((t) => `"${t.norm}"`)
        .join(" "),
    );
    for (const match of matches) floorQuery.all(match);
    const floor: number[] = [];
    for (let n = 0; n < rounds * QUESTION_SET.length; n++) {
      const match = matches[n % matches.length] as string;
      floor.push(timeCall(() => floorQuery.all(match)));
    }

    return {
      samples: rounds * QUESTION_SET.length,
      answer: summarizeSamples(byQuestion.flat()),
      floor: summarizeSamples(floor),
      perQuestion: QUESTION_SET.map((question, i) => ({
        question,
        p50: summarizeSamples(byQuestion[i] ?? []).p50,
        events: sizes[i]?.events ?? 0,
        articles: sizes[i]?.articles ?? 0,
      })),
    };
  } finally {
    db.close();
  }
}
