/**
 * Runs the REAL bot as a child process against the emulator, for end-to-end tests; and one-shot CLI runs
 * (`runCli`) for config/CLI tests. The bot runs as `npm start` runs it: the compiled dist/main.js with the
 * start script's node flags (the test run's global setup builds dist/ first).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { startArgs } from "../../src/cli/build.mjs";
import type { CallRecord, Emulator, RequestInfo } from "./emulator.js";

/** Repository root: every child process runs from here. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const DEFAULT_BOT_TOKEN = "123456:TEST";

/** Output kept per process (the tail, if a process is very chatty). */
const MAX_OUTPUT = 1024 * 1024;

/** Variables passed through from the test runner; everything else comes from the test. */
const PASS_THROUGH = ["PATH", "HOME", "USERPROFILE", "TMPDIR", "TMP", "TEMP", "SYSTEMROOT", "SystemRoot", "LANG", "TZ"];

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of PASS_THROUGH) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

/** Applies overrides; an `undefined` value removes the variable. */
function mergeEnv(base: Record<string, string>, overrides: Record<string, string | undefined> | undefined): Record<string, string> {
  const env = { ...base };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface StartBotOptions {
  emu: Emulator;
  /** DATABASE_URL (SQLite or PostgreSQL), e.g. from `emptyDatabaseUrl()`; the bot migrates it on start. */
  databaseUrl: string;
  /** Extra/overriding environment variables (`undefined` removes one). */
  env?: Record<string, string | undefined>;
  /** Script to run (default "src/main.ts"). */
  entry?: string;
  /** How long `ready()` waits (default 20 s). */
  readyTimeoutMs?: number;
}

export interface BotProcess {
  readonly child: ChildProcess;
  readonly pid: number | undefined;
  /** BOT_TOKEN the process uses (calls carry it in `CallRecord.token`). */
  readonly token: string;
  readonly mode: "polling" | "webhook";
  /** stdout and stderr so far, interleaved as received. */
  output(): string;
  /**
   * Resolves when the emulator got the first getUpdates from this process (polling), or answered its
   * setWebhook (webhook mode). Rejects with the captured output if the process exits first or the time
   * runs out. Calling it several times returns the same promise.
   */
  ready(): Promise<void>;
  /** Exit code once the process ended (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** Exit code and signal, undefined while running. */
  exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM, then waits for the exit (SIGKILL after `timeoutMs`, default 10 s); returns the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
}

/**
 * node's arguments for a script: "src/main.ts" (the production entry) runs as `npm start` runs it, other
 * TypeScript files through tsx, anything else as it is.
 */
export function nodeArgsFor(entry: string): string[] {
  if (entry === "src/main.ts") return startArgs();
  return entry.endsWith(".ts") ? ["--import", "tsx", entry] : [entry];
}

const running = new Set<BotProcess>();
// A test that starts a second process in the same variable (a restart, a second instance) stops only the
// last one itself; whatever is still running when the test file ends is stopped here, so no bot keeps
// polling a closed emulator after the suite. (The bench imports this module outside vitest: no hook there.)
if (process.env.VITEST) afterAll(() => stopAllBotProcesses());

process.once("exit", () => {
  for (const p of running) p.child.kill("SIGKILL");
});

/** Starts the bot as a child process pointed at the emulator. */
export function startBotProcess(options: StartBotOptions): BotProcess {
  const { emu } = options;
  const env = mergeEnv(
    {
      ...baseEnv(),
      BOT_TOKEN: DEFAULT_BOT_TOKEN,
      TELEGRAM_API_ROOT: emu.apiRoot,
      DATABASE_URL: options.databaseUrl,
      LOG_LEVEL: "warn",
      BOT_MODE: "polling",
    },
    options.env,
  );
  const token = env.BOT_TOKEN ?? "";
  const mode = env.BOT_MODE === "webhook" ? "webhook" : "polling";
  const entry = options.entry ?? "src/main.ts";
  const timeoutMs = options.readyTimeoutMs ?? 20_000;

  let output = "";
  const append = (chunk: Buffer): void => {
    output += chunk.toString("utf8");
    if (output.length > MAX_OUTPUT) output = output.slice(-MAX_OUTPUT);
  };

  // Listen before spawning so the first request cannot be missed.
  let settleReady: ((err?: Error) => void) | undefined;
  const readyPromise = new Promise<void>((resolve, reject) => {
    settleReady = (err) => (err ? reject(err) : resolve());
  });
  readyPromise.catch(() => undefined); // nobody has to call ready()
  const onRequest = (r: RequestInfo): void => {
    if (mode === "polling" && r.token === token && r.method === "getUpdates") finishReady();
  };
  const onCall = (c: CallRecord): void => {
    if (mode === "webhook" && c.token === token && c.method === "setWebhook" && c.ok) finishReady();
  };
  const finishReady = (err?: Error): void => {
    if (!settleReady) return;
    const settle = settleReady;
    settleReady = undefined;
    clearTimeout(readyTimer);
    emu.off("request", onRequest);
    emu.off("call", onCall);
    settle(err);
  };
  emu.on("request", onRequest);
  emu.on("call", onCall);
  const readyTimer = setTimeout(() => {
    finishReady(new Error(`bot process not ready after ${timeoutMs} ms (no ${mode === "polling" ? "getUpdates" : "setWebhook"} from token ${token}). Output:\n${output}`));
  }, timeoutMs);

  const child = spawn(process.execPath, nodeArgsFor(entry), { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);

  let status: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code, signal) => {
      status = { code, signal };
      running.delete(proc);
      // let the pipes drain so output() has the last lines
      setImmediate(() => {
        finishReady(new Error(`bot process exited (code ${code}, signal ${signal}) before it was ready. Output:\n${output}`));
        resolve(code);
      });
    });
    child.once("error", (err) => {
      finishReady(new Error(`could not start the bot process: ${err.message}`));
      status = { code: null, signal: null };
      running.delete(proc);
      resolve(null);
    });
  });

  const proc: BotProcess = {
    child,
    pid: child.pid,
    token,
    mode,
    output: () => output,
    ready: () => readyPromise,
    exited,
    exitStatus: () => status,
    kill(signal: NodeJS.Signals = "SIGTERM") {
      if (!status) child.kill(signal);
    },
    async stop(stopTimeoutMs = 10_000) {
      if (!status) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => {
          if (!status) child.kill("SIGKILL");
        }, stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
  running.add(proc);
  return proc;
}

/** Stops every bot process still running (for afterEach/afterAll). */
export async function stopAllBotProcesses(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  /** Kill the process after this long (default 30 s); the result then has signal "SIGKILL". */
  timeoutMs?: number;
  /** Written to stdin, which is then closed. */
  input?: string;
}

/**
 * Runs `node <args…>` once from the repository root (a .ts script through tsx, src/main.ts compiled) and captures everything, e.g.
 * `runCli(["src/main.ts"], { BOT_TOKEN: "nope" })`. The environment is only PATH/HOME/temp dirs/TZ/LANG
 * plus `env` (nothing else leaks in from the test runner).
 */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, options: RunCliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgsFor(args[0] ?? ""), ...args.slice(1)], { cwd: repoRoot, env: mergeEnv(baseEnv(), env), stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 30_000);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

/**
 * `npm start` exactly as an operator types it (its prestart step builds dist/ when stale), polling the
 * emulator, on `databaseUrl`: waits for the first getUpdates (a new database is migrated before it), runs
 * `steps` with the process's output at hand, then stops it with SIGTERM and waits until it has exited.
 */
export async function withNpmStart(emu: Emulator, databaseUrl: string, what: string, steps: (output: () => string) => Promise<void>): Promise<void> {
  const started = Date.now();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: repoRoot,
    env: { ...process.env, BOT_TOKEN: DEFAULT_BOT_TOKEN, TELEGRAM_API_ROOT: emu.apiRoot, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    stdio: "pipe",
    // a process group of its own: npm does not always pass a signal on to the bot it started
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  try {
    await emu.waitForCall("getUpdates", undefined, { timeoutMs: 60_000 });
    console.log(`npm start on ${what}: first getUpdates after ${Date.now() - started} ms`);
    await steps(() => output);
  } finally {
    // SIGTERM to the whole group (npm, its shell and the bot), then SIGKILL to whatever is left after 15 s
    const group = -(child.pid as number);
    const signal = (name: NodeJS.Signals | 0): boolean => {
      try {
        process.kill(group, name);
        return true;
      } catch {
        return false; // the group is empty
      }
    };
    signal("SIGTERM");
    const deadline = Date.now() + 15_000;
    while (signal(0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    signal("SIGKILL");
  }
}
