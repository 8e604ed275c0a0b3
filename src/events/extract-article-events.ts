import type { StoredArticle } from "../articles/ingest.ts";
import type { Db } from "../db/open.ts";
import { extractEvents } from "../extraction/extract-events.ts";
import type { Gazetteer } from "../extraction/gazetteer.ts";
import { storeArticleEvents } from "./event-store.ts";

/** The pipeline's extraction step: the events of a newly stored article, merged into the store. */
export function createEventExtractor(
  db: Db,
  gazetteer: () => Gazetteer,
  now: () => Date = () => new Date(),
): (article: StoredArticle) => void {
  return (article) => {
    const events = extractEvents({ text: article.cleanText, published: article.published }, gazetteer());
    if (events.length > 0) storeArticleEvents(db, article, events, now);
  };
}
