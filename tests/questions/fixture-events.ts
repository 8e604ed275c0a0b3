import type { EntityRef, EventFilter, EventRecord, EventType } from "../../src/events/event-types.ts";
import { toPeriod } from "../../src/questions/select-events.ts";
import { FIXTURE_GAZETTEER } from "./fixture-directory.ts";

/** Hand-built events of the seed beat, and findEvents over them with the store's filter rules. */

const ref = (id: string): EntityRef => {
  const person = FIXTURE_GAZETTEER.personById(id);
  if (person) return { id, name_en: person.nameEn, name_ar: person.nameAr };
  const place = FIXTURE_GAZETTEER.placeById(id);
  if (place) return { id, name_en: place.nameEn, name_ar: place.nameAr };
  throw new Error(`fixture: unknown entity ${id}`);
};

const article = (id: string) => ({
  id,
  url: `https://news.example/${id}`,
  published: "2025-07-13T10:00:00+03:00",
  title: `Report ${id}`,
});

export function buildEvent(
  id: string,
  type: EventType,
  people: string[],
  date: string,
  place: string | null,
  articles: string[],
): EventRecord {
  return {
    id,
    type,
    participants: people.map(ref),
    date,
    precision: date.length === 10 ? "day" : date.length === 7 ? "month" : "year",
    place: place ? ref(place) : null,
    articles: articles.map(article),
    evidence: `evidence of ${id}`,
  };
}

export const EVENTS: EventRecord[] = [
  buildEvent("ev-kim-shoigu", "meeting", ["kim-jong-un", "sergei-shoigu"], "2023-07", "KP", ["s003"]),
  buildEvent("ev-shoigu-kang", "meeting", ["sergei-shoigu", "kang-sun-nam"], "2023-07-26", "pyongyang", [
    "s000",
    "s001",
  ]),
  buildEvent("ev-shoigu-visit", "visit", ["sergei-shoigu"], "2023-07-25", "KP", ["s000"]),
  buildEvent("ev-kim-lavrov", "meeting", ["kim-jong-un", "sergei-lavrov"], "2025-07-12", "wonsan", [
    "s002",
    "s005",
  ]),
  buildEvent("ev-lavrov-choe", "meeting", ["sergei-lavrov", "choe-son-hui"], "2025-07-11", "wonsan", [
    "s002",
  ]),
  buildEvent("ev-kim-belousov", "meeting", ["kim-jong-un", "andrei-belousov"], "2024-11-30", "pyongyang", [
    "s004",
  ]),
  buildEvent("ev-belousov-visit", "visit", ["andrei-belousov"], "2024-11-30", "pyongyang", ["s004"]),
  buildEvent("ev-kim-putin", "meeting", ["kim-jong-un", "vladimir-putin"], "2024-06", "pyongyang", ["s004"]),
  buildEvent("ev-kim-putin-call", "call", ["kim-jong-un", "vladimir-putin"], "2025-01-10", null, ["s006"]),
  buildEvent("ev-kim-trump-planned", "planned", ["kim-jong-un", "donald-trump"], "2026-01", null, ["s007"]),
  buildEvent("ev-kimyo-putin", "meeting", ["kim-yo-jong", "vladimir-putin"], "2024-03-01", "moscow-kremlin", [
    "s008",
  ]),
];

export function findFixtureEvents(filter: EventFilter, events: EventRecord[] = EVENTS): EventRecord[] {
  const found = events.filter((e) => {
    if (filter.entityIds && !filter.entityIds.every((id) => e.participants.some((p) => p.id === id)))
      return false;
    if (filter.placeId && !(e.place && FIXTURE_GAZETTEER.isWithin(e.place.id, filter.placeId))) return false;
    if (filter.types && !filter.types.includes(e.type)) return false;
    const [start, end] = toPeriod(e.date);
    if (filter.from && (!end || end < filter.from)) return false;
    if (filter.to && (!start || start > filter.to)) return false;
    return true;
  });
  const sorted = found.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  return filter.limit === undefined ? sorted : sorted.slice(0, filter.limit);
}
