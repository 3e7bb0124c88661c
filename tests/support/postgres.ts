// PostgreSQL for tests. The server comes from TEST_POSTGRES_URL (default the local one); each test file
// (or test) gets a database of its own, created from a template that vitest's global setup migrated once
// per run. Names carry the process id and random letters, so parallel runs on one server never collide.
// Where no server answers, PostgreSQL tests are skipped with the reason in their name; REQUIRE_POSTGRES=1
// turns that into a failure (CI sets it).
import crypto from "node:crypto";
import pg from "pg";

export const DEFAULT_TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test";
export const testPostgresUrl = process.env.TEST_POSTGRES_URL || DEFAULT_TEST_POSTGRES_URL;
/** Every database the tests create starts with this (easy to find and drop by hand). */
export const TEST_DATABASE_PREFIX = "prakerja_t_";

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function uniqueDatabaseName(kind: string): string {
  return `${TEST_DATABASE_PREFIX}${kind}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
}

/** null when the server answers, else why it does not (for the skip message). */
export async function postgresUnavailable(url = testPostgresUrl): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return `no PostgreSQL at ${new URL(url).host} (${e.code ?? e.message ?? String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs statements on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(sql: string, url = testPostgresUrl): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A new empty database; returns its URL. */
export async function createEmptyDatabase(kind = "empty"): Promise<{ url: string; name: string }> {
  const name = uniqueDatabaseName(kind);
  await adminQuery(`CREATE DATABASE ${ident(name)}`);
  return { url: withDatabase(testPostgresUrl, name), name };
}

/** A new database copied from the migrated template of this run; returns its URL. */
export async function createMigratedDatabase(kind = "db"): Promise<{ url: string; name: string }> {
  const template = process.env.PRAKERJA_PG_TEMPLATE;
  if (!template) throw new Error(`PostgreSQL template missing: ${process.env.PRAKERJA_PG_SKIP ?? "global setup did not run"}`);
  const name = uniqueDatabaseName(kind);
  // CREATE DATABASE … TEMPLATE refuses while another session copies the same template: retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`);
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
  return { url: withDatabase(testPostgresUrl, name), name };
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

/**
 * Why PostgreSQL tests are skipped in this run, or null when they run. Set by global setup; with
 * REQUIRE_POSTGRES=1 global setup fails instead of setting it.
 */
export function postgresSkipReason(): string | null {
  return process.env.PRAKERJA_PG_TEMPLATE ? null : (process.env.PRAKERJA_PG_SKIP ?? "PostgreSQL template was not prepared");
}
