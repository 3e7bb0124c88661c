import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../support/bot-process.js";
import { startEmulator, type Emulator } from "../support/emulator.js";
import { createEmptyDatabase, dropDatabase, postgresSkipReason } from "../support/postgres.js";
import { TestUser } from "../support/user.js";

const skip = postgresSkipReason();
let emu: Emulator | undefined;
const created: string[] = [];
afterEach(async () => {
  await emu?.close();
  emu = undefined;
  for (const name of created.splice(0)) await dropDatabase(name);
});

describe.skipIf(!!skip)(`the real process on PostgreSQL${skip ? ` [skipped: ${skip}]` : ""}`, { timeout: 120_000 }, () => {
  it("`npm start` with DATABASE_URL=postgresql://… migrates an empty database, polls, and onboards a user", async () => {
    emu = await startEmulator();
    const { url, name } = await createEmptyDatabase("start");
    created.push(name);
    const started = Date.now();
    const child = spawn("npm", ["start", "--silent"], {
      cwd: repoRoot,
      env: { ...process.env, BOT_TOKEN: "123456:TEST", TELEGRAM_API_ROOT: emu.apiRoot, DATABASE_URL: url, LOG_LEVEL: "warn" },
      stdio: "pipe",
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    try {
      await emu.waitForCall("getUpdates", undefined, { timeoutMs: 60_000 });
      console.log(`npm start on an empty PostgreSQL database: first getUpdates after ${Date.now() - started} ms`);
      const user = new TestUser(emu, { first_name: "Siti" }, { process: { output: () => output } });
      await user.send("/start");
      expect((await user.reply()).text).toContain("Halo, Siti!");
      expect((await user.reply()).text).toContain("boleh aku menyimpan");
      await user.click("✅ Setuju");
      await user.reply("Kamu termasuk yang mana?");
      await user.click("🎓 Alumni Prakerja");
      await user.reply("provinsi mana");
      await user.send("Jambi");
      expect((await user.reply()).text).toContain("Jambi");
      await user.reply("Mau ngapain hari ini?");
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  });
});
