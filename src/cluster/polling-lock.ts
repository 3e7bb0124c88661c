// Long polling is single-instance: Telegram answers a second getUpdates on the same token with 409
// Conflict, and two pollers would take turns losing updates' order. The polling instance holds the lease
// "polling:<bot id>" in the database (SQLite or PostgreSQL alike), renewed every ttl/3; a second
// instance refuses to start with a clear message instead of fighting over getUpdates.
import type { Db } from "../db.js";
import { isDeadLocalOwner } from "./instance.js";
import { acquireLease, leaseHolder, releaseLease } from "./lease.js";

export const POLLING_LEASE_TTL_MS = 15_000;

export class PollingConflictError extends Error {
  constructor(readonly holder: string) {
    super(
      `another instance (${holder}) is already polling Telegram with this bot token. Only one instance may use ` +
        `BOT_MODE=polling per bot: stop the other one first, or run several instances with BOT_MODE=webhook.`,
    );
    this.name = "PollingConflictError";
  }
}

export interface PollingLock {
  /** stops renewing and gives the lease up */
  release(): Promise<void>;
}

export interface PollingLockOptions {
  ttlMs?: number;
  /** called when renewing fails because another instance took the lease (the caller should stop) */
  onLost?: (holder: string) => void;
  onError?: (error: unknown) => void;
  sleep?: (ms: number) => Promise<void>;
}

export function pollingLeaseName(botToken: string): string {
  return `polling:${botToken.split(":")[0] ?? "bot"}`;
}

/**
 * Takes the polling lease, or throws PollingConflictError when a live instance holds it. A holder that is
 * gone is recognised without waiting when it ran on this machine (its pid no longer exists); otherwise its
 * lease is watched for up to one ttl: renewed meanwhile means alive (refuse), expired means dead (take it).
 */
export async function acquirePollingLock(db: Db, name: string, owner: string, options: PollingLockOptions = {}): Promise<PollingLock> {
  const ttlMs = options.ttlMs ?? POLLING_LEASE_TTL_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let acquired = await acquireLease(db, name, owner, ttlMs);
  if (!acquired) {
    const first = await leaseHolder(db, name);
    if (first && isDeadLocalOwner(first.owner)) acquired = await acquireLease(db, name, owner, ttlMs, Date.now(), first.owner);
    const deadline = Date.now() + ttlMs + 1000;
    while (!acquired) {
      const holder = await leaseHolder(db, name);
      if (first && holder && holder.owner === first.owner && holder.expiresAt.getTime() > first.expiresAt.getTime()) throw new PollingConflictError(holder.owner);
      if (holder && holder.owner !== first?.owner) throw new PollingConflictError(holder.owner);
      acquired = await acquireLease(db, name, owner, ttlMs);
      if (acquired) break;
      if (Date.now() > deadline) throw new PollingConflictError(holder?.owner ?? "unknown");
      await sleep(Math.min(1000, ttlMs / 5));
    }
  }
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    acquireLease(db, name, owner, ttlMs)
      .then(async (ok) => {
        if (!ok && !stopped) options.onLost?.((await leaseHolder(db, name))?.owner ?? "unknown");
      })
      .catch((error: unknown) => options.onError?.(error));
  }, ttlMs / 3);
  timer.unref();
  return {
    async release() {
      stopped = true;
      clearInterval(timer);
      await releaseLease(db, name, owner).catch(() => undefined);
    },
  };
}
