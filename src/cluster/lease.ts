// Named leases in the shared database: one owner at a time until `expiresAt`, renewed while the owner
// runs, taken over once expired. The same SQL on SQLite and PostgreSQL (the row itself is the lock: the
// conditional UPDATE is atomic on both).
import type { Db } from "../db.js";
import { dialectOf, executeRaw, queryRaw } from "../db-dialect.js";

export interface LeaseHolder {
  owner: string;
  expiresAt: Date;
}

/**
 * Takes or renews the lease: true when `owner` holds it until now + ttlMs afterwards (it was free,
 * expired, or already ours). `takeFrom` also takes it from that owner (known dead) however long it had left.
 */
export async function acquireLease(db: Db, name: string, owner: string, ttlMs: number, nowMs = Date.now(), takeFrom?: string): Promise<boolean> {
  const d = dialectOf(db);
  const until = d.time(nowMs + ttlMs);
  const now = d.time(nowMs);
  const inserted = await executeRaw(db, d.insertIgnoring(`INSERT INTO "Lease" ("name", "owner", "expiresAt", "updatedAt") VALUES (?, ?, ?, ?)`), name, owner, until, now);
  if (inserted === 1) return true;
  const updated = await executeRaw(
    db,
    `UPDATE "Lease" SET "owner" = ?, "expiresAt" = ?, "updatedAt" = ? WHERE "name" = ? AND ("owner" = ? OR "owner" = ? OR "expiresAt" < ?)`,
    owner,
    until,
    now,
    name,
    owner,
    takeFrom ?? owner,
    now,
  );
  return updated === 1;
}

export async function leaseHolder(db: Db, name: string): Promise<LeaseHolder | null> {
  const rows = await queryRaw<{ owner: string; expiresAt: Date | string }[]>(db, `SELECT "owner", "expiresAt" FROM "Lease" WHERE "name" = ?`, name);
  const row = rows[0];
  return row ? { owner: row.owner, expiresAt: new Date(row.expiresAt) } : null;
}

/** Gives the lease up (only if `owner` still holds it). */
export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await executeRaw(db, `DELETE FROM "Lease" WHERE "name" = ? AND "owner" = ?`, name, owner);
}
