import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { databaseFile, isPostgresUrl } from "./db-url.js";

const run = promisify(execFile);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
const prismaConfig = path.join(projectRoot, "prisma", "prisma.config.ts");

/** Names of the migration folders committed under prisma/migrations, oldest first. */
export function committedMigrations(): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Migrations that the database has not finished applying yet. */
export function pendingMigrations(file: string): string[] {
  const wanted = committedMigrations();
  if (!fs.existsSync(file)) return wanted;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return wanted;
    const rows = sqlite
      .prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as { name: string }[];
    const done = new Set(rows.map((row) => row.name));
    return wanted.filter((name) => !done.has(name));
  } finally {
    sqlite.close();
  }
}

/**
 * Applies pending migrations. SQLite: with `prisma migrate deploy` (the CLI costs about a second even when
 * there is nothing to do, so the common case, everything applied, is answered from `_prisma_migrations`
 * first). PostgreSQL: with the project's own migrator under an advisory lock (./migrate-postgres.ts).
 */
export async function applyMigrations(databaseUrl: string | undefined): Promise<string[]> {
  if (isPostgresUrl(databaseUrl)) {
    const { applyPostgresMigrations } = await import("./migrate-postgres.js");
    return applyPostgresMigrations(databaseUrl as string);
  }
  const file = databaseFile(databaseUrl);
  const pending = pendingMigrations(file);
  if (pending.length === 0) return [];
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  await run(process.execPath, [cli, "migrate", "deploy", "--config", prismaConfig], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: `file:${file}`, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  return pending;
}
