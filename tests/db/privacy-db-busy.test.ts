import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { isSqliteBusy, openDatabase, type Db } from "../../src/db.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";

let t: TestDatabase | undefined;
let extra: Db | undefined;
afterEach(async () => {
  await extra?.$disconnect();
  extra = undefined;
  await t?.close();
  t = undefined;
});

/** Another connection takes SQLite's write lock and lets it go after `ms`. */
function holdWriteLock(file: string, ms: number): Promise<void> {
  const other = new Database(file);
  other.prepare("BEGIN IMMEDIATE").run();
  return new Promise((resolve) =>
    setTimeout(() => {
      other.prepare("COMMIT").run();
      other.close();
      resolve();
    }, ms),
  );
}

describe("SQLITE_BUSY", () => {
  it("is recognised in its driver-adapter and raw forms", () => {
    expect(isSqliteBusy({ name: "DriverAdapterError", message: "x", cause: { kind: "SocketTimeout", originalCode: "SQLITE_BUSY" } })).toBe(true);
    expect(isSqliteBusy(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY_SNAPSHOT" }))).toBe(true);
    expect(isSqliteBusy(new Error("Unique constraint failed"))).toBe(false);
    expect(isSqliteBusy(null)).toBe(false);
  });

  it("fails without retries while another connection holds the write lock (the fault is real)", async () => {
    t = await createTestDatabase();
    extra = await openDatabase(t.url, { busyTimeoutMs: 20, busyRetries: 0 });
    const released = holdWriteLock(t.file, 300);
    await expect(extra.counter.create({ data: { key: "busy-no-retry", value: 1 } })).rejects.toSatisfy(isSqliteBusy);
    await released;
  });

  it("retries a statement refused with SQLITE_BUSY until the lock is free", async () => {
    t = await createTestDatabase();
    extra = await openDatabase(t.url, { busyTimeoutMs: 20, busyRetries: 6 });
    const released = holdWriteLock(t.file, 150);
    await extra.counter.create({ data: { key: "busy-retried", value: 1 } });
    await extra.$executeRawUnsafe(`UPDATE "Counter" SET "value" = "value" + 1 WHERE "key" = 'busy-retried'`);
    await released;
    expect((await t.db.counter.findUnique({ where: { key: "busy-retried" } }))?.value).toBe(2);
  });
});
