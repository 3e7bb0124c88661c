// Recording send results. Each claimed row ends in one Outcome; outcomes are buffered by the worker and
// written here in one batch (a single transaction), always guarded by `"status" = 'sending'` so a row
// that was recovered or finished elsewhere meanwhile is never overwritten.
import type { Db } from "../../db.js";
import { dialectOf } from "../../db-dialect.js";
import { markUsersBlocked } from "../users.js";

export interface ClaimedRow {
  id: number;
  broadcastId: number;
  telegramId: bigint;
  attempts: number;
  language: string;
}

export type Outcome =
  | { kind: "sent"; messageId: number }
  | { kind: "release"; notBefore: number | null; reason?: string }
  | { kind: "skipped"; reason: string }
  | { kind: "blocked"; reason: string; noCall?: boolean }
  | { kind: "failed"; reason: string }
  | { kind: "retry"; reason: string };

export interface Result {
  row: ClaimedRow;
  outcome: Outcome;
}

export interface RetryPolicy {
  /** attempts (5xx / network) before a row is failed */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Writes a batch of results in one transaction (or one statement). `nowMs` is the wall clock. */
export async function writeResults(db: Db, batch: Result[], nowMs: number, retry: RetryPolicy, owner = ""): Promise<void> {
  const d = dialectOf(db);
  const now = d.time(nowMs);
  // every row update is also guarded by the claimer: a row another worker recovered and claimed after this
  // worker's lease ran out is left to that worker
  const exec = (text: string, ...values: unknown[]) => db.$executeRawUnsafe(d.sql(text.includes(`"status" = 'sending'`) ? `${text} AND "claimedBy" = ?` : text), ...values, ...(text.includes(`"status" = 'sending'`) ? [owner] : []));
  const statements: (ReturnType<Db["$executeRawUnsafe"]> | ReturnType<typeof markUsersBlocked>)[] = [];
  const sent = batch.filter((r) => r.outcome.kind === "sent");
  if (sent.length > 0) {
    const cases: unknown[] = [];
    for (const r of sent) cases.push(r.row.id, r.outcome.kind === "sent" ? r.outcome.messageId : null);
    statements.push(
      exec(
        `UPDATE "BroadcastRecipient" SET "status" = 'sent', "sentAt" = ?, "updatedAt" = ?, "nextAttemptAt" = NULL, ` +
          `"messageId" = CASE "id" ${sent.map(() => "WHEN ? THEN CAST(? AS INTEGER)").join(" ")} END ` +
          `WHERE "status" = 'sending' AND "id" IN (${sent.map(() => "?").join(",")})`,
        now,
        now,
        ...cases,
        ...sent.map((r) => r.row.id),
      ),
    );
  }
  const released = batch.filter((r) => r.outcome.kind === "release" && r.outcome.notBefore === null);
  if (released.length > 0) {
    statements.push(
      exec(
        `UPDATE "BroadcastRecipient" SET "status" = 'pending', "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ? ` +
          `WHERE "status" = 'sending' AND "id" IN (${released.map(() => "?").join(",")})`,
        now,
        ...released.map((r) => r.row.id),
      ),
    );
  }
  const blockedUsers: bigint[] = [];
  for (const { row, outcome } of batch) {
    switch (outcome.kind) {
      case "sent":
        break;
      case "release":
        if (outcome.notBefore !== null) {
          statements.push(
            exec(
              `UPDATE "BroadcastRecipient" SET "status" = 'pending', "nextAttemptAt" = ?, "updatedAt" = ? WHERE "id" = ? AND "status" = 'sending'`,
              d.time(outcome.notBefore),
              now,
              row.id,
            ),
          );
        }
        break;
      case "retry": {
        const attempts = row.attempts + 1;
        const delay = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempts - 1)) * (0.75 + Math.random() * 0.5);
        statements.push(
          exec(
            `UPDATE "BroadcastRecipient" SET "status" = 'pending', "attempts" = ?, "lastError" = ?, "nextAttemptAt" = ?, "updatedAt" = ? ` +
              `WHERE "id" = ? AND "status" = 'sending'`,
            attempts,
            outcome.reason,
            d.time(nowMs + delay),
            now,
            row.id,
          ),
        );
        break;
      }
      case "failed":
      case "blocked":
      case "skipped": {
        const called = outcome.kind === "failed" || (outcome.kind === "blocked" && !outcome.noCall);
        const attempts = called ? row.attempts + 1 : row.attempts;
        statements.push(
          exec(
            `UPDATE "BroadcastRecipient" SET "status" = ?, "attempts" = ?, "lastError" = ?, "nextAttemptAt" = NULL, "updatedAt" = ? ` +
              `WHERE "id" = ? AND "status" = 'sending'`,
            outcome.kind,
            attempts,
            outcome.reason,
            now,
            row.id,
          ),
        );
        if (outcome.kind === "blocked") blockedUsers.push(row.telegramId);
        break;
      }
    }
  }
  if (blockedUsers.length > 0) {
    statements.push(markUsersBlocked(db, blockedUsers, new Date(nowMs)));
  }
  if (statements.length === 1) await statements[0];
  else if (statements.length > 1) await db.$transaction(statements);
}

/** Adds a written batch to the worker's counters. */
export function tally(metrics: Record<"sent" | "failed" | "blocked" | "retried" | "skipped", number>, batch: Result[]): void {
  for (const { outcome } of batch) {
    if (outcome.kind === "sent") metrics.sent++;
    else if (outcome.kind === "failed") metrics.failed++;
    else if (outcome.kind === "blocked") metrics.blocked++;
    else if (outcome.kind === "retry") metrics.retried++;
    else if (outcome.kind === "skipped") metrics.skipped++;
  }
}
