// Indonesian provinces and regencies/cities from the `idn-area-data` package (official Kemendagri codes),
// with the venue time zone of each province and typo-tolerant matching of what people type.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { distance } from "fastest-levenshtein";

export interface Province {
  /** two-digit code, e.g. "15" */
  code: string;
  /** official name from the dataset */
  officialName: string;
  /** the everyday name shown to users, e.g. "DKI Jakarta" */
  name: string;
  timeZone: IndonesianTimeZone;
}

export interface Regency {
  /** e.g. "15.71" */
  code: string;
  provinceCode: string;
  /** e.g. "Kota Jambi", "Kabupaten Muaro Jambi" */
  name: string;
}

export type IndonesianTimeZone = "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";

/** WIB / WITA / WIT, the abbreviation Indonesians write after a time. */
export function zoneAbbreviation(zone: string): "WIB" | "WITA" | "WIT" {
  if (zone === "Asia/Makassar") return "WITA";
  if (zone === "Asia/Jayapura") return "WIT";
  return "WIB";
}

const dataDir = path.join(path.dirname(createRequire(import.meta.url).resolve("idn-area-data/package.json")), "data");

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dataDir, file), "utf8"), { columns: true, skip_empty_lines: true, trim: true });
}

const DISPLAY_NAMES: Record<string, string> = {
  "31": "DKI Jakarta",
  "34": "DI Yogyakarta",
};

/** Central Indonesia Time (WITA) and Eastern Indonesia Time (WIT) provinces; the rest use WIB. */
const WITA = new Set(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]);
const WIT = new Set(["81", "82", "91", "92", "93", "94", "95", "96"]);

function timeZoneOf(code: string): IndonesianTimeZone {
  if (WITA.has(code)) return "Asia/Makassar";
  if (WIT.has(code)) return "Asia/Jayapura";
  return "Asia/Jakarta";
}

export const provinces: readonly Province[] = readCsv("provinces.csv").map((row) => {
  const code = row.code ?? "";
  const officialName = row.name ?? "";
  return { code, officialName, name: DISPLAY_NAMES[code] ?? officialName, timeZone: timeZoneOf(code) };
});

const provinceByCode = new Map(provinces.map((p) => [p.code, p]));

export const regencies: readonly Regency[] = readCsv("regencies.csv").map((row) => ({
  code: row.code ?? "",
  provinceCode: row.province_code ?? "",
  name: row.name ?? "",
}));

const regenciesByProvince = new Map<string, Regency[]>();
for (const regency of regencies) {
  const list = regenciesByProvince.get(regency.provinceCode) ?? [];
  list.push(regency);
  regenciesByProvince.set(regency.provinceCode, list);
}

export function provinceByCodeOrNull(code: string | null | undefined): Province | null {
  return code ? (provinceByCode.get(code) ?? null) : null;
}

export function regenciesOf(provinceCode: string): readonly Regency[] {
  return regenciesByProvince.get(provinceCode) ?? [];
}

/** Common abbreviations people use for provinces. */
const PROVINCE_ALIASES: Record<string, string> = {
  nad: "11", sumut: "12", sumbar: "13", sumsel: "16", babel: "19", "bangka belitung": "19", kepri: "21",
  jakarta: "31", dki: "31", jkt: "31", jabar: "32", jateng: "33", jogja: "34", jogjakarta: "34",
  yogya: "34", yogyakarta: "34", diy: "34", jatim: "35", ntb: "52", ntt: "53", kalbar: "61", kalteng: "62",
  kalsel: "63", kaltim: "64", kaltara: "65", sulut: "71", sulteng: "72", sulsel: "73", sultra: "74",
  sulbar: "76", malut: "82", pabar: "92", "papua barat daya": "96", pbd: "96",
};

export function normalizePlaceName(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{Letter}\p{Number}\s]/gu, " ")
    .replace(/\b(provinsi|prov|propinsi|daerah khusus ibukota|daerah istimewa)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Edit distance allowed for a word of this length: short names must be typed exactly. */
function tolerance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 7) return 1;
  return 2;
}

export interface MatchResult<T> {
  /** the single confident match, if there is one */
  match: T | null;
  /** the closest candidates, best first (for "did you mean" buttons) */
  candidates: T[];
}

/**
 * The names each place is matched by, normalized once per place: a city typed in the RSVP conversation is
 * matched again at every later step, when the conversation replays. Bounded by the places themselves.
 */
const matchKeys = new Map<Province | Regency, string[]>();
function keysOf<T extends Province | Regency>(item: T, make: (item: T) => string[]): string[] {
  let keys = matchKeys.get(item);
  if (!keys) {
    keys = make(item);
    matchKeys.set(item, keys);
  }
  return keys;
}

function rank<T>(query: string, items: readonly T[], keys: (item: T) => string[]): MatchResult<T> {
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    let best = Number.POSITIVE_INFINITY;
    for (const key of keys(item)) {
      if (key === query) best = Math.min(best, 0);
      else if (key.startsWith(query) && query.length >= 3) best = Math.min(best, 0.5);
      else best = Math.min(best, distance(query, key));
    }
    scored.push({ item, score: best });
  }
  scored.sort((a, b) => a.score - b.score);
  const first = scored[0];
  const second = scored[1];
  const allowed = tolerance(query.length);
  const candidates = scored.filter((s) => s.score <= Math.max(allowed, 2) + 1).slice(0, 5).map((s) => s.item);
  if (!first || first.score > allowed) return { match: null, candidates };
  if (second && second.score === first.score && first.score > 0) return { match: null, candidates };
  if (second && second.score === 0 && first.score === 0) return { match: null, candidates };
  return { match: first.item, candidates };
}

/** Finds a province from what a user typed ("jatim", "Kalimantan Selatn", "Provinsi Jambi"). */
export function matchProvince(text: string): MatchResult<Province> {
  const query = normalizePlaceName(text);
  if (!query) return { match: null, candidates: [] };
  const alias = PROVINCE_ALIASES[query];
  if (alias) {
    const p = provinceByCode.get(alias);
    if (p) return { match: p, candidates: [p] };
  }
  return rank(query, provinces, (p) => keysOf(p, provinceKeys));
}

function provinceKeys(province: Province): string[] {
  return [normalizePlaceName(province.officialName), normalizePlaceName(province.name)];
}

/** The regency's full name first ("kota jambi"), then without its kind, then "kab …". */
function regencyKeys(regency: Regency): string[] {
  const full = normalizePlaceName(regency.name);
  const bare = full.replace(/^(kabupaten|kota)\s+/, "");
  const short = full.replace(/^kabupaten\s+/, "kab ");
  return [full, bare, short];
}

/** Finds a kabupaten/kota of one province ("kota jambi", "muaro jambi", "Kab. Kerinci", "bnjarbaru"). */
export function matchRegency(provinceCode: string, text: string): MatchResult<Regency> {
  const query = normalizePlaceName(text).replace(/^kab\b\.?/, "kab").replace(/^kab(?!upaten)\s*/, "kab ");
  if (!query) return { match: null, candidates: [] };
  const list = regenciesOf(provinceCode);
  // "Jambi" alone in Jambi means the city, not "Muaro Jambi": an exact bare-name match wins.
  const exactCity = list.find((r) => keysOf(r, regencyKeys)[0] === `kota ${query}`);
  if (exactCity) return { match: exactCity, candidates: [exactCity] };
  return rank(query, list, (r) => keysOf(r, regencyKeys));
}
