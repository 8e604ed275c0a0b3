import type { Db } from "../db/open.ts";
import { buildFtsQuery, buildSnippet } from "./search-text.ts";

export interface ArticleHit {
  id: string;
  url: string;
  title: string;
  published: string | null;
  snippet: string;
}

const RANKED_WINDOW = 2000;

/** Full-text search over stored articles, best match first (bm25, title weighted above body). */
export function searchArticles(db: Db, query: string, limit = 10): ArticleHit[] {
  const match = buildFtsQuery(query);
  if (!match) return [];
  // Rank inside FTS5 and join only the winners, and rank at most the RANKED_WINDOW newest matches (rowids
  // grow with storage time): a word found in most articles would otherwise be scored in every one of them.
  const floor = db
    .prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?")
    .pluck()
    .get(match, RANKED_WINDOW - 1) as number | undefined;
  const rows = db
    .prepare(
      `SELECT a.key, a.url, a.title, a.published, a.clean_text
         FROM (SELECT rowid, bm25(articles_fts, 3.0, 1.0) AS score
                 FROM articles_fts
                WHERE articles_fts MATCH ? AND rowid >= ?
                ORDER BY score
                LIMIT ?) AS best
         JOIN articles a ON a.id = best.rowid
        ORDER BY best.score, a.published_utc DESC`,
    )
    .all(match, floor ?? 0, limit) as {
    key: string;
    url: string;
    title: string;
    published: string | null;
    clean_text: string;
  }[];
  return rows.map((row) => ({
    id: row.key,
    url: row.url,
    title: row.title,
    published: row.published,
    snippet: buildSnippet(row.clean_text, query, 24),
  }));
}
