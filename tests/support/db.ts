import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../../src/db.js";

/** Where vitest's global setup leaves a database with every migration applied by the real CLI. */
export const templateDatabase = path.join(os.tmpdir(), "prakerja-bot-tests", "template.db");

export interface TestDatabase {
  db: Db;
  url: string;
  file: string;
  close(): Promise<void>;
}

/**
 * A fresh SQLite database for one test: a copy of the migrated template, in its own temp folder.
 * Tests use the real database, never a mock of it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-db-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(templateDatabase, file);
  const url = `file:${file}`;
  const db = await openDatabase(url);
  return {
    db,
    url,
    file,
    async close() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A temp database path with nothing in it yet (for tests that start the real process). */
export function emptyDatabaseUrl(): { url: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-e2e-"));
  return { url: `file:${path.join(dir, "bot.db")}`, dir };
}
