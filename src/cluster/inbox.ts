// The webhook inbox: every update Telegram delivers is stored (deduplicated by update_id) BEFORE the
// webhook answers 200, and any instance processes it from the table. Per chat strictly one update at a
// time in update_id order across the cluster: an update is claimable only while it is the oldest of its
// chat that is not yet finished (pending or processing), so nothing of a chat is claimed while one of its
// updates is in progress. On PostgreSQL the candidates are locked with FOR UPDATE SKIP LOCKED, so
// concurrent claimers never take the same row nor wait; on SQLite the single writer does the same.
// A claim carries the instance and a lease; an instance that dies leaves its claims to expire, then any
// instance takes them over (recoverExpired). Done rows are kept for DONE_RETENTION_MS, so a redelivery
// (Telegram keeps an update for 24 hours) is recognised across restarts, then purged.
import type { Db } from "../db.js";
import { dialectOf, executeRaw, queryRaw, runStatement } from "../db-dialect.js";
import { dbDateParam, type HotStatement } from "../hot-store.js";

/** How long done rows stay (dedup window: Telegram keeps undelivered updates for 24 hours). */
export const DONE_RETENTION_MS = 48 * 60 * 60 * 1000;

/** A Telegram update as far as the inbox cares: its id and the chat (or sender) it belongs to. */
export interface RawUpdate {
  update_id: number;
  [kind: string]: unknown;
}

interface Party {
  chat?: { id?: unknown };
  from?: { id?: unknown };
  user?: { id?: unknown };
  message?: { chat?: { id?: unknown } };
}

/**
 * The ordering key: the chat of the update (a callback's message chat), else its sender, as the bot's
 * session key does; an update with neither (polls) gets a key of its own and no ordering.
 */
export function chatKeyOf(update: RawUpdate): string {
  for (const [kind, value] of Object.entries(update)) {
    if (kind === "update_id" || !value || typeof value !== "object") continue;
    const p = value as Party;
    const id = p.chat?.id ?? p.message?.chat?.id ?? p.from?.id ?? p.user?.id;
    if (typeof id === "number" || typeof id === "string") return String(id);
  }
  return `u${update.update_id}`;
}

export function isUpdate(value: unknown): value is RawUpdate {
  return !!value && typeof value === "object" && Number.isSafeInteger((value as { update_id?: unknown }).update_id);
}

// Each webhook update is stored, claimed and completed once: those three statements run on the hot store
// (prepared on the driver, see ../db-dialect.ts runStatement), written in PostgreSQL's $n form. Dates are
// passed as ISO text (dbDateParam), the form both databases compare and store.
const STORE: HotStatement = {
  name: "inbox_store",
  text: `INSERT INTO "InboxUpdate" ("updateId", "chatKey", "payload", "status", "attempts", "receivedAt", "updatedAt")
    VALUES ($1, $2, $3, 'pending', 0, $4, $4) ON CONFLICT DO NOTHING RETURNING "updateId"`,
};

/** Updates one completing statement marks done; a shorter group fills the other places with NULL. */
export const COMPLETE_GROUP = 16;

const COMPLETE: HotStatement = {
  name: "inbox_complete",
  text: `UPDATE "InboxUpdate" SET "status" = 'done', "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = $1
    WHERE "updateId" IN (${Array.from({ length: COMPLETE_GROUP }, (_, i) => `$${i + 3}`).join(", ")}) AND "status" = 'processing' AND "claimedBy" = $2
    RETURNING "updateId"`,
};

/** The claim (see claimUpdates); `lock` is the dialect's claimLock, so the name says which. */
function claimStatement(lock: string): HotStatement {
  return {
    name: lock ? "inbox_claim_locking" : "inbox_claim",
    text: `UPDATE "InboxUpdate" SET "status" = 'processing', "claimedBy" = $1, "leaseUntil" = $2, "attempts" = "attempts" + 1, "updatedAt" = $3
      WHERE "status" = 'pending' AND "updateId" IN (SELECT i."updateId" FROM "InboxUpdate" i WHERE i."status" = 'pending'
      AND (i."availableAt" IS NULL OR i."availableAt" <= $3)
      AND i."updateId" = (SELECT MIN(j."updateId") FROM "InboxUpdate" j WHERE j."chatKey" = i."chatKey" AND j."status" IN ('pending', 'processing'))
      ORDER BY i."updateId" LIMIT $4${lock})
      RETURNING CAST("updateId" AS TEXT) AS "updateId", "payload", "attempts"`,
  };
}

/** Stores an update unless it is there already. true = new, false = a redelivery (already stored). */
export async function storeUpdate(db: Db, update: RawUpdate, nowMs = Date.now()): Promise<boolean> {
  const now = dbDateParam(new Date(nowMs));
  const rows = await runStatement(db, STORE, [update.update_id, chatKeyOf(update), JSON.stringify(update), now]);
  return rows.length === 1;
}

export interface ClaimedUpdate {
  updateId: number;
  payload: string;
  /** attempts including this one */
  attempts: number;
}

/**
 * Claims up to `limit` updates for `owner` until now + leaseMs: of each chat only the oldest unfinished
 * one, and only when it is pending and due (not in a retry's backoff), oldest first.
 */
export async function claimUpdates(db: Db, owner: string, limit: number, leaseMs: number, nowMs = Date.now()): Promise<ClaimedUpdate[]> {
  const rows = await runStatement<{ updateId: string; payload: string; attempts: number | bigint }>(db, claimStatement(dialectOf(db).claimLock), [
    owner,
    dbDateParam(new Date(nowMs + leaseMs)),
    dbDateParam(new Date(nowMs)),
    limit,
  ]);
  return rows.map((r) => ({ updateId: Number(r.updateId), payload: String(r.payload), attempts: Number(r.attempts) })).sort((a, b) => a.updateId - b.updateId);
}

/**
 * Marks handled updates done (only those `owner` still holds), COMPLETE_GROUP to a statement: the inbox
 * processor completes the updates that finish together in one round trip. Returns how many were marked.
 */
export async function completeUpdates(db: Db, updateIds: readonly number[], owner: string, nowMs = Date.now()): Promise<number> {
  const now = dbDateParam(new Date(nowMs));
  let done = 0;
  for (let start = 0; start < updateIds.length; start += COMPLETE_GROUP) {
    const group = Array.from({ length: COMPLETE_GROUP }, (_, i) => updateIds[start + i] ?? null);
    done += (await runStatement(db, COMPLETE, [now, owner, ...group])).length;
  }
  return done;
}

export interface RetryPolicy {
  /** attempts before the update is parked as "failed" */
  maxAttempts: number;
  /** pause before the next attempt: base · 4^(attempt-1) */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000 };

/**
 * A handler failed: back to pending after a backoff (the chat's later updates wait, order is kept), or
 * parked as "failed" with the error once `attempts` reached the limit (the chat's later updates go on).
 */
export async function failUpdate(db: Db, update: ClaimedUpdate, owner: string, error: string, policy: RetryPolicy = DEFAULT_RETRY, nowMs = Date.now()): Promise<"retry" | "parked"> {
  const d = dialectOf(db);
  const parked = update.attempts >= policy.maxAttempts;
  await executeRaw(
    db,
    `UPDATE "InboxUpdate" SET "status" = ?, "availableAt" = ?, "lastError" = ?, "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ? ` +
      `WHERE "updateId" = ? AND "status" = 'processing' AND "claimedBy" = ?`,
    parked ? "failed" : "pending",
    parked ? null : d.time(nowMs + policy.baseDelayMs * 4 ** (update.attempts - 1)),
    error.slice(0, 2000),
    d.time(nowMs),
    update.updateId,
    owner,
  );
  return parked ? "parked" : "retry";
}

/** Extends the leases of the updates `owner` is processing. */
export async function renewLeases(db: Db, owner: string, leaseMs: number, nowMs = Date.now()): Promise<number> {
  const d = dialectOf(db);
  return executeRaw(db, `UPDATE "InboxUpdate" SET "leaseUntil" = ? WHERE "status" = 'processing' AND "claimedBy" = ?`, d.time(nowMs + leaseMs), owner);
}

/**
 * Claims whose lease ran out (their instance died or hung) go back to pending, or are parked once they
 * used up their attempts (an update that kills every instance that takes it must not go round forever).
 * `owner` also takes back this instance's own claims (a restart with the same INSTANCE_ID).
 */
export async function recoverExpired(db: Db, policy: RetryPolicy = DEFAULT_RETRY, nowMs = Date.now(), owner?: string): Promise<number> {
  const d = dialectOf(db);
  const now = d.time(nowMs);
  const stale = `"status" = 'processing' AND ("leaseUntil" < ? OR "claimedBy" = ?)`;
  const parked = await executeRaw(
    db,
    `UPDATE "InboxUpdate" SET "status" = 'failed', "lastError" = 'lease expired on every attempt', "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ? WHERE ${stale} AND "attempts" >= ?`,
    now,
    now,
    owner ?? "",
    policy.maxAttempts,
  );
  const requeued = await executeRaw(db, `UPDATE "InboxUpdate" SET "status" = 'pending', "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ? WHERE ${stale}`, now, now, owner ?? "");
  return parked + requeued;
}

/** Gives back claims of `owner` that were not handled (shutdown): pending again, the attempt not counted. */
export async function releaseClaims(db: Db, owner: string, updateIds: number[], nowMs = Date.now()): Promise<number> {
  if (updateIds.length === 0) return 0;
  return executeRaw(
    db,
    `UPDATE "InboxUpdate" SET "status" = 'pending', "attempts" = "attempts" - 1, "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ? ` +
      `WHERE "status" = 'processing' AND "claimedBy" = ? AND "updateId" IN (${updateIds.map(() => "?").join(",")})`,
    dialectOf(db).time(nowMs),
    owner,
    ...updateIds,
  );
}

/** Deletes done rows older than the dedup window. */
export async function purgeDone(db: Db, nowMs = Date.now(), retentionMs = DONE_RETENTION_MS): Promise<number> {
  return executeRaw(db, `DELETE FROM "InboxUpdate" WHERE "status" = 'done' AND "updatedAt" < ?`, dialectOf(db).time(nowMs - retentionMs));
}

export interface InboxCounts {
  pending: number;
  processing: number;
  done: number;
  failed: number;
}

export async function inboxCounts(db: Db): Promise<InboxCounts> {
  const rows = await queryRaw<{ status: string; n: number | bigint }[]>(db, `SELECT "status", COUNT(*) AS "n" FROM "InboxUpdate" GROUP BY "status"`);
  const counts: InboxCounts = { pending: 0, processing: 0, done: 0, failed: 0 };
  for (const r of rows) if (r.status in counts) counts[r.status as keyof InboxCounts] = Number(r.n);
  return counts;
}
