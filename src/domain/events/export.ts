// An event's registrations as CSV for the organisers: UTF-8 with a BOM and CRLF line ends (Excel opens it
// with Indonesian characters intact), standard comma separators, Indonesian column names, times in the
// venue's zone. Cells that a spreadsheet would run as a formula are neutralised.
import { stringify } from "csv-stringify/sync";
import type { Db } from "../../db.js";
import { formatSortable } from "./format.js";

export const REGISTRATION_CSV_COLUMNS = [
  "No",
  "Nama",
  "Kabupaten/Kota",
  "Gelombang",
  "Pelatihan",
  "Telepon",
  "Pendamping",
  "Jumlah Kursi",
  "Status",
  "Posisi Daftar Tunggu",
  "Waktu Daftar",
  "Hadir",
  "Waktu Check-in",
] as const;

const STATUS_LABELS: Record<string, string> = {
  confirmed: "Terkonfirmasi",
  waitlisted: "Daftar tunggu",
  offered: "Ditawari kursi",
  cancelled: "Dibatalkan",
  expired: "Tawaran kedaluwarsa",
};

const STATUS_ORDER = ["confirmed", "offered", "waitlisted", "cancelled", "expired"];

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * "+6281234567890" → "0812-3456-7890": a number Excel keeps as text (no lost leading zero, no 6.28E+12)
 * and that Indonesians recognise at a glance.
 */
export function phoneForSpreadsheet(phone: string | null): string {
  if (!phone) return "";
  const digits = phone.replace(/\D/g, "");
  if (!digits.startsWith("62")) return neutralise(phone);
  const local = `0${digits.slice(2)}`;
  return [local.slice(0, 4), local.slice(4, 8), local.slice(8)].filter(Boolean).join("-");
}

export interface RegistrationsExport {
  fileName: string;
  content: Buffer;
  rows: number;
}

/**
 * Every registration of one event, confirmed first, then offered, waiting, cancelled. null if the event
 * does not exist or lies outside `provinces` (an organiser's scope).
 */
export async function registrationsCsv(db: Db, eventId: number, options: { provinces?: readonly string[] | null } = {}): Promise<RegistrationsExport | null> {
  const event = await db.event.findUnique({ where: { id: eventId } });
  if (!event) return null;
  if (options.provinces && !options.provinces.includes(event.province)) return null;
  const rows = await db.registration.findMany({ where: { eventId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  rows.sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id - b.id,
  );
  const records = rows.map((r, i) => {
    const erased = r.anonymizedAt !== null;
    return [
      String(i + 1),
      erased ? "(data dihapus atas permintaan)" : neutralise(r.fullName ?? ""),
      erased ? "" : neutralise(r.city ?? ""),
      r.gelombang === null ? "Belum peserta" : String(r.gelombang),
      erased ? "" : neutralise(r.training ?? ""),
      erased ? "" : phoneForSpreadsheet(r.phone),
      String(r.companions),
      String(1 + r.companions),
      STATUS_LABELS[r.status] ?? r.status,
      r.waitlistPosition === null ? "" : String(r.waitlistPosition),
      formatSortable(r.createdAt, event.timeZone),
      r.checkedInAt ? "Ya" : "Tidak",
      r.checkedInAt ? formatSortable(r.checkedInAt, event.timeZone) : "",
    ];
  });
  const csv = stringify([[...REGISTRATION_CSV_COLUMNS], ...records], { record_delimiter: "\r\n" });
  return {
    fileName: `pendaftar-acara-${event.id}.csv`,
    content: Buffer.concat([UTF8_BOM, Buffer.from(csv, "utf8")]),
    rows: records.length,
  };
}
