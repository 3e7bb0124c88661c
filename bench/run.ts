// `npm run bench`: every figure of the issue in one run on one machine, the real bot process against the
// in-process Telegram emulator, with a bare grammY echo bot measured in the same run as the baseline.
// Prints a table (key, value, target, ✓/✗) and the scaling table, writes bench/results/latest.json and
// bench/results/latest.md.
//
//   npm run bench                       full run (about five minutes)
//   npm run bench -- --quick            short windows and smaller databases (a smoke run, figures rough)
//   npm run bench -- --profile          also CPU-profile the bot during the 100k-user phase (--cpu-prof)
//   npm run bench -- --skip=broadcast,faq,baseline   leave parts out (their figures are null)
//   npm run bench -- --postgres         also the PostgreSQL cluster figures (bench/cluster.ts; about 8 more minutes)
//   npm run bench -- --users=1000       another number of simulated people than the default 3,000 (1,000 is the
//                                       issue's load; each sends at most 18 updates per 10 s, under the flood limit)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator } from "../src/emulator/index.js";
import { closedLoop, createLoadContext, loadQuestions, openLoop, probeModes, type CpuUse, type LatencyResult, type Modes, type ThroughputResult } from "./load.js";
import { markdownTable, pacingCeiling, round, textTable } from "./measure.js";
import { prepareBuild, repoRoot, startProcess, type BenchProcess } from "./process.js";
import { summarizeProfile, type ProfileSummary } from "./profile.js";
import { createTemplate, seedDatabase, type SeedInfo } from "./seed.js";

const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const PROFILE = args.includes("--profile");
const POSTGRES = args.includes("--postgres");
const SKIP = new Set((args.find((a) => a.startsWith("--skip="))?.slice(7) ?? "").split(",").filter(Boolean));
const RESULTS = path.join(repoRoot, "bench", "results");
const USERS_ARG = args.find((a) => a.startsWith("--users="))?.slice(8);
const USERS = USERS_ARG === undefined ? undefined : Number(USERS_ARG);
if (USERS !== undefined && !(Number.isInteger(USERS) && USERS >= 1 && USERS <= 20_000)) {
  console.error(`bench: --users must be a whole number from 1 to 20000, got "${USERS_ARG}"`);
  process.exit(2);
}

/**
 * 3,000 simulated people in the full run: paced under the bot's flood limit, they can send at most 5,400
 * updates/s. The issue's 1,000 could send 1,800, which the bot reaches on a fast machine (FAQ questions alone:
 * over 3,000 updates/s), while the echo bot's people are never paced: there the ratio measured the load.
 */
const PRESET = QUICK
  ? { sizes: [1_000, 10_000], users: 300, warmupMs: 2_000, measureMs: 5_000, latencyWarmupMs: 1_500, latencyMs: 5_000, rate: 200, baselineWarmupMs: 1_500, baselineMs: 4_000 }
  : { sizes: [1_000, 10_000, 100_000], users: 3_000, warmupMs: 4_000, measureMs: 12_000, latencyWarmupMs: 3_000, latencyMs: 15_000, rate: 200, baselineWarmupMs: 2_000, baselineMs: 6_000 };
const CONFIG = { ...PRESET, users: USERS ?? PRESET.users };
/** the bench must finish within 10 minutes: past this, whatever was measured is written and it stops */
const DEADLINE_MS = (POSTGRES ? 19.5 : 9.5) * 60_000;

const t0 = performance.now();
const log = (line: string) => console.error(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);

interface SizeRun {
  users: number;
  /** 1-minute load average of the machine when the phase started */
  load: number;
  registrations: number;
  seedSeconds: number;
  startupMs: number;
  firstCalls: Record<string, number>;
  throughput: ThroughputResult;
  latency: LatencyResult;
  rssMb: number | null;
  peakRssMb: number | null;
  /** closed loop of FAQ questions only (headline size), against the same echo baseline */
  faqOnly?: ThroughputResult;
  profile?: ProfileSummary;
}

interface BaselineRun {
  label: string;
  /** 1-minute load average of the machine when the window started */
  load: number;
  startupMs: number;
  throughput: ThroughputResult;
}

const results: {
  baselines: BaselineRun[];
  sizes: SizeRun[];
  modes?: Modes;
  modeNotes: string[];
  faq?: {
    faq_top1: number;
    faq_top3: number;
    faq_p99_ms: number;
    faq_direct_rate?: number;
    faq_wrong_direct?: number;
    entries?: number;
    held_out_questions?: number;
  } | null;
  faqNote?: string;
  broadcast?: { broadcast_capacity_msgs_per_s: number; broadcast_limited_msgs_per_s: number; broadcast_lost: number; capacity_1k?: number; capacity_10k?: number } | null;
  broadcastNote?: string;
  cluster?: import("./cluster.js").ClusterBench | null;
  clusterNote?: string;
  questionsSource: string;
  errors: string[];
} = { baselines: [], sizes: [], modeNotes: [], questionsSource: "", errors: [] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cpuText = (cpu: CpuUse | undefined) => (cpu ? `, ${cpu.msPerUpdate.toFixed(2)} CPU ms/update, ${cpu.cores.toFixed(2)} cores busy` : "");

async function stopQuietly(proc: BenchProcess | undefined): Promise<void> {
  if (proc) await proc.stop().catch(() => undefined);
}

/**
 * The echo bot runs for the whole benchmark (idle between windows); its throughput is measured in short
 * windows before every load phase and once at the end, so each phase has a baseline measured minutes (not
 * hours) apart on a machine whose load moves.
 */
async function startBaseline(questions: readonly string[]) {
  const emu = await startEmulator({ botUsername: "prakerja_bench_bot" });
  const load = createLoadContext({ emu, questions, events: [], only: "echo" });
  let proc: BenchProcess;
  try {
    proc = await startProcess({ emu, entry: "bench/echo-bot.ts" });
  } catch (error) {
    load.close();
    await emu.close();
    throw error;
  }
  log(`echo bot polling after ${proc.startupMs} ms`);
  const users = load.users(CONFIG.users);
  // a first, unmeasured window warms up both processes (JIT), as the bot's own warm-up does
  await closedLoop(load.ctx, users, { warmupMs: 0, measureMs: CONFIG.baselineWarmupMs });
  return {
    startupMs: proc.startupMs,
    async measure(label: string): Promise<BaselineRun> {
      const machineLoad = os.loadavg()[0] ?? 0;
      const throughput = await closedLoop(load.ctx, users, { warmupMs: CONFIG.baselineWarmupMs, measureMs: CONFIG.baselineMs, cpu: () => proc.cpuMs() });
      log(`echo baseline (${label}): ${throughput.updatesPerSecond.toFixed(0)} updates/s${cpuText(throughput.cpu)} (${CONFIG.users} users, timeouts ${throughput.stats.timeouts.echo})`);
      const stats = emu.stats();
      if (throughput.updatesPerSecond < 1) {
        log(`echo baseline (${label}) got no replies: ${stats.pendingUpdates} updates pending, polling ${emu.polling}; echo bot output: ${proc.output().slice(-500)}`);
      }
      const run: BaselineRun = { label, load: machineLoad, startupMs: proc.startupMs, throughput };
      results.baselines.push(run);
      return run;
    },
    async close() {
      await stopQuietly(proc);
      load.close();
      await emu.close();
    },
  };
}

async function runSize(template: string, dir: string, users: number, questions: readonly string[], profile: boolean, faqOnly: boolean): Promise<SizeRun> {
  const machineLoad = os.loadavg()[0] ?? 0;
  const registrations = Math.round(users / 10);
  const seeded: SeedInfo = seedDatabase(template, dir, `users-${users}`, { users, registrations });
  log(`database with ${users} users, ${seeded.registrations} registrations, ${seeded.events.length} upcoming events seeded in ${seeded.seconds.toFixed(1)} s`);
  const emu = await startEmulator({ botUsername: "prakerja_bench_bot" });
  const load = createLoadContext({ emu, questions, events: seeded.events });
  const profileDir = path.join(RESULTS, "profiles");
  let proc: BenchProcess | undefined;
  try {
    if (profile) fs.mkdirSync(profileDir, { recursive: true });
    const before = profile ? new Set(fs.readdirSync(profileDir)) : new Set<string>();
    proc = await startProcess({
      emu,
      env: { DATABASE_URL: seeded.url },
      nodeArgs: profile ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [],
    });
    log(`bot polling after ${proc.startupMs} ms (first calls: ${JSON.stringify(proc.firstCalls)})`);
    const simulated = load.users(Math.min(CONFIG.users, users));
    const probe = await probeModes(load.ctx, simulated[0] as (typeof simulated)[number]);
    load.ctx.modes = probe.modes;
    if (!results.modes) {
      results.modes = probe.modes;
      results.modeNotes = probe.notes;
    }
    log(`mix modes: ${JSON.stringify(probe.modes)}${probe.notes.length ? ` (${probe.notes.join("; ")})` : ""}`);

    const cpu = () => proc?.cpuMs();
    const throughput = await closedLoop(load.ctx, simulated, { warmupMs: CONFIG.warmupMs, measureMs: CONFIG.measureMs, cpu });
    log(
      `${users} users: ${throughput.updatesPerSecond.toFixed(0)} updates/s saturated${cpuText(throughput.cpu)} (by kind ${JSON.stringify(throughput.byKind)}, ` +
        `timeouts ${JSON.stringify(throughput.stats.timeouts)}, paced ${JSON.stringify(throughput.stats.paced)}, tickets ${throughput.stats.tickets}, undrained ${throughput.undrained})`,
    );
    await sleep(500);
    const latency = await openLoop(load.ctx, simulated, { rate: CONFIG.rate, warmupMs: CONFIG.latencyWarmupMs, measureMs: CONFIG.latencyMs, cpu });
    log(
      `${users} users at ${CONFIG.rate}/s offered (${latency.achievedRate.toFixed(0)}/s achieved): p50 ${latency.latency.p50.toFixed(1)} ms, ` +
        `p99 ${latency.latency.p99.toFixed(1)} ms, max ${latency.latency.max.toFixed(0)} ms over ${latency.latency.count} updates; timeouts ${JSON.stringify(latency.stats.timeouts)}`,
    );
    const memory = proc.memory();
    let faqOnlyRun: ThroughputResult | undefined;
    if (faqOnly) {
      // FAQ questions only (the echo bot's load is the same questions): same users, same warm-up
      await sleep(500);
      load.ctx.only = "faq";
      faqOnlyRun = await closedLoop(load.ctx, simulated, { warmupMs: CONFIG.baselineWarmupMs, measureMs: CONFIG.baselineMs, cpu });
      load.ctx.only = undefined;
      log(`${users} users, FAQ questions only: ${faqOnlyRun.updatesPerSecond.toFixed(0)} updates/s saturated${cpuText(faqOnlyRun.cpu)} (timeouts ${JSON.stringify(faqOnlyRun.stats.timeouts)}, paced ${JSON.stringify(faqOnlyRun.stats.paced)})`);
    }
    log(`bot memory after the mixed load: ${memory ? `${memory.rssMb.toFixed(0)} MB resident (peak ${memory.peakMb.toFixed(0)} MB)` : "unknown"}`);
    const run: SizeRun = {
      users,
      load: machineLoad,
      registrations: seeded.registrations,
      seedSeconds: seeded.seconds,
      startupMs: proc.startupMs,
      firstCalls: proc.firstCalls,
      throughput,
      latency,
      rssMb: memory ? memory.rssMb : null,
      peakRssMb: memory ? memory.peakMb : null,
      ...(faqOnlyRun ? { faqOnly: faqOnlyRun } : {}),
    };
    await stopQuietly(proc);
    proc = undefined;
    if (profile) {
      // a loader thread (when there is one) writes a profile of its own: the main thread's is the big one
      const file = fs
        .readdirSync(profileDir)
        .filter((f) => f.endsWith(".cpuprofile") && !before.has(f))
        .sort((a, b) => fs.statSync(path.join(profileDir, b)).size - fs.statSync(path.join(profileDir, a)).size)[0];
      if (file) {
        run.profile = summarizeProfile(path.join(profileDir, file), repoRoot);
        log(`CPU profile: bench/results/profiles/${file}`);
      }
    }
    return run;
  } finally {
    await stopQuietly(proc);
    load.close();
    await emu.close();
  }
}

async function optionalModule<T>(file: string, exportName: string): Promise<{ fn?: () => Promise<T>; note?: string }> {
  const full = path.join(repoRoot, "bench", file);
  if (!fs.existsSync(full)) return { note: `bench/${file} does not exist yet` };
  const mod = (await import(`./${file.replace(/\.ts$/, ".js")}`)) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== "function") return { note: `bench/${file} has no ${exportName}()` };
  return { fn: fn as () => Promise<T> };
}

// ---------------------------------------------------------------------------------------------- report

type Check = "≥" | "≤" | "<" | "=";

function check(value: number | null | undefined, op: Check | undefined, target: number | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  if (!op || target === undefined) return "";
  const ok = op === "≥" ? value >= target : op === "≤" ? value <= target : op === "<" ? value < target : value === target;
  return ok ? "✓" : "✗";
}

function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "null";
  return Number.isInteger(value) ? String(value) : String(round(value, value < 10 ? 3 : 1));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    ram_gb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    load_average_at_start: os.loadavg().map((l) => round(l, 2)),
  };
}

async function main(): Promise<void> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const machineInfo = machine();
  log(`machine: ${machineInfo.cpu}, ${machineInfo.cores} cores, ${machineInfo.ram_gb} GB, Node ${machineInfo.node}, load ${machineInfo.load_average_at_start.join(" ")}`);
  const { questions, source } = loadQuestions();
  results.questionsSource = source;

  let finished = false;
  const deadline = setTimeout(() => {
    if (finished) return;
    results.errors.push(`stopped at the ${DEADLINE_MS / 60_000}-minute deadline; figures not measured yet are null`);
    log("deadline reached: writing what was measured");
    report(machineInfo);
    process.exit(1);
  }, DEADLINE_MS);
  deadline.unref();

  // The FAQ figures first, while this process is fresh: their p99 is the process's CPU time per answer,
  // which counts the garbage collector's threads, and after the load phases those also work on the heap
  // the emulators and the simulated people left (measured there: 5.19 ms; in a fresh process 0.97–1.12)
  if (!SKIP.has("faq")) {
    const faq = await optionalModule<NonNullable<typeof results.faq>>("faq.ts", "benchFaq");
    if (faq.fn) {
      results.faq = await faq.fn().catch((error: unknown) => {
        results.faqNote = `benchFaq() failed: ${(error as Error).message}`;
        return null;
      });
      if (results.faq) {
        log(
          `FAQ (held-out split): top-1 ${results.faq.faq_top1}, top-3 ${results.faq.faq_top3}, direct ${results.faq.faq_direct_rate}, ` +
            `wrong direct ${results.faq.faq_wrong_direct}, p99 ${results.faq.faq_p99_ms} ms`,
        );
      }
    } else results.faqNote = faq.note;
  }
  await prepareBuild();
  const template = await createTemplate();
  log(`migrated and seeded template database in ${template.dir}`);
  try {
    const baseline = SKIP.has("baseline") ? undefined : await startBaseline(questions);
    try {
      if (!SKIP.has("load")) {
        for (const size of CONFIG.sizes) {
          await baseline?.measure(`before ${size} users`);
          try {
            results.sizes.push(await runSize(template.template, template.dir, size, questions, PROFILE && size === CONFIG.sizes.at(-1), size === CONFIG.sizes.at(-1)));
          } catch (error) {
            results.errors.push(`${size} users: ${(error as Error).message.split("\n")[0]}`);
            log(`${size} users failed: ${(error as Error).message}`);
          }
        }
      }
      // once more at the end, so the last phase has a baseline on both sides
      await baseline?.measure("end");
    } finally {
      await baseline?.close();
    }

    if (!SKIP.has("broadcast")) {
      const broadcast = await optionalModule<NonNullable<typeof results.broadcast>>("broadcast.ts", "benchBroadcast");
      if (broadcast.fn) {
        const fn = broadcast.fn as unknown as (o: { log: (l: string) => void }) => Promise<NonNullable<typeof results.broadcast>>;
        results.broadcast = await fn({ log: (l) => log(`broadcast: ${l}`) }).catch((error: unknown) => {
          results.broadcastNote = `benchBroadcast() failed: ${(error as Error).message}`;
          return null;
        });
      } else results.broadcastNote = broadcast.note;
    }
    if (POSTGRES) {
      const { benchCluster } = await import("./cluster.js");
      results.cluster = await benchCluster({ log: (l) => log(`postgres: ${l}`), quick: QUICK }).catch((error: unknown) => {
        results.clusterNote = `benchCluster() failed: ${(error as Error).message}`;
        log(results.clusterNote);
        return null;
      });
    }
  } finally {
    fs.rmSync(template.dir, { recursive: true, force: true });
  }
  finished = true;
  clearTimeout(deadline);
  report(machineInfo);
}

function report(machineInfo: ReturnType<typeof machine>): void {
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
  const allBaselines = mean(results.baselines.map((b) => b.throughput.updatesPerSecond));
  /** the echo windows right before and right after a phase */
  const baselineFor = (users: number): number | null => {
    const i = results.baselines.findIndex((b) => b.label === `before ${users} users`);
    if (i < 0) return allBaselines;
    return mean(results.baselines.slice(i, i + 2).map((b) => b.throughput.updatesPerSecond));
  };
  const headline = results.sizes.at(-1);
  const baseline = headline ? baselineFor(headline.users) : allBaselines;
  const echoCpu = mean(results.baselines.flatMap((b) => (b.throughput.cpu ? [b.throughput.cpu.msPerUpdate] : [])));
  const updatesPerS = headline ? headline.throughput.updatesPerSecond : null;
  const big = results.sizes.find((s) => s.users >= 100_000);
  const startups = results.sizes.map((s) => s.startupMs);

  const json = {
    baseline_updates_per_s: baseline === null ? null : round(baseline, 1),
    updates_per_s: updatesPerS === null ? null : round(updatesPerS, 1),
    throughput_ratio_vs_baseline: baseline && updatesPerS !== null ? round(updatesPerS / baseline, 3) : null,
    bot_cpu_ms_per_update: headline?.throughput.cpu ? round(headline.throughput.cpu.msPerUpdate, 3) : null,
    faq_only_updates_per_s: headline?.faqOnly ? round(headline.faqOnly.updatesPerSecond, 1) : null,
    faq_only_ratio_vs_baseline: baseline && headline?.faqOnly ? round(headline.faqOnly.updatesPerSecond / baseline, 3) : null,
    faq_only_cpu_ms_per_update: headline?.faqOnly?.cpu ? round(headline.faqOnly.cpu.msPerUpdate, 3) : null,
    p50_ms_at_200_rps: headline ? round(headline.latency.latency.p50, 1) : null,
    p99_ms_at_200_rps: headline ? round(headline.latency.latency.p99, 1) : null,
    broadcast_capacity_msgs_per_s: results.broadcast?.broadcast_capacity_msgs_per_s ?? null,
    broadcast_limited_msgs_per_s: results.broadcast?.broadcast_limited_msgs_per_s ?? null,
    broadcast_lost: results.broadcast?.broadcast_lost ?? null,
    faq_top1: results.faq?.faq_top1 ?? null,
    faq_top3: results.faq?.faq_top3 ?? null,
    faq_direct_rate: results.faq?.faq_direct_rate ?? null,
    faq_wrong_direct: results.faq?.faq_wrong_direct ?? null,
    faq_p99_ms: results.faq?.faq_p99_ms ?? null,
    ...(POSTGRES
      ? {
          pg_updates_per_s_1: results.cluster?.pg_updates_per_s_1 ?? null,
          pg_updates_per_s_3: results.cluster?.pg_updates_per_s_3 ?? null,
          pg_p99_ms_at_200_rps: results.cluster?.pg_p99_ms_at_200_rps ?? null,
          cluster_lost: results.cluster?.cluster_lost ?? null,
          cluster_duplicates: results.cluster?.cluster_duplicates ?? null,
          cluster_broadcast_max_rate: results.cluster?.cluster_broadcast_max_rate ?? null,
          cluster_details: results.cluster?.details ?? (results.clusterNote ? { error: results.clusterNote } : null),
        }
      : {}),
    rss_mb_100k_users: big?.rssMb != null ? round(big.rssMb, 1) : null,
    startup_ms: median(startups),
    scaling: {
      load: results.sizes.map((s) => ({
        users_in_db: s.users,
        registrations_in_db: s.registrations,
        updates_per_s: round(s.throughput.updatesPerSecond, 1),
        baseline_updates_per_s: baselineFor(s.users) === null ? null : round(baselineFor(s.users) as number, 1),
        ratio_vs_baseline: baselineFor(s.users) ? round(s.throughput.updatesPerSecond / (baselineFor(s.users) as number), 3) : null,
        p50_ms_at_200_rps: round(s.latency.latency.p50, 1),
        p99_ms_at_200_rps: round(s.latency.latency.p99, 1),
        rss_mb: s.rssMb === null ? null : round(s.rssMb, 1),
        startup_ms: s.startupMs,
        bot_cpu_ms_per_update: s.throughput.cpu ? round(s.throughput.cpu.msPerUpdate, 3) : null,
      })),
      broadcast: results.broadcast ? { recipients_1000: results.broadcast.capacity_1k ?? null, recipients_10000: results.broadcast.capacity_10k ?? null } : null,
    },
    mix: {
      targets: { faq: 0.6, menu: 0.2, rsvp: 0.2 },
      modes: results.modes ?? null,
      notes: results.modeNotes,
      questions: results.questionsSource,
      simulated_users: CONFIG.users,
      pacing_ceiling_updates_per_s: pacingCeiling(CONFIG.users),
    },
    details: {
      quick: QUICK,
      headline_from: headline ? `${headline.users} users in the database` : null,
      baselines: results.baselines.map((b) => ({
        window: b.label,
        updates_per_s: round(b.throughput.updatesPerSecond, 1),
        echo_cpu_ms_per_update: b.throughput.cpu ? round(b.throughput.cpu.msPerUpdate, 3) : null,
        timeouts: b.throughput.stats.timeouts.echo,
        load_average: round(b.load, 2),
      })),
      /**
       * CPU per update of the echo bot divided by the bot's (both from /proc, in the same run): what the
       * throughput ratio would be if each process had a core to itself, unaffected by the harness's own
       * limit and by other load on the machine
       */
      cpu_ratio_vs_baseline: echoCpu !== null && headline?.throughput.cpu ? round(echoCpu / headline.throughput.cpu.msPerUpdate, 3) : null,
      baseline_startup_ms: results.baselines[0]?.startupMs ?? null,
      sizes: results.sizes.map((s) => ({
        users: s.users,
        load_average: round(s.load, 2),
        seed_seconds: round(s.seedSeconds, 2),
        startup_ms: s.startupMs,
        first_calls_ms: s.firstCalls,
        throughput: {
          updates_per_s: round(s.throughput.updatesPerSecond, 1),
          cpu_ms_per_update: s.throughput.cpu ? round(s.throughput.cpu.msPerUpdate, 3) : null,
          cores_busy: s.throughput.cpu ? round(s.throughput.cpu.cores, 2) : null,
          window_s: round(s.throughput.seconds, 1),
          by_kind: s.throughput.byKind,
          saturated_latency_ms: { p50: round(s.throughput.latency.p50, 1), p99: round(s.throughput.latency.p99, 1) },
          sent: s.throughput.stats.sent,
          timeouts: s.throughput.stats.timeouts,
          paced: s.throughput.stats.paced,
          errors: s.throughput.stats.errors,
          rsvp_tickets: s.throughput.stats.tickets,
          undrained_users: s.throughput.undrained,
        },
        latency: {
          cores_busy: s.latency.cpu ? round(s.latency.cpu.cores, 2) : null,
          offered_per_s: s.latency.offeredRate,
          achieved_per_s: round(s.latency.achievedRate, 1),
          samples: s.latency.latency.count,
          delivered_to_reply_ms: { p50: round(s.latency.latency.p50, 1), p90: round(s.latency.latency.p90, 1), p99: round(s.latency.latency.p99, 1), max: round(s.latency.latency.max, 1) },
          queued_to_reply_ms: { p50: round(s.latency.endToEnd.p50, 1), p99: round(s.latency.endToEnd.p99, 1) },
          by_kind_p99_ms: Object.fromEntries(Object.entries(s.latency.byKind).map(([k, v]) => [k, round(v.p99, 1)])),
          max_backlog: s.latency.maxBacklog,
          sent: s.latency.stats.sent,
          timeouts: s.latency.stats.timeouts,
        },
        faq_only: s.faqOnly
          ? { updates_per_s: round(s.faqOnly.updatesPerSecond, 1), cpu_ms_per_update: s.faqOnly.cpu ? round(s.faqOnly.cpu.msPerUpdate, 3) : null, timeouts: s.faqOnly.stats.timeouts, paced: s.faqOnly.stats.paced }
          : null,
        rss_mb: s.rssMb === null ? null : round(s.rssMb, 1),
        peak_rss_mb: s.peakRssMb === null ? null : round(s.peakRssMb, 1),
        ...(s.profile ? { cpu_profile: s.profile } : {}),
      })),
      faq: results.faq ?? null,
      faq_note: results.faqNote ?? null,
      broadcast: results.broadcast ?? null,
      broadcast_note: results.broadcastNote ?? null,
      errors: results.errors,
      duration_s: round((performance.now() - t0) / 1000, 1),
    },
    machine: machineInfo,
    generated_at: new Date().toISOString(),
  };

  const rows: Array<[string, number | null, string, Check | undefined, number | undefined]> = [
    ["baseline_updates_per_s", json.baseline_updates_per_s, "—", undefined, undefined],
    ["updates_per_s", json.updates_per_s, "—", undefined, undefined],
    ["throughput_ratio_vs_baseline", json.throughput_ratio_vs_baseline, "≥ 0.25", "≥", 0.25],
    ["bot_cpu_ms_per_update", json.bot_cpu_ms_per_update, "≤ 0.9", "≤", 0.9],
    ["faq_only_updates_per_s", json.faq_only_updates_per_s, "≥ 1500", "≥", 1500],
    ["faq_only_ratio_vs_baseline", json.faq_only_ratio_vs_baseline, "—", undefined, undefined],
    ["p50_ms_at_200_rps", json.p50_ms_at_200_rps, "—", undefined, undefined],
    ["p99_ms_at_200_rps", json.p99_ms_at_200_rps, "≤ 50", "≤", 50],
    ["broadcast_capacity_msgs_per_s", json.broadcast_capacity_msgs_per_s, "≥ 1000", "≥", 1000],
    ["broadcast_limited_msgs_per_s", json.broadcast_limited_msgs_per_s, "≥ 28", "≥", 28],
    ["broadcast_lost", json.broadcast_lost, "0", "=", 0],
    ["faq_top1", json.faq_top1, "≥ 0.95", "≥", 0.95],
    ["faq_top3", json.faq_top3, "≥ 0.97", "≥", 0.97],
    ["faq_direct_rate", json.faq_direct_rate, "≥ 0.85", "≥", 0.85],
    ["faq_wrong_direct", json.faq_wrong_direct, "≤ 0.02", "≤", 0.02],
    ["faq_p99_ms", json.faq_p99_ms, "< 5", "<", 5],
    ["rss_mb_100k_users", json.rss_mb_100k_users, "≤ 200", "≤", 200],
    ["startup_ms", json.startup_ms, "≤ 1000", "≤", 1000],
  ];
  const header = ["key", "value", "target", "ok"];
  const body = rows.map(([key, value, target, op, t]) => [key, fmt(value), target, check(value, op, t)]);
  const scaleHeader = ["users in DB", "updates/s", "echo baseline/s", "ratio", "bot CPU ms/update", "p50 ms @200/s", "p99 ms @200/s", "RSS MB", "start-up ms"];
  const scaleBody = json.scaling.load.map((s) => [
    String(s.users_in_db),
    fmt(s.updates_per_s),
    fmt(s.baseline_updates_per_s),
    fmt(s.ratio_vs_baseline),
    fmt(s.bot_cpu_ms_per_update),
    fmt(s.p50_ms_at_200_rps),
    fmt(s.p99_ms_at_200_rps),
    fmt(s.rss_mb),
    fmt(s.startup_ms),
  ]);
  const bcHeader = ["broadcast recipients", "msgs/s (unlimited emulator)"];
  const bcBody = json.scaling.broadcast ? [["1000", fmt(json.scaling.broadcast.recipients_1000)], ["10000", fmt(json.scaling.broadcast.recipients_10000)]] : [];
  const closedLoops = results.sizes.flatMap((s) => [
    { label: `the ${s.users}-user database's mixed load`, run: s.throughput },
    ...(s.faqOnly ? [{ label: `the ${s.users}-user database's FAQ questions only`, run: s.faqOnly }] : []),
  ]);
  // a send held back now and then is a person's burst, not the load's ceiling
  const pacingNotes = closedLoops.flatMap(({ label, run }) => {
    const paced = Object.values(run.stats.paced).reduce((a, b) => a + b, 0);
    const sent = Object.values(run.stats.sent).reduce((a, b) => a + b, 0);
    if (paced <= sent / 100) return [];
    return [
      `Pacing held back ${paced} of ${sent} sends in ${label} (${run.users} simulated people, at most ${fmt(pacingCeiling(run.users))} updates/s): ` +
        `its ${fmt(round(run.updatesPerSecond, 1))} updates/s are at least partly the load's ceiling, not the bot's; --users raises it.`,
    ];
  });
  const notes = [
    `Headline throughput/latency: ${json.details.headline_from ?? "not measured"}; each phase's baseline = mean of the echo-bot windows right before and after it (all windows: ${json.details.baselines.map((b) => fmt(b.updates_per_s)).join(", ")} updates/s).`,
    `CPU per update (from /proc, in the same run): echo bot ${fmt(echoCpu === null ? null : round(echoCpu, 3))} ms, this bot ${fmt(headline?.throughput.cpu ? round(headline.throughput.cpu.msPerUpdate, 3) : null)} ms → CPU-normalised ratio ${fmt(json.details.cpu_ratio_vs_baseline)}.`,
    `Start-up: median of the bot's ${startups.length} starts on already-migrated databases (${startups.join(", ")} ms); the bare echo bot (same compiled JavaScript, node flags, grammY and runner) started in ${fmt(json.details.baseline_startup_ms)} ms.`,
    `Mix: ${results.modes ? `FAQ ${results.modes.faq}, menu ${results.modes.menu}, RSVP ${results.modes.rsvp}` : "not measured"}; questions from ${results.questionsSource}.`,
    ...results.modeNotes,
    ...pacingNotes,
    ...(results.faqNote ? [`FAQ figures: ${results.faqNote}`] : []),
    ...(results.broadcastNote ? [`Broadcast figures: ${results.broadcastNote}`] : []),
    ...results.errors.map((e) => `error: ${e}`),
  ];

  console.log(`\n${textTable(header, body)}\n\nScaling (cost vs. work)\n${textTable(scaleHeader, scaleBody)}${bcBody.length ? `\n\n${textTable(bcHeader, bcBody)}` : ""}\n\n${notes.join("\n")}\n`);

  const m = machineInfo;
  const md = [
    `## Benchmark (\`npm run bench\`, ${json.generated_at.slice(0, 10)})`,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ram_gb} GB RAM, Node ${m.node}, ${m.os}; load average at start ${m.load_average_at_start.join(" / ")}.`,
    "",
    markdownTable(header, body),
    "",
    "Scaling:",
    "",
    markdownTable(scaleHeader, scaleBody),
    ...(bcBody.length ? ["", markdownTable(bcHeader, bcBody)] : []),
    "",
    ...notes.map((n) => `- ${n}`),
    "",
  ].join("\n");
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, "latest.json"), `${JSON.stringify(json, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, "latest.md"), md);
  log(`wrote bench/results/latest.json and bench/results/latest.md (${json.details.duration_s} s)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("bench failed:", error);
    process.exit(1);
  },
);
