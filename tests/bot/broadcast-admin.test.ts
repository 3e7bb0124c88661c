// /siaran and the broadcast controls through the real bot (bot.handleUpdate) on a real database. The last
// test also starts the app's background services, so the engine delivers through the emulator.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getBroadcastStats } from "../../src/domain/broadcast/queue.js";
import { BotHarness, type RecordedCall, type TestUserInfo } from "../support/bot-harness.js";
import { seedUsers, waitFor } from "../support/broadcast-fixtures.js";
import { startEmulator, type Emulator } from "../support/emulator.js";

let h: BotHarness;
let emu: Emulator | undefined;
const admin = { id: 900001, first_name: "Admin" };
const member = { id: 7201, first_name: "Sari" };
let messageId = 50_000;

async function setup(env: Record<string, string> = {}) {
  h = await BotHarness.create({ env });
  await seedUsers(h.db, [
    { telegramId: 7201n, role: "alumni", province: "15" },
    { telegramId: 7202n, role: "alumni", province: "16" },
    { telegramId: 7203n, role: "calon", province: "15" },
    { telegramId: 7204n, role: "calon", province: "31", optedOut: true },
    { telegramId: 7205n, role: "alumni", province: "15", blocked: true },
  ]);
}

beforeEach(async () => {
  await setup();
});
afterEach(async () => {
  await h.close();
  await emu?.close();
  emu = undefined;
});

/** The admin sends a message with arbitrary fields (formatted text, a photo…). */
async function adminMessage(fields: Record<string, unknown>, user: TestUserInfo = admin): Promise<RecordedCall[]> {
  const before = h.calls.length;
  await h.handle({
    message: {
      message_id: ++messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: "private", first_name: user.first_name ?? "Admin" },
      from: { id: user.id, is_bot: false, first_name: user.first_name ?? "Admin", language_code: "id" },
      ...fields,
    } as never,
  });
  return h.calls.slice(before);
}

function textOf(calls: RecordedCall[]): string {
  return BotHarness.texts(calls).join("\n");
}

function callbackData(calls: RecordedCall[]): string[] {
  return BotHarness.buttons(calls).map((b) => b.data ?? b.url ?? "");
}

/** /siaran → bold text → (no events) → alumni; returns the calls of the audience step. */
async function composeToAlumni(): Promise<RecordedCall[]> {
  const intro = await h.send(admin, "/siaran");
  expect(textOf(intro)).toContain("Siaran baru");
  const afterText = await adminMessage({ text: "Temu Alumni Jambi dibuka!", entities: [{ type: "bold", offset: 0, length: 10 }] });
  expect(textOf(afterText)).toContain("Siapa penerimanya?");
  expect(callbackData(afterText)).toEqual(["bca:all", "bca:alumni", "bca:calon", "bca:provinces", "bca:event"]);
  return h.click(admin, "bca:alumni");
}

describe("/siaran", () => {
  it("is for admins only: anyone else gets the ordinary unknown-command answer", async () => {
    const calls = await h.send(member, "/siaran");
    expect(textOf(calls)).toContain("tidak mengenal perintah");
    for (const command of ["/siaran_jeda 1", "/siaran_status", "/siaran_batal 1"]) {
      expect(textOf(await h.send(member, command))).toContain("tidak mengenal perintah");
    }
    expect(await h.db.broadcast.count()).toBe(0);
  });

  it("composes, counts, shows the exact preview and sends to the chosen audience", async () => {
    const audience = await composeToAlumni();
    const text = textOf(audience);
    // 7201 and 7202; 7205 blocked the bot
    expect(text).toContain("Penerima: <b>2</b> orang (alumni)");
    const preview = audience.find((c) => c.method === "sendMessage" && String(c.payload.text).startsWith("Temu Alumni"));
    expect(preview?.payload).toMatchObject({
      chat_id: admin.id,
      text: "Temu Alumni Jambi dibuka!\n\nTidak ingin menerima pengumuman lagi? Ketik /berhenti",
      entities: [{ type: "bold", offset: 0, length: 10 }],
    });
    expect(text).toContain("Kirim pesan di atas ke <b>2</b> orang?");
    expect(callbackData(audience)).toEqual(["bcc:now", "bcc:schedule", "bcc:audience", "bcc:discard"]);

    const sent = await h.click(admin, "bcc:now");
    const broadcast = await h.db.broadcast.findFirstOrThrow();
    expect(broadcast).toMatchObject({ status: "running", total: 2, text: "Temu Alumni Jambi dibuka!", createdBy: 900001n, progressChatId: 900001n });
    expect(JSON.parse(broadcast.entities)).toEqual([{ type: "bold", offset: 0, length: 10 }]);
    expect(JSON.parse(broadcast.audience)).toEqual({ kind: "role", role: "alumni" });
    const rows = await h.db.broadcastRecipient.findMany({ orderBy: { telegramId: "asc" } });
    expect(rows.map((r) => [r.telegramId, r.status])).toEqual([
      [7201n, "pending"],
      [7202n, "pending"],
    ]);
    // the placeholder became the live progress message, with pause and cancel buttons
    const edit = sent.find((c) => c.method === "editMessageText");
    expect(edit?.payload.message_id).toBe(broadcast.progressMessageId);
    expect(String(edit?.payload.text)).toContain(`Siaran #${broadcast.id}</b> — sedang dikirim`);
    expect(String(edit?.payload.text)).toContain("Penerima: alumni · 2 orang");
    expect(callbackData(sent)).toEqual([`bctl:pause:${broadcast.id}`, `bctl:cancel:${broadcast.id}`]);
  });

  it("adds a registration button for an upcoming event and shows it in the preview", async () => {
    const event = await h.db.event.create({
      data: {
        title: "Temu Alumni Jambi",
        province: "15",
        city: "Kota Jambi",
        venueName: "Aula",
        address: "Jl. Contoh 1",
        startsAt: new Date(Date.now() + 7 * 86_400_000),
        endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000),
        timeZone: "Asia/Jakarta",
        status: "published",
      },
    });
    await h.send(admin, "/siaran");
    const ask = await adminMessage({ text: "Ayo daftar!" });
    expect(textOf(ask)).toContain("Tambahkan tombol pendaftaran acara");
    expect(callbackData(ask)).toEqual([`bcb:${event.id}`, "bcb:0"]);
    await h.click(admin, `bcb:${event.id}`);
    const audience = await h.click(admin, "bca:all");
    expect(textOf(audience)).toContain("Penerima: <b>3</b> orang (semua pengguna)");
    const preview = audience.find((c) => c.method === "sendMessage" && String(c.payload.text).startsWith("Ayo daftar!"));
    const markup = preview?.payload.reply_markup as { inline_keyboard: { text: string; url: string }[][] };
    expect(markup.inline_keyboard[0]?.[0]).toEqual({ text: "📝 Daftar acara ini", url: `https://t.me/prakerja_test_bot?start=acara_${event.id}` });
    await h.click(admin, "bcc:now");
    expect((await h.db.broadcast.findFirstOrThrow()).buttonEventId).toBe(event.id);
  });

  it("a photo with a caption is previewed as a photo with the footer in the caption", async () => {
    await h.send(admin, "/siaran");
    const calls = await adminMessage({
      photo: [
        { file_id: "small", file_unique_id: "s", width: 90, height: 90 },
        { file_id: "big-photo", file_unique_id: "b", width: 1280, height: 1280 },
      ],
      caption: "Dokumentasi Temu Alumni",
      caption_entities: [{ type: "italic", offset: 0, length: 11 }],
    });
    expect(textOf(calls)).toContain("Siapa penerimanya?");
    const audience = await h.click(admin, "bca:calon");
    const photo = audience.find((c) => c.method === "sendPhoto");
    expect(photo?.payload).toMatchObject({
      photo: "big-photo",
      caption: "Dokumentasi Temu Alumni\n\nTidak ingin menerima pengumuman lagi? Ketik /berhenti",
      caption_entities: [{ type: "italic", offset: 0, length: 11 }],
    });
    await h.click(admin, "bcc:now");
    expect(await h.db.broadcast.findFirstOrThrow()).toMatchObject({ mediaType: "photo", mediaFileId: "big-photo", total: 1 });
  });

  it("refuses a text that is too long with the footer and asks again", async () => {
    await h.send(admin, "/siaran");
    const calls = await adminMessage({ text: "x".repeat(4090) });
    expect(textOf(calls)).toContain("terlalu panjang: 4.090 karakter");
    const ok = await adminMessage({ text: "Pendek saja" });
    expect(textOf(ok)).toContain("Siapa penerimanya?");
  });

  it("several provinces, an audience with nobody in it, and a change of audience", async () => {
    await h.send(admin, "/siaran");
    await adminMessage({ text: "Info provinsi" });
    const pick = await h.click(admin, "bca:provinces");
    expect(textOf(pick)).toContain("Terpilih: 0");
    const none = await h.click(admin, "bcp:done:0");
    expect(none.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("minimal satu provinsi");
    const toggled = await h.click(admin, "bcp:toggle:94");
    const edit = toggled.find((c) => c.method === "editMessageText");
    expect(String(edit?.payload.text)).toContain("Terpilih: 1");
    const zero = await h.click(admin, "bcp:done:0");
    expect(textOf(zero)).toContain("Tidak ada penerima untuk pilihan itu (provinsi Papua Tengah)");
    expect(textOf(zero)).toContain("Siapa penerimanya?");

    await h.click(admin, "bca:provinces");
    await h.click(admin, "bcp:toggle:15");
    await h.click(admin, "bcp:page:1");
    await h.click(admin, "bcp:toggle:16");
    const counted = await h.click(admin, "bcp:done:0");
    // 7201, 7203 (Jambi) and 7202 (Sumatera Selatan); 7205 blocked
    expect(textOf(counted)).toContain("Penerima: <b>3</b> orang (provinsi Jambi, Sumatera Selatan)");

    const again = await h.click(admin, "bcc:audience");
    expect(textOf(again)).toContain("Siapa penerimanya?");
    const alumni = await h.click(admin, "bca:alumni");
    expect(textOf(alumni)).toContain("Penerima: <b>2</b> orang");
    // the preview is shown once
    expect(alumni.some((c) => c.method === "sendMessage" && String(c.payload.text).startsWith("Info provinsi"))).toBe(false);
    await h.click(admin, "bcc:now");
    expect(JSON.parse((await h.db.broadcast.findFirstOrThrow()).audience)).toEqual({ kind: "role", role: "alumni" });
  });

  it("event participants by segment", async () => {
    const event = await h.db.event.create({
      data: {
        title: "Temu Alumni Jambi",
        province: "15",
        city: "Kota Jambi",
        venueName: "Aula",
        address: "Jl. Contoh 1",
        startsAt: new Date(Date.now() - 86_400_000),
        endsAt: new Date(Date.now() - 80_000_000),
        timeZone: "Asia/Jakarta",
        status: "completed",
      },
    });
    const users = await h.db.user.findMany();
    const uid = (tg: bigint) => users.find((u) => u.telegramId === tg)?.id ?? 0;
    await h.db.registration.create({ data: { eventId: event.id, userId: uid(7201n), status: "confirmed", checkInToken: "a", checkedInAt: new Date() } });
    await h.db.registration.create({ data: { eventId: event.id, userId: uid(7203n), status: "confirmed", checkInToken: "b" } });
    await h.send(admin, "/siaran");
    await adminMessage({ text: "Terima kasih sudah hadir" });
    const events = await h.click(admin, "bca:event");
    expect(callbackData(events)).toEqual([`bce:${event.id}`]);
    const segments = await h.click(admin, `bce:${event.id}`);
    expect(callbackData(segments)).toEqual(["bcs:confirmed", "bcs:waitlisted", "bcs:attended", "bcs:no_feedback"]);
    const counted = await h.click(admin, "bcs:attended");
    expect(textOf(counted)).toContain("Penerima: <b>1</b> orang (peserta Temu Alumni Jambi — Hadir)");
    await h.click(admin, "bcc:now");
    expect(JSON.parse((await h.db.broadcast.findFirstOrThrow()).audience)).toEqual({ kind: "event", eventId: event.id, segment: "attended" });
  });

  it("schedules for later after checking the time, and can be discarded", async () => {
    await composeToAlumni();
    const ask = await h.click(admin, "bcc:schedule");
    expect(textOf(ask)).toContain("Kapan dikirim?");
    expect(textOf(await adminMessage({ text: "besok pagi" }))).toContain("belum kukenali");
    expect(textOf(await adminMessage({ text: "01-01-2020 10:00" }))).toContain("sudah lewat");
    const next = new Date(Date.now() + 3 * 86_400_000);
    const typed = `${String(next.getUTCDate()).padStart(2, "0")}-${String(next.getUTCMonth() + 1).padStart(2, "0")}-${next.getUTCFullYear()} 09:00`;
    const confirm = await adminMessage({ text: typed });
    expect(textOf(confirm)).toMatch(/Kirim ke <b>2<\/b> orang pada <b>.*09\.00 WIB<\/b>\?/);
    const done = await h.click(admin, "bcc:scheduled");
    const broadcast = await h.db.broadcast.findFirstOrThrow();
    expect(broadcast.status).toBe("scheduled");
    expect(broadcast.scheduledAt?.toISOString()).toBe(`${next.toISOString().slice(0, 10)}T02:00:00.000Z`);
    expect(broadcast.startedAt).toBeNull();
    expect(String(done.find((c) => c.method === "editMessageText")?.payload.text)).toContain("dijadwalkan");
    expect(callbackData(done)).toEqual([`bctl:cancel:${broadcast.id}`]);

    await composeToAlumni();
    const discarded = await h.click(admin, "bcc:discard");
    expect(textOf(discarded)).toContain("Siaran dibuang");
    expect(await h.db.broadcast.count()).toBe(1);
  });

  it("/batal leaves the conversation without creating anything", async () => {
    await composeToAlumni();
    await h.send(admin, "/batal");
    expect(textOf(await h.click(admin, "bcc:now"))).not.toContain("Siaran #");
    expect(await h.db.broadcast.count()).toBe(0);
  });
});

describe("controls", () => {
  async function created(): Promise<number> {
    await composeToAlumni();
    await h.click(admin, "bcc:now");
    return (await h.db.broadcast.findFirstOrThrow()).id;
  }

  it("pause, resume and cancel with the buttons under the progress message", async () => {
    const id = await created();
    const paused = await h.click(admin, `bctl:pause:${id}`);
    expect(paused.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain(`Siaran #${id} dijeda`);
    expect((await getBroadcastStats(h.db, id))?.status).toBe("paused");
    const edit = paused.find((c) => c.method === "editMessageText");
    expect(String(edit?.payload.text)).toContain("dijeda");
    expect(callbackData(paused)).toEqual([`bctl:resume:${id}`, `bctl:cancel:${id}`]);

    const resumed = await h.click(admin, `bctl:resume:${id}`);
    expect(resumed.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("dilanjutkan");
    expect((await getBroadcastStats(h.db, id))?.status).toBe("running");

    const ask = await h.click(admin, `bctl:cancel:${id}`);
    expect(textOf(ask)).toContain(`Batalkan siaran #${id}?`);
    expect(callbackData(ask)).toEqual([`bctl:cancelok:${id}`, `bctl:keep:${id}`]);
    await h.click(admin, `bctl:keep:${id}`);
    expect((await getBroadcastStats(h.db, id))?.status).toBe("running");
    const cancelled = await h.click(admin, `bctl:cancelok:${id}`);
    expect(textOf(cancelled)).toContain(`Siaran #${id} dibatalkan`);
    expect((await getBroadcastStats(h.db, id))?.status).toBe("cancelled");
    const late = await h.click(admin, `bctl:resume:${id}`);
    expect(late.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("sudah tidak bisa diubah");
  });

  it("pause, resume, status and cancel with commands", async () => {
    const id = await created();
    expect(textOf(await h.send(admin, "/siaran_jeda"))).toContain(`Siaran #${id} dijeda`);
    expect(textOf(await h.send(admin, "/siaran_jeda"))).toContain(`#${id} — dijeda`);
    expect(textOf(await h.send(admin, `/siaran_lanjut ${id}`))).toContain(`Siaran #${id} dilanjutkan`);
    const status = await h.send(admin, `/siaran_status ${id}`);
    expect(textOf(status)).toContain(`Siaran #${id}</b> — sedang dikirim`);
    const fresh = status.find((c) => c.method === "sendMessage");
    expect(fresh?.payload).toMatchObject({ chat_id: admin.id, text: expect.stringContaining(`📣 <b>Siaran #${id}</b> — sedang dikirim`) });
    expect(BotHarness.buttons(status).map((b) => b.data)).toEqual([`bctl:pause:${id}`, `bctl:cancel:${id}`]);
    expect((await h.db.broadcast.findFirstOrThrow()).progressMessageId).not.toBeNull();
    expect(textOf(await h.send(admin, "/siaran_status"))).toContain(`#${id} — sedang dikirim — 0/2 terkirim`);
    expect(textOf(await h.send(admin, `/siaran_batal ${id}`))).toContain(`Siaran #${id} dibatalkan`);
    expect(textOf(await h.send(admin, "/siaran_status"))).toContain("Tidak ada siaran");
    expect(textOf(await h.send(admin, "/siaran_batal 999"))).toContain("tidak ditemukan");
  });
});

describe("delivery with the app's worker", () => {
  it("sends to everyone through the engine, marks the unreachable and reports with a CSV", async () => {
    await h.close();
    emu = await startEmulator({ botUsername: "prakerja_test_bot" });
    emu.setDeactivated(7202, true);
    await setup({ TELEGRAM_API_ROOT: emu.apiRoot });
    await h.app.scheduler.start();
    await composeToAlumni();
    await h.click(admin, "bcc:now");
    const id = (await h.db.broadcast.findFirstOrThrow()).id;
    await waitFor(() => h.calls.some((c) => c.method === "sendDocument"), 20_000);

    const got = emu.messages(7201).filter((m) => m.from?.is_bot);
    expect(got).toHaveLength(1);
    expect(got[0]?.text).toBe("Temu Alumni Jambi dibuka!\n\nTidak ingin menerima pengumuman lagi? Ketik /berhenti");
    expect(got[0]?.entities?.[0]).toMatchObject({ type: "bold", offset: 0, length: 10 });
    expect(emu.messages(7202).filter((m) => m.from?.is_bot)).toHaveLength(0);
    expect((await h.db.user.findUniqueOrThrow({ where: { telegramId: 7202n } })).blockedAt).toBeInstanceOf(Date);
    expect(await getBroadcastStats(h.db, id)).toMatchObject({ status: "done", sent: 1, blocked: 1 });

    const report = h.calls.find((c) => c.method === "sendMessage" && String(c.payload.text).includes("Laporan siaran"));
    expect(String(report?.payload.text)).toContain("Terkirim: 1 dari 2");
    expect(String(report?.payload.text)).toContain("Memblokir bot / akun nonaktif: 1");
    expect(String(report?.payload.text)).toContain("Durasi:");
    const csv = h.calls.find((c) => c.method === "sendDocument");
    expect(String(csv?.payload.caption)).toContain(`tidak menerima siaran #${id}`);
    const progress = h.calls.filter((c) => c.method === "editMessageText" && String(c.payload.text).includes(`Siaran #${id}`));
    expect(String(progress.at(-1)?.payload.text)).toContain("selesai");
    expect((await h.db.broadcast.findFirstOrThrow()).finishedAt).toBeInstanceOf(Date);
  });
});
