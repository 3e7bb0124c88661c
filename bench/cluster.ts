// `npm run bench -- --postgres`: the bot on PostgreSQL, one instance and three behind the round-robin proxy
// (the same harness as the cluster end-to-end tests), webhooks delivered by the in-process emulator.
//   pg_updates_per_s_1     one instance, closed loop (200 people asking at once, rotating over 2,000 so
//                          nobody reaches the bot's flood limit): /bantuan answered per second
//   pg_updates_per_s_3     three instances behind the proxy, the same load
//   pg_p99_ms_at_200_rps   three instances, 200 updates/s offered: update queued → answer, p99
//   cluster_lost           kill -9 of one instance in the middle of a burst: updates never answered
//   cluster_duplicates     answers beyond one per update (only those in flight at the kill may repeat)
//   cluster_broadcast_max_rate  a broadcast from three instances: sends attempted in the busiest second
// Updates are /bantuan (one answer each, no state) so the figures measure the cluster's path: webhook →
// inbox (PostgreSQL) → claim → handler → reply; the bot's mixed workload is the SQLite bench's subject.
import { startEmulator, type Emulator } from "../src/emulator/index.js";
import { applyMigrations } from "../src/migrate.js";
import { ADMIN_ID, broadcastToEveryone, deliveries, seedRecipients } from "../tests/support/broadcast-e2e.js";
import { busiestSecond, startCluster, type Cluster } from "../tests/support/cluster.js";
import { seedAlumni } from "../tests/support/cluster-fixtures.js";
import { createEmptyDatabase, dropDatabase, postgresUnavailable } from "../tests/support/postgres.js";
import { TestUser } from "../tests/support/user.js";
import { floodLimitPacer, percentile } from "./measure.js";

export interface ClusterBench {
  pg_updates_per_s_1: number | null;
  pg_updates_per_s_3: number | null;
  pg_p99_ms_at_200_rps: number | null;
  cluster_lost: number | null;
  cluster_duplicates: number | null;
  cluster_broadcast_max_rate: number | null;
  details: Record<string, unknown>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Bot messages per chat, kept up to date from the emulator's events (cheap to read under load). */
function answerCounter(emu: Emulator) {
  const counts = new Map<number, number>();
  const waiters = new Map<number, () => void>();
  emu.on("message", (e: { kind: string; fromBot: boolean; chatId: number }) => {
    if (e.kind !== "new" || !e.fromBot) return;
    counts.set(e.chatId, (counts.get(e.chatId) ?? 0) + 1);
    const w = waiters.get(e.chatId);
    if (w) {
      waiters.delete(e.chatId);
      w();
    }
  });
  return {
    count: (chat: number) => counts.get(chat) ?? 0,
    next: (chat: number, timeoutMs: number) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(chat);
          resolve(false);
        }, timeoutMs);
        waiters.set(chat, () => {
          clearTimeout(timer);
          resolve(true);
        });
      }),
  };
}

const user = (id: number) => ({ id, first_name: `Alumni${id}`, language_code: "id" });

export interface ClosedLoopResult {
  /** answers per second in the measured window */
  rate: number;
  /** people asking at once */
  inFlight: number;
  /** people the askers rotate over */
  people: number;
  /** questions with no answer within 30 s (the flood limit's silent drops would show here) */
  unanswered: number;
  /** questions held back by the pacer to stay under the flood limit */
  paced: number;
}

/**
 * Closed loop: `inFlight` askers at once, each sending /bantuan and waiting for the answer, then asking as
 * the next of its own share of `ids`. The bot allows a person 20 updates per 10 s and drops the rest without
 * an answer, so one chat asking as fast as the bot answers would leave the loop waiting out its 30 s timeout
 * instead of measuring the path: rotating over ten times as many people as ask at once keeps each of them at
 * a few questions per 10 s, and a per-person pacer (as the SQLite load's) makes sure.
 */
async function closedLoop(emu: Emulator, ids: number[], inFlight: number, warmupMs: number, measureMs: number): Promise<ClosedLoopResult> {
  const answers = answerCounter(emu);
  let counting = false;
  let answered = 0;
  let unanswered = 0;
  let paced = 0;
  let stop = false;
  const askers = Array.from({ length: inFlight }, async (_, asker) => {
    const mine = ids.filter((_, i) => i % inFlight === asker).map((id) => ({ id, pacer: floodLimitPacer() }));
    for (let turn = 0; !stop && mine.length > 0; turn++) {
      const { id, pacer } = mine[turn % mine.length] as (typeof mine)[number];
      const delay = pacer.delayMs(Date.now());
      if (delay > 0) {
        paced++;
        await sleep(delay);
      }
      pacer.record(Date.now());
      emu.sendCommand(user(id), "/bantuan");
      const ok = await answers.next(id, 30_000);
      if (!ok) unanswered++;
      else if (counting) answered++;
    }
  });
  await sleep(warmupMs);
  counting = true;
  const t0 = Date.now();
  await sleep(measureMs);
  counting = false;
  const rate = (answered * 1000) / (Date.now() - t0);
  stop = true;
  await Promise.all(askers);
  return { rate, inFlight, people: ids.length, unanswered, paced };
}

/** Open loop at `rate` updates/s over many chats: queued → answered latency, p99 in ms. */
async function openLoop(emu: Emulator, ids: number[], rate: number, ms: number): Promise<{ p50: number; p99: number; samples: number; lost: number }> {
  const answers = answerCounter(emu);
  const latencies: number[] = [];
  const waits: Promise<void>[] = [];
  const busy = new Set<number>();
  const t0 = Date.now();
  let sent = 0;
  let lost = 0;
  let next = 0;
  while (Date.now() - t0 < ms) {
    const due = Math.floor(((Date.now() - t0) * rate) / 1000);
    while (sent < due) {
      // a chat with an answer outstanding is skipped (the per-chat order would queue it behind the first)
      let id = ids[next++ % ids.length] ?? 0;
      for (let k = 0; busy.has(id) && k < ids.length; k++) id = ids[next++ % ids.length] ?? 0;
      busy.add(id);
      sent++;
      const at = Date.now();
      emu.sendCommand(user(id), "/bantuan");
      waits.push(
        answers.next(id, 30_000).then((ok) => {
          busy.delete(id);
          if (ok) latencies.push(Date.now() - at);
          else lost++;
        }),
      );
    }
    await sleep(5);
  }
  await Promise.all(waits);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), samples: latencies.length, lost };
}

async function withCluster<T>(instances: number, env: Record<string, string>, emuOptions: Parameters<typeof startEmulator>[0], fn: (c: Cluster) => Promise<T>): Promise<T> {
  const emu = await startEmulator(emuOptions);
  let cluster: Cluster | undefined;
  try {
    cluster = await startCluster({ emu, instances, env, readyTimeoutMs: 120_000 });
    return await fn(cluster);
  } finally {
    await cluster?.close();
    await emu.close();
  }
}

export async function benchCluster(options: { log: (line: string) => void; quick: boolean }): Promise<ClusterBench> {
  const { log, quick } = options;
  const out: ClusterBench = { pg_updates_per_s_1: null, pg_updates_per_s_3: null, pg_p99_ms_at_200_rps: null, cluster_lost: null, cluster_duplicates: null, cluster_broadcast_max_rate: null, details: {} };
  const unavailable = await postgresUnavailable();
  if (unavailable) {
    out.details.skipped = unavailable;
    return out;
  }
  // the harness copies every database from a migrated template (as the tests' global setup does)
  const template = await createEmptyDatabase("bench_tpl");
  process.env.PRAKERJA_PG_TEMPLATE = template.name;
  const warm = quick ? 2_000 : 4_000;
  const window = quick ? 6_000 : 12_000;
  try {
    await applyMigrations(template.url);

    for (const n of [1, 3]) {
      const loop = await withCluster(n, {}, {}, async (c) => {
        const ids = await seedAlumni(c.db, 2000, 750_000_000);
        return closedLoop(c.emu, ids, 200, warm, window);
      });
      const rate = Math.round(loop.rate * 10) / 10;
      log(`PostgreSQL, ${n} instance(s) behind the proxy: ${rate} updates/s (closed loop: ${loop.inFlight} at once over ${loop.people} people; ${loop.unanswered} unanswered, ${loop.paced} paced)`);
      out.details[`closed_loop_${n}`] = { ...loop, rate };
      if (n === 1) out.pg_updates_per_s_1 = rate;
      else out.pg_updates_per_s_3 = rate;
    }

    const latency = await withCluster(3, {}, {}, async (c) => {
      const ids = await seedAlumni(c.db, 2000, 760_000_000);
      await openLoop(c.emu, ids, 200, warm);
      return openLoop(c.emu, ids, 200, window);
    });
    out.pg_p99_ms_at_200_rps = Math.round(latency.p99 * 10) / 10;
    out.details.latency_at_200_rps = latency;
    log(`three instances at 200 updates/s offered: p50 ${latency.p50} ms, p99 ${latency.p99} ms (${latency.samples} samples, ${latency.lost} unanswered in 30 s)`);

    const kill = await withCluster(3, {}, {}, async (c) => {
      const users = quick ? 200 : 500;
      const ids = await seedAlumni(c.db, users, 770_000_000);
      const answers = answerCounter(c.emu);
      for (let round = 0; round < 4; round++) for (const id of ids) c.emu.sendCommand(user(id), "/bantuan");
      const total = users * 4;
      const sum = () => ids.reduce((s, id) => s + answers.count(id), 0);
      while (sum() < total * 0.3) await sleep(100);
      c.freeze(1);
      const inFlight = await c.db.inboxUpdate.count({ where: { status: "processing", claimedBy: c.ownerOf(1) } });
      await c.kill9(1);
      const end = Date.now() + 240_000;
      while (sum() < total && Date.now() < end) await sleep(200);
      await sleep(3000);
      const lost = ids.filter((id) => answers.count(id) < 4).length;
      const duplicates = ids.reduce((s, id) => s + Math.max(0, answers.count(id) - 4), 0);
      return { updates: total, lost, duplicates, in_flight_at_kill: inFlight };
    });
    out.cluster_lost = kill.lost;
    out.cluster_duplicates = kill.duplicates;
    out.details.kill = kill;
    log(`kill -9 during ${kill.updates} updates: lost ${kill.lost}, duplicates ${kill.duplicates} (${kill.in_flight_at_kill} in processing on the killed instance)`);

    const broadcast = await withCluster(3, { ADMIN_IDS: String(ADMIN_ID) }, { rateLimit: { global: 30 } }, async (c) => {
      const n = quick ? 300 : 900;
      const ids = await seedRecipients(c.db, n, 780_000_000);
      const admin = new TestUser(c.emu, { id: ADMIN_ID, first_name: "Admin" }, { timeoutMs: 60_000 });
      const t0 = Date.now();
      const id = await broadcastToEveryone(admin, "Bench: siaran dari tiga instance.", n);
      const end = Date.now() + 300_000;
      while ((await c.db.broadcast.findUniqueOrThrow({ where: { id } })).status !== "done" && Date.now() < end) await sleep(500);
      const sends = c.emu.callsOf("sendMessage").filter((s) => Number((s.params as { chat_id?: unknown }).chat_id) >= 780_000_000);
      const ok = sends.filter((s) => s.ok);
      const counts = deliveries(c.emu, ids);
      return {
        recipients: n,
        seconds: Math.round((Date.now() - t0) / 100) / 10,
        busiest_second_attempts: busiestSecond(sends.map((s) => s.at)),
        busiest_second_accepted: busiestSecond(ok.map((s) => s.at)),
        average_msgs_per_s: ok.length > 1 ? Math.round((((ok.length - 1) * 1000) / ((ok.at(-1)?.at ?? 0) - (ok[0]?.at ?? 0))) * 10) / 10 : null,
        refused_429: sends.filter((s) => s.status === 429).length,
        missing: [...counts.values()].filter((v) => v === 0).length,
        duplicates: [...counts.values()].reduce((s, v) => s + Math.max(0, v - 1), 0),
      };
    });
    out.cluster_broadcast_max_rate = broadcast.busiest_second_attempts;
    out.details.broadcast = broadcast;
    log(`broadcast from three instances: ${JSON.stringify(broadcast)}`);
  } finally {
    await dropDatabase(template.name).catch(() => undefined);
  }
  return out;
}
