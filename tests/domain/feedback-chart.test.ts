import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CHART_HEIGHT, CHART_WIDTH, renderStatsChart, statsChartSvg } from "../../src/domain/feedback/chart.js";
import { eventStats, overallStats } from "../../src/domain/feedback/stats.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { seedStatsDataset } from "../support/feedback-dataset.js";
import { makeEvent } from "../support/feedback-fixtures.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const artifacts = path.join(import.meta.dirname, "..", "artifacts");

/** Width and height from the PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("stats chart", () => {
  it("renders the fixed data set as a PNG of about 1000×600 with Indonesian labels", async () => {
    t = await createTestDatabase();
    const { eventA } = await seedStatsDataset(t.db);
    const stats = await eventStats(t.db, eventA.id);
    if (!stats) throw new Error("no stats");

    const svg = await statsChartSvg(stats);
    expect(svg).toContain("Statistik Temu Alumni: Temu Alumni Jambi");
    expect(svg).toContain("Sebaran rating");
    expect(svg).toContain("5 jawaban");
    expect(svg).toContain("di antara 4 responden yang dulu menganggur");
    expect(svg).toContain("Rata-rata rating 4,0 / 5");
    expect(svg).toContain("Hadir 4 (66,7% dari terkonfirmasi)");
    expect(svg).toContain("Kini bekerja");
    expect(svg).toContain("Membuka usaha");
    expect(svg).toContain("50% (2)");
    expect(svg).toContain("DejaVu Sans");

    const png = await renderStatsChart(stats);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    // a chart with text and bars, not a blank page, and small enough for sendPhoto (10 MB)
    expect(png.length).toBeGreaterThan(15_000);
    expect(png.length).toBeLessThan(1_000_000);
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(path.join(artifacts, "stats-chart.png"), png);

    const overall = await overallStats(t.db);
    const overallPng = await renderStatsChart(overall);
    expect(await statsChartSvg(overall)).toContain("Statistik keseluruhan (2 acara)");
    fs.writeFileSync(path.join(artifacts, "stats-chart-overall.png"), overallPng);
  });

  it("renders an event without any answers", async () => {
    t = await createTestDatabase();
    const event = await makeEvent(t.db, { title: "Temu Alumni Merauke dengan judul yang sangat panjang sekali sampai terpotong di gambar" });
    const stats = await eventStats(t.db, event.id);
    if (!stats) throw new Error("no stats");
    expect(await statsChartSvg(stats)).toContain("Belum ada data");
    const png = await renderStatsChart(stats);
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(path.join(artifacts, "stats-chart-empty.png"), png);
  });
});
