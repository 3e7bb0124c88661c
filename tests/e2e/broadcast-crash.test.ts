// kill -9 of the REAL bot process in the middle of a broadcast, then a restart: the broadcast resumes by
// itself and completes. Messages sent twice are counted; they can only be rows that were "sending" at the
// kill, never more than the engine's in-flight bound.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SENDING_ROWS } from "../../src/domain/broadcast/worker.js";
import { startEmulator, type CallRecord, type Emulator } from "../support/emulator.js";
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

const RECIPIENTS = 600;
const BASE = 610_000_000;

let emu: Emulator;
let app: BroadcastBot;

beforeAll(async () => {
  emu = await startEmulator({ rateLimit: { global: 30 }, seed: 11 });
  app = await startBroadcastBot(emu);
}, 90_000);

afterAll(async () => {
  await app?.close();
  await emu?.close();
});

describe("broadcast survives SIGKILL (real process, emulator)", () => {
  it("resumes after a restart and completes; duplicates ≤ rows in flight at the kill", { timeout: 180_000 }, async () => {
    const ids = await seedRecipients(app.db, RECIPIENTS, BASE);
    const admin = new TestUser(emu, { id: ADMIN_ID, first_name: "Admin" }, { process: app.bot, timeoutMs: 20_000 });
    const broadcastId = await broadcastToEveryone(admin, "Pengingat: isi survei alumni Prakerja.", RECIPIENTS);

    // kill -9 the instant the emulator has answered a send, before the bot can record it as sent
    let answered = 0;
    const killer = (call: CallRecord) => {
      const chat = Number((call.params as { chat_id?: unknown }).chat_id);
      if (call.method !== "sendMessage" || !call.ok || chat < BASE) return;
      if (++answered === 200) app.bot.kill("SIGKILL");
    };
    emu.on("call", killer);
    await until(() => app.bot.exitStatus() !== undefined, 60_000, "200 deliveries and the kill", app.bot.output);
    emu.off("call", killer);
    expect(app.bot.exitStatus()?.signal).toBe("SIGKILL");
    await new Promise((r) => setTimeout(r, 300)); // requests already on the wire are answered by the emulator

    const inFlight = await app.db.broadcastRecipient.count({ where: { broadcastId, status: "sending" } });
    const recordedSent = await app.db.broadcastRecipient.count({ where: { broadcastId, status: "sent" } });
    const deliveredAtKill = total(deliveries(emu, ids));
    expect(inFlight).toBeLessThanOrEqual(MAX_SENDING_ROWS);
    expect(deliveredAtKill).toBeLessThan(RECIPIENTS);
    expect(deliveredAtKill - recordedSent).toBeLessThanOrEqual(inFlight);

    await app.start();
    const report = await admin.reply("Laporan siaran", { timeoutMs: 120_000 });
    const counts = deliveries(emu, ids);
    const missing = ids.filter((id) => (counts.get(id) ?? 0) < 1);
    expect(missing).toEqual([]);
    const dup = duplicates(counts);
    console.log(
      `SIGKILL: ${deliveredAtKill} delivered and ${recordedSent} recorded at the kill, ${inFlight} rows in flight, ` +
        `${dup} duplicates after the restart (bound ${MAX_SENDING_ROWS})`,
    );
    expect(dup).toBeLessThanOrEqual(inFlight);
    expect(await app.db.broadcastRecipient.count({ where: { broadcastId, status: "sent" } })).toBe(RECIPIENTS);
    expect((await app.db.broadcast.findUniqueOrThrow({ where: { id: broadcastId } })).status).toBe("done");
    expect(report.text).toContain(`Terkirim: ${RECIPIENTS} dari ${RECIPIENTS}`);
  });
});
