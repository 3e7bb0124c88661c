// Fault injection against the REAL bot process and the Telegram emulator: 429 with retry_after, 500,
// a timeout (answered late with 502, or a dropped connection), 403, and a database locked by another
// process for longer than SQLite's busy timeout. The bot survives each and the user still gets an answer.
import Database from "better-sqlite3";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotProcess, type BotProcess } from "../support/bot-process.js";
import { emptyDatabaseUrl } from "../support/db.js";
import { startEmulator, type Emulator } from "../support/emulator.js";
import { TestUser } from "../support/user.js";

let emu: Emulator;
let bot: BotProcess;
let dir: string;
let file: string;
const HELP = "Yang bisa aku bantu";

beforeAll(async () => {
  emu = await startEmulator();
  const db = emptyDatabaseUrl();
  dir = db.dir;
  file = db.url.replace(/^file:/, "");
  bot = startBotProcess({ emu, databaseUrl: db.url, readyTimeoutMs: 60_000, env: { LOG_LEVEL: "info" } });
  await bot.ready();
}, 90_000);

afterAll(async () => {
  await bot?.stop().catch(() => undefined);
  await emu?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function user(firstName: string): TestUser {
  return new TestUser(emu, { first_name: firstName }, { process: bot, timeoutMs: 20_000 });
}

/** Statuses the emulator answered to this chat's sendMessage calls, in order. */
function sendStatuses(chatId: number): number[] {
  return emu
    .callsOf("sendMessage")
    .filter((c) => Number((c.params as { chat_id?: unknown }).chat_id) === chatId)
    .map((c) => c.status);
}

describe("Telegram and disk faults (real process, emulator)", { timeout: 120_000 }, () => {
  it("429 with retry_after: waits as told, then the reply arrives once", async () => {
    const u = user("Sari");
    emu.failNext({ kind: "429", retryAfter: 2, method: "sendMessage", chatId: u.id });
    const started = Date.now();
    await u.send("/bantuan");
    expect((await u.reply()).text).toContain(HELP);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(sendStatuses(u.id)).toEqual([429, 200]);
    expect(u.messages().filter((m) => (m.text ?? "").includes(HELP))).toHaveLength(1);
  });

  it("500 and 502: retried, the reply arrives", async () => {
    const u = user("Dewi");
    emu.failNext({ kind: "500", method: "sendMessage", chatId: u.id });
    emu.failNext({ kind: "502", method: "sendMessage", chatId: u.id });
    await u.send("/bantuan");
    expect((await u.reply()).text).toContain(HELP);
    expect(sendStatuses(u.id)).toEqual([500, 502, 200]);
  });

  it("a timeout answered late with 502, and one that drops the connection: retried, the reply arrives", async () => {
    const u = user("Rina");
    emu.failNext({ kind: "timeout", ms: 1500, then: "502", method: "sendMessage", chatId: u.id });
    await u.send("/bantuan");
    expect((await u.reply()).text).toContain(HELP);
    const v = user("Yoga");
    emu.failNext({ kind: "timeout", ms: 1500, then: "drop", method: "sendMessage", chatId: v.id });
    await v.send("/bantuan");
    expect((await v.reply()).text).toContain(HELP);
    expect(v.messages().filter((m) => (m.text ?? "").includes(HELP))).toHaveLength(1);
  });

  it("403 on a reply: logged, the bot carries on, and the user gets an answer on the next message", async () => {
    const u = user("Tono");
    emu.failNext({ kind: "403", method: "sendMessage", chatId: u.id });
    await u.send("/bantuan");
    // the failed reply is contained by the error boundary, which apologises (that send goes through)
    expect((await u.reply()).text).toContain("Maaf, ada kendala");
    await u.send("/bantuan");
    expect((await u.reply()).text).toContain(HELP);
    expect(bot.exitStatus()).toBeUndefined();
    // someone else is served as usual
    const other = user("Wulan");
    await other.send("/bantuan");
    expect((await other.reply()).text).toContain(HELP);
  });

  it("a database locked by another process for longer than the busy timeout: the write is retried, the user is answered", async () => {
    const u = user("Bayu");
    await u.send("/start");
    await u.reply("Halo, Bayu!");
    await u.reply("boleh aku menyimpan");
    const other = new Database(file);
    other.pragma("busy_timeout = 10000");
    other.prepare("BEGIN IMMEDIATE").run();
    const release = setTimeout(() => {
      other.prepare("COMMIT").run();
      other.close();
    }, 6500);
    try {
      await u.click("✅ Setuju");
      // (the first event after the click is the consent question losing its buttons)
      expect((await u.reply("Persetujuanmu sudah dicatat", { timeoutMs: 30_000 })).text).toContain("Persetujuanmu sudah dicatat");
    } finally {
      clearTimeout(release);
      if (other.open) {
        other.prepare("COMMIT").run();
        other.close();
      }
    }
    const check = new Database(file, { readonly: true });
    const row = check.prepare(`SELECT "consentVersion" FROM "User" WHERE "telegramId" = ?`).get(BigInt(u.id)) as { consentVersion: string } | undefined;
    check.close();
    expect(row?.consentVersion).toBeTruthy();
    // the write waited and went through: no apology, no failed update
    expect(u.messages().some((m) => (m.text ?? "").includes("Maaf, ada kendala"))).toBe(false);
    expect(bot.exitStatus()).toBeUndefined();
  });

  it("through all of it, the process logs carry ids and never names or message text", () => {
    const output = bot.output();
    expect(output).toContain('"update_id"');
    for (const secret of ["Sari", "Dewi", "Rina", "Yoga", "Tono", "Wulan", "Bayu", HELP, "first_name", "/bantuan"]) {
      expect(output, secret).not.toContain(secret);
    }
  });
});
