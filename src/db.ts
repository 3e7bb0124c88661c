import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.js";
import { databaseFile } from "./db-url.js";

export type Db = PrismaClient;

/**
 * Opens the SQLite database through the better-sqlite3 driver adapter and sets the PRAGMAs that make
 * SQLite a good server database: WAL (readers never block the writer), synchronous=NORMAL (durable at
 * checkpoints, much faster than FULL), a busy timeout so a second process waits instead of failing
 * with SQLITE_BUSY, and foreign keys on.
 */
export async function openDatabase(url?: string): Promise<Db> {
  const file = databaseFile(url);
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 5000 });
  const db = new PrismaClient({ adapter });
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  return db;
}
