// Three real bot processes in webhook mode on one PostgreSQL database behind a round-robin proxy; the
// emulator delivers every update to the proxy, so one user's steps land on different instances.
// 300 alumni go through the RSVP conversation in lockstep and answer its last question at the same moment
// for an event with 100 seats: exactly 100 are confirmed and 200 waitlisted (positions 1..200, each once).
// Then the event moves to "tomorrow": the day-before reminder is due for the 100 while three schedulers
// run (JOBS_INTERVAL_SECONDS=1), and each confirmed person gets it exactly once.
import { expect, it } from "vitest";
import { describeCluster, waitUntil } from "../support/cluster.js";
import { RSVP_STEPS, createEvent, openEvent, seedAlumni } from "../support/cluster-fixtures.js";
import { TestUser } from "../support/user.js";

const USERS = 300;
const SEATS = 100;
const BASE = 720_000_000;
const HOUR = 3600_000;

describeCluster("300 people, 100 seats, three instances", {}, (cluster) => {
  it("exactly 100 confirmed and 200 waitlisted; the due reminders go out once each", { timeout: 600_000 }, async () => {
    const c = cluster();
    const { emu } = c;
    const event = await createEvent(c.db, SEATS);
    const ids = await seedAlumni(c.db, USERS, BASE);
    const users = ids.map((id) => new TestUser(emu, { id, first_name: `Alumni${id}` }, { timeoutMs: 90_000, process: c }));
    const started = Date.now();
    await Promise.all(users.map((u) => openEvent(u, event.id)));
    const progress = (what: string) => {
      const s = emu.stats();
      console.log(`cluster seats: ${what} after ${((Date.now() - started) / 1000).toFixed(1)} s (webhook deliveries ${s.webhookDeliveries}, failures ${s.webhookFailures}, pending ${s.pendingUpdates})`);
    };
    progress("event opened");
    // step by step for everyone: the last answer (which takes the seat) arrives from all 300 together
    for (const step of RSVP_STEPS) {
      await Promise.all(
        users.map(async (u) => {
          await step.act(u);
          await u.reply(step.expect);
        }),
      );
      progress(`step ${String(step.expect)}`);
    }
    const seconds = (Date.now() - started) / 1000;

    const rows = await c.db.registration.groupBy({ by: ["status"], where: { eventId: event.id }, _count: { _all: true } });
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
    expect(byStatus).toEqual({ confirmed: SEATS, waitlisted: USERS - SEATS });
    const positions = (await c.db.registration.findMany({ where: { eventId: event.id, status: "waitlisted" }, select: { waitlistPosition: true } }))
      .map((r) => r.waitlistPosition)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(positions).toEqual(Array.from({ length: USERS - SEATS }, (_, i) => i + 1));
    // what each person was told matches the database
    const told = users.map((u) => (u.messages().some((m) => /terkonfirmasi/.test(m.text ?? "")) ? "confirmed" : "waitlisted"));
    expect(told.filter((s) => s === "confirmed")).toHaveLength(SEATS);
    // the updates really were spread: every instance handled some
    const targets = new Set(c.proxy.records.map((r) => r.target));
    expect(targets.size).toBe(3);
    console.log(`cluster seats: ${USERS} RSVP conversations (${USERS * (RSVP_STEPS.length + 1)} updates) through 3 instances in ${seconds.toFixed(1)} s`);

    // the event is tomorrow now: the day-before reminder is due for the 100 confirmed
    await c.db.event.update({ where: { id: event.id }, data: { startsAt: new Date(Date.now() + 23 * HOUR), endsAt: new Date(Date.now() + 29 * HOUR) } });
    const confirmed = users.filter((_, i) => told[i] === "confirmed");
    const reminders = (u: TestUser) => u.messages().filter((m) => /Pengingat/.test(m.text ?? "")).length;
    await waitUntil(() => confirmed.every((u) => reminders(u) >= 1), 60_000, () => `reminders: ${confirmed.filter((u) => reminders(u) >= 1).length} of ${SEATS} sent`);
    // three schedulers keep running: nobody gets a second one
    await new Promise((r) => setTimeout(r, 4000));
    expect(confirmed.map(reminders)).toEqual(confirmed.map(() => 1));
    expect(users.filter((_, i) => told[i] !== "confirmed").map(reminders).every((n) => n === 0)).toBe(true);
    expect(await c.db.registration.count({ where: { eventId: event.id, status: "confirmed", reminderDaySentAt: null } })).toBe(0);
  });
});
