// A person whose Telegram profile is full of HTML-looking characters uses every flow of the real bot
// process against the emulator, which refuses HTML Telegram would refuse (a bare "&" included):
// onboarding, an RSVP to an event with a hostile title, the feedback survey with hostile answers, and
// /dataku. Every step gets its expected answer; no call is refused and no apology is sent.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useRealBot } from "../support/real-bot.js";
import { TestUser } from "../support/user.js";

const HOUR = 3600_000;
const FIRST = "Ani & Budi <3";
const LAST = '<b>Rina</i> "<';
const TITLE = "Temu <Alumni> & Jejaring </b>";
/** The per-user flood limit counts 20 updates per 10 s window: each flow starts in a fresh window. */
const FLOOD_WINDOW_MS = 10_500;
const freshWindow = () => new Promise((resolve) => setTimeout(resolve, FLOOD_WINDOW_MS));
const realBot = useRealBot({ env: { ADMIN_IDS: "900300" }, readyTimeoutMs: 90_000 });

describe("a hostile profile name through the real process", () => {
  it("onboarding, RSVP, feedback survey and /dataku all answer", { timeout: 240_000 }, async () => {
    const { emu, startBot, openDb } = await realBot();
    const bot = startBot();
    await bot.ready();
    const ani = new TestUser(emu, { first_name: FIRST, last_name: LAST, username: "ani_budi" }, { process: bot, timeoutMs: 15_000 });

    // 1. onboarding: the greeting shows the name as typed, consent works
    await ani.send("/start");
    expect((await ani.reply("Halo")).text).toContain(`Halo, ${FIRST}!`);
    await ani.reply("boleh aku menyimpan");
    await ani.click("✅ Setuju");
    await ani.reply("Kamu termasuk yang mana?");
    await ani.click("🎓 Alumni Prakerja");
    await ani.reply("provinsi mana");
    await ani.send("jambi");
    await ani.reply("Mau ngapain hari ini?");

    // 2. an RSVP to an event whose title is hostile too; the name button carries the profile name
    const db = await openDb();
    const now = Date.now();
    await db.event.create({
      data: { title: TITLE, province: "15", city: "Kota Jambi", venueName: "Aula <Dinas> & Co", address: "Jl. A & B", startsAt: new Date(now + 48 * HOUR), endsAt: new Date(now + 52 * HOUR), capacity: 10, timeZone: "Asia/Jakarta", status: "published" },
    });
    await freshWindow();
    await ani.send("/acara");
    expect((await ani.reply("Temu <Alumni>")).text).toContain(TITLE.trim());
    await ani.click("📝 Daftar 1");
    expect((await ani.reply("Daftar ke")).text).toContain(TITLE.trim());
    await ani.reply("nama lengkapmu");
    const fullName = ani.replyKeyboardLabels()[0] ?? "";
    expect(fullName).toContain(FIRST);
    await ani.tapKeyboard(fullName);
    await ani.reply("kabupaten/kota mana");
    await ani.send("kota jambi");
    await ani.reply("gelombang berapa");
    await ani.send("12");
    await ani.reply("Pelatihan apa");
    await ani.send("<i>Excel & Word</b>");
    await ani.reply("nomor HP");
    await ani.tapKeyboard("📱 Bagikan nomor HP-ku");
    expect((await ani.reply("sudah terkonfirmasi")).text).toContain(TITLE.trim());

    // 3. the feedback survey for an event she attended, with hostile answers
    const user = await db.user.findUniqueOrThrow({ where: { telegramId: BigInt(ani.id) } });
    const past = await db.event.create({
      data: { title: `${TITLE} lalu`, province: "15", city: "Kota Jambi", venueName: "Aula", address: "Jl. Sultan Agung 9", startsAt: new Date(now - 8 * HOUR), endsAt: new Date(now - 2 * HOUR), timeZone: "Asia/Jakarta", status: "published" },
    });
    await db.registration.create({
      data: { eventId: past.id, userId: user.id, status: "confirmed", fullName: `${FIRST} ${LAST}`, checkInToken: randomUUID(), checkedInAt: new Date(now - 7 * HOUR), feedbackInvitedAt: new Date(now - HOUR) },
    });
    await freshWindow();
    await ani.send("/masukan");
    await ani.reply("Kamu mau memberi masukan untuk apa?");
    const scope = ani.keyboardLabels().find((label) => label.includes("lalu")) ?? "";
    expect(scope).toContain("Temu <Alumni> & Jejaring");
    await ani.click(scope);
    await ani.reply("Masukan:");
    await ani.reply("berapa nilaimu?");
    await ani.click("⭐ 4");
    await ani.reply("Apa yang paling berguna");
    await ani.click("🤝 Bertemu sesama alumni");
    await ani.reply("Apa saranmu");
    await ani.send("Lebih banyak <b>sesi</b> & <3 praktik");
    await ani.reply("Sebelum ikut Prakerja");
    await ani.click("Belum bekerja / mencari kerja");
    await ani.reply("bagaimana keadaanmu sekarang?");
    await ani.click("💼 Bekerja");
    await ani.reply("Di bidang apa?");
    await ani.send("Gudang & <logistik>");
    await ani.reply("Punya cerita sukses");
    await ani.send("Saya </i> diterima & senang <3");
    await ani.reply("Bolehkah ceritamu kami tampilkan");
    await ani.click("🔒 Jangan dipublikasikan");
    await ani.reply("sudah tersimpan");

    // 4. /dataku: the summary shows the name as typed, the JSON document follows
    await freshWindow();
    await ani.send("/dataku");
    const summary = await ani.reply(FIRST);
    expect(summary.text).toContain(FIRST);
    const document = await ani.reply((m) => m.document !== undefined);
    expect(document.document?.file_name).toMatch(/\.json$/);

    const refused = emu.calls.filter((call) => call.status >= 400).map((call) => `${call.method} ${call.status}`);
    expect(refused).toEqual([]);
    expect(emu.history(ani.chatId).filter((m) => m.text?.includes("ada kendala"))).toEqual([]);
  });
});
