import { parse } from "csv-parse/sync";
import { afterEach, expect, it } from "vitest";
import {
  cancelBroadcast,
  createBroadcast,
  failuresCsv,
  getBroadcastStats,
  listActiveBroadcasts,
  loadBroadcastMessage,
  pauseBroadcast,
  resumeBroadcast,
  setProgressMessage,
} from "../../src/domain/broadcast/queue.js";
import { dialectOf, executeRaw } from "../../src/db-dialect.js";
import { seedConsenting } from "../support/broadcast-fixtures.js";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/db.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describeEachProvider("createBroadcast", (provider) => {
  it("writes 100,000 recipient rows before anything is sent", async () => {
    t = await createTestDatabase(provider);
    await seedConsenting(t.db, 100_000);
    const created = await createBroadcast(t.db, { createdBy: 7n, text: "Halo semua", audience: { kind: "all" } });
    expect(created.total).toBe(100_000);
    expect(created.status).toBe("running");
    const stats = await getBroadcastStats(t.db, created.id);
    expect(stats).toMatchObject({ total: 100_000, pending: 100_000, sent: 0, remaining: 100_000, status: "running" });
    expect(stats?.startedAt).toBeInstanceOf(Date);
  }, 120_000);

  it("stores content, media, button and audience; future times are scheduled", async () => {
    t = await createTestDatabase(provider);
    await seedConsenting(t.db, 3);
    const at = new Date(Date.now() + 3_600_000);
    const created = await createBroadcast(t.db, {
      createdBy: 7n,
      text: "Temu Alumni Jambi!",
      entities: [{ type: "bold", offset: 0, length: 10 }],
      media: { type: "photo", fileId: "AgACAgQAAx0" },
      buttonEventId: 12,
      audience: { kind: "provinces", codes: ["15"] },
      scheduledAt: at,
      progressChatId: 7n,
    });
    expect(created.status).toBe("scheduled");
    expect(created.total).toBe(0); // seeded users have no province
    const row = await t.db.broadcast.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.scheduledAt?.getTime()).toBe(at.getTime());
    expect(row.startedAt).toBeNull();
    expect(JSON.parse(row.audience)).toEqual({ kind: "provinces", codes: ["15"] });
    const message = await loadBroadcastMessage(t.db, created.id);
    expect(message).toEqual({
      broadcastId: created.id,
      text: "Temu Alumni Jambi!",
      entities: [{ type: "bold", offset: 0, length: 10 }],
      media: { type: "photo", fileId: "AgACAgQAAx0" },
      buttonEventId: 12,
    });
  });

  it("a scheduled time in the past starts right away", async () => {
    t = await createTestDatabase(provider);
    await seedConsenting(t.db, 2);
    const created = await createBroadcast(t.db, {
      createdBy: 7n,
      text: "x",
      audience: { kind: "all" },
      scheduledAt: new Date(Date.now() - 1000),
    });
    expect(created).toMatchObject({ status: "running", total: 2 });
  });
});

describeEachProvider("pause, resume, cancel", (provider) => {
  it("follows the allowed transitions", async () => {
    t = await createTestDatabase(provider);
    await seedConsenting(t.db, 5);
    const { id } = await createBroadcast(t.db, { createdBy: 1n, text: "x", audience: { kind: "all" } });
    expect(await resumeBroadcast(t.db, id)).toBe(false);
    expect(await pauseBroadcast(t.db, id)).toBe(true);
    expect(await pauseBroadcast(t.db, id)).toBe(false);
    expect((await getBroadcastStats(t.db, id))?.status).toBe("paused");
    expect((await listActiveBroadcasts(t.db)).map((b) => b.id)).toEqual([id]);
    expect(await resumeBroadcast(t.db, id)).toBe(true);
    expect((await getBroadcastStats(t.db, id))?.status).toBe("running");
    expect(await cancelBroadcast(t.db, id)).toBe(true);
    expect(await cancelBroadcast(t.db, id)).toBe(false);
    expect(await pauseBroadcast(t.db, id)).toBe(false);
    expect(await resumeBroadcast(t.db, id)).toBe(false);
    expect(await listActiveBroadcasts(t.db)).toEqual([]);
  });

  it("a paused scheduled broadcast goes back to scheduled while its time has not come", async () => {
    t = await createTestDatabase(provider);
    await seedConsenting(t.db, 1);
    const { id } = await createBroadcast(t.db, {
      createdBy: 1n,
      text: "x",
      audience: { kind: "all" },
      scheduledAt: new Date(Date.now() + 60_000),
    });
    expect(await pauseBroadcast(t.db, id)).toBe(true);
    expect(await resumeBroadcast(t.db, id)).toBe(true);
    expect((await getBroadcastStats(t.db, id))?.status).toBe("scheduled");
    expect(await pauseBroadcast(t.db, id)).toBe(true);
    expect(await resumeBroadcast(t.db, id, new Date(Date.now() + 120_000))).toBe(true);
    expect((await getBroadcastStats(t.db, id))?.status).toBe("running");
  });
});

describeEachProvider("stats and the failures CSV", (provider) => {
  it("counts every state and exports failed, blocked and skipped rows with a BOM", async () => {
    t = await createTestDatabase(provider);
    const ids = await seedConsenting(t.db, 6);
    const { id } = await createBroadcast(t.db, { createdBy: 1n, text: "x", audience: { kind: "all" } });
    await setProgressMessage(t.db, id, 99n, 1234);
    const set = (tg: bigint | undefined, status: string, lastError: string | null) =>
      executeRaw(
        t!.db,
        `UPDATE "BroadcastRecipient" SET "status" = ?, "lastError" = ?, "attempts" = 1, "updatedAt" = ? WHERE "telegramId" = ?`,
        status,
        lastError,
        dialectOf(t!.db).time(new Date()),
        tg,
      );
    await set(ids[0], "sent", null);
    await set(ids[1], "sent", null);
    await set(ids[2], "failed", '400: Bad Request: chat not found, "quoted"');
    await set(ids[3], "blocked", "403: Forbidden: bot was blocked by the user");
    await set(ids[4], "sending", null);
    const stats = await getBroadcastStats(t.db, id);
    expect(stats).toMatchObject({ total: 6, sent: 2, failed: 1, blocked: 1, sending: 1, pending: 1, remaining: 2 });
    expect(stats?.progressChatId).toBe(99n);
    expect(stats?.progressMessageId).toBe(1234);

    const csv = await failuresCsv(t.db, id);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parse(csv.toString("utf8").slice(1), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r.telegram_id, r.status, r.error])).toEqual([
      [String(ids[2]), "failed", '400: Bad Request: chat not found, "quoted"'],
      [String(ids[3]), "blocked", "403: Forbidden: bot was blocked by the user"],
    ]);
    const localized = await failuresCsv(t.db, id, { headers: ["id_telegram", "status", "percobaan", "galat", "waktu"] });
    expect(localized.toString("utf8").split("\n")[0]).toBe("\ufeffid_telegram,status,percobaan,galat,waktu");
  });
});
