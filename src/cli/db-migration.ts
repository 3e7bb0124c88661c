// `npm run db:migration -- <name> [--from <git-ref>]`: after editing the models in prisma/schema.prisma,
// makes the next migration for BOTH databases in one step:
//   1. rewrites prisma/postgres/schema.prisma from prisma/schema.prisma (same models, PostgreSQL header);
//   2. diffs the schema as of <git-ref> (default HEAD, i.e. run it before committing the model change)
//      against the working copy with `prisma migrate diff`, once per provider, into
//      prisma/migrations/<timestamp>_<name>/ and prisma/postgres/migrations/<timestamp>_<name>/;
//   3. regenerates both clients.
// `prisma migrate diff` works offline with schema files on both sides; `migrate dev` would need a shadow
// database and, on PostgreSQL, the native engine.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { postgresSchemaFor, postgresSchemaPath, projectRoot, sqliteSchemaPath, syncPostgresSchema } from "./schema-sync.js";

const args = process.argv.slice(2);
const fromIndex = args.indexOf("--from");
const fromRef = fromIndex >= 0 ? args[fromIndex + 1] : "HEAD";
const name = args.filter((_, i) => fromIndex < 0 || (i !== fromIndex && i !== fromIndex + 1))[0];
if (!name || !/^[a-z0-9_]+$/.test(name) || !fromRef) {
  console.error("usage: npm run db:migration -- <name_in_snake_case> [--from <git-ref>]");
  process.exit(2);
}

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
const prisma = (cliArgs: string[]) =>
  execFileSync(process.execPath, [cli, ...cliArgs], { cwd: projectRoot, encoding: "utf8", env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" } });

syncPostgresSchema();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-migration-"));
const oldSqlite = path.join(tmp, "schema.prisma");
const oldPostgres = path.join(tmp, "postgres.prisma");
const previous = execFileSync("git", ["show", `${fromRef}:prisma/schema.prisma`], { cwd: projectRoot, encoding: "utf8" });
fs.writeFileSync(oldSqlite, previous);
fs.writeFileSync(oldPostgres, postgresSchemaFor(previous));

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const targets = [
  { provider: "sqlite", config: "prisma/prisma.config.ts", from: oldSqlite, to: sqliteSchemaPath, dir: path.join(projectRoot, "prisma", "migrations") },
  { provider: "postgresql", config: "prisma/postgres/prisma.config.ts", from: oldPostgres, to: postgresSchemaPath, dir: path.join(projectRoot, "prisma", "postgres", "migrations") },
];
let written = 0;
for (const t of targets) {
  const sql = prisma(["migrate", "diff", "--config", t.config, "--from-schema-datamodel", t.from, "--to-schema-datamodel", t.to, "--script"]);
  if (/^\s*-- This is an empty migration\.\s*$/.test(sql) || sql.trim() === "") {
    console.log(`${t.provider}: no change since ${fromRef}`);
    continue;
  }
  const folder = path.join(t.dir, `${stamp}_${name}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "migration.sql"), sql);
  console.log(`${t.provider}: ${path.relative(projectRoot, folder)}/migration.sql`);
  written++;
}
fs.rmSync(tmp, { recursive: true, force: true });
if (written > 0) {
  for (const t of targets) prisma(["generate", "--config", t.config]);
  console.log("Both clients regenerated. Review the SQL, then commit schema and migrations together.");
}
