// Moves an existing SQLite database into an empty PostgreSQL one (the way from one machine to a cluster).
// The target is migrated first, then every table is copied in one transaction, parents before children,
// with ids kept; each id sequence is then set past the largest copied id so new rows never collide.
// A target that already holds rows is refused: this is a move, not a merge.
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFile, isPostgresUrl } from "./db-url.js";
import { pendingMigrations } from "./migrate.js";
import { applyPostgresMigrations } from "./migrate-postgres.js";

export interface CopyReport {
  tables: { table: string; rows: number }[];
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

export interface CopyOptions {
  onTable?: (table: string, rows: number) => void;
  /** rows per INSERT statement */
  batch?: number;
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables of the app (not Prisma's history, not SQLite's own), parents before the tables that refer to them. */
function tablesInDependencyOrder(sqlite: Database.Database): string[] {
  const names = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as { name: string }[]).map(
    (r) => r.name,
  );
  const parents = new Map<string, string[]>();
  for (const name of names) {
    const fks = sqlite.prepare(`PRAGMA foreign_key_list(${q(name)})`).all() as { table: string }[];
    parents.set(name, fks.map((fk) => fk.table).filter((t) => t !== name));
  }
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent, path);
    path.delete(name);
    ordered.push(name);
  };
  for (const name of names.sort()) visit(name, new Set());
  return ordered;
}

type Convert = (value: unknown) => unknown;

/** How a SQLite value becomes a pg parameter for a column of the given PostgreSQL type. */
function converterFor(dataType: string): Convert {
  if (dataType.startsWith("timestamp")) {
    return (v) => (v === null ? null : typeof v === "number" || typeof v === "bigint" ? new Date(Number(v)) : new Date(String(v)));
  }
  if (dataType === "boolean") return (v) => (v === null ? null : Number(v) !== 0);
  return (v) => (typeof v === "bigint" ? v.toString() : v);
}

export async function copySqliteToPostgres(fromUrl: string, toUrl: string, options: CopyOptions = {}): Promise<CopyReport> {
  if (!fromUrl.startsWith("file:")) throw new Error(`--from must be a SQLite URL (file:…), got "${fromUrl}"`);
  if (!isPostgresUrl(toUrl)) throw new Error(`--to must be a PostgreSQL URL (postgresql://…), got "${toUrl}"`);
  const file = databaseFile(fromUrl);
  const pending = pendingMigrations(file);
  if (pending.length > 0) {
    throw new Error(`the SQLite database ${file} is not migrated (${pending.join(", ")} pending): run npm run db:migrate with DATABASE_URL=${fromUrl} first`);
  }
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.defaultSafeIntegers(true); // Telegram ids are 64-bit
  await applyPostgresMigrations(toUrl);
  const client = new pg.Client({ connectionString: toUrl });
  await client.connect();
  const started = performance.now();
  const report: CopyReport = { tables: [], rows: 0, ms: 0, rowsPerSecond: 0 };
  try {
    const tables = tablesInDependencyOrder(sqlite);
    for (const table of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${q(table)}`).catch(() => {
        throw new Error(`the PostgreSQL database has no table ${table}: is it a database of this bot?`);
      });
      const n = Number(rows[0]?.n ?? 0);
      if (n > 0) throw new Error(`the PostgreSQL database is not empty (${table} has ${n} rows); db:copy only fills an empty database`);
    }
    const batch = options.batch ?? 500;
    await client.query("BEGIN");
    for (const table of tables) {
      const columns = (
        await client.query<{ column_name: string; data_type: string }>(
          `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        )
      ).rows;
      const sqliteColumns = new Set((sqlite.prepare(`PRAGMA table_info(${q(table)})`).all() as { name: string }[]).map((c) => c.name));
      const shared = columns.filter((c) => sqliteColumns.has(c.column_name));
      const missing = [...sqliteColumns].filter((c) => !shared.some((s) => s.column_name === c));
      if (missing.length > 0) throw new Error(`${table}: columns ${missing.join(", ")} do not exist in PostgreSQL (are both databases on the same migration?)`);
      const convert = shared.map((c) => converterFor(c.data_type));
      const names = shared.map((c) => q(c.column_name)).join(", ");
      const select = sqlite.prepare(`SELECT ${names} FROM ${q(table)}`).raw(true);
      let count = 0;
      let chunk: unknown[][] = [];
      const flush = async () => {
        if (chunk.length === 0) return;
        const params: unknown[] = [];
        const tuples = chunk.map((row) => `(${row.map((value, i) => (params.push(convert[i]!(value)), `$${params.length}`)).join(", ")})`);
        await client.query(`INSERT INTO ${q(table)} (${names}) VALUES ${tuples.join(", ")}`, params);
        count += chunk.length;
        chunk = [];
      };
      const perStatement = Math.max(1, Math.min(batch, Math.floor(60_000 / Math.max(1, shared.length))));
      for (const row of select.iterate() as Iterable<unknown[]>) {
        chunk.push(row);
        if (chunk.length >= perStatement) await flush();
      }
      await flush();
      const id = shared.find((c) => c.column_name === "id");
      if (id) {
        // nextval gives MAX(id) + 1 (or 1 for an empty table)
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT MAX("id") FROM ${q(table)}), 0) + 1, false) WHERE pg_get_serial_sequence($1, 'id') IS NOT NULL`,
          [q(table)],
        );
      }
      report.tables.push({ table, rows: count });
      report.rows += count;
      options.onTable?.(table, count);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    sqlite.close();
    await client.end();
  }
  report.ms = performance.now() - started;
  report.rowsPerSecond = report.ms > 0 ? (report.rows * 1000) / report.ms : 0;
  return report;
}
