import { describe, expect, it } from "vitest";
import {
  parseAudience,
  parseCapacity,
  parseCity,
  parseCoordinatePair,
  parseProvince,
  parseTitle,
  validateEventInput,
  type EventInput,
} from "../../src/domain/events/validation.js";
import { ISSUE_CODES, renderIssueId } from "../../src/domain/events/messages.js";
import { NOW } from "./events-fixtures.js";

const base: EventInput = {
  title: "Temu Alumni Jambi",
  description: "",
  province: "15",
  city: "Kota Jambi",
  venueName: "Hotel A",
  address: "Jl. Sultan Agung No. 99",
  latitude: -1.61,
  longitude: 103.61,
  startsAt: new Date("2027-03-10T02:00:00Z"),
  endsAt: new Date("2027-03-10T08:00:00Z"),
  capacity: 100,
  rsvpDeadline: null,
  audience: "semua",
  maxCompanions: 0,
};

describe("event field rules", () => {
  it("parses what an admin types", () => {
    expect(parseTitle("  Temu   Alumni ")).toEqual({ ok: true, value: "Temu Alumni" });
    expect(parseCapacity("1.000")).toEqual({ ok: true, value: 1000 });
    expect(parseCapacity("0")).toEqual({ ok: true, value: 0 });
    expect(parseCapacity("seratus")).toMatchObject({ ok: false, code: "capacity_invalid" });
    expect(parseCapacity("-1")).toMatchObject({ ok: false, code: "capacity_invalid" });
    expect(parseCapacity("2.5")).toMatchObject({ ok: false, code: "capacity_invalid" });
    expect(parseCoordinatePair("-1.6101, 103.6131")).toEqual({ ok: true, value: { latitude: -1.6101, longitude: 103.6131 } });
    expect(parseCoordinatePair("103.6131, -1.6101")).toMatchObject({ ok: false, code: "latitude_range" });
    expect(parseCoordinatePair("40.7, -74.0")).toMatchObject({ ok: false, code: "coordinates_outside_indonesia" });
    expect(parseAudience("Khusus alumni")).toEqual({ ok: true, value: "alumni" });
    expect(parseProvince("kalsel")).toMatchObject({ ok: true, value: { code: "63" } });
    expect(parseProvince("Kalimantan")).toMatchObject({ ok: false, code: "province_unknown" });
    expect(parseCity("63", "banjar baru")).toMatchObject({ ok: true, value: { name: "Kota Banjarbaru" } });
    expect(parseCity("15", "Bandung")).toMatchObject({ ok: false, code: "city_unknown", params: { province: "Jambi" } });
  });

  it("checks a whole event, across fields too", () => {
    expect(validateEventInput(base, NOW)).toEqual([]);
    const issues = validateEventInput({ ...base, capacity: -3, latitude: 103.61, longitude: -1.61, rsvpDeadline: new Date("2027-03-11T00:00:00Z") }, NOW);
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual(["latitude:latitude_range", "capacity:capacity_invalid", "rsvpDeadline:deadline_after_start"]);
    expect(validateEventInput({ ...base, endsAt: new Date("2027-03-30T00:00:00Z") }, NOW).map((i) => i.code)).toEqual(["event_too_long"]);
    expect(validateEventInput(base, new Date("2027-03-11T00:00:00Z")).map((i) => i.code)).toEqual(["start_in_past"]);
  });

  it("has Indonesian wording for every code the command line can print", () => {
    for (const code of ISSUE_CODES) expect(renderIssueId(code, { value: "x", max: 1, min: 1, column: "c", line: 2 })).not.toBe(code);
  });
});
