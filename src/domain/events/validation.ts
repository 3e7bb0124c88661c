// One place that decides what a valid event is. Used by the CSV import, by the admin's guided
// conversation (one field at a time) and by create/update. Problems come back as codes with parameters;
// the bot renders them through its locale files, the CLI through ./messages.ts.
import { z } from "zod";
import { matchProvince, matchRegency, provinceByCodeOrNull, type Province, type Regency } from "../areas.js";

export const AUDIENCES = ["alumni", "semua"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const EVENT_STATUSES = ["draft", "published", "cancelled", "completed"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const LIMITS = {
  titleMin: 3,
  titleMax: 120,
  descriptionMax: 2000,
  venueMin: 2,
  venueMax: 120,
  addressMin: 5,
  addressMax: 300,
  capacityMax: 100_000,
  /** the programme's meetups last a day or two; a week catches a mistyped year or month */
  maxDurationDays: 7,
  /** companions a registrant may bring when the event allows them */
  companionsMax: 2,
} as const;

export type EventField =
  | "title"
  | "description"
  | "province"
  | "city"
  | "venueName"
  | "address"
  | "latitude"
  | "longitude"
  | "startsAt"
  | "endsAt"
  | "capacity"
  | "rsvpDeadline"
  | "audience"
  | "maxCompanions";

export type IssueParams = Record<string, string | number>;

export interface Issue {
  code: string;
  field: EventField | null;
  params: IssueParams;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; params: IssueParams };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: string, params: IssueParams = {}): Parsed<T> => ({ ok: false, code, params });

/** What an event is made of, already parsed (the shape create/update and the import work with). */
export interface EventInput {
  title: string;
  description: string;
  /** BPS province code */
  province: string;
  /** official kabupaten/kota name, e.g. "Kota Jambi" */
  city: string;
  venueName: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  rsvpDeadline: Date | null;
  audience: Audience;
  maxCompanions: number;
}

/** Fixed UTC offsets of Indonesia's three zones (no daylight saving). */
const ZONE_OFFSET_MINUTES: Record<string, number> = {
  "Asia/Jakarta": 7 * 60,
  "Asia/Makassar": 8 * 60,
  "Asia/Jayapura": 9 * 60,
};

export function zoneOffsetMinutes(timeZone: string): number {
  const known = ZONE_OFFSET_MINUTES[timeZone];
  if (known !== undefined) return known;
  throw new Error(`Unsupported venue time zone ${timeZone}`);
}

/** The venue's zone follows from its province. */
export function timeZoneOfProvince(code: string): string {
  const province = provinceByCodeOrNull(code);
  if (!province) throw new Error(`Unknown province code ${code}`);
  return province.timeZone;
}

function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function lengthChecked(text: string, min: number, max: number): Parsed<string> {
  if (text.length === 0) return fail("required");
  if (text.length < min) return fail("too_short", { min });
  if (text.length > max) return fail("too_long", { max });
  return ok(text);
}

export function parseTitle(text: string): Parsed<string> {
  return lengthChecked(cleanText(text), LIMITS.titleMin, LIMITS.titleMax);
}

/** Free text: line breaks are kept (an agenda is usually a list). Empty is allowed. */
export function parseDescription(text: string): Parsed<string> {
  const value = text.replace(/\r\n?/g, "\n").trim();
  if (value.length > LIMITS.descriptionMax) return fail("too_long", { max: LIMITS.descriptionMax });
  return ok(value);
}

export function parseVenueName(text: string): Parsed<string> {
  return lengthChecked(cleanText(text), LIMITS.venueMin, LIMITS.venueMax);
}

export function parseAddress(text: string): Parsed<string> {
  return lengthChecked(cleanText(text), LIMITS.addressMin, LIMITS.addressMax);
}

export function parseProvince(text: string): Parsed<Province> {
  const value = cleanText(text);
  if (!value) return fail("required");
  const result = matchProvince(value);
  if (result.match) return ok(result.match);
  return fail("province_unknown", { value, suggestions: result.candidates.map((p) => p.name).join(", ") });
}

export function parseCity(provinceCode: string, text: string): Parsed<Regency> {
  const value = cleanText(text);
  if (!value) return fail("required");
  const result = matchRegency(provinceCode, value);
  if (result.match) return ok(result.match);
  return fail("city_unknown", {
    value,
    province: provinceByCodeOrNull(provinceCode)?.name ?? provinceCode,
    suggestions: result.candidates.map((r) => r.name).join(", "),
  });
}

/** Builds a Date from calendar fields, refusing dates that do not exist (30 February, 24.00, ...). */
function fromFields(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - offsetMinutes * 60_000);
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** ISO 8601 with an explicit offset, e.g. 2027-03-10T09:00:00+07:00 (Z is accepted as +00:00). */
export function parseIsoDateTime(text: string): Parsed<Date> {
  const value = text.trim();
  if (!value) return fail("required");
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return fail("datetime_invalid", { value });
  const offsetText = m[8];
  if (!offsetText) return fail("datetime_no_offset", { value });
  let offset = 0;
  if (offsetText.toUpperCase() !== "Z") {
    const sign = offsetText.startsWith("-") ? -1 : 1;
    const digits = offsetText.slice(1).replace(":", "");
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 14 || om > 59) return fail("datetime_invalid", { value });
    offset = sign * (oh * 60 + om);
  }
  const date = fromFields(
    Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0),
    Number((m[7] ?? "0").padEnd(3, "0")), offset,
  );
  return date ? ok(date) : fail("date_not_exist", { value });
}

const LOCAL_DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s+|\s*[,T]\s*|\s+(?:pukul|jam|pkl\.?)\s+)(\d{1,2})[.:](\d{2})$/i;
const LOCAL_YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+|T)(\d{1,2})[.:](\d{2})$/;

/**
 * What an admin types for a time at the venue: "10-03-2027 09.00", "10/3/2027 9:00", "2027-03-10 09:00",
 * or a full ISO time with offset. A time without offset is read in the venue's zone.
 */
export function parseLocalDateTime(text: string, timeZone: string): Parsed<Date> {
  const value = cleanText(text).replace(/\s*(WIB|WITA|WIT)$/i, "");
  if (!value) return fail("required");
  if (ISO_WITH_OFFSET.exec(value)?.[8]) return parseIsoDateTime(value);
  const offset = zoneOffsetMinutes(timeZone);
  let m = LOCAL_DMY.exec(value);
  if (m) {
    const date = fromFields(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4]), Number(m[5]), 0, 0, offset);
    return date ? ok(date) : fail("date_not_exist", { value });
  }
  m = LOCAL_YMD.exec(value);
  if (m) {
    const date = fromFields(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), 0, 0, offset);
    return date ? ok(date) : fail("date_not_exist", { value });
  }
  return fail("datetime_local_invalid", { value });
}

/** 0 means unlimited. */
export function parseCapacity(text: string): Parsed<number> {
  const value = text.trim().replace(/[.\s](?=\d{3}\b)/g, "");
  if (!value) return fail("required");
  if (!/^\d+$/.test(value)) return fail("capacity_invalid", { value: text.trim() });
  const n = Number(value);
  if (n > LIMITS.capacityMax) return fail("capacity_too_large", { max: LIMITS.capacityMax });
  return ok(n);
}

function parseDecimal(text: string): number | null {
  const value = text.trim().replace(",", ".");
  if (!/^[-+]?\d{1,3}(\.\d+)?$/.test(value)) return null;
  return Number(value);
}

export function parseLatitude(text: string): Parsed<number> {
  const n = parseDecimal(text);
  if (n === null) return fail("number_invalid", { value: text.trim() });
  if (n < -90 || n > 90) return fail("latitude_range", { value: text.trim() });
  return ok(n);
}

export function parseLongitude(text: string): Parsed<number> {
  const n = parseDecimal(text);
  if (n === null) return fail("number_invalid", { value: text.trim() });
  if (n < -180 || n > 180) return fail("longitude_range", { value: text.trim() });
  return ok(n);
}

/** "-1.6101, 103.6131" (a pair pasted from a map app). */
export function parseCoordinatePair(text: string): Parsed<{ latitude: number; longitude: number }> {
  const parts = text.trim().split(/\s*[,;]\s*|\s+/).filter(Boolean);
  if (parts.length !== 2) return fail("coordinates_invalid", { value: text.trim() });
  const lat = parseLatitude(parts[0] ?? "");
  if (!lat.ok) return lat;
  const lon = parseLongitude(parts[1] ?? "");
  if (!lon.ok) return lon;
  const box = coordinatesIssue(lat.value, lon.value);
  if (box) return fail(box);
  return ok({ latitude: lat.value, longitude: lon.value });
}

export function parseAudience(text: string): Parsed<Audience> {
  const value = cleanText(text).toLowerCase();
  if (!value) return ok("semua");
  if (["alumni", "khusus alumni", "alumni saja", "alumni only"].includes(value)) return ok("alumni");
  if (["semua", "umum", "everyone", "all", "semua orang"].includes(value)) return ok("semua");
  return fail("audience_invalid", { value: text.trim() });
}

export function parseMaxCompanions(text: string): Parsed<number> {
  const value = text.trim();
  if (!value) return ok(0);
  if (!/^\d$/.test(value) || Number(value) > LIMITS.companionsMax) {
    return fail("companions_invalid", { value, max: LIMITS.companionsMax });
  }
  return ok(Number(value));
}

/** Roughly Indonesia, with a margin: catches latitude and longitude typed the wrong way round. */
function coordinatesIssue(lat: number, lon: number): string | null {
  if (lat < -12 || lat > 7 || lon < 94 || lon > 142) return "coordinates_outside_indonesia";
  return null;
}

/**
 * Rules that involve more than one field. `now` decides what "in the past" means; `takenSeats` (on edit)
 * is how many seats are already confirmed or offered, below which capacity cannot go.
 */
export function crossFieldIssues(input: EventInput, now: Date, options: { takenSeats?: number; allowPast?: boolean } = {}): Issue[] {
  const issues: Issue[] = [];
  const add = (code: string, field: EventField | null, params: IssueParams = {}) => issues.push({ code, field, params });
  if (!options.allowPast && input.startsAt.getTime() <= now.getTime()) add("start_in_past", "startsAt");
  if (input.endsAt.getTime() <= input.startsAt.getTime()) add("end_before_start", "endsAt");
  else if (input.endsAt.getTime() - input.startsAt.getTime() > LIMITS.maxDurationDays * 86_400_000) {
    add("event_too_long", "endsAt", { days: LIMITS.maxDurationDays });
  }
  if (input.rsvpDeadline) {
    if (input.rsvpDeadline.getTime() > input.startsAt.getTime()) add("deadline_after_start", "rsvpDeadline");
    else if (!options.allowPast && input.rsvpDeadline.getTime() <= now.getTime()) add("deadline_in_past", "rsvpDeadline");
  }
  if ((input.latitude === null) !== (input.longitude === null)) add("coordinates_pair", input.latitude === null ? "latitude" : "longitude");
  else if (input.latitude !== null && input.longitude !== null && Math.abs(input.latitude) <= 90 && Math.abs(input.longitude) <= 180) {
    const box = coordinatesIssue(input.latitude, input.longitude);
    if (box) add(box, "latitude");
  }
  if (options.takenSeats !== undefined && input.capacity > 0 && input.capacity < options.takenSeats) {
    add("capacity_below_taken", "capacity", { taken: options.takenSeats });
  }
  return issues;
}

const FIELD_ORDER: EventField[] = [
  "title", "description", "province", "city", "venueName", "address", "latitude", "longitude",
  "startsAt", "endsAt", "capacity", "rsvpDeadline", "audience", "maxCompanions",
];

/** zod schema of an already-parsed event: the single-field rules, with the same codes as the parsers. */
export const eventInputSchema = z.object({
  title: z.string().superRefine((v, ctx) => refineWith(parseTitle(v), v, ctx)),
  description: z.string().superRefine((v, ctx) => refineWith(parseDescription(v), v, ctx)),
  province: z.string().superRefine((v, ctx) => {
    if (!provinceByCodeOrNull(v)) ctx.addIssue({ code: "custom", message: "province_unknown", params: { value: v, suggestions: "" } });
  }),
  city: z.string(),
  venueName: z.string().superRefine((v, ctx) => refineWith(parseVenueName(v), v, ctx)),
  address: z.string().superRefine((v, ctx) => refineWith(parseAddress(v), v, ctx)),
  latitude: z.number().min(-90, { message: "latitude_range" }).max(90, { message: "latitude_range" }).nullable(),
  longitude: z.number().min(-180, { message: "longitude_range" }).max(180, { message: "longitude_range" }).nullable(),
  startsAt: z.date({ message: "datetime_invalid" }),
  endsAt: z.date({ message: "datetime_invalid" }),
  capacity: z
    .number()
    .int({ message: "capacity_invalid" })
    .min(0, { message: "capacity_invalid" })
    .max(LIMITS.capacityMax, { message: "capacity_too_large" }),
  rsvpDeadline: z.date({ message: "datetime_invalid" }).nullable(),
  audience: z.enum(AUDIENCES, { message: "audience_invalid" }),
  maxCompanions: z
    .number()
    .int({ message: "companions_invalid" })
    .min(0, { message: "companions_invalid" })
    .max(LIMITS.companionsMax, { message: "companions_invalid" }),
});

function refineWith<T>(result: Parsed<T>, value: string, ctx: z.RefinementCtx): void {
  if (!result.ok) ctx.addIssue({ code: "custom", message: result.code, params: { ...result.params, value }, input: value });
}

/** Every problem with an event, single-field and cross-field, in a stable order. */
export function validateEventInput(
  input: EventInput,
  now: Date,
  options: { takenSeats?: number; allowPast?: boolean } = {},
): Issue[] {
  const issues: Issue[] = [];
  const parsed = eventInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const field = (zi.path[0] as EventField | undefined) ?? null;
      const params: IssueParams = {};
      if (zi.code === "custom" && zi.params) {
        for (const [k, v] of Object.entries(zi.params)) if (typeof v === "string" || typeof v === "number") params[k] = v;
      }
      if (zi.message === "companions_invalid") params.max = LIMITS.companionsMax;
      if (zi.message === "capacity_too_large") params.max = LIMITS.capacityMax;
      issues.push({ code: zi.message, field, params });
    }
  }
  if (provinceByCodeOrNull(input.province)) {
    const regency = matchRegency(input.province, input.city).match;
    if (!regency || regency.name !== input.city) {
      issues.push({ code: "city_unknown", field: "city", params: { value: input.city, province: provinceByCodeOrNull(input.province)?.name ?? "", suggestions: "" } });
    }
  }
  const validDate = (d: Date | null) => d === null || (d instanceof Date && !Number.isNaN(d.getTime()));
  if (validDate(input.startsAt) && validDate(input.endsAt) && validDate(input.rsvpDeadline)) {
    issues.push(...crossFieldIssues(input, now, options));
  }
  return issues.sort((a, b) => FIELD_ORDER.indexOf(a.field ?? "title") - FIELD_ORDER.indexOf(b.field ?? "title"));
}
