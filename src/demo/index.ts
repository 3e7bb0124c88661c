/**
 * `npm run demo`: the real bot (dist/main.js started as `npm start` starts it, the production entry point) against the
 * embedded Telegram Bot API emulator, plus a local chat page that looks and behaves like a Telegram
 * private chat. No bot token, no internet; a separate database (data/demo.db) with example meetups.
 *
 *   const demo = await startDemo({ port: 0, databaseFile: "/tmp/x/demo.db", fresh: true });
 *   console.log(demo.url);   // http://localhost:40123
 *   await demo.stop();
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startArgs } from "../../scripts/build.mjs";
import { openDatabase } from "../db.js";
import { startEmulator, type Emulator, type RequestInfo } from "../emulator/index.js";
import { applyMigrations } from "../migrate.js";
import { PERSONAS, type Persona } from "./personas.js";
import { seedExampleEvents } from "./seed.js";
import { DemoServer } from "./server.js";

export { PERSONAS, findPersona, type Persona, type PersonaKey } from "./personas.js";
export { exampleEvents, sampleEventsCsv, seedExampleEvents, EXAMPLE_PREFIX } from "./seed.js";
export { entitiesToHtml, escapeBrowserHtml, renderMessage, viewReplyKeyboard, type ViewMessage, type ViewReplyKeyboard } from "./render.js";
export type { BotStatus, ChangeBatch, ChatSnapshot } from "./server.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A fixed fake token: it only ever talks to the embedded emulator and is worthless on Telegram. */
export const DEMO_BOT_TOKEN = "7000000001:DEMO-token-hanya-untuk-emulator";
export const DEMO_BOT = { username: "prakerja_demo_bot", name: "Temu Alumni Prakerja (Demo)" };
export const DEFAULT_DEMO_PORT = 3000;
export const DEFAULT_DEMO_DATABASE = path.join(repoRoot, "data", "demo.db");
const PRODUCTION_DATABASE = path.join(repoRoot, "data", "bot.db");

export interface DemoOptions {
  /** Port of the chat page (default 3000; 0 = any free port). */
  port?: number;
  /** Interface to bind (default 127.0.0.1: only this computer can open the page). */
  host?: string;
  /** SQLite file (default data/demo.db). Never the production data/bot.db. */
  databaseFile?: string;
  /** Start from an empty database (the file is deleted first). */
  fresh?: boolean;
  /** Write the example meetups when there is no upcoming one (default true). */
  seedExamples?: boolean;
  /** JOBS_INTERVAL_SECONDS of the bot: small, so reminders and broadcasts move quickly (default 2). */
  jobsIntervalSeconds?: number;
  /** LOG_LEVEL of the bot (default "warn"). */
  logLevel?: string;
  /** Where the bot process's output goes (default: this process's stderr). */
  onBotOutput?: (text: string) => void;
  /** How long to wait for the bot's first getUpdates (default 120 s). */
  readyTimeoutMs?: number;
}

export interface Demo {
  /** The chat page, e.g. http://localhost:3000 */
  readonly url: string;
  readonly port: number;
  readonly emulator: Emulator;
  readonly server: DemoServer;
  readonly databaseFile: string;
  readonly personas: readonly Persona[];
  readonly adminIds: string;
  /** How many example meetups this start wrote (0 when the database already had upcoming ones). */
  readonly examplesSeeded: number;
  /** Everything the bot process printed (the last megabyte). */
  botOutput(): string;
  /** Resolves with the exit code when the bot process ends (null: ended by a signal). */
  readonly botExited: Promise<number | null>;
  /** Stops the bot (SIGTERM, then SIGKILL after 10 s), the page server and the emulator. */
  stop(): Promise<void>;
}

const MAX_OUTPUT = 1024 * 1024;
const children = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // never leave a bot process behind when this process dies
  process.once("exit", () => {
    for (const child of children) child.kill("SIGKILL");
  });
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const databaseFile = path.resolve(options.databaseFile ?? DEFAULT_DEMO_DATABASE);
  if (databaseFile === PRODUCTION_DATABASE || databaseFile === path.resolve("data", "bot.db")) {
    throw new Error(`demo tidak boleh memakai basis data produksi (${databaseFile}); pilih berkas lain.`);
  }
  const databaseUrl = `file:${databaseFile}`;
  const adminIds = PERSONAS.filter((p) => p.admin)
    .map((p) => p.user.id)
    .join(",");

  const emulator = await startEmulator({ botUsername: DEMO_BOT.username, botFirstName: DEMO_BOT.name });
  let server: DemoServer | undefined;
  let child: ChildProcess | undefined;
  let output = "";
  const cleanup = async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await server?.close();
    await emulator.close();
  };

  try {
    // the page first: a busy port fails at once, and the page can say "starting" while the database is prepared
    server = await new DemoServer({ emulator, port: options.port ?? DEFAULT_DEMO_PORT, host: options.host ?? "127.0.0.1", bot: DEMO_BOT }).listen();

    if (options.fresh) removeDatabase(databaseFile);
    fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
    await applyMigrations(databaseUrl);
    let examplesSeeded = 0;
    if (options.seedExamples ?? true) {
      const db = await openDatabase(databaseUrl);
      try {
        examplesSeeded = await seedExampleEvents(db);
      } finally {
        await db.$disconnect();
      }
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // set explicitly (even when empty) so a .env file in the working directory cannot change them
      BOT_TOKEN: DEMO_BOT_TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: databaseUrl,
      ADMIN_IDS: adminIds,
      BOT_MODE: "polling",
      SESSION_STORAGE: "prisma",
      FREE_STORAGE_URL: "",
      WEBHOOK_URL: "",
      WEBHOOK_SECRET: "",
      JOBS_INTERVAL_SECONDS: String(options.jobsIntervalSeconds ?? 2),
      LOG_LEVEL: options.logLevel ?? "warn",
    };
    const write = options.onBotOutput ?? ((text: string) => void process.stderr.write(text));
    const timeoutMs = options.readyTimeoutMs ?? 120_000;
    let settle: ((err?: Error) => void) | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      settle = (err) => (err ? reject(err) : resolve());
    });
    const onRequest = (r: RequestInfo) => {
      if (r.method === "getUpdates" && r.token === DEMO_BOT_TOKEN) finishReady();
    };
    const timer = setTimeout(() => finishReady(new Error(`the bot did not start within ${timeoutMs / 1000} s. Output:\n${output}`)), timeoutMs);
    const finishReady = (err?: Error) => {
      clearTimeout(timer);
      emulator.off("request", onRequest);
      settle?.(err);
      settle = undefined;
    };
    // listen before spawning, so the first getUpdates cannot be missed
    emulator.on("request", onRequest);
    const proc = spawn(process.execPath, startArgs(), { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    children.add(proc);
    installExitHook();
    const append = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      if (output.length > MAX_OUTPUT) output = output.slice(-MAX_OUTPUT);
      write(text);
    };
    proc.stdout?.on("data", append);
    proc.stderr?.on("data", append);
    proc.once("error", (err) => finishReady(new Error(`could not start the bot: ${err.message}`)));
    const botExited = new Promise<number | null>((resolve) => {
      proc.once("exit", (code, signal) => {
        children.delete(proc);
        // let the pipes drain so the output has the last lines
        setImmediate(() => {
          finishReady(new Error(`the bot exited (code ${code}, signal ${signal}) before it was ready. Output:\n${output}`));
          resolve(code);
        });
      });
    });
    await ready;
    const demoServer = server;
    demoServer.setBotStatus({ state: "running" });
    let stopping = false;
    void botExited.then((code) => {
      if (!stopping) demoServer.setBotStatus({ state: "stopped", message: `Bot berhenti (kode ${code}). Lihat pesan di terminal.` });
    });

    return {
      url: demoServer.url,
      port: demoServer.port,
      emulator,
      server: demoServer,
      databaseFile,
      personas: PERSONAS,
      adminIds,
      examplesSeeded,
      botOutput: () => output,
      botExited,
      async stop() {
        if (stopping) return;
        stopping = true;
        if (proc.exitCode === null && proc.signalCode === null) {
          proc.kill("SIGTERM");
          const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
          await botExited;
          clearTimeout(timer);
        }
        await demoServer.close();
        await emulator.close();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
