import { describe, expect, it } from "vitest";
import {
  ageFromBirthDate,
  checkEligibility,
  EXCLUDED_OCCUPATIONS,
  parseAgeOrBirthDate,
  RULE_ORDER,
  type EligibilityInput,
} from "../../src/domain/eligibility.js";

const ok: EligibilityInput = {
  isWni: true,
  age: 30,
  inFormalEducation: false,
  occupation: "none",
  previouslyRecipient: false,
  recipientsInSameKk: 0,
};

const rules = (input: Partial<EligibilityInput>) => checkEligibility({ ...ok, ...input }).failures.map((f) => f.rule);

describe("checkEligibility", () => {
  it("accepts someone who meets every rule", () => {
    expect(checkEligibility(ok)).toEqual({ eligible: true, failures: [] });
  });

  it("requires WNI", () => {
    expect(checkEligibility({ ...ok, isWni: false })).toEqual({ eligible: false, failures: [{ rule: "wni" }] });
  });

  it("puts the lower age bound between 17 and 18", () => {
    expect(checkEligibility({ ...ok, age: 17 }).failures).toEqual([{ rule: "age_min", min: 18, age: 17 }]);
    expect(rules({ age: 18 })).toEqual([]);
  });

  it("puts the upper age bound between 64 and 65", () => {
    expect(rules({ age: 64 })).toEqual([]);
    expect(checkEligibility({ ...ok, age: 65 }).failures).toEqual([{ rule: "age_max", max: 64, age: 65 }]);
  });

  it("accepts ages 0 and 120 as input (and fails them on age) but rejects -1, 121 and fractions", () => {
    expect(rules({ age: 0 })).toEqual(["age_min"]);
    expect(rules({ age: 120 })).toEqual(["age_max"]);
    expect(() => checkEligibility({ ...ok, age: -1 })).toThrow();
    expect(() => checkEligibility({ ...ok, age: 121 })).toThrow();
    expect(() => checkEligibility({ ...ok, age: 30.5 })).toThrow();
  });

  it("excludes people in formal education", () => {
    expect(rules({ inFormalEducation: true })).toEqual(["education"]);
  });

  it.each(EXCLUDED_OCCUPATIONS)("excludes the occupation %s", (occupation) => {
    expect(checkEligibility({ ...ok, occupation }).failures).toEqual([{ rule: "occupation", occupation }]);
  });

  it("rejects an unknown occupation code", () => {
    expect(() => checkEligibility({ ...ok, occupation: "guru" as EligibilityInput["occupation"] })).toThrow();
  });

  it("allows a recipient only once in a lifetime", () => {
    expect(rules({ previouslyRecipient: true })).toEqual(["previous_recipient"]);
  });

  it("allows at most 2 recipients per Kartu Keluarga: 1 other is fine, 2 others fail", () => {
    expect(rules({ recipientsInSameKk: 1 })).toEqual([]);
    expect(checkEligibility({ ...ok, recipientsInSameKk: 2 }).failures).toEqual([
      { rule: "kk_quota", max: 2, recipientsInSameKk: 2 },
    ]);
    expect(rules({ recipientsInSameKk: 20 })).toEqual(["kk_quota"]);
    expect(() => checkEligibility({ ...ok, recipientsInSameKk: -1 })).toThrow();
    expect(() => checkEligibility({ ...ok, recipientsInSameKk: 21 })).toThrow();
  });

  it("lists every failing rule at once, in a stable order", () => {
    const result = checkEligibility({
      isWni: false,
      age: 16,
      inFormalEducation: true,
      occupation: "polri",
      previouslyRecipient: true,
      recipientsInSameKk: 3,
    });
    expect(result.eligible).toBe(false);
    expect(result.failures.map((f) => f.rule)).toEqual(["wni", "age_min", "education", "occupation", "previous_recipient", "kk_quota"]);
    const old = checkEligibility({ ...ok, age: 70, isWni: false, recipientsInSameKk: 2 });
    expect(old.failures.map((f) => f.rule)).toEqual(["wni", "age_max", "kk_quota"]);
    for (const r of [result, old]) {
      const order = r.failures.map((f) => RULE_ORDER.indexOf(f.rule));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });
});

describe("ageFromBirthDate", () => {
  const today = new Date("2025-06-15T03:00:00Z"); // 10:00 WIB

  it("counts whole years, turning a year older on the birthday", () => {
    expect(ageFromBirthDate(new Date("2007-06-15T00:00:00Z"), today)).toBe(18);
    expect(ageFromBirthDate(new Date("2007-06-16T00:00:00Z"), today)).toBe(17);
    expect(ageFromBirthDate(new Date("1960-06-16T00:00:00Z"), today)).toBe(64);
    expect(ageFromBirthDate(new Date("1960-06-15T00:00:00Z"), today)).toBe(65);
  });

  it("reads both dates as calendar days in Asia/Jakarta", () => {
    // 17:30 UTC on the 14th is already 00:30 WIB on the 15th: the birthday has come in Jakarta
    expect(ageFromBirthDate(new Date("2007-06-15T00:00:00Z"), new Date("2025-06-14T17:30:00Z"))).toBe(18);
    // a birth date stored as local (WIB) midnight is the same day
    expect(ageFromBirthDate(new Date("2007-06-14T17:00:00Z"), today)).toBe(18);
  });

  it("handles 29 February", () => {
    const leapling = new Date("2004-02-29T00:00:00Z");
    expect(ageFromBirthDate(leapling, new Date("2022-02-28T05:00:00Z"))).toBe(17);
    expect(ageFromBirthDate(leapling, new Date("2022-03-01T05:00:00Z"))).toBe(18);
  });
});

describe("parseAgeOrBirthDate", () => {
  const today = new Date("2025-06-15T03:00:00Z");
  const parse = (text: string) => parseAgeOrBirthDate(text, today);

  it.each([
    ["25", 25],
    ["25 tahun", 25],
    ["25 thn", 25],
    ["umur 25", 25],
    ["Umur saya 25 tahun", 25],
    ["usia: 40", 40],
    ["0", 0],
    ["120", 120],
  ])("reads the age %j", (text, age) => {
    expect(parse(text)).toEqual({ ok: true, age });
  });

  it.each([
    ["17-08-1990", 34],
    ["17/08/1990", 34],
    ["17.08.1990", 34],
    ["1990-08-17", 34],
    ["17 Agustus 1990", 34],
    ["17 agustus 1990", 34],
    ["17 Agt 1990", 34],
    ["17 ags 1990", 34],
    ["17-agu-1990", 34],
    ["5 Mei 2000", 25],
    ["1 Desember 1999", 25],
    ["1 des 1999", 25],
    ["30 Nopember 1980", 44],
    ["2 Peb 2001", 24],
    ["15 Juni 2007", 18],
    ["16 Juni 2007", 17],
    ["tgl lahir 17-08-90", 34],
  ])("reads the birth date %j", (text, age) => {
    const result = parse(text);
    expect(result.ok && result.age).toBe(age);
  });

  it("returns the birth date it read", () => {
    expect(parse("17 Agustus 1990")).toEqual({ ok: true, age: 34, birthDate: new Date("1990-08-17T00:00:00Z") });
  });

  it.each(["-1", "121", "999", "1 Januari 1850"])("says out_of_range for %j", (text) => {
    expect(parse(text)).toEqual({ ok: false, reason: "out_of_range" });
  });

  it.each(["16-06-2025", "1 Januari 2030", "2026-01-01"])("says future_date for %j", (text) => {
    expect(parse(text)).toEqual({ ok: false, reason: "future_date" });
  });

  it.each(["", "dua puluh", "abc", "31-02-1990", "17 Foo 1990", "1990", "25,5", "13-13-1990"])(
    "says not_a_number for %j",
    (text) => {
      expect(parse(text)).toEqual({ ok: false, reason: "not_a_number" });
    },
  );
});
