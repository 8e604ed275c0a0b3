/**
 * Reads the dates feeds actually carry — RFC 822 with its many deviations (full or localized month names,
 * no weekday, named zones) and ISO 8601 / RFC 3339 (any fraction length) — into an ISO 8601 UTC instant
 * with second precision. A date without a time zone is ambiguous and gives null rather than a guess.
 */
export function parseFeedDate(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  return parseIsoDate(value) ?? parseRfc822Date(value);
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

// Day, month name, year, time and zone; the weekday (in any language) and a trailing "(zone name)" are ignored.
const RFC822 =
  /^(?:[^\d\s,]+\.?,?\s*)?(\d{1,2})[\s-]+([^\d\s.,-]+)\.?,?[\s-]+(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}|[A-Za-z]{2,3}\s*[+-]\d{2}:?\d{2})?(?:\s*\(.*\))?$/u;

// English, Portuguese, Spanish, French and German month names, keyed by their first four or three letters.
const MONTHS: Record<string, number> = {
  jan: 1,
  ene: 1,
  feb: 2,
  fev: 2,
  fév: 2,
  mar: 3,
  mär: 3,
  mrz: 3,
  apr: 4,
  abr: 4,
  avr: 4,
  may: 5,
  mai: 5,
  jun: 6,
  juin: 6,
  jul: 7,
  juil: 7,
  aug: 8,
  ago: 8,
  aoû: 8,
  aou: 8,
  sep: 9,
  set: 9,
  oct: 10,
  out: 10,
  okt: 10,
  nov: 11,
  dec: 12,
  déc: 12,
  dez: 12,
  dic: 12,
};

// Offsets in minutes of the zone names RFC 822 allows (plus UTC), which feeds still use.
const ZONES: Record<string, number> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

function parseIsoDate(value: string): string | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const offset = parseZone(m[7]);
  if (offset === null) return null;
  return buildUtc(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
    offset,
  );
}

function parseRfc822Date(value: string): string | null {
  const m = RFC822.exec(value);
  if (!m) return null;
  const month = lookUpMonth(m[2] ?? "");
  const offset = parseZone(m[7]);
  if (month === null || offset === null) return null;
  let year = Number(m[3]);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  return buildUtc(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset);
}

function lookUpMonth(name: string): number | null {
  const lower = name.toLowerCase();
  return MONTHS[lower.slice(0, 4)] ?? MONTHS[lower.slice(0, 3)] ?? null;
}

/** Minutes east of UTC, or null when the zone is missing or unknown. */
function parseZone(zone: string | undefined): number | null {
  if (!zone) return null;
  const numeric = /([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === "-" ? -minutes : minutes;
  }
  return ZONES[zone.toUpperCase()] ?? null;
}

function buildUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offsetMinutes: number,
): string | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 April over to 1 May; such a date is malformed, not a different day.
  if (new Date(local).getUTCDate() !== day) return null;
  return new Date(local - offsetMinutes * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
