import { describe, expect, it } from "vitest";
import { buildGazetteer } from "../../src/extraction/gazetteer.ts";
import { resolveSubscriptionTarget } from "../../src/notifications/resolve-target.ts";
import { openTestDb } from "./notification-db.ts";

const person = (id: string, nameEn: string, nameAr: string, surnameAr: string, prominence: number) => ({
  id,
  name_en: nameEn,
  name_ar: nameAr,
  surnames_ar: [surnameAr],
  surnames_en: [nameEn.split(" ")[0] === "Kim" ? "Kim" : (nameEn.split(" ").at(-1) ?? "")],
  gender: "m",
  country: id.startsWith("kim") ? "KP" : "RU",
  prominence,
});

const gazetteer = buildGazetteer({
  people: [
    person("kim-jong-un", "Kim Jong Un", "كيم جونغ أون", "كيم", 100),
    { ...person("kim-yo-jong", "Kim Yo Jong", "كيم يو جونغ", "كيم", 60), gender: "f" },
    person("sergei-lavrov", "Sergei Lavrov", "سيرغي لافروف", "لافروف", 90),
  ],
  places: [
    { id: "KP", kind: "country", name_en: "North Korea", name_ar: "كوريا الشمالية", country: "KP" },
    { id: "RU", kind: "country", name_en: "Russia", name_ar: "روسيا", country: "RU" },
    { id: "wonsan", kind: "city", name_en: "Wonsan", name_ar: "وونسان", country: "KP", within: "KP" },
  ],
  organizations: [],
  roles: [],
});

function setUp() {
  const db = openTestDb();
  // A person extraction discovered in the corpus, unknown to the gazetteer.
  db.prepare(
    "INSERT INTO entities (id, kind, name_en, name_ar, discovered) VALUES (?, 'person', NULL, ?, 1)",
  ).run("x-choe-son-hui", "تشوي سون هوي");
  return db;
}

describe("resolveSubscriptionTarget", () => {
  it.each([
    ["كيم جونغ أون", ["kim-jong-un"]],
    ["كيم جونج اون", ["kim-jong-un"]],
    ["Kim Jong Un", ["kim-jong-un"]],
    ["لافروف", ["sergei-lavrov"]],
    ["وونسان", ["wonsan"]],
    ["كوريا الشمالية", ["KP"]],
    ["تشوي سون هوي", ["x-choe-son-hui"]],
    ["تسوي سون هوي", ["x-choe-son-hui"]],
  ])("%s names %j", (text, ids) => {
    const resolved = resolveSubscriptionTarget(setUp(), gazetteer, text);
    expect(resolved.kind).toBe("entity");
    expect(resolved.kind === "entity" && resolved.candidates.map((c) => c.id)).toEqual(ids);
  });

  it("offers every person a bare surname may mean, most prominent first", () => {
    const resolved = resolveSubscriptionTarget(setUp(), gazetteer, "كيم");
    expect(resolved).toEqual({
      kind: "entity",
      candidates: [
        { id: "kim-jong-un", kind: "person", nameAr: "كيم جونغ أون", nameEn: "Kim Jong Un" },
        { id: "kim-yo-jong", kind: "person", nameAr: "كيم يو جونغ", nameEn: "Kim Yo Jong" },
      ],
    });
  });

  it("finds a discovered person by part of the name", () => {
    const resolved = resolveSubscriptionTarget(setUp(), gazetteer, "سون هوي");
    expect(resolved.kind === "entity" && resolved.candidates.map((c) => c.id)).toEqual(["x-choe-son-hui"]);
  });

  it.each([
    ["الصواريخ", "الصواريخ"],
    ["  الذَّخيرة المدفعية ", "الذخيره المدفعيه"],
  ])("takes %j, which names nobody, as the keyword %j", (text, keyword) => {
    expect(resolveSubscriptionTarget(setUp(), gazetteer, text)).toEqual({
      kind: "keyword",
      keyword,
      label: text.trim(),
    });
  });
});
