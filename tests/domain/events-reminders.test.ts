import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db.js";
import { claimReminder, dueReminders, sendDueReminders, type DueReminder } from "../../src/domain/events/reminders.js";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { NOW, details, makeEvent, makeUser, makeUsers } from "./events-fixtures.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const START = new Date("2027-03-10T02:00:00Z");
const before = (hours: number) => new Date(START.getTime() - hours * 3600_000);

describe("reminders", () => {
  it("are due one day and two hours before, for confirmed people only", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { capacity: 1 });
    const [a, b] = await makeUsers(t.db, 2);
    await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details(), now: NOW });
    await reserveSeat(t.db, { eventId: event.id, userId: b!.id, ...details(), now: NOW }); // waitlisted
    const kinds = async (now: Date) => (await dueReminders(t!.db, now)).map((r) => `${r.kind}:${r.userId}`);
    expect(await kinds(before(24.1))).toEqual([]);
    expect(await kinds(before(24))).toEqual([`day:${a!.id}`]);
    expect(await kinds(before(2.1))).toEqual([`day:${a!.id}`]);
    // inside the last two hours only the short reminder is due
    expect(await kinds(before(2))).toEqual([`hours:${a!.id}`]);
    expect(await kinds(START)).toEqual([]);
  });

  it("are sent exactly once per person, even when the bot restarts between passes", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db);
    const users = await makeUsers(t.db, 3);
    for (const u of users) await reserveSeat(t.db, { eventId: event.id, userId: u.id, ...details(), now: NOW });
    const sent: string[] = [];
    const send = async (r: DueReminder) => {
      sent.push(`${r.kind}:${r.userId}`);
      return "sent" as const;
    };
    // first process: one pass in the day window, then it is killed
    expect(await sendDueReminders(t.db, before(23), send)).toMatchObject({ sent: 3 });
    await t.db.$disconnect();
    // a new process on the same file: nothing is sent again in the same window
    const restarted = await openDatabase(t.url);
    try {
      expect(await sendDueReminders(restarted, before(22), send)).toMatchObject({ sent: 0 });
      // two passes racing (an overlapping job run): each reminder goes out once
      const [x, y] = await Promise.all([sendDueReminders(restarted, before(1.5), send), sendDueReminders(restarted, before(1.5), send)]);
      expect(x.sent + y.sent).toBe(3);
      expect(await sendDueReminders(restarted, before(1), send)).toMatchObject({ sent: 0 });
    } finally {
      await restarted.$disconnect();
    }
    expect(sent.filter((s) => s.startsWith("day")).sort()).toEqual(users.map((u) => `day:${u.id}`).sort());
    expect(sent.filter((s) => s.startsWith("hours")).sort()).toEqual(users.map((u) => `hours:${u.id}`).sort());
    expect(sent).toHaveLength(6);
  });

  it("retries a reminder whose send failed for a passing reason, and skips blocked users", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db);
    const ok = await makeUser(t.db);
    const blocked = await makeUser(t.db);
    await reserveSeat(t.db, { eventId: event.id, userId: ok.id, ...details(), now: NOW });
    await reserveSeat(t.db, { eventId: event.id, userId: blocked.id, ...details(), now: NOW });
    await t.db.user.update({ where: { id: blocked.id }, data: { blockedAt: NOW } });
    let attempts = 0;
    const flaky = async () => (++attempts === 1 ? ("retry" as const) : ("sent" as const));
    expect(await sendDueReminders(t.db, before(20), flaky)).toMatchObject({ retry: 1, sent: 0 });
    expect(await sendDueReminders(t.db, before(19), flaky)).toMatchObject({ retry: 0, sent: 1 });
    expect(await sendDueReminders(t.db, before(18), flaky)).toMatchObject({ sent: 0 });
    expect(attempts).toBe(2);
  });

  it("are not repeated for someone who registered inside the window, and a claim is single-use", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db);
    const u = await makeUser(t.db);
    const r = await reserveSeat(t.db, { eventId: event.id, userId: u.id, ...details(), now: before(5) });
    expect(await dueReminders(t.db, before(4))).toEqual([]);
    expect((await dueReminders(t.db, before(1))).map((d) => d.kind)).toEqual(["hours"]);
    const id = r.ok ? r.registration.id : 0;
    expect(await claimReminder(t.db, id, "hours", before(1))).toBe(true);
    expect(await claimReminder(t.db, id, "hours", before(1))).toBe(false);
  });

  it("skip cancelled events", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db);
    const u = await makeUser(t.db);
    await reserveSeat(t.db, { eventId: event.id, userId: u.id, ...details(), now: NOW });
    await t.db.event.update({ where: { id: event.id }, data: { status: "cancelled" } });
    expect(await dueReminders(t.db, before(20))).toEqual([]);
  });
});
