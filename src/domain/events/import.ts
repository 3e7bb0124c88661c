// Importing meetups from a CSV file: every row is checked, and either all of them are saved in one
// transaction or none is. Problems are reported per line as codes (rendered by the bot's locales, or by
// ./messages.ts for the command line).
import { parse } from "csv-parse/sync";
import { distance } from "fastest-levenshtein";
import { z } from "zod";
import type { Db } from "../../db.js";
import {
  crossFieldIssues,
  parseAddress,
  parseAudience,
  parseCapacity,
  parseCity,
  parseDescription,
  parseIsoDateTime,
  parseLatitude,
  parseLongitude,
  parseMaxCompanions,
  parseProvince,
  parseTitle,
  parseVenueName,
  timeZoneOfProvince,
  type EventField,
  type EventInput,
  type IssueParams,
  type Parsed,
} from "./validation.js";
import { withWriteTransaction } from "./tx.js";
import { provinceByCodeOrNull } from "../areas.js";

const provinceLabel = (code: string): string => provinceByCodeOrNull(code)?.name ?? code;

export const REQUIRED_COLUMNS = ["judul", "provinsi", "kota", "tempat", "alamat", "mulai", "selesai", "kapasitas", "deskripsi"] as const;
/** `audiens` (alumni / semua) and `pendamping` (0–2 companions allowed) go beyond the documented format. */
export const OPTIONAL_COLUMNS = ["batas_rsvp", "lat", "lon", "audiens", "pendamping"] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const ALL_COLUMNS: readonly Column[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

export const MAX_IMPORT_ROWS = 500;

/** Which column an event field comes from, so problems name what the admin sees in the file. */
export const COLUMN_OF_FIELD: Record<EventField, Column> = {
  title: "judul",
  description: "deskripsi",
  province: "provinsi",
  city: "kota",
  venueName: "tempat",
  address: "alamat",
  latitude: "lat",
  longitude: "lon",
  startsAt: "mulai",
  endsAt: "selesai",
  capacity: "kapasitas",
  rsvpDeadline: "batas_rsvp",
  audience: "audiens",
  maxCompanions: "pendamping",
};

export interface ImportError {
  /** line in the file where the row starts (the header is line 1); 0 for problems with the whole file */
  line: number;
  code: string;
  /** the CSV column, when the problem is in one */
  field: string | null;
  params: IssueParams;
}

export interface ImportedEvent extends EventInput {
  timeZone: string;
  /** the line it came from */
  line: number;
}

export type ImportResult = { ok: true; events: ImportedEvent[] } | { ok: false; errors: ImportError[] };

function columnCheck(parser: (text: string) => Parsed<unknown>) {
  return z.string().superRefine((value, ctx) => {
    const result = parser(value);
    if (!result.ok) ctx.addIssue({ code: "custom", message: result.code, params: result.params, input: value });
  });
}

function optionalCheck(parser: (text: string) => Parsed<unknown>) {
  return z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined || value.trim() === "") return;
      const result = parser(value);
      if (!result.ok) ctx.addIssue({ code: "custom", message: result.code, params: result.params, input: value });
    });
}

function value<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(`unexpected invalid value (${result.code})`);
  return result.value;
}

const filled = (text: string | undefined): text is string => text !== undefined && text.trim() !== "";

/** One CSV row: each column on its own, then the rules across columns, then the parsed event. */
export const csvRowSchema = z
  .object({
    judul: columnCheck(parseTitle),
    provinsi: columnCheck(parseProvince),
    kota: z.string(),
    tempat: columnCheck(parseVenueName),
    alamat: columnCheck(parseAddress),
    mulai: columnCheck(parseIsoDateTime),
    selesai: columnCheck(parseIsoDateTime),
    kapasitas: columnCheck(parseCapacity),
    deskripsi: columnCheck(parseDescription),
    batas_rsvp: optionalCheck(parseIsoDateTime),
    lat: optionalCheck(parseLatitude),
    lon: optionalCheck(parseLongitude),
    audiens: optionalCheck(parseAudience),
    pendamping: optionalCheck(parseMaxCompanions),
  })
  .superRefine((row, ctx) => {
    const province = parseProvince(row.provinsi);
    if (province.ok) {
      const city = parseCity(province.value.code, row.kota);
      if (!city.ok) ctx.addIssue({ code: "custom", message: city.code, params: city.params, path: ["kota"] });
    }
    const start = parseIsoDateTime(row.mulai);
    const end = parseIsoDateTime(row.selesai);
    if (!start.ok || !end.ok) return;
    // A column that is itself invalid was reported above; leave it out of the rules across columns.
    const deadline = filled(row.batas_rsvp) ? parseIsoDateTime(row.batas_rsvp) : null;
    const lat = filled(row.lat) ? parseLatitude(row.lat) : null;
    const lon = filled(row.lon) ? parseLongitude(row.lon) : null;
    const coordinatesUsable = (lat === null || lat.ok) && (lon === null || lon.ok);
    const partial: EventInput = {
      title: "", description: "", province: "", city: "", venueName: "", address: "", capacity: 0, audience: "semua",
      maxCompanions: 0, startsAt: start.value, endsAt: end.value, rsvpDeadline: deadline?.ok ? deadline.value : null,
      latitude: coordinatesUsable && lat?.ok ? lat.value : null,
      longitude: coordinatesUsable && lon?.ok ? lon.value : null,
    };
    for (const issue of crossFieldIssues(partial, importClock.now())) {
      ctx.addIssue({ code: "custom", message: issue.code, params: issue.params, path: [issue.field ? COLUMN_OF_FIELD[issue.field] : "mulai"] });
    }
  })
  .transform((row): EventInput => {
    const province = value(parseProvince(row.provinsi));
    return {
      title: value(parseTitle(row.judul)),
      description: value(parseDescription(row.deskripsi)),
      province: province.code,
      city: value(parseCity(province.code, row.kota)).name,
      venueName: value(parseVenueName(row.tempat)),
      address: value(parseAddress(row.alamat)),
      latitude: filled(row.lat) ? value(parseLatitude(row.lat)) : null,
      longitude: filled(row.lon) ? value(parseLongitude(row.lon)) : null,
      startsAt: value(parseIsoDateTime(row.mulai)),
      endsAt: value(parseIsoDateTime(row.selesai)),
      capacity: value(parseCapacity(row.kapasitas)),
      rsvpDeadline: filled(row.batas_rsvp) ? value(parseIsoDateTime(row.batas_rsvp)) : null,
      audience: filled(row.audiens) ? value(parseAudience(row.audiens)) : "semua",
      maxCompanions: filled(row.pendamping) ? value(parseMaxCompanions(row.pendamping)) : 0,
    };
  });

/**
 * The clock the row schema compares against ("start in the past"). zod refinements cannot take
 * arguments, so parseEventsCsv sets it for the duration of one synchronous parse.
 */
const importClock = { now: () => new Date() };

/** Excel in an Indonesian locale saves CSV with semicolons; take whichever separator the header uses. */
function detectDelimiter(headerLine: string): string {
  const commas = (headerLine.match(/,/g) ?? []).length;
  const semicolons = (headerLine.match(/;/g) ?? []).length;
  return semicolons > commas ? ";" : ",";
}

function normaliseHeader(name: string): string {
  return name.replace(/^\ufeff/, "").trim().toLowerCase().replace(/\s+/g, "_");
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** Parses and checks a whole file. Nothing touches the database. */
/** `provinces`: an organiser's scope; a row for another province is an error naming its line. */
export function parseEventsCsv(csvText: string, options: { now?: Date; provinces?: readonly string[] | null } = {}): ImportResult {
  const text = csvText.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") return { ok: false, errors: [{ line: 0, code: "file_empty", field: null, params: {} }] };
  const firstLine = text.split("\n", 1)[0] ?? "";
  let records: CsvRecord[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(firstLine),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
      raw: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 0;
    return { ok: false, errors: [{ line, code: "csv_malformed", field: null, params: { line } }] };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, errors: [{ line: 0, code: "file_empty", field: null, params: {} }] };

  const errors: ImportError[] = [];
  const headerLine = header.info.lines;
  const columns = header.record.map(normaliseHeader);
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) errors.push({ line: headerLine, code: "duplicate_column", field: column, params: { column } });
    seen.add(column);
    if (!(ALL_COLUMNS as readonly string[]).includes(column)) {
      const suggestion = [...ALL_COLUMNS].sort((a, b) => distance(column, a) - distance(column, b))[0] ?? "";
      errors.push({ line: headerLine, code: "unknown_column", field: column, params: { column, suggestion } });
    }
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!seen.has(column)) errors.push({ line: headerLine, code: "missing_column", field: column, params: { column } });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ line: 0, code: "no_rows", field: null, params: {} }] };
  if (rows.length > MAX_IMPORT_ROWS) {
    return { ok: false, errors: [{ line: 0, code: "too_many_rows", field: null, params: { max: MAX_IMPORT_ROWS, count: rows.length } }] };
  }

  const events: ImportedEvent[] = [];
  const firstLineOf = new Map<string, number>();
  const previousClock = importClock.now;
  const now = options.now ?? new Date();
  importClock.now = () => now;
  try {
    for (const row of rows) {
      const line = startLine(row);
      if (row.record.length !== columns.length) {
        errors.push({ line, code: "column_count", field: null, params: { expected: columns.length, got: row.record.length } });
        continue;
      }
      const object: Record<string, string> = {};
      columns.forEach((column, i) => {
        object[column] = row.record[i] ?? "";
      });
      const parsed = csvRowSchema.safeParse(object);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = typeof issue.path[0] === "string" ? issue.path[0] : null;
          const params: IssueParams = {};
          if (issue.code === "custom" && issue.params) {
            for (const [k, v] of Object.entries(issue.params)) if (typeof v === "string" || typeof v === "number") params[k] = v;
          }
          errors.push({ line, code: issue.code === "custom" ? issue.message : "required", field, params });
        }
        continue;
      }
      if (options.provinces && !options.provinces.includes(parsed.data.province)) {
        errors.push({ line, code: "province_not_allowed", field: "provinsi", params: { value: provinceLabel(parsed.data.province) } });
        continue;
      }
      const key = `${parsed.data.province}|${parsed.data.startsAt.toISOString()}|${parsed.data.title.toLowerCase()}`;
      const earlier = firstLineOf.get(key);
      if (earlier !== undefined) {
        errors.push({ line, code: "duplicate_row", field: null, params: { other: earlier } });
        continue;
      }
      firstLineOf.set(key, line);
      events.push({ ...parsed.data, timeZone: timeZoneOfProvince(parsed.data.province), line });
    }
  } finally {
    importClock.now = previousClock;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, events };
}

/** The line a record starts on: csv-parse reports where it ends, and a quoted field may span lines. */
function startLine(row: CsvRecord): number {
  const body = row.raw.replace(/^\s*\n/, "").replace(/\n$/, "");
  const inner = (body.match(/\n/g) ?? []).length;
  return row.info.lines - inner;
}

export type ImportOutcome = { ok: true; count: number; eventIds: number[] } | { ok: false; errors: ImportError[] };

/**
 * Checks the file and saves every event in one transaction, or nothing. An event that already exists
 * (same title, province and start, not cancelled) is an error rather than a silent duplicate, so the same
 * file imported twice does not double the calendar.
 */
export async function importEvents(
  db: Db,
  csvText: string,
  options: { createdBy?: bigint | number | null; status?: "published" | "draft"; now?: Date; provinces?: readonly string[] | null } = {},
): Promise<ImportOutcome> {
  const parsed = parseEventsCsv(csvText, { now: options.now, provinces: options.provinces });
  if (!parsed.ok) return parsed;
  const createdBy = options.createdBy === undefined || options.createdBy === null ? null : BigInt(options.createdBy);
  return withWriteTransaction(db, async (tx) => {
    const existing = await tx.event.findMany({
      where: {
        status: { not: "cancelled" },
        startsAt: { in: parsed.events.map((e) => e.startsAt) },
      },
      select: { title: true, province: true, startsAt: true },
    });
    const taken = new Set(existing.map((e) => `${e.province}|${e.startsAt.toISOString()}|${e.title.toLowerCase()}`));
    const errors: ImportError[] = [];
    for (const e of parsed.events) {
      if (taken.has(`${e.province}|${e.startsAt.toISOString()}|${e.title.toLowerCase()}`)) {
        errors.push({ line: e.line, code: "already_exists", field: "judul", params: { title: e.title } });
      }
    }
    if (errors.length > 0) return { ok: false, errors } as const;
    const rows = await tx.event.createManyAndReturn({
      data: parsed.events.map(({ line: _line, ...data }) => ({ ...data, status: options.status ?? "published", createdBy })),
      select: { id: true },
    });
    const ids = rows.map((row) => row.id);
    return { ok: true, count: ids.length, eventIds: ids } as const;
  });
}
