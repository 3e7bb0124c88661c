// The hot-path store (./hot-store.ts) for SQLite: its statements prepared once on a better-sqlite3
// connection of its own. Its own connection, because Prisma's may be inside an interactive transaction
// (the RSVP seat lock) at any await: a statement sent on it would join that transaction.
//
// better-sqlite3 is synchronous, and SQLite's busy timeout waits inside the call, which would stop the
// whole process while another connection holds the write lock (and that connection's transaction may be
// waiting for this very process to continue: a deadlock until the timeout). So this connection has a busy
// timeout of 0, and a statement refused with SQLITE_BUSY is tried again after an asynchronous pause.
import Database from "better-sqlite3";
import { createHotStore, positional, runWorkSync, type HotStatement, type HotStore, type TransactionWork } from "./hot-store.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** Runs `fn` now; while SQLite answers SQLITE_BUSY, again after short asynchronous pauses, for up to `busyWaitMs`. */
async function whenFree<T>(fn: () => T, busyWaitMs: number): Promise<T> {
  try {
    return fn();
  } catch (error) {
    if (!isBusy(error)) throw error;
  }
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    await sleep(Math.min(50, 2 ** attempt) + Math.random() * 2);
    try {
      return fn();
    } catch (error) {
      if (!isBusy(error) || Date.now() - started > busyWaitMs) throw error;
    }
  }
}

interface Prepared {
  statement: Database.Statement;
  order: number[];
  /** false for INSERT/UPDATE/DELETE without RETURNING: run() instead of all() */
  reader: boolean;
}

/** Opens the store on a SQLite file that Prisma's connection has already set up (WAL, migrations). */
export function openSqliteHotStore(file: string, busyWaitMs: number): HotStore {
  const conn = new Database(file, { timeout: 0 });
  // WAL is a property of the file (readers never block the writer); this may be the first connection
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  // as on Prisma's connection: a registration written here refers to its event and person
  conn.pragma("foreign_keys = ON");
  // SQLite's own default page cache (2 MB; better-sqlite3 builds with 16 MB): the hourly session purge reads
  // the whole Session table through this connection, and a 16 MB cache then stays filled, about 10 MB more
  // RSS. The hot path does not miss it: its pages come from the OS's cache (README, Benchmark)
  conn.pragma("cache_size = -2000");
  const prepared = new Map<string, Prepared>();
  const prepare = (statement: HotStatement): Prepared => {
    let entry = prepared.get(statement.name);
    if (!entry) {
      const { text, order } = positional(statement.text);
      const compiled = conn.prepare(text);
      entry = { statement: compiled, order, reader: compiled.reader };
      prepared.set(statement.name, entry);
    }
    return entry;
  };
  const runNow = <Row>(statement: HotStatement, values: readonly unknown[]): Row[] => {
    const { statement: compiled, order, reader } = prepare(statement);
    const bound = order.map((index) => values[index]);
    if (!reader) {
      compiled.run(...bound);
      return [];
    }
    return compiled.all(...bound) as Row[];
  };
  // BEGIN IMMEDIATE takes the write lock first (busy: the whole transaction is tried again later); the
  // work runs synchronously, so no other statement of this process can come in between
  const inTransaction = conn.transaction((work: TransactionWork<unknown>) => runWorkSync(work, (call) => runNow(call.statement, call.values)));
  return createHotStore({
    all: <Row>(statement: HotStatement, values: readonly unknown[]) => whenFree(() => runNow<Row>(statement, values), busyWaitMs),
    transaction: <T>(work: TransactionWork<T>) => whenFree(() => inTransaction.immediate(work) as T, busyWaitMs),
    close: async () => {
      conn.close();
    },
  });
}
