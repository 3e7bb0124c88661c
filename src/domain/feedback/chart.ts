// The /statistik picture: an ECharts chart rendered to SVG on the server (no browser, no canvas) and
// rasterised to PNG with resvg. The DejaVu fonts ship with the `dejavu-fonts-ttf` package and are the
// only fonts resvg loads, so the text looks the same (and is legible) on every machine.
import { createRequire } from "node:module";
import path from "node:path";
import type * as ResvgModule from "@resvg/resvg-js";
import type * as EChartsModule from "echarts";
import type { FeedbackStats } from "./stats.js";

/**
 * ECharts is loaded on the first chart, not at start-up: it costs about 0.7 s and 45 MB to load, and only
 * admins asking for /statistik need it.
 */
let echartsModule: Promise<typeof EChartsModule> | undefined;
let resvgModule: Promise<typeof ResvgModule> | undefined;
function loadECharts(): Promise<typeof EChartsModule> {
  echartsModule ??= import("echarts");
  return echartsModule;
}

export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 600;
const FONT_FAMILY = "DejaVu Sans";
// two panels side by side; headings are centred over their panel's plot area
const RATING_GRID = { left: 70, right: 460 };
const OUTCOME_GRID = { left: 580, right: 950 };
const RATING_CENTER = (RATING_GRID.left + RATING_GRID.right) / 2;
const OUTCOME_CENTER = (OUTCOME_GRID.left + OUTCOME_GRID.right) / 2;

/** The font files, found on the first chart (resolving the package at import cost start-up time). */
function fontFiles(): string[] {
  const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
  return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => path.join(fontDir, file));
}

/** Every word in the picture; Indonesian by default, the bot passes its locale's texts. */
export interface ChartLabels {
  /** e.g. "Statistik Temu Alumni: {title}" already filled in by the caller, or built from the defaults */
  eventTitle: (title: string) => string;
  overallTitle: (events: number) => string;
  summary: (stats: FeedbackStats) => string;
  ratingHeading: string;
  ratingSubheading: (answers: number) => string;
  ratingCategory: (stars: number) => string;
  outcomeHeading: string;
  outcomeSubheading: (unemployedBefore: number) => string;
  outcomeWorks: string;
  outcomeBusiness: string;
  noOutcomeData: string;
  /** a share 0..1 as a percentage in the reader's locale; null when there is no base */
  percent: (share: number | null) => string;
}

const id = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
const rating = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = (share: number | null) => (share === null ? "–" : `${id.format(share * 100)}%`);

export const INDONESIAN_CHART_LABELS: ChartLabels = {
  eventTitle: (title) => `Statistik Temu Alumni: ${title}`,
  overallTitle: (events) => `Statistik keseluruhan (${events} acara)`,
  summary: (s) =>
    [
      [
        `Pendaftar ${s.registrations}`,
        `Terkonfirmasi ${s.confirmed}`,
        `Daftar tunggu ${s.waitlisted}`,
        s.attendanceRate === null ? `Hadir ${s.checkedIn}` : `Hadir ${s.checkedIn} (${percent(s.attendanceRate)} dari terkonfirmasi)`,
      ].join("   ·   "),
      [
        `Responden ${s.respondents}`,
        `Rata-rata rating ${s.averageRating === null ? "–" : `${rating.format(s.averageRating)} / 5`}`,
      ].join("   ·   "),
    ].join("\n"),
  ratingHeading: "Sebaran rating",
  ratingSubheading: (answers) => `${answers} jawaban`,
  ratingCategory: (stars) => `${stars} ★`,
  outcomeHeading: "Hasil setelah Prakerja",
  outcomeSubheading: (n) => `di antara ${n} responden yang dulu menganggur`,
  outcomeWorks: "Kini bekerja",
  outcomeBusiness: "Membuka usaha",
  noOutcomeData: "Belum ada data",
  percent,
};

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** The chart as SVG markup (exposed for tests and for debugging the layout). */
export async function statsChartSvg(stats: FeedbackStats, labels: ChartLabels = INDONESIAN_CHART_LABELS): Promise<string> {
  const echarts = await loadECharts();
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  const ratings = [1, 2, 3, 4, 5] as const;
  const outcome = stats.outcome;
  const shares = [outcome.worksShare, outcome.businessShare].map((share) => (share === null ? 0 : Math.round(share * 1000) / 10));
  const title = stats.scope.kind === "event" ? labels.eventTitle(stats.scope.title) : labels.overallTitle(stats.scope.events);
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: FONT_FAMILY, color: "#1f2937" },
      title: [
        {
          text: shorten(title, 56),
          subtext: labels.summary(stats),
          left: "center",
          top: 16,
          textStyle: { fontFamily: FONT_FAMILY, fontSize: 26, fontWeight: "bold", color: "#111827" },
          subtextStyle: { fontFamily: FONT_FAMILY, fontSize: 16, lineHeight: 24, color: "#374151" },
          itemGap: 12,
        },
        {
          text: labels.ratingHeading,
          subtext: labels.ratingSubheading(stats.answers),
          left: RATING_CENTER,
          top: 130,
          textAlign: "center",
          textStyle: { fontFamily: FONT_FAMILY, fontSize: 19, fontWeight: "bold", color: "#1f2937" },
          subtextStyle: { fontFamily: FONT_FAMILY, fontSize: 15, color: "#4b5563" },
          itemGap: 6,
        },
        {
          text: labels.outcomeHeading,
          subtext: labels.outcomeSubheading(outcome.unemployedBefore),
          left: OUTCOME_CENTER,
          top: 130,
          textAlign: "center",
          textStyle: { fontFamily: FONT_FAMILY, fontSize: 19, fontWeight: "bold", color: "#1f2937" },
          subtextStyle: { fontFamily: FONT_FAMILY, fontSize: 15, color: "#4b5563" },
          itemGap: 6,
        },
        ...(outcome.unemployedBefore === 0
          ? [
              {
                text: labels.noOutcomeData,
                left: OUTCOME_CENTER,
                top: 360,
                textAlign: "center" as const,
                textStyle: { fontFamily: FONT_FAMILY, fontSize: 20, color: "#6b7280" },
              },
            ]
          : []),
      ],
      grid: [
        { left: RATING_GRID.left, right: CHART_WIDTH - RATING_GRID.right, top: 215, bottom: 55 },
        { left: OUTCOME_GRID.left, right: CHART_WIDTH - OUTCOME_GRID.right, top: 215, bottom: 55 },
      ],
      xAxis: [
        {
          gridIndex: 0,
          type: "category",
          data: ratings.map((stars) => labels.ratingCategory(stars)),
          axisLabel: { fontFamily: FONT_FAMILY, fontSize: 18, color: "#1f2937" },
          axisTick: { alignWithLabel: true },
        },
        {
          gridIndex: 1,
          type: "category",
          data: [labels.outcomeWorks, labels.outcomeBusiness],
          axisLabel: { fontFamily: FONT_FAMILY, fontSize: 18, color: "#1f2937" },
          axisTick: { alignWithLabel: true },
        },
      ],
      yAxis: [
        {
          gridIndex: 0,
          type: "value",
          minInterval: 1,
          axisLabel: { fontFamily: FONT_FAMILY, fontSize: 15, color: "#4b5563" },
          splitLine: { lineStyle: { color: "#e5e7eb" } },
        },
        {
          gridIndex: 1,
          type: "value",
          min: 0,
          max: 100,
          interval: 25,
          axisLabel: { fontFamily: FONT_FAMILY, fontSize: 15, color: "#4b5563", formatter: "{value}%" },
          splitLine: { lineStyle: { color: "#e5e7eb" } },
        },
      ],
      series: [
        {
          type: "bar",
          xAxisIndex: 0,
          yAxisIndex: 0,
          barWidth: "55%",
          data: ratings.map((stars) => stats.ratingDistribution[stars]),
          itemStyle: { color: "#2563eb" },
          label: { show: true, position: "top", fontFamily: FONT_FAMILY, fontSize: 18, fontWeight: "bold", color: "#1f2937" },
        },
        {
          type: "bar",
          xAxisIndex: 1,
          yAxisIndex: 1,
          barWidth: "45%",
          data: [
            { value: shares[0], itemStyle: { color: "#16a34a" } },
            { value: shares[1], itemStyle: { color: "#f59e0b" } },
          ],
          label: {
            show: outcome.unemployedBefore > 0,
            position: "top",
            fontFamily: FONT_FAMILY,
            fontSize: 18,
            fontWeight: "bold",
            color: "#1f2937",
            formatter: (params: { dataIndex: number }) => {
              const count = params.dataIndex === 0 ? outcome.works : outcome.business;
              const share = params.dataIndex === 0 ? outcome.worksShare : outcome.businessShare;
              return `${labels.percent(share)} (${count})`;
            },
          },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as a PNG picture, CHART_WIDTH × CHART_HEIGHT pixels, ready for sendPhoto. */
export async function renderStatsChart(stats: FeedbackStats, labels: ChartLabels = INDONESIAN_CHART_LABELS): Promise<Buffer> {
  const svg = await statsChartSvg(stats, labels);
  // renderAsync rasterises on a libuv worker thread, so the bot keeps answering meanwhile; the native
  // module is loaded on the first chart (only admins ask for one), not with the bot
  resvgModule ??= import("@resvg/resvg-js");
  const { renderAsync } = await resvgModule;
  const image = await renderAsync(svg, {
    fitTo: { mode: "width", value: CHART_WIDTH },
    background: "#ffffff",
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return Buffer.from(image.asPng());
}
