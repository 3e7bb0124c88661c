// Generic scans of the whole database (every table, every column, found through sqlite_master and
// PRAGMA table_info, or information_schema on PostgreSQL) for the traces of one person, and a
// whole-database snapshot to prove nothing changed.
import type { Db } from "../../src/db.js";
import { dialectOf, queryRaw } from "../../src/db-dialect.js";

const isPostgres = (db: Db) => dialectOf(db).provider === "postgresql";

export interface Trace {
  table: string;
  column: string;
  rowid: number;
  value: unknown;
}

export interface ColumnInfo {
  name: string;
  type: string;
}

export async function tableNames(db: Db): Promise<string[]> {
  if (isPostgres(db)) {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    return rows.map((r) => r.name).sort();
  }
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  return rows.map((r) => r.name);
}

export async function columnsOf(db: Db, table: string): Promise<ColumnInfo[]> {
  if (isPostgres(db)) {
    const rows = await queryRaw<{ name: string; type: string }[]>(
      db,
      `SELECT CAST(column_name AS TEXT) AS name, CAST(data_type AS TEXT) AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
      table,
    );
    return rows;
  }
  const rows = await db.$queryRawUnsafe<{ name: string; type: string }[]>(`PRAGMA table_info("${table.replaceAll('"', '""')}")`);
  return rows.map((r) => ({ name: r.name, type: r.type }));
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The table with a `__rid` column: SQLite's rowid; on PostgreSQL the integer "id" where there is one (the
 * same number as SQLite's rowid), else the row's rank by its first (key) column.
 */
async function withRowId(db: Db, table: string): Promise<string> {
  if (!isPostgres(db)) return `(SELECT rowid AS __rid, * FROM ${q(table)})`;
  const columns = await columnsOf(db, table);
  const rid = columns.some((c) => c.name === "id" && c.type === "integer") ? `"id"` : `ROW_NUMBER() OVER (ORDER BY ${q(columns[0]?.name ?? "id")})`;
  return `(SELECT ${rid} AS __rid, * FROM ${q(table)}) s`;
}

/**
 * Every cell in the database that holds this Telegram id: as an integer, as text (exactly, or inside a
 * longer text such as the session key "conv:<id>" or a JSON value) — and every `userId` column holding one
 * of the person's internal User ids.
 */
export async function tracesOf(db: Db, telegramId: bigint, userIds: number[] = []): Promise<Trace[]> {
  const id = telegramId.toString();
  const inside = new RegExp(`(^|[^0-9])${id}([^0-9]|$)`);
  const traces: Trace[] = [];
  for (const table of await tableNames(db)) {
    const from = await withRowId(db, table);
    for (const column of await columnsOf(db, table)) {
      // PostgreSQL compares typed columns only with their own type: the text forms cover every column there
      const rows = isPostgres(db)
        ? await queryRaw<{ rid: bigint | number; v: unknown }[]>(
            db,
            `SELECT __rid AS rid, ${q(column.name)} AS v FROM ${from} WHERE CAST(${q(column.name)} AS TEXT) = ? OR CAST(${q(column.name)} AS TEXT) LIKE ?`,
            id,
            `%${id}%`,
          )
        : await db.$queryRawUnsafe<{ rid: bigint | number; v: unknown }[]>(
            `SELECT __rid AS rid, ${q(column.name)} AS v FROM ${from} WHERE ${q(column.name)} = ? OR CAST(${q(column.name)} AS TEXT) = ? OR CAST(${q(column.name)} AS TEXT) LIKE ?`,
            telegramId,
            id,
            `%${id}%`,
          );
      for (const row of rows) {
        const text = typeof row.v === "bigint" || typeof row.v === "number" ? String(row.v) : String(row.v ?? "");
        if (text === id || inside.test(text)) traces.push({ table, column: column.name, rowid: Number(row.rid), value: row.v });
      }
      if (/^userId$/i.test(column.name) && userIds.length > 0) {
        const hits = await queryRaw<{ rid: bigint | number; v: unknown }[]>(
          db,
          `SELECT __rid AS rid, ${q(column.name)} AS v FROM ${from} WHERE ${q(column.name)} IN (${userIds.map(() => "?").join(", ")})`,
          ...userIds,
        );
        for (const row of hits) traces.push({ table, column: column.name, rowid: Number(row.rid), value: row.v });
      }
    }
  }
  return traces;
}

/** Every row of a table as plain values (BigInt as text), keyed by rowid. */
export async function rowsOf(db: Db, table: string): Promise<Map<number, Record<string, unknown>>> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM ${await withRowId(db, table)}`);
  const out = new Map<number, Record<string, unknown>>();
  for (const { __rid, ...row } of rows) {
    const plain: Record<string, unknown> = { __rowid: typeof __rid === "bigint" ? Number(__rid) : __rid };
    for (const [key, value] of Object.entries(row)) plain[key] = typeof value === "bigint" ? value.toString() : value;
    out.set(Number(__rid), plain);
  }
  return out;
}

export type Snapshot = Map<string, Map<number, Record<string, unknown>>>;

/** The whole database, table by table. */
export async function snapshot(db: Db): Promise<Snapshot> {
  const snap: Snapshot = new Map();
  for (const table of await tableNames(db)) snap.set(table, await rowsOf(db, table));
  return snap;
}

export interface RowChange {
  table: string;
  rowid: number;
  kind: "added" | "removed" | "changed";
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** Rows added, removed or changed between two snapshots; `ignore(table, column)` skips columns (e.g. timestamps). */
export function diff(before: Snapshot, after: Snapshot, ignore: (table: string, column: string) => boolean = () => false): RowChange[] {
  const changes: RowChange[] = [];
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(table) ?? new Map();
    const b = after.get(table) ?? new Map();
    for (const [rowid, row] of a) {
      const next = b.get(rowid);
      if (!next) changes.push({ table, rowid, kind: "removed", before: row });
      else if (Object.keys({ ...row, ...next }).some((col) => !ignore(table, col) && JSON.stringify(row[col]) !== JSON.stringify(next[col]))) {
        changes.push({ table, rowid, kind: "changed", before: row, after: next });
      }
    }
    for (const [rowid, row] of b) if (!a.has(rowid)) changes.push({ table, rowid, kind: "added", after: row });
  }
  return changes;
}
