/**
 * Real headless Chromium for browser tests: Debian's `chromium` package driven by playwright-core (no
 * browser download). When /usr/bin/chromium is missing, `ensureChromium()` installs it with
 * `apt-get update && apt-get install -y chromium` (CI runs as root on Debian); when that is impossible the
 * result says why, and the test skips with that message.
 *
 *   const chromium = await ensureChromium();          // in beforeAll, with a long hook timeout
 *   ctx.skip(!chromium.available, chromium.reason);   // in the test
 *   const browser = await launchChromium();
 *   const page = await browser.newPage();
 *   …
 *   await browser.close();
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";
/** Makes emoji in screenshots look like they do on people's phones; optional. */
const EMOJI_FONT = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface ChromiumCheck {
  available: boolean;
  /** why it is not available (the skip message) */
  reason?: string;
  /** true when this call installed it */
  installed?: boolean;
}

let pending: Promise<ChromiumCheck> | undefined;

function run(command: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", command], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const append = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-8000);
    };
    child.stdout.on("data", append);
    child.stderr.on("data", append);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (err) => {
      clearTimeout(timer);
      resolve({ code: null, output: err.message });
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function onPath(program: string): boolean {
  return (process.env.PATH ?? "/usr/bin:/bin")
    .split(path.delimiter)
    .some((dir) => dir !== "" && fs.existsSync(path.join(dir, program)));
}

async function install(): Promise<ChromiumCheck> {
  if (fs.existsSync(CHROMIUM_PATH)) return { available: true };
  const skip = (why: string): ChromiumCheck => ({ available: false, reason: `${CHROMIUM_PATH} is missing and ${why}. Install it with: apt-get update && apt-get install -y chromium` });
  if (process.platform !== "linux") return skip(`automatic installation only works on Debian/Ubuntu (this is ${process.platform})`);
  if (!onPath("apt-get")) return skip("apt-get is not available here");
  if (typeof process.getuid === "function" && process.getuid() !== 0) return skip("installing it needs root");
  console.log(`[chromium] ${CHROMIUM_PATH} is missing: running apt-get update && apt-get install -y chromium (a few minutes the first time)`);
  const result = await run("apt-get update && apt-get install -y chromium", 15 * 60_000);
  if (result.code !== 0 || !fs.existsSync(CHROMIUM_PATH)) {
    return skip(`apt-get could not install it (exit ${result.code}):\n${result.output.split("\n").slice(-15).join("\n")}`);
  }
  if (!fs.existsSync(EMOJI_FONT)) {
    // best effort: without a colour emoji font the screenshots show boxes where the bot uses emoji
    await run("apt-get install -y fonts-noto-color-emoji", 5 * 60_000);
  }
  console.log(`[chromium] installed ${CHROMIUM_PATH}`);
  return { available: true, installed: true };
}

/** Makes sure Debian's Chromium is installed (installing it once per process if needed). */
export function ensureChromium(): Promise<ChromiumCheck> {
  pending ??= install();
  return pending;
}

export interface ChromiumSession {
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** Closes the browser and removes its profile folder. */
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh profile (its own --user-data-dir, removed on close). */
export async function launchChromium(options: { viewport?: { width: number; height: number }; deviceScaleFactor?: number } = {}): Promise<ChromiumSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  // launchPersistentContext passes --user-data-dir itself (playwright refuses it in args)
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1100, height: 860 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    acceptDownloads: true,
  });
  return {
    context,
    async newPage() {
      const blank = context.pages()[0];
      return blank && blank.url() === "about:blank" ? blank : context.newPage();
    },
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
