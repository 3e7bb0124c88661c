// When a scheduled broadcast goes out: admins type a local date and time ("25-12-2026 09:00", WIB unless
// they write WITA or WIT). Indonesia has no daylight saving time, so the zones are fixed offsets.
import { formatDateTime } from "../events/format.js";

export const ZONE_OFFSETS = { WIB: 7, WITA: 8, WIT: 9 } as const;
export type ZoneName = keyof typeof ZONE_OFFSETS;

/** Earliest and latest schedule relative to now. */
export const MIN_SCHEDULE_AHEAD_MS = 60_000;
export const MAX_SCHEDULE_AHEAD_MS = 90 * 24 * 60 * 60_000;

export type ScheduleParse = { ok: true; at: Date; zone: ZoneName } | { ok: false; reason: "format" | "past" | "too-far" };

function valid(y: number, mo: number, d: number, h: number, mi: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return false;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCDate() === d && probe.getUTCMonth() === mo - 1;
}

/**
 * Reads "DD-MM-YYYY HH:MM" (also "/", "." and "YYYY-MM-DD"), optionally followed by WIB, WITA or WIT.
 * The time must be at least a minute ahead and at most 90 days away.
 */
export function parseScheduleTime(text: string, now: Date): ScheduleParse {
  const cleaned = text.trim().toUpperCase().replace(/\s+/g, " ");
  const zoneMatch = /\s*(WIB|WITA|WIT)$/.exec(cleaned);
  const zone: ZoneName = (zoneMatch?.[1] as ZoneName | undefined) ?? "WIB";
  const body = zoneMatch ? cleaned.slice(0, zoneMatch.index).trim() : cleaned;
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[ ,T]+(?:JAM |PUKUL )?(\d{1,2})[:.](\d{2})$/.exec(body);
  let y: number, mo: number, d: number, h: number, mi: number;
  if (m) {
    [d, mo, y, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  } else {
    m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2})[:.](\d{2})$/.exec(body);
    if (!m) return { ok: false, reason: "format" };
    [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  }
  if (!valid(y, mo, d, h, mi)) return { ok: false, reason: "format" };
  const at = new Date(Date.UTC(y, mo - 1, d, h - ZONE_OFFSETS[zone], mi));
  const ahead = at.getTime() - now.getTime();
  if (ahead < MIN_SCHEDULE_AHEAD_MS) return { ok: false, reason: "past" };
  if (ahead > MAX_SCHEDULE_AHEAD_MS) return { ok: false, reason: "too-far" };
  return { ok: true, at, zone };
}

/** "Kamis, 25 Desember 2026 pukul 09.00 WIB" (or the English equivalent): the events' own format, in the given zone. */
export function formatScheduleTime(at: Date, locale: "id" | "en", zone: ZoneName = "WIB"): string {
  const timeZone = zone === "WITA" ? "Asia/Makassar" : zone === "WIT" ? "Asia/Jayapura" : "Asia/Jakarta";
  return formatDateTime(at, timeZone, locale);
}
