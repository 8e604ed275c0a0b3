import type { EventRecord, EventType } from "../events/event-types.ts";

/** The shapes of a parsed question and of an answer (CONTRACT.md, "Answer"). */

export type QuestionLang = "ar" | "en";

export type Intent = "who_met" | "when_met" | "where_met" | "visits" | "events_of" | "count" | "search";

/** A person or place the question names, as the directory knows it. */
export interface KnownEntity {
  id: string;
  kind: "person" | "place";
  name_en: string | null;
  name_ar: string;
  /** 0–100: which of several people a bare surname most likely means. */
  prominence: number;
  gender?: "m" | "f";
  /** ISO country of a person or place (null for a place spanning a border). */
  country?: string | null;
  /** The enclosing place of a place (a site → its city → its country). */
  within?: string | null;
  placeKind?: string;
}

/** One name found in the question, with every entity it may stand for, most likely first. */
export interface EntityMention {
  /** The words as the question wrote them. */
  text: string;
  /** Token span [start, end) in the question's tokens. */
  start: number;
  end: number;
  candidates: KnownEntity[];
  /** Found through a title (وزير الخارجية الروسي), not a name: candidates are the office holders. */
  viaTitle?: { role: string; country: string | null };
}

/** Inclusive YYYY-MM-DD bounds; either may be open. */
export interface TimeRange {
  from: string | null;
  to: string | null;
  /** The words that set it, as written ("في 2024", "last month"). */
  text: string;
}

export interface ParsedQuestion {
  /** The question as answered (trimmed, cut to a safe length). */
  text: string;
  lang: QuestionLang;
  intent: Intent;
  /** The people the question is about, in the order written. */
  people: EntityMention[];
  /** Places the question names (a filter for people questions, the subject of `visits`). */
  places: EntityMention[];
  time: TimeRange | null;
  /** Event types the question names itself ("لقاءات واتصالات", "meetings, visits"), else null. */
  types: EventType[] | null;
  /** Nationality the question restricts people to ("المسؤولين الروس", "Russian officials"). */
  nationality: string | null;
  order: "newest" | "oldest";
  /** True when the question was longer than the parser reads and was cut. */
  truncated: boolean;
  /** A yes/no question (هل التقى…؟, Did … meet …?): the answer starts with yes when events match. */
  yesNo: boolean;
  /** Words standing where a name goes that name nobody known ("Zorblax" in "When did Zorblax meet Kim?"). */
  unknownNames: string[];
}

export interface AnswerArticle {
  id: string;
  url: string;
  title: string;
  published: string | null;
  snippet?: string;
}

/** The answer as `rasid ask --json` prints it and the bot sends it. */
export interface Answer {
  question: string;
  lang: QuestionLang;
  intent: Intent;
  text: string;
  events: EventRecord[];
  articles: AnswerArticle[];
}
