import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { hotSessionStorage } from "../../src/bot/index.js";
import { runStatement } from "../../src/db-dialect.js";
import { dbDateParam, HOT_SQL, hotStoreOf, parseDbDate, type TransactionWork } from "../../src/hot-store.js";
import type { DatabaseProvider } from "../../src/db-url.js";
import { createMemoryDatabase, createTestDatabase, describeEachProvider, type TestDatabase } from "../support/db.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A test database of this provider, or an in-memory SQLite one ("memory"), with its hot store. */
async function open(provider?: DatabaseProvider | "memory") {
  t = provider === "memory" ? await createMemoryDatabase() : await createTestDatabase(provider);
  return { db: t.db, hot: hotStoreOf(t.db), file: t.file };
}

describeEachProvider("hot-path store (prepared statements next to Prisma)", (provider) => sameAsPrisma(provider));

// the in-memory database's store runs the same statements through Prisma's raw query: the same rows come back
describe("hot-path store on an in-memory SQLite database", () => sameAsPrisma("memory"));

function sameAsPrisma(provider: DatabaseProvider | "memory"): void {
  it("reads what Prisma wrote and Prisma reads what it wrote (sessions)", async () => {
    const { db, hot } = await open(provider);
    await db.session.create({ data: { key: "1", value: JSON.stringify({ lang: "en" }) } });
    expect(await hot.readSession("1")).toBe('{"lang":"en"}');
    await hot.writeSession("2", '{"lang":"id"}');
    await hot.writeSession("2", '{"lang":"en"}');
    const row = await db.session.findUnique({ where: { key: "2" } });
    expect(row?.value).toBe('{"lang":"en"}');
    expect(row?.updatedAt).toBeInstanceOf(Date);
    expect(Math.abs((row?.updatedAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    await hot.deleteSession("2");
    await hot.deleteSession("never-there");
    expect(await hot.readSession("2")).toBeUndefined();
  });

  it("returns the user row exactly as Prisma does, 64-bit ids and dates included", async () => {
    const { db, hot } = await open(provider);
    const big = 9_007_199_254_740_993n;
    await db.user.create({ data: { telegramId: big, firstName: "Siti", role: "alumni", province: "15", consentAt: new Date("2026-11-02T03:04:05.678Z"), consentVersion: "2026-11" } });
    expect(await hot.findUser(big)).toEqual(await db.user.findUnique({ where: { telegramId: big } }));
    await db.user.update({ where: { telegramId: big }, data: { blockedAt: new Date("2026-12-01T23:59:59.001Z"), optedOutAt: new Date("2027-01-01T00:00:00.000Z") } });
    const row = await hot.findUser(big);
    expect(row).toEqual(await db.user.findUnique({ where: { telegramId: big } }));
    expect(row?.blockedAt?.toISOString()).toBe("2026-12-01T23:59:59.001Z");
    expect(await hot.findUser(42n)).toBeNull();
  });

  it("sees admins and organisers added and removed through Prisma at once (nothing cached)", async () => {
    const { db, hot } = await open(provider);
    expect(await hot.staffRows(7n)).toEqual({ national: false, provinces: [] });
    await db.admin.create({ data: { telegramId: 7n, addedBy: 1n } });
    expect(await hot.staffRows(7n)).toEqual({ national: true, provinces: [] });
    await db.admin.delete({ where: { telegramId: 7n } });
    expect(await hot.staffRows(7n)).toEqual({ national: false, provinces: [] });
    await db.organiser.create({ data: { telegramId: 8n, addedBy: 1n, provinces: { create: [{ province: "75" }, { province: "15" }] } } });
    expect(await hot.staffRows(8n)).toEqual({ national: false, provinces: ["15", "75"] });
    await db.organiser.delete({ where: { telegramId: 8n } });
    expect(await hot.staffRows(8n)).toEqual({ national: false, provinces: [] });
  });

  it("reads events, seats and the upcoming list exactly as the Prisma queries do", async () => {
    const { db, hot } = await open(provider);
    const now = new Date("2027-03-01T00:00:00.000Z");
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
    const make = (title: string, province: string, days: number, extra: object = {}) =>
      db.event.create({ data: { title, province, city: "Kota", venueName: "Balai", address: "Jl. 1", startsAt: at(days), endsAt: new Date(at(days).getTime() + 3_600_000), timeZone: "Asia/Jakarta", capacity: 10, status: "published", ...extra } });
    const jambi2 = await make("Jambi kedua", "15", 5, { createdBy: 9_007_199_254_740_993n, latitude: -1.61, longitude: 103.61, rsvpDeadline: at(4), isExample: true });
    const jambi1 = await make("Jambi pertama", "15", 3);
    const other = await make("Gorontalo", "75", 1);
    await make("Sudah lewat", "15", -2);
    await make("Draf", "15", 2, { status: "draft" });
    const user = await db.user.create({ data: { telegramId: 55n } });
    const user2 = await db.user.create({ data: { telegramId: 56n } });
    await db.registration.create({ data: { eventId: jambi2.id, userId: user.id, status: "confirmed", companions: 2, checkInToken: "t1" } });
    await db.registration.create({ data: { eventId: jambi2.id, userId: user2.id, status: "waitlisted", checkInToken: "t2" } });

    expect(await hot.findEvent(jambi2.id)).toEqual(await db.event.findUnique({ where: { id: jambi2.id } }));
    expect(await hot.findEvent(999_999)).toBeNull();
    expect(await hot.findRegistration(jambi2.id, user.id)).toEqual(await db.registration.findUnique({ where: { eventId_userId: { eventId: jambi2.id, userId: user.id } } }));
    expect(await hot.findRegistration(jambi1.id, user.id)).toBeNull();
    expect(await hot.takenSeats([jambi2.id, jambi1.id])).toEqual(new Map([[jambi2.id, 3]]));
    expect(await hot.countUpcoming("15", now)).toEqual({ total: 3, inProvince: 2 });
    expect(await hot.countUpcoming(null, now)).toEqual({ total: 3, inProvince: 0 });
    const ids = async (province: string | null, offset: number, limit: number) => (await hot.upcomingEvents({ province, now, offset, limit })).map((e) => e.id);
    expect(await ids("15", 0, 10)).toEqual([jambi1.id, jambi2.id, other.id]);
    expect(await ids("15", 1, 1)).toEqual([jambi2.id]);
    expect(await ids(null, 0, 10)).toEqual([other.id, jambi1.id, jambi2.id]);
    expect((await hot.upcomingEvents({ province: "15", now, offset: 0, limit: 10 }))[1]).toEqual(await db.event.findUnique({ where: { id: jambi2.id } }));

    const chatId = -1_001_234_567_890_123n;
    await db.announcementChat.create({ data: { chatId, title: "Alumni Jambi", type: "supergroup", provinces: "15", addedBy: 9_007_199_254_740_993n } });
    for (const messageId of [7, 3]) await db.announcementPost.create({ data: { chatId, messageId, eventId: jambi2.id, postedBy: 9_007_199_254_740_993n, renderedHash: `h${messageId}` } });
    const posts = await hot.postsOfEvent(jambi2.id);
    expect(posts.map((p) => p.messageId)).toEqual([7, 3]);
    expect(posts).toEqual(await db.announcementPost.findMany({ where: { eventId: jambi2.id }, orderBy: { id: "asc" } }));
    expect(await hot.postsOfEvent(jambi1.id)).toEqual([]);
  });

  it("runs a statement handed a transaction's client inside that transaction, and refuses that client a hot store", async () => {
    const { db } = await open(provider);
    await expect(
      db.$transaction(async (tx) => {
        await tx.session.create({ data: { key: "tx", value: "{}" } });
        expect(await runStatement(tx, HOT_SQL.readSession, ["tx"])).toEqual([{ value: "{}" }]);
        expect(() => hotStoreOf(tx)).toThrow(/no hot store/);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await runStatement(db, HOT_SQL.readSession, ["tx"])).toEqual([]);
  });

  it("runs a transaction's work statement by statement, commits what it wrote, and rolls all of it back when it throws", async () => {
    const { hot } = await open(provider);
    const write = (key: string) => ({ statement: HOT_SQL.writeSession, values: [key, "{}", dbDateParam(new Date())] });
    const read = (key: string) => ({ statement: HOT_SQL.readSession, values: [key] });
    const seen = await hot.transaction(function* (): ReturnType<TransactionWork<unknown>> {
      yield write("a");
      const rows = yield read("a");
      yield write("b");
      return rows;
    });
    expect(seen).toEqual([{ value: "{}" }]);
    expect([await hot.readSession("a"), await hot.readSession("b")]).toEqual(["{}", "{}"]);
    await expect(
      hot.transaction(function* (): ReturnType<TransactionWork<unknown>> {
        yield write("c");
        throw new Error("changed its mind");
      }),
    ).rejects.toThrow("changed its mind");
    expect(await hot.readSession("c")).toBeUndefined();
  });

  it("session storage skips writing back an unchanged value and parses stored JSON", async () => {
    const { hot } = await open(provider);
    const writes: string[] = [];
    const storage = hotSessionStorage({ ...hot, writeSession: async (key, value) => void writes.push(`${key}=${value}`) });
    await hot.writeSession("5", '{"lang":"en"}');
    const value = await storage.read("5");
    expect(value).toEqual({ lang: "en" });
    await storage.write("5", { lang: "en" });
    expect(writes).toEqual([]);
    await storage.write("5", { lang: "id" });
    expect(writes).toEqual(['5={"lang":"id"}']);
    expect(await storage.read("missing")).toBeUndefined();
  });
}

describe("hot-path store on SQLite", () => {
  it("waits without blocking the process while another connection holds the write lock", async () => {
    const { hot, file } = await open("sqlite");
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    other.prepare(`INSERT INTO "Session" ("key", "value") VALUES ('x', '{}')`).run();
    const started = performance.now();
    const write = hot.writeSession("y", '{"a":1}');
    // a busy timeout inside SQLite would have held the call (and the process) for seconds
    const heldMs = performance.now() - started;
    let settled = false;
    void write.finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(settled).toBe(false); // still waiting for the lock, asynchronously
    other.exec("COMMIT");
    await write;
    other.close();
    expect(heldMs).toBeLessThan(1000);
    expect(await hot.readSession("y")).toBe('{"a":1}');
  });

  it("waits for a lock as long as the ORM's connection does, past SQLite's busy timeout", async () => {
    // another process holds the write lock a little longer than the 5 s busy timeout (npm start's
    // defaults): the ORM's statement waits it out with its retries, and the session written next to it
    // must too (it gave up at 5 s: the user's session was lost and the update apologised for)
    const { db, hot, file } = await open("sqlite");
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    const release = setTimeout(() => {
      other.exec("COMMIT");
      other.close();
    }, 5_600);
    try {
      const session = hot.writeSession("locked", '{"step":"consent"}');
      const orm = db.session.upsert({ where: { key: "orm" }, create: { key: "orm", value: "{}" }, update: { value: "{}" } });
      await expect(session).resolves.toBeUndefined();
      await expect(orm).resolves.toBeDefined();
    } finally {
      clearTimeout(release);
      if (other.open) {
        other.exec("COMMIT");
        other.close();
      }
    }
    expect(await hot.readSession("locked")).toBe('{"step":"consent"}');
  }, 20_000);

  it("waits for the write lock before a transaction's work starts, without blocking the process", async () => {
    const { hot, file } = await open("sqlite");
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    other.prepare(`INSERT INTO "Session" ("key", "value") VALUES ('held', '{}')`).run();
    const order: string[] = [];
    const done = hot.transaction(function* (): ReturnType<TransactionWork<unknown>> {
      order.push("work");
      return yield { statement: HOT_SQL.readSession, values: ["held"] };
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    order.push("other commits");
    other.exec("COMMIT");
    other.close();
    // the work ran once, after the lock was free, and read what the other connection committed
    expect(await done).toEqual([{ value: "{}" }]);
    expect(order).toEqual(["other commits", "work"]);
  });

  it("parses the date formats SQLite may hold", () => {
    expect(parseDbDate("2026-12-05T07:53:10.000+00:00")?.toISOString()).toBe("2026-12-05T07:53:10.000Z");
    expect(parseDbDate("2026-12-05 07:53:10")?.toISOString()).toBe("2026-12-05T07:53:10.000Z");
    expect(parseDbDate(1796458652693)?.getTime()).toBe(1796458652693);
    expect(parseDbDate(null)).toBeNull();
  });
});
