import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.js";
import { databaseFile, isPostgresUrl } from "./db-url.js";
import { rawRunner } from "./db-dialect.js";
import { attachHotStore, createHotStore, type HotStore } from "./hot-store.js";
import { openSqliteHotStore } from "./hot-store-sqlite.js";

/**
 * The database client every module uses. Two clients are generated from the same models (prisma/schema.prisma
 * for SQLite, prisma/postgres/schema.prisma for PostgreSQL); their query APIs are identical for these
 * models, so the SQLite client's type stands for both. Raw SQL that differs goes through src/db-dialect.ts.
 */
export type Db = PrismaClient;

export interface OpenDatabaseOptions {
  /** how long SQLite itself waits for a lock before answering SQLITE_BUSY (default 5000 ms) */
  busyTimeoutMs?: number;
  /** extra attempts, with growing pauses, for a statement that still got SQLITE_BUSY (default 4) */
  busyRetries?: number;
  /** PostgreSQL only: connections in this process's pool (default 10) */
  poolSize?: number;
}

/**
 * Opens the SQLite database through the better-sqlite3 driver adapter and sets the PRAGMAs that make
 * SQLite a good server database: WAL (readers never block the writer), synchronous=NORMAL (durable at
 * checkpoints, much faster than FULL), a busy timeout so a second process waits instead of failing
 * with SQLITE_BUSY, and foreign keys on. A statement that is still refused with SQLITE_BUSY ("database
 * is locked") after the busy timeout is retried a few times with backoff (see retryWhenBusy).
 */
export async function openDatabase(url?: string, options: OpenDatabaseOptions = {}): Promise<Db> {
  if (isPostgresUrl(url)) return openPostgres(url as string, options);
  const file = databaseFile(url);
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const busyRetries = options.busyRetries ?? 4;
  // the PRAGMAs run on Prisma's connection when Prisma opens it (at its first query): a start that needs
  // no ORM query (the base content present, src/domain/seed.ts) never loads its query compiler
  const pragmas = `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}; PRAGMA foreign_keys = ON;`;
  const adapter = retryWhenBusy(new PrismaBetterSQLite3({ url: file, timeout: busyTimeoutMs }), busyRetries, pragmas);
  const db = new PrismaClient({ adapter });
  // the per-update queries (sessions, user lookup, admin check) run on prepared statements of a second
  // connection (./hot-store.ts); an in-memory database is private to Prisma's connection, so there the same
  // statements run through Prisma's raw query (and, as every query on that one connection, join an
  // interactive transaction open at the time: no second connection exists to keep them apart)
  // The hot store waits for a lock as long as the ORM's connection would: its busy timeout on every attempt.
  // (With the busy timeout alone, a session written just as another process took the lock for 6 s was
  // lost and the user got an apology, while the ORM's statements of the same update waited and went through.)
  const busyWaitMs = busyTimeoutMs * (busyRetries + 1);
  withHotStore(db, file === ":memory:" ? createHotStore(rawRunner(db)) : openSqliteHotStore(file, busyWaitMs));
  return db;
}

/** Gives the database its hot store (./hot-store.ts), closed when the database disconnects. */
function withHotStore(db: Db, hot: HotStore): void {
  attachHotStore(db, hot);
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await hot.close();
    await disconnect();
  };
}

/**
 * Opens PostgreSQL through the pg driver adapter with its own generated client (loaded only here, so a
 * SQLite deployment never loads pg). Busy retries are SQLite's business: PostgreSQL waits on row locks.
 */
async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Db> {
  const [{ PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("./generated/prisma-pg/client.js"),
  ]);
  const adapter = new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 });
  // Every statement of a transaction is a network round trip here (an in-process call on SQLite), so the
  // seed's batch of upserts or an RSVP under load can outlive Prisma's 5 s default and be rolled back.
  const db = new PostgresClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 30_000 } });
  await db.$connect();
  // the per-update queries on named prepared statements of a small pool of their own (./hot-store-postgres.ts)
  const { openPostgresHotStore } = await import("./hot-store-postgres.js");
  withHotStore(db as unknown as Db, openPostgresHotStore(url, Math.min(4, options.poolSize ?? 10)));
  return db as unknown as Db;
}

/**
 * True for SQLite's "database is locked" family, however it was wrapped: the raw driver error, the driver
 * adapter's error (kind SocketTimeout) or Prisma's P1008 "Operation has timed out" that it becomes.
 */
export function isSqliteBusy(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof e.code === "string" && (/^SQLITE_(BUSY|LOCKED)/.test(e.code) || e.code === "P1008")) return true;
  if (typeof e.message === "string" && /SQLITE_BUSY|database is locked|database table is locked/i.test(e.message)) return true;
  const cause = e.cause as { originalCode?: unknown; kind?: unknown } | undefined;
  if (cause && typeof cause === "object") {
    if (typeof cause.originalCode === "string" && /^SQLITE_(BUSY|LOCKED)/.test(cause.originalCode)) return true;
  }
  return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;

/** Calls the method on the object itself (the adapter keeps private fields, which a Proxy receiver would break). */
function bound(target: object, prop: string | symbol): unknown {
  const value: unknown = Reflect.get(target, prop, target);
  return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/**
 * Retries single statements that SQLite refused with SQLITE_BUSY (and runs `onConnect`, a script of
 * PRAGMAs, on every connection the adapter opens). Only statements outside an explicit
 * transaction are retried here (an autocommit statement that got SQLITE_BUSY did nothing, so running it
 * again is safe); write transactions retry as a whole (src/domain/events/tx.ts). The pauses are
 * asynchronous, so the process keeps serving other updates while it waits.
 */
export function retryWhenBusy(factory: Factory, retries: number, onConnect?: string): Factory {
  const wrapAdapter = (adapter: Adapter): Adapter =>
    new Proxy(adapter, {
      get(target, prop) {
        if (prop !== "queryRaw" && prop !== "executeRaw") return bound(target, prop);
        const method = bound(target, prop) as (query: unknown) => Promise<unknown>;
        return async (query: unknown) => {
          for (let attempt = 0; ; attempt++) {
            try {
              return await method(query);
            } catch (error) {
              if (attempt >= retries || !isSqliteBusy(error)) throw error;
              await sleep(Math.min(1000, 50 * 2 ** attempt) + Math.floor(Math.random() * 25));
            }
          }
        };
      },
    });
  return new Proxy(factory, {
    get(target, prop) {
      if (prop === "connect")
        return async () => {
          const adapter = await target.connect();
          if (onConnect) await adapter.executeScript(onConnect);
          return wrapAdapter(adapter);
        };
      return bound(target, prop);
    },
  });
}
