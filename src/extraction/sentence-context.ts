import type { ExtractedEvent } from "../events/extracted-event.ts";
import { cliticForms, type Token } from "../text/normalize.ts";
import type { Sentence } from "./body-sentences.ts";
import type { PlacedDate } from "./event-dates.ts";
import type { Gazetteer } from "./gazetteer.ts";
import type { PersonMention, SentenceMentions } from "./mentions.ts";

/** What the steps of event extraction share about one sentence and one article. */

export interface SentenceState {
  sentence: Sentence;
  tokens: Token[];
  mentions: SentenceMentions;
  /** The day titles are resolved on. */
  titleDate: string;
  /** The sentence's date expressions read as past. */
  pastDates: PlacedDate[];
}

export interface ArticleState {
  gazetteer: Gazetteer;
  published: string | null;
  /** The last event built, for "في اليوم نفسه" and pronoun-only follow-ups. */
  last: { event: ExtractedEvent; paragraph: number } | null;
  /** Every event built so far, for "الرئيسان" and "الوزيران" that name a pair met before. */
  history: ExtractedEvent[];
  /** Visits given to a visitor's companions, with the visitor's id, settled once the article is read. */
  companions: { event: ExtractedEvent; leader: string }[];
  /** The people the previous sentence named, for a sentence that opens with وهي/وهو. */
  previousPersons: PersonMention[];
}

export const forms = (token: Token | undefined): string[] => (token ? cliticForms(token.norm) : []);

export const isIn = (set: Set<string>, token: Token | undefined): boolean =>
  forms(token).some((f) => set.has(f));
