// Dates and times of events as Indonesians write them, always in the venue's own zone:
// "Rabu, 10 Maret 2027 pukul 09.00 WIB". Built from Intl parts (not from the whole formatted string) so a
// different ICU build cannot change the shape.
import { zoneAbbreviation } from "../areas.js";

export type DisplayLocale = "id" | "en";

interface Parts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: DisplayLocale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
      timeZone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, f);
  }
  return f;
}

function partsOf(date: Date, timeZone: string, locale: DisplayLocale): Parts {
  const out: Record<string, string> = {};
  for (const part of formatter(locale, timeZone).formatToParts(date)) out[part.type] = part.value;
  return {
    weekday: out.weekday ?? "",
    day: out.day ?? "",
    month: out.month ?? "",
    year: out.year ?? "",
    hour: (out.hour ?? "00").padStart(2, "0"),
    minute: (out.minute ?? "00").padStart(2, "0"),
  };
}

function clock(p: Parts, locale: DisplayLocale): string {
  // Indonesian writes 09.00, English 09:00.
  return locale === "en" ? `${p.hour}:${p.minute}` : `${p.hour}.${p.minute}`;
}

/** "Rabu, 10 Maret 2027" / "Wednesday, 10 March 2027". */
export function formatDate(date: Date, timeZone: string, locale: DisplayLocale = "id"): string {
  const p = partsOf(date, timeZone, locale);
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

/** "09.00" (id) / "09:00" (en), in the given zone, without the zone name. */
export function formatClock(date: Date, timeZone: string, locale: DisplayLocale = "id"): string {
  return clock(partsOf(date, timeZone, locale), locale);
}

/** "Rabu, 10 Maret 2027 pukul 09.00 WIB" / "Wednesday, 10 March 2027 at 09:00 WIB". */
export function formatDateTime(date: Date, timeZone: string, locale: DisplayLocale = "id"): string {
  const p = partsOf(date, timeZone, locale);
  const at = locale === "en" ? "at" : "pukul";
  return `${p.weekday}, ${p.day} ${p.month} ${p.year} ${at} ${clock(p, locale)} ${zoneAbbreviation(timeZone)}`;
}

/**
 * "Rabu, 10 Maret 2027 pukul 09.00–15.00 WIB" when the event ends the same day;
 * "Rabu, 18 September 2023 pukul 09.00 – Kamis, 19 September 2023 pukul 15.00 WIB" otherwise.
 */
export function formatDateRange(start: Date, end: Date, timeZone: string, locale: DisplayLocale = "id"): string {
  const a = partsOf(start, timeZone, locale);
  const b = partsOf(end, timeZone, locale);
  const at = locale === "en" ? "at" : "pukul";
  const zone = zoneAbbreviation(timeZone);
  const sameDay = a.day === b.day && a.month === b.month && a.year === b.year;
  if (sameDay) {
    return `${a.weekday}, ${a.day} ${a.month} ${a.year} ${at} ${clock(a, locale)}–${clock(b, locale)} ${zone}`;
  }
  return (
    `${a.weekday}, ${a.day} ${a.month} ${a.year} ${at} ${clock(a, locale)} – ` +
    `${b.weekday}, ${b.day} ${b.month} ${b.year} ${at} ${clock(b, locale)} ${zone}`
  );
}

/** "pukul 09.00–15.00 WIB": the time span alone, for lines that already show the date. */
export function formatTimeRange(start: Date, end: Date, timeZone: string, locale: DisplayLocale = "id"): string {
  const at = locale === "en" ? "at" : "pukul";
  return `${at} ${formatClock(start, timeZone, locale)}–${formatClock(end, timeZone, locale)} ${zoneAbbreviation(timeZone)}`;
}

/** "2027-03-10 09:00 WIB": sortable and unambiguous, for spreadsheets. */
export function formatSortable(date: Date, timeZone: string): string {
  const f = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const out: Record<string, string> = {};
  for (const part of f.formatToParts(date)) out[part.type] = part.value;
  return `${out.year}-${out.month}-${out.day} ${out.hour}:${out.minute} ${zoneAbbreviation(timeZone)}`;
}
