import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Event } from "../../src/generated/prisma/client.js";
import { BotHarness, type TestUserInfo } from "../support/bot-harness.js";
import { onboard, PRIVACY_NOW } from "../support/privacy-fixtures.js";
import { buttons, fileOf, replyKeyboard, sendSticker, sentTo, shareContact, texts } from "./events-helpers.js";

let h: BotHarness;
const ani = { id: 7101, first_name: "Ani" };
const budi = { id: 7102, first_name: "Budi" };
const mallory = { id: 7103, first_name: "Mallory" };

beforeEach(async () => {
  h = await BotHarness.create({ now: () => PRIVACY_NOW });
});
afterEach(async () => {
  await h.close();
});

const day = (d: number, hourUtc = 2) => new Date(Date.UTC(2027, 2, d, hourUtc, 0));

async function event(data: Partial<Event> = {}): Promise<Event> {
  return h.db.event.create({
    data: {
      title: "Temu Alumni Prakerja Jambi",
      description: "Agenda: cerita sukses dan masukan untuk program.",
      province: "15",
      city: "Kota Jambi",
      venueName: "Hotel Swiss-Belhotel Jambi",
      address: "Jl. Sultan Agung No. 99",
      latitude: -1.6101,
      longitude: 103.6131,
      startsAt: day(10),
      endsAt: day(10, 8),
      timeZone: "Asia/Jakarta",
      capacity: 2,
      maxCompanions: 2,
      status: "published",
      ...data,
    },
  });
}

async function userId(u: TestUserInfo): Promise<number> {
  return (await h.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(u.id) } })).id;
}

describe("/acara", () => {
  it("lists upcoming published events with the user's province first, seats left and buttons, paginated", async () => {
    await onboard(h, ani, "15");
    await onboard(h, budi, "63");
    const jambi = await event({ title: "Temu Alumni Jambi", startsAt: day(20), endsAt: day(20, 8) });
    const kalsel = await event({ title: "Temu Alumni Banjarbaru", province: "63", city: "Kota Banjarbaru", timeZone: "Asia/Makassar", capacity: 0, latitude: null, longitude: null, startsAt: day(5), endsAt: day(5, 6) });
    const papua = await event({ title: "Temu Alumni Merauke", province: "93", city: "Kabupaten Merauke", timeZone: "Asia/Jayapura", capacity: 80, startsAt: day(12), endsAt: day(12, 6) });
    await event({ title: "Draf Rahasia", status: "draft" });

    const forAni = await h.send(ani, "/acara");
    const text = texts(forAni)[0] ?? "";
    expect(text).toContain("acara di provinsimu tampil paling atas");
    expect(text.indexOf("Temu Alumni Jambi")).toBeLessThan(text.indexOf("Temu Alumni Banjarbaru"));
    expect(text.indexOf("Temu Alumni Banjarbaru")).toBeLessThan(text.indexOf("Temu Alumni Merauke"));
    expect(text).toContain("Sabtu, 20 Maret 2027 pukul 09.00–15.00 WIB");
    expect(text).toContain("Jumat, 5 Maret 2027 pukul 10.00–14.00 WITA");
    expect(text).toContain("Jumat, 12 Maret 2027 pukul 11.00–15.00 WIT");
    expect(text).toContain("Sisa 2 kursi");
    expect(text).toContain("Kursi tidak dibatasi");
    expect(text).not.toContain("Draf Rahasia");
    expect(buttons(forAni).map((b) => b.data)).toEqual([
      `evd:${jambi.id}`, `evv:${jambi.id}`, `evr:${jambi.id}`,
      `evd:${kalsel.id}`, `evr:${kalsel.id}`,
      `evd:${papua.id}`, `evv:${papua.id}`, `evr:${papua.id}`,
    ]);

    const forBudi = texts(await h.send(budi, "/acara"))[0] ?? "";
    expect(forBudi.indexOf("Temu Alumni Banjarbaru")).toBeLessThan(forBudi.indexOf("Temu Alumni Jambi"));

    // seven more events: two pages of five
    for (let d = 21; d <= 27; d++) await event({ title: `Acara ${d}`, province: "32", city: "Kota Bandung", startsAt: day(d), endsAt: day(d, 6) });
    const first = await h.send(ani, "/acara");
    expect(buttons(first).map((b) => b.text).slice(-2)).toEqual(["1/2", "▶️"]);
    const second = await h.click(ani, "evl:1");
    const edit = second.find((c) => c.method === "editMessageText");
    expect(String(edit?.payload.text)).toContain("<b>6. Acara 23</b>");
    expect(buttons(second).map((b) => b.text).slice(-2)).toEqual(["◀️", "2/2"]);
  });

  it("shows details, the venue pin, and opens an event from its t.me link", async () => {
    await onboard(h, ani);
    const e = await event();
    const details = await h.click(ani, `evd:${e.id}`);
    const text = texts(details)[0] ?? "";
    expect(text).toContain("<b>Temu Alumni Prakerja Jambi</b>");
    expect(text).toContain("Rabu, 10 Maret 2027 pukul 09.00–15.00 WIB");
    expect(text).toContain("Jl. Sultan Agung No. 99, Kota Jambi, Jambi");
    expect(text).toContain(`https://t.me/prakerja_test_bot?start=acara_${e.id}`);
    expect(text).toContain("Pendaftaran ditutup Rabu, 10 Maret 2027 pukul 09.00 WIB");
    expect(buttons(details).map((b) => b.data ?? b.url)).toEqual([
      `evv:${e.id}`,
      `evr:${e.id}`,
      `https://t.me/share/url?url=${encodeURIComponent(`https://t.me/prakerja_test_bot?start=acara_${e.id}`)}`,
      "evl:0",
    ]);
    const venue = (await h.click(ani, `evv:${e.id}`)).find((c) => c.method === "sendVenue");
    expect(venue?.payload).toMatchObject({ latitude: -1.6101, longitude: 103.6131, title: "Hotel Swiss-Belhotel Jambi" });

    // a stranger who has never talked to the bot opens the event link
    const link = await h.send(budi, `/start acara_${e.id}`);
    expect(texts(link)[0]).toContain("<b>Temu Alumni Prakerja Jambi</b>");
    expect(texts(await h.send(budi, "/start acara_99999"))[0]).toContain("tidak ditemukan");
    expect(await h.db.user.count({ where: { telegramId: BigInt(budi.id) } })).toBe(0);
  });
});

describe("the RSVP conversation", () => {
  it("asks every question with validation, takes the phone only from the share-contact button, and sends the ticket with .ics and QR", async () => {
    await onboard(h, ani);
    const e = await event();
    const start = await h.click(ani, `evr:${e.id}`);
    expect(texts(start)).toEqual([
      "📝 Daftar ke <b>Temu Alumni Prakerja Jambi</b>. Cuma beberapa pertanyaan singkat, kok. Kalau berubah pikiran, ketik /batal kapan saja.",
      "Siapa nama lengkapmu? Ketuk tombol di bawah kalau namanya sudah benar, atau ketik namamu.",
    ]);
    expect(replyKeyboard(start).map((b) => b.text)).toEqual(["Ani"]);

    expect(texts(await h.send(ani, "A"))[0]).toContain("terlalu pendek");
    expect(texts(await sendSticker(h, ani))[0]).toContain("Balas dengan mengetik jawabanmu");
    const city = await h.send(ani, "Ani Wulandari");
    expect(texts(city)[0]).toContain("kabupaten/kota mana");
    expect(replyKeyboard(city).map((b) => b.text)).toContain("Kabupaten Muaro Jambi");

    const wrongCity = await h.send(ani, "Bandung");
    expect(texts(wrongCity)[0]).toContain('Aku belum menemukan "Bandung" di daftar kabupaten/kota Jambi');
    const gelombang = await h.send(ani, "muaro jambii");
    expect(texts(gelombang)[0]).toContain("gelombang berapa");
    expect(replyKeyboard(gelombang).map((b) => b.text)).toEqual(["Belum pernah ikut Prakerja"]);

    expect(texts(await h.send(ani, "200"))[0]).toContain("angka 1 sampai 100");
    expect(texts(await h.send(ani, "gelombang 12"))[0]).toContain("Pelatihan apa");
    const phone = await h.send(ani, "Pemasaran Digital untuk UMKM");
    expect(texts(phone)[0]).toContain("nomor HP");
    expect(replyKeyboard(phone)).toEqual([{ text: "📱 Bagikan nomor HP-ku", request_contact: true }, { text: "Lewati" }]);

    // a typed number is not accepted, nor someone else's contact
    expect(texts(await h.send(ani, "081234567890"))[0]).toContain("hanya bisa dibagikan lewat tombol");
    expect(texts(await shareContact(h, ani, "+628999999999", 424299))[0]).toContain("kontak orang lain");
    const companions = await shareContact(h, ani, "6281234567890");
    expect(texts(companions)[0]).toContain("Berapa pendamping");
    expect(replyKeyboard(companions).map((b) => b.text)).toEqual(["0", "1", "2"]);
    expect(texts(await h.send(ani, "5"))[0]).toContain("Pilih angka 0 sampai 2");
    expect(await h.db.registration.count()).toBe(0);

    const done = await h.send(ani, "1");
    expect(done.map((c) => c.method)).toEqual(["sendMessage", "sendPhoto", "sendDocument"]);
    expect(texts(done)[0]).toContain("🎉 Pendaftaranmu untuk <b>Temu Alumni Prakerja Jambi</b> sudah terkonfirmasi!");
    expect(done[0]?.payload.reply_markup).toEqual({ remove_keyboard: true });
    const registration = await h.db.registration.findFirstOrThrow();
    expect(registration).toMatchObject({
      status: "confirmed",
      fullName: "Ani Wulandari",
      city: "Kabupaten Muaro Jambi",
      gelombang: 12,
      training: "Pemasaran Digital untuk UMKM",
      phone: "+6281234567890",
      companions: 1,
    });
    const qr = fileOf(done[1], "photo");
    expect(qr.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(String(done[1]?.payload.caption)).toContain(registration.checkInToken);
    const ics = fileOf(done[2], "document");
    expect(ics.name).toBe("temu-alumni-prakerja-jambi.ics");
    expect(ics.bytes.toString()).toContain("DTSTART:20270310T020000Z");
    expect(ics.bytes.toString()).toContain(`URL:https://t.me/prakerja_test_bot?start=acara_${e.id}`);

    // registering again updates the same registration, with the old answers on the buttons
    const again = await h.click(ani, `evr:${e.id}`);
    expect(texts(again)[0]).toContain("Kamu sudah terdaftar");
    expect(replyKeyboard(again).map((b) => b.text)).toEqual(["Ani Wulandari"]);
    expect(await h.db.registration.count()).toBe(1);
  });

  it("asks a newcomer for consent last, stores nothing if they decline, and registers them if they agree", async () => {
    const e = await event();
    await h.send(budi, `/start acara_${e.id}`);
    const answers = async () => {
      await h.click(budi, `evr:${e.id}`);
      await h.send(budi, "Budi Santoso");
      await h.send(budi, "Kota Jambi");
      await h.send(budi, "Belum pernah ikut Prakerja");
      await h.send(budi, "Lewati");
      return h.send(budi, "0");
    };
    const consent = await answers();
    expect(texts(consent)[0]).toContain("aku perlu menyimpan jawabanmu");
    expect(texts(await h.send(budi, "Tidak setuju"))[0]).toContain("Pendaftaranmu tidak disimpan");
    expect(await h.db.user.count({ where: { telegramId: BigInt(budi.id) } })).toBe(0);
    expect(await h.db.registration.count()).toBe(0);

    await answers();
    const done = await h.send(budi, "✅ Setuju");
    expect(texts(done)[0]).toContain("sudah terkonfirmasi");
    const user = await h.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(budi.id) } });
    expect(user.consentAt).toEqual(PRIVACY_NOW);
    expect(await h.db.registration.findFirstOrThrow()).toMatchObject({ userId: user.id, gelombang: null, training: null, phone: null });
  });

  it("turns away non-alumni from alumni-only events and keeps nothing", async () => {
    await h.send(ani, "/start");
    await h.click(ani, "consent:yes");
    await h.click(ani, "role:calon");
    await h.click(ani, "prov:15");
    const e = await event({ audience: "alumni" });
    await h.click(ani, `evr:${e.id}`);
    await h.send(ani, "Ani Wulandari");
    await h.send(ani, "Kota Jambi");
    const refused = await h.send(ani, "Belum pernah ikut Prakerja");
    expect(texts(refused)[0]).toContain("khusus untuk alumni Prakerja");
    expect(await h.db.registration.count()).toBe(0);
  });

  it("gets its answers before any other feature: with the province question still open, the name and a city named like a province go to the RSVP", async () => {
    await h.send(ani, "/start");
    await h.click(ani, "consent:yes");
    await h.click(ani, "role:alumni");
    // the province question is left unanswered; Ani registers for an event instead
    const e = await event();
    await h.click(ani, `evr:${e.id}`);
    expect(texts(await h.send(ani, "Ani Wulandari"))[0]).toContain("kabupaten/kota mana");
    expect(texts(await h.send(ani, "Jambi"))[0]).toContain("gelombang berapa");
    expect((await h.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(ani.id) } })).province).toBeNull();
  });

  it("leaves the conversation when the user types another command", async () => {
    await onboard(h, ani);
    const e = await event();
    await h.click(ani, `evr:${e.id}`);
    const list = await h.send(ani, "/acara");
    expect(texts(list)[0]).toContain("Temu Alumni Prakerja");
    // the next text is not taken as a name any more
    const after = await h.send(ani, "Ani Wulandari");
    expect(texts(after).join("\n")).not.toContain("kabupaten/kota mana");
    expect(await h.db.registration.count()).toBe(0);
  });
});

describe("/rsvpku, cancellation and the waitlist", () => {
  it("cancelling hands the seat to the first waiting person, who can accept it; forged buttons change nothing", async () => {
    await onboard(h, ani);
    await onboard(h, budi);
    await onboard(h, mallory);
    const e = await event({ capacity: 1, maxCompanions: 0 });
    const register = async (u: TestUserInfo, name: string) => {
      await h.click(u, `evr:${e.id}`);
      await h.send(u, name);
      await h.send(u, "Kota Jambi");
      await h.send(u, "7");
      await h.send(u, "Lewati");
      return h.send(u, "Lewati");
    };
    expect(texts(await register(ani, "Ani Wulandari"))[0]).toContain("sudah terkonfirmasi");
    expect(texts(await register(budi, "Budi Santoso"))[0]).toContain("daftar tunggu nomor 1");

    const mine = await h.send(ani, "/rsvpku");
    const aniReg = await h.db.registration.findFirstOrThrow({ where: { userId: await userId(ani) } });
    const budiReg = await h.db.registration.findFirstOrThrow({ where: { userId: await userId(budi) } });
    expect(texts(mine)[0]).toContain("Terkonfirmasi (1 kursi)");
    expect(buttons(mine).map((b) => b.data)).toEqual([`rsv:ticket:${aniReg.id}`, `evr:${e.id}`, `rsv:cancel:${aniReg.id}`]);
    expect(texts(await h.send(budi, "/rsvpku"))[0]).toContain("Daftar tunggu nomor 1");

    // Mallory forges Ani's and Budi's buttons
    for (const data of [`rsv:cancelok:${aniReg.id}`, `rsv:ticket:${aniReg.id}`, `ofr:accept:${budiReg.id}`, `ofr:decline:${budiReg.id}`]) {
      const forged = await h.click(mallory, data);
      expect(forged.find((c) => c.method === "answerCallbackQuery")?.payload.text, data).toContain("Tombol ini sudah tidak berlaku");
    }
    expect((await h.db.registration.findUniqueOrThrow({ where: { id: aniReg.id } })).status).toBe("confirmed");

    const ticket = await h.click(ani, `rsv:ticket:${aniReg.id}`);
    expect(ticket.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendMessage", "sendPhoto", "sendDocument"]);

    expect(texts(await h.click(ani, `rsv:cancel:${aniReg.id}`))[0]).toContain("Yakin mau membatalkan");
    const cancelled = await h.click(ani, `rsv:cancelok:${aniReg.id}`);
    expect(texts(sentTo(cancelled, ani.id)).join("\n")).toContain("sudah dibatalkan");
    const offer = sentTo(cancelled, budi.id);
    expect(texts(offer)[0]).toContain("Ada kursi kosong di <b>Temu Alumni Prakerja Jambi</b>");
    expect(texts(offer)[0]).toContain("Selasa, 2 Maret 2027 pukul 10.00 WIB");
    expect(buttons(offer).map((b) => b.data)).toEqual([`ofr:accept:${budiReg.id}`, `ofr:decline:${budiReg.id}`]);

    const accepted = await h.click(budi, `ofr:accept:${budiReg.id}`);
    expect(texts(accepted)[0]).toContain("Kursimu di <b>Temu Alumni Prakerja Jambi</b> sudah terkonfirmasi");
    expect(accepted.some((c) => c.method === "sendDocument")).toBe(true);
    expect((await h.db.registration.findUniqueOrThrow({ where: { id: budiReg.id } })).status).toBe("confirmed");
    // pressing it again is harmless
    expect(texts(await h.click(budi, `ofr:decline:${budiReg.id}`))[0]).toContain("sudah tidak berlaku");
    expect(texts(await h.send(ani, "/rsvpku"))[0]).toContain("belum terdaftar");
  });
});
