// Progress of a running broadcast as the admin sees it: the counts per state plus the recent rate and an ETA.
import type { Db } from "../../db.js";
import { unreportedFinished } from "./housekeeping.js";
import { acquireLease } from "../../cluster/lease.js";
import { getBroadcastStats, type BroadcastStats } from "./queue.js";

export interface BroadcastProgress extends BroadcastStats {
  /** messages per second over the last ~10 s (0 when unknown) */
  ratePerSecond: number;
  /** seconds until done at the current rate, null when unknown */
  etaSeconds: number | null;
  /** when this progress was measured */
  at: Date;
}

const monotonic = () => performance.now();

export interface ProgressCallbacks {
  /** called every progressIntervalMs for each running or paused broadcast */
  onProgress?: (progress: BroadcastProgress) => void | Promise<void>;
  /** called once when a broadcast is done or cancelled (again after a crash if it was interrupted) */
  onFinished?: (progress: BroadcastProgress) => void | Promise<void>;
  progressIntervalMs?: number;
}

interface ReporterLogger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The worker's side of progress: periodic progress callbacks and the final report of each broadcast. */
export class ProgressReporter {
  private readonly tracker: ProgressTracker;
  private readonly intervalMs: number;
  private lastAt = new Map<number, number>();
  private busy = new Set<number>();
  private finishing = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly clock: { now(): number },
    private readonly logger: ReporterLogger | undefined,
    private readonly callbacks: ProgressCallbacks,
    /** this worker's name: in a cluster one worker at a time edits progress messages and sends a final report */
    private readonly owner = "",
  ) {
    this.tracker = new ProgressTracker(db, clock);
    this.intervalMs = callbacks.progressIntervalMs ?? 3000;
  }

  measure(id: number): Promise<BroadcastProgress | null> {
    return this.tracker.measure(id);
  }

  /** Progress callbacks for active broadcasts whose interval has passed (never two at once for one broadcast). */
  async periodic(active: number[], nowMs: number): Promise<void> {
    const onProgress = this.callbacks.onProgress;
    if (!onProgress) return;
    const due = active.filter((id) => nowMs - (this.lastAt.get(id) ?? 0) >= this.intervalMs && !this.busy.has(id));
    if (due.length === 0) return;
    // several workers (a cluster): only the holder of this lease edits the progress messages
    if (!(await acquireLease(this.db, "broadcast-progress", this.owner, this.intervalMs * 3, nowMs))) {
      for (const id of due) this.lastAt.set(id, nowMs);
      return;
    }
    for (const id of active) {
      const last = this.lastAt.get(id) ?? 0;
      if (nowMs - last < this.intervalMs || this.busy.has(id)) continue;
      this.lastAt.set(id, nowMs);
      const progress = await this.measure(id);
      if (!progress) continue;
      this.busy.add(id);
      void Promise.resolve()
        .then(() => onProgress(progress))
        .catch((error: unknown) => this.logger?.warn({ err: error, broadcastId: id }, "broadcast: progress callback failed"))
        .finally(() => this.busy.delete(id));
    }
  }

  /** Final reports: done or cancelled, not yet reported, nothing of theirs still on the wire. */
  async finalReports(worker: { stopping(): boolean; crashed(): boolean; forget(id: number): void }): Promise<void> {
    for (const id of await unreportedFinished(this.db)) {
      if (this.finishing.has(id) || worker.stopping()) continue;
      // one worker of a cluster sends the final report (another takes over if it dies before recording it)
      if (!(await acquireLease(this.db, `broadcast-report:${id}`, this.owner, 10 * 60 * 1000, this.clock.now()))) continue;
      this.finishing.add(id);
      try {
        const progress = await this.measure(id);
        if (progress && this.callbacks.onFinished) {
          try {
            await this.callbacks.onFinished(progress);
          } catch (error) {
            this.logger?.error({ err: error, broadcastId: id }, "broadcast: final report failed");
          }
        }
        if (worker.crashed()) return;
        await this.db.broadcast.update({ where: { id }, data: { finishedAt: progress?.at ?? new Date(this.clock.now()) } });
        this.tracker.forget(id);
        this.lastAt.delete(id);
        worker.forget(id);
      } finally {
        this.finishing.delete(id);
      }
    }
  }
}

/** Keeps (time, rows processed) samples per broadcast, for the rate shown in the progress message. */
export class ProgressTracker {
  private samples = new Map<number, { t: number; sent: number }[]>();

  constructor(
    private readonly db: Db,
    private readonly clock: { now(): number },
  ) {}

  /** Stats plus the recent rate and an ETA. */
  async measure(id: number): Promise<BroadcastProgress | null> {
    const stats = await getBroadcastStats(this.db, id);
    if (!stats) return null;
    const t = monotonic();
    // the rate is measured while running only: a pause starts a new series
    let list = this.samples.get(id) ?? [];
    if (stats.status !== "running") list = [];
    list.push({ t, sent: stats.sent + stats.failed + stats.blocked + stats.skipped });
    while (list.length > 2 && t - (list[1]?.t ?? t) >= 10_000) list.shift();
    this.samples.set(id, list);
    const first = list[0];
    const last = list[list.length - 1];
    let ratePerSecond = 0;
    if (first && last && last.t - first.t >= 500) ratePerSecond = ((last.sent - first.sent) * 1000) / (last.t - first.t);
    const etaSeconds =
      stats.remaining === 0 ? 0 : ratePerSecond > 0 && stats.status === "running" ? Math.ceil(stats.remaining / ratePerSecond) : null;
    return { ...stats, ratePerSecond, etaSeconds, at: new Date(this.clock.now()) };
  }

  forget(id: number): void {
    this.samples.delete(id);
  }
}
