// Transpiles src/**/*.ts to dist/**/*.js (same layout, so paths taken from import.meta.url still point at
// locales/, prisma/ and node_modules) with esbuild: no bundling, no type checking (that is `npm run
// typecheck`), about a quarter of a second. `npm start` runs the result, so production never loads a
// TypeScript loader (start-up time and memory; see README, Benchmark).
//
//   node scripts/build.mjs              build
//   node scripts/build.mjs --if-stale   build only when a file under src/ changed since the last build
//
// Also used by the bench and the tests that spawn the real process (ensureBuilt()).
/* global process, console, performance */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SRC = path.join(root, "src");
const DIST = path.join(root, "dist");
const STAMP = path.join(DIST, ".build-info.json");

/** Every file under `dir`, recursively. */
function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** What the build was made from: newest modification time and number of files under src/. */
function sourceState() {
  const files = walk(SRC);
  let newest = 0;
  for (const file of files) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  return { files: files.length, newest };
}

/** True when dist/ is missing or older than src/ (a file changed, was added or removed). */
export function isStale() {
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP, "utf8"));
    const now = sourceState();
    return stamp.files !== now.files || stamp.newest !== now.newest;
  } catch {
    return true;
  }
}

/** Builds dist/ from scratch. */
export async function build() {
  const { build: esbuild } = await import("esbuild");
  const started = performance.now();
  const state = sourceState();
  const files = walk(SRC);
  const ts = files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  // built next to dist/ and swapped in at the end, so a process starting meanwhile never sees half a build
  const next = `${DIST}.${process.pid}.tmp`;
  fs.rmSync(next, { recursive: true, force: true });
  await esbuild({
    entryPoints: ts,
    outdir: next,
    outbase: SRC,
    format: "esm",
    platform: "node",
    target: "node20",
    bundle: false,
    sourcemap: "linked",
    logLevel: "warning",
  });
  // static files next to the code that serves them (the demo page)
  for (const file of files.filter((f) => !f.endsWith(".ts"))) {
    const target = path.join(next, path.relative(SRC, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  fs.writeFileSync(path.join(next, path.basename(STAMP)), `${JSON.stringify(state)}\n`);
  fs.rmSync(DIST, { recursive: true, force: true });
  fs.renameSync(next, DIST);
  return { files: ts.length, ms: Math.round(performance.now() - started) };
}

/** Builds when stale; returns whether it built. */
export async function ensureBuilt() {
  if (!isStale()) return false;
  await build();
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes("--if-stale");
  if (ifStale && !isStale()) process.exit(0);
  const result = await build();
  console.error(`build: ${result.files} files → dist/ in ${result.ms} ms`);
}

/**
 * node's arguments for the production process, as package.json's "start" script has them (V8 flags, then
 * dist/main.js): the bench, the tests and the demo start the bot exactly as `npm start` does.
 */
export function startArgs() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const words = String(pkg.scripts.start).trim().split(/\s+/);
  if (words[0] !== "node") throw new Error(`package.json "start" should run node, got: ${pkg.scripts.start}`);
  return words.slice(1);
}
