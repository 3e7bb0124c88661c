// Several real bot processes (the compiled `dist/main.js`, as `npm start` runs it) in BOT_MODE=webhook
// on one PostgreSQL database of their own, behind the round-robin proxy; the emulator delivers Telegram's
// webhook requests to the proxy. Instances can be killed with SIGKILL and started again; close() stops
// everything cleanly (SIGTERM) and drops the database. describeCluster gives a test file one such cluster.
import os from "node:os";
import { openDatabase, type Db } from "../../src/db.js";
import { seedBaseContent } from "../../src/domain/seed.js";
import { PrismaClient as PostgresClient } from "../../src/generated/prisma-pg/client.js";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe } from "vitest";
import { startBotProcess, type BotProcess } from "./bot-process.js";
import { startEmulator, type Emulator, type EmulatorOptions } from "./emulator.js";
import { createMigratedDatabase, dropDatabase, postgresSkipReason } from "./postgres.js";
import { freePort } from "./ports.js";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy.js";

export const WEBHOOK_PATH = "/telegram/webhook";
export const WEBHOOK_SECRET = "cluster-test-secret";

export interface ClusterOptions {
  emu: Emulator;
  /** number of instances (default 3) */
  instances?: number;
  /** extra environment of every instance */
  env?: Record<string, string | undefined>;
  /** how long an instance may take to answer /healthz (default 180 s, for a loaded machine) */
  readyTimeoutMs?: number;
}

export interface Cluster {
  emu: Emulator;
  proxy: RoundRobinProxy;
  /** the PostgreSQL database the instances share */
  url: string;
  /** a connection of the test's own to that database, for seeding and checking */
  db: Db;
  readonly bots: (BotProcess | undefined)[];
  readonly ports: number[];
  /**
   * SIGSTOP of instance `i`: it does nothing more (no reply, no database write) but still holds its
   * sockets and claims, so a test can read what it had in progress before the kill -9 that follows.
   */
  freeze(i: number): void;
  /** SIGKILL of instance `i`; resolves once it is gone. Returns the requests it had open at that moment. */
  kill9(i: number): Promise<number>;
  /** the id the instance claims work under (INSTANCE_ID's default: host name and process id) */
  ownerOf(i: number): string;
  /** starts instance `i` again on its port and waits until it answers /healthz */
  restart(i: number): Promise<void>;
  /** everything the instances printed */
  output(): string;
  close(): Promise<void>;
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

async function waitHealthy(bot: BotProcess, port: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const status = bot.exitStatus();
    if (status) throw new Error(`instance on port ${port} exited (code ${status.code}, signal ${status.signal}) before /healthz answered. Output:\n${bot.output().slice(-4000)}`);
    if (await healthy(port)) return;
    if (Date.now() > end) throw new Error(`instance on port ${port}: no 200 on /healthz after ${timeoutMs} ms. Output:\n${bot.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts the database, the proxy and the instances (one after another, as a rolling start would). */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { emu } = options;
  const n = options.instances ?? 3;
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  const { url, name } = await createMigratedDatabase("cluster");
  const ports: number[] = [];
  for (let i = 0; i < n; i++) ports.push(await freePort());
  const bots: (BotProcess | undefined)[] = Array.from({ length: n }, () => undefined);
  const alive = new Set<number>();
  const proxy = await startRoundRobinProxy(() => ports.map((p) => `http://127.0.0.1:${p}`));
  const outputs: string[] = Array.from({ length: n }, () => "");
  let db: Db | undefined;

  const spawnInstance = (i: number): BotProcess => {
    const bot = startBotProcess({
      emu,
      databaseUrl: url,
      readyTimeoutMs,
      env: {
        BOT_MODE: "webhook",
        WEBHOOK_URL: `${proxy.url}${WEBHOOK_PATH}`,
        WEBHOOK_SECRET,
        PORT: String(ports[i]),
        JOBS_INTERVAL_SECONDS: "1",
        ...options.env,
      },
    });
    bots[i] = bot;
    alive.add(i);
    void bot.exited.then(() => {
      outputs[i] += bot.output();
      if (bots[i] === bot) alive.delete(i);
    });
    return bot;
  };

  const cluster: Cluster = {
    emu,
    proxy,
    url,
    get db(): Db {
      if (!db) throw new Error("cluster database not open");
      return db;
    },
    bots,
    ports,
    freeze(i) {
      bots[i]?.kill("SIGSTOP");
    },
    ownerOf(i) {
      return `${os.hostname()}:${bots[i]?.pid ?? 0}`;
    },
    async kill9(i) {
      const bot = bots[i];
      if (!bot) return 0;
      const open = proxy.inFlight(i);
      bot.kill("SIGKILL");
      await bot.exited;
      return open;
    },
    async restart(i) {
      const bot = spawnInstance(i);
      await waitHealthy(bot, ports[i] ?? 0, readyTimeoutMs);
    },
    output() {
      return bots.map((b, i) => `--- instance ${i} ---\n${outputs[i]}${b && !b.exitStatus() ? b.output() : ""}`).join("\n");
    },
    async close() {
      await Promise.all(bots.map((b) => b?.stop(15_000).catch(() => undefined)));
      await proxy.close();
      await db?.$disconnect();
      await dropDatabase(name).catch(() => undefined);
    },
  };

  try {
    db = await openDatabase(url, { poolSize: 4 });
    // The FAQ and program facts go in before the instances start, as after a deployment's first start:
    // the seeding transaction (a few hundred upserts) can pass Prisma's 5 s transaction limit on a
    // loaded 2-core machine, and what these tests measure is the cluster, not a cold first start.
    // A client of its own with a generous transaction timeout does it here.
    const seeder = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }), transactionOptions: { timeout: 120_000, maxWait: 60_000 } });
    try {
      await seedBaseContent(seeder as unknown as Db);
    } finally {
      await seeder.$disconnect();
    }
    // the first instance alone (it migrates and seeds base content), then the others together
    for (const group of [[0], Array.from({ length: n - 1 }, (_, k) => k + 1)]) {
      await Promise.all(group.map((i) => waitHealthy(spawnInstance(i), ports[i] ?? 0, readyTimeoutMs)));
    }
    // every instance has told Telegram the (same) webhook URL
    const end = Date.now() + readyTimeoutMs;
    while (emu.callsOf("setWebhook").filter((c) => c.ok).length < n) {
      if (Date.now() > end) throw new Error(`only ${emu.callsOf("setWebhook").length} of ${n} instances called setWebhook\n${cluster.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    await cluster.close();
    throw error;
  }
  return cluster;
}

/** How long starting a cluster (and stopping it) may take on a loaded 2-core machine. */
const CLUSTER_START_TIMEOUT_MS = 420_000;
const CLUSTER_STOP_TIMEOUT_MS = 60_000;

/**
 * The tests of one file on one cluster: a describe block titled "cluster: <title>" (skipped, with the
 * reason in its title, when PostgreSQL was not prepared) that starts an emulator (with `emulator`'s
 * options) and a cluster on it before its tests and stops both after them. `tests` declares the tests;
 * the running cluster comes from the function it is given (its emulator is `cluster().emu`).
 */
export function describeCluster(
  title: string,
  options: Omit<ClusterOptions, "emu"> & { emulator?: EmulatorOptions },
  tests: (cluster: () => Cluster) => void,
): void {
  const skip = postgresSkipReason();
  describe.skipIf(!!skip)(`cluster: ${title}${skip ? ` [skipped: ${skip}]` : ""}`, () => {
    const { emulator, ...clusterOptions } = options;
    let emu: Emulator | undefined;
    let cluster: Cluster | undefined;
    beforeAll(async () => {
      emu = await startEmulator(emulator);
      cluster = await startCluster({ ...clusterOptions, emu });
    }, CLUSTER_START_TIMEOUT_MS);
    afterAll(async () => {
      await cluster?.close();
      await emu?.close();
    }, CLUSTER_STOP_TIMEOUT_MS);
    tests(() => {
      if (!cluster) throw new Error("the cluster did not start");
      return cluster;
    });
  });
}

/** The busiest sliding one-second window of these timestamps (ms). */
export function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= 1000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
