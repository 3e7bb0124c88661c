import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { validateFaqEntry, type FaqEntryInput, type FaqFieldError } from "./entry.js";

/** Column order of the FAQ spreadsheet (Indonesian headers, as admins see them). */
export const FAQ_CSV_COLUMNS = ["slug", "kategori", "pertanyaan", "jawaban", "variasi", "kata_kunci"] as const;
export type FaqCsvColumn = (typeof FAQ_CSV_COLUMNS)[number];

const COLUMN_OF_FIELD: Record<keyof FaqEntryInput, FaqCsvColumn> = {
  slug: "slug",
  category: "kategori",
  question: "pertanyaan",
  answer: "jawaban",
  variants: "variasi",
  keywords: "kata_kunci",
};

/** Separator of variants and keywords inside one cell. */
export const LIST_SEPARATOR = "|";
export const MAX_IMPORT_ROWS = 2000;

/**
 * One problem in an imported file. `line` is the 1-based line in the file where the row starts
 * (the header is line 1). `error` is a code for the bot's locale files:
 * - file level: "empty_file", "csv_syntax", "missing_column", "too_many_rows"
 * - row level: "column_count", "duplicate_slug", or a field code from `FaqFieldError`
 *   ("required", "too_short", "too_long", "invalid_slug", "invalid_html", "too_many", "invalid")
 */
export interface FaqCsvError {
  line: number;
  column?: FaqCsvColumn;
  error: FaqFieldError | "empty_file" | "csv_syntax" | "missing_column" | "too_many_rows" | "column_count";
}

export type FaqCsvParseResult =
  | { ok: true; entries: Array<FaqEntryInput & { line: number }> }
  | { ok: false; errors: FaqCsvError[] };

/** The whole FAQ as CSV: UTF-8 with a BOM so spreadsheet programs read the accents correctly. */
export function faqToCsv(entries: readonly FaqEntryInput[]): string {
  const rows = entries.map((e) => [
    e.slug,
    e.category,
    e.question,
    e.answer,
    e.variants.join(LIST_SEPARATOR),
    e.keywords.join(LIST_SEPARATOR),
  ]);
  return "\uFEFF" + stringify([[...FAQ_CSV_COLUMNS], ...rows], { record_delimiter: "\n" });
}

function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Spreadsheets set to Indonesian save CSV with ";" (the comma is the decimal mark there). */
function detectDelimiter(text: string): "," | ";" {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return header.includes(";") && !header.includes(",") ? ";" : ",";
}

/**
 * Reads and validates every row of an FAQ CSV. Nothing is partial: either every row is valid and
 * all entries are returned, or the list of every problem found, each with its line.
 */
export function parseFaqCsv(text: string): FaqCsvParseResult {
  if (!text.replace(/^\uFEFF/, "").trim()) return { ok: false, errors: [{ line: 1, error: "empty_file" }] };

  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    // with `info` and `raw`, csv-parse returns { record, info, raw } objects (its types say string[][])
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (err) {
    const line = typeof (err as { lines?: unknown }).lines === "number" ? (err as { lines: number }).lines : 1;
    return { ok: false, errors: [{ line, error: "csv_syntax" }] };
  }

  const [header, ...rows] = records;
  if (!header) return { ok: false, errors: [{ line: 1, error: "empty_file" }] };
  const names = header.record.map((h) => h.trim().toLowerCase());
  const position = new Map<FaqCsvColumn, number>();
  const errors: FaqCsvError[] = [];
  for (const column of FAQ_CSV_COLUMNS) {
    const at = names.indexOf(column);
    if (at < 0) errors.push({ line: 1, column, error: "missing_column" });
    else position.set(column, at);
  }
  if (errors.length) return { ok: false, errors };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, errors: [{ line: 1, error: "too_many_rows" }] };

  const entries: Array<FaqEntryInput & { line: number }> = [];
  const firstLineOfSlug = new Map<string, number>();
  for (const { record, info, raw } of rows) {
    // info.lines is where the record ends; a quoted cell may span several lines
    const inner = raw.replace(/^[\r\n]+/, "").replace(/\r?\n$/, "");
    const line = info.lines - (inner.match(/\n/g)?.length ?? 0);
    if (record.length !== names.length) {
      errors.push({ line, error: "column_count" });
      continue;
    }
    const cell = (column: FaqCsvColumn) => record[position.get(column) as number] ?? "";
    const result = validateFaqEntry({
      slug: cell("slug"),
      category: cell("kategori"),
      question: cell("pertanyaan"),
      answer: cell("jawaban"),
      variants: splitList(cell("variasi")),
      keywords: splitList(cell("kata_kunci")),
    });
    if (!result.ok) {
      for (const issue of result.issues) errors.push({ line, column: COLUMN_OF_FIELD[issue.field], error: issue.error });
      continue;
    }
    if (firstLineOfSlug.has(result.entry.slug)) {
      errors.push({ line, column: "slug", error: "duplicate_slug" });
      continue;
    }
    firstLineOfSlug.set(result.entry.slug, line);
    entries.push({ ...result.entry, line });
  }
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}
