import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db.js";
import { copySqliteToPostgres } from "../../src/db-copy.js";
import { createBroadcast } from "../../src/domain/broadcast/queue.js";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import { seedBaseContent } from "../../src/domain/seed.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { createEmptyDatabase, dropDatabase, postgresSkipReason } from "../support/postgres.js";

const run = promisify(execFile);
const skip = postgresSkipReason();
let source: TestDatabase | undefined;
const targets: string[] = [];
const clients: Db[] = [];
afterEach(async () => {
  for (const db of clients.splice(0)) await db.$disconnect();
  await source?.close();
  source = undefined;
  for (const name of targets.splice(0)) await dropDatabase(name);
});

const NOW = new Date("2027-03-01T00:00:00Z");

/** A SQLite database with rows in every table, gaps in the ids and values at the edges of their types. */
async function filledSqlite(db: Db): Promise<void> {
  await seedBaseContent(db);
  const users = [];
  for (let i = 0; i < 5; i++) {
    users.push(
      await db.user.create({
        data: { telegramId: 9_007_199_254_740_993n + BigInt(i), firstName: `Pengguna ${i} 🎉`, role: i % 2 ? "calon" : "alumni", province: "15", consentAt: NOW, consentVersion: "2026-11" },
      }),
    );
  }
  await db.user.delete({ where: { id: users[1]!.id } }); // a gap in the ids
  const event = await db.event.create({
    data: {
      title: "Temu Alumni Jambi",
      province: "15",
      city: "Kota Jambi",
      venueName: "Aula",
      address: "Jl. Contoh 1",
      latitude: -1.6101229,
      longitude: 103.6131203,
      startsAt: new Date("2027-03-10T02:00:00Z"),
      endsAt: new Date("2027-03-10T08:00:00Z"),
      timeZone: "Asia/Jakarta",
      capacity: 2,
      status: "published",
      isExample: true,
    },
  });
  for (const u of [users[0]!, users[2]!, users[3]!]) {
    const r = await reserveSeat(db, { eventId: event.id, userId: u.id, fullName: "Peserta", city: "Kota Jambi", gelombang: 10, now: NOW });
    expect(r.ok).toBe(true);
  }
  await db.feedback.create({ data: { userId: users[0]!.id, eventId: event.id, scope: `event:${event.id}`, rating: 5, mostUseful: "jejaring", outcome: "bekerja" } });
  const faq = await db.faq.findFirstOrThrow();
  await db.faqVote.createMany({ data: [{ faqId: faq.id, helpful: true }, { faqId: faq.id, helpful: false }] });
  await db.unmatchedQuestion.create({ data: { text: "kapan gelombang berikutnya?" } });
  await db.session.create({ data: { key: "12345", value: JSON.stringify({ step: "x" }) } });
  await db.admin.create({ data: { telegramId: 8_000_000_000n, addedBy: 1n } });
  await db.counter.create({ data: { key: "erasures", value: 3 } });
  await createBroadcast(db, { createdBy: 1n, text: "Halo", audience: { kind: "all" }, progressChatId: 8_000_000_000n, now: NOW });
  await db.organiser.create({ data: { telegramId: 8_000_000_001n, addedBy: 1n, provinces: { create: [{ province: "15" }, { province: "75" }] } } });
  await db.announcementChat.create({ data: { chatId: -1_001_234_567_890n, type: "channel", title: "Kanal Alumni Jambi", addedBy: 1n, provinces: "15" } });
  await db.announcementPost.create({ data: { chatId: -1_001_234_567_890n, messageId: 7, eventId: event.id, postedBy: 8_000_000_001n, renderedHash: "abc" } });
}

const MODELS = [
  ["user", "id"],
  ["session", "key"],
  ["admin", "telegramId"],
  ["counter", "key"],
  ["faq", "id"],
  ["faqVote", "id"],
  ["unmatchedQuestion", "id"],
  ["programFact", "key"],
  ["event", "id"],
  ["registration", "id"],
  ["feedback", "id"],
  ["broadcast", "id"],
  ["broadcastRecipient", "id"],
  ["organiser", "telegramId"],
  ["organiserProvince", "province"],
  ["announcementChat", "chatId"],
  ["announcementPost", "id"],
] as const;

type Delegate = { findMany(args: { orderBy: Record<string, "asc"> }): Promise<unknown[]> };
const all = (db: Db, model: string, key: string) => (db as unknown as Record<string, Delegate>)[model]!.findMany({ orderBy: { [key]: "asc" } });

describe.skipIf(!!skip)(`db:copy from SQLite to PostgreSQL${skip ? ` [skipped: ${skip}]` : ""}`, () => {
  it("copies every table with ids, 64-bit ids, dates, booleans and floats kept, and moves the sequences on", async () => {
    source = await createTestDatabase("sqlite");
    await filledSqlite(source.db);
    const target = await createEmptyDatabase("copy");
    targets.push(target.name);

    const report = await copySqliteToPostgres(source.url, target.url);
    console.log(`db:copy: ${report.rows} rows in ${Math.round(report.ms)} ms (${Math.round(report.rowsPerSecond)} rows/s)`);
    expect(report.tables.map((t) => t.table).sort()).toEqual(
      ["Admin", "AnnouncementChat", "AnnouncementPost", "Broadcast", "BroadcastRecipient", "Counter", "Event", "Faq", "FaqVote", "Feedback", "Organiser", "OrganiserProvince", "ProgramFact", "Registration", "Session", "UnmatchedQuestion", "User"],
    );
    expect(report.tables.findIndex((t) => t.table === "User")).toBeLessThan(report.tables.findIndex((t) => t.table === "Registration"));

    const pg = await openDatabase(target.url);
    clients.push(pg);
    for (const [model, key] of MODELS) {
      const before = await all(source.db, model, key);
      expect(before.length, model).toBeGreaterThan(0);
      expect(await all(pg, model, key), model).toEqual(before);
    }
    // new rows continue after the copied ids
    const maxUser = Math.max(...(await source.db.user.findMany()).map((u) => u.id));
    const created = await pg.user.create({ data: { telegramId: 1n } });
    expect(created.id).toBe(maxUser + 1);
  });

  it("refuses a target that already holds rows, with a clear message, and changes nothing", async () => {
    source = await createTestDatabase("sqlite");
    await source.db.counter.create({ data: { key: "k", value: 1 } });
    const target = await createEmptyDatabase("copy");
    targets.push(target.name);
    await copySqliteToPostgres(source.url, target.url);
    await expect(copySqliteToPostgres(source.url, target.url)).rejects.toThrow(/not empty \(Counter has 1 rows\)/);

    const cli = run(process.execPath, ["--import", "tsx", "src/cli/db-copy.ts", "--from", source.url, "--to", target.url]);
    await expect(cli).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/db:copy: the PostgreSQL database is not empty/) });
    const pg = await openDatabase(target.url);
    clients.push(pg);
    expect(await pg.counter.count()).toBe(1);
  });
});
