// The worker's housekeeping queries: scheduled → running, running → done, broadcasts whose final report is
// due, and recovery of rows a dead process left "sending". Reads come first so an idle bot only runs
// SELECTs (on SQLite an UPDATE takes the write lock even when it matches nothing). Those reads run every
// quarter second, and the recoveries at every start and lease round, so they are hot-store statements
// (src/hot-store.ts): an idle bot then never loads the ORM's query compiler for them.
import type { Db } from "../../db.js";
import { dialectOf, executeRaw, queryRaw, runStatement } from "../../db-dialect.js";
import { dbDateParam, type HotStatement } from "../../hot-store.js";

/** The reads of every housekeeping round, in the hot store's `$n` form. */
const POLL_SQL = {
  active: {
    name: "broadcast_active",
    text: `SELECT "id", "status", ("status" = 'scheduled' AND "scheduledAt" <= $1) AS "due" FROM "Broadcast"
      WHERE "status" IN ('scheduled', 'running', 'paused') ORDER BY "id"`,
  },
  unreported: {
    name: "broadcast_unreported",
    text: `SELECT b."id" FROM "Broadcast" b WHERE b."status" IN ('done', 'cancelled') AND b."finishedAt" IS NULL AND NOT EXISTS (
      SELECT 1 FROM "BroadcastRecipient" r WHERE r."broadcastId" = b."id" AND r."status" = 'sending') ORDER BY b."id"`,
  },
  running: { name: "broadcast_running", text: `SELECT "id" FROM "Broadcast" WHERE "status" = 'running' ORDER BY "id"` },
  // the recoveries (recoverSending, recoverExpiredClaims): $1 now
  recoverAll: recovery("broadcast_recover_all", ""),
  recoverOwnAndExpired: recovery("broadcast_recover_own_and_expired", `AND ("leaseUntil" IS NULL OR "leaseUntil" < $1 OR "claimedBy" = $2)`),
  recoverExpired: recovery("broadcast_recover_expired", `AND "leaseUntil" < $1`),
} satisfies Record<string, HotStatement>;

/** Rows in "sending" that also match `condition` go back to "pending" ($1 now); RETURNING counts them on both drivers. */
function recovery(name: string, condition: string): HotStatement {
  return {
    name,
    text: `UPDATE "BroadcastRecipient" SET "status" = 'pending', "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = $1
      WHERE "status" = 'sending' ${condition} RETURNING "id"`,
  };
}

export interface ActiveBroadcast {
  id: number;
  status: string;
  /** scheduled and its time has come */
  due: boolean;
}

/** Scheduled, running and paused broadcasts, oldest first. */
export async function activeBroadcasts(db: Db, nowMs: number): Promise<ActiveBroadcast[]> {
  const rows = await runStatement<{ id: number; status: string; due: number | bigint | boolean }>(db, POLL_SQL.active, [dbDateParam(new Date(nowMs))]);
  return rows.map((r) => ({ id: Number(r.id), status: r.status, due: Number(r.due) === 1 }));
}

/** scheduled → running; 1 when this call started it. */
export function startScheduled(db: Db, id: number, nowMs: number): Promise<number> {
  const now = dialectOf(db).time(nowMs);
  return executeRaw(
    db,
    `UPDATE "Broadcast" SET "status" = 'running', "startedAt" = COALESCE("startedAt", ?), "updatedAt" = ? ` +
      `WHERE "id" = ? AND "status" = 'scheduled'`,
    now,
    now,
    id,
  );
}

/** running → done once no row is pending or sending; true when this call finished it. */
export async function finishIfComplete(db: Db, id: number, nowMs: number): Promise<boolean> {
  const open = await queryRaw<{ n: number | bigint | boolean }[]>(
    db,
    `SELECT EXISTS (SELECT 1 FROM "BroadcastRecipient" WHERE "broadcastId" = ? AND "status" IN ('pending', 'sending')) AS "n"`,
    id,
  );
  if (Number(open[0]?.n ?? 1) !== 0) return false;
  const n = await executeRaw(
    db,
    `UPDATE "Broadcast" SET "status" = 'done', "updatedAt" = ? WHERE "id" = ? AND "status" = 'running'`,
    dialectOf(db).time(nowMs),
    id,
  );
  return n > 0;
}

/** Done or cancelled, not yet reported, and nothing of theirs still on the wire. */
export async function unreportedFinished(db: Db): Promise<number[]> {
  const rows = await runStatement<{ id: number }>(db, POLL_SQL.unreported, []);
  return rows.map((r) => Number(r.id));
}

/** Running broadcasts, oldest first. */
export async function runningBroadcasts(db: Db): Promise<number[]> {
  const rows = await runStatement<{ id: number }>(db, POLL_SQL.running, []);
  return rows.map((r) => Number(r.id));
}

/**
 * Rows left "sending" by a dead process go back to "pending". Returns how many. `all`: every such row (the
 * only worker on this database, e.g. polling mode, where the polling lease guarantees a single instance);
 * otherwise only rows whose claim lease ran out, plus `owner`'s own (a restart under the same INSTANCE_ID):
 * a live instance's in-flight rows are never taken from it.
 */
export async function recoverSending(db: Db, nowMs: number, scope: { all: true } | { all: false; owner: string } = { all: true }): Promise<number> {
  const now = dbDateParam(new Date(nowMs));
  const rows = scope.all ? await runStatement(db, POLL_SQL.recoverAll, [now]) : await runStatement(db, POLL_SQL.recoverOwnAndExpired, [now, scope.owner]);
  return rows.length;
}

/** Rows whose claim lease ran out (their instance died): back to "pending" (run periodically by every worker). */
export async function recoverExpiredClaims(db: Db, nowMs: number): Promise<number> {
  return (await runStatement(db, POLL_SQL.recoverExpired, [dbDateParam(new Date(nowMs))])).length;
}

/** Extends the claim lease of the rows `owner` holds in "sending". */
export function renewClaims(db: Db, owner: string, leaseMs: number, nowMs: number): Promise<number> {
  return executeRaw(db, `UPDATE "BroadcastRecipient" SET "leaseUntil" = ? WHERE "status" = 'sending' AND "claimedBy" = ?`, dialectOf(db).time(nowMs + leaseMs), owner);
}

export interface ClaimRow {
  id: number;
  telegramId: bigint | number;
  attempts: number;
  /** the person's language, '!optout', '!blocked', or null when the user row is gone */
  userState: string | null;
}

/**
 * Claims up to `limit` due rows of one running broadcast: one UPDATE … RETURNING moves them to "sending"
 * and, through a subquery, reads whether the person has since opted out or blocked the bot and their
 * language. Each row records its claimer and a lease (renewed while the worker holds it; recovered by any
 * worker once it expires). On PostgreSQL the chosen rows are locked with SKIP LOCKED, so concurrent claimers never take
 * the same row and never wait for each other.
 */
export function claimRows(db: Db, broadcastId: number, limit: number, nowMs: number, claim: { owner: string; leaseMs: number } = { owner: "", leaseMs: 60_000 }): Promise<ClaimRow[]> {
  const d = dialectOf(db);
  const now = d.time(nowMs);
  return queryRaw<ClaimRow[]>(
    db,
    `UPDATE "BroadcastRecipient" SET "status" = 'sending', "claimedBy" = ?, "leaseUntil" = ?, "updatedAt" = ? WHERE "id" IN (` +
      `SELECT "id" FROM "BroadcastRecipient" WHERE "broadcastId" = ? AND "status" = 'pending' ` +
      `AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ?) ORDER BY "id" LIMIT ?${d.claimLock}) ` +
      `AND EXISTS (SELECT 1 FROM "Broadcast" b WHERE b."id" = ? AND b."status" = 'running') ` +
      `RETURNING "id", "telegramId", "attempts", (SELECT CASE WHEN u."optedOutAt" IS NOT NULL THEN '!optout' ` +
      `WHEN u."blockedAt" IS NOT NULL THEN '!blocked' ELSE u."language" END FROM "User" u ` +
      `WHERE u."telegramId" = "BroadcastRecipient"."telegramId") AS "userState"`,
    claim.owner,
    d.time(nowMs + claim.leaseMs),
    now,
    broadcastId,
    now,
    limit,
    broadcastId,
  );
}

/**
 * Moves broadcasts on: scheduled ones that are due start, running ones with nothing left finish (the
 * statuses in `broadcasts` are updated to match). Returns how many rows the started ones made pending.
 */
export async function advanceBroadcasts(db: Db, broadcasts: ActiveBroadcast[], nowMs: number, logger?: { info(obj: object, msg?: string): void }): Promise<number> {
  let promoted = 0;
  for (const b of broadcasts.filter((x) => x.due)) {
    promoted += await startScheduled(db, b.id, nowMs);
    b.status = "running";
    logger?.info({ broadcastId: b.id }, "broadcast: scheduled broadcast started");
  }
  for (const b of broadcasts.filter((x) => x.status === "running")) {
    if (await finishIfComplete(db, b.id, nowMs)) {
      b.status = "done";
      logger?.info({ broadcastId: b.id }, "broadcast: done");
    }
  }
  return promoted;
}

/**
 * A worker's lease upkeep: renews its own claims (while it holds any) and, where several workers share the
 * database, takes back the rows of workers whose claims expired. Returns how many rows came back.
 */
export async function upkeepClaims(db: Db, worker: { owner: string; leaseMs: number; renew: boolean; recoverOthers: boolean }, nowMs: number): Promise<number> {
  if (worker.renew) await renewClaims(db, worker.owner, worker.leaseMs, nowMs);
  return worker.recoverOthers ? recoverExpiredClaims(db, nowMs) : 0;
}
