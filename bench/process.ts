// Starts a bot (the real one, or the echo baseline) as its own process pointed at an in-process emulator,
// exactly like `npm start`: compiled JavaScript from dist/ with the start script's node flags (the echo bot
// is compiled the same way, so both carry the same runtime). Measures start-up (spawn → first getUpdates) and
// reads the process's resident memory from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt, startArgs } from "../scripts/build.mjs";
import type { Emulator, RequestInfo } from "../src/emulator/index.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BENCH_TOKEN = "123456:BENCH";

const PASS_THROUGH = ["PATH", "HOME", "TMPDIR", "TMP", "TEMP", "LANG", "TZ", "SYSTEMROOT"];
const MAX_OUTPUT = 256 * 1024;

/** Where the compiled echo bot goes (dist/ is rebuilt from src/ only, so this is written after ensureBuilt). */
const ECHO_BUILT = "dist/.bench/echo-bot.js";

/** Builds dist/ when src/ changed, and compiles the echo bot next to it. Call once before startProcess. */
export async function prepareBuild(): Promise<void> {
  await ensureBuilt();
  const { build } = await import("esbuild");
  await build({ entryPoints: [path.join(repoRoot, "bench/echo-bot.ts")], outfile: path.join(repoRoot, ECHO_BUILT), format: "esm", platform: "node", target: "node20", logLevel: "warning" });
}

/** node's arguments for an entry: the start script's flags, then the compiled script. */
function nodeArgsFor(entry: string): string[] {
  const start = startArgs();
  const flags = start.slice(0, -1);
  if (entry === "src/main.ts") return start;
  if (entry === "bench/echo-bot.ts") return [...flags, ECHO_BUILT];
  return [...flags, "--import", "tsx", entry];
}

export interface BotProcessOptions {
  emu: Emulator;
  /** script, relative to the repository root (default src/main.ts) */
  entry?: string;
  env?: Record<string, string>;
  /** extra node flags before the start script's own (e.g. --cpu-prof) */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}

export interface BenchProcess {
  child: ChildProcess;
  pid: number;
  /** spawn → the emulator saw the first getUpdates, in ms */
  startupMs: number;
  /** spawn → first call of each method (getMe, deleteWebhook, getUpdates ...) */
  firstCalls: Record<string, number>;
  output(): string;
  /** resident memory now and at its peak (VmRSS / VmHWM), in MB; undefined off Linux */
  memory(): { rssMb: number; peakMb: number } | undefined;
  /** CPU time (user + system) the process used so far, in ms; undefined off Linux */
  cpuMs(): number | undefined;
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Spawns the process and resolves once it polls (its first getUpdates reached the emulator). */
export async function startProcess(options: BotProcessOptions): Promise<BenchProcess> {
  const { emu } = options;
  const env: Record<string, string> = {};
  for (const key of PASS_THROUGH) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, { BOT_TOKEN: BENCH_TOKEN, TELEGRAM_API_ROOT: emu.apiRoot }, options.env ?? {});

  const firstCalls: Record<string, number> = {};
  let started = 0;
  let resolveReady: ((ms: number) => void) | undefined;
  const ready = new Promise<number>((resolve) => (resolveReady = resolve));
  const onRequest = (r: RequestInfo) => {
    if (r.token !== env.BOT_TOKEN) return;
    const at = Math.round(performance.now() - started);
    firstCalls[r.method] ??= at;
    if (r.method === "getUpdates") resolveReady?.(at);
  };
  emu.on("request", onRequest);

  let output = "";
  started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...nodeArgsFor(options.entry ?? "src/main.ts")], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.length > MAX_OUTPUT) output = output.slice(-MAX_OUTPUT);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready,
    exited.then((code) => new Error(`${options.entry ?? "src/main.ts"} exited (code ${code}) before polling:\n${output.slice(-4000)}`)),
    new Promise<Error>((resolve) => (timer = setTimeout(() => resolve(new Error(`not polling after ${timeoutMs} ms:\n${output.slice(-4000)}`)), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome instanceof Error) {
    emu.off("request", onRequest);
    child.kill("SIGKILL");
    throw outcome;
  }
  emu.off("request", onRequest);
  const pid = child.pid as number;

  return {
    child,
    pid,
    startupMs: outcome,
    firstCalls,
    output: () => output,
    memory: () => readMemory(pid),
    cpuMs: () => readCpuMs(pid),
    async stop(stopTimeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const kill = setTimeout(() => child.kill("SIGKILL"), stopTimeoutMs);
      const code = await exited;
      clearTimeout(kill);
      return code;
    },
  };
}

/** VmRSS and VmHWM of a process in MB (Linux /proc); undefined elsewhere. */
export function readMemory(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    const rss = kb("VmRSS");
    const peak = kb("VmHWM");
    if (!Number.isFinite(rss)) return undefined;
    return { rssMb: rss / 1024, peakMb: Number.isFinite(peak) ? peak / 1024 : rss / 1024 };
  } catch {
    return undefined;
  }
}

/** utime + stime of a process in ms (Linux /proc/<pid>/stat, clock ticks of 10 ms); undefined elsewhere. */
export function readCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name (field 2) is in parentheses and may contain spaces: count fields after it
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}
