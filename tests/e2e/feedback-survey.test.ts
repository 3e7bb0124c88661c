// The feedback survey end to end: the real bot process against the Telegram emulator, on a fresh SQLite
// file. Survey with a >2,000-character suggestion refused and a story kept private → the survey taken
// again (the latest answers count, this time an anonymous story) → admin review → /cerita → /statistik
// with the chart picture.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { onboardAlumnus, useRealBot } from "../support/real-bot.js";
import { TestUser } from "../support/user.js";

const ADMIN_ID = 900_200;
const realBot = useRealBot({ env: { ADMIN_IDS: String(ADMIN_ID) }, readyTimeoutMs: 90_000 });
const HOUR = 3600_000;
/** The per-user flood limit counts 20 updates per 10 s window; a second survey waits for a fresh window. */
const FLOOD_WINDOW_MS = 10_500;

describe("feedback through the real process", () => {
  it("survey end to end: too-long input refused, story kept private, retake changes the answers, review, /cerita, /statistik", { timeout: 240_000 }, async () => {
    const { emu, startBot, openDb } = await realBot();
    const bot = startBot();
    await bot.ready();
    const admin = new TestUser(emu, { id: ADMIN_ID, first_name: "Panitia" }, { process: bot, timeoutMs: 15_000 });
    const sari = new TestUser(emu, { first_name: "Sari" }, { process: bot, timeoutMs: 15_000 });

    await onboardAlumnus(sari);
    const db = await openDb();
    const now = Date.now();
    const event = await db.event.create({
      data: {
        title: "Temu Alumni Prakerja Jambi",
        province: "15",
        city: "Kota Jambi",
        venueName: "Aula Dinas",
        address: "Jl. Sultan Agung 9",
        startsAt: new Date(now - 8 * HOUR),
        endsAt: new Date(now - 2 * HOUR),
        timeZone: "Asia/Jakarta",
        status: "published",
      },
    });
    const user = await db.user.findUniqueOrThrow({ where: { telegramId: BigInt(sari.id) } });
    await db.registration.create({
      data: { eventId: event.id, userId: user.id, status: "confirmed", fullName: "Sari", checkInToken: randomUUID(), checkedInAt: new Date(now - 7 * HOUR), feedbackInvitedAt: new Date(now - HOUR) },
    });

    // 1. the survey, the first time
    await sari.send("/masukan");
    await sari.reply("Kamu mau memberi masukan untuk apa?");
    expect(sari.keyboardLabels()).toEqual(["🤝 Temu Alumni Prakerja Jambi", "🎓 Program Kartu Prakerja secara umum"]);
    await sari.click("🤝 Temu Alumni Prakerja Jambi");
    await sari.reply("Masukan: Temu Alumni Prakerja Jambi");
    await sari.reply("berapa nilaimu?");
    await sari.click("⭐ 4");
    await sari.reply("Apa yang paling berguna");
    await sari.click("🤝 Bertemu sesama alumni");
    await sari.reply("Apa saranmu");
    await sari.send("x".repeat(2500));
    expect((await sari.reply("batasnya")).text).toBe("Maaf, tulisanmu 2.500 karakter, sedangkan batasnya 2.000 karakter. Tolong persingkat lalu kirim lagi, ya. 🙏");
    await sari.send("Tolong adakan pelatihan offline di Jambi");
    await sari.reply("Sebelum ikut Prakerja");
    await sari.click("Belum bekerja / mencari kerja");
    await sari.reply("bagaimana keadaanmu sekarang?");
    await sari.click("💼 Bekerja");
    await sari.reply("Di bidang apa?");
    await sari.send("Administrasi gudang");
    await sari.reply("Punya cerita sukses");
    await sari.send("Saya diterima kerja setelah pelatihan Excel.");
    await sari.reply("Bolehkah ceritamu kami tampilkan");
    await sari.click("🔒 Jangan dipublikasikan");
    expect((await sari.reply("sudah tersimpan")).text).toContain("tidak akan dipublikasikan");

    const first = await db.feedback.findFirstOrThrow({ where: { userId: user.id } });
    expect(first).toMatchObject({
      scope: `event:${event.id}`,
      rating: 4,
      mostUseful: "jejaring",
      suggestion: "Tolong adakan pelatihan offline di Jambi",
      statusBefore: "menganggur",
      outcome: "bekerja",
      outcomeField: "Administrasi gudang",
      story: "Saya diterima kerja setelah pelatihan Excel.",
      storyConsent: "none",
      storyStatus: "none",
    });
    await admin.send("/cerita_admin");
    await admin.reply("Tidak ada cerita yang menunggu tinjauan");

    // 2. the same survey again: the new answers replace the old ones
    await new Promise((resolve) => setTimeout(resolve, FLOOD_WINDOW_MS));
    await sari.send("/masukan");
    await sari.reply("Kamu mau memberi masukan untuk apa?");
    await sari.click("🤝 Temu Alumni Prakerja Jambi");
    expect((await sari.reply("Masukan: Temu Alumni Prakerja Jambi")).text).toContain("Jawaban barumu akan menggantikan yang lama");
    await sari.reply("berapa nilaimu?");
    await sari.click("⭐ 5");
    await sari.reply("Apa yang paling berguna");
    await sari.click("📚 Materi atau workshop");
    await sari.reply("Apa saranmu");
    await sari.click("Lewati ⏭");
    await sari.reply("Sebelum ikut Prakerja");
    await sari.click("Belum bekerja / mencari kerja");
    await sari.reply("bagaimana keadaanmu sekarang?");
    await sari.click("💼🏪 Bekerja dan punya usaha");
    await sari.reply("Di bidang apa?");
    await sari.send("Kuliner");
    await sari.reply("Punya cerita sukses");
    await sari.send("Kini saya juga berjualan kue lewat online.");
    await sari.reply("Bolehkah ceritamu kami tampilkan");
    await sari.click("🕶 Boleh, tanpa nama (anonim)");
    expect((await sari.reply("sudah tersimpan")).text).toContain("ditinjau admin dulu");

    const rows = await db.feedback.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      rating: 5,
      mostUseful: "materi",
      suggestion: null,
      outcome: "keduanya",
      outcomeField: "Kuliner",
      story: "Kini saya juga berjualan kue lewat online.",
      storyConsent: "anonymous",
      storyStatus: "pending",
    });

    // 3. the admin approves the story; everyone reads it without Sari's name
    await admin.send("/cerita_admin");
    const review = await admin.reply("Cerita menunggu tinjauan");
    expect(review.text).toContain("Alumni Prakerja dari Jambi");
    await admin.click("✅ Setujui");
    await admin.reply("Disetujui");
    const reader = new TestUser(emu, { first_name: "Rudi" }, { process: bot, timeoutMs: 15_000 });
    await reader.send("/cerita");
    const story = await reader.reply("Cerita sukses alumni");
    expect(story.text).toContain("Kini saya juga berjualan kue lewat online.");
    expect(story.text).toContain("— Alumni Prakerja dari Jambi");
    expect(story.text).not.toContain("Sari");

    // 4. the statistics: a short text and the chart as a PNG picture
    await admin.send(`/statistik ${event.id}`);
    const figures = await admin.reply("Statistik: Temu Alumni Prakerja Jambi");
    expect(figures.text).toContain("Hadir: 1 (100% dari yang terkonfirmasi)");
    expect(figures.text).toContain("Rata-rata nilai: 5,0 / 5");
    expect(figures.text).toContain("Dari 1 responden yang dulu menganggur: 100% (1) kini bekerja, 100% (1) membuka usaha");
    const chart = await admin.reply((m) => m.photo !== undefined, { timeoutMs: 15_000 });
    const largest = chart.photo?.at(-1);
    const png = emu.getFile(largest?.file_id ?? "").bytes;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(1000);
    expect(png.readUInt32BE(20)).toBe(600);
  });
});
