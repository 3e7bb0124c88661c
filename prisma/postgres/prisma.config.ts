// Prisma CLI configuration for the PostgreSQL client and migrations. Used by `prisma generate` and
// `prisma migrate diff` only: migrations are applied by src/migrate-postgres.ts (see that file for why).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(here, "schema.prisma"),
  migrations: { path: path.join(here, "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" }),
});
