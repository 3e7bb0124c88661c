// The PostgreSQL schema is the SQLite schema's models under another header. prisma/schema.prisma is the
// one to edit; prisma/postgres/schema.prisma is written from it by `npm run db:migration` (and a test
// fails when the two differ).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sqliteSchemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const postgresSchemaPath = path.join(projectRoot, "prisma", "postgres", "schema.prisma");

const POSTGRES_HEADER = `// Data model for PostgreSQL (DATABASE_URL=postgresql://…). GENERATED from prisma/schema.prisma by
// \`npm run db:migration\`: edit the models there, never here (a test fails when the two differ).

generator client {
  provider     = "prisma-client"
  output       = "../../src/generated/prisma-pg"
  engineType   = "client"
  moduleFormat = "esm"
}

datasource db {
  provider = "postgresql"
  url      = "postgresql://postgres@127.0.0.1:5432/postgres"
}

`;

/** Everything after the datasource block: the models, enums and their comments. */
export function modelsOf(schema: string): string {
  const datasource = schema.search(/^datasource\s+\w+\s*\{/m);
  if (datasource < 0) throw new Error("schema has no datasource block");
  const end = schema.indexOf("\n}", datasource);
  return schema.slice(end + 2).replace(/^\s+/, "");
}

/** The PostgreSQL schema for a SQLite schema's text. */
export function postgresSchemaFor(sqliteSchema: string): string {
  return POSTGRES_HEADER + modelsOf(sqliteSchema);
}

/** Rewrites prisma/postgres/schema.prisma from prisma/schema.prisma; true when it changed. */
export function syncPostgresSchema(): boolean {
  const wanted = postgresSchemaFor(fs.readFileSync(sqliteSchemaPath, "utf8"));
  const current = fs.existsSync(postgresSchemaPath) ? fs.readFileSync(postgresSchemaPath, "utf8") : "";
  if (current === wanted) return false;
  fs.writeFileSync(postgresSchemaPath, wanted);
  return true;
}

export interface ModelShape {
  name: string;
  /** "name Type modifiers…" per field and @@ attribute, whitespace normalised, comments dropped */
  fields: string[];
}

/** Models (and enums) with their fields, for comparing two schemas. */
export function modelShapes(schema: string): ModelShape[] {
  const shapes: ModelShape[] = [];
  const re = /^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm;
  for (const match of modelsOf(schema).matchAll(re)) {
    const fields = (match[3] ?? "")
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, "").trim().replace(/\s+/g, " "))
      .filter((line) => line.length > 0);
    shapes.push({ name: `${match[1]} ${match[2]}`, fields });
  }
  return shapes;
}
