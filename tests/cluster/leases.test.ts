// Leases on both databases: the polling lease refuses a second polling instance, is taken over from a
// dead holder; the shared broadcast pace holds across two workers' clients.
import os from "node:os";
import { afterEach, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db.js";
import { acquireLease, leaseHolder } from "../../src/cluster/lease.js";
import { acquirePollingLock, PollingConflictError, type PollingLock } from "../../src/cluster/polling-lock.js";
import { SharedRateBucket } from "../../src/domain/broadcast/shared-rate.js";
import { SHARED_RATE_MARGIN } from "../../src/domain/broadcast/worker-config.js";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/db.js";

let t: TestDatabase | undefined;
const extra: Db[] = [];
const locks: PollingLock[] = [];
afterEach(async () => {
  await Promise.all(locks.splice(0).map((l) => l.release()));
  await Promise.all(extra.splice(0).map((db) => db.$disconnect()));
  await t?.close();
  t = undefined;
});

/** Another instance's client (on SQLite the same one: a single-instance database, and better-sqlite3 is synchronous). */
async function second(url: string): Promise<Db> {
  if (!url.startsWith("postgres")) return t!.db;
  const db = await openDatabase(url);
  extra.push(db);
  return db;
}

describeEachProvider("leases", (provider) => {
  it("a lease has one owner until it expires", async () => {
    t = await createTestDatabase(provider);
    const now = Date.now();
    expect(await acquireLease(t.db, "x", "a", 1000, now)).toBe(true);
    expect(await acquireLease(t.db, "x", "b", 1000, now + 10)).toBe(false);
    expect(await acquireLease(t.db, "x", "a", 1000, now + 20)).toBe(true);
    expect(await acquireLease(t.db, "x", "b", 1000, now + 1500)).toBe(true);
    expect((await leaseHolder(t.db, "x"))?.owner).toBe("b");
  });

  it("a second polling instance refuses to start with a clear message while the first runs; it starts once the first stopped", async () => {
    t = await createTestDatabase(provider);
    const other = await second(t.url);
    const first = await acquirePollingLock(t.db, "polling:123", "host-a:1", { ttlMs: 900 });
    locks.push(first);
    const started = performance.now();
    const refused = await acquirePollingLock(other, "polling:123", "host-b:2", { ttlMs: 900 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(PollingConflictError);
    expect(String((refused as Error).message)).toMatch(/another instance \(host-a:1\) is already polling.*BOT_MODE=webhook/);
    // refused as soon as the holder renewed: well within two lease periods
    expect(performance.now() - started).toBeLessThan(2500);
    await first.release();
    locks.push(await acquirePollingLock(other, "polling:123", "host-b:2", { ttlMs: 900 }));
  });

  it("takes the polling lease over at once from a process of this machine that no longer exists", async () => {
    t = await createTestDatabase(provider);
    // a pid that does not exist: the lease of a killed process that still had a minute to run
    expect(await acquireLease(t.db, "polling:123", `${os.hostname()}:4194300`, 60_000)).toBe(true);
    const started = performance.now();
    locks.push(await acquirePollingLock(t.db, "polling:123", `${os.hostname()}:${process.pid}`));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("takes the polling lease over from a holder on another machine once it stopped renewing", async () => {
    t = await createTestDatabase(provider);
    expect(await acquireLease(t.db, "polling:123", "elsewhere:1", 600)).toBe(true);
    locks.push(await acquirePollingLock(t.db, "polling:123", "here:2", { ttlMs: 600 }));
    expect((await leaseHolder(t.db, "polling:123"))?.owner).toBe("here:2");
  });

  it("the shared broadcast pace: two clients reserving at once never get more than the rate in any one-second window", async () => {
    t = await createTestDatabase(provider);
    const other = await second(t.url);
    const rate = 30;
    // the margin the worker uses (3 % was measured too little for several schedulers, see worker-config.ts)
    const buckets = [new SharedRateBucket(t.db, "b", rate, SHARED_RATE_MARGIN), new SharedRateBucket(other, "b", rate, SHARED_RATE_MARGIN)];
    const slots: number[] = [];
    const until = performance.now() + 3000;
    await Promise.all(
      buckets.map(async (bucket) => {
        while (performance.now() < until) {
          const r = await bucket.reserve(3);
          slots.push(...r.slots);
          await new Promise((resolve) => setTimeout(resolve, r.slots.length > 0 ? Math.max(1, (r.slots.at(-1) ?? 0) - performance.now()) : r.retryInMs));
        }
      }),
    );
    slots.sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0, j = 0; i < slots.length; i++) {
      while ((slots[i] ?? 0) - (slots[j] ?? 0) >= 1000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    // spacing comes from the database's one row, whichever client reserved; a few ms of conversion error allowed
    expect(busiest).toBeLessThanOrEqual(rate);
    expect(slots.length).toBeGreaterThanOrEqual(rate * 2.5);
    // a shared pause moves everybody's next slot
    await buckets[0]?.pause(1500);
    const after = await buckets[1]?.reserve(1);
    expect(after?.slots.length).toBe(0);
    expect(after?.retryInMs).toBeGreaterThanOrEqual(1000);
  });
});
