import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe } from "vitest";
import { openDatabase, type Db } from "../../src/db.js";
import type { DatabaseProvider } from "../../src/db-url.js";
import { createDatabaseSync, createMigratedDatabase, dropDatabase, postgresSkipReason } from "./postgres.js";

/**
 * The database bot-level and end-to-end tests run on when they do not name one: TEST_DB_PROVIDER, which the
 * `sqlite` and `postgres` projects of vitest.config.ts set (the same test files run in both). Unset, as in
 * the `unit` project, it is SQLite.
 */
export function defaultTestProvider(): DatabaseProvider {
  const value = process.env.TEST_DB_PROVIDER;
  if (value === undefined || value === "" || value === "sqlite") return "sqlite";
  if (value === "postgresql" || value === "postgres") return "postgresql";
  throw new Error(`TEST_DB_PROVIDER must be "sqlite" or "postgresql", got "${value}"`);
}

/**
 * Where vitest's global setup leaves a database with every migration applied by the real CLI. Each test
 * run gets its own folder (passed to the workers in PRAKERJA_TEMPLATE_DB), so parallel runs never collide.
 */
export const templateDatabase = process.env.PRAKERJA_TEMPLATE_DB ?? path.join(os.tmpdir(), "prakerja-bot-tests", "template.db");

export interface TestDatabase {
  db: Db;
  url: string;
  /** the SQLite file ("" on PostgreSQL) */
  file: string;
  provider: DatabaseProvider;
  close(): Promise<void>;
}

/**
 * A fresh database for one test (by default on the project's database, see defaultTestProvider): SQLite, a copy of the migrated template in its own temp folder; or
 * PostgreSQL, a database of its own created from the migrated template (dropped by close()).
 * Tests use the real database, never a mock of it.
 */
export async function createTestDatabase(provider: DatabaseProvider = defaultTestProvider()): Promise<TestDatabase> {
  if (provider === "postgresql") {
    const { url, name } = await createMigratedDatabase();
    const db = await openDatabase(url, { poolSize: 4 });
    return {
      db,
      url,
      file: "",
      provider,
      async close() {
        await db.$disconnect();
        await dropDatabase(name);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-db-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(templateDatabase, file);
  const url = `file:${file}`;
  const db = await openDatabase(url);
  return {
    db,
    url,
    file,
    provider,
    async close() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An in-memory SQLite database (`file::memory:`) with the migrated template's tables and indexes: private
 * to Prisma's one connection, so its hot store runs on Prisma's raw query (src/db.ts).
 */
export async function createMemoryDatabase(): Promise<TestDatabase> {
  const db = await openDatabase("file::memory:");
  const template = new Database(templateDatabase, { readonly: true });
  const schema = template.prepare(`SELECT "sql" FROM "sqlite_master" WHERE "sql" IS NOT NULL AND "name" NOT LIKE 'sqlite_%' ORDER BY "rowid"`).pluck().all() as string[];
  template.close();
  for (const statement of schema) await db.$executeRawUnsafe(statement);
  return { db, url: "file::memory:", file: ":memory:", provider: "sqlite", close: () => db.$disconnect() };
}

/**
 * A temp database for a test that starts the real process: a copy of the migrated template with no rows
 * (so start-up skips `prisma migrate deploy`), or, with `{ migrated: false }`, a path where no file exists
 * yet — for the tests that prove `npm start` migrates a new database itself. On the project's database
 * (defaultTestProvider): on PostgreSQL a database of its own (empty with `{ migrated: false }`), dropped
 * after the test file; `dir` is then an empty temp folder, still the caller's to remove.
 */
export function emptyDatabaseUrl(options: { migrated?: boolean; provider?: DatabaseProvider } = {}): { url: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-e2e-"));
  if ((options.provider ?? defaultTestProvider()) === "postgresql") return { url: createDatabaseSync({ migrated: options.migrated }).url, dir };
  const file = path.join(dir, "bot.db");
  if (options.migrated ?? true) fs.copyFileSync(templateDatabase, file);
  return { url: `file:${file}`, dir };
}

/** Both databases, for `describeEachProvider`. */
export const PROVIDERS: DatabaseProvider[] = ["sqlite", "postgresql"];

/**
 * `describe` once per database — in the `sqlite` and `postgres` projects only once, on the project's
 * database (the other project runs the other). On PostgreSQL without a server the block is skipped and
 * its name says why (REQUIRE_POSTGRES=1 makes global setup fail instead).
 */
export function describeEachProvider(name: string, body: (provider: DatabaseProvider) => void): void {
  const providers = process.env.TEST_DB_PROVIDER ? [defaultTestProvider()] : PROVIDERS;
  for (const provider of providers) {
    const skip = provider === "postgresql" ? postgresSkipReason() : null;
    if (skip) describe.skip(`${name} [${provider}: skipped, ${skip}]`, () => body(provider));
    else describe(`${name} [${provider}]`, () => body(provider));
  }
}

/** The database a test runs on, from the "[provider]" that describeEachProvider puts in a suite's name. */
export function providerOfTest(task: { suite?: { name: string; suite?: unknown } }): DatabaseProvider {
  for (let suite = task.suite as { name: string; suite?: unknown } | undefined; suite; suite = suite.suite as typeof suite) {
    if (suite.name.includes("[postgresql]")) return "postgresql";
    if (suite.name.includes("[sqlite]")) return "sqlite";
  }
  return defaultTestProvider();
}
