import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuilt } from "../../scripts/build.mjs";
import { applyMigrations } from "../../src/migrate.js";
import { createEmptyDatabase, dropDatabase, postgresUnavailable, testPostgresUrl } from "./postgres.js";

/**
 * Builds dist/ when src/ changed (tests that spawn the real bot run dist/main.js, as `npm start` does), and
 * the migrated template databases once per test run: SQLite through the real `prisma migrate
 * deploy` in a folder of its own (workers find it through PRAKERJA_TEMPLATE_DB), and PostgreSQL through
 * the project's migrator in a uniquely named database (PRAKERJA_PG_TEMPLATE). When no PostgreSQL server
 * answers, PRAKERJA_PG_SKIP carries the reason, unless REQUIRE_POSTGRES=1 makes that a failure.
 */
export default async function setup(): Promise<() => Promise<void>> {
  await ensureBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-template-"));
  const file = path.join(dir, "template.db");
  await applyMigrations(`file:${file}`);
  process.env.PRAKERJA_TEMPLATE_DB = file;

  let pgTemplate: string | null = null;
  const unavailable = await postgresUnavailable();
  if (unavailable) {
    if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`REQUIRE_POSTGRES=1 but ${unavailable} (TEST_POSTGRES_URL=${testPostgresUrl})`);
    process.env.PRAKERJA_PG_SKIP = `${unavailable}; set TEST_POSTGRES_URL`;
  } else {
    const template = await createEmptyDatabase("tpl");
    pgTemplate = template.name;
    await applyMigrations(template.url);
    process.env.PRAKERJA_PG_TEMPLATE = template.name;
  }
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (pgTemplate) await dropDatabase(pgTemplate).catch(() => undefined);
  };
}
