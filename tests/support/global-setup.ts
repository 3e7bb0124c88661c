import fs from "node:fs";
import path from "node:path";
import { applyMigrations } from "../../src/migrate.js";
import { templateDatabase } from "./db.js";

/** Builds the migrated template database once per test run, through the real `prisma migrate deploy`. */
export default async function setup(): Promise<void> {
  fs.mkdirSync(path.dirname(templateDatabase), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(templateDatabase + suffix, { force: true });
  await applyMigrations(`file:${templateDatabase}`);
}
