import { afterEach, describe, expect, it } from "vitest";
import { decode } from "fast-png";
import QRCode from "qrcode";
import { checkIn, checkInQrPng, extractCheckInToken, newCheckInToken, QR_STYLE, qrSegments } from "../../src/domain/events/checkin.js";
import { checkInDeepLink, eventDeepLink, parseCheckInPayload, parseEventPayload } from "../../src/domain/events/links.js";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { NOW, details, makeEvent, makeUsers } from "./events-fixtures.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("check-in", () => {
  it("uses unguessable tokens that fit a /start payload", () => {
    const tokens = new Set(Array.from({ length: 2000 }, () => newCheckInToken()));
    expect(tokens.size).toBe(2000);
    for (const token of [...tokens].slice(0, 50)) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/); // 16 random bytes
      const link = checkInDeepLink("TemuAlumniBot", token);
      const payload = new URL(link).searchParams.get("start") ?? "";
      expect(payload.length).toBeLessThanOrEqual(64);
      expect(parseCheckInPayload(payload)).toBe(token);
    }
    expect(eventDeepLink("TemuAlumniBot", 12)).toBe("https://t.me/TemuAlumniBot?start=acara_12");
    expect(parseEventPayload("acara_12")).toBe(12);
    expect(parseEventPayload("acara_x")).toBeNull();
    const token = newCheckInToken();
    expect(extractCheckInToken(`https://t.me/TemuAlumniBot?start=ci_${token}`)).toBe(token);
    expect(extractCheckInToken(`ci_${token}`)).toBe(token);
    expect(extractCheckInToken(` ${token} `)).toBe(token);
    expect(extractCheckInToken("1234")).toBeNull();
  });

  it("records attendance by token once, and says when it was already recorded", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { capacity: 1 });
    const [a, b] = await makeUsers(t.db, 2);
    const ra = await reserveSeat(t.db, { eventId: event.id, userId: a!.id, ...details("Siti Rahma"), now: NOW });
    const rb = await reserveSeat(t.db, { eventId: event.id, userId: b!.id, ...details("Budi"), now: NOW });
    if (!ra.ok || !rb.ok) throw new Error("setup");
    const doorTime = new Date("2027-03-10T01:45:00Z");
    const first = await checkIn(t.db, ra.registration.checkInToken, { now: doorTime });
    expect(first).toMatchObject({ status: "checked_in", fullName: "Siti Rahma" });
    const second = await checkIn(t.db, `ci_${ra.registration.checkInToken}`, { now: new Date("2027-03-10T03:00:00Z") });
    expect(second).toMatchObject({ status: "already", checkedInAt: doorTime });
    // waitlisted people cannot check in; unknown and malformed codes are "not found"
    expect(await checkIn(t.db, rb.registration.checkInToken, { now: doorTime })).toMatchObject({ status: "not_confirmed" });
    expect(await checkIn(t.db, newCheckInToken(), { now: doorTime })).toEqual({ status: "not_found" });
    expect(await checkIn(t.db, "'; DROP TABLE x; --", { now: doorTime })).toEqual({ status: "not_found" });
    // a cancelled event refuses check-in
    await t.db.event.update({ where: { id: event.id }, data: { status: "cancelled" } });
    expect(await checkIn(t.db, ra.registration.checkInToken, { now: doorTime })).toMatchObject({ status: "event_not_open" });
  });

  it("makes a PNG QR code of the check-in link, pixel for pixel the image the qrcode library draws", async () => {
    const link = checkInDeepLink("TemuAlumniBot", newCheckInToken());
    const png = await checkInQrPng(link);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const ours = decode(png);
    const reference = decode(await QRCode.toBuffer(qrSegments(link), { type: "png", ...QR_STYLE }));
    expect([ours.width, ours.height, ours.depth, ours.channels]).toEqual([reference.width, reference.height, 1, 1]);
    expect(ours.width).toBeGreaterThan(200);
    const stride = Math.ceil(ours.width / 8);
    let dark = 0;
    const mismatches: string[] = [];
    for (let y = 0; y < reference.height; y++) {
      for (let x = 0; x < reference.width; x++) {
        const referenceWhite = (reference.data[(y * reference.width + x) * reference.channels] ?? 0) > 127;
        const ourWhite = ((ours.data[y * stride + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
        if (!ourWhite) dark++;
        if (referenceWhite !== ourWhite && mismatches.length < 5) mismatches.push(`${x},${y}`);
      }
    }
    expect(mismatches).toEqual([]);
    // a QR code is roughly half dark modules inside its quiet zone
    expect(dark / (ours.width * ours.height)).toBeGreaterThan(0.2);
  });
});
