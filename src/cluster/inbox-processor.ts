// Processes the webhook inbox (./inbox.ts) in this instance: claims what is claimable, hands each update to
// the bot, records done or failed. Every instance of a cluster runs one; they share the work through the
// table. Throughput comes from many chats at once (up to `concurrency` updates in flight); order within a
// chat comes from the claim.
import type { Db } from "../db.js";
import {
  claimUpdates,
  completeUpdates,
  DEFAULT_RETRY,
  failUpdate,
  purgeDone,
  recoverExpired,
  releaseClaims,
  renewLeases,
  type ClaimedUpdate,
  type RawUpdate,
  type RetryPolicy,
} from "./inbox.js";

export interface InboxLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface InboxProcessorOptions {
  db: Db;
  owner: string;
  /** handles one update; a rejection counts as a failed attempt */
  handle: (update: RawUpdate) => Promise<void>;
  /** updates in flight at once in this instance (default 100) */
  concurrency?: number;
  /** how long a claim holds without renewal (default 30 s); renewed every third of it */
  leaseMs?: number;
  /** how often to look for work other instances stored (default 100 ms; local stores wake it at once) */
  pollMs?: number;
  retry?: Partial<RetryPolicy>;
  /** how long stop() waits for updates in flight before giving their claims back (default 25 s) */
  drainMs?: number;
  logger?: InboxLogger;
}

export class InboxProcessor {
  /** `completions`: completing statements' rounds (handled updates that finished together share one) */
  readonly metrics = { handled: 0, failed: 0, parked: 0, recovered: 0, claims: 0, completions: 0 };
  private readonly db: Db;
  private readonly owner: string;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly retry: RetryPolicy;
  private readonly drainMs: number;
  private readonly inflight = new Map<number, Promise<void>>();
  private stopping = false;
  private loopDone: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private maintenance: NodeJS.Timeout | null = null;
  private lastPurge = 0;
  /** handled updates waiting for the completing statement in flight to return (see complete) */
  private finished: { updateId: number; settle: (error?: unknown) => void }[] = [];
  private completing = false;

  constructor(private readonly options: InboxProcessorOptions) {
    this.db = options.db;
    this.owner = options.owner;
    this.concurrency = Math.max(1, options.concurrency ?? 100);
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 100;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.drainMs = options.drainMs ?? 25_000;
  }

  get inFlight(): number {
    return this.inflight.size;
  }

  /** Takes back this instance's own stale claims (a restart with the same INSTANCE_ID), then starts. */
  async start(): Promise<void> {
    this.metrics.recovered += await recoverExpired(this.db, this.retry, Date.now(), this.owner);
    this.loopDone = this.loop();
    this.maintenance = setInterval(() => void this.maintain(), Math.max(50, this.leaseMs / 3));
    this.maintenance.unref();
  }

  /** Something was stored (or finished): look for work now. */
  notify(): void {
    this.wake?.();
  }

  /** Stops claiming, waits for the updates in flight (up to drainMs), gives back what did not finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.notify();
    await this.loopDone;
    const pending = [...this.inflight.values()];
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(pending), new Promise<void>((resolve) => (timer = setTimeout(resolve, this.drainMs)))]);
    if (timer) clearTimeout(timer);
    if (this.maintenance) clearInterval(this.maintenance);
    if (this.inflight.size > 0) {
      const ids = [...this.inflight.keys()];
      const released = await releaseClaims(this.db, this.owner, ids).catch(() => 0);
      this.options.logger?.warn({ released, ids }, "inbox: updates still running at shutdown were given back");
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const room = this.concurrency - this.inflight.size;
      let claimed: ClaimedUpdate[] = [];
      if (room > 0) {
        try {
          claimed = await claimUpdates(this.db, this.owner, Math.min(room, 50), this.leaseMs);
          this.metrics.claims++;
        } catch (error) {
          this.options.logger?.error({ err: error }, "inbox: claim failed");
          await this.sleep(1000);
          continue;
        }
      }
      for (const update of claimed) this.run(update);
      // a full batch: there may be more right away; otherwise wait for a store, a completion or the poll
      if (claimed.length === 0 || claimed.length >= room) await this.sleep(this.pollMs);
    }
  }

  private run(update: ClaimedUpdate): void {
    const work = (async () => {
      try {
        await this.options.handle(JSON.parse(update.payload) as RawUpdate);
        await this.complete(update.updateId);
        this.metrics.handled++;
      } catch (error) {
        this.metrics.failed++;
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        const outcome = await failUpdate(this.db, update, this.owner, message, this.retry).catch(() => "lost" as const);
        if (outcome === "parked") this.metrics.parked++;
        this.options.logger?.[outcome === "parked" ? "error" : "warn"]({ err: error, update_id: update.updateId, attempts: update.attempts, outcome }, "inbox: update failed");
      }
    })().finally(() => {
      this.inflight.delete(update.updateId);
      this.notify();
    });
    this.inflight.set(update.updateId, work);
  }

  /**
   * Marks a handled update done. While one completing statement is on its way, the updates that finish
   * meanwhile wait and go together in the next (group commit): under load the pool's connections were
   * mostly carrying these one-row UPDATEs, one round trip each, and alone nothing waits.
   */
  private complete(updateId: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.finished.push({ updateId, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.completing) void this.completeFinished();
    });
  }

  private async completeFinished(): Promise<void> {
    this.completing = true;
    while (this.finished.length > 0) {
      const group = this.finished.splice(0);
      this.metrics.completions++;
      try {
        await completeUpdates(this.db, group.map((f) => f.updateId), this.owner);
        for (const f of group) f.settle();
      } catch (error) {
        for (const f of group) f.settle(error ?? new Error("completing failed"));
      }
    }
    this.completing = false;
  }

  private async maintain(): Promise<void> {
    try {
      const now = Date.now();
      if (this.inflight.size > 0) await renewLeases(this.db, this.owner, this.leaseMs, now);
      const recovered = await recoverExpired(this.db, this.retry, now);
      if (recovered > 0) {
        this.metrics.recovered += recovered;
        this.options.logger?.warn({ recovered }, "inbox: claims of an instance that stopped answering were taken over");
        this.notify();
      }
      if (now - this.lastPurge > 10 * 60 * 1000) {
        this.lastPurge = now;
        await purgeDone(this.db, now);
      }
    } catch (error) {
      this.options.logger?.warn({ err: error }, "inbox: maintenance failed");
    }
  }
}
