import type { Db } from "../db/open.ts";
import { buildFtsQuery, buildSnippet } from "./search-text.ts";

export interface ArticleHit {
  id: string;
  url: string;
  title: string;
  published: string | null;
  snippet: string;
}

/** Full-text search over stored articles, best match first (bm25, title weighted above body). */
export function searchArticles(db: Db, query: string, limit = 10): ArticleHit[] {
  const match = buildFtsQuery(query);
  if (!match) return [];
  const rows = db
    .prepare(
      `SELECT a.key, a.url, a.title, a.published, a.clean_text
         FROM articles_fts f JOIN articles a ON a.id = f.rowid
        WHERE articles_fts MATCH ?
        ORDER BY bm25(articles_fts, 3.0, 1.0), a.published_utc DESC
        LIMIT ?`,
    )
    .all(match, limit) as {
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
