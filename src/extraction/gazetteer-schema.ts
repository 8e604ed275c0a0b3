import { z } from "zod";

/**
 * The shape of the reviewed world data in data/gazetteer/*.json (snake_case, as the files are written).
 * Arabic spellings are written once in their base form; systematic variants (غ/ج, ي/ى, hamza forms,
 * hyphen or space, joined compounds) are generated at load, so only irregular spellings are listed.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case id such as kim-jong-un");
const countryId = z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code such as RU");
const roleId = z
  .string()
  .regex(/^[a-z]+(_[a-z]+)*$/, "expected a snake_case role id such as defence_minister");
const arabic = z.string().regex(/^[\u0600-\u06FF\s-]+$/, "expected Arabic letters, spaces and hyphens only");
const latin = z.string().regex(/^[\p{Script=Latin}0-9\s.'’-]+$/u, "expected a name in Latin letters");
const note = z.string().min(1).optional();

export const officeSchema = z
  .object({
    role: roleId,
    /** The country the office belongs to, or… */
    country: countryId.optional(),
    /** …the organisation it belongs to (the UN Secretary-General). */
    org: id.optional(),
    from: isoDate,
    /** Last day in office (inclusive); null while the person still holds it. */
    to: isoDate.nullable(),
    acting: z.boolean().optional(),
    note,
  })
  .strict()
  .refine((o) => (o.country === undefined) !== (o.org === undefined), {
    message: "an office belongs to exactly one of country or org",
  })
  .refine((o) => o.to === null || o.from <= o.to, { message: "office ends before it starts" });

export const personSchema = z
  .object({
    id,
    name_en: latin,
    aliases_en: z.array(latin).default([]),
    /** The part a bare English mention uses ("Kim", "Lavrov"); left out where it is a common word. */
    surnames_en: z.array(latin).default([]),
    name_ar: arabic,
    aliases_ar: z.array(arabic).default([]),
    /** Bare Arabic mentions (كيم, لافروف, بوتن); left out where the word is common Arabic (لي, بارك). */
    surnames_ar: z.array(arabic).default([]),
    gender: z.enum(["m", "f"]),
    country: countryId,
    /** 0–100: which of several people a bare surname most likely means. */
    prominence: z.number().int().min(0).max(100),
    /** So that a bare كيم in 2019 is not Kim Jong Il, who died in 2011. */
    died: isoDate.optional(),
    offices: z.array(officeSchema).default([]),
    note,
  })
  .strict();

export const placeKinds = ["country", "capital", "city", "region", "site"] as const;

export const placeSchema = z
  .object({
    id: z.union([countryId, id]),
    kind: z.enum(placeKinds),
    name_en: latin,
    aliases_en: z.array(latin).default([]),
    name_ar: arabic,
    aliases_ar: z.array(arabic).default([]),
    /** For a country: itself; otherwise the country it lies in, null where it spans a border (the DMZ). */
    country: countryId.nullable(),
    /** The enclosing place (Russky Island → Vladivostok), so a question about a city finds its sites. */
    within: z.union([countryId, id]).optional(),
    /** Masculine singular nisba adjectives (روسي, كوري شمالي); the other forms are generated. */
    demonym_bases_ar: z.array(arabic).default([]),
    /** Demonyms that no rule generates (broken plurals: الروس, الأمريكان). */
    demonyms_ar: z.array(arabic).default([]),
    note,
  })
  .strict()
  .refine((p) => p.kind === "country" || p.demonym_bases_ar.length + p.demonyms_ar.length === 0, {
    message: "only countries carry demonyms",
  });

export const orgKinds = [
  "news_agency",
  "media",
  "government",
  "ministry",
  "military",
  "intelligence",
  "legislature",
  "party",
  "international",
  "armed_group",
] as const;

export const organizationSchema = z
  .object({
    id,
    kind: z.enum(orgKinds),
    name_en: latin,
    aliases_en: z.array(latin).default([]),
    name_ar: arabic,
    aliases_ar: z.array(arabic).default([]),
    country: countryId.nullable(),
    note,
  })
  .strict();

export const roleSchema = z
  .object({
    id: roleId,
    name_en: latin,
    /** Titles as written before a name or a demonym: وزير الدفاع, وزيرة الدفاع, وزير دفاع. */
    titles_ar: z.array(arabic).min(1),
    titles_en: z.array(latin).default([]),
    /** The country or organisation the title implies by itself (المتحدث باسم الكرملين → RU). */
    country: countryId.optional(),
    org: id.optional(),
    /** Roles asked next when nobody holds this one (a country without a "leader" → its president). */
    fallback: z.array(roleId).default([]),
    note,
  })
  .strict();

export type PlaceKind = (typeof placeKinds)[number];
export type RawOffice = z.infer<typeof officeSchema>;
export type RawPerson = z.infer<typeof personSchema>;
export type RawPlace = z.infer<typeof placeSchema>;
export type RawOrganization = z.infer<typeof organizationSchema>;
export type RawRole = z.infer<typeof roleSchema>;
