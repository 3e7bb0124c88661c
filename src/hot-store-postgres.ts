// The hot-path store (./hot-store.ts) for PostgreSQL: named prepared statements on a small pg pool of its
// own. Its own pool, for the reason the SQLite store has its own connection: Prisma's connections may be
// inside an interactive transaction (the RSVP seat lock) at any await. Each statement is parsed once per
// connection (pg names it and PostgreSQL keeps the plan), and rows come back without the ORM's runtime.
//
// Dates: Prisma stores DateTime as `timestamp(3)` holding UTC; they are read as text and parsed as UTC
// (pg's default parser would read them in the process's local zone).
import pg from "pg";
import { parseDbDate, staffRowsOf, staffRowsSql, type HotStore, type UserRow } from "./hot-store.js";

const READ_SESSION = { name: "hot_read_session", text: `SELECT "value" FROM "Session" WHERE "key" = $1` };
const WRITE_SESSION = {
  name: "hot_write_session",
  text: `INSERT INTO "Session" ("key", "value", "updatedAt") VALUES ($1, $2, now() AT TIME ZONE 'UTC')
    ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`,
};
const DELETE_SESSION = { name: "hot_delete_session", text: `DELETE FROM "Session" WHERE "key" = $1` };
const FIND_USER = {
  name: "hot_find_user",
  text: `SELECT "id", "telegramId"::text AS "telegramId", "firstName", "language", "role", "province",
    "consentAt"::text AS "consentAt", "consentVersion", "blockedAt"::text AS "blockedAt",
    "optedOutAt"::text AS "optedOutAt", "createdAt"::text AS "createdAt", "updatedAt"::text AS "updatedAt"
    FROM "User" WHERE "telegramId" = $1`,
};
const STAFF_ROWS = { name: "hot_staff_rows", text: staffRowsSql("$1", "$1") };

interface RawUser {
  id: number;
  telegramId: string;
  firstName: string | null;
  language: string;
  role: string | null;
  province: string | null;
  consentAt: string | null;
  consentVersion: string | null;
  blockedAt: string | null;
  optedOutAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Opens the store on a migrated database (the pool connects lazily; close() ends it). */
export function openPostgresHotStore(connectionString: string, poolSize = 4): HotStore & { end(): Promise<void> } {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // an idle connection that the server drops must not crash the process: the next query opens another
  pool.on("error", () => {});
  return {
    readSession: async (key) => (await pool.query<{ value: string }>({ ...READ_SESSION, values: [key] })).rows[0]?.value,
    writeSession: async (key, value) => {
      await pool.query({ ...WRITE_SESSION, values: [key, value] });
    },
    deleteSession: async (key) => {
      await pool.query({ ...DELETE_SESSION, values: [key] });
    },
    findUser: async (telegramId): Promise<UserRow | null> => {
      const row = (await pool.query<RawUser>({ ...FIND_USER, values: [telegramId.toString()] })).rows[0];
      if (!row) return null;
      return {
        id: row.id,
        telegramId: BigInt(row.telegramId),
        firstName: row.firstName,
        language: row.language,
        role: row.role,
        province: row.province,
        consentAt: parseDbDate(row.consentAt),
        consentVersion: row.consentVersion,
        blockedAt: parseDbDate(row.blockedAt),
        optedOutAt: parseDbDate(row.optedOutAt),
        createdAt: parseDbDate(row.createdAt) as Date,
        updatedAt: parseDbDate(row.updatedAt) as Date,
      };
    },
    staffRows: async (telegramId) => {
      return staffRowsOf((await pool.query<{ kind: string; province: string | null }>({ ...STAFF_ROWS, values: [telegramId.toString()] })).rows);
    },
    close: () => {
      void pool.end();
    },
    end: () => pool.end(),
  };
}
