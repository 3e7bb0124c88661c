import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { registrationsCsv, phoneForSpreadsheet, REGISTRATION_CSV_COLUMNS } from "../../src/domain/events/export.js";
import { buildEventIcs, icsFileName } from "../../src/domain/events/ics.js";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import { checkIn } from "../../src/domain/events/checkin.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { NOW, makeEvent, makeUsers } from "./events-fixtures.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("calendar file", () => {
  it("has UTC times, the venue, the link, and an alarm", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { title: "Temu Alumni Banjarbaru", province: "63", city: "Kota Banjarbaru", timeZone: "Asia/Makassar" });
    const ics = buildEventIcs(event, { url: "https://t.me/TemuAlumniBot?start=acara_1" });
    const unfolded = ics.replace(/\r?\n[ \t]/g, "");
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("DTSTART:20270310T020000Z");
    expect(ics).toContain("DTEND:20270310T080000Z");
    expect(ics).toContain("SUMMARY:Temu Alumni Banjarbaru");
    expect(unfolded).toContain("LOCATION:Hotel Swiss-Belhotel Jambi\\, Jl. Sultan Agung No. 99\\, Kota Banjarbaru\\, Kalimantan Selatan");
    expect(ics).toContain("URL:https://t.me/TemuAlumniBot?start=acara_1");
    expect(ics).toContain("GEO:-1.6101;103.6131");
    expect(ics).toContain("TRIGGER:-PT2H");
    expect(unfolded).toContain("Rabu\\, 10 Maret 2027 pukul 10.00–16.00 WITA");
    expect(icsFileName(event)).toBe("temu-alumni-banjarbaru.ics");
  });

  it("is made once per content: the same event gives the same file, an edited one or other options a new one", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { title: "Temu Alumni Gorontalo", province: "75", city: "Kota Gorontalo", timeZone: "Asia/Makassar" });
    const url = "https://t.me/TemuAlumniBot?start=acara_2";
    const first = buildEventIcs(event, { url });
    expect(buildEventIcs({ ...event }, { url })).toBe(first);
    const moved = buildEventIcs({ ...event, address: "Jl. Nani Wartabone No. 1", startsAt: new Date(event.startsAt.getTime() + 3_600_000) }, { url });
    expect(moved).not.toBe(first);
    expect(moved.replace(/\r?\n[ \t]/g, "")).toContain("Jl. Nani Wartabone No. 1");
    expect(moved).toContain("DTSTART:20270310T030000Z");
    const cancelled = buildEventIcs({ ...event, status: "cancelled" }, { url });
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(buildEventIcs(event, { url, locale: "en" })).toContain("When:");
    expect(buildEventIcs(event, { url })).toBe(first);
  });
});

describe("registrations export", () => {
  it("is a UTF-8 CSV with BOM, Indonesian headers, venue-zone times and safe cells", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { capacity: 3, maxCompanions: 2, timeZone: "Asia/Jayapura", province: "93", city: "Kabupaten Merauke" });
    const [a, b, c] = await makeUsers(t.db, 3);
    const ra = await reserveSeat(t.db, {
      eventId: event.id, userId: a!.id, fullName: "Siti Rahmawati", city: "Kabupaten Merauke", gelombang: 48,
      training: "Pemasaran Digital, tingkat dasar", phone: "+6281234567890", now: new Date("2027-02-28T23:05:00Z"),
    });
    await reserveSeat(t.db, {
      eventId: event.id, userId: b!.id, fullName: "=HYPERLINK(\"http://x\")", city: "Kabupaten Merauke", gelombang: null, companions: 1, now: NOW,
    });
    await reserveSeat(t.db, { eventId: event.id, userId: c!.id, fullName: "Yohanes Gebze", city: "Kabupaten Merauke", gelombang: 50, now: NOW });
    if (ra.ok) await checkIn(t.db, ra.registration.checkInToken, { now: new Date("2027-03-10T01:50:00Z") });

    const file = await registrationsCsv(t.db, event.id);
    expect(file).not.toBeNull();
    if (!file) return;
    expect(file.fileName).toBe(`pendaftar-acara-${event.id}.csv`);
    expect([...file.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.content.toString("utf8");
    expect(text.includes("\r\n")).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...REGISTRATION_CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      ["1", "Siti Rahmawati", "Kabupaten Merauke", "48", "Pemasaran Digital, tingkat dasar", "0812-3456-7890", "0", "1", "Terkonfirmasi", "", "2027-03-01 08:05 WIT", "Ya", "2027-03-10 10:50 WIT"],
      ["2", "'=HYPERLINK(\"http://x\")", "Kabupaten Merauke", "Belum peserta", "", "", "1", "2", "Terkonfirmasi", "", "2027-03-01 09:00 WIT", "Tidak", ""],
      ["3", "Yohanes Gebze", "Kabupaten Merauke", "50", "", "", "0", "1", "Daftar tunggu", "1", "2027-03-01 09:00 WIT", "Tidak", ""],
    ]);
    expect(file.rows).toBe(3);
    expect(await registrationsCsv(t.db, 9999)).toBeNull();
  });

  it("writes phone numbers the way Excel keeps them as text", () => {
    expect(phoneForSpreadsheet("+6281234567890")).toBe("0812-3456-7890");
    expect(phoneForSpreadsheet("+628123456789")).toBe("0812-3456-789");
    expect(phoneForSpreadsheet("+14155550100")).toBe("'+14155550100");
    expect(phoneForSpreadsheet(null)).toBe("");
  });
});
