/** The shapes of events as the CLI prints them and the question engine reads them (CONTRACT.md). */

export type EventType = "meeting" | "visit" | "call" | "planned";
export type DatePrecision = "day" | "month" | "year";

export interface EntityRef {
  id: string;
  name_en: string | null;
  name_ar: string;
}

export interface EventArticleRef {
  id: string;
  url: string;
  published: string | null;
  title?: string;
  source?: string | null;
}

export interface EventRecord {
  id: string;
  type: EventType;
  participants: EntityRef[];
  /** YYYY-MM-DD, YYYY-MM or YYYY as precise as the text allows. */
  date: string | null;
  precision: DatePrecision | null;
  place: EntityRef | null;
  articles: EventArticleRef[];
  evidence: string;
}

/** What the question engine and the CLI filter events by; every field narrows the result. */
export interface EventFilter {
  /** Events in which all of these entities take part. */
  entityIds?: string[];
  /** Events that took place in (or at a place inside) this place. */
  placeId?: string;
  types?: EventType[];
  /** Inclusive bounds, YYYY-MM-DD; an event of month/year precision overlapping the range matches. */
  from?: string;
  to?: string;
  limit?: number;
}
