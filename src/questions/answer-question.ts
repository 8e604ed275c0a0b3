import type { ArticleHit } from "../articles/search.ts";
import type { EventRecord } from "../events/event-types.ts";
import { tokenize } from "../text/normalize.ts";
import { composeAnswer } from "./compose-answer.ts";
import { parseQuestion } from "./parse-question.ts";
import type { QuestionDirectory } from "./question-directory.ts";
import { type AnswerSource, resolveAnswerDeps } from "./question-store.ts";
import type { Answer, AnswerArticle, KnownEntity, ParsedQuestion } from "./question-types.ts";
import { STOP_WORDS } from "./question-words.ts";
import { type FindEvents, type Selection, selectEvents } from "./select-events.ts";

/** What answering needs from the store: indexed event lookup, full-text search and the names it knows. */
export interface AnswerDeps {
  directory: QuestionDirectory;
  findEvents: FindEvents;
  searchArticles(query: string, limit: number): ArticleHit[];
}

const ARTICLE_HITS = 5;
const KNOWN_EVENTS = 5;

/**
 * Answers a question in its own language from the stored events (CONTRACT.md "Answer"): parse, select the
 * events through indexed lookups, compose. Questions the events cannot answer fall back to full-text search;
 * when nothing matches, the text says so and offers what is known. Never throws on user input.
 */
export function answerQuestion(source: AnswerSource, question: string, now: Date): Answer {
  const deps = resolveAnswerDeps(source);
  const parsed = parseQuestion(question, now, deps.directory);
  const selection = selectEvents(parsed, deps.directory, deps.findEvents);
  let articles: ArticleHit[] = [];
  let known: EventRecord[] = [];
  if (parsed.intent === "search" || (selection.subjects.length === 0 && !selection.place)) {
    articles = searchQuestionWords(deps, parsed);
  } else if (selection.events.length === 0) {
    known = knownEvents(deps, selection);
    const name = selection.subjects[0]?.entity ?? selection.place;
    if (name)
      articles = deps.searchArticles(
        parsed.lang === "en" && name.name_en ? name.name_en : name.name_ar,
        ARTICLE_HITS,
      );
  }
  const closest = parsed.intent === "search" ? findClosestName(deps, parsed) : null;
  const text = composeAnswer({ parsed, selection, articles, known, closest });
  return {
    question: parsed.text,
    lang: parsed.lang,
    intent: parsed.intent,
    text,
    events: selection.events,
    articles: [...citedArticles(selection.events), ...articles.map(toAnswerArticle)],
  };
}

/** The question's own words minus interrogatives and particles; if all of them match nothing, each alone. */
function searchQuestionWords(deps: AnswerDeps, parsed: ParsedQuestion): ArticleHit[] {
  const words = tokenize(parsed.text)
    .map((t) => t.raw)
    .filter((w) => !STOP_WORDS.has(tokenize(w)[0]?.norm ?? ""));
  if (words.length === 0) return [];
  const all = deps.searchArticles(words.join(" "), ARTICLE_HITS);
  if (all.length > 0) return all;
  const byWord = new Map<string, ArticleHit>();
  for (const word of [...words].sort((a, b) => b.length - a.length).slice(0, 3))
    for (const hit of deps.searchArticles(word, ARTICLE_HITS))
      if (!byWord.has(hit.id)) byWord.set(hit.id, hit);
  return [...byWord.values()].slice(0, ARTICLE_HITS);
}

/** A word of the question that is one or two typos away from a known person's name (لافرف → لافروف). */
function findClosestName(
  deps: AnswerDeps,
  parsed: ParsedQuestion,
): { word: string; entity: KnownEntity } | null {
  for (const token of tokenize(parsed.text)) {
    if (STOP_WORDS.has(token.norm)) continue;
    const entity = deps.directory.closestPerson(token.raw);
    if (entity) return { word: token.raw, entity };
  }
  return null;
}

function knownEvents(deps: AnswerDeps, selection: Selection): EventRecord[] {
  const subject = selection.subjects[0];
  if (subject) return deps.findEvents({ entityIds: [subject.entity.id], limit: KNOWN_EVENTS });
  if (selection.place) return deps.findEvents({ placeId: selection.place.id, limit: KNOWN_EVENTS });
  return [];
}

function citedArticles(events: EventRecord[]): AnswerArticle[] {
  const byId = new Map<string, AnswerArticle>();
  for (const event of events)
    for (const a of event.articles)
      if (!byId.has(a.id))
        byId.set(a.id, { id: a.id, url: a.url, title: a.title ?? "", published: a.published });
  return [...byId.values()];
}

function toAnswerArticle(hit: ArticleHit): AnswerArticle {
  return { id: hit.id, url: hit.url, title: hit.title, published: hit.published, snippet: hit.snippet };
}
