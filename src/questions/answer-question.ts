import type { ArticleHit } from "../articles/search.ts";
import type { EventRecord } from "../events/event-types.ts";
import { tokenize } from "../text/normalize.ts";
import { composeAnswer } from "./compose-answer.ts";
import { parseQuestion } from "./parse-question.ts";
import type { QuestionDirectory } from "./question-directory.ts";
import { type AnswerSource, resolveAnswerDeps } from "./question-store.ts";
import type { Answer, AnswerArticle, KnownEntity, ParsedQuestion } from "./question-types.ts";
import { isEventWord, STOP_WORDS } from "./question-words.ts";
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
  let partial = false;
  let known: EventRecord[] = [];
  if (parsed.intent === "search" || (selection.subjects.length === 0 && !selection.place)) {
    ({ hits: articles, partial } = searchQuestionWords(deps, parsed));
  } else if (selection.events.length === 0) {
    known = knownEvents(deps, selection);
    // The articles are Arabic: they are searched by the Arabic name whatever the question's language.
    const name = selection.subjects[0]?.entity ?? selection.place;
    if (name) articles = deps.searchArticles(name.name_ar, ARTICLE_HITS);
  }
  const unknown = parsed.unknownNames.map((word) => ({ word, entity: findClosestPerson(deps, word) }));
  // A question that named nobody may still hold a typo of a name outside a name slot (lavrof?).
  const typo = unknown.length === 0 && parsed.intent === "search" ? findClosestName(deps, parsed) : null;
  if (typo) unknown.push(typo);
  const text = composeAnswer({ parsed, selection, articles, partial, known, unknown });
  return {
    question: parsed.text,
    lang: parsed.lang,
    intent: parsed.intent,
    text,
    events: selection.events,
    articles: [...citedArticles(selection.events), ...articles.map(toAnswerArticle)],
  };
}

// Single words this short match too much once their clitic forms are searched (فلان → ان).
const MIN_SINGLE_WORD = 5;

/**
 * The question's own words minus interrogatives, particles and event words; when no article has them all,
 * articles with its longest words, marked `partial` so the answer says they match only some of them.
 */
function searchQuestionWords(
  deps: AnswerDeps,
  parsed: ParsedQuestion,
): { hits: ArticleHit[]; partial: boolean } {
  const words = tokenize(parsed.text).filter((t) => !STOP_WORDS.has(t.norm) && !isEventWord(t));
  if (words.length === 0) return { hits: [], partial: false };
  const all = deps.searchArticles(words.map((t) => t.raw).join(" "), ARTICLE_HITS);
  if (all.length > 0 || words.length === 1) return { hits: all, partial: false };
  const byWord = new Map<string, ArticleHit>();
  const longest = words
    .filter((t) => t.norm.length >= MIN_SINGLE_WORD)
    .sort((a, b) => b.norm.length - a.norm.length);
  for (const word of longest.slice(0, 3))
    for (const hit of deps.searchArticles(word.raw, ARTICLE_HITS))
      if (!byWord.has(hit.id)) byWord.set(hit.id, hit);
  return { hits: [...byWord.values()].slice(0, ARTICLE_HITS), partial: true };
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

/** The known person closest to an unknown name, by the whole of it or by one of its words. */
function findClosestPerson(deps: AnswerDeps, name: string): KnownEntity | null {
  const words = name.split(" ");
  for (const candidate of words.length > 1 ? [name, ...words] : words) {
    const entity = deps.directory.closestPerson(candidate);
    if (entity) return entity;
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
