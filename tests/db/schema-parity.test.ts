import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { modelShapes, postgresSchemaFor, postgresSchemaPath, sqliteSchemaPath } from "../../src/cli/schema-sync.js";
import { migrationsDir } from "../../src/migrate.js";
import { postgresMigrationsDir } from "../../src/migrate-postgres.js";

const sqlite = fs.readFileSync(sqliteSchemaPath, "utf8");
const postgres = fs.readFileSync(postgresSchemaPath, "utf8");
const folders = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe("the SQLite and PostgreSQL schemas", () => {
  it("have the same models with the same fields (edit prisma/schema.prisma, then npm run db:migration)", () => {
    expect(modelShapes(postgres)).toEqual(modelShapes(sqlite));
    expect(modelShapes(sqlite).length).toBeGreaterThan(10);
  });

  it("differ only in their header, exactly as db:migration writes it", () => {
    expect(postgres).toBe(postgresSchemaFor(sqlite));
    expect(postgres).toMatch(/provider = "postgresql"/);
    expect(sqlite).toMatch(/provider = "sqlite"/);
  });

  it("have one migration history: the same migration folders for both providers", () => {
    expect(folders(postgresMigrationsDir)).toEqual(folders(migrationsDir));
    for (const name of folders(postgresMigrationsDir)) {
      expect(fs.existsSync(path.join(postgresMigrationsDir, name, "migration.sql"))).toBe(true);
    }
  });

  it("a changed field is noticed", () => {
    const changed = postgres.replace(/^(\s+telegramId\s+)BigInt/m, "$1Int");
    expect(modelShapes(changed)).not.toEqual(modelShapes(sqlite));
  });
});
