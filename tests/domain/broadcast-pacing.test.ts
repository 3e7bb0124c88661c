// The pure parts of the broadcast engine: error classification, the limiters, schedule times.
import { describe, expect, it } from "vitest";
import { classifySendError } from "../../src/domain/broadcast/errors.js";
import { PerChatLimiter, RateLimiter, SlidingWindowLimiter } from "../../src/domain/broadcast/rate.js";
import { formatScheduleTime, parseScheduleTime } from "../../src/domain/broadcast/schedule.js";
import { ClockOffset } from "../../src/domain/broadcast/shared-rate.js";

const apiError = (error_code: number, description: string, parameters: Record<string, unknown> = {}) => ({ error_code, description, parameters });

describe("classifySendError", () => {
  it("reads GrammyError-like answers", () => {
    expect(classifySendError(apiError(429, "Too Many Requests: retry after 7", { retry_after: 7 }))).toMatchObject({ kind: "rate_limited", retryAfterMs: 7000 });
    expect(classifySendError(apiError(429, "Too Many Requests: retry after 3"))).toMatchObject({ kind: "rate_limited", retryAfterMs: 3000 });
    expect(classifySendError(apiError(403, "Forbidden: bot was blocked by the user"))).toMatchObject({ kind: "blocked" });
    expect(classifySendError(apiError(403, "Forbidden: user is deactivated"))).toMatchObject({ kind: "blocked" });
    expect(classifySendError(apiError(403, "Forbidden: bot can't initiate conversation with a user"))).toMatchObject({ kind: "blocked" });
    expect(classifySendError(apiError(403, "Forbidden: not enough rights"))).toMatchObject({ kind: "failed" });
    expect(classifySendError(apiError(400, "Bad Request: chat not found"))).toMatchObject({ kind: "failed", reason: "400: Bad Request: chat not found" });
    expect(classifySendError(apiError(500, "Internal Server Error"))).toMatchObject({ kind: "retry" });
    expect(classifySendError(apiError(502, "Bad Gateway"))).toMatchObject({ kind: "retry" });
  });

  it("treats anything without an error_code as a network error to retry", () => {
    expect(classifySendError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).toMatchObject({
      kind: "retry",
      reason: "network: socket hang up",
    });
    expect(classifySendError("weird")).toMatchObject({ kind: "retry" });
    expect(classifySendError(undefined)).toMatchObject({ kind: "retry" });
  });
});

describe("limiters", () => {
  it("the sliding window allows `limit` sends per (stretched) window and no more", () => {
    const w = SlidingWindowLimiter.perSecond(30, 0.03);
    if (!w) throw new Error("expected a limiter");
    let t = 0;
    const sent: number[] = [];
    while (sent.length < 95) {
      const wait = w.waitMs(t);
      if (wait > 0) t += wait;
      else {
        w.take(t);
        sent.push(t);
        t += 1;
      }
    }
    for (let i = 30; i < sent.length; i++) expect((sent[i] ?? 0) - (sent[i - 30] ?? 0)).toBeGreaterThanOrEqual(1030 - 1e-9);
    expect(SlidingWindowLimiter.perSecond(Infinity, 0.03)).toBeNull();
  });

  it("widens after a 429 and holds everything until the pause ends", () => {
    const w = SlidingWindowLimiter.perSecond(30, 0.03);
    if (!w) throw new Error("expected a limiter");
    w.widen(0.02);
    expect(w.extraMargin).toBeCloseTo(0.02);
    expect(w.windowMs).toBeCloseTo(1030 * 1.02);
    w.holdUntil(5000);
    expect(w.waitMs(1000)).toBe(4000);
    expect(w.waitMs(5000)).toBe(0);
  });

  it("the spacer keeps a steady pace and forgives a little lateness", () => {
    const r = new RateLimiter(10, 0.5);
    expect(r.waitMs(0)).toBe(0);
    r.take(0);
    expect(r.waitMs(0)).toBe(50);
    r.take(60); // late by 10 ms: the next one may come 90 ms later, not 100
    expect(r.waitMs(60)).toBe(90);
    expect(new RateLimiter(Infinity).unlimited).toBe(true);
  });

  it("one chat gets at most one message per second", () => {
    const c = new PerChatLimiter(1);
    expect(c.readyAt(5n)).toBe(0);
    c.take(5n, 100);
    expect(c.readyAt(5n)).toBe(1100);
    expect(c.readyAt(6n)).toBe(0);
  });
});

describe("the shared pace's clock offset", () => {
  it("trusts the fastest recent round trip, not a slow one's midpoint", () => {
    const clock = new ClockOffset();
    // the database's clock runs 1,000,000 ms ahead; a fast round trip read it 0.5 ms after sending
    expect(clock.observe(1_000_100.5, 100, 101)).toBe(1_000_000);
    // a reservation that waited 60 ms for the row lock read the clock near the end of its round trip:
    // its midpoint would put the slots 29 ms off; the fast sample's estimate stays
    expect(clock.observe(1_000_259, 200, 260)).toBe(1_000_000);
    // a faster sample replaces it
    expect(clock.observe(1_000_300.25, 300, 300.5)).toBe(1_000_000);
  });

  it("forgets old samples, so it follows a clock that was adjusted", () => {
    const clock = new ClockOffset();
    clock.observe(1_000_100.5, 100, 101);
    // the database's clock was stepped 50 ms back; 32 slower readings later the old fast one is gone
    let estimate = 0;
    for (let i = 0; i < 32; i++) estimate = clock.observe(999_050 + 1000 + i * 10 + 1, 1000 + i * 10, 1000 + i * 10 + 2);
    expect(estimate).toBe(999_050);
  });
});

describe("schedule times", () => {
  const now = new Date("2026-12-01T00:00:00Z");
  it("reads WIB by default, and WITA / WIT when written", () => {
    expect(parseScheduleTime("25-12-2026 09:00", now)).toEqual({ ok: true, at: new Date("2026-12-25T02:00:00Z"), zone: "WIB" });
    expect(parseScheduleTime("25/12/2026 09.00 wita", now)).toEqual({ ok: true, at: new Date("2026-12-25T01:00:00Z"), zone: "WITA" });
    expect(parseScheduleTime("2026-12-25 09:00 WIT", now)).toEqual({ ok: true, at: new Date("2026-12-25T00:00:00Z"), zone: "WIT" });
    expect(parseScheduleTime("5-1-2027 pukul 7.30", now)).toEqual({ ok: true, at: new Date("2027-01-05T00:30:00Z"), zone: "WIB" });
  });

  it("refuses bad, past and far-away times", () => {
    expect(parseScheduleTime("besok pagi", now)).toEqual({ ok: false, reason: "format" });
    expect(parseScheduleTime("31-02-2026 10:00", now)).toEqual({ ok: false, reason: "format" });
    expect(parseScheduleTime("01-12-2026 24:00", now)).toEqual({ ok: false, reason: "format" });
    expect(parseScheduleTime("01-12-2026 07:00", now)).toEqual({ ok: false, reason: "past" });
    expect(parseScheduleTime("01-12-2027 10:00", now)).toEqual({ ok: false, reason: "too-far" });
  });

  it("formats in Indonesian and English with the zone", () => {
    const at = new Date("2026-12-25T02:00:00Z");
    expect(formatScheduleTime(at, "id")).toContain("25 Desember 2026");
    expect(formatScheduleTime(at, "id")).toMatch(/09\.00 WIB$/);
    expect(formatScheduleTime(at, "en", "WITA")).toMatch(/10:00 WITA$/);
  });
});
