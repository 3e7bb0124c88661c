import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli, startBotProcess, withNpmStart, type BotProcess } from "../support/bot-process.js";
import { emptyDatabaseUrl } from "../support/db.js";
import { freePort } from "../support/ports.js";
import { startEmulator, type Emulator } from "../support/emulator.js";
import { startFreeStorageFake, type FreeStorageFake } from "../support/free-storage-fake.js";
import { onboardUntilProvince } from "../support/real-bot.js";
import { TestUser } from "../support/user.js";

let emu: Emulator | undefined;
let bot: BotProcess | undefined;
let fake: FreeStorageFake | undefined;
const dirs: string[] = [];

function database(migrated = true) {
  const { url, dir } = emptyDatabaseUrl({ migrated });
  dirs.push(dir);
  return url;
}

afterEach(async () => {
  await bot?.stop().catch(() => undefined);
  bot = undefined;
  await emu?.close();
  emu = undefined;
  await fake?.close();
  fake = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// Start-up on a new database includes `prisma migrate deploy`; give a loaded CI machine time.
const slow = { timeout: 120_000 };
const READY = 60_000;

describe("the real process against the Telegram emulator", slow, () => {
  it("`npm start` migrates a new database, polls, and onboards a user in Indonesian", async () => {
    const emulator = await startEmulator();
    emu = emulator;
    await withNpmStart(emulator, database(false), "a new database", async (output) => {
      const commands = await emulator.waitForCall("setMyCommands", undefined, { timeoutMs: 10_000 });
      expect(JSON.stringify(commands.params)).toContain("Tanya apa saja tentang Prakerja");

      const user = new TestUser(emulator, { first_name: "Siti" }, { process: { output } });
      await onboardUntilProvince(user);
      await user.send("Jambi");
      expect((await user.reply()).text).toContain("Jambi");
      const menu = await user.reply("Mau ngapain hari ini?");
      expect(menu.text).toContain("Mau ngapain hari ini?");
      expect(user.keyboardLabels()).toContain("🤝 Temu Alumni");
    });
  });

  it("continues onboarding at the same step after SIGKILL and a restart, losing nothing", async () => {
    emu = await startEmulator();
    const url = database();
    bot = startBotProcess({ emu, databaseUrl: url, readyTimeoutMs: READY });
    await bot.ready();
    const user = new TestUser(emu, { first_name: "Rahmat" }, { process: bot });
    await onboardUntilProvince(user);

    bot.kill("SIGKILL");
    await bot.exited;
    bot = startBotProcess({ emu, databaseUrl: url, readyTimeoutMs: READY });
    await bot.ready();

    // The user simply answers the open question; role and consent given before the crash are kept.
    await user.send("kalsel");
    expect((await user.reply()).text).toContain("Kalimantan Selatan");
    await user.reply("Mau ngapain hari ini?");
    await user.send("/start");
    await user.reply("Halo, Rahmat!");
    const menu = await user.reply();
    expect(menu.text).toContain("Mau ngapain hari ini?");
    expect(user.messages().filter((m) => (m.text ?? "").includes("boleh aku menyimpan"))).toHaveLength(1);
  });

  it("stores sessions in the free storage service when SESSION_STORAGE=free", async () => {
    emu = await startEmulator();
    fake = await startFreeStorageFake();
    bot = startBotProcess({ emu, databaseUrl: database(), readyTimeoutMs: READY, env: { SESSION_STORAGE: "free", FREE_STORAGE_URL: fake.rootUrl } });
    await bot.ready();
    const user = new TestUser(emu, { first_name: "Wati" }, { process: bot });
    await onboardUntilProvince(user);
    // the session is written after the reply is sent, so wait for it
    await vi.waitFor(() => expect(JSON.parse(fake?.data.get(String(user.id)) ?? "{}")).toMatchObject({ onboarding: { step: "province" } }), { timeout: 5000 });
    expect(fake.requests.some((r) => r.method === "POST" && r.path === "/login")).toBe(true);
    await user.send("Gorontalo");
    expect((await user.reply()).text).toContain("Gorontalo");
  });

  it("webhook mode: a wrong secret gets 401 and nothing is processed; the right one is processed", async () => {
    emu = await startEmulator();
    const port = await freePort();
    bot = startBotProcess({
      emu,
      databaseUrl: database(),
      readyTimeoutMs: READY,
      env: { BOT_MODE: "webhook", WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`, WEBHOOK_SECRET: "right-secret", PORT: String(port) },
    });
    await bot.ready();
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    const forged = { update_id: 999, message: { message_id: 1, date: 0, chat: { id: 555, type: "private" }, from: { id: 555, is_bot: false, first_name: "X" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] } };
    for (const secret of ["wrong-secret", undefined]) {
      const response = await fetch(`http://127.0.0.1:${port}/telegram/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret ? { "X-Telegram-Bot-Api-Secret-Token": secret } : {}) },
        body: JSON.stringify(forged),
      });
      expect(response.status).toBe(401);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emu.callsOf("sendMessage").filter((c) => c.params.chat_id === 555)).toHaveLength(0);

    // The emulator delivers real updates with the right secret.
    const user = new TestUser(emu, { first_name: "Dewi" }, { process: bot });
    await user.send("/start");
    expect((await user.reply()).text).toContain("Halo, Dewi!");
  });

  it("survives 429, 5xx, timeouts and a blocked user, and the user still gets the reply", async () => {
    emu = await startEmulator();
    bot = startBotProcess({ emu, databaseUrl: database(), readyTimeoutMs: READY });
    await bot.ready();
    const user = new TestUser(emu, { first_name: "Agus" }, { process: bot, timeoutMs: 15_000 });

    emu.failNext({ method: "sendMessage", kind: "429", retryAfter: 1 });
    await user.send("/bantuan");
    expect((await user.reply()).text).toContain("Yang bisa aku bantu");

    emu.failNext({ method: "sendMessage", kind: "500" });
    await user.send("/bantuan");
    expect((await user.reply()).text).toContain("Yang bisa aku bantu");

    emu.failNext({ method: "sendMessage", kind: "timeout", ms: 500 });
    await user.send("/bantuan");
    expect((await user.reply()).text).toContain("Yang bisa aku bantu");

    // a 403 for one chat (the user blocked the bot meanwhile) fails only that reply
    const blocked = new TestUser(emu, { first_name: "Blok" }, { process: bot });
    emu.failNext({ method: "sendMessage", chatId: blocked.id, kind: "403" });
    await blocked.send("/bantuan");
    await emu.waitForCall("sendMessage", (c) => c.status === 403, { timeoutMs: 10_000 });
    await user.send("/menu");
    expect((await user.reply()).text).toContain("Mau ngapain hari ini?");
    expect(bot.exitStatus()).toBeUndefined();
    const statuses = emu.calls.filter((c) => c.method === "sendMessage").map((c) => c.status);
    expect(statuses).toEqual(expect.arrayContaining([429, 500, 502, 403, 200]));
  });
});

describe("start-up configuration errors", slow, () => {
  it.each([
    [{ BOT_TOKEN: undefined }, "Configuration error: BOT_TOKEN is required"],
    [{ BOT_TOKEN: "123:ok", BOT_MODE: "webhook" }, "Configuration error: WEBHOOK_URL is required when BOT_MODE=webhook"],
    [{ BOT_TOKEN: "123:ok", PORT: "abc" }, "Configuration error: PORT must be a port number"],
  ])("%j stops with one clear line and exit code 1", async (env, line) => {
    const result = await runCli(["src/main.ts"], { ...env, DATABASE_URL: database() });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toContain(line);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
