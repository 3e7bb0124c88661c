import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuilt } from "../../scripts/build.mjs";
import { applyMigrations } from "../../src/migrate.js";

/**
 * Builds dist/ when src/ changed, and the migrated template database once per test run, through the real `prisma migrate deploy`,
 * in a folder of its own; workers find it through PRAKERJA_TEMPLATE_DB.
 */
export default async function setup(): Promise<() => void> {
  // tests that spawn the real bot run the compiled dist/main.js, as `npm start` does
  await ensureBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-template-"));
  const file = path.join(dir, "template.db");
  await applyMigrations(`file:${file}`);
  process.env.PRAKERJA_TEMPLATE_DB = file;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
