/**
 * Failure injection: one-shot faults for the next matching calls, a Telegram-like flood limiter and
 * seeded random server errors.
 */
import type { FaultSpec, RateLimitConfig } from "./types.js";

/** Deterministic PRNG (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ArmedFault {
  spec: FaultSpec;
  method?: string;
  remaining: number;
}

/** Methods a fault without `method` never hits: the polling loop would swallow it at random. */
const UNTARGETED_EXEMPT = new Set(["getupdates"]);

export class FaultQueue {
  private armed: ArmedFault[] = [];

  add(spec: FaultSpec): void {
    const count = spec.count ?? 1;
    if (!(count > 0)) return;
    this.armed.push({ spec, method: spec.method?.toLowerCase(), remaining: count });
  }

  /** Returns (and consumes one use of) the first fault matching this call. */
  take(methodLower: string, chatId: number | undefined): FaultSpec | undefined {
    if (this.armed.length === 0) return undefined;
    for (let i = 0; i < this.armed.length; i++) {
      const f = this.armed[i] as ArmedFault;
      if (f.method !== undefined ? f.method !== methodLower : UNTARGETED_EXEMPT.has(methodLower)) continue;
      if (f.spec.chatId !== undefined && f.spec.chatId !== chatId) continue;
      f.remaining -= 1;
      if (f.remaining <= 0) this.armed.splice(i, 1);
      return f.spec;
    }
    return undefined;
  }

  pending(): FaultSpec[] {
    return this.armed.map((f) => ({ ...f.spec, count: f.remaining }));
  }

  clear(): void {
    this.armed = [];
  }
}

/** Timestamps of the last `limit` events, in a ring: O(1) per check. */
class Window {
  readonly limit: number;
  private readonly times: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(limit: number) {
    this.limit = Math.max(1, Math.floor(limit));
    this.times = new Float64Array(this.limit);
  }

  /** Milliseconds until one more event fits into a 1-second sliding window (0 = now). */
  waitMs(now: number): number {
    if (this.filled < this.limit) return 0;
    const oldest = this.times[this.next] as number;
    return Math.max(0, oldest + 1000 - now);
  }

  record(now: number): void {
    this.times[this.next] = now;
    this.next = (this.next + 1) % this.limit;
    if (this.filled < this.limit) this.filled++;
  }
}

/**
 * Sliding 1-second windows over successful sends, globally and per chat. `check` says how many
 * seconds the caller must wait (Telegram's `retry_after`) or 0 when the send may go ahead.
 */
export class RateLimiter {
  private global: Window | undefined;
  private readonly perChat = new Map<number, Window>();

  constructor(private config: RateLimitConfig) {
    this.global = config.global && config.global > 0 ? new Window(config.global) : undefined;
  }

  get settings(): RateLimitConfig {
    return { ...this.config };
  }

  /** Seconds to wait (integer ≥ 1) if this send would exceed a limit, else 0. */
  check(chatId: number | undefined, now: number, sends = 1): number {
    let waitMs = 0;
    if (this.global) waitMs = Math.max(waitMs, this.global.waitMs(now));
    if (chatId !== undefined && this.config.perChat && this.config.perChat > 0) {
      const w = this.perChat.get(chatId);
      if (w) waitMs = Math.max(waitMs, w.waitMs(now));
    }
    if (sends > 1 && waitMs === 0 && this.global && this.global.limit < sends) waitMs = 1000;
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }

  record(chatId: number | undefined, now: number, sends = 1): void {
    for (let i = 0; i < sends; i++) {
      this.global?.record(now);
      if (chatId !== undefined && this.config.perChat && this.config.perChat > 0) {
        let w = this.perChat.get(chatId);
        if (!w) {
          w = new Window(this.config.perChat);
          this.perChat.set(chatId, w);
        }
        w.record(now);
      }
    }
  }
}
