// Indonesian wording of validation and import problems for the command line (`npm run events:import`).
// The bot does not use this: it renders the same codes through locales/*.events.ftl.
import type { ImportError } from "./import.js";
import type { IssueParams } from "./validation.js";

const TEXT: Record<string, (p: IssueParams) => string> = {
  required: () => "wajib diisi",
  too_short: (p) => `terlalu pendek (minimal ${p.min} karakter)`,
  too_long: (p) => `terlalu panjang (maksimal ${p.max} karakter)`,
  province_unknown: (p) => `provinsi "${p.value}" tidak dikenali${p.suggestions ? ` (mungkin: ${p.suggestions})` : ""}`,
  city_unknown: (p) => `"${p.value}" bukan kabupaten/kota di ${p.province}${p.suggestions ? ` (mungkin: ${p.suggestions})` : ""}`,
  datetime_invalid: (p) => `waktu "${p.value}" tidak dapat dibaca; gunakan format ISO 8601, mis. 2027-03-10T09:00:00+07:00`,
  datetime_no_offset: (p) => `waktu "${p.value}" belum menyertakan zona waktu; tambahkan mis. +07:00 (WIB), +08:00 (WITA) atau +09:00 (WIT)`,
  datetime_local_invalid: (p) => `waktu "${p.value}" tidak dapat dibaca; tulis mis. 10-03-2027 09.00`,
  date_not_exist: (p) => `tanggal "${p.value}" tidak ada di kalender`,
  capacity_invalid: (p) => `kapasitas "${p.value}" harus bilangan bulat 0 atau lebih (0 = tanpa batas)`,
  capacity_too_large: (p) => `kapasitas terlalu besar (maksimal ${p.max})`,
  number_invalid: (p) => `"${p.value}" bukan angka desimal yang valid`,
  latitude_range: (p) => `lintang "${p.value}" harus di antara -90 dan 90`,
  longitude_range: (p) => `bujur "${p.value}" harus di antara -180 dan 180`,
  coordinates_invalid: (p) => `koordinat "${p.value}" tidak dapat dibaca; tulis "lintang, bujur"`,
  coordinates_pair: () => "lat dan lon harus diisi keduanya atau dikosongkan keduanya",
  coordinates_outside_indonesia: () => "koordinat berada di luar Indonesia (mungkin lat dan lon tertukar?)",
  audience_invalid: (p) => `audiens "${p.value}" tidak dikenal; isi "alumni" atau "semua"`,
  companions_invalid: (p) => `jumlah pendamping harus 0 sampai ${p.max}`,
  start_in_past: () => "waktu mulai sudah lewat",
  end_before_start: () => "waktu selesai harus setelah waktu mulai",
  event_too_long: (p) => `acara lebih dari ${p.days} hari; periksa lagi tanggal selesai`,
  deadline_after_start: () => "batas RSVP harus sebelum acara dimulai",
  deadline_in_past: () => "batas RSVP sudah lewat",
  capacity_below_taken: (p) => `kapasitas tidak boleh lebih kecil dari ${p.taken} kursi yang sudah terisi`,
  file_empty: () => "berkas kosong",
  no_rows: () => "berkas hanya berisi judul kolom, belum ada baris acara",
  csv_malformed: (p) => `format CSV rusak di sekitar baris ${p.line} (periksa tanda kutip)`,
  missing_column: (p) => `kolom "${p.column}" tidak ada`,
  unknown_column: (p) => `kolom "${p.column}" tidak dikenal${p.suggestion ? ` (maksudnya "${p.suggestion}"?)` : ""}`,
  duplicate_column: (p) => `kolom "${p.column}" muncul dua kali`,
  too_many_rows: (p) => `terlalu banyak baris (${p.count}); maksimal ${p.max} acara sekali impor`,
  column_count: (p) => `jumlah kolom ${p.got}, seharusnya ${p.expected}`,
  duplicate_row: (p) => `sama dengan baris ${p.other} (judul, provinsi dan waktu mulai sama)`,
  province_not_allowed: (p) => `provinsi "${p.value}" di luar wilayah Anda sebagai penyelenggara`,
  already_exists: (p) => `acara "${p.title}" dengan waktu mulai yang sama sudah ada`,
};

export function renderIssueId(code: string, params: IssueParams = {}): string {
  return TEXT[code]?.(params) ?? code;
}

export function renderImportErrorId(error: ImportError): string {
  const where = error.line > 0 ? `Baris ${error.line}` : "Berkas";
  const column = error.field ? `, kolom ${error.field}` : "";
  return `${where}${column}: ${renderIssueId(error.code, error.params)}`;
}

/** Every code the domain can produce, so the bot's locale test can check each has a translation. */
export const ISSUE_CODES: readonly string[] = Object.keys(TEXT);
