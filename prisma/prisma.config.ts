// Prisma CLI configuration. The driver adapter makes `migrate` use the WebAssembly schema engine that
// ships inside the `prisma` package, so nothing is downloaded from outside the npm registry.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(here, "schema.prisma"),
  migrations: { path: path.join(here, "migrations") },
  adapter: async () => {
    const { databaseFile } = await import("../src/db-url.js");
    return new PrismaBetterSQLite3({ url: databaseFile(process.env.DATABASE_URL) });
  },
});
