// 3,000 recipients through the REAL bot process and the emulator enforcing Telegram's 30 msg/s (429 +
// retry_after), with injected 429s and random 500s: every reachable person gets exactly one message,
// people who blocked the bot or deleted their account are marked, nobody is missing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../support/emulator.js";
import { TestUser } from "../support/user.js";
import {
  ADMIN_ID,
  broadcastToEveryone,
  deliveries,
  duplicates,
  seedRecipients,
  startBroadcastBot,
  total,
  until,
  type BroadcastBot,
} from "../support/broadcast-e2e.js";

const RECIPIENTS = 3000;
const BASE = 600_000_000;

let emu: Emulator;
let app: BroadcastBot;

beforeAll(async () => {
  emu = await startEmulator({ rateLimit: { global: 30 }, randomServerErrorRate: 0.03, seed: 7 });
  app = await startBroadcastBot(emu);
}, 90_000);

afterAll(async () => {
  await app?.close();
  await emu?.close();
});

describe("broadcast to 3,000 at 30 msg/s (real process, emulator)", () => {
  it("delivers exactly once to every reachable recipient, marks the unreachable, misses nobody", { timeout: 300_000 }, async () => {
    const ids = await seedRecipients(app.db, RECIPIENTS, BASE);
    // 25 deleted their account before the broadcast (403 "user is deactivated")
    const deactivated = ids.filter((_, i) => i % 120 === 7);
    for (const id of deactivated) emu.setDeactivated(Number(id), true);

    const admin = new TestUser(emu, { id: ADMIN_ID, first_name: "Admin" }, { process: app.bot, timeoutMs: 20_000 });
    const started = Date.now();
    const broadcastId = await broadcastToEveryone(admin, "Temu Alumni Prakerja Jambi, Sabtu ini! Daftar lewat menu Temu Alumni.", RECIPIENTS);

    // 15 block the bot while it is sending (Telegram then answers 403 and sends my_chat_member)
    const blockedLater = ids.filter((_, i) => i % 200 === 150);
    await until(() => total(deliveries(emu, ids.slice(0, 300))) >= 200, 60_000, "the first deliveries", app.bot.output);
    for (const id of blockedLater) emu.setBlocked(Number(id), true);
    // and Telegram throttles a few times on top of the flood limit
    emu.failNext({ kind: "429", retryAfter: 2, method: "sendMessage", count: 3 });

    const report = await admin.reply("Laporan siaran", { timeoutMs: 240_000 });
    const seconds = (Date.now() - started) / 1000;

    const unreachable = new Set([...deactivated, ...blockedLater]);
    const counts = deliveries(emu, ids);
    const missing = ids.filter((id) => !unreachable.has(id) && counts.get(id) !== 1);
    expect(missing).toEqual([]);
    for (const id of deactivated) expect(counts.get(id)).toBe(0);
    expect(duplicates(counts)).toBe(0);

    const rows = await app.db.broadcastRecipient.groupBy({ by: ["status"], where: { broadcastId }, _count: { _all: true } });
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
    const reached = RECIPIENTS - unreachable.size;
    // someone who blocked the bot after their message went out still counts as sent
    const blockedAfterTheirTurn = blockedLater.filter((id) => counts.get(id) === 1).length;
    expect(byStatus.sent).toBe(reached + blockedAfterTheirTurn);
    expect(byStatus.blocked).toBe(unreachable.size - blockedAfterTheirTurn);
    expect(byStatus.pending ?? 0).toBe(0);
    expect(byStatus.sending ?? 0).toBe(0);
    const marked = await app.db.user.findMany({ where: { blockedAt: { not: null } }, select: { telegramId: true } });
    expect(marked.map((u) => u.telegramId).sort()).toEqual([...unreachable].sort());
    expect((await app.db.broadcast.findUniqueOrThrow({ where: { id: broadcastId } })).status).toBe("done");

    const text = report.text ?? "";
    expect(text).toContain(`Terkirim: ${(reached + blockedAfterTheirTurn).toLocaleString("id-ID")} dari ${RECIPIENTS.toLocaleString("id-ID")}`);
    expect(text).toContain("Durasi:");
    const csv = await admin.reply((m) => m.document !== undefined, { timeoutMs: 30_000 });
    expect(csv.document?.file_name).toBe(`siaran-${broadcastId}-tidak-terkirim.csv`);

    const stats = emu.stats();
    const ok = emu.callsOf("sendMessage").filter((c) => c.ok && Number((c.params as { chat_id?: unknown }).chat_id) >= BASE);
    const rate = ((ok.length - 1) * 1000) / ((ok.at(-1)?.at ?? 0) - (ok[0]?.at ?? 0));
    console.log(
      `broadcast e2e: ${RECIPIENTS} recipients in ${seconds.toFixed(0)} s, ${rate.toFixed(1)} msg/s delivered, ` +
        `429 answers ${stats.tooManyRequests} (flood limiter ${stats.rateLimited}), random 500s ${stats.randomErrors}`,
    );
    expect(stats.randomErrors).toBeGreaterThan(0);
    expect(stats.tooManyRequests).toBeGreaterThanOrEqual(3);
  });
});
