import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli, startBotProcess, stopAllBotProcesses } from "../support/bot-process.js";
import { startEmulator, type Emulator } from "../support/emulator.js";
import { TestUser } from "../support/user.js";

/**
 * A stand-in for src/main.ts that speaks the same contract (BOT_TOKEN, TELEGRAM_API_ROOT, BOT_MODE,
 * WEBHOOK_URL, SIGTERM) with plain fetch, so the harness is tested independently of the real bot.
 */
const FAKE_BOT = `
const root = process.env.TELEGRAM_API_ROOT;
const token = process.env.BOT_TOKEN;
const call = async (method, params = {}) => {
  const res = await fetch(\`\${root}/bot\${token}/\${method}\`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(params) });
  return res.json();
};
if (process.env.FAKE_CRASH) {
  console.error("Configuration error: BOT_TOKEN is required");
  process.exit(3);
}
let running = true;
process.on("SIGTERM", () => { running = false; console.log("bye"); process.exit(0); });
const me = await call("getMe");
console.log("started as", me.result.username, "db", process.env.DATABASE_URL, "log", process.env.LOG_LEVEL);
if (process.env.BOT_MODE === "webhook") {
  await call("setWebhook", { url: process.env.WEBHOOK_URL, secret_token: "abc" });
  setInterval(() => {}, 1000);
} else {
  let offset = 0;
  while (running) {
    const res = await call("getUpdates", { offset, timeout: 1 });
    for (const u of res.result ?? []) {
      offset = u.update_id + 1;
      if (u.message?.text) await call("sendMessage", { chat_id: u.message.chat.id, text: "echo: " + u.message.text });
    }
  }
}
`;

const CLI = `
console.log("args", JSON.stringify(process.argv.slice(2)));
console.error("leak", process.env.EMU_HARNESS_LEAK ?? "none", "given", process.env.GIVEN);
process.exit(5);
`;

let dir: string;
let emu: Emulator;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-harness-"));
  fs.writeFileSync(path.join(dir, "fake-bot.mjs"), FAKE_BOT);
  fs.writeFileSync(path.join(dir, "cli.mjs"), CLI);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  emu = await startEmulator();
});

afterEach(async () => {
  await stopAllBotProcesses();
  await emu.close();
});

describe("startBotProcess", () => {
  it("starts a polling process, becomes ready on its first getUpdates, talks, and stops on SIGTERM", async () => {
    const proc = startBotProcess({ emu, databaseUrl: "file:/tmp/unused.db", entry: path.join(dir, "fake-bot.mjs") });
    await proc.ready();
    expect(emu.callsOf("getMe")[0]?.token).toBe("123456:TEST");
    const u = new TestUser(emu, {}, { process: proc });
    await u.send("halo");
    expect((await u.reply()).text).toBe("echo: halo");
    expect(proc.output()).toContain("started as prakerja_test_bot db file:/tmp/unused.db log warn");
    expect(await proc.stop()).toBe(0);
    expect(await proc.exited).toBe(0);
    expect(proc.exitStatus()).toEqual({ code: 0, signal: null });
    expect(proc.output()).toContain("bye");
  });

  it("passes env overrides and is ready in webhook mode once setWebhook was answered", async () => {
    const proc = startBotProcess({
      emu,
      databaseUrl: "file:/tmp/unused.db",
      entry: path.join(dir, "fake-bot.mjs"),
      env: { BOT_TOKEN: "777:WEBHOOK", BOT_MODE: "webhook", WEBHOOK_URL: "http://127.0.0.1:9/hook", LOG_LEVEL: undefined },
    });
    await proc.ready();
    expect(proc.mode).toBe("webhook");
    expect(emu.webhookInfo().url).toBe("http://127.0.0.1:9/hook");
    expect(emu.callsOf("setWebhook")[0]?.token).toBe("777:WEBHOOK");
    expect(proc.output()).toContain("log undefined");
    proc.kill("SIGKILL");
    expect(await proc.exited).toBeNull();
    expect(proc.exitStatus()?.signal).toBe("SIGKILL");
  });

  it("rejects ready() with the output when the process exits first", async () => {
    const proc = startBotProcess({ emu, databaseUrl: "file:/tmp/unused.db", entry: path.join(dir, "fake-bot.mjs"), env: { FAKE_CRASH: "1" } });
    const err = await proc.ready().catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain("exited (code 3");
    expect((err as Error).message).toContain("Configuration error: BOT_TOKEN is required");
    expect(await proc.exited).toBe(3);
  });

  it("rejects ready() when the process never polls", async () => {
    const proc = startBotProcess({ emu, databaseUrl: "file:/tmp/unused.db", entry: path.join(dir, "cli.mjs"), readyTimeoutMs: 100 });
    const err = await proc.ready().catch((e: Error) => e);
    expect((err as Error).message).toMatch(/exited|not ready after 100 ms/);
  });
});

describe("runCli", () => {
  it("captures exit code, stdout and stderr with an isolated environment", async () => {
    process.env.EMU_HARNESS_LEAK = "should-not-leak";
    try {
      const res = await runCli([path.join(dir, "cli.mjs"), "--flag", "x"], { GIVEN: "yes" });
      expect(res.code).toBe(5);
      expect(res.stdout).toContain('args ["--flag","x"]');
      expect(res.stderr).toContain("leak none given yes");
    } finally {
      delete process.env.EMU_HARNESS_LEAK;
    }
  });
});
