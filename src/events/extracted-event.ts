import type { DatePrecision, EventType } from "./event-types.ts";

/** A person or place as extraction found it: a gazetteer entry, or a person discovered in the text. */
export interface ExtractedEntity {
  id: string;
  kind: "person" | "place";
  nameEn: string | null;
  nameAr: string;
  /** True for a person the gazetteer does not know (id "x-…"). */
  discovered: boolean;
}

export type DateSource = "explicit" | "default";

/** One event read from one article, before it is merged with what the store already holds. */
export interface ExtractedEvent {
  type: EventType;
  /** Sorted by id, no duplicates. */
  participants: ExtractedEntity[];
  date: string | null;
  precision: DatePrecision | null;
  dateSource: DateSource;
  place: ExtractedEntity | null;
  /** The place's id followed by the ids of every place that contains it, innermost first. */
  placePath: string[];
  /** The sentence that reports the event, as written. */
  evidence: string;
}
