// Survey answers as CSV for /ekspor: UTF-8 with a BOM (so Excel shows Indonesian text correctly),
// Indonesian column names, and nothing that identifies a person (no Telegram id, no name, no story).
import { stringify } from "csv-stringify/sync";
import type { Db } from "../../db.js";

export const FEEDBACK_CSV_COLUMNS = [
  "waktu",
  "acara",
  "rating",
  "paling_berguna",
  "saran",
  "status_sebelum",
  "hasil",
  "bidang",
  "cerita_izin",
] as const;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Scope "program" has no event; this is what its `acara` cell says. */
export const PROGRAM_SCOPE_LABEL = "Program Kartu Prakerja (umum)";

const CONSENT_LABELS: Record<string, string> = { named: "dengan_nama", anonymous: "anonim", none: "tidak" };

/**
 * Spreadsheet programs run cells that start with = + - @ (or a tab / carriage return) as formulas;
 * free text typed by users must not become one, so such cells get a leading apostrophe.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** "2024-06-05T14:03:00+07:00": the answer's time in WIB, unambiguous and sortable. */
export function formatWib(date: Date): string {
  const wib = new Date(date.getTime() + 7 * 60 * 60 * 1000);
  return `${wib.toISOString().slice(0, 19)}+07:00`;
}

/**
 * Every answer (or those for one event), oldest first, as a CSV file. With `provinces` (an organiser's
 * scope) only answers about events of those provinces; the national programme survey stays out.
 */
export async function feedbackCsv(db: Db, eventId?: number, options: { provinces?: readonly string[] | null } = {}): Promise<Buffer> {
  const rows = await db.feedback.findMany({
    where: {
      ...(eventId === undefined ? {} : { eventId }),
      ...(options.provinces ? { event: { province: { in: [...options.provinces] } } } : {}),
    },
    include: { event: { select: { title: true } } },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
  });
  const records = rows.map((row) => [
    formatWib(row.updatedAt),
    row.event?.title ?? (row.scope === "program" ? PROGRAM_SCOPE_LABEL : ""),
    String(row.rating),
    row.mostUseful === "lainnya" && row.mostUsefulOther ? `lainnya: ${row.mostUsefulOther}` : row.mostUseful,
    row.suggestion ?? "",
    row.statusBefore ?? "",
    row.outcome,
    row.outcomeField ?? "",
    CONSENT_LABELS[row.storyConsent] ?? row.storyConsent,
  ].map(neutraliseFormula));
  const csv = stringify([[...FEEDBACK_CSV_COLUMNS], ...records], { record_delimiter: "\r\n" });
  return Buffer.concat([UTF8_BOM, Buffer.from(csv, "utf8")]);
}
