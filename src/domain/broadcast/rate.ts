// Pacing. Telegram (and the emulator) count successful sends in a sliding one-second window. The global
// limiter mirrors that: at most `limit` sends in any window of `windowMs` (a little over a second, so that
// network jitter does not push the 31st message into the server's window). A send that starts late only
// delays the send `limit` places after it, not every later one (as "sleep 1/rate after each send" or a
// strict token bucket would), so the long-run rate stays at the limit even on a busy machine. A GCRA
// ("virtual scheduling") spacer on top spreads each second's sends out instead of firing them in one burst.

/** At most `limit` events in any sliding window of `windowMs`. */
export class SlidingWindowLimiter {
  private readonly times: Float64Array;
  private next = 0;
  private filled = 0;
  private holdUntilMs = Number.NEGATIVE_INFINITY;
  private readonly baseWindowMs: number;
  windowMs: number;

  constructor(
    readonly limit: number,
    windowMs: number,
  ) {
    this.times = new Float64Array(Math.max(1, Math.floor(limit)));
    this.baseWindowMs = windowMs;
    this.windowMs = windowMs;
  }

  /**
   * The limiter for "perSecond sends per second", with the window stretched by `margin` (0.03 = 3 %).
   * Infinity or 0 gives null (no limit).
   */
  static perSecond(perSecond: number, margin: number): SlidingWindowLimiter | null {
    if (!(perSecond > 0) || !Number.isFinite(perSecond)) return null;
    const limit = Math.max(1, Math.floor(perSecond));
    return new SlidingWindowLimiter(limit, ((1000 * limit) / perSecond) * (1 + margin));
  }

  /** The extra stretch (on top of the initial margin) currently applied, e.g. 0.02. */
  get extraMargin(): number {
    return this.windowMs / this.baseWindowMs - 1;
  }

  /** Stretches the window further (after a 429 despite the pacing: the network is jittery). */
  widen(extra: number): void {
    this.windowMs = this.baseWindowMs * (1 + Math.max(0, extra));
  }

  waitMs(now: number): number {
    let wait = Math.max(0, this.holdUntilMs - now);
    if (this.filled >= this.times.length) wait = Math.max(wait, (this.times[this.next] ?? 0) + this.windowMs - now);
    return wait;
  }

  take(now: number): void {
    this.times[this.next] = now;
    this.next = (this.next + 1) % this.times.length;
    if (this.filled < this.times.length) this.filled++;
  }

  /** Nothing may be sent before `until` (a 429 pause). */
  holdUntil(until: number): void {
    this.holdUntilMs = Math.max(this.holdUntilMs, until);
  }
}

export class RateLimiter {
  private readonly interval: number;
  private readonly tolerance: number;
  /** theoretical arrival time of the next send, in monotonic ms */
  private tat = Number.NEGATIVE_INFINITY;

  /**
   * @param perSecond sends per second; Infinity = no limit
   * @param toleranceFraction how early (as a fraction of one interval) a send may go to absorb timer lateness
   */
  constructor(perSecond: number, toleranceFraction = 0.3) {
    this.interval = perSecond > 0 && Number.isFinite(perSecond) ? 1000 / perSecond : 0;
    this.tolerance = this.interval * toleranceFraction;
  }

  get unlimited(): boolean {
    return this.interval === 0;
  }

  /** ms to wait before a send is allowed (0 = now). */
  waitMs(now: number): number {
    if (this.interval === 0) return 0;
    return Math.max(0, this.tat - this.tolerance - now);
  }

  /** Records a send at `now` (call only when waitMs(now) is 0). */
  take(now: number): void {
    if (this.interval === 0) return;
    this.tat = Math.max(this.tat, now) + this.interval;
  }

  /** Nothing may be sent before `until` (a 429 pause); no burst is allowed after it either. */
  holdUntil(until: number): void {
    if (this.interval === 0) return;
    this.tat = Math.max(this.tat, until + this.tolerance);
  }
}

/** At most `perSecond` sends to one chat (Telegram: about one message per second per chat). */
export class PerChatLimiter {
  private readonly interval: number;
  private readonly last = new Map<string, number>();

  constructor(perSecond: number) {
    this.interval = perSecond > 0 && Number.isFinite(perSecond) ? 1000 / perSecond : 0;
  }

  /** Monotonic time at which this chat may get its next message. */
  readyAt(chatId: bigint): number {
    if (this.interval === 0) return 0;
    const last = this.last.get(chatId.toString());
    return last === undefined ? 0 : last + this.interval;
  }

  take(chatId: bigint, now: number): void {
    if (this.interval === 0) return;
    this.last.set(chatId.toString(), now);
    if (this.last.size > 20_000) this.prune(now);
  }

  private prune(now: number): void {
    for (const [key, at] of this.last) if (at + this.interval <= now) this.last.delete(key);
  }
}
