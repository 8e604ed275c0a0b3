import type { Db } from "../db/open.ts";
import type { Gazetteer } from "../extraction/gazetteer.ts";
import { tokenize } from "../text/normalize.ts";
import { spellingVariants } from "../text/variants.ts";
import { normalizeKeyword } from "./keyword-match.ts";

export interface TargetCandidate {
  /** The entity id events use (kim-jong-un, wonsan). */
  id: string;
  kind: string;
  nameAr: string;
  nameEn: string | null;
}

/**
 * What a /subscribe text names: one or more entities (several: the bot asks which, with buttons), or,
 * when nothing known carries that name, a keyword to look for in article text.
 */
export type ResolvedTarget =
  | { kind: "entity"; candidates: TargetCandidate[] }
  | { kind: "keyword"; keyword: string; label: string };

const MAX_CANDIDATES = 8;
const MAX_KEYWORD_WORDS = 5;

/**
 * Resolves a subscription target: the gazetteer first (a full name wins over bare surnames, which may
 * name several people: كيم), then the entities the corpus has added (people the gazetteer does not know).
 */
export function resolveSubscriptionTarget(
  db: Db,
  gazetteer: Pick<Gazetteer, "findByName">,
  text: string,
): ResolvedTarget {
  const label = text.replace(/\s+/g, " ").trim();
  const keyword = normalizeKeyword(label);
  if (!keyword) return { kind: "keyword", keyword, label };

  const matches = gazetteer.findByName(label).filter((m) => m.kind !== "role");
  const full = matches.filter((m) => !m.partial);
  const chosen = full.length > 0 ? full : matches;
  const candidates: TargetCandidate[] = chosen.map((m) => ({
    id: m.entity.id,
    kind: m.kind === "demonym" ? "place" : m.kind,
    nameAr: m.entity.nameAr,
    nameEn: m.entity.nameEn,
  }));
  if (full.length === 0) candidates.push(...findCorpusEntities(db, keyword));

  const unique = [...new Map(candidates.map((c) => [c.id, c])).values()].slice(0, MAX_CANDIDATES);
  if (unique.length > 0) return { kind: "entity", candidates: unique };
  const words = keyword.split(" ");
  return { kind: "keyword", keyword: words.slice(0, MAX_KEYWORD_WORDS).join(" "), label };
}

interface EntityRow {
  id: string;
  kind: string;
  name_en: string | null;
  name_ar: string;
}

/** Entities whose Arabic or English name contains the text's words in a row (لافروف in سيرغي لافروف). */
function findCorpusEntities(db: Db, keyword: string): TargetCandidate[] {
  const wanted = keyword.split(" ");
  const variants = wanted.map((w) => new Set(spellingVariants(w)));
  const containsRun = (name: string | null): boolean => {
    if (!name) return false;
    const words = tokenize(name).map((t) => t.norm);
    for (let i = 0; i + wanted.length <= words.length; i++) {
      if (variants.every((forms, j) => forms.has(words[i + j] as string))) return true;
    }
    return false;
  };
  const rows = db.prepare("SELECT id, kind, name_en, name_ar FROM entities").all() as EntityRow[];
  return rows
    .filter((row) => containsRun(row.name_ar) || containsRun(row.name_en))
    .map((row) => ({ id: row.id, kind: row.kind, nameAr: row.name_ar, nameEn: row.name_en }));
}
