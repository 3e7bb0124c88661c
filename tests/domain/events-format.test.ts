import { describe, expect, it } from "vitest";
import {
  formatClock,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatSortable,
  formatTimeRange,
} from "../../src/domain/events/format.js";
import { parseIsoDateTime, parseLocalDateTime } from "../../src/domain/events/validation.js";

// 10 March 2027 02:00 UTC = 09.00 WIB = 10.00 WITA = 11.00 WIT
const instant = new Date("2027-03-10T02:00:00Z");

describe("event date formatting in the venue's zone", () => {
  it("writes WIB, WITA and WIT in the Indonesian shape", () => {
    expect(formatDateTime(instant, "Asia/Jakarta")).toBe("Rabu, 10 Maret 2027 pukul 09.00 WIB");
    expect(formatDateTime(instant, "Asia/Makassar")).toBe("Rabu, 10 Maret 2027 pukul 10.00 WITA");
    expect(formatDateTime(instant, "Asia/Jayapura")).toBe("Rabu, 10 Maret 2027 pukul 11.00 WIT");
  });

  it("rolls over to the next day in the venue's zone, not the server's", () => {
    const late = new Date("2027-03-10T16:30:00Z"); // 23.30 WIB, 00.30 WITA on Thursday
    expect(formatDateTime(late, "Asia/Jakarta")).toBe("Rabu, 10 Maret 2027 pukul 23.30 WIB");
    expect(formatDateTime(late, "Asia/Makassar")).toBe("Kamis, 11 Maret 2027 pukul 00.30 WITA");
    expect(formatDateTime(late, "Asia/Jayapura")).toBe("Kamis, 11 Maret 2027 pukul 01.30 WIT");
  });

  it("formats ranges on one day and across days", () => {
    const end = new Date("2027-03-10T08:00:00Z");
    expect(formatDateRange(instant, end, "Asia/Jakarta")).toBe("Rabu, 10 Maret 2027 pukul 09.00–15.00 WIB");
    expect(formatTimeRange(instant, end, "Asia/Makassar")).toBe("pukul 10.00–16.00 WITA");
    // Temu Alumni Jambi, 18–19 September 2023
    const a = new Date("2023-09-18T01:00:00Z");
    const b = new Date("2023-09-19T09:00:00Z");
    expect(formatDateRange(a, b, "Asia/Jakarta")).toBe(
      "Senin, 18 September 2023 pukul 08.00 – Selasa, 19 September 2023 pukul 16.00 WIB",
    );
  });

  it("has the seed meetups on the right weekday", () => {
    // Banjarbaru, Saturday 2 September 2023; Merauke, Wednesday 6 December 2023; Gorontalo, Wednesday 5 June 2024
    expect(formatDate(new Date("2023-09-02T01:00:00Z"), "Asia/Makassar")).toBe("Sabtu, 2 September 2023");
    expect(formatDate(new Date("2023-12-06T01:00:00Z"), "Asia/Jayapura")).toBe("Rabu, 6 Desember 2023");
    expect(formatDate(new Date("2024-06-05T01:00:00Z"), "Asia/Makassar")).toBe("Rabu, 5 Juni 2024");
  });

  it("has an English version and a sortable one for spreadsheets", () => {
    expect(formatDateTime(instant, "Asia/Makassar", "en")).toBe("Wednesday, 10 March 2027 at 10:00 WITA");
    expect(formatClock(instant, "Asia/Jayapura")).toBe("11.00");
    expect(formatSortable(instant, "Asia/Jayapura")).toBe("2027-03-10 11:00 WIT");
  });

  it("reads ISO times with offset and times typed by an admin in the venue's zone", () => {
    const iso = parseIsoDateTime("2027-03-10T09:00:00+07:00");
    expect(iso.ok && iso.value.toISOString()).toBe("2027-03-10T02:00:00.000Z");
    expect(parseIsoDateTime("2027-03-10T09:00:00")).toMatchObject({ ok: false, code: "datetime_no_offset" });
    expect(parseIsoDateTime("2027-02-30T09:00:00+07:00")).toMatchObject({ ok: false, code: "date_not_exist" });
    expect(parseIsoDateTime("10 Maret 2027")).toMatchObject({ ok: false, code: "datetime_invalid" });
    for (const typed of ["10-03-2027 10.00", "10/3/2027 10:00", "2027-03-10 10:00", "10-03-2027 pukul 10.00", "10-03-2027 10.00 WITA"]) {
      const local = parseLocalDateTime(typed, "Asia/Makassar");
      expect(local.ok && local.value.toISOString(), typed).toBe("2027-03-10T02:00:00.000Z");
    }
    expect(parseLocalDateTime("31-04-2027 10.00", "Asia/Jakarta")).toMatchObject({ ok: false, code: "date_not_exist" });
    expect(parseLocalDateTime("besok pagi", "Asia/Jakarta")).toMatchObject({ ok: false, code: "datetime_local_invalid" });
  });
});
