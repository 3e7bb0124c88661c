import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "../../src/migrate.js";
import { applyPostgresMigrations, postgresMigrations, postgresMigrationsDir } from "../../src/migrate-postgres.js";
import { createEmptyDatabase, dropDatabase, postgresSkipReason } from "../support/postgres.js";

const skip = postgresSkipReason();
const created: string[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const name of created.splice(0)) await dropDatabase(name);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<string> {
  const { url, name } = await createEmptyDatabase("mig");
  created.push(name);
  return url;
}

async function rows<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!!skip)(`the PostgreSQL migrator${skip ? ` [skipped: ${skip}]` : ""}`, () => {
  it("migrates an empty database once, in Prisma's _prisma_migrations shape; a second run does nothing", async () => {
    const url = await emptyDatabase();
    const started = performance.now();
    const applied = await applyMigrations(url);
    console.log(`PostgreSQL: ${applied.length} migration(s) applied in ${Math.round(performance.now() - started)} ms`);
    expect(applied).toEqual(postgresMigrations().map((m) => m.name));
    const history = await rows<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT "migration_name", "checksum", "finished_at", "applied_steps_count" FROM "_prisma_migrations" ORDER BY "migration_name"`,
    );
    expect(history.map((h) => h.migration_name)).toEqual(applied);
    expect(history.every((h) => h.finished_at instanceof Date && h.applied_steps_count === 1 && /^[0-9a-f]{64}$/.test(h.checksum))).toBe(true);
    const noop = performance.now();
    expect(await applyMigrations(url)).toEqual([]);
    console.log(`PostgreSQL: nothing-to-do check in ${Math.round(performance.now() - noop)} ms`);
  });

  it("several migrators starting at once on one empty database apply each migration exactly once", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all(Array.from({ length: 6 }, () => applyPostgresMigrations(url)));
    const all = results.flat();
    expect(all.sort()).toEqual(postgresMigrations().map((m) => m.name).sort());
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    const history = await rows<{ n: string }>(url, `SELECT COUNT(*) AS n FROM "_prisma_migrations"`);
    expect(Number(history[0]?.n)).toBe(postgresMigrations().length);
    const tables = await rows<{ n: string }>(url, `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'User'`);
    expect(Number(tables[0]?.n)).toBe(1);
  });

  it("a failing migration is rolled back whole and stops the start with its name", async () => {
    const url = await emptyDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-migrations-"));
    dirs.push(dir);
    fs.cpSync(postgresMigrationsDir, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "29990101000000_broken"));
    fs.writeFileSync(path.join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE "Half" ("id" INTEGER);\nSELECT no_such_function();\n`);
    await expect(applyPostgresMigrations(url, { dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const half = await rows<{ n: string }>(url, `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(Number(half[0]?.n)).toBe(0);
    const history = await rows<{ migration_name: string }>(url, `SELECT "migration_name" FROM "_prisma_migrations"`);
    expect(history.map((h) => h.migration_name)).not.toContain("29990101000000_broken");
    // the earlier migrations stayed applied; the good history lets the next start continue
    expect(await applyPostgresMigrations(url)).toEqual([]);
  });
});
