// The events feature end to end: the real bot process (`node --import tsx src/main.ts`) against the
// Telegram emulator, on a fresh SQLite file. Import → list → RSVP with share-contact → ticket (.ics, QR) →
// a reminder sent once across SIGKILL and restart → check-in by an admin's deep link → registrations CSV.
import { describe, expect, it } from "vitest";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import { useRealBot } from "../support/real-bot.js";
import { TestUser } from "../support/user.js";

const ADMIN_ID = 900_100;
const HOUR = 3600_000;

/** An ISO time with the zone's offset, as an organiser writes it in the CSV. */
function iso(ms: number, offsetHours: number): string {
  const local = new Date(Math.floor(ms / 60_000) * 60_000 + offsetHours * HOUR).toISOString().slice(0, 19);
  return `${local}+0${offsetHours}:00`;
}

// start-up compiles the whole tree with tsx: allow for a busy CI machine
const realBot = useRealBot({ env: { ADMIN_IDS: String(ADMIN_ID), JOBS_INTERVAL_SECONDS: "1" }, readyTimeoutMs: 60_000 });

describe("Temu Alumni through the real process", () => {
  it("import → list → RSVP → ticket → one reminder across a restart → check-in → export", { timeout: 240_000 }, async () => {
    const { emu, startBot, openDb } = await realBot();
    let bot = startBot();
    await bot.ready();
    const admin = new TestUser(emu, { id: ADMIN_ID, first_name: "Panitia" }, { process: bot });
    const siti = new TestUser(emu, { first_name: "Siti", last_name: "Rahma" }, { process: bot });

    // 1. the organiser imports two events from a CSV document
    const now = Date.now();
    const jambiStart = now + 25 * HOUR;
    const csv = [
      "judul,provinsi,kota,tempat,alamat,mulai,selesai,kapasitas,deskripsi,lat,lon",
      `Temu Alumni Prakerja Jambi,Jambi,Kota Jambi,Aula Dinas Tenaga Kerja,Jl. Sultan Agung No. 9,${iso(jambiStart, 7)},${iso(jambiStart + 6 * HOUR, 7)},100,"Cerita sukses, masukan, dan jejaring",-1.6101,103.6131`,
      `Temu Alumni Prakerja Banjarbaru,Kalimantan Selatan,Banjarbaru,Aula Gawi Sabarataan,Jl. Pangeran Suriansyah No. 1,${iso(now + 72 * HOUR, 8)},${iso(now + 76 * HOUR, 8)},50,,,`,
    ].join("\n");
    await admin.sendFile({ fileName: "acara.csv", content: csv, caption: "/impor_acara" });
    expect((await admin.reply()).text).toContain("2 acara berhasil diimpor");

    // 2. an alumna from Jambi lists the events: her province first
    await siti.send("/start");
    await siti.reply("Halo, Siti!");
    await siti.reply("boleh aku menyimpan");
    await siti.click("✅ Setuju");
    await siti.reply("Kamu termasuk yang mana?");
    await siti.click("🎓 Alumni Prakerja");
    await siti.reply("provinsi mana");
    await siti.send("jambi");
    await siti.reply("Mau ngapain hari ini?");
    await siti.send("/acara");
    const list = await siti.reply("Temu Alumni");
    expect(list.text?.indexOf("Temu Alumni Prakerja Jambi")).toBeLessThan(list.text?.indexOf("Temu Alumni Prakerja Banjarbaru") ?? 0);
    expect(list.text).toContain("WIB");
    expect(list.text).toContain("WITA");
    expect(list.text).toContain("Sisa 100 kursi");

    // 3. the RSVP conversation, with the phone shared through the contact button
    await siti.click("📝 Daftar 1");
    await siti.reply("Daftar ke Temu Alumni Prakerja Jambi");
    await siti.reply("nama lengkapmu");
    expect(siti.replyKeyboardLabels()).toEqual(["Siti Rahma"]);
    await siti.tapKeyboard("Siti Rahma");
    await siti.reply("kabupaten/kota mana");
    await siti.send("kota jambi");
    await siti.reply("gelombang berapa");
    await siti.send("12");
    await siti.reply("Pelatihan apa");
    await siti.tapKeyboard("Lewati");
    await siti.reply("nomor HP");
    await siti.send("08123456789");
    await siti.reply("hanya bisa dibagikan lewat tombol");
    await siti.tapKeyboard("📱 Bagikan nomor HP-ku");
    const confirmed = await siti.reply("sudah terkonfirmasi");
    expect(confirmed.text).toContain("Temu Alumni Prakerja Jambi");
    const qr = await siti.reply((m) => m.photo !== undefined);
    const token = /Kode cadangan: ([A-Za-z0-9_-]{22})/.exec(qr.caption ?? "")?.[1];
    expect(token).toBeDefined();
    const icsMessage = await siti.reply((m) => m.document !== undefined);
    expect(icsMessage.document?.file_name).toBe("temu-alumni-prakerja-jambi.ics");
    const ics = emu.getFile(icsMessage.document?.file_id ?? "").bytes.toString("utf8");
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain(`DTSTART:${new Date(Math.floor(jambiStart / 60_000) * 60_000).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`);

    const db = await openDb();
    const registration = await db.registration.findFirstOrThrow({ include: { event: true } });
    expect(registration).toMatchObject({ status: "confirmed", fullName: "Siti Rahma", city: "Kota Jambi", gelombang: 12, phone: "+6281234567890", checkInToken: token });

    // 4. a day later (the event now starts in 23 hours) the reminder goes out — once, even across SIGKILL
    await db.event.update({ where: { id: registration.eventId }, data: { startsAt: new Date(Date.now() + 23 * HOUR), endsAt: new Date(Date.now() + 29 * HOUR) } });
    const reminder = await siti.reply("Pengingat", { timeoutMs: 15_000 });
    expect(reminder.text).toContain("besok kita ketemu di Temu Alumni Prakerja Jambi");
    bot.kill("SIGKILL");
    await bot.exited;
    bot = startBot();
    await bot.ready();
    // proof that the reminder job ran after the restart: someone registered meanwhile gets theirs
    const budi = new TestUser(emu, { first_name: "Budi" }, { process: bot });
    const budiRow = await db.user.create({ data: { telegramId: BigInt(budi.id), firstName: "Budi", role: "alumni", province: "15", consentAt: new Date(), consentVersion: "x" } });
    const budiReg = await reserveSeat(db, { eventId: registration.eventId, userId: budiRow.id, fullName: "Budi Santoso", city: "Kota Jambi", gelombang: 3 });
    expect(budiReg.ok).toBe(true);
    await db.registration.updateMany({ where: { userId: budiRow.id }, data: { reminderDaySentAt: null } });
    await budi.reply("Pengingat", { timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(siti.messages().filter((m) => (m.text ?? "").includes("Pengingat"))).toHaveLength(1);
    expect((await db.registration.findUniqueOrThrow({ where: { id: registration.id } })).reminderDaySentAt).not.toBeNull();

    // 5. at the door, the organiser scans Siti's QR code (the deep link it holds)
    await admin.send(`/start ci_${token}`);
    expect((await admin.reply()).text).toBe("✅ Check-in berhasil: Siti Rahma — Temu Alumni Prakerja Jambi (1 kursi).");
    expect((await siti.reply("Selamat datang")).text).toContain("Kehadiranmu sudah tercatat");
    await admin.send(`/start ci_${token}`);
    expect((await admin.reply()).text).toContain("sudah check-in");

    // 6. the registrations CSV
    await admin.send("/ekspor");
    await admin.reply("Ekspor data acara yang mana?");
    await admin.click(`#${registration.eventId} Temu Alumni Prakerja Jambi`);
    await admin.reply("Ekspor apa");
    await admin.click("👥 Pendaftar");
    const exported = await admin.reply((m) => m.document !== undefined);
    const bytes = emu.getFile(exported.document?.file_id ?? "").bytes;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n")[0]).toBe("\ufeffNo,Nama,Kabupaten/Kota,Gelombang,Pelatihan,Telepon,Pendamping,Jumlah Kursi,Status,Posisi Daftar Tunggu,Waktu Daftar,Hadir,Waktu Check-in");
    expect(text.split("\r\n")[1]).toMatch(/^1,Siti Rahma,Kota Jambi,12,,0812-3456-7890,0,1,Terkonfirmasi,,\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB,Ya,\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB$/);
  });
});
