import { execFile } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db.js";
import { INVITATION_MAX_AGE_MS, claimDueInvitations, releaseInvitation } from "../../src/domain/feedback/invitations.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { makeEvent, makeUser, register } from "../support/feedback-fixtures.js";

const childScript = path.join(import.meta.dirname, "..", "support", "claim-invitations-child.ts");

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const startsAt = new Date("2024-06-05T02:00:00Z");
const endsAt = new Date("2024-06-05T05:00:00Z");
const afterEnd = new Date("2024-06-05T06:00:00Z");

describe("claimDueInvitations", () => {
  it("invites the checked-in participants of an ended event, and skips blocked, unconsented (or outdated consent) and anonymised ones", async () => {
    t = await createTestDatabase();
    const db = t.db;
    const event = await makeEvent(db, { title: "Temu Alumni Jambi", startsAt, endsAt });
    const present = await makeUser(db, { firstName: "Sari" });
    const presentToo = await makeUser(db, { firstName: "Budi", language: "en" });
    const absent = await makeUser(db);
    const blocked = await makeUser(db, { blocked: true });
    const noConsent = await makeUser(db, { consent: false });
    const anonymised = await makeUser(db);
    const outdatedConsent = await makeUser(db);
    await db.user.update({ where: { id: outdatedConsent.id }, data: { consentVersion: "2020-01" } });
    const checkedIn = new Date("2024-06-05T02:10:00Z");
    const r1 = await register(db, event.id, present.id, { checkedInAt: checkedIn });
    const r2 = await register(db, event.id, presentToo.id, { checkedInAt: checkedIn });
    await register(db, event.id, absent.id);
    await register(db, event.id, blocked.id, { checkedInAt: checkedIn });
    await register(db, event.id, noConsent.id, { checkedInAt: checkedIn });
    await register(db, event.id, anonymised.id, { checkedInAt: checkedIn, anonymizedAt: checkedIn });
    await register(db, event.id, outdatedConsent.id, { checkedInAt: checkedIn });

    const due = await claimDueInvitations(db, afterEnd);
    expect(due).toEqual([
      {
        registrationId: r1.id,
        eventId: event.id,
        eventTitle: "Temu Alumni Jambi",
        userId: present.id,
        telegramId: present.telegramId,
        language: "id",
        firstName: "Sari",
      },
      {
        registrationId: r2.id,
        eventId: event.id,
        eventTitle: "Temu Alumni Jambi",
        userId: presentToo.id,
        telegramId: presentToo.telegramId,
        language: "en",
        firstName: "Budi",
      },
    ]);
    const stored = await db.registration.findMany({ where: { feedbackInvitedAt: { not: null } }, orderBy: { id: "asc" } });
    expect(stored.map((r) => r.id)).toEqual([r1.id, r2.id]);
    expect(stored[0]?.feedbackInvitedAt?.toISOString()).toBe(afterEnd.toISOString());
  });

  it("invites every confirmed participant when the event had no check-in at all", async () => {
    t = await createTestDatabase();
    const db = t.db;
    const event = await makeEvent(db, { startsAt, endsAt });
    const a = await makeUser(db);
    const b = await makeUser(db);
    const waiting = await makeUser(db);
    const offered = await makeUser(db);
    const cancelled = await makeUser(db);
    const ra = await register(db, event.id, a.id);
    const rb = await register(db, event.id, b.id);
    await register(db, event.id, waiting.id, { status: "waitlisted" });
    await register(db, event.id, offered.id, { status: "offered" });
    await register(db, event.id, cancelled.id, { status: "cancelled" });

    const due = await claimDueInvitations(db, afterEnd);
    expect(due.map((d) => d.registrationId)).toEqual([ra.id, rb.id]);
  });

  it("waits until the event has ended, and ignores cancelled, draft and long-past events", async () => {
    t = await createTestDatabase();
    const db = t.db;
    const user = await makeUser(db);
    const running = await makeEvent(db, { startsAt, endsAt });
    const cancelled = await makeEvent(db, { startsAt, endsAt, status: "cancelled" });
    const draft = await makeEvent(db, { startsAt, endsAt, status: "draft" });
    const old = await makeEvent(db, { startsAt: new Date("2023-09-18T02:00:00Z"), endsAt: new Date("2023-09-19T09:00:00Z") });
    const completed = await makeEvent(db, { startsAt, endsAt, status: "completed" });
    for (const event of [running, cancelled, draft, old, completed]) await register(db, event.id, user.id);

    expect(await claimDueInvitations(db, new Date("2024-06-05T04:59:59Z"))).toEqual([]);
    const due = await claimDueInvitations(db, endsAt);
    expect(due.map((d) => d.eventId)).toEqual([running.id, completed.id]);
    // an event that ended just within the window still counts; one past it does not
    const edge = await makeEvent(db, { startsAt, endsAt: new Date(afterEnd.getTime() - INVITATION_MAX_AGE_MS) });
    const tooOld = await makeEvent(db, { startsAt, endsAt: new Date(afterEnd.getTime() - INVITATION_MAX_AGE_MS - 1) });
    await register(db, edge.id, user.id);
    await register(db, tooOld.id, user.id);
    expect((await claimDueInvitations(db, afterEnd)).map((d) => d.eventId)).toEqual([edge.id]);
  });

  it("never returns the same invitation twice, also after a restart on the same database file", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { startsAt, endsAt });
    const user = await makeUser(t.db);
    await register(t.db, event.id, user.id, { checkedInAt: startsAt });

    expect(await claimDueInvitations(t.db, afterEnd)).toHaveLength(1);
    expect(await claimDueInvitations(t.db, new Date(afterEnd.getTime() + 60_000))).toEqual([]);

    // a "restarted" process: a new client on the same file
    await t.db.$disconnect();
    const restarted = await openDatabase(t.url);
    try {
      expect(await claimDueInvitations(restarted, new Date(afterEnd.getTime() + 120_000))).toEqual([]);
    } finally {
      await restarted.$disconnect();
    }
  });

  it("lets two processes race without inviting anyone twice", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { startsAt, endsAt });
    for (let i = 0; i < 40; i += 1) {
      const user = await makeUser(t.db);
      await register(t.db, event.id, user.id, { checkedInAt: startsAt });
    }
    const claimIn = (): Promise<number[]> =>
      new Promise((resolve, reject) => {
        execFile(process.execPath, ["--import", "tsx", childScript, t?.url ?? "", afterEnd.toISOString()], (error, stdout) => {
          if (error) reject(error);
          else resolve(JSON.parse(stdout) as number[]);
        });
      });
    const [a, b] = await Promise.all([claimIn(), claimIn()]);
    const ids = [...a, ...b];
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });

  it("lets two concurrent calls in one process share the work without duplicates", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { startsAt, endsAt });
    for (let i = 0; i < 10; i += 1) {
      const user = await makeUser(t.db);
      await register(t.db, event.id, user.id, { checkedInAt: startsAt });
    }
    const [a, b] = await Promise.all([claimDueInvitations(t.db, afterEnd), claimDueInvitations(t.db, afterEnd)]);
    const ids = [...a, ...b].map((d) => d.registrationId);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
  });

  it("gives a claim back after a passing failure, and respects the per-call limit", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { startsAt, endsAt });
    for (let i = 0; i < 3; i += 1) {
      const user = await makeUser(t.db);
      await register(t.db, event.id, user.id);
    }
    const first = await claimDueInvitations(t.db, afterEnd, { limit: 2 });
    expect(first).toHaveLength(2);
    const [failed] = first;
    if (!failed) throw new Error("expected a claim");
    expect(await releaseInvitation(t.db, failed.registrationId, afterEnd)).toBe(true);
    expect(await releaseInvitation(t.db, failed.registrationId, afterEnd)).toBe(false);
    const second = await claimDueInvitations(t.db, new Date(afterEnd.getTime() + 60_000));
    expect(second.map((d) => d.registrationId).sort()).toEqual(
      [failed.registrationId, ...(await t.db.registration.findMany({ where: { id: { notIn: first.map((d) => d.registrationId) } } })).map((r) => r.id)].sort(),
    );
  });
});
