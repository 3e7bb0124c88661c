import { afterEach, expect, it } from "vitest";
import { purgeStaleSessions } from "../../src/domain/privacy.js";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/db.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const NOW = new Date("2027-06-01T00:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describeEachProvider("purging stale sessions", (provider) => {
  it("reaches every visitor however many people's old sessions come first, and keeps what is not a chat's", async () => {
    t = await createTestDatabase(provider);
    const db = t.db;
    // 5,200 people whose sessions have not changed for 40 days: kept (they are users), and more than one page
    const people = Array.from({ length: 5_200 }, (_, i) => 800_000_000n + BigInt(i));
    await db.user.createMany({ data: people.map((telegramId) => ({ telegramId, language: "id" })) });
    await db.session.createMany({ data: people.map((id) => ({ key: String(id), value: "{}", updatedAt: ago(40 * DAY) })) });
    await db.session.createMany({
      data: [
        { key: "9999999999", value: "{}", updatedAt: ago(31 * DAY) }, // a visitor, after all of them in key order
        { key: "-1001234567890", value: "{}", updatedAt: ago(31 * DAY) }, // a group chat nobody touched
        { key: "5550000001", value: "{}", updatedAt: ago(29 * DAY) }, // a visitor, not stale yet
        { key: "lease:broadcast", value: "{}", updatedAt: ago(90 * DAY) }, // not a chat's session
        { key: "conv:800000000", value: "{}", updatedAt: ago(25 * 3600_000) }, // an abandoned conversation
        { key: "conv:800000001", value: "{}", updatedAt: ago(2 * 3600_000) }, // an open one
      ],
    });

    expect(await purgeStaleSessions(db, NOW)).toEqual({ conversations: 1, visitors: 2 });
    const left = new Set((await db.session.findMany({ select: { key: true } })).map((s) => s.key));
    expect(left.size).toBe(5_200 + 3);
    for (const key of ["5550000001", "lease:broadcast", "conv:800000001", "800000000", "800005199"]) expect(left.has(key), key).toBe(true);
    for (const key of ["9999999999", "-1001234567890", "conv:800000000"]) expect(left.has(key), key).toBe(false);
    // a second run finds nothing
    expect(await purgeStaleSessions(db, NOW)).toEqual({ conversations: 0, visitors: 0 });
  });
});
