// The webhook inbox at database level, on both databases: dedup by update_id, strict per-chat order with two
// processors (separate clients, as two instances would be), lease takeover, bounded retries.
import os from "node:os";
import { afterEach, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db.js";
import { claimUpdates, COMPLETE_GROUP, completeUpdates, inboxCounts, storeUpdate, type RawUpdate } from "../../src/cluster/inbox.js";
import { InboxProcessor } from "../../src/cluster/inbox-processor.js";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/db.js";

let t: TestDatabase | undefined;
const extra: Db[] = [];
const processors: InboxProcessor[] = [];
afterEach(async () => {
  await Promise.all(processors.splice(0).map((p) => p.stop()));
  await Promise.all(extra.splice(0).map((db) => db.$disconnect()));
  await t?.close();
  t = undefined;
});

const message = (updateId: number, chatId: number): RawUpdate => ({
  update_id: updateId,
  message: { message_id: updateId, date: 0, chat: { id: chatId, type: "private" }, from: { id: chatId, is_bot: false, first_name: "A" }, text: `m${updateId}` },
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(20);
  }
}

describeEachProvider("webhook inbox", (provider) => {
  it("stores an update once: a redelivery is recognised (also by another client, i.e. after a restart)", async () => {
    t = await createTestDatabase(provider);
    expect(await storeUpdate(t.db, message(10, 1))).toBe(true);
    expect(await storeUpdate(t.db, message(10, 1))).toBe(false);
    const other = await openDatabase(t.url);
    extra.push(other);
    expect(await storeUpdate(other, message(10, 1))).toBe(false);
    expect(await inboxCounts(t.db)).toMatchObject({ pending: 1 });
    // a done update is still recognised
    const [claimed] = await claimUpdates(t.db, "a", 10, 30_000);
    expect(claimed?.updateId).toBe(10);
    expect(await storeUpdate(other, message(10, 1))).toBe(false);
  });

  it("claims only the oldest unfinished update of each chat", async () => {
    t = await createTestDatabase(provider);
    for (const [id, chat] of [[1, 100], [2, 100], [3, 200], [4, 100], [5, 300]] as const) await storeUpdate(t.db, message(id, chat));
    const first = await claimUpdates(t.db, "a", 10, 30_000);
    expect(first.map((u) => u.updateId)).toEqual([1, 3, 5]);
    // chat 100 is in progress: nothing more of it, whoever asks
    expect(await claimUpdates(t.db, "b", 10, 30_000)).toEqual([]);
  });

  it("two processors on separate connections: every update once, per chat one at a time in update_id order", async () => {
    t = await createTestDatabase(provider);
    const chats = 25;
    const perChat = 12;
    let id = 1000;
    for (let round = 0; round < perChat; round++) for (let c = 0; c < chats; c++) await storeUpdate(t.db, message(id++, 5000 + c));
    const log: { chat: number; id: number; start: number; end: number; by: string }[] = [];
    const busy = new Set<number>();
    let overlaps = 0;
    const make = (db: Db, owner: string) =>
      new InboxProcessor({
        db,
        owner,
        concurrency: 8,
        pollMs: 10,
        handle: async (update) => {
          const chat = (update.message as { chat: { id: number } }).chat.id;
          if (busy.has(chat)) overlaps++;
          busy.add(chat);
          const start = performance.now();
          await sleep(Math.random() * 6);
          busy.delete(chat);
          log.push({ chat, id: update.update_id, start, end: performance.now(), by: owner });
        },
      });
    // separate clients on PostgreSQL, as two instances; SQLite is a single-instance database (and
    // better-sqlite3 is synchronous: two clients in one process would block each other's lock waits)
    const second = provider === "postgresql" ? await openDatabase(t.url) : t.db;
    if (second !== t.db) extra.push(second);
    const a = make(t.db, "instance-a");
    const b = make(second, "instance-b");
    processors.push(a, b);
    await Promise.all([a.start(), b.start()]);
    await waitFor(() => log.length >= chats * perChat, 60_000);
    await sleep(100);
    expect(log.length).toBe(chats * perChat);
    expect(new Set(log.map((e) => e.id)).size).toBe(chats * perChat);
    expect(overlaps).toBe(0);
    for (let c = 0; c < chats; c++) {
      const mine = log.filter((e) => e.chat === 5000 + c);
      const ids = mine.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
    }
    // both instances took part
    expect(log.some((e) => e.by === "instance-a") && log.some((e) => e.by === "instance-b")).toBe(true);
    await waitFor(async () => (await inboxCounts(t!.db)).done === chats * perChat);
  }, 90_000);

  it("completes a list of updates in groups, only those the instance still holds", async () => {
    t = await createTestDatabase(provider);
    const n = COMPLETE_GROUP + 5;
    for (let i = 0; i < n; i++) await storeUpdate(t.db, message(2000 + i, 7000 + i));
    await storeUpdate(t.db, message(3000, 9000));
    expect(await claimUpdates(t.db, "a", n, 30_000)).toHaveLength(n);
    expect(await claimUpdates(t.db, "b", 10, 30_000)).toHaveLength(1);
    const ids = Array.from({ length: n }, (_, i) => 2000 + i);
    // more than one statement's group, and an update another instance holds
    expect(await completeUpdates(t.db, [...ids, 3000], "a")).toBe(n);
    expect(await inboxCounts(t.db)).toMatchObject({ done: n, processing: 1 });
    expect(await completeUpdates(t.db, ids, "a")).toBe(0);
  });

  it("updates that finish together are marked done together, each once handled", async () => {
    t = await createTestDatabase(provider);
    const n = 30;
    for (let i = 0; i < n; i++) await storeUpdate(t.db, message(4000 + i, 8000 + i));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const processor = new InboxProcessor({
      db: t.db,
      owner: "instance-a",
      concurrency: n,
      pollMs: 10,
      handle: async () => {
        started++;
        await gate;
      },
    });
    processors.push(processor);
    await processor.start();
    await waitFor(() => started === n);
    release();
    await waitFor(async () => (await inboxCounts(t!.db)).done === n);
    expect(processor.metrics.handled).toBe(n);
    // the first finished update goes alone; those finishing while it is on its way follow in one group
    expect(processor.metrics.completions).toBeGreaterThanOrEqual(1);
    expect(processor.metrics.completions).toBeLessThanOrEqual(3);
  });

  it("takes over the updates of an instance that died once its lease expired, still in order", async () => {
    t = await createTestDatabase(provider);
    await storeUpdate(t.db, message(1, 7));
    await storeUpdate(t.db, message(2, 7));
    // the dead instance claimed update 1 and never finished it
    expect((await claimUpdates(t.db, "dead", 10, 400)).map((u) => u.updateId)).toEqual([1]);
    const handled: number[] = [];
    const live = new InboxProcessor({ db: t.db, owner: "live", leaseMs: 300, pollMs: 10, handle: async (u) => void handled.push(u.update_id) });
    processors.push(live);
    await live.start();
    await sleep(150);
    expect(handled).toEqual([]);
    await waitFor(() => handled.length === 2, 10_000);
    expect(handled).toEqual([1, 2]);
    expect(live.metrics.recovered).toBeGreaterThanOrEqual(1);
  });

  it("retries a failing update a bounded number of times, then parks it with the error and goes on with the chat", async () => {
    t = await createTestDatabase(provider);
    await storeUpdate(t.db, message(1, 9));
    await storeUpdate(t.db, message(2, 9));
    const seen: number[] = [];
    const p = new InboxProcessor({
      db: t.db,
      owner: "x",
      pollMs: 10,
      retry: { maxAttempts: 3, baseDelayMs: 20 },
      handle: async (u) => {
        seen.push(u.update_id);
        if (u.update_id === 1) throw new Error("boom");
      },
    });
    processors.push(p);
    await p.start();
    await waitFor(() => seen.includes(2), 10_000);
    expect(seen).toEqual([1, 1, 1, 2]);
    const parked = await t.db.inboxUpdate.findUniqueOrThrow({ where: { updateId: 1n } });
    expect(parked).toMatchObject({ status: "failed", attempts: 3 });
    expect(parked.lastError).toContain("boom");
  });

  it("a restart with the same INSTANCE_ID takes its own unfinished claims back at once", async () => {
    t = await createTestDatabase(provider);
    await storeUpdate(t.db, message(1, 3));
    await claimUpdates(t.db, `${os.hostname()}-pod-1`, 10, 600_000);
    const handled: number[] = [];
    const p = new InboxProcessor({ db: t.db, owner: `${os.hostname()}-pod-1`, pollMs: 10, handle: async (u) => void handled.push(u.update_id) });
    processors.push(p);
    await p.start();
    await waitFor(() => handled.length === 1, 5_000);
  });
});
