// The one place where SQLite and PostgreSQL differ in hand-written SQL. Raw statements are written once,
// with `?` placeholders and double-quoted identifiers (valid on both), and pass through here:
// placeholders become $1, $2, … on PostgreSQL, DateTime parameters take each database's form, and the few
// constructs that differ (INSERT OR IGNORE, row locks, the write lock) come from the dialect. Statements of
// a per-update hot path are written in `$n` form instead and run on the hot store (runStatement).
import type { DatabaseProvider } from "./db-url.js";
import { dbDateParam, hasHotStore, hotStoreOf, positional, runWork, type HotStatement, type SqlRunner, type TransactionWork } from "./hot-store.js";

/** Anything that can run raw SQL: the client or an interactive transaction's client. */
export interface RawClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}

export interface Dialect {
  provider: DatabaseProvider;
  /** `?` placeholders → `$n` on PostgreSQL (question marks inside quotes are left alone) */
  sql(text: string): string;
  /**
   * A DateTime parameter. The better-sqlite3 adapter stores DateTime as ISO text with "+00:00", so raw SQL
   * compares and writes that text; PostgreSQL gets a Date (a timestamp(3) in UTC).
   */
  time(value: Date | number): string | Date;
  /** `INSERT INTO … SELECT …` that skips rows breaking a unique constraint */
  insertIgnoring(insert: string): string;
  /**
   * Appended to the SELECT that picks rows to claim: PostgreSQL locks them and skips rows another
   * worker holds; SQLite has one writer at a time, so nothing is needed.
   */
  claimLock: string;
  /**
   * The first statement of a check-then-act write transaction: it makes such transactions take turns.
   * SQLite: a write that matches nothing takes the database write lock (BEGIN behaves like BEGIN
   * IMMEDIATE). PostgreSQL: a transaction-scoped advisory lock, released at commit or rollback.
   */
  writeLock: string;
  /**
   * The database's clock in epoch milliseconds (a shared time base for instances on different machines:
   * the cluster-wide broadcast pace). On PostgreSQL it is read when evaluated (clock_timestamp), not at
   * the statement's start: an UPDATE that waited for a row lock then computes with the time it got it.
   */
  nowMs: string;
  /** the larger of two numbers (GREATEST on PostgreSQL, the two-argument MAX on SQLite) */
  greatest(a: string, b: string): string;
  /**
   * A session key (text) as the chat id it names: a 64-bit integer for a key of digits (with a leading minus
   * for groups), NULL for anything else ("conv:…"). PostgreSQL's CAST would fail on other text, and
   * SQLite's would read it as 0, so both test the text first.
   */
  chatIdOfKey(column: string): string;
}

/** How DateTime values are stored by the better-sqlite3 adapter; raw SQL writes the same text so comparisons work. */
export function sqliteTime(date: Date | number): string {
  return dbDateParam(new Date(date));
}

/** Arbitrary constant key of the advisory lock that serialises check-then-act writes on PostgreSQL. */
export const WRITE_LOCK_KEY = 7_311_013_001;

const sqlite: Dialect = {
  provider: "sqlite",
  sql: (text) => text,
  time: sqliteTime,
  insertIgnoring: (insert) => insert.replace(/^\s*INSERT\s+INTO/i, "INSERT OR IGNORE INTO"),
  claimLock: "",
  writeLock: `UPDATE "Event" SET "id" = "id" WHERE 0`,
  nowMs: `((julianday('now') - 2440587.5) * 86400000.0)`,
  greatest: (a, b) => `MAX(${a}, ${b})`,
  chatIdOfKey: (c) =>
    `(CASE WHEN (${c} GLOB '[0-9]*' OR ${c} GLOB '-[0-9]*') AND substr(${c}, 2) NOT GLOB '*[^0-9]*' AND length(${c}) <= 18 + (${c} GLOB '-*')
      THEN CAST(${c} AS INTEGER) END)`,
};

const postgres: Dialect = {
  provider: "postgresql",
  sql: numberPlaceholders,
  time: (value) => new Date(value),
  insertIgnoring: (insert) => `${insert} ON CONFLICT DO NOTHING`,
  claimLock: " FOR UPDATE SKIP LOCKED",
  writeLock: `SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`,
  nowMs: `(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::double precision`,
  greatest: (a, b) => `GREATEST(${a}, ${b})`,
  chatIdOfKey: (c) => `(CASE WHEN ${c} ~ '^-?[0-9]{1,18}$' THEN CAST(${c} AS BIGINT) END)`,
};

/** `?` → `$1`, `$2`, … outside '…' and "…". */
export function numberPlaceholders(text: string): string {
  let out = "";
  let n = 0;
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === "?") {
      out += `$${++n}`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The dialect of a database provider. */
export function dialectFor(provider: DatabaseProvider): Dialect {
  return provider === "postgresql" ? postgres : sqlite;
}

/** The dialect of a client or transaction client (both carry Prisma's active provider). */
export function dialectOf(db: RawClient): Dialect {
  const provider = (db as { _activeProvider?: unknown })._activeProvider;
  return dialectFor(provider === "postgresql" || provider === "postgres" ? "postgresql" : "sqlite");
}

/** `$queryRawUnsafe` with the SQL adapted to the client's database. */
export function queryRaw<T>(db: RawClient, text: string, ...values: unknown[]): Promise<T> {
  return Promise.resolve(db.$queryRawUnsafe<T>(dialectOf(db).sql(text), ...values));
}

/** `$executeRawUnsafe` with the SQL adapted to the client's database (returns the affected rows). */
export function executeRaw(db: RawClient, text: string, ...values: unknown[]): Promise<number> {
  return Promise.resolve(db.$executeRawUnsafe(dialectOf(db).sql(text), ...values));
}

/**
 * The hot store's statements (`$n` form, see ./hot-store.ts) on a client's own raw query: the runner of an
 * in-memory SQLite database (private to Prisma's one connection, src/db.ts) and of an interactive
 * transaction's client (runStatement). SQLite binds plain `?` by position, PostgreSQL takes `$n` as written.
 */
export function rawRunner(client: RawClient): SqlRunner {
  const dialect = dialectOf(client);
  const all = async <Row>(statement: HotStatement, values: readonly unknown[]) => {
    if (dialect.provider !== "sqlite") return client.$queryRawUnsafe<Row[]>(statement.text, ...values);
    const { text, order } = positional(statement.text);
    return client.$queryRawUnsafe<Row[]>(text, ...order.map((index) => values[index]));
  };
  return {
    all,
    // an interactive transaction of the client (an in-memory database's only connection), the write lock first
    transaction: async <T>(work: TransactionWork<T>) => {
      const db = client as RawClient & { $transaction?: (fn: (tx: RawClient) => Promise<T>) => Promise<T> };
      if (typeof db.$transaction !== "function") throw new Error("a transaction's client cannot open another transaction");
      return db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(dialect.writeLock);
        const inside = rawRunner(tx);
        return runWork(work, (call) => inside.all(call.statement, call.values));
      });
    },
    close: async () => {},
  };
}

/**
 * A statement of a per-update hot path (written once in PostgreSQL's `$n` form, see ../hot-store.ts) on the
 * database's hot store. A client without one is an interactive transaction's: the statement belongs to that
 * transaction, so it runs on the transaction's own raw query (the hot store runs on the database, outside it).
 */
export function runStatement<Row>(client: RawClient, statement: HotStatement, values: readonly unknown[]): Promise<Row[]> {
  return hasHotStore(client) ? hotStoreOf(client).run<Row>(statement, values) : rawRunner(client).all<Row>(statement, values);
}
