import fs from "node:fs";
import path from "node:path";

/** The default database when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = "file:./data/bot.db";

export type DatabaseProvider = "sqlite" | "postgresql";

/** True for `postgresql://…` and `postgres://…` URLs (PostgreSQL through the pg driver adapter). */
export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/** Which database a DATABASE_URL selects: `file:` (or nothing) is SQLite, `postgresql://` is PostgreSQL. */
export function databaseProvider(url: string | undefined): DatabaseProvider {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

/**
 * Turns a `file:` DATABASE_URL into a filesystem path (relative paths are taken from the working
 * directory) and makes sure its folder exists, so a fresh clone can start without preparing `data/`.
 */
export function databaseFile(url: string | undefined = DEFAULT_DATABASE_URL): string {
  const raw = url && url.length > 0 ? url : DEFAULT_DATABASE_URL;
  if (!raw.startsWith("file:")) {
    throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL), got "${raw}"`);
  }
  const file = raw.slice("file:".length).split("?")[0] ?? "";
  if (file === ":memory:") return file;
  const resolved = path.resolve(process.cwd(), file);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  return resolved;
}
