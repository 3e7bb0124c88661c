import { z } from "zod";

/**
 * Kartu Prakerja eligibility, skema normal (2023 onward). The one place that decides these rules;
 * the bot asks it and turns the rule codes into Indonesian text from its locale files.
 */

export const ELIGIBILITY_RULES = {
  ageMin: 18,
  ageMax: 64,
  /** recipients allowed per Kartu Keluarga */
  maxRecipientsPerKk: 2,
} as const;

/** Jobs that exclude a person. "bumn_bumd" means direksi, komisaris or dewan pengawas of a BUMN/BUMD. */
export const EXCLUDED_OCCUPATIONS = [
  "asn",
  "tni",
  "polri",
  "pejabat_negara",
  "dprd",
  "kepala_desa",
  "perangkat_desa",
  "bumn_bumd",
] as const;
export type ExcludedOccupation = (typeof EXCLUDED_OCCUPATIONS)[number];
export type Occupation = ExcludedOccupation | "none";

export const eligibilityInputSchema = z.object({
  isWni: z.boolean(),
  age: z.number().int().min(0).max(120),
  inFormalEducation: z.boolean(),
  occupation: z.enum([...EXCLUDED_OCCUPATIONS, "none"]),
  previouslyRecipient: z.boolean(),
  /** other people in the same Kartu Keluarga who are (or were) recipients */
  recipientsInSameKk: z.number().int().min(0).max(20),
});
export type EligibilityInput = z.infer<typeof eligibilityInputSchema>;

export type EligibilityFailure =
  | { rule: "wni" }
  | { rule: "age_min"; min: number; age: number }
  | { rule: "age_max"; max: number; age: number }
  | { rule: "education" }
  | { rule: "occupation"; occupation: ExcludedOccupation }
  | { rule: "previous_recipient" }
  | { rule: "kk_quota"; max: number; recipientsInSameKk: number };

export type EligibilityRule = EligibilityFailure["rule"];

/** The order failures are listed in. */
export const RULE_ORDER: readonly EligibilityRule[] = [
  "wni",
  "age_min",
  "age_max",
  "education",
  "occupation",
  "previous_recipient",
  "kk_quota",
];

export interface EligibilityResult {
  eligible: boolean;
  failures: EligibilityFailure[];
}

/**
 * Checks every rule and lists every one that fails, in `RULE_ORDER`. Throws a ZodError when the
 * input is out of range (age outside 0–120, recipientsInSameKk outside 0–20, unknown occupation).
 */
export function checkEligibility(input: EligibilityInput): EligibilityResult {
  const { isWni, age, inFormalEducation, occupation, previouslyRecipient, recipientsInSameKk } =
    eligibilityInputSchema.parse(input);
  const { ageMin, ageMax, maxRecipientsPerKk } = ELIGIBILITY_RULES;
  const failures: EligibilityFailure[] = [];
  if (!isWni) failures.push({ rule: "wni" });
  if (age < ageMin) failures.push({ rule: "age_min", min: ageMin, age });
  if (age > ageMax) failures.push({ rule: "age_max", max: ageMax, age });
  if (inFormalEducation) failures.push({ rule: "education" });
  if (occupation !== "none") failures.push({ rule: "occupation", occupation });
  if (previouslyRecipient) failures.push({ rule: "previous_recipient" });
  if (recipientsInSameKk >= maxRecipientsPerKk) {
    failures.push({ rule: "kk_quota", max: maxRecipientsPerKk, recipientsInSameKk });
  }
  return { eligible: failures.length === 0, failures };
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const calendarFormatters = new Map<string, Intl.DateTimeFormat>();
function calendarDate(date: Date, timeZone: string): CalendarDate {
  let format = calendarFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    calendarFormatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

function ageBetween(birth: CalendarDate, today: CalendarDate): number {
  const hadBirthday = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return today.year - birth.year - (hadBirthday ? 0 : 1);
}

/**
 * Age in whole years on `today`. Both dates are read as calendar days in `timeZone` (default
 * Asia/Jakarta), so a birth date stored as UTC midnight or as local midnight gives the same day.
 * Someone born on 29 February turns a year older on 1 March in non-leap years.
 */
export function ageFromBirthDate(birthDate: Date, today: Date, timeZone = "Asia/Jakarta"): number {
  return ageBetween(calendarDate(birthDate, timeZone), calendarDate(today, timeZone));
}

export type AgeParseResult =
  | { ok: true; age: number; birthDate?: Date }
  | { ok: false; reason: "not_a_number" | "out_of_range" | "future_date" };

/** Indonesian (and English) month names and common abbreviations. */
const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, pebruari: 2, peb: 2, febuari: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, ags: 8, agus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nopember: 11, nop: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

function isValidDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(year: string, today: CalendarDate): number {
  if (year.length === 4) return Number(year);
  // two-digit years: the most recent year with those digits that is not in the future
  const y = 2000 + Number(year);
  return y > today.year ? y - 100 : y;
}

function parseDate(text: string, today: CalendarDate): CalendarDate | null {
  let m = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})$/.exec(text);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: fullYear(m[3] as string, today) };
  m = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{1,2})\s*[-/.]?\s*([a-z]+)\.?\s*[-/.]?\s*(\d{4}|\d{2})$/.exec(text);
  const month = m ? MONTHS[m[2] as string] : undefined;
  if (m && month) return { day: Number(m[1]), month, year: fullYear(m[3] as string, today) };
  return null;
}

/**
 * Reads an age or a date of birth as people type it: "25", "25 tahun", "umur 25", "17-08-1990",
 * "17/08/1990", "1990-08-17", "17 Agustus 1990", "17 agt 90". A bare 4-digit year is not accepted
 * (it would be off by one around the birthday, which matters at 18 and 64): reason "not_a_number".
 */
export function parseAgeOrBirthDate(text: string, today: Date, timeZone = "Asia/Jakarta"): AgeParseResult {
  const s = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\b(?:umur|usia|umurku|usiaku|umur saya|usia saya|saya|sy|lahir|tgl lahir|tanggal lahir)\b\s*:?/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const todayDate = calendarDate(today, timeZone);

  const number = /^(-?\d+)(?:\s*(?:tahun|thn|th|thun|yo|y\.o\.?))?\.?$/.exec(s);
  if (number) {
    const age = Number(number[1]);
    if (age >= 0 && age <= 120) return { ok: true, age };
    const looksLikeBirthYear = /^\d{4}$/.test(number[1] as string) && age >= 1900 && age <= todayDate.year;
    return { ok: false, reason: looksLikeBirthYear ? "not_a_number" : "out_of_range" };
  }

  const date = parseDate(s, todayDate);
  if (!date || !isValidDate(date)) return { ok: false, reason: "not_a_number" };
  const birthDate = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const isFuture =
    date.year > todayDate.year ||
    (date.year === todayDate.year &&
      (date.month > todayDate.month || (date.month === todayDate.month && date.day > todayDate.day)));
  if (isFuture) return { ok: false, reason: "future_date" };
  const age = ageBetween(date, todayDate);
  if (age > 120) return { ok: false, reason: "out_of_range" };
  return { ok: true, age, birthDate };
}
