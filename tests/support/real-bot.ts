// One end-to-end test against the real bot process: the Telegram emulator, a fresh database (a SQLite file,
// or a PostgreSQL database in the `postgres` project — see emptyDatabaseUrl), the bot
// process (restartable after a kill) and a second connection to its database — all closed after each test.
import fs from "node:fs";
import { afterEach, expect } from "vitest";
import { openDatabase, type Db } from "../../src/db.js";
import { startBotProcess, type BotProcess, type StartBotOptions } from "./bot-process.js";
import { emptyDatabaseUrl } from "./db.js";
import { startEmulator, type Emulator, type EmulatorOptions } from "./emulator.js";
import type { TestUser } from "./user.js";

export interface RealBot {
  emu: Emulator;
  /** the bot's database */
  url: string;
  /** Starts the bot process on that database (again, after a kill); `ready()` is left to the caller. */
  startBot(): BotProcess;
  /** A second connection to the bot's database, for seeding and checking. */
  openDb(): Promise<Db>;
}

/**
 * Registers the teardown (bot stopped, database connection closed, emulator closed, database file removed)
 * and returns the set-up for each test: emulator started, an empty database made. Call at module level.
 */
export function useRealBot(options: Omit<StartBotOptions, "emu" | "databaseUrl"> & { emulator?: EmulatorOptions }): () => Promise<RealBot> {
  const { emulator: emulatorOptions, ...botOptions } = options;
  let emu: Emulator | undefined;
  let bot: BotProcess | undefined;
  let db: Db | undefined;
  const dirs: string[] = [];

  afterEach(async () => {
    await bot?.stop().catch(() => undefined);
    bot = undefined;
    await db?.$disconnect();
    db = undefined;
    await emu?.close();
    emu = undefined;
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  return async () => {
    const started = await startEmulator(emulatorOptions);
    emu = started;
    const { url, dir } = emptyDatabaseUrl();
    dirs.push(dir);
    return {
      emu: started,
      url,
      startBot() {
        bot = startBotProcess({ ...botOptions, emu: started, databaseUrl: url });
        return bot;
      },
      async openDb() {
        db = await openDatabase(url);
        return db;
      },
    };
  };
}

/** Goes from /start (greeted by name, asked for consent) to the province question. */
export async function onboardUntilProvince(user: TestUser): Promise<void> {
  await user.send("/start");
  expect((await user.reply()).text).toContain(`Halo, ${user.user.first_name}!`);
  expect((await user.reply()).text).toContain("boleh aku menyimpan");
  await user.click("✅ Setuju");
  await user.reply("Kamu termasuk yang mana?");
  await user.click("🎓 Alumni Prakerja");
  await user.reply("provinsi mana");
}

/** Takes a user through onboarding as an alumnus of Jambi (consent, role, province) up to the main menu. */
export async function onboardAlumnus(user: TestUser): Promise<void> {
  await user.send("/start");
  await user.reply("boleh aku menyimpan");
  await user.click("✅ Setuju");
  await user.reply("Kamu termasuk yang mana?");
  await user.click("🎓 Alumni Prakerja");
  await user.reply("provinsi mana");
  await user.send("jambi");
  await user.reply("Mau ngapain hari ini?");
}
