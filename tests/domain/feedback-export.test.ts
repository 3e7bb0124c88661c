import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { FEEDBACK_CSV_COLUMNS, PROGRAM_SCOPE_LABEL, feedbackCsv, formatWib, neutraliseFormula } from "../../src/domain/feedback/export.js";
import { saveFeedback } from "../../src/domain/feedback/survey.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { makeEvent, makeUser } from "../support/feedback-fixtures.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function rowsOf(csv: Buffer): string[][] {
  return parse(csv.subarray(3).toString("utf8"), { relax_column_count: false }) as string[][];
}

describe("feedbackCsv", () => {
  it("writes UTF-8 with a BOM, Indonesian columns, one row per answer and no Telegram ids or names", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { title: "Temu Alumni Gorontalo" });
    const other = await makeEvent(t.db, { title: "Temu Alumni Merauke" });
    const sari = await makeUser(t.db, { telegramId: 5_550_001_234n, firstName: "Sari" });
    const budi = await makeUser(t.db, { telegramId: 5_550_009_876n, firstName: "Budi" });
    await saveFeedback(t.db, sari.id, `event:${event.id}`, {
      rating: 5,
      mostUseful: "lainnya",
      mostUsefulOther: "Sesi tanya jawab",
      suggestion: 'Tolong adakan pelatihan "luring", di Gorontalo 🙏\nTerima kasih',
      statusBefore: "menganggur",
      outcome: "keduanya",
      outcomeField: "Kuliner & katering",
      story: "Cerita rahasia Sari",
      storyConsent: "named",
    });
    await saveFeedback(t.db, budi.id, "program", {
      rating: 3,
      mostUseful: "info_program",
      suggestion: "=HYPERLINK(\"http://contoh\")",
      statusBefore: "pelajar",
      outcome: "belum",
      storyConsent: "none",
    });
    await saveFeedback(t.db, budi.id, `event:${other.id}`, { rating: 4, mostUseful: "jejaring", statusBefore: "bekerja", outcome: "bekerja", outcomeField: "Guru" });

    const csv = await feedbackCsv(t.db);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString("utf8");
    expect(text).not.toContain("5550001234");
    expect(text).not.toContain("5550009876");
    expect(text).not.toContain("Sari");
    expect(text).not.toContain("Budi");
    expect(text).not.toContain("Cerita rahasia");

    const rows = rowsOf(csv);
    expect(rows[0]).toEqual(["waktu", "acara", "rating", "paling_berguna", "saran", "status_sebelum", "hasil", "bidang", "cerita_izin"]);
    expect(rows[0]).toEqual([...FEEDBACK_CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const [, first, second, third] = rows;
    expect(first?.slice(1)).toEqual([
      "Temu Alumni Gorontalo",
      "5",
      "lainnya: Sesi tanya jawab",
      'Tolong adakan pelatihan "luring", di Gorontalo 🙏\nTerima kasih',
      "menganggur",
      "keduanya",
      "Kuliner & katering",
      "dengan_nama",
    ]);
    expect(first?.[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(second?.slice(1)).toEqual([PROGRAM_SCOPE_LABEL, "3", "info_program", "'=HYPERLINK(\"http://contoh\")", "pelajar", "belum", "", "tidak"]);
    expect(third?.slice(1)).toEqual(["Temu Alumni Merauke", "4", "jejaring", "", "bekerja", "bekerja", "Guru", "tidak"]);

    const onlyEvent = rowsOf(await feedbackCsv(t.db, event.id));
    expect(onlyEvent).toHaveLength(2);
    expect(onlyEvent[1]?.[1]).toBe("Temu Alumni Gorontalo");
  });

  it("writes only the header when there are no answers, with CRLF line ends", async () => {
    t = await createTestDatabase();
    const csv = await feedbackCsv(t.db);
    expect(csv.subarray(3).toString("utf8")).toBe(`${FEEDBACK_CSV_COLUMNS.join(",")}\r\n`);
  });

  it("formats times in WIB and neutralises spreadsheet formulas", () => {
    expect(formatWib(new Date("2024-06-05T20:30:00Z"))).toBe("2024-06-06T03:30:00+07:00");
    expect(neutraliseFormula("=1+1")).toBe("'=1+1");
    expect(neutraliseFormula("+62812")).toBe("'+62812");
    expect(neutraliseFormula("-")).toBe("'-");
    expect(neutraliseFormula("@foo")).toBe("'@foo");
    expect(neutraliseFormula("biasa")).toBe("biasa");
  });
});
