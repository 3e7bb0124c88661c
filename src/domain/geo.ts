// Nearest meetups: great-circle distance from a shared location to each upcoming event. An event without
// coordinates is placed at the centre of its kabupaten/kota.
//
// Regency centres come from the `geografis` package (MIT; village coordinates of all of Indonesia,
// Permendagri 72/2019 codes): the centre of a kabupaten/kota is the mean position of its villages. Parsing
// the package's 30 MB village file takes about 2 s and leaves ~85 MB more resident memory, so it is done
// at install time (`postinstall` runs src/cli/regency-centres.ts, writing the 514 centres, ~20 KB, to
// src/generated/regency-centres.json); the bot reads that small file on the first shared location. `idn-area-data` (the official list this bot uses) has no coordinates for
// regencies. geografis predates the 2022 Papua split, so the four new provinces' regencies (new codes)
// are found by name; the few regencies spelt differently since then keep their old code.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../db.js";
import { matchRegency, normalizePlaceName, regencies, type Regency } from "./areas.js";
import { withSeats, type EventWithSeats } from "./events/events.js";

export interface LatLon {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Haversine distance in kilometres. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The number of kilometres as people read it: "0,4", "12,3" under 100 km, "245" beyond (decimal comma
 * in Indonesian, point in English); the locale adds " km" (organisers-distance-km).
 */
export function formatDistanceKm(km: number, locale: "id" | "en" = "id"): string {
  const digits = km < 100 ? 1 : 0;
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(km);
}

export function isValidLocation(point: LatLon): boolean {
  return Number.isFinite(point.latitude) && Number.isFinite(point.longitude) && Math.abs(point.latitude) <= 90 && Math.abs(point.longitude) <= 180;
}

// ───────────── Regency centres from geografis ─────────────

interface Village {
  code: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
}

let centres: Map<string, LatLon> | null = null;

/** Where `postinstall` writes the derived centres: { "15.71": [latitude, longitude], … }. */
export const REGENCY_CENTRES_FILE = fileURLToPath(new URL("../generated/regency-centres.json", import.meta.url));

/**
 * Centres of every kabupaten/kota of the official list, keyed by its code ("15.71"), from the file
 * written at install time. Without that file (install scripts skipped) they are derived from geografis
 * here, once: slower, same result.
 */
export function regencyCentres(): ReadonlyMap<string, LatLon> {
  if (centres) return centres;
  let loaded: Map<string, LatLon>;
  try {
    const stored = JSON.parse(fs.readFileSync(REGENCY_CENTRES_FILE, "utf8")) as Record<string, [number, number]>;
    loaded = new Map(Object.entries(stored).map(([code, [latitude, longitude]]) => [code, { latitude, longitude }]));
  } catch {
    loaded = deriveRegencyCentres();
  }
  centres = loaded;
  return loaded;
}

/** The centres as the generated file stores them (coordinates rounded to about 10 m). */
export function regencyCentresJson(derived: ReadonlyMap<string, LatLon>): string {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const entries = [...derived].sort(([a], [b]) => a.localeCompare(b)).map(([code, p]) => [code, [round(p.latitude), round(p.longitude)]]);
  return `${JSON.stringify(Object.fromEntries(entries))}\n`;
}

/** Works the centres out of geografis' village file (about 2 s; install time, see the top of this file). */
export function deriveRegencyCentres(): Map<string, LatLon> {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve("geografis/package.json")), "data", "json", "data.json");
  const villages = JSON.parse(fs.readFileSync(file, "utf8")) as Village[];
  const sums = new Map<string, { name: string; lat: number; lon: number; n: number }>();
  for (const v of villages) {
    if (typeof v.latitude !== "number" || typeof v.longitude !== "number") continue;
    const code = v.code.slice(0, 5);
    const sum = sums.get(code) ?? { name: v.city, lat: 0, lon: 0, n: 0 };
    sum.lat += v.latitude;
    sum.lon += v.longitude;
    sum.n += 1;
    sums.set(code, sum);
  }
  const byName = new Map<string, string[]>();
  for (const [code, sum] of sums) {
    const key = normalizePlaceName(sum.name);
    byName.set(key, [...(byName.get(key) ?? []), code]);
  }
  const result = new Map<string, LatLon>();
  for (const regency of regencies) {
    const sameCode = sums.get(regency.code);
    const named = byName.get(normalizePlaceName(regency.name));
    const source = sameCode ?? (named?.length === 1 ? sums.get(named[0] ?? "") : undefined);
    if (source) result.set(regency.code, { latitude: source.lat / source.n, longitude: source.lon / source.n });
  }
  return result;
}

/** The centre of the kabupaten/kota an event is in ("Kota Jambi" in province 15), or null. */
export function regencyCentreOf(provinceCode: string, city: string): { regency: Regency; centre: LatLon } | null {
  const regency = matchRegency(provinceCode, city).match;
  if (!regency) return null;
  const centre = regencyCentres().get(regency.code);
  return centre ? { regency, centre } : null;
}

export interface EventPosition {
  point: LatLon;
  /** true when the event has no coordinates and its kabupaten/kota's centre stands in */
  approximate: boolean;
}

/** Where an event is: its own coordinates, else its kabupaten/kota's centre, else unknown (null). */
export function eventPosition(event: { latitude: number | null; longitude: number | null; province: string; city: string }): EventPosition | null {
  if (event.latitude !== null && event.longitude !== null) return { point: { latitude: event.latitude, longitude: event.longitude }, approximate: false };
  const found = regencyCentreOf(event.province, event.city);
  return found ? { point: found.centre, approximate: true } : null;
}

export interface NearbyEvent extends EventWithSeats {
  distanceKm: number;
  approximate: boolean;
}

export const NEAREST_DEFAULT_LIMIT = 5;
const NEAREST_CANDIDATES = 500;

/**
 * Upcoming published events by distance from a shared location, nearest first (ties: sooner first).
 * Events whose place cannot be found at all are left out.
 */
export async function nearestEvents(db: Db, from: LatLon, options: { now?: Date; limit?: number } = {}): Promise<NearbyEvent[]> {
  if (!isValidLocation(from)) return [];
  const now = options.now ?? new Date();
  const limit = Math.max(1, Math.min(50, Math.floor(options.limit ?? NEAREST_DEFAULT_LIMIT)));
  const events = await db.event.findMany({
    where: { status: "published", endsAt: { gt: now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: NEAREST_CANDIDATES,
  });
  const placed = events.flatMap((event) => {
    const position = eventPosition(event);
    return position ? [{ event, distanceKm: distanceKm(from, position.point), approximate: position.approximate }] : [];
  });
  placed.sort((a, b) => a.distanceKm - b.distanceKm || a.event.startsAt.getTime() - b.event.startsAt.getTime() || a.event.id - b.event.id);
  const nearest = placed.slice(0, limit);
  const seated = await withSeats(db, nearest.map((n) => n.event));
  return seated.map((s, i) => ({ ...s, distanceKm: nearest[i]?.distanceKm ?? 0, approximate: nearest[i]?.approximate ?? false }));
}
