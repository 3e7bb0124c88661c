// Issue 16 end to end: the real bot process against the Telegram emulator. An owner makes someone the
// organiser for Jambi and the bot an admin of a channel; the organiser announces a Jambi meetup there and
// the card is edited when the meetup fills up; an inline query lists it; a shared location lists the
// nearest meetup first.
import { describe, expect, it } from "vitest";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import type { EmuChat } from "../support/emulator.js";
import { onboardAlumnus, useRealBot } from "../support/real-bot.js";
import { TestUser } from "../support/user.js";

const OWNER_ID = 900_200;
const ORGANISER_ID = 900_201;
const DAY = 24 * 3600_000;
const channel: EmuChat = { id: -1009000000001, type: "channel", title: "Temu Alumni Jambi", username: "temualumnijambi" };

const realBot = useRealBot({ env: { ADMIN_IDS: String(OWNER_ID), JOBS_INTERVAL_SECONDS: "1" }, readyTimeoutMs: 60_000, emulator: { inlineMode: true } });

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("regional organisers and reach, through the real process", () => {
  it("organiser announces to a channel, the card follows the event; inline query; nearest meetup", { timeout: 180_000 }, async () => {
    const { emu, startBot, openDb } = await realBot();
    const bot = startBot();
    await bot.ready();
    const db = await openDb();
    const owner = new TestUser(emu, { id: OWNER_ID, first_name: "Pemilik" }, { process: bot });
    const organiser = new TestUser(emu, { id: ORGANISER_ID, first_name: "Rahmat" }, { process: bot });
    const ani = new TestUser(emu, { first_name: "Ani" }, { process: bot });

    const start = Date.now() + 10 * DAY;
    const base = { venueName: "Aula", address: "Jl. Contoh 1", timeZone: "Asia/Jakarta", maxCompanions: 0, status: "published" };
    const jambi = await db.event.create({ data: { ...base, title: "Temu Alumni Jambi", province: "15", city: "Kota Jambi", latitude: -1.6101, longitude: 103.6131, capacity: 1, startsAt: new Date(start), endsAt: new Date(start + 6 * 3600_000) } });
    await db.event.create({ data: { ...base, title: "Temu Alumni Gorontalo", province: "75", city: "Kota Gorontalo", timeZone: "Asia/Makassar", capacity: 30, startsAt: new Date(start - DAY), endsAt: new Date(start - DAY + 6 * 3600_000) } });

    // the owner appoints the organiser and makes the bot an admin of the channel
    await owner.send(`/penyelenggara_tambah ${ORGANISER_ID} Jambi`);
    expect((await owner.reply("penyelenggara")).text).toBe(`✅ ${ORGANISER_ID} sekarang penyelenggara untuk: Jambi.`);
    emu.makeBotAdmin(channel, { id: OWNER_ID, first_name: "Pemilik" });
    expect((await owner.reply("admin di kanal")).text).toContain("Temu Alumni Jambi");

    // the organiser sees only the Jambi meetup and posts its card to the channel
    await organiser.send("/umumkan");
    const pick = await organiser.reply("Umumkan acara");
    expect(pick.text).toContain("Temu Alumni Jambi");
    expect(pick.text).not.toContain("Gorontalo");
    await organiser.click("1");
    await organiser.reply("Kirim kartu");
    await organiser.click("📢 Temu Alumni Jambi");
    expect((await organiser.reply("sudah dikirim")).text).toContain("https://t.me/temualumnijambi/");
    const [card] = emu.messages(channel.id);
    expect(card?.text).toContain("Temu Alumni Jambi");
    expect(card?.text).toContain("Sisa kursi: 1");
    expect(card?.reply_markup).toEqual({ inline_keyboard: [[{ text: "Daftar", url: `https://t.me/prakerja_test_bot?start=acara_${jambi.id}` }]] });

    // the last seat is taken: the card in the channel is edited to "full"
    await onboardAlumnus(ani);
    const user = await db.user.findUniqueOrThrow({ where: { telegramId: BigInt(ani.chatId) } });
    expect(await reserveSeat(db, { eventId: jambi.id, userId: user.id, fullName: "Ani", city: "Kota Jambi", gelombang: null, companions: 0 })).toMatchObject({ ok: true });
    await until(() => emu.messages(channel.id)[0]?.text?.includes("Penuh — daftar tunggu dibuka") === true);
    expect(emu.events(channel.id).map((e) => [e.kind, e.fromBot])).toEqual([
      ["new", true],
      ["edit", true],
    ]);
    // nothing changes any more: no further edits (an unchanged edit would be refused by Telegram)
    await new Promise((r) => setTimeout(r, 2500));
    expect(emu.events(channel.id)).toHaveLength(2);

    // inline mode: "@bot jambi" lists the Jambi meetup with its deep link
    const query = emu.sendInlineQuery({ id: 5_000_001, first_name: "Budi" }, "jambi", { chatType: "group" });
    const queryId = query.inline_query?.id as string;
    await until(() => emu.inlineAnswer(queryId) !== undefined);
    const answer = emu.inlineAnswer(queryId);
    expect(answer?.results.map((r) => r.title)).toEqual(["Temu Alumni Jambi"]);
    expect(answer?.isPersonal).toBe(false);

    // a shared location lists the nearest meetup first, with the distance
    await ani.send("/acara");
    await ani.reply("Kirim lokasi");
    expect(ani.replyKeyboardLabels()).toEqual(["📍 Kirim lokasi"]);
    await ani.sendLocation(-1.62, 103.6);
    await ani.reply("Acara terdekat");
    const nearest = await ani.reply("Jarak");
    expect(nearest.text?.indexOf("Temu Alumni Jambi")).toBeLessThan(nearest.text?.indexOf("Temu Alumni Gorontalo") ?? -1);
    expect(nearest.text).toMatch(/Jarak: \d,\d km/);
  });
});
