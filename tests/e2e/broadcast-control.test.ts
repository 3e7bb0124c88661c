// Pause, resume and cancel of a running broadcast in the REAL bot process, with the buttons under the live
// progress message and with the commands; the final report of a cancelled broadcast.
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

const RECIPIENTS = 400;
const BASE = 620_000_000;

let emu: Emulator;
let app: BroadcastBot;

beforeAll(async () => {
  emu = await startEmulator({ rateLimit: { global: 30 }, seed: 13 });
  app = await startBroadcastBot(emu);
}, 90_000);

afterAll(async () => {
  await app?.close();
  await emu?.close();
});

describe("broadcast controls (real process, emulator)", () => {
  it("pauses, resumes and cancels; the report says what was not sent", { timeout: 180_000 }, async () => {
    const ids = await seedRecipients(app.db, RECIPIENTS, BASE);
    const admin = new TestUser(emu, { id: ADMIN_ID, first_name: "Admin" }, { process: app.bot, timeoutMs: 20_000 });
    const broadcastId = await broadcastToEveryone(admin, "Info penting untuk alumni.", RECIPIENTS);
    const delivered = () => total(deliveries(emu, ids));

    // the live progress message is edited with the counts
    await admin.reply(/Terkirim: [1-9]/, { timeoutMs: 20_000 });

    // pause with the button: at most the messages already on the wire arrive afterwards
    await until(() => delivered() >= 40, 30_000, "40 deliveries", app.bot.output);
    const pressed = await admin.click("⏸️ Jeda");
    expect(pressed.answer?.text ?? pressed.message?.text ?? "").toContain("dijeda");
    await new Promise((r) => setTimeout(r, 500));
    const atPause = delivered();
    await new Promise((r) => setTimeout(r, 3000));
    expect(delivered()).toBe(atPause);
    expect(atPause).toBeLessThan(RECIPIENTS);
    expect((await app.db.broadcast.findUniqueOrThrow({ where: { id: broadcastId } })).status).toBe("paused");
    expect(await app.db.broadcastRecipient.count({ where: { broadcastId, status: "sending" } })).toBe(0);

    // resume with the command
    await admin.send(`/siaran_lanjut ${broadcastId}`);
    await admin.reply("dilanjutkan");
    await until(() => delivered() >= atPause + 60, 30_000, "deliveries after resuming", app.bot.output);

    // cancel with the button, confirmed
    await admin.click("✖️ Batalkan");
    await admin.reply(`Batalkan siaran #${broadcastId}?`);
    await admin.click("Ya, batalkan siaran");
    const report = await admin.reply("Laporan siaran", { timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 1500));
    const final = delivered();
    await new Promise((r) => setTimeout(r, 2000));
    expect(delivered()).toBe(final);
    expect(final).toBeLessThan(RECIPIENTS);
    expect(duplicates(deliveries(emu, ids))).toBe(0);

    const sent = await app.db.broadcastRecipient.count({ where: { broadcastId, status: "sent" } });
    expect(sent).toBe(final);
    expect((await app.db.broadcast.findUniqueOrThrow({ where: { id: broadcastId } })).status).toBe("cancelled");
    const text = report.text ?? "";
    expect(text).toContain("dibatalkan");
    expect(text).toContain(`Terkirim: ${sent} dari ${RECIPIENTS}`);
    expect(text).toContain(`Tidak dikirim karena dibatalkan: ${RECIPIENTS - sent}`);

    // nothing left to control
    await admin.send("/siaran_status");
    await admin.reply("Tidak ada siaran");
  });
});
