import type { EntityRef, EventFilter, EventRecord } from "../events/event-types.ts";
import type { GoldEvent } from "../events/score-events.ts";
import type { Gazetteer } from "../extraction/gazetteer.ts";
import { normalizeArabic } from "../text/normalize.ts";
import type { AnswerDeps } from "./answer-question.ts";
import type { AliasesOf } from "./eval-questions.ts";
import { createQuestionDirectory, type DiscoveredEntity } from "./question-directory.ts";
import { toPeriod } from "./select-events.ts";

/**
 * The question engine over an eval set's gold events instead of extracted ones: a question that fails
 * here fails in the engine, one that passes here and fails on extracted events fails in extraction.
 * Gold people and places are resolved through the gazetteer by their aliases; anyone it does not know
 * becomes a discovered entity named by all their aliases, as extraction would record them.
 */
export function createGoldAnswerDeps(
  gold: GoldEvent[],
  gazetteer: Gazetteer,
): { deps: AnswerDeps; aliasesOf: AliasesOf } {
  const discovered = new Map<string, DiscoveredEntity>();
  const byAlias = new Map<string, DiscoveredEntity[]>();

  const toPerson = (aliases: string[]): EntityRef => {
    for (const alias of aliases) {
      const match = gazetteer.findByName(alias).find((m) => m.kind === "person" && !m.partial);
      if (match?.kind === "person")
        return { id: match.entity.id, name_en: match.entity.nameEn, name_ar: match.entity.nameAr };
    }
    const first = aliases[0] ?? "";
    const id = `gold-${normalizeArabic(first).replace(/\s+/g, "-")}`;
    const nameAr = aliases.find((a) => /[\u0600-\u06FF]/.test(a)) ?? first;
    const nameEn = /[\u0600-\u06FF]/.test(first) ? null : first;
    if (!discovered.has(id)) {
      const entity: DiscoveredEntity = {
        id,
        kind: "person",
        name_ar: nameAr,
        name_en: nameEn,
        aliases,
        events: 1,
      };
      discovered.set(id, entity);
      for (const alias of aliases) {
        const key = normalizeArabic(alias);
        byAlias.set(key, [...(byAlias.get(key) ?? []), entity]);
      }
    }
    return { id, name_en: nameEn, name_ar: nameAr };
  };
  const toPlace = (aliases: string[] | null): EntityRef | null => {
    for (const alias of aliases ?? []) {
      const match = gazetteer.findByName(alias).find((m) => m.kind === "place");
      if (match?.kind === "place")
        return { id: match.entity.id, name_en: match.entity.nameEn, name_ar: match.entity.nameAr };
    }
    return null;
  };
  const cut = { day: 10, month: 7, year: 4 };
  const events: EventRecord[] = gold.map((g) => ({
    id: g.id,
    type: g.type,
    participants: g.participants.map(toPerson),
    date: (g.dates[0] ?? "").slice(0, cut[g.precision]) || null,
    precision: g.precision,
    place: toPlace(g.place),
    articles: g.articles.map((id) => ({ id, url: `gold:${id}`, published: null })),
    evidence: "",
  }));

  // The store's filter rules (src/events/event-store.ts findEvents), over the gold events in memory.
  const findEvents = (filter: EventFilter): EventRecord[] => {
    const found = events.filter((e) => {
      if (filter.entityIds?.some((id) => !e.participants.some((p) => p.id === id))) return false;
      if (filter.placeId && !(e.place && gazetteer.isWithin(e.place.id, filter.placeId))) return false;
      if (filter.types && filter.types.length > 0 && !filter.types.includes(e.type)) return false;
      const [start, end] = toPeriod(e.date);
      if (filter.from && (!end || end < filter.from)) return false;
      if (filter.to && (!start || start > filter.to)) return false;
      return true;
    });
    found.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
    return filter.limit === undefined ? found : found.slice(0, filter.limit);
  };
  const directory = createQuestionDirectory(gazetteer, (alias) =>
    (byAlias.get(alias) ?? []).map((entity) => ({ entity, partial: false })),
  );
  const aliasesOf: AliasesOf = (entity) => {
    const names = [entity.name_ar, ...(entity.name_en ? [entity.name_en] : [])];
    const person = gazetteer.personById(entity.id);
    if (person) return [...names, ...person.aliasesAr, ...person.aliasesEn];
    return [...names, ...(discovered.get(entity.id)?.aliases ?? [])];
  };
  return { deps: { directory, findEvents, searchArticles: () => [] }, aliasesOf };
}
