// The hot-path store (./hot-store.ts) for SQLite: prepared statements on a better-sqlite3 connection of its
// own. Its own connection, because Prisma's may be inside an interactive transaction (the RSVP seat lock)
// at any await: a statement sent on it would join that transaction.
//
// better-sqlite3 is synchronous, and SQLite's busy timeout waits inside the call, which would stop the
// whole process while another connection holds the write lock (and that connection's transaction may be
// waiting for this very process to continue: a deadlock until the timeout). So this connection has a busy
// timeout of 0, and a statement refused with SQLITE_BUSY is tried again after an asynchronous pause.
import Database from "better-sqlite3";
import { parseDbDate, staffRowsOf, staffRowsSql, type HotStore, type UserRow } from "./hot-store.js";

/** How long a statement keeps being retried while the database is locked (as the Prisma connection's busy timeout). */
const BUSY_WAIT_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** Runs `fn` now; while SQLite answers SQLITE_BUSY, again after short asynchronous pauses. */
async function whenFree<T>(fn: () => T): Promise<T> {
  try {
    return fn();
  } catch (error) {
    if (!isBusy(error)) throw error;
  }
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    await sleep(Math.min(50, 2 ** attempt) + Math.random() * 2);
    try {
      return fn();
    } catch (error) {
      if (!isBusy(error) || Date.now() - started > BUSY_WAIT_MS) throw error;
    }
  }
}

type RawUser = Omit<UserRow, "id" | "consentAt" | "blockedAt" | "optedOutAt" | "createdAt" | "updatedAt"> & {
  id: bigint;
  consentAt: unknown;
  blockedAt: unknown;
  optedOutAt: unknown;
  createdAt: unknown;
  updatedAt: unknown;
};

/** Opens the store on a SQLite file that Prisma's connection has already set up (WAL, migrations). */
export function openSqliteHotStore(file: string): HotStore {
  const conn = new Database(file, { timeout: 0 });
  conn.pragma("synchronous = NORMAL");
  const readSession = conn.prepare<[string], { value: string }>(`SELECT "value" FROM "Session" WHERE "key" = ?`);
  // updatedAt in the format Prisma writes (ISO 8601 with +00:00), as its @updatedAt would
  const writeSession = conn.prepare<[string, string, string]>(
    `INSERT INTO "Session" ("key", "value", "updatedAt") VALUES (?, ?, ?) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`,
  );
  const deleteSession = conn.prepare<[string]>(`DELETE FROM "Session" WHERE "key" = ?`);
  const findUser = conn
    .prepare<[bigint], RawUser>(
      `SELECT "id", "telegramId", "firstName", "language", "role", "province", "consentAt", "consentVersion", "blockedAt", "optedOutAt", "createdAt", "updatedAt" FROM "User" WHERE "telegramId" = ?`,
    )
    .safeIntegers(true);
  const staffRows = conn.prepare<[bigint, bigint], { kind: string; province: string | null }>(staffRowsSql("?", "?"));

  return {
    readSession: (key) => whenFree(() => readSession.get(key)?.value),
    writeSession: async (key, value) => {
      const now = new Date().toISOString().replace("Z", "+00:00");
      await whenFree(() => writeSession.run(key, value, now));
    },
    deleteSession: async (key) => {
      await whenFree(() => deleteSession.run(key));
    },
    findUser: (telegramId) =>
      whenFree(() => {
        const row = findUser.get(telegramId);
        if (!row) return null;
        return {
          id: Number(row.id),
          telegramId: row.telegramId,
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
      }),
    staffRows: (telegramId) => whenFree(() => staffRowsOf(staffRows.all(telegramId, telegramId))),
    close: () => conn.close(),
  };
}
