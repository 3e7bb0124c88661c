import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { pendingMigrations } from "../../src/migrate.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("database", () => {
  it("runs with WAL, synchronous=NORMAL and a busy timeout", async () => {
    t = await createTestDatabase();
    const [mode] = await t.db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [sync] = await t.db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    const [busy] = await t.db.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
    expect(mode?.journal_mode).toBe("wal");
    expect(Number(sync?.synchronous)).toBe(1);
    expect(Number(busy?.timeout)).toBeGreaterThanOrEqual(5000);
  });

  it("stores 64-bit Telegram ids exactly", async () => {
    t = await createTestDatabase();
    const big = 9_007_199_254_740_993n; // above Number.MAX_SAFE_INTEGER
    await t.db.user.create({ data: { telegramId: big } });
    const row = await t.db.user.findUnique({ where: { telegramId: big } });
    expect(row?.telegramId).toBe(big);
  });

  it("has every committed migration applied to the template", async () => {
    t = await createTestDatabase();
    expect(pendingMigrations(t.file)).toEqual([]);
  });
});
