import { afterEach, describe, expect, it } from "vitest";
import { eventStats, overallStats } from "../../src/domain/feedback/stats.js";
import { suggestionThemes } from "../../src/domain/feedback/themes.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { seedStatsDataset } from "../support/feedback-dataset.js";
import { makeEvent } from "../support/feedback-fixtures.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("suggestion themes", () => {
  it("drops stop-words and filler, groups by stem and counts each suggestion once", () => {
    const themes = suggestionThemes([
      "Mohon pelatihan pelatihan pelatihan offline",
      "Latihan lebih banyak ya kak, terima kasih",
      "Berlatih bersama mentor",
      "Semoga sukses selalu!!! 👍 2024",
    ]);
    // pelatihan: suggestions 1, 2 and 3, once each; shown in its most frequent spelling
    expect(themes).toEqual([
      ["pelatihan", 3],
      ["mentor", 1],
      ["offline", 1],
    ]);
  });

  it("returns no themes without content words", () => {
    expect(suggestionThemes([])).toEqual([]);
    expect(suggestionThemes(["Terima kasih banyak, sangat bagus", "ok"])).toEqual([]);
  });
});

describe("statistics on the fixed data set", () => {
  it("event A (with check-in)", async () => {
    t = await createTestDatabase();
    const { eventA } = await seedStatsDataset(t.db);
    const stats = await eventStats(t.db, eventA.id);
    expect(stats).not.toBeNull();
    if (!stats) return;
    expect(stats.scope).toEqual({ kind: "event", eventId: eventA.id, title: "Temu Alumni Jambi" });
    expect(stats.registrations).toBe(10); // u1–u10
    expect(stats.confirmed).toBe(6); // u1–u6
    expect(stats.waitlisted).toBe(2); // u7 waitlisted + u8 offered
    expect(stats.cancelled).toBe(1); // u9 (u10 expired counts in none of these)
    expect(stats.checkedIn).toBe(4); // u1–u4
    expect(stats.attendanceRate).toBeCloseTo(4 / 6, 10);
    expect(stats.answers).toBe(5);
    expect(stats.respondents).toBe(5);
    expect(stats.averageRating).toBeCloseTo((5 + 4 + 4 + 2 + 5) / 5, 10); // 4.0
    expect(stats.ratingDistribution).toEqual({ 1: 0, 2: 1, 3: 0, 4: 2, 5: 2 });
    // unemployed before: u1 (bekerja), u2 (keduanya), u3 (belum), u5 (usaha); u4 was working before
    expect(stats.outcome).toEqual({ unemployedBefore: 4, works: 2, business: 2, worksShare: 0.5, businessShare: 0.5 });
    expect(stats.themes).toEqual([
      ["pelatihan", 3], // u1 "pelatihan", u2 "latihan"+"pelatihan", u3 "pelatihan"
      ["jambi", 2],
      ["offline", 2],
      ["info", 1],
      ["jadwal", 1],
    ]);
    expect(stats.faqDownvotes).toBe(3);
    expect(stats.faqAnswersDownvoted).toBe(2);
  });

  it("event B (no check-in at all)", async () => {
    t = await createTestDatabase();
    const { eventB } = await seedStatsDataset(t.db);
    const stats = await eventStats(t.db, eventB.id);
    expect(stats).toEqual({
      scope: { kind: "event", eventId: eventB.id, title: "Temu Alumni Gorontalo" },
      registrations: 3,
      confirmed: 3,
      waitlisted: 0,
      cancelled: 0,
      checkedIn: 0,
      attendanceRate: 0,
      answers: 2,
      respondents: 2,
      averageRating: 2, // (3 + 1) / 2
      ratingDistribution: { 1: 1, 2: 0, 3: 1, 4: 0, 5: 0 },
      // u6 menganggur → bekerja, u1 menganggur → lainnya (magang)
      outcome: { unemployedBefore: 2, works: 1, business: 0, worksShare: 0.5, businessShare: 0 },
      themes: [
        ["digital", 1],
        ["lanjut", 1],
        ["marketing", 1],
        ["materi", 1],
      ],
      faqDownvotes: 3,
      faqAnswersDownvoted: 2,
    });
  });

  it("overall: every event and the programme, each person's latest answer for the outcome", async () => {
    t = await createTestDatabase();
    await seedStatsDataset(t.db);
    const stats = await overallStats(t.db);
    expect(stats.scope).toEqual({ kind: "overall", events: 2 });
    expect(stats.registrations).toBe(13); // 10 + 3
    expect(stats.confirmed).toBe(9); // 6 + 3
    expect(stats.waitlisted).toBe(2);
    expect(stats.cancelled).toBe(1);
    expect(stats.checkedIn).toBe(4);
    expect(stats.attendanceRate).toBeCloseTo(4 / 9, 10);
    expect(stats.answers).toBe(10); // 5 (A) + 2 (B) + 3 (programme)
    expect(stats.respondents).toBe(9); // u1–u6, u8, u9 + the erased author
    // 5+4+4+2+5 + 3+1 + 5+3+4 = 36
    expect(stats.averageRating).toBeCloseTo(3.6, 10);
    expect(stats.ratingDistribution).toEqual({ 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 });
    // base: u1 (latest: B → lainnya), u2 keduanya, u3 belum, u5 usaha, u6 bekerja, u9 keduanya, erased belum
    expect(stats.outcome.unemployedBefore).toBe(7);
    expect(stats.outcome.works).toBe(3); // u2, u6, u9
    expect(stats.outcome.business).toBe(3); // u2, u5, u9
    expect(stats.outcome.worksShare).toBeCloseTo(3 / 7, 10);
    expect(stats.outcome.businessShare).toBeCloseTo(3 / 7, 10);
    expect(stats.themes).toEqual([
      ["pelatihan", 4], // + u9 "Pelatihan offline di daerah"
      ["offline", 3],
      ["jambi", 2],
      ["cair", 1],
      ["cepat", 1],
    ]);
    expect(stats.faqDownvotes).toBe(3);
    expect(stats.faqAnswersDownvoted).toBe(2);
  });

  it("an event without registrations or answers gives zeros and no rates", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { title: "Kosong" });
    expect(await eventStats(t.db, event.id)).toEqual({
      scope: { kind: "event", eventId: event.id, title: "Kosong" },
      registrations: 0,
      confirmed: 0,
      waitlisted: 0,
      cancelled: 0,
      checkedIn: 0,
      attendanceRate: null,
      answers: 0,
      respondents: 0,
      averageRating: null,
      ratingDistribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      outcome: { unemployedBefore: 0, works: 0, business: 0, worksShare: null, businessShare: null },
      themes: [],
      faqDownvotes: 0,
      faqAnswersDownvoted: 0,
    });
    expect(await eventStats(t.db, 9999)).toBeNull();
  });
});
