// Shared steps of the broadcast end-to-end tests: the real bot process against the emulator, recipients
// seeded straight into its SQLite file, and an admin who composes a broadcast through Telegram.
import fs from "node:fs";
import { openDatabase, type Db } from "../../src/db.js";
import { startBotProcess, type BotProcess } from "./bot-process.js";
import { seedConsenting } from "./broadcast-fixtures.js";
import { emptyDatabaseUrl } from "./db.js";
import type { Emulator } from "./emulator.js";
import { TestUser } from "./user.js";

export const ADMIN_ID = 880_001;

export interface BroadcastBot {
  url: string;
  dir: string;
  bot: BotProcess;
  /** a second connection to the bot's database, for seeding and checking */
  db: Db;
  start(): Promise<BotProcess>;
  close(): Promise<void>;
}

/** Starts the real bot (admin ADMIN_ID) on a new database and opens that database for the test. */
export async function startBroadcastBot(emu: Emulator): Promise<BroadcastBot> {
  const { url, dir } = emptyDatabaseUrl();
  const start = async () => {
    const bot = startBotProcess({ emu, databaseUrl: url, readyTimeoutMs: 60_000, env: { ADMIN_IDS: String(ADMIN_ID), JOBS_INTERVAL_SECONDS: "1" } });
    await bot.ready();
    return bot;
  };
  const bot = await start();
  const db = await openDatabase(url);
  const handle: BroadcastBot = {
    url,
    dir,
    bot,
    db,
    async start() {
      handle.bot = await start();
      return handle.bot;
    },
    async close() {
      await handle.bot.stop().catch(() => undefined);
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** `n` consenting users with ids from `base`. */
export function seedRecipients(db: Db, n: number, base: number): Promise<bigint[]> {
  return seedConsenting(db, n, BigInt(base));
}

/** The admin sends `text` to everyone with /siaran; returns the broadcast id from the progress message. */
export async function broadcastToEveryone(admin: TestUser, text: string, expectedCount: number): Promise<number> {
  await admin.send("/siaran");
  await admin.reply("Siaran baru");
  await admin.send(text);
  const next = await admin.reply(/Tambahkan tombol|Siapa penerimanya/);
  if ((next.text ?? "").includes("Tambahkan tombol")) {
    await admin.click("Tanpa tombol");
    await admin.reply("Siapa penerimanya");
  }
  await admin.click("👥 Semua pengguna");
  const count = await admin.reply(/Penerima:/);
  const shown = Number(/Penerima: (\S+) orang/.exec(count.text ?? "")?.[1]?.replace(/\./g, ""));
  if (shown !== expectedCount) throw new Error(`expected ${expectedCount} recipients, the bot counted: ${count.text}`);
  await admin.reply(/Kirim pesan di atas/);
  await admin.click("🚀 Kirim sekarang");
  const progress = await admin.reply(/Siaran #\d+/, { timeoutMs: 20_000 });
  return Number(/Siaran #(\d+)/.exec(progress.text ?? "")?.[1]);
}

/** How many bot messages each of these chats received. */
export function deliveries(emu: Emulator, ids: readonly bigint[]): Map<bigint, number> {
  return new Map(ids.map((id) => [id, emu.messages(Number(id)).filter((m) => m.from?.is_bot).length]));
}

export function total(counts: Map<bigint, number>): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}

export function duplicates(counts: Map<bigint, number>): number {
  let n = 0;
  for (const v of counts.values()) n += Math.max(0, v - 1);
  return n;
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, output?: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${output ? `\n--- bot output ---\n${output().slice(-4000)}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
