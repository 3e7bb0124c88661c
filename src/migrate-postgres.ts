// Applies the PostgreSQL migrations (prisma/postgres/migrations/*/migration.sql) with a migrator of our own
// on `pg`. `prisma migrate deploy` cannot be used: through the pg driver adapter it fails on Prisma 6.19
// ("Column type 'name' could not be deserialized"), and the native engine that avoids it is a download.
//
// - Several instances starting at once: the whole run holds a session advisory lock, so one migrates and
//   the others wait, then find nothing pending.
// - Each migration runs in its own transaction together with its `_prisma_migrations` row, so it is
//   applied entirely or not at all.
// - `_prisma_migrations` has Prisma's shape (id, checksum = SHA-256 of the file, started/finished_at, …), so
//   Prisma's own tools can read the history.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const postgresMigrationsDir = path.join(projectRoot, "prisma", "postgres", "migrations");

/** Arbitrary constant key of the advisory lock held while migrating. */
export const MIGRATION_LOCK_KEY = 7_311_013_000;

const CREATE_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface PostgresMigration {
  name: string;
  sql: string;
  checksum: string;
}

/** The committed PostgreSQL migrations, oldest first. */
export function postgresMigrations(dir = postgresMigrationsDir): PostgresMigration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrateOptions {
  dir?: string;
  /** called with each migration's name before it is applied */
  onApply?: (name: string) => void;
}

/** Applies pending migrations; returns the names applied by this call (empty when another instance did it). */
export async function applyPostgresMigrations(url: string, options: MigrateOptions = {}): Promise<string[]> {
  const migrations = postgresMigrations(options.dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(CREATE_HISTORY);
      const history = await client.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        `SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`,
      );
      const failed = history.rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
      if (failed) {
        throw new Error(
          `migration ${failed.migration_name} is recorded as started but not finished in _prisma_migrations; ` +
            `check the database, then delete that row (or set rolled_back_at) before starting again`,
        );
      }
      const done = new Set(history.rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => row.migration_name));
      for (const migration of migrations) {
        if (done.has(migration.name)) continue;
        options.onApply?.(migration.name);
        await client.query("BEGIN");
        try {
          const id = crypto.randomUUID();
          await client.query(`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at") VALUES ($1, $2, $3, now())`, [
            id,
            migration.checksum,
            migration.name,
          ]);
          await client.query(migration.sql);
          await client.query(`UPDATE "_prisma_migrations" SET "finished_at" = clock_timestamp(), "applied_steps_count" = 1 WHERE "id" = $1`, [id]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw new Error(`migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
        }
        applied.push(migration.name);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
  return applied;
}
