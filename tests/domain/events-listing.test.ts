import { afterEach, describe, expect, it } from "vitest";
import {
  audienceAllows,
  cancelEvent,
  completeFinishedEvents,
  createEvent,
  listEventsForAdmin,
  listUpcomingEvents,
  publishEvent,
  updateEvent,
} from "../../src/domain/events/events.js";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import type { EventInput } from "../../src/domain/events/validation.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { NOW, details, makeEvent, makeUser, makeUsers } from "./events-fixtures.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const day = (n: number) => new Date(Date.UTC(2027, 2, n, 2, 0));
const input = (over: Partial<EventInput> = {}): EventInput => ({
  title: "Temu Alumni Jambi",
  description: "",
  province: "15",
  city: "Kota Jambi",
  venueName: "Hotel A",
  address: "Jl. Sultan Agung No. 99",
  latitude: null,
  longitude: null,
  startsAt: day(10),
  endsAt: new Date(day(10).getTime() + 6 * 3600_000),
  capacity: 50,
  rsvpDeadline: null,
  audience: "semua",
  maxCompanions: 0,
  ...over,
});

describe("listing upcoming events", () => {
  it("puts the user's province first, then by start time, and pages through both groups", async () => {
    t = await createTestDatabase();
    const db = t.db;
    // Jambi (15): days 12, 20, 25; elsewhere: days 11 (Kalsel), 14 (Papua Selatan), 16 (Jabar), 30 (Gorontalo)
    const jambi = [12, 20, 25];
    for (const d of jambi) await makeEvent(db, { title: `Jambi ${d}`, startsAt: day(d), endsAt: new Date(day(d).getTime() + 3600_000) });
    const elsewhere: [number, string, string, string][] = [
      [11, "63", "Kota Banjarbaru", "Asia/Makassar"],
      [14, "93", "Kabupaten Merauke", "Asia/Jayapura"],
      [16, "32", "Kota Bandung", "Asia/Jakarta"],
      [30, "75", "Kota Gorontalo", "Asia/Makassar"],
    ];
    for (const [d, province, city, timeZone] of elsewhere) {
      await makeEvent(db, { title: `Lain ${d}`, province, city, timeZone, startsAt: day(d), endsAt: new Date(day(d).getTime() + 3600_000) });
    }
    // not listed: a draft, a cancelled one, and one that has ended
    await makeEvent(db, { title: "Draf", status: "draft", startsAt: day(13), endsAt: day(14) });
    await makeEvent(db, { title: "Batal", status: "cancelled", startsAt: day(13), endsAt: day(14) });
    await makeEvent(db, { title: "Lewat", startsAt: new Date("2027-02-20T02:00:00Z"), endsAt: new Date("2027-02-20T05:00:00Z") });

    const titles = async (page: number, province: string | null) =>
      (await listUpcomingEvents(db, { province, page, pageSize: 3, now: NOW })).items.map((i) => i.event.title);
    expect(await titles(0, "15")).toEqual(["Jambi 12", "Jambi 20", "Jambi 25"]);
    expect(await titles(1, "15")).toEqual(["Lain 11", "Lain 14", "Lain 16"]);
    expect(await titles(2, "15")).toEqual(["Lain 30"]);
    expect(await titles(0, "63")).toEqual(["Lain 11", "Jambi 12", "Lain 14"]);
    expect(await titles(0, null)).toEqual(["Lain 11", "Jambi 12", "Lain 14"]);
    // a page in the middle of the boundary between the two groups
    const page = await listUpcomingEvents(db, { province: "15", page: 0, pageSize: 4, now: NOW });
    expect(page.items.map((i) => i.event.title)).toEqual(["Jambi 12", "Jambi 20", "Jambi 25", "Lain 11"]);
    expect(page).toMatchObject({ total: 7, pages: 2, inProvince: 3, page: 0 });
    const second = await listUpcomingEvents(db, { province: "15", page: 1, pageSize: 4, now: NOW });
    expect(second.items.map((i) => i.event.title)).toEqual(["Lain 14", "Lain 16", "Lain 30"]);
    // a page past the end is clamped to the last one
    expect((await listUpcomingEvents(db, { province: "15", page: 99, pageSize: 4, now: NOW })).page).toBe(1);
  });

  it("shows seats left, counting companions and open offers, and unlimited as null", async () => {
    t = await createTestDatabase();
    const limited = await makeEvent(t.db, { capacity: 10, maxCompanions: 2 });
    const unlimited = await makeEvent(t.db, { title: "Bebas", capacity: 0, startsAt: day(11), endsAt: day(12) });
    const [a, b] = await makeUsers(t.db, 2);
    await reserveSeat(t.db, { eventId: limited.id, userId: a!.id, ...details(), companions: 2, now: NOW });
    await reserveSeat(t.db, { eventId: limited.id, userId: b!.id, ...details(), now: NOW });
    await reserveSeat(t.db, { eventId: unlimited.id, userId: a!.id, ...details(), now: NOW });
    const page = await listUpcomingEvents(t.db, { now: NOW });
    expect(page.items.map((i) => [i.event.title, i.taken, i.seatsLeft])).toEqual([
      ["Temu Alumni Prakerja Jambi", 4, 6],
      ["Bebas", 1, null],
    ]);
  });
});

describe("event lifecycle", () => {
  it("creates a draft with validation, publishes it, and lists it for admins", async () => {
    t = await createTestDatabase();
    const bad = await createEvent(t.db, input({ title: "x", city: "Kota Bandung", endsAt: day(9) }), { now: NOW, provinces: null });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => `${i.field}:${i.code}`)).toEqual(["title:too_short", "city:city_unknown", "endsAt:end_before_start"]);
    const created = await createEvent(t.db, input({ province: "63", city: "Kota Banjarbaru" }), { now: NOW, createdBy: 7, provinces: null });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.event).toMatchObject({ status: "draft", timeZone: "Asia/Makassar", createdBy: 7n });
    expect((await listUpcomingEvents(t.db, { now: NOW })).total).toBe(0);
    expect(await publishEvent(t.db, created.event.id, { now: NOW })).toMatchObject({ ok: true, event: { status: "published" } });
    expect(await publishEvent(t.db, created.event.id, { now: NOW })).toMatchObject({ ok: false, reason: "wrong_status" });
    expect((await listUpcomingEvents(t.db, { now: NOW })).total).toBe(1);
    const admin = await listEventsForAdmin(t.db, { now: NOW });
    expect(admin.items[0]).toMatchObject({ confirmed: 0, waitlisted: 0, checkedIn: 0, seatsLeft: 50 });
  });

  it("cancels an event and returns everyone registered or waiting to be told", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { capacity: 1 });
    const [a, b, c] = await makeUsers(t.db, 3);
    await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details(), now: NOW });
    await reserveSeat(t.db, { eventId: event.id, userId: b!.id, ...details(), now: NOW });
    await reserveSeat(t.db, { eventId: event.id, userId: c!.id, ...details(), now: NOW });
    const result = await cancelEvent(t.db, event.id, { now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notify.map((n) => n.telegramId).sort()).toEqual([a!.telegramId, b!.telegramId, c!.telegramId].sort());
    expect(result.event).toMatchObject({ status: "cancelled", cancelledAt: NOW });
    expect(await cancelEvent(t.db, event.id, { now: NOW })).toMatchObject({ ok: false, reason: "wrong_status" });
    expect(await reserveSeat(t.db, { eventId: event.id, userId: (await makeUser(t.db)).id, ...details(), now: NOW })).toMatchObject({
      ok: false,
      reason: "event_not_open",
    });
  });

  it("edits an event: more seats go to the waitlist, a new time resets reminders, capacity cannot drop below seats taken", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { capacity: 1 });
    const [a, b] = await makeUsers(t.db, 2);
    await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details(), now: NOW });
    await reserveSeat(t.db, { eventId: event.id, userId: b!.id, ...details(), now: NOW });
    await t.db.registration.updateMany({ data: { reminderDaySentAt: NOW } });

    const grown = await updateEvent(t.db, event.id, { capacity: 2 }, { now: NOW });
    expect(grown).toMatchObject({ ok: true, changed: ["capacity"], notify: [] });
    if (grown.ok) expect(grown.offers.map((o) => o.userId)).toEqual([b!.id]);

    const shrunk = await updateEvent(t.db, event.id, { capacity: 1 }, { now: NOW });
    expect(shrunk).toMatchObject({ ok: false, reason: "invalid", issues: [{ code: "capacity_below_taken", params: { taken: 2 } }] });

    const moved = await updateEvent(t.db, event.id, { startsAt: day(17), endsAt: new Date(day(17).getTime() + 3600_000) }, { now: NOW });
    expect(moved.ok).toBe(true);
    if (moved.ok) {
      expect(moved.changed).toEqual(["startsAt", "endsAt"]);
      expect(moved.notify).toHaveLength(2);
    }
    const regs = await t.db.registration.findMany();
    expect(regs.every((r) => r.reminderDaySentAt === null)).toBe(true);
  });

  it("marks ended events completed", async () => {
    t = await createTestDatabase();
    const e = await makeEvent(t.db);
    expect(await completeFinishedEvents(t.db, new Date("2027-03-10T07:59:00Z"))).toEqual([]);
    expect(await completeFinishedEvents(t.db, new Date("2027-03-10T08:00:00Z"))).toEqual([e.id]);
    expect((await t.db.event.findUniqueOrThrow({ where: { id: e.id } })).status).toBe("completed");
  });
});

describe("audience", () => {
  it("lets only alumni register for alumni events", async () => {
    expect(audienceAllows("semua", null)).toBe(true);
    expect(audienceAllows("alumni", "alumni")).toBe(true);
    expect(audienceAllows("alumni", "calon")).toBe(false);
    expect(audienceAllows("alumni", "calon", 12)).toBe(true);
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { audience: "alumni" });
    const calon = await makeUser(t.db, { role: "calon" });
    const notYet = { ...details(), gelombang: null };
    expect(await reserveSeat(t.db, { eventId: event.id, userId: calon.id, ...notYet, now: NOW })).toMatchObject({ ok: false, reason: "alumni_only" });
    expect(await reserveSeat(t.db, { eventId: event.id, userId: calon.id, ...details(), now: NOW })).toMatchObject({ ok: true, status: "confirmed" });
  });
});
