// Named leases in the shared database: one owner at a time until `expiresAt`, renewed while the owner
// runs, taken over once expired. The same SQL on SQLite and PostgreSQL (the row itself is the lock: the
// conditional UPDATE is atomic on both).
import type { Db } from "../db.js";
import { runStatement } from "../db-dialect.js";
import { dbDateParam, parseDbDate, type HotStatement } from "../hot-store.js";

export interface LeaseHolder {
  owner: string;
  expiresAt: Date;
}

// On the hot store's connection (runStatement): the polling lease is taken before the bot polls, and the
// ORM is not needed for it (a start without the ORM's query compiler is a quicker start).
const LEASE_SQL = {
  insert: {
    name: "lease_insert",
    text: `INSERT INTO "Lease" ("name", "owner", "expiresAt", "updatedAt") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING "name"`,
  },
  // $1 name, $2 owner, $3 until, $4 now, $5 the owner it may be taken from besides an expired one
  take: {
    name: "lease_take",
    text: `UPDATE "Lease" SET "owner" = $2, "expiresAt" = $3, "updatedAt" = $4
      WHERE "name" = $1 AND ("owner" = $2 OR "owner" = $5 OR "expiresAt" < $4) RETURNING "name"`,
  },
  holder: { name: "lease_holder", text: `SELECT "owner", CAST("expiresAt" AS TEXT) AS "expiresAt" FROM "Lease" WHERE "name" = $1` },
  release: { name: "lease_release", text: `DELETE FROM "Lease" WHERE "name" = $1 AND "owner" = $2` },
} satisfies Record<string, HotStatement>;

/**
 * Takes or renews the lease: true when `owner` holds it until now + ttlMs afterwards (it was free,
 * expired, or already ours). `takeFrom` also takes it from that owner (known dead) however long it had left.
 */
export async function acquireLease(db: Db, name: string, owner: string, ttlMs: number, nowMs = Date.now(), takeFrom?: string): Promise<boolean> {
  const until = dbDateParam(new Date(nowMs + ttlMs));
  const now = dbDateParam(new Date(nowMs));
  const inserted = await runStatement(db, LEASE_SQL.insert, [name, owner, until, now]);
  if (inserted.length === 1) return true;
  const updated = await runStatement(db, LEASE_SQL.take, [name, owner, until, now, takeFrom ?? owner]);
  return updated.length === 1;
}

export async function leaseHolder(db: Db, name: string): Promise<LeaseHolder | null> {
  const row = (await runStatement<{ owner: string; expiresAt: string }>(db, LEASE_SQL.holder, [name]))[0];
  return row ? { owner: row.owner, expiresAt: parseDbDate(row.expiresAt) as Date } : null;
}

/** Gives the lease up (only if `owner` still holds it). */
export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await runStatement(db, LEASE_SQL.release, [name, owner]);
}
