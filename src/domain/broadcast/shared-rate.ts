// The cluster-wide broadcast pace. One row of "RateBucket" holds the next free send slot (GCRA's
// theoretical arrival time, in the DATABASE's clock, epoch ms). A worker reserves a few consecutive slots
// with one atomic UPDATE … RETURNING (the row lock orders concurrent reservations on PostgreSQL; SQLite
// has one writer), then sends each row at its slot. Slots are `interval` apart whoever reserved them, so
// the cluster as a whole never exceeds the rate in any one-second window, however many instances send.
// A 429 moves the next free slot past retry_after: the pause is shared. Slots are converted to this
// process's monotonic clock through the database's own "now", so instances' clocks need not agree.
//
// That conversion is where instances used to disagree: the database's "now" lies somewhere between
// sending the statement and reading its answer, and on a busy machine that gap (a row-lock wait, a pool
// queue, an event loop late to read the answer) reaches tens of milliseconds, so each instance placed the
// same slots at a different local time and sends from several instances crowded one second. The clocks'
// difference barely moves, so it is learnt as NTP does: from the fastest of the recent round trips, where
// the uncertainty is half that round trip (a millisecond or less), and used for every reservation.
import type { Db } from "../../db.js";
import { dialectOf, executeRaw, queryRaw } from "../../db-dialect.js";

const monotonic = () => performance.now();

/** round trips remembered for the clock offset: enough to hold a fast one, few enough to follow a clock slew */
const OFFSET_SAMPLES = 32;

/**
 * The database clock minus this process's monotonic clock, estimated from the round trip with the
 * smallest duration among the last OFFSET_SAMPLES (its midpoint is then closest to when the database read
 * its clock).
 */
export class ClockOffset {
  private readonly samples: { offset: number; roundTrip: number }[] = [];

  /** Records one reading `dbNow` taken between local times `before` and `after`; returns the current estimate. */
  observe(dbNow: number, before: number, after: number): number {
    this.samples.push({ offset: dbNow - (before + after) / 2, roundTrip: after - before });
    if (this.samples.length > OFFSET_SAMPLES) this.samples.shift();
    let best = { offset: 0, roundTrip: Infinity };
    for (const sample of this.samples) if (sample.roundTrip < best.roundTrip) best = sample;
    return best.offset;
  }
}

export interface Reservation {
  /** monotonic times (this process) of the reserved slots, in order */
  slots: number[];
  /** when nothing was reserved: how long to wait before asking again */
  retryInMs: number;
}

export class SharedRateBucket {
  private intervalMs: number;
  private readonly baseIntervalMs: number;
  private ready = false;
  private readonly clock = new ClockOffset();

  /**
   * @param perSecond sends per second for the whole cluster
   * @param margin slots are this much further apart than 1/perSecond (0.03 = 3 %), so jitter on the way to
   *   Telegram does not put one more send into its one-second window
   * @param horizonMs never reserve a slot further ahead than this (an instance must not hoard slots)
   */
  constructor(
    private readonly db: Db,
    readonly name: string,
    readonly perSecond: number,
    margin: number,
    private readonly horizonMs = 250,
  ) {
    this.baseIntervalMs = (1000 / perSecond) * (1 + margin);
    this.intervalMs = this.baseIntervalMs;
  }

  get interval(): number {
    return this.intervalMs;
  }

  /** Stretches the spacing by `extra` (0.02 = 2 %) after a 429 despite the pacing. */
  widen(extra: number): void {
    this.intervalMs = this.baseIntervalMs * (1 + Math.max(0, extra));
  }

  get extraMargin(): number {
    return this.intervalMs / this.baseIntervalMs - 1;
  }

  private async ensureRow(): Promise<void> {
    if (this.ready) return;
    const d = dialectOf(this.db);
    await executeRaw(this.db, d.insertIgnoring(`INSERT INTO "RateBucket" ("name", "tat") VALUES (?, 0)`), this.name);
    this.ready = true;
  }

  /** Reserves up to `n` consecutive slots (fewer never: all or none), unless the next free one is beyond the horizon. */
  async reserve(n: number): Promise<Reservation> {
    await this.ensureRow();
    const d = dialectOf(this.db);
    const span = n * this.intervalMs;
    const before = monotonic();
    const rows = await queryRaw<{ tat: number | string; now: number | string }[]>(
      this.db,
      `UPDATE "RateBucket" SET "tat" = ${d.greatest(`"tat"`, d.nowMs)} + ? WHERE "name" = ? AND "tat" < ${d.nowMs} + ? RETURNING "tat", ${d.nowMs} AS "now"`,
      span,
      this.name,
      this.horizonMs,
    );
    const after = monotonic();
    const row = rows[0];
    if (!row) {
      const [state] = await queryRaw<{ tat: number | string; now: number | string }[]>(this.db, `SELECT "tat", ${d.nowMs} AS "now" FROM "RateBucket" WHERE "name" = ?`, this.name);
      const ahead = state ? Number(state.tat) - Number(state.now) - this.horizonMs : this.intervalMs;
      return { slots: [], retryInMs: Math.max(1, Math.min(1000, ahead)) };
    }
    const offset = this.clock.observe(Number(row.now), before, after);
    const first = Number(row.tat) - span - offset;
    const slots: number[] = [];
    for (let i = 0; i < n; i++) slots.push(first + i * this.intervalMs);
    return { slots, retryInMs: 0 };
  }

  /** Nobody in the cluster sends before `ms` from now (a 429's retry_after). */
  async pause(ms: number): Promise<void> {
    await this.ensureRow();
    const d = dialectOf(this.db);
    await executeRaw(this.db, `UPDATE "RateBucket" SET "tat" = ${d.greatest(`"tat"`, `${d.nowMs} + ?`)} WHERE "name" = ?`, ms, this.name);
  }
}
