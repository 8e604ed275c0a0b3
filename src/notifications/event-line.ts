import { formatDate } from "../dates/format-date.ts";
import type { EntityRef, EventRecord } from "../events/event-types.ts";
import type { ChatLang } from "./chat-store.ts";
import { escapeHtml } from "./html.ts";

function nameIn(entity: EntityRef, lang: ChatLang): string {
  return lang === "en" ? (entity.name_en ?? entity.name_ar) : entity.name_ar;
}

/** "A وB وC" in Arabic (the conjunction joins the next word), "A, B and C" in English. */
function joinNames(names: string[], lang: ChatLang): string {
  if (lang === "ar") return names.map((n, i) => (i === 0 ? n : `و${n}`)).join(" ");
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * One event as a line of HTML, in the chat's language: who, what, where and when —
 * "التقى كيم جونغ أون وسيرغي لافروف في وونسان، السبت 12 تموز/يوليو 2025". Names come from the event
 * store and are escaped like any text from articles.
 */
export function formatEventLine(event: EventRecord, lang: ChatLang): string {
  const names = event.participants.map((p) => escapeHtml(nameIn(p, lang)));
  const who = joinNames(names, lang);
  const [first = "", ...others] = names;
  const rest = joinNames(others, lang);
  const place = event.place ? escapeHtml(nameIn(event.place, lang)) : null;
  const inPlace = place ? (lang === "ar" ? ` في ${place}` : ` in ${place}`) : "";
  let what: string;
  switch (event.type) {
    case "meeting":
      what =
        others.length > 0
          ? lang === "ar"
            ? `التقى ${first} و${rest}${inPlace}`
            : `${first} met ${rest}${inPlace}`
          : lang === "ar"
            ? `لقاء لـ${first}${inPlace}`
            : `Meeting of ${first}${inPlace}`;
      break;
    case "visit":
      what =
        lang === "ar"
          ? `زيارة ${who}${place ? ` إلى ${place}` : ""}`
          : `${who} visited ${place ?? ""}`.trim();
      break;
    case "call":
      what = lang === "ar" ? `اتصال هاتفي بين ${who}` : `Phone call between ${who}`;
      break;
    case "planned":
      what = lang === "ar" ? `لقاء مرتقب بين ${who}${inPlace}` : `Planned meeting of ${who}${inPlace}`;
      break;
    default:
      what = `${who}${inPlace}`;
  }
  if (!event.date || !event.precision) return what;
  const date = escapeHtml(
    formatDate(event.date, event.precision, lang, { weekday: event.precision === "day" }),
  );
  return lang === "ar" ? `${what}، ${date}` : `${what}, ${date}`;
}

/** The event with the given participants first (the ones a chat follows), the others in their order. */
export function leadWith(event: EventRecord, ids: ReadonlySet<string>): EventRecord {
  const first = event.participants.filter((p) => ids.has(p.id));
  if (first.length === 0) return event;
  return { ...event, participants: [...first, ...event.participants.filter((p) => !ids.has(p.id))] };
}
