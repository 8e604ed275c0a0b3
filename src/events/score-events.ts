import { normalizeArabic } from "../text/normalize.ts";
import type { DatePrecision, EntityRef, EventRecord, EventType } from "./event-types.ts";

/**
 * Scores extracted events against a gold set exactly as eval/FORMAT.md "Scoring" says:
 *  - a predicted event matches a gold event when the type is the same (a meeting also satisfies a gold
 *    visit of one of its participants) and every gold participant is among its participants by alias,
 *    compared after normalizeArabic (which also folds case and hyphens);
 *  - precision, recall and F1 over events; a second prediction matching an already matched gold event is
 *    a false positive (a missed merge);
 *  - date accuracy (at the gold precision) and place accuracy (by alias) over the matched events;
 *  - the share of `hard` gold events found.
 * Pairs are chosen best first (exact type, then right date, then right place), so that when one person
 * has two visits each prediction is paired with the visit it describes.
 */

export interface GoldEvent {
  id: string;
  type: EventType;
  participants: string[][];
  dates: string[];
  precision: DatePrecision;
  place: string[] | null;
  articles: string[];
  hard: boolean;
}

export interface EventMatch {
  gold: string;
  predicted: string;
  dateRight: boolean;
  placeRight: boolean;
}

export interface EventScore {
  predicted: number;
  gold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Predictions that matched a gold event already matched by another prediction. */
  duplicates: number;
  precision: number;
  recall: number;
  f1: number;
  dateAccuracy: number;
  placeAccuracy: number;
  hardFound: number;
  hardTotal: number;
  matches: EventMatch[];
  /** Gold ids nobody matched. */
  missed: string[];
  /** Predicted ids that matched nothing, and those that duplicated a matched gold event. */
  spurious: string[];
  duplicated: string[];
}

/** Every name an entity is known by (the gazetteer's aliases, when the caller has them). */
export type AliasesOf = (entity: EntityRef) => string[];

const defaultAliases: AliasesOf = (entity) => [entity.name_ar, ...(entity.name_en ? [entity.name_en] : [])];

function foldedAliases(entity: EntityRef, aliasesOf: AliasesOf): Set<string> {
  const out = new Set<string>();
  for (const alias of aliasesOf(entity)) out.add(normalizeArabic(alias));
  return out;
}

function isNamedBy(aliases: Set<string>, gold: string[]): boolean {
  return gold.some((alias) => aliases.has(normalizeArabic(alias)));
}

function isDateRight(event: EventRecord, gold: GoldEvent): boolean {
  if (!event.date || !event.precision) return false;
  const length = { day: 10, month: 7, year: 4 }[gold.precision];
  if (event.date.length < length) return false;
  const predicted = event.date.slice(0, length);
  return gold.dates.some((d) => d.slice(0, length) === predicted);
}

function isPlaceRight(event: EventRecord, gold: GoldEvent, aliasesOf: AliasesOf): boolean {
  if (!gold.place) return event.place === null;
  if (!event.place) return false;
  return isNamedBy(foldedAliases(event.place, aliasesOf), gold.place);
}

/** 2 for the same type, 1 for a meeting standing for a visit of one of its participants, 0 otherwise. */
function typeFit(event: EventRecord, gold: GoldEvent, participants: Set<string>[]): number {
  const all = gold.participants.every((g) => participants.some((p) => isNamedBy(p, g)));
  if (!all) return 0;
  if (event.type === gold.type) return 2;
  return event.type === "meeting" && gold.type === "visit" ? 1 : 0;
}

export function scoreEvents(
  predicted: EventRecord[],
  gold: GoldEvent[],
  aliasesOf: AliasesOf = defaultAliases,
): EventScore {
  const pairs: { p: number; g: number; rank: number; dateRight: boolean; placeRight: boolean }[] = [];
  predicted.forEach((event, p) => {
    const participants = event.participants.map((e) => foldedAliases(e, aliasesOf));
    gold.forEach((g, gi) => {
      const fit = typeFit(event, g, participants);
      if (fit === 0) return;
      const dateRight = isDateRight(event, g);
      const placeRight = isPlaceRight(event, g, aliasesOf);
      pairs.push({
        p,
        g: gi,
        rank: fit * 4 + Number(dateRight) * 2 + Number(placeRight),
        dateRight,
        placeRight,
      });
    });
  });
  pairs.sort((a, b) => b.rank - a.rank || a.p - b.p);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const matches: EventMatch[] = [];
  for (const pair of pairs) {
    if (usedP.has(pair.p) || usedG.has(pair.g)) continue;
    usedP.add(pair.p);
    usedG.add(pair.g);
    matches.push({
      gold: gold[pair.g]?.id ?? "",
      predicted: predicted[pair.p]?.id ?? "",
      dateRight: pair.dateRight,
      placeRight: pair.placeRight,
    });
  }
  const matchedSomething = new Set(pairs.map((pair) => pair.p));
  const duplicated = predicted.filter((_, i) => !usedP.has(i) && matchedSomething.has(i)).map((e) => e.id);
  const spurious = predicted.filter((_, i) => !matchedSomething.has(i)).map((e) => e.id);
  const tp = matches.length;
  const fp = predicted.length - tp;
  const fn = gold.length - tp;
  const precision = predicted.length > 0 ? tp / predicted.length : 0;
  const recall = gold.length > 0 ? tp / gold.length : 0;
  const hard = gold.filter((g) => g.hard);
  return {
    predicted: predicted.length,
    gold: gold.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    duplicates: duplicated.length,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    dateAccuracy: tp > 0 ? matches.filter((m) => m.dateRight).length / tp : 0,
    placeAccuracy: tp > 0 ? matches.filter((m) => m.placeRight).length / tp : 0,
    hardFound: hard.filter((g) => usedG.has(gold.indexOf(g))).length,
    hardTotal: hard.length,
    matches,
    missed: gold.filter((_, i) => !usedG.has(i)).map((g) => g.id),
    spurious,
    duplicated,
  };
}
