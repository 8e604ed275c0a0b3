import type { z } from "zod";
import { GazetteerError } from "./gazetteer-error.ts";
import {
  organizationSchema,
  personSchema,
  placeSchema,
  type RawOrganization,
  type RawPerson,
  type RawPlace,
  type RawRole,
  roleSchema,
} from "./gazetteer-schema.ts";

/** The four files of data/gazetteer, parsed as JSON but not yet checked. */
export interface RawGazetteer {
  people: unknown;
  places: unknown;
  organizations: unknown;
  roles: unknown;
}

export interface ValidGazetteer {
  people: RawPerson[];
  places: RawPlace[];
  organizations: RawOrganization[];
  roles: RawRole[];
}

const MAX_REPORTED = 20;

/**
 * Checks every entry against its schema and every reference between entries (an office's role and
 * country, a place's country and enclosing place), and collects all problems into one GazetteerError
 * whose lines name the file and the entry, so a reviewer can fix the data in one pass.
 */
export function validateGazetteer(raw: RawGazetteer): ValidGazetteer {
  const problems: string[] = [];
  const people = parseEntries("people.json", raw.people, personSchema, problems);
  const places = parseEntries("places.json", raw.places, placeSchema, problems);
  const organizations = parseEntries("organizations.json", raw.organizations, organizationSchema, problems);
  const roles = parseEntries("roles.json", raw.roles, roleSchema, problems);
  if (problems.length === 0) checkReferences({ people, places, organizations, roles }, problems);
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED);
    const more = problems.length > shown.length ? `\n…and ${problems.length - shown.length} more` : "";
    throw new GazetteerError(`The gazetteer data is invalid; fix these entries:\n${shown.join("\n")}${more}`);
  }
  return { people, places, organizations, roles };
}

function parseEntries<S extends z.ZodType>(
  file: string,
  data: unknown,
  schema: S,
  problems: string[],
): z.output<S>[] {
  if (!Array.isArray(data)) {
    problems.push(`${file}: expected a JSON array of entries`);
    return [];
  }
  const entries: z.output<S>[] = [];
  data.forEach((entry, index) => {
    const result = schema.safeParse(entry);
    if (result.success) {
      entries.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const path = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      problems.push(`${file}: ${describeEntry(entry, index)}: ${path}${issue.message}`);
    }
  });
  return entries;
}

function describeEntry(entry: unknown, index: number): string {
  const id = typeof entry === "object" && entry !== null && "id" in entry ? entry.id : undefined;
  return typeof id === "string" ? `entry ${index} (id "${id}")` : `entry ${index}`;
}

function checkReferences(data: ValidGazetteer, problems: string[]): void {
  const placeIds = checkUnique("places.json", data.places, problems);
  const orgIds = checkUnique("organizations.json", data.organizations, problems);
  const roleIds = checkUnique("roles.json", data.roles, problems);
  const personIds = checkUnique("people.json", data.people, problems);
  // Events and subscriptions refer to people, places and organisations by id alone.
  for (const [file, ids, others] of [
    ["places.json", placeIds, personIds],
    ["organizations.json", orgIds, new Set([...personIds, ...placeIds])],
  ] as const) {
    for (const id of ids)
      if (others.has(id)) problems.push(`${file}: id "${id}" is already used by another entry`);
  }
  const countries = new Set(data.places.filter((p) => p.kind === "country").map((p) => p.id));

  const checkCountry = (file: string, id: string, field: string, value: string | null | undefined): void => {
    if (value != null && !countries.has(value)) {
      problems.push(`${file}: "${id}": ${field} "${value}" is not a country in places.json`);
    }
  };
  const checkOrg = (file: string, id: string, field: string, value: string | undefined): void => {
    if (value !== undefined && !orgIds.has(value)) {
      problems.push(`${file}: "${id}": ${field} "${value}" is not in organizations.json`);
    }
  };

  for (const person of data.people) {
    checkCountry("people.json", person.id, "country", person.country);
    person.offices.forEach((office, i) => {
      if (!roleIds.has(office.role)) {
        problems.push(`people.json: "${person.id}": offices.${i}.role "${office.role}" is not in roles.json`);
      }
      checkCountry("people.json", person.id, `offices.${i}.country`, office.country);
      checkOrg("people.json", person.id, `offices.${i}.org`, office.org);
    });
  }
  for (const place of data.places) {
    checkCountry("places.json", place.id, "country", place.country);
    if (place.kind === "country" && place.country !== place.id) {
      problems.push(`places.json: "${place.id}": a country's country must be its own id`);
    }
    if (place.within !== undefined && !placeIds.has(place.within)) {
      problems.push(`places.json: "${place.id}": within "${place.within}" is not in places.json`);
    }
  }
  for (const org of data.organizations) checkCountry("organizations.json", org.id, "country", org.country);
  for (const role of data.roles) {
    checkCountry("roles.json", role.id, "country", role.country);
    checkOrg("roles.json", role.id, "org", role.org);
    for (const next of role.fallback) {
      if (!roleIds.has(next))
        problems.push(`roles.json: "${role.id}": fallback "${next}" is not in roles.json`);
    }
  }
}

function checkUnique(file: string, entries: { id: string }[], problems: string[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) problems.push(`${file}: id "${entry.id}" is used twice`);
    ids.add(entry.id);
  }
  return ids;
}
