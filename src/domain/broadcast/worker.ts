// The delivery engine. It takes recipient rows from the durable queue and sends them through an injected
// `send` function (the bot layer wraps grammY's api; the domain does not import grammY).
//
// Durability. Every row goes pending → sending → sent | failed | blocked | skipped (or back to pending for
// a retry), and each transition is written to the database: "sending" BEFORE the API call (rows are claimed in
// batches with one UPDATE … RETURNING) and the result AFTER it (results are written in batched
// transactions). A crash can therefore only repeat messages whose row was still "sending": the worker
// never holds more than MAX_SENDING_ROWS rows in that state, which is the bound on duplicates after a
// crash. Rows confirmed "sent" are never sent again. On start, rows left "sending" by a crash go back to
// "pending" and the broadcasts still "running" simply continue.
//
// Pacing. A GCRA limiter spaces sends to `rate.global` per second overall (Telegram: ~30/s) and a
// per-chat limiter keeps one chat to `rate.perChat` per second. A 429 pauses ALL sending for retry_after
// and returns the row to the queue without using up an attempt. 5xx and network errors are retried with
// exponential backoff (nextAttemptAt) up to `retry.maxAttempts`; 403 blocked/deactivated marks the row
// "blocked" and sets User.blockedAt; 400 (chat not found, …) fails the row.
//
// Several workers on one database (a cluster): each claimed row records its worker (instanceId) and a lease
// the worker renews; a worker recovers at start only rows whose lease expired (or its own, same
// instanceId), and keeps recovering expired ones periodically, so a live instance's rows are never reset
// by another's start-up while a dead one's come back. With sharedRate the pace is one slot row in the
// database shared by all workers (shared-rate.ts), so the cluster as a whole stays at rate.global.
// exclusive (the default, one worker per database): start() puts every "sending" row back.
//
// Seams: this file is the send loop (claims, pacing, dispatch, buffering results); results.ts writes the
// results, housekeeping.ts holds the state-transition queries, progress.ts measures rate and ETA.
import type { Db } from "../../db.js";
import { classifySendError, type SendFailure } from "./errors.js";
import { activeBroadcasts, advanceBroadcasts, claimRows, recoverSending, runningBroadcasts, upkeepClaims } from "./housekeeping.js";
import { ProgressReporter, type BroadcastProgress } from "./progress.js";
import { loadBroadcastMessage, type BroadcastMessage } from "./queue.js";
import { PerChatLimiter, RateLimiter, SlidingWindowLimiter } from "./rate.js";
import { tally, writeResults, type ClaimedRow, type Outcome, type Result, type RetryPolicy } from "./results.js";
import { simulateCrash } from "./testing-seam.js";
import { SharedRateBucket } from "./shared-rate.js";

import { ADAPT_MAX, ADAPT_RELAX_AFTER, ADAPT_STEP, CLAIM_BATCH, FLUSH_BATCH, FLUSH_INTERVAL_MS, MAX_CONCURRENT_SENDS, MAX_SENDING_ROWS, RATE_MARGIN, SHARED_RATE_MARGIN } from "./worker-config.js";
import type { BroadcastWorkerOptions, SendFn, WorkerLogger, WorkerMetrics } from "./worker-config.js";

export * from "./worker-config.js";
export type { BroadcastProgress } from "./progress.js";
export type { RetryPolicy } from "./results.js";

const monotonic = () => performance.now();

/** A shared slot reached later than this is given up (see RATE_MARGIN: 3 % of a second is 30 ms). */
const SLOT_LATE_MS = 20;

export class BroadcastWorker {
  readonly maxSendingRows: number;
  readonly metrics: WorkerMetrics = {
    sendCalls: 0,
    sent: 0,
    failed: 0,
    blocked: 0,
    retried: 0,
    rateLimited: 0,
    skipped: 0,
    maxSendingObserved: 0,
    recovered: 0,
    slotsMissed: 0,
  };

  private readonly db: Db;
  private readonly sendFn: SendFn;
  private readonly clock: { now(): number };
  private readonly logger: WorkerLogger | undefined;
  private readonly global: SlidingWindowLimiter | null;
  private readonly spacer: RateLimiter;
  private readonly perChat: PerChatLimiter;
  private readonly retry: RetryPolicy;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly options: BroadcastWorkerOptions;
  private readonly owner: string;
  private readonly exclusive: boolean;
  private readonly claimLeaseMs: number;
  private readonly bucket: SharedRateBucket | null;
  /** shared slots reserved and not used yet (monotonic times) */
  private slots: number[] = [];
  private lastLeaseWork = 0;

  private queue: ClaimedRow[] = [];
  private inflight = 0;
  private results: Result[] = [];
  private flushing = 0;
  private flushPromise: Promise<void> | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private pauseUntil = 0;
  /** sends since the last 429, for the adaptive window */
  private sendsSince429 = 0;
  private running = new Set<number>();
  private runningReadAt = Number.NEGATIVE_INFINITY;
  private runningStale = true;
  private messages = new Map<number, Omit<BroadcastMessage, "language">>();
  private readonly reporter: ProgressReporter;

  private started: Promise<void> | null = null;
  private stopping = false;
  private crashed = false;
  private pumpDone: Promise<void> | null = null;
  private houseDone: Promise<void> | null = null;
  private wakePump: (() => void) | null = null;
  private wakeHouse: (() => void) | null = null;
  private inflightDrained: (() => void) | null = null;

  constructor(options: BroadcastWorkerOptions) {
    this.options = options;
    this.db = options.db;
    this.sendFn = options.send;
    this.clock = options.clock ?? { now: () => Date.now() };
    this.logger = options.logger;
    const rate = options.rate ?? { global: 30, perChat: 1 };
    this.owner = options.instanceId ?? "";
    this.exclusive = options.exclusive ?? true;
    this.claimLeaseMs = options.claimLeaseMs ?? 60_000;
    const shared = options.sharedRate === true && rate.global > 0 && Number.isFinite(rate.global);
    this.bucket = shared ? new SharedRateBucket(options.db, "broadcast", rate.global, SHARED_RATE_MARGIN) : null;
    // with the shared bucket the database paces the whole cluster; this process's own limiter stays out
    this.global = shared ? null : SlidingWindowLimiter.perSecond(rate.global, RATE_MARGIN);
    // spread sends over the window instead of firing 30 at once: at most twice the rate in the short term,
    // with room for a burst of 5 so a process that was descheduled for a moment catches up at once
    this.spacer = new RateLimiter(shared ? Infinity : rate.global * 2, 4);
    this.perChat = new PerChatLimiter(rate.perChat);
    this.retry = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000, ...options.retry };
    this.maxSendingRows = Math.max(1, options.maxSendingRows ?? MAX_SENDING_ROWS);
    this.concurrency = Math.max(1, Math.min(options.concurrency ?? MAX_CONCURRENT_SENDS, this.maxSendingRows));
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.reporter = new ProgressReporter(this.db, this.clock, this.logger, options, options.instanceId ?? "");
  }

  /** Rows this worker holds in state "sending" right now. */
  get sendingRows(): number {
    return this.queue.length + this.inflight + this.results.length + this.flushing;
  }

  /** Puts rows left "sending" by a crash back in the queue, then starts sending. Resolves once recovery is done. */
  start(): Promise<void> {
    if (!this.started) {
      this.started = (async () => {
        const recovered = await recoverSending(this.db, this.clock.now(), this.exclusive ? { all: true } : { all: false, owner: this.owner });
        this.metrics.recovered = recovered;
        if (recovered > 0) this.logger?.warn({ recovered }, "broadcast: rows left in flight by a crash are queued again");
        if (this.stopping) return;
        this.pumpDone = this.pump();
        this.houseDone = this.housekeeping();
      })();
    }
    return this.started;
  }

  /** Wakes the worker now (after creating, resuming, pausing or cancelling a broadcast in this process). */
  notify(): void {
    this.runningStale = true;
    this.wakePump?.();
    this.wakeHouse?.();
  }

  /** Graceful stop: no new sends; waits for the ones on the wire, records them and returns unsent claims to the queue. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.notify();
    if (this.started) await this.started.catch(() => undefined);
    await this.pumpDone;
    await this.houseDone;
    if (this.inflight > 0) await new Promise<void>((resolve) => (this.inflightDrained = resolve));
    for (const row of this.queue.splice(0)) this.results.push({ row, outcome: { kind: "release", notBefore: null } });
    for (let i = 0; i < 5 && (this.results.length > 0 || this.flushPromise); i++) {
      await this.flush().catch((error: unknown) => this.logger?.error({ err: error }, "broadcast: final flush failed"));
    }
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }

  /**
   * Test seam (reached through crashWorker in ./testing-seam.ts, not part of the worker's API): behaves like
   * kill -9 from the database's point of view. Nothing more is written (answers still arriving are
   * dropped), so rows claimed or sent-but-unrecorded stay "sending".
   */
  async [simulateCrash](): Promise<void> {
    this.crashed = true;
    this.stopping = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.notify();
    if (this.started) await this.started.catch(() => undefined);
    await this.pumpDone;
    await this.houseDone;
    await this.flushPromise?.catch(() => undefined);
  }

  // ---------------------------------------------------------------------------------------------------
  // sending loop

  private sleep(ms: number, which: "pump" | "house"): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      if (which === "pump") this.wakePump = done;
      else this.wakeHouse = done;
    });
  }

  private async pump(): Promise<void> {
    while (!this.stopping) {
      try {
        const now = monotonic();
        if (this.pauseUntil > now) {
          await this.sleep(this.pauseUntil - now, "pump");
          continue;
        }
        // after notify() (a pause or cancel in this process) the claimed rows are checked before any send
        if (this.runningStale) await this.runningIds();
        if (this.queue.length < CLAIM_BATCH / 2) {
          // claim in batches of a useful size: a claim costs about the same for 1 row as for 32
          const room = this.maxSendingRows - this.sendingRows;
          if (room >= Math.min(CLAIM_BATCH / 2, this.maxSendingRows) || (room > 0 && this.queue.length === 0)) {
            await this.claim(Math.min(CLAIM_BATCH, room));
          }
          if (this.stopping) break;
        }
        if (this.queue.length === 0) {
          // nothing claimable: either everything is in flight (a completion wakes us) or nothing is due yet
          await this.sleep(this.sendingRows > 0 ? 1000 : this.pollIntervalMs, "pump");
          continue;
        }
        if (this.inflight >= this.concurrency) {
          await this.sleep(1000, "pump");
          continue;
        }
        const tNow = monotonic();
        let wait = Math.max(this.global?.waitMs(tNow) ?? 0, this.spacer.waitMs(tNow));
        if (this.bucket) {
          if (this.slots.length === 0) {
            const reservation = await this.bucket.reserve(Math.max(1, Math.min(this.queue.length, Math.ceil(this.bucket.perSecond / 10))));
            this.slots = reservation.slots;
            if (this.slots.length === 0) await this.sleep(reservation.retryInMs, "pump");
            continue;
          }
          const slot = this.slots[0] ?? tNow;
          // a slot reached too late is given up: sending it now could crowd the next second's window
          if (tNow - slot > SLOT_LATE_MS) {
            this.slots.shift();
            this.metrics.slotsMissed++;
            continue;
          }
          wait = Math.max(wait, slot - tNow);
        }
        if (wait > 0) {
          await this.sleep(wait, "pump");
          continue;
        }
        const row = this.queue.shift();
        if (!row) continue;
        if (!this.running.has(row.broadcastId)) {
          // paused or cancelled since it was claimed
          this.record(row, { kind: "release", notBefore: null });
          continue;
        }
        const t = monotonic();
        const readyAt = this.perChat.readyAt(row.telegramId);
        if (readyAt > t) {
          this.record(row, { kind: "release", notBefore: this.clock.now() + (readyAt - t), reason: "per-chat limit" });
          continue;
        }
        this.global?.take(t);
        const pacer = this.global ?? this.bucket;
        if (pacer && ++this.sendsSince429 >= ADAPT_RELAX_AFTER && pacer.extraMargin > 0) {
          this.sendsSince429 = 0;
          pacer.widen(pacer.extraMargin - ADAPT_STEP / 2);
        }
        this.spacer.take(t);
        if (this.bucket) this.slots.shift();
        this.perChat.take(row.telegramId, t);
        this.dispatch(row);
      } catch (error) {
        this.logger?.error({ err: error }, "broadcast: sending loop error");
        await this.sleep(1000, "pump");
      }
    }
  }

  /** Claimed rows of broadcasts that were paused or cancelled meanwhile go back to "pending" unsent. */
  private purgeQueue(): void {
    if (this.queue.every((row) => this.running.has(row.broadcastId))) return;
    const keep: ClaimedRow[] = [];
    for (const row of this.queue) {
      if (this.running.has(row.broadcastId)) keep.push(row);
      else this.record(row, { kind: "release", notBefore: null });
    }
    this.queue = keep;
  }

  /** The running broadcasts, oldest first (re-read at most every 200 ms, or at once after notify()). */
  private async runningIds(): Promise<number[]> {
    if (this.runningStale || monotonic() - this.runningReadAt > 200) {
      this.running = new Set(await runningBroadcasts(this.db));
      this.runningReadAt = monotonic();
      this.runningStale = false;
      this.purgeQueue();
    }
    return [...this.running].sort((a, b) => a - b);
  }

  /** Claims up to `limit` due rows of running broadcasts, oldest broadcast first (see claimRows). */
  private async claim(limit: number): Promise<number> {
    const claimed: ClaimedRow[] = [];
    for (const broadcastId of await this.runningIds()) {
      if (claimed.length >= limit || this.stopping) break;
      if (!this.messages.has(broadcastId)) {
        const message = await loadBroadcastMessage(this.db, broadcastId);
        if (!message) continue;
        this.messages.set(broadcastId, message);
      }
      const rows = await claimRows(this.db, broadcastId, limit - claimed.length, this.clock.now(), { owner: this.owner, leaseMs: this.claimLeaseMs });
      rows.sort((a, b) => Number(a.id) - Number(b.id));
      for (const r of rows) {
        const row: ClaimedRow = {
          id: Number(r.id),
          broadcastId,
          telegramId: BigInt(r.telegramId),
          attempts: Number(r.attempts),
          language: "id",
        };
        claimed.push(row);
        if (this.crashed) continue;
        const state = r.userState;
        if (state === null) this.record(row, { kind: "skipped", reason: "no user (data erased)" });
        else if (state === "!optout") this.record(row, { kind: "skipped", reason: "opted out" });
        else if (state === "!blocked") this.record(row, { kind: "blocked", reason: "blocked before sending", noCall: true });
        else {
          row.language = state;
          this.queue.push(row);
        }
      }
    }
    this.metrics.maxSendingObserved = Math.max(this.metrics.maxSendingObserved, this.sendingRows);
    return claimed.length;
  }

  private dispatch(row: ClaimedRow): void {
    const message = this.messages.get(row.broadcastId);
    if (!message) {
      this.record(row, { kind: "release", notBefore: null });
      return;
    }
    this.inflight++;
    this.metrics.sendCalls++;
    let promise: Promise<{ message_id: number }>;
    try {
      promise = this.sendFn(row.telegramId, { ...message, language: row.language });
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (answer) => this.complete(row, { kind: "sent", messageId: answer.message_id }),
      (error: unknown) => this.complete(row, this.outcomeOf(row, classifySendError(error))),
    );
  }

  private outcomeOf(row: ClaimedRow, failure: SendFailure): Outcome {
    switch (failure.kind) {
      case "rate_limited": {
        const until = monotonic() + failure.retryAfterMs;
        if (until > this.pauseUntil) {
          const firstOfBurst = this.sendsSince429 > 0;
          this.pauseUntil = until;
          this.global?.holdUntil(until);
          if (this.global && this.sendsSince429 > 0) {
            // once per burst of 429s: the ones answered to requests already on the wire do not count again
            this.global.widen(Math.min(ADAPT_MAX, this.global.extraMargin + ADAPT_STEP));
          }
          this.sendsSince429 = 0;
          this.spacer.holdUntil(until);
          if (this.bucket) {
            // the whole cluster pauses: the next free shared slot moves past retry_after
            this.slots = [];
            if (firstOfBurst) this.bucket.widen(Math.min(ADAPT_MAX, this.bucket.extraMargin + ADAPT_STEP));
            void this.bucket.pause(failure.retryAfterMs).catch((error: unknown) => this.logger?.warn({ err: error }, "broadcast: shared pause not recorded"));
          }
          this.logger?.warn({ retryAfterMs: failure.retryAfterMs }, "broadcast: 429, all sending paused");
        }
        this.metrics.rateLimited++;
        return { kind: "release", notBefore: null, reason: failure.reason };
      }
      case "blocked":
        return { kind: "blocked", reason: failure.reason };
      case "failed":
        return { kind: "failed", reason: failure.reason };
      case "retry": {
        if (row.attempts + 1 >= this.retry.maxAttempts) return { kind: "failed", reason: failure.reason };
        return { kind: "retry", reason: failure.reason };
      }
    }
  }

  private complete(row: ClaimedRow, outcome: Outcome): void {
    this.inflight--;
    if (this.inflight === 0) this.inflightDrained?.();
    if (this.crashed) return;
    this.record(row, outcome);
    this.wakePump?.();
  }

  /** Buffers a result; it is written with the next flush (the row stays "sending" until then). */
  private record(row: ClaimedRow, outcome: Outcome): void {
    if (this.crashed) return;
    this.results.push({ row, outcome });
    if (this.results.length >= FLUSH_BATCH) void this.flush().catch(() => undefined);
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = null;
        void this.flush().catch(() => undefined);
      }, FLUSH_INTERVAL_MS);
    }
  }

  /** Writes buffered results in one transaction. One flush runs at a time. */
  private async flush(): Promise<void> {
    while (this.flushPromise) await this.flushPromise.catch(() => undefined);
    if (this.crashed || this.results.length === 0) return;
    const batch = this.results.splice(0);
    this.flushing = batch.length;
    this.flushPromise = writeResults(this.db, batch, this.clock.now(), this.retry, this.owner)
      .then(() => tally(this.metrics, batch))
      .catch((error: unknown) => {
        // keep them: they are retried with the next flush (the rows are still "sending" in the database)
        this.results.unshift(...batch);
        this.logger?.error({ err: error, rows: batch.length }, "broadcast: recording results failed");
        if (!this.flushTimer && !this.crashed) {
          this.flushTimer = setTimeout(() => {
            this.flushTimer = null;
            void this.flush().catch(() => undefined);
          }, 500);
        }
        throw error;
      })
      .finally(() => {
        this.flushing = 0;
        this.flushPromise = null;
        this.wakePump?.();
      });
    return this.flushPromise;
  }

  // ---------------------------------------------------------------------------------------------------
  // housekeeping: scheduled → running, running → done, progress, final reports

  private async housekeeping(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.tick();
      } catch (error) {
        this.logger?.error({ err: error }, "broadcast: housekeeping error");
      }
      if (this.stopping) break;
      await this.sleep(Math.min(250, this.pollIntervalMs), "house");
    }
  }

  private async tick(): Promise<void> {
    const nowMs = this.clock.now();
    if (monotonic() - this.lastLeaseWork >= this.claimLeaseMs / 4) {
      // keep this worker's claims alive; take back rows of workers whose claims expired (they died)
      this.lastLeaseWork = monotonic();
      const recovered = await upkeepClaims(this.db, { owner: this.owner, leaseMs: this.claimLeaseMs, renew: this.sendingRows > 0, recoverOthers: !this.exclusive }, nowMs);
      if (recovered > 0) {
        this.metrics.recovered += recovered;
        this.logger?.warn({ recovered }, "broadcast: rows of a worker that stopped answering are queued again");
        this.notify();
      }
    }
    const broadcasts = await activeBroadcasts(this.db, nowMs);
    const promoted = await advanceBroadcasts(this.db, broadcasts, nowMs, this.logger);

    const active = broadcasts.filter((b) => b.status === "running" || b.status === "paused");
    const nowRunning = new Set(active.filter((b) => b.status === "running").map((b) => Number(b.id)));
    const appeared = [...nowRunning].some((id) => !this.running.has(id));
    this.running = nowRunning;
    this.runningReadAt = monotonic();
    this.purgeQueue();
    if (appeared || promoted > 0) this.notify();

    await this.reporter.periodic(
      active.map((b) => b.id),
      nowMs,
    );
    await this.reporter.finalReports({
      stopping: () => this.stopping,
      crashed: () => this.crashed,
      forget: (id) => this.messages.delete(id),
    });
  }

  /** Stats plus the recent rate and an ETA. */
  progress(id: number): Promise<BroadcastProgress | null> {
    return this.reporter.measure(id);
  }
}
