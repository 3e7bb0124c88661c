// Check-then-act writes (is there a seat? then take it) must not interleave. SQLite lets one writer at a
// time, but a plain Prisma interactive transaction starts with a deferred BEGIN: two transactions can both
// read "99 seats taken" and then race to write. So every such transaction takes SQLite's write lock with its
// very first statement, before it reads anything, and waits for it through busy_timeout.
//
// Inside one process there is a second trap: better-sqlite3 is synchronous, so a second client that waits
// for the lock held by a first client in the same process would block the event loop the first client needs
// to finish. Writers in one process therefore queue in JS first (one queue for the whole process), then
// contend with other processes inside SQLite.
//
// (The hot store's transactions, src/hot-store.ts, need no queue: on SQLite they run synchronously inside
// BEGIN IMMEDIATE on a connection of their own, and a busy database is waited for asynchronously.)
//
// On PostgreSQL the first statement takes a transaction-scoped advisory lock instead (src/db-dialect.ts):
// the same one-at-a-time rule for these short transactions, across every process and instance, while the
// pool keeps other queries running in parallel. No in-process queue is needed there.
import type { Db } from "../../db.js";
import { dialectOf } from "../../db-dialect.js";
import type { Prisma } from "../../generated/prisma/client.js";

export type Tx = Prisma.TransactionClient;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every write transaction queued before it in this process. */
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

const RETRYABLE =
  /SQLITE_BUSY|database is locked|SocketTimeout|Unable to start a transaction|Transaction already closed|timed out|could not serialize|deadlock detected/i;

export function isBusyError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; message?: unknown; meta?: unknown };
  if (e.code === "P1008" || e.code === "P2034" || e.code === "P2028") return true;
  const text = `${typeof e.message === "string" ? e.message : ""} ${JSON.stringify(e.meta ?? "")}`;
  return RETRYABLE.test(text);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WriteTransactionOptions {
  /** attempts when SQLite stays busy (another process holding the write lock for long) */
  attempts?: number;
}

/**
 * A transaction that holds SQLite's write lock from its first statement to its commit, queued behind other
 * such transactions of this process and retried when the database stays busy. `fn` must not throw for
 * ordinary outcomes (return them instead): a rollback would also discard writes that other code issued on
 * the same connection meanwhile.
 */
export function withWriteTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: WriteTransactionOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8;
  const dialect = dialectOf(db);
  const run = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.$transaction(
          async (tx) => {
            // SQLite: a write first makes this BEGIN behave like BEGIN IMMEDIATE; PostgreSQL: an advisory lock.
            await tx.$executeRawUnsafe(dialect.writeLock);
            return fn(tx);
          },
          { maxWait: 10_000, timeout: 20_000 },
        );
      } catch (error) {
        if (attempt >= attempts || !isBusyError(error)) throw error;
        await sleep(Math.min(2000, 25 * 2 ** attempt) + Math.floor(Math.random() * 25));
      }
    }
  };
  return dialect.provider === "sqlite" ? serialised(run) : run();
}
