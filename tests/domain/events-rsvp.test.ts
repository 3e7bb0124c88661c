import { afterEach, expect, it, vi } from "vitest";
import {
  acceptOffer,
  cancelRegistration,
  declineOffer,
  expireOffers,
  normalizePhone,
  parseCompanions,
  parseFullName,
  parseGelombang,
  registrationsOfUser,
  reserveSeat,
} from "../../src/domain/events/rsvp.js";
import { dueOfferExpiries } from "../../src/domain/events/reminders.js";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/db.js";
import { NOW, details, makeEvent, makeUser, makeUsers } from "./events-fixtures.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const HOUR = 3600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

async function positions(db: TestDatabase["db"], eventId: number) {
  const rows = await db.registration.findMany({ where: { eventId, status: "waitlisted" }, orderBy: { waitlistPosition: "asc" } });
  return rows.map((r) => [r.userId, r.waitlistPosition]);
}

describeEachProvider("reserving a seat", (provider) => {
  it("confirms while seats last, then waitlists with positions, and keeps one registration per person", async () => {
    t = await createTestDatabase(provider);
    const event = await makeEvent(t.db, { capacity: 2, maxCompanions: 1 });
    const [a, b, c, d] = await makeUsers(t.db, 4);
    const first = await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details(), now: NOW });
    expect(first).toMatchObject({ ok: true, status: "confirmed", updated: false, seatsLeft: 1 });
    if (first.ok) {
      expect(first.registration.checkInToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
      // the row written by the fast insert reads back exactly like a Prisma row
      expect(first.registration).toEqual(await t.db.registration.findUniqueOrThrow({ where: { id: first.registration.id } }));
      expect(first.registration.createdAt).toEqual(NOW);
    }
    // b brings a companion: needs 2 seats, only 1 left → waitlist
    expect(await reserveSeat(t.db, { eventId: event.id, userId: b!.id, ...details(), companions: 1, now: NOW })).toMatchObject({
      ok: true,
      status: "waitlisted",
      position: 1,
    });
    // c alone fits the last seat (nobody waiting fits it)
    expect(await reserveSeat(t.db, { eventId: event.id, userId: c!.id, ...details(), now: NOW })).toMatchObject({ ok: true, status: "confirmed", seatsLeft: 0 });
    expect(await reserveSeat(t.db, { eventId: event.id, userId: d!.id, ...details(), now: NOW })).toMatchObject({ ok: true, status: "waitlisted", position: 2 });
    // a registers again with new answers: same row, still confirmed
    const again = await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details("Siti R."), training: "Barista", now: NOW });
    expect(again).toMatchObject({ ok: true, status: "confirmed", updated: true, registration: { fullName: "Siti R.", training: "Barista" } });
    // but cannot add a companion: no seat for them
    expect(await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details(), companions: 1, now: NOW })).toMatchObject({
      ok: false,
      reason: "no_room_for_companions",
    });
    expect(await t.db.registration.count({ where: { eventId: event.id } })).toBe(4);
  });

  it("refuses after the deadline, for unpublished events, and with too many companions", async () => {
    t = await createTestDatabase(provider);
    const event = await makeEvent(t.db, { rsvpDeadline: at(24), maxCompanions: 1 });
    const draft = await makeEvent(t.db, { status: "draft" });
    const u = await makeUser(t.db);
    expect(await reserveSeat(t.db, { eventId: event.id, userId: u.id, ...details(), now: at(24) })).toMatchObject({ ok: false, reason: "deadline_passed" });
    expect(await reserveSeat(t.db, { eventId: event.id, userId: u.id, ...details(), companions: 2, now: NOW })).toMatchObject({
      ok: false,
      reason: "too_many_companions",
      params: { max: 1 },
    });
    expect(await reserveSeat(t.db, { eventId: draft.id, userId: u.id, ...details(), now: NOW })).toMatchObject({ ok: false, reason: "event_not_open" });
    expect(await reserveSeat(t.db, { eventId: 9999, userId: u.id, ...details(), now: NOW })).toMatchObject({ ok: false, reason: "event_not_found" });
    // without a deadline, registration closes at the start
    const open = await makeEvent(t.db, { title: "tanpa batas" });
    expect(await reserveSeat(t.db, { eventId: open.id, userId: u.id, ...details(), now: open.startsAt })).toMatchObject({ ok: false, reason: "deadline_passed" });
  });

  it("writes new answers for a held seat without the ORM's transaction, unless the seats it frees go to someone waiting", async () => {
    t = await createTestDatabase(provider);
    const event = await makeEvent(t.db, { capacity: 3, maxCompanions: 2 });
    const [a, b] = await makeUsers(t.db, 2);
    expect(await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details(), now: NOW })).toMatchObject({ ok: true, status: "confirmed" });
    const ormTransactions = vi.spyOn(t.db, "$transaction");

    const changed = await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details("Siti R."), companions: 1, phone: "+6281234567890", now: at(1) });
    expect(changed).toMatchObject({ ok: true, status: "confirmed", updated: true, seatsLeft: 1, offers: [] });
    if (changed.ok) {
      // the row written by the quick path reads back exactly like a Prisma row, updatedAt included
      expect(changed.registration).toEqual(await t.db.registration.findUniqueOrThrow({ where: { id: changed.registration.id } }));
      expect(changed.registration).toMatchObject({ fullName: "Siti R.", companions: 1, phone: "+6281234567890", updatedAt: at(1) });
    }
    expect(await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details(), companions: 2, now: at(1) })).toMatchObject({ ok: true, seatsLeft: 0 });
    expect(await reserveSeat(t.db, { eventId: event.id, userId: b!.id, ...details(), now: at(1) })).toMatchObject({ ok: true, status: "waitlisted", position: 1 });
    expect(ormTransactions).not.toHaveBeenCalled();

    // two companions fewer, with b waiting: the freed seat is offered, in the full transaction
    const fewer = await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details(), companions: 0, now: at(2) });
    expect(fewer).toMatchObject({ ok: true, status: "confirmed", updated: true, offers: [{ userId: b!.id }] });
    expect(ormTransactions).toHaveBeenCalledTimes(1);
    expect(await t.db.registration.findFirstOrThrow({ where: { eventId: event.id, userId: b!.id } })).toMatchObject({ status: "offered" });
  });

  it("parses the conversation's answers", () => {
    expect(parseFullName("  Siti   Rahma ")).toEqual({ ok: true, value: "Siti Rahma" });
    expect(parseFullName("1")).toMatchObject({ ok: false, code: "name_too_short" });
    expect(parseFullName("12345")).toMatchObject({ ok: false, code: "name_invalid" });
    expect(parseGelombang("gelombang 12")).toEqual({ ok: true, value: 12 });
    expect(parseGelombang("Gel. 7")).toEqual({ ok: true, value: 7 });
    expect(parseGelombang("0")).toMatchObject({ ok: false, code: "gelombang_invalid" });
    expect(parseGelombang("101")).toMatchObject({ ok: false, code: "gelombang_invalid" });
    expect(parseCompanions("2", 2)).toEqual({ ok: true, value: 2 });
    expect(parseCompanions("3", 2)).toMatchObject({ ok: false, code: "companions_invalid" });
    expect(normalizePhone("6281234567890")).toBe("+6281234567890");
    expect(normalizePhone("+62 812-3456-7890")).toBe("+6281234567890");
    expect(normalizePhone("081234567890")).toBe("+6281234567890");
  });
});

describeEachProvider("cancellation, offers and their expiry", (provider) => {
  it("cancellation → offer to the first waiting → lapse after 24 h → offer passes to the next → accepted", async () => {
    t = await createTestDatabase(provider);
    const db = t.db;
    const event = await makeEvent(db, { capacity: 1 });
    const [a, b, c, d] = await makeUsers(db, 4);
    const reg = async (u: { id: number }) => reserveSeat(db, { eventId: event.id, userId: u.id, ...details(), now: NOW });
    const ra = await reg(a!);
    await reg(b!);
    await reg(c!);
    await reg(d!);
    expect(await positions(db, event.id)).toEqual([[b!.id, 1], [c!.id, 2], [d!.id, 3]]);

    // a cancels: b gets an offer for 24 hours, c and d move up
    const cancelled = await cancelRegistration(db, { registrationId: ra.ok ? ra.registration.id : 0, userId: a!.id, now: at(1) });
    expect(cancelled).toMatchObject({ ok: true, previousStatus: "confirmed" });
    if (!cancelled.ok) return;
    expect(cancelled.offers.map((o) => [o.userId, o.offerExpiresAt?.toISOString()])).toEqual([[b!.id, at(25).toISOString()]]);
    expect(await positions(db, event.id)).toEqual([[c!.id, 1], [d!.id, 2]]);

    // nothing lapses before 24 hours
    expect(await dueOfferExpiries(db, at(24.9))).toEqual([]);
    expect(await expireOffers(db, at(24.9))).toEqual({ expired: [], offers: [] });

    // after 24 hours b's offer lapses and c gets the seat offer
    expect(await dueOfferExpiries(db, at(25))).toHaveLength(1);
    const lapse = await expireOffers(db, at(25));
    expect(lapse.expired.map((n) => n.userId)).toEqual([b!.id]);
    expect(lapse.offers.map((n) => [n.userId, n.offerExpiresAt?.toISOString()])).toEqual([[c!.id, at(49).toISOString()]]);
    expect(await positions(db, event.id)).toEqual([[d!.id, 1]]);
    // running the job again (e.g. after a restart) changes nothing
    expect(await expireOffers(db, at(26))).toEqual({ expired: [], offers: [] });

    // b is too late to accept; c accepts in time
    const bReg = await db.registration.findFirstOrThrow({ where: { userId: b!.id } });
    expect(await acceptOffer(db, { registrationId: bReg.id, userId: b!.id, now: at(26) })).toMatchObject({ ok: false, reason: "offer_expired" });
    const cReg = await db.registration.findFirstOrThrow({ where: { userId: c!.id } });
    expect(await acceptOffer(db, { registrationId: cReg.id, userId: c!.id, now: at(30) })).toMatchObject({ ok: true, registration: { status: "confirmed" } });
    const statuses = await db.registration.findMany({ orderBy: { userId: "asc" } });
    expect(statuses.map((r) => r.status)).toEqual(["cancelled", "expired", "confirmed", "waitlisted"]);
  });

  it("an offer accepted after its time (before the job ran) lapses then and passes on", async () => {
    t = await createTestDatabase(provider);
    const event = await makeEvent(t.db, { capacity: 1 });
    const [a, b, c] = await makeUsers(t.db, 3);
    const ra = await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details(), now: NOW });
    await reserveSeat(t.db, { eventId: event.id, userId: b!.id, ...details(), now: NOW });
    await reserveSeat(t.db, { eventId: event.id, userId: c!.id, ...details(), now: NOW });
    await cancelRegistration(t.db, { registrationId: ra.ok ? ra.registration.id : 0, userId: a!.id, now: NOW });
    const bReg = await t.db.registration.findFirstOrThrow({ where: { userId: b!.id } });
    const late = await acceptOffer(t.db, { registrationId: bReg.id, userId: b!.id, now: at(24) });
    expect(late).toMatchObject({ ok: false, reason: "offer_expired" });
    expect(late.offers.map((o) => o.userId)).toEqual([c!.id]);
  });

  it("declining passes the seat on; an offer is capped at the event's start", async () => {
    t = await createTestDatabase(provider);
    const event = await makeEvent(t.db, { capacity: 1, startsAt: at(10), endsAt: at(12) });
    const [a, b, c] = await makeUsers(t.db, 3);
    const ra = await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details(), now: NOW });
    await reserveSeat(t.db, { eventId: event.id, userId: b!.id, ...details(), now: NOW });
    await reserveSeat(t.db, { eventId: event.id, userId: c!.id, ...details(), now: NOW });
    const cancelled = await cancelRegistration(t.db, { registrationId: ra.ok ? ra.registration.id : 0, userId: a!.id, now: NOW });
    expect(cancelled.ok && cancelled.offers[0]?.offerExpiresAt?.toISOString()).toBe(at(10).toISOString());
    const bReg = await t.db.registration.findFirstOrThrow({ where: { userId: b!.id } });
    const declined = await declineOffer(t.db, { registrationId: bReg.id, userId: b!.id, now: at(1) });
    expect(declined).toMatchObject({ ok: true, registration: { status: "cancelled" } });
    expect(declined.offers.map((o) => o.userId)).toEqual([c!.id]);
  });

  it("does not let anyone change someone else's registration", async () => {
    t = await createTestDatabase(provider);
    const event = await makeEvent(t.db, { capacity: 1 });
    const [a, b, mallory] = await makeUsers(t.db, 3);
    const ra = await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details(), now: NOW });
    await reserveSeat(t.db, { eventId: event.id, userId: b!.id, ...details(), now: NOW });
    const id = ra.ok ? ra.registration.id : 0;
    expect(await cancelRegistration(t.db, { registrationId: id, userId: mallory!.id, now: NOW })).toEqual({ ok: false, reason: "not_yours" });
    expect(await cancelRegistration(t.db, { registrationId: 12345, userId: mallory!.id, now: NOW })).toEqual({ ok: false, reason: "not_found" });
    await cancelRegistration(t.db, { registrationId: id, userId: a!.id, now: NOW });
    const bReg = await t.db.registration.findFirstOrThrow({ where: { userId: b!.id } });
    expect(await acceptOffer(t.db, { registrationId: bReg.id, userId: mallory!.id, now: NOW })).toMatchObject({ ok: false, reason: "not_yours" });
    expect(await declineOffer(t.db, { registrationId: bReg.id, userId: mallory!.id, now: NOW })).toMatchObject({ ok: false, reason: "not_yours" });
    expect((await t.db.registration.findUniqueOrThrow({ where: { id: bReg.id } })).status).toBe("offered");
  });

  it("leaving the waitlist closes the gap; cancelled people may register again", async () => {
    t = await createTestDatabase(provider);
    const event = await makeEvent(t.db, { capacity: 1 });
    const users = await makeUsers(t.db, 5);
    const regs = [];
    for (const u of users) regs.push(await reserveSeat(t.db, { eventId: event.id, userId: u.id, ...details(), now: NOW }));
    const third = regs[2]!;
    await cancelRegistration(t.db, { registrationId: third.ok ? third.registration.id : 0, userId: users[2]!.id, now: NOW });
    expect(await positions(t.db, event.id)).toEqual([[users[1]!.id, 1], [users[3]!.id, 2], [users[4]!.id, 3]]);
    const back = await reserveSeat(t.db, { eventId: event.id, userId: users[2]!.id, ...details(), now: NOW });
    expect(back).toMatchObject({ ok: true, status: "waitlisted", position: 4, updated: false });
    const mine = await registrationsOfUser(t.db, users[2]!.id, NOW);
    expect(mine.map((r) => [r.status, r.waitlistPosition, r.event.title])).toEqual([["waitlisted", 4, "Temu Alumni Prakerja Jambi"]]);
  });
});
