// Broadcast engine benchmark: the real engine (durable SQLite queue + BroadcastWorker) sending through
// grammY's Api to the local Bot API emulator over HTTP.
//
// - capacity: the emulator has no limit; how many messages per second the engine sends AND records
//   (from worker start until every row is committed), for 1,000 and for 10,000 recipients;
// - limited: the emulator enforces 30 msg/s with 429 + retry_after like Telegram; the sustained rate
//   (first to last delivered message) and the number of recipients who got nothing (lost).
//
// No auto-retry plugin: the engine handles 429 itself (global pause for retry_after).
//
// Run alone: node --import tsx bench/broadcast.ts [--quick]
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Api } from "grammy";
import { openDatabase, type Db } from "../src/db.js";
import { createBroadcast, sqlTime, type BroadcastMessage } from "../src/domain/broadcast/queue.js";
import type { Audience } from "../src/domain/broadcast/audience.js";
import { BroadcastWorker, MAX_SENDING_ROWS } from "../src/domain/broadcast/worker.js";
import { startEmulator, type Emulator, type EmulatorOptions } from "../src/emulator/index.js";
import { applyMigrations } from "../src/migrate.js";
import type { ChildRequest, SendsSummary } from "./broadcast-emulator.js";

export interface BenchBroadcastOptions {
  /** recipients of the big unlimited run (default 10,000) */
  capacityRecipients?: number;
  /** recipients of the small unlimited run (default 1,000) */
  smallRecipients?: number;
  /** the emulator's global limit for the limited run (default 30 msg/s) */
  limitedRate?: number;
  /** length of the limited run in seconds (default 30) */
  limitedSeconds?: number;
  /**
   * "process" (default): the emulator runs in a child process, like a remote Telegram; "inline": in this
   * process (engine and emulator then share one event loop and one core)
   */
  emulator?: "process" | "inline";
  /**
   * an unmeasured run first so the JIT (of this process and of the emulator's), the sockets and SQLite are
   * warm (default 2,000 recipients, 0 = none): a cold process is 2–3 times slower for its first thousand sends
   */
  warmupRecipients?: number;
  /** run only one part (development); the other figures are then 0 */
  only?: "capacity" | "limited";
  /** progress lines */
  log?: (line: string) => void;
}

export interface BenchBroadcastResult {
  broadcast_capacity_msgs_per_s: number;
  broadcast_limited_msgs_per_s: number;
  broadcast_lost: number;
  capacity_1k: number;
  capacity_10k: number;
}

const TOKEN = "123456:BENCH-broadcast";
const BASE_ID = 700_000_000n;

interface RunResult {
  recipients: number;
  /** messages per second, worker start → all rows recorded */
  engineRate: number;
  /** messages per second between the first and the last delivered message (emulator clock) */
  deliveredRate: number;
  lost: number;
  duplicates: number;
  tooManyRequests: number;
  seconds: number;
}

async function seed(db: Db, n: number, small: number): Promise<void> {
  const now = sqlTime(new Date());
  for (let i = 0; i < n; i += 500) {
    const params: unknown[] = [];
    const rows: string[] = [];
    for (let j = i; j < Math.min(n, i + 500); j++) {
      rows.push("(?, ?, ?, 'alumni', ?, ?, 'id')");
      // the first `small` users live in Jambi (15): that audience is the small run
      params.push(BASE_ID + BigInt(j), now, "bench", now, j < small ? "15" : "16");
    }
    await db.$executeRawUnsafe(
      `INSERT INTO "User" ("telegramId", "consentAt", "consentVersion", "role", "updatedAt", "province", "language") VALUES ${rows.join(",")}`,
      ...params,
    );
  }
}

function sender(api: Api) {
  return (chatId: bigint, message: BroadcastMessage) =>
    api.sendMessage(Number(chatId), `${message.text}\n\nBerhenti menerima pengumuman: /berhenti`, {
      link_preview_options: { is_disabled: true },
    });
}

/** What the benchmark needs from an emulator, in this process or in a child. */
interface EmulatorHandle {
  apiRoot: string;
  counts(chatIds: number[]): Promise<number[]>;
  sends(): Promise<SendsSummary>;
  close(): Promise<void>;
}

/** Starts emulators for the runs: in this process, or all in one child process. */
interface EmulatorHost {
  start(options: EmulatorOptions): Promise<EmulatorHandle>;
  dispose(): Promise<void>;
}

function inlineHost(): EmulatorHost {
  return {
    async start(options) {
      const emu: Emulator = await startEmulator(options);
      return {
        apiRoot: emu.apiRoot,
        counts: async (ids) => ids.map((id) => emu.messages(id).filter((m) => m.from?.is_bot).length),
        sends: async () => {
          const ok = emu.callsOf("sendMessage").filter((c) => c.ok);
          return {
            ok: ok.length,
            firstAt: ok[0]?.at ?? 0,
            lastAt: ok.at(-1)?.at ?? 0,
            tooManyRequests: emu.stats().tooManyRequests,
            serverErrors: emu.stats().randomErrors,
          };
        },
        close: () => emu.close(),
      };
    },
    dispose: async () => undefined,
  };
}

function childHost(): EmulatorHost {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const child: ChildProcess = fork(path.join(here, "broadcast-emulator.ts"), [], {
    execArgv: ["--import", "tsx"],
    cwd: path.resolve(here, ".."),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on("message", (raw) => {
    const msg = raw as { id: number; ok: boolean; result?: unknown; error?: string };
    const w = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (msg.ok) w?.resolve(msg.result);
    else w?.reject(new Error(msg.error));
  });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      for (const w of waiting.values()) w.reject(new Error("emulator process exited"));
      waiting.clear();
      resolve();
    }),
  );
  type WithoutId<R> = R extends unknown ? Omit<R, "id"> : never;
  const call = <T>(req: WithoutId<ChildRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...req, id });
    });
  return {
    async start(options) {
      const { apiRoot } = await call<{ apiRoot: string }>({ cmd: "start", options });
      return {
        apiRoot,
        counts: (chatIds) => call<number[]>({ cmd: "count", chatIds }),
        sends: () => call<SendsSummary>({ cmd: "sends" }),
        close: () => call<unknown>({ cmd: "close" }).then(() => undefined),
      };
    },
    async dispose() {
      await call({ cmd: "exit" }).catch(() => undefined);
      await exited;
    },
  };
}

async function run(
  db: Db,
  emu: EmulatorHandle,
  audience: Audience,
  rate: { global: number; perChat: number },
): Promise<RunResult> {
  const api = new Api(TOKEN, { apiRoot: emu.apiRoot });
  const { id, total } = await createBroadcast(db, { createdBy: 1n, text: "Pengumuman Temu Alumni Prakerja", audience });
  const worker = new BroadcastWorker({ db, send: sender(api), rate, pollIntervalMs: 100 });
  const started = performance.now();
  await worker.start();
  const recorded = () => worker.metrics.sent + worker.metrics.failed + worker.metrics.blocked + worker.metrics.skipped;
  const deadline = Date.now() + 10 * 60_000;
  while (recorded() < total) {
    if (Date.now() > deadline) throw new Error(`broadcast ${id} did not finish`);
    await new Promise((r) => setTimeout(r, 2));
  }
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();

  const recipients = await db.broadcastRecipient.findMany({ where: { broadcastId: id }, select: { telegramId: true } });
  const counts = await emu.counts(recipients.map((r) => Number(r.telegramId)));
  const lost = counts.filter((n) => n === 0).length;
  const duplicates = counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const sends = await emu.sends();
  return {
    recipients: total,
    engineRate: total / seconds,
    deliveredRate: sends.lastAt > sends.firstAt ? ((sends.ok - 1) * 1000) / (sends.lastAt - sends.firstAt) : 0,
    lost,
    duplicates,
    tooManyRequests: sends.tooManyRequests,
    seconds,
  };
}

export async function benchBroadcast(opts: BenchBroadcastOptions = {}): Promise<BenchBroadcastResult> {
  const big = opts.capacityRecipients ?? 10_000;
  const small = Math.min(opts.smallRecipients ?? 1_000, big);
  const limitedRate = opts.limitedRate ?? 30;
  const limitedSeconds = opts.limitedSeconds ?? 30;
  const log = opts.log ?? (() => undefined);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-bench-broadcast-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await applyMigrations(url);
  const db = await openDatabase(url);
  let host: EmulatorHost | undefined;
  try {
    await seed(db, big, small);
    const unlimited = { global: Infinity, perChat: 1 };

    host = opts.emulator === "inline" ? inlineHost() : childHost();
    const start = (options: EmulatorOptions) => (host as EmulatorHost).start(options);
    const skipped: RunResult = { recipients: 0, engineRate: 0, deliveredRate: 0, lost: 0, duplicates: 0, tooManyRequests: 0, seconds: 0 };
    let r1 = skipped;
    let r2 = skipped;
    let r3 = skipped;
    const warmup = Math.max(0, Math.min(opts.warmupRecipients ?? 2000, big - small));
    if (warmup > 0) {
      // users after the small audience move to Lampung (18) for the warm-up, then back to Sumatera Selatan
      const from = BASE_ID + BigInt(small);
      await db.$executeRawUnsafe(`UPDATE "User" SET "province" = '18' WHERE "telegramId" >= ? AND "telegramId" < ?`, from, from + BigInt(warmup));
      const emuWarm = await start({ botUsername: "prakerja_bench_bot" });
      const w = await run(db, emuWarm, { kind: "provinces", codes: ["18"] }, unlimited).finally(() => emuWarm.close());
      log(`warm-up ${w.recipients}: ${w.engineRate.toFixed(0)} msg/s (not counted), lost ${w.lost}`);
      await db.$executeRawUnsafe(`UPDATE "User" SET "province" = '16' WHERE "province" = '18'`);
    }
    if (opts.only !== "limited") {
      const emuSmall = await start({ botUsername: "prakerja_bench_bot" });
      r1 = await run(db, emuSmall, { kind: "provinces", codes: ["15"] }, unlimited).finally(() => emuSmall.close());
      log(`capacity ${r1.recipients}: ${r1.engineRate.toFixed(0)} msg/s (${r1.seconds.toFixed(2)} s), lost ${r1.lost}, duplicates ${r1.duplicates}`);

      const emuBig = await start({ botUsername: "prakerja_bench_bot" });
      r2 = await run(db, emuBig, { kind: "all" }, unlimited).finally(() => emuBig.close());
      log(`capacity ${r2.recipients}: ${r2.engineRate.toFixed(0)} msg/s (${r2.seconds.toFixed(2)} s), lost ${r2.lost}, duplicates ${r2.duplicates}`);
    }

    if (opts.only !== "capacity") {
      // limited: as many recipients as the limit allows in `limitedSeconds`
      const limitedCount = Math.max(1, Math.min(big, Math.round(limitedRate * limitedSeconds)));
      await db.$executeRawUnsafe(`UPDATE "User" SET "role" = 'calon' WHERE "telegramId" < ?`, BASE_ID + BigInt(limitedCount));
      const emuLimited = await start({ botUsername: "prakerja_bench_bot", rateLimit: { global: limitedRate, perChat: 1 } });
      r3 = await run(db, emuLimited, { kind: "role", role: "calon" }, { global: limitedRate, perChat: 1 }).finally(() =>
        emuLimited.close(),
      );
      log(
        `limited ${r3.recipients} at ${limitedRate}/s: delivered ${r3.deliveredRate.toFixed(2)} msg/s, engine ${r3.engineRate.toFixed(2)} msg/s ` +
          `(${r3.seconds.toFixed(1)} s), 429s ${r3.tooManyRequests}, lost ${r3.lost}, duplicates ${r3.duplicates}`,
      );
    }
    log(`in-flight bound (MAX_SENDING_ROWS): ${MAX_SENDING_ROWS}`);

    const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
    return {
      broadcast_capacity_msgs_per_s: round(r2.engineRate),
      broadcast_limited_msgs_per_s: round(r3.deliveredRate, 2),
      broadcast_lost: r1.lost + r2.lost + r3.lost,
      capacity_1k: round(r1.engineRate),
      capacity_10k: round(r2.engineRate),
    };
  } finally {
    await host?.dispose();
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes("--quick");
  const result = await benchBroadcast({
    log: (line) => console.error(line),
    ...(quick ? { capacityRecipients: 3000, limitedSeconds: 10 } : {}),
    ...(process.argv.includes("--inline") ? { emulator: "inline" as const } : {}),
    ...(process.argv.includes("--limited") ? { only: "limited" as const } : {}),
    ...(process.argv.includes("--capacity") ? { only: "capacity" as const } : {}),
  });
  console.log(JSON.stringify(result, null, 2));
}
