// The hot-path store (./hot-store.ts) for PostgreSQL: named prepared statements on a small pg pool of its
// own. Its own pool, for the reason the SQLite store has its own connection: Prisma's connections may be
// inside an interactive transaction (the RSVP seat lock) at any await. A named statement is parsed once per
// connection and PostgreSQL keeps its plan; rows come back without the ORM's runtime.
import pg from "pg";
import { dialectFor } from "./db-dialect.js";
import { createHotStore, runWork, type HotStatement, type HotStore, type TransactionWork } from "./hot-store.js";

const WRITE_LOCK = dialectFor("postgresql").writeLock;

/** A named statement on the pool or on one of its connections (a transaction's). */
async function query(on: pg.Pool | pg.PoolClient, statement: HotStatement, values: readonly unknown[]): Promise<Record<string, unknown>[]> {
  return (await on.query({ name: statement.name, text: statement.text, values: [...values] })).rows as Record<string, unknown>[];
}

/** Opens the store on a migrated database (the pool connects lazily; close() ends it). */
export function openPostgresHotStore(connectionString: string, poolSize = 4): HotStore {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // an idle connection that the server drops must not crash the process: the next query opens another
  pool.on("error", () => {});
  return createHotStore({
    // pg sends a bigint (a Telegram id) as its decimal text, which PostgreSQL reads into the int8 column
    all: async <Row>(statement: HotStatement, values: readonly unknown[]) => (await query(pool, statement, values)) as Row[],
    // one connection from BEGIN to COMMIT, the check-then-act advisory lock first
    transaction: async <T>(work: TransactionWork<T>) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(WRITE_LOCK);
        const result = await runWork(work, ({ statement, values }) => query(client, statement, values));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  });
}
