// Nearest meetups: haversine distances, regency centres from the geografis package, sorting and formatting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regencies } from "../../src/domain/areas.js";
import { distanceKm, eventPosition, formatDistanceKm, isValidLocation, nearestEvents, regencyCentreOf, regencyCentres } from "../../src/domain/geo.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { makeEvent, NOW } from "./events-fixtures.js";
import { translator } from "./organisers-translate.js";

const MONAS = { latitude: -6.1754, longitude: 106.8272 };
const JAMBI_CITY = { latitude: -1.6101, longitude: 103.6131 };

describe("distance", () => {
  it("measures great-circle distances in kilometres", () => {
    expect(distanceKm(MONAS, MONAS)).toBe(0);
    // Jakarta–Jambi is about 620 km as the crow flies
    expect(distanceKm(MONAS, JAMBI_CITY)).toBeGreaterThan(600);
    expect(distanceKm(MONAS, JAMBI_CITY)).toBeLessThan(640);
    expect(distanceKm(MONAS, JAMBI_CITY)).toBeCloseTo(distanceKm(JAMBI_CITY, MONAS), 9);
    // one degree of longitude on the equator is about 111.2 km
    expect(distanceKm({ latitude: 0, longitude: 100 }, { latitude: 0, longitude: 101 })).toBeCloseTo(111.2, 1);
  });

  it("formats kilometres the Indonesian way and the English way", () => {
    const t = translator("id");
    expect(formatDistanceKm(0.43)).toBe("0,4");
    expect(formatDistanceKm(12.345)).toBe("12,3");
    expect(formatDistanceKm(1234.5)).toBe("1.235");
    expect(formatDistanceKm(12.345, "en")).toBe("12.3");
    expect(t("organisers-distance-km", { km: formatDistanceKm(12.345) })).toBe("12,3 km");
    expect(t("organisers-distance-approximate", { km: formatDistanceKm(3), city: "Kota Jambi" })).toBe("± 3,0 km (dari pusat Kota Jambi)");
  });

  it("refuses impossible locations", () => {
    expect(isValidLocation({ latitude: 91, longitude: 0 })).toBe(false);
    expect(isValidLocation({ latitude: Number.NaN, longitude: 0 })).toBe(false);
    expect(isValidLocation(MONAS)).toBe(true);
  });
});

describe("regency centres", () => {
  it("has a centre for every kabupaten/kota of the official list, inside Indonesia", () => {
    const centres = regencyCentres();
    expect(regencies.length).toBe(514);
    const missing = regencies.filter((r) => !centres.has(r.code)).map((r) => `${r.code} ${r.name}`);
    expect(missing).toEqual([]);
    for (const point of centres.values()) {
      expect(point.latitude).toBeGreaterThan(-11.5);
      expect(point.latitude).toBeLessThan(6.5);
      expect(point.longitude).toBeGreaterThan(94.5);
      expect(point.longitude).toBeLessThan(141.5);
    }
  });

  it("puts each city near where it is (within 15 km of its known centre)", () => {
    const near = (province: string, city: string, point: { latitude: number; longitude: number }) => {
      const found = regencyCentreOf(province, city);
      expect(found, city).not.toBeNull();
      if (found) expect(distanceKm(found.centre, point), city).toBeLessThan(15);
    };
    near("15", "Kota Jambi", JAMBI_CITY);
    near("31", "Kota Administrasi Jakarta Pusat", MONAS);
    near("75", "Kota Gorontalo", { latitude: 0.5435, longitude: 123.0568 });
    near("63", "Kota Banjarbaru", { latitude: -3.4572, longitude: 114.8103 });
    // a regency of a province created in 2022 (Papua Selatan), found by name
    expect(regencyCentreOf("93", "Kabupaten Merauke")?.regency.code).toBe("93.01");
    expect(regencyCentreOf("15", "Atlantis")).toBeNull();
  });

  it("uses an event's own coordinates, else its kabupaten/kota's centre", () => {
    expect(eventPosition({ latitude: 1, longitude: 2, province: "15", city: "Kota Jambi" })).toEqual({ point: { latitude: 1, longitude: 2 }, approximate: false });
    expect(eventPosition({ latitude: null, longitude: null, province: "15", city: "Kota Jambi" })?.approximate).toBe(true);
    expect(eventPosition({ latitude: null, longitude: null, province: "15", city: "Tidak Ada" })).toBeNull();
  });
});

describe("nearest events", () => {
  let t: TestDatabase;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.db;
    ids.jambiVenue = (await makeEvent(db, { title: "Jambi (titik tempat)" })).id;
    ids.muaro = (await makeEvent(db, { title: "Muaro Jambi (pusat kabupaten)", city: "Kabupaten Muaro Jambi", latitude: null, longitude: null })).id;
    ids.jakarta = (await makeEvent(db, { title: "Jakarta", province: "31", city: "Kota Administrasi Jakarta Pusat", latitude: -6.1862, longitude: 106.8341 })).id;
    ids.gorontalo = (await makeEvent(db, { title: "Gorontalo", province: "75", city: "Kota Gorontalo", timeZone: "Asia/Makassar", latitude: null, longitude: null })).id;
    ids.unknown = (await makeEvent(db, { title: "Tanpa tempat dikenal", city: "Tidak Ada", latitude: null, longitude: null })).id;
    await makeEvent(db, { title: "Dibatalkan dekat", status: "cancelled", latitude: -1.6102, longitude: 103.6132 });
    await makeEvent(db, { title: "Sudah lewat", startsAt: new Date("2027-02-01T02:00:00Z"), endsAt: new Date("2027-02-01T05:00:00Z") });
  });

  afterAll(async () => {
    await t.close();
  });

  it("lists upcoming events nearest first, with their distance and whether it is approximate", async () => {
    const fromJambi = await nearestEvents(t.db, { latitude: -1.6, longitude: 103.6 }, { now: NOW, limit: 10 });
    expect(fromJambi.map((n) => n.event.id)).toEqual([ids.jambiVenue, ids.muaro, ids.jakarta, ids.gorontalo]);
    expect(fromJambi[0]?.distanceKm).toBeLessThan(3);
    expect(fromJambi[0]?.approximate).toBe(false);
    expect(fromJambi[1]?.approximate).toBe(true);
    expect(fromJambi[0]?.seatsLeft).toBe(100);
    const fromMonas = await nearestEvents(t.db, MONAS, { now: NOW, limit: 1 });
    expect(fromMonas.map((n) => n.event.id)).toEqual([ids.jakarta]);
    const fromGorontalo = await nearestEvents(t.db, { latitude: 0.55, longitude: 123.06 }, { now: NOW, limit: 10 });
    expect(fromGorontalo.map((n) => n.event.id).sort()).toEqual([ids.jambiVenue, ids.muaro, ids.jakarta, ids.gorontalo].sort());
    expect(fromGorontalo[0]?.event.id).toBe(ids.gorontalo);
    expect(fromGorontalo[0]?.distanceKm).toBeLessThan(15);
    expect(fromGorontalo.map((n) => n.distanceKm)).toEqual([...fromGorontalo.map((n) => n.distanceKm)].sort((a, b) => a - b));
    expect(fromMonas[0]?.distanceKm).toBeLessThan(2);
    expect(await nearestEvents(t.db, { latitude: 200, longitude: 0 }, { now: NOW })).toEqual([]);
  });
});
