import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  audienceFromJson,
  audienceToJson,
  countAudience,
  listAudience,
  parseAudience,
  type Audience,
} from "../../src/domain/broadcast/audience.js";
import { createBroadcast } from "../../src/domain/broadcast/queue.js";
import { seedUsers } from "../support/broadcast-fixtures.js";
import type { DatabaseProvider } from "../../src/db-url.js";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/db.js";

// A fixed data set. Users 102 (blocked), 104 (opted out) and 106 (no consent) must never be reached.
//   id   role     province  note
//   101  alumni   15        event A: confirmed, checked in, gave feedback for A
//   102  alumni   15        BLOCKED; event A: confirmed
//   103  calon    15        event A: confirmed, not checked in, no feedback
//   104  calon    31        OPTED OUT
//   105  alumni   31        event A: waitlisted; event B: confirmed + feedback for B
//   106  alumni   15        NO CONSENT; event A: confirmed
//   107  lainnya  32        event A: offered (waitlist offer)
//   108  -        -         event A: expired
//   109  alumni   32        event A: cancelled
//   110  calon    16        event A: confirmed + checked in, feedback only for B and "program"; event B: confirmed
let t: TestDatabase;
let eventA = 0;
let eventB = 0;

async function seedFixedDataSet(provider: DatabaseProvider) {
  t = await createTestDatabase(provider);
  const db = t.db;
  await seedUsers(db, [
    { telegramId: 101n, role: "alumni", province: "15" },
    { telegramId: 102n, role: "alumni", province: "15", blocked: true },
    { telegramId: 103n, role: "calon", province: "15" },
    { telegramId: 104n, role: "calon", province: "31", optedOut: true },
    { telegramId: 105n, role: "alumni", province: "31" },
    { telegramId: 106n, role: "alumni", province: "15", consent: false },
    { telegramId: 107n, role: "lainnya", province: "32" },
    { telegramId: 108n },
    { telegramId: 109n, role: "alumni", province: "32" },
    { telegramId: 110n, role: "calon", province: "16" },
  ]);
  const users = new Map((await db.user.findMany()).map((u) => [u.telegramId, u.id]));
  const uid = (tg: bigint) => users.get(tg) ?? 0;
  const event = (title: string) =>
    db.event.create({
      data: {
        title,
        province: "15",
        city: "Kota Jambi",
        venueName: "Aula",
        address: "Jl. Contoh 1",
        startsAt: new Date("2026-12-01T02:00:00Z"),
        endsAt: new Date("2026-12-01T05:00:00Z"),
        timeZone: "Asia/Jakarta",
        status: "published",
      },
    });
  eventA = (await event("Temu Alumni Jambi")).id;
  eventB = (await event("Temu Alumni Palembang")).id;
  let token = 0;
  const reg = (eventId: number, tg: bigint, status: string, checkedIn = false) =>
    db.registration.create({
      data: { eventId, userId: uid(tg), status, checkInToken: `tok-${token++}`, checkedInAt: checkedIn ? new Date() : null },
    });
  await reg(eventA, 101n, "confirmed", true);
  await reg(eventA, 102n, "confirmed");
  await reg(eventA, 103n, "confirmed");
  await reg(eventA, 105n, "waitlisted");
  await reg(eventA, 106n, "confirmed");
  await reg(eventA, 107n, "offered");
  await reg(eventA, 108n, "expired");
  await reg(eventA, 109n, "cancelled");
  await reg(eventA, 110n, "confirmed", true);
  await reg(eventB, 105n, "confirmed");
  await reg(eventB, 110n, "confirmed");
  const feedback = (tg: bigint, eventId: number | null) =>
    db.feedback.create({
      data: {
        userId: uid(tg),
        eventId,
        scope: eventId ? `event:${eventId}` : "program",
        rating: 5,
        mostUseful: "jejaring",
        outcome: "bekerja",
      },
    });
  await feedback(101n, eventA);
  await feedback(105n, eventB);
  await feedback(110n, eventB);
  await feedback(110n, null);
}

const cases: [string, () => Audience, bigint[]][] = [
  ["everyone", () => ({ kind: "all" }), [101n, 103n, 105n, 107n, 108n, 109n, 110n]],
  ["alumni", () => ({ kind: "role", role: "alumni" }), [101n, 105n, 109n]],
  ["calon peserta", () => ({ kind: "role", role: "calon" }), [103n, 110n]],
  ["one province (Jambi)", () => ({ kind: "provinces", codes: ["15"] }), [101n, 103n]],
  ["two provinces", () => ({ kind: "provinces", codes: ["15", "31"] }), [101n, 103n, 105n]],
  ["provinces with nobody", () => ({ kind: "provinces", codes: ["94"] }), []],
  ["event A confirmed", () => ({ kind: "event", eventId: eventA, segment: "confirmed" }), [101n, 103n, 110n]],
  ["event A waitlisted (incl. offered)", () => ({ kind: "event", eventId: eventA, segment: "waitlisted" }), [105n, 107n]],
  ["event A attended", () => ({ kind: "event", eventId: eventA, segment: "attended" }), [101n, 110n]],
  ["event A no feedback yet", () => ({ kind: "event", eventId: eventA, segment: "no_feedback" }), [103n, 110n]],
  ["event B confirmed", () => ({ kind: "event", eventId: eventB, segment: "confirmed" }), [105n, 110n]],
  ["event B no feedback yet", () => ({ kind: "event", eventId: eventB, segment: "no_feedback" }), []],
  ["event B attended", () => ({ kind: "event", eventId: eventB, segment: "attended" }), []],
];

describeEachProvider("audience selection on a fixed data set", (provider) => {
  beforeAll(() => seedFixedDataSet(provider));
  afterAll(() => t.close());

  it.each(cases)("%s", async (_name, audience, expected) => {
    const a = audience();
    expect(await countAudience(t.db, a)).toBe(expected.length);
    expect(await listAudience(t.db, a)).toEqual(expected);
  });

  it("queues exactly the counted people", async () => {
    for (const [, audience, expected] of cases) {
      const created = await createBroadcast(t.db, { createdBy: 1n, text: "Halo", audience: audience() });
      expect(created.total).toBe(expected.length);
      const rows = await t.db.broadcastRecipient.findMany({ where: { broadcastId: created.id }, orderBy: { telegramId: "asc" } });
      expect(rows.map((r) => r.telegramId)).toEqual(expected);
      expect(rows.every((r) => r.status === "pending")).toBe(true);
    }
  });

  it("never includes blocked, opted-out or non-consenting users", async () => {
    const everyone = await listAudience(t.db, { kind: "all" });
    for (const excluded of [102n, 104n, 106n]) expect(everyone).not.toContain(excluded);
  });
});

describe("audience validation", () => {
  it("accepts the four kinds and round-trips through JSON", () => {
    const a: Audience = { kind: "provinces", codes: ["31", "15", "15"] };
    expect(parseAudience(a)).toEqual({ kind: "provinces", codes: ["15", "31"] });
    expect(audienceFromJson(audienceToJson(a))).toEqual({ kind: "provinces", codes: ["15", "31"] });
    expect(parseAudience({ kind: "event", eventId: 3, segment: "attended" })).toEqual({ kind: "event", eventId: 3, segment: "attended" });
  });

  it("rejects unknown kinds, roles, provinces and segments", () => {
    expect(() => parseAudience({ kind: "everyone" })).toThrow();
    expect(() => parseAudience({ kind: "role", role: "admin" })).toThrow();
    expect(() => parseAudience({ kind: "provinces", codes: [] })).toThrow();
    expect(() => parseAudience({ kind: "provinces", codes: ["99"] })).toThrow();
    expect(() => parseAudience({ kind: "event", eventId: 1, segment: "maybe" })).toThrow();
    expect(() => parseAudience({ kind: "event", eventId: -1, segment: "confirmed" })).toThrow();
  });
});
