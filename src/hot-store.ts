// The queries of the per-update hot path, on the database driver itself instead of the ORM: the session and
// conversation state (read every update, written when it changed), the user lookup of onboarding (every text
// message) and the admin check (every update that reaches an admin branch). Through Prisma each of them
// cost the client runtime, its query compiler and the adapter's row conversion; a prepared statement on the
// driver costs a small fraction (`npm run bench`, profile in README).
//
// Nothing is cached: every call reads the database, so several instances on one database never see a
// stale value. The interface is small so that each database has its own implementation (SQLite:
// ./hot-store-sqlite.ts on better-sqlite3; PostgreSQL: ./hot-store-postgres.ts on pg); a Db without one
// (openDatabase not used) falls back to Prisma.

/** A User row as Prisma's `db.user.findUnique` returns it. */
export interface UserRow {
  id: number;
  telegramId: bigint;
  firstName: string | null;
  language: string;
  role: string | null;
  province: string | null;
  consentAt: Date | null;
  consentVersion: string | null;
  blockedAt: Date | null;
  optedOutAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What the staff tables hold about one person (see HotStore.staffRows). */
export interface StaffRows {
  national: boolean;
  /** province codes from OrganiserProvince, sorted; empty when not an organiser */
  provinces: string[];
}

/**
 * The one statement behind staffRows. The Telegram id appears twice; `first` and `second` are the
 * database's placeholders for it (PostgreSQL: "$1" both times; SQLite: "?" both times, bound twice).
 */
export function staffRowsSql(first: string, second: string): string {
  return `SELECT 'national' AS "kind", NULL AS "province" FROM "Admin" WHERE "telegramId" = ${first}
  UNION ALL SELECT 'organiser', "province" FROM "OrganiserProvince" WHERE "telegramId" = ${second}`;
}

/** Folds the rows of STAFF_ROWS_SQL into StaffRows. */
export function staffRowsOf(rows: readonly { kind: string; province: string | null }[]): StaffRows {
  const provinces: string[] = [];
  let national = false;
  for (const row of rows) {
    if (row.kind === "national") national = true;
    else if (row.province !== null) provinces.push(row.province);
  }
  return { national, provinces: provinces.sort() };
}

export interface HotStore {
  /** The stored session value (JSON text) under `key`, or undefined. */
  readSession(key: string): Promise<string | undefined>;
  /** Stores the session value (JSON text) under `key`, inserting or replacing. */
  writeSession(key: string, value: string): Promise<void>;
  /** Removes the session under `key` (nothing happens when there is none). */
  deleteSession(key: string): Promise<void>;
  findUser(telegramId: bigint): Promise<UserRow | null>;
  /**
   * This person's rows among the staff tables, in one statement: whether the Admin table has a row (a
   * national admin; owners from the configuration are not in it) and the provinces of an organiser.
   */
  staffRows(telegramId: bigint): Promise<StaffRows>;
  close(): void;
}

// keyed by the database client (any object: this module does not know the client type, so db.ts can import it)
const stores = new WeakMap<object, HotStore>();

/** Registers the hot-path store of a database (openDatabase does this). */
export function attachHotStore(db: object, store: HotStore): void {
  stores.set(db, store);
}

/** The hot-path store of a database, or undefined (then the caller uses Prisma). */
export function hotStoreOf(db: object): HotStore | undefined {
  return stores.get(db);
}

/**
 * A DATETIME column's value as Prisma reads it: Prisma writes ISO 8601 text ("…T…+00:00"), SQLite's
 * CURRENT_TIMESTAMP default writes "YYYY-MM-DD HH:MM:SS" (UTC, no zone), and a number is epoch ms.
 */
export function parseDbDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}
