// Issue 16 through bot.handleUpdate: organisers managed by the owners, announcement chats learnt from
// my_chat_member, /umumkan posting a card that then follows its event, inline results, nearest meetups.
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotHarness, type RecordedCall, type TestUserInfo } from "../support/bot-harness.js";
import { onboard, OWNER, PRIVACY_NOW } from "../support/privacy-fixtures.js";
import { buttons, replyKeyboard, sendLocation, texts } from "./events-helpers.js";

let h: BotHarness;
const NOW = PRIVACY_NOW;
const jambiOrganiser = { id: 7_100_001, first_name: "Rahmat" };
const ani = { id: 7_200_001, first_name: "Ani" };
const budi = { id: 7_200_002, first_name: "Budi" };
const channel = { id: -1001234567890, type: "channel" as const, title: "Temu Alumni Jambi", username: "temualumnijambi" };
const UNKNOWN = "Maaf, aku tidak mengenal perintah itu. Ketik /bantuan untuk melihat daftar perintah, atau /menu.";

beforeEach(async () => {
  h = await BotHarness.create({ now: () => NOW });
});
afterEach(async () => {
  await h.close();
});

async function event(data: { title: string; province?: string; city?: string; capacity?: number; lat?: number | null; lon?: number | null; timeZone?: string; day?: number }) {
  const day = data.day ?? 10;
  return h.db.event.create({
    data: {
      title: data.title,
      province: data.province ?? "15",
      city: data.city ?? "Kota Jambi",
      venueName: "Aula",
      address: "Jl. Contoh 1",
      startsAt: new Date(Date.UTC(2027, 2, day, 2)),
      endsAt: new Date(Date.UTC(2027, 2, day, 8)),
      timeZone: data.timeZone ?? "Asia/Jakarta",
      capacity: data.capacity ?? 10,
      maxCompanions: 0,
      status: "published",
      latitude: data.lat === undefined ? null : data.lat,
      longitude: data.lon === undefined ? null : data.lon,
    },
  });
}

async function botMembership(chat: typeof channel, status: "administrator" | "left", by: TestUserInfo = OWNER): Promise<RecordedCall[]> {
  const before = h.calls.length;
  const bot = { id: 424242, is_bot: true, first_name: "Prakerja Test Bot", username: "prakerja_test_bot" };
  const admin = { status: "administrator", user: bot, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true, can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true, can_invite_users: true, can_post_messages: true, can_edit_messages: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false };
  const left = { status: "left", user: bot };
  await h.handle({
    my_chat_member: {
      chat,
      from: { id: by.id, is_bot: false, first_name: by.first_name ?? "x" },
      date: Math.floor(NOW.getTime() / 1000),
      old_chat_member: status === "administrator" ? left : admin,
      new_chat_member: status === "administrator" ? admin : left,
    },
  } as unknown as Omit<Update, "update_id">);
  return h.calls.slice(before);
}

describe("organisers managed by the owners", () => {
  it("adds, lists, changes and removes an organiser; only owners may", async () => {
    const added = await h.send(OWNER, `/penyelenggara_tambah ${jambiOrganiser.id} Jambi, 75`);
    expect(texts(added)).toEqual([`✅ ${jambiOrganiser.id} sekarang penyelenggara untuk: Jambi, Gorontalo.`]);
    expect(await h.app.kit.deps.admins.actorOf(jambiOrganiser.id)).toEqual({ kind: "organiser", telegramId: BigInt(jambiOrganiser.id), provinces: ["15", "75"] });
    expect(texts(await h.send(OWNER, `/penyelenggara_tambah ${jambiOrganiser.id} jambi`))[0]).toContain("sekarang: Jambi.");
    const list = texts(await h.send(OWNER, "/admin_daftar"))[0] ?? "";
    expect(list).toContain(`${OWNER.id} — pemilik`);
    expect(list).toContain(`${jambiOrganiser.id} — penyelenggara: Jambi`);

    expect(texts(await h.send(OWNER, `/penyelenggara_tambah ${jambiOrganiser.id} Atlantis`))[0]).toContain('Provinsi "Atlantis" tidak dikenali');
    expect(texts(await h.send(OWNER, `/penyelenggara_tambah ${jambiOrganiser.id}`))[0]).toContain("Cara pakai");
    expect(texts(await h.send(OWNER, `/penyelenggara_tambah ${OWNER.id} Jambi`))[0]).toContain("pemilik bot");
    // an organiser cannot manage staff (and is told who can)
    expect(texts(await h.send(jambiOrganiser, `/penyelenggara_tambah ${ani.id} Jambi`))).toEqual(["Hanya pemilik bot (ADMIN_IDS) yang bisa mengelola admin."]);
    expect(texts(await h.send(jambiOrganiser, `/admin_tambah ${ani.id}`))).toEqual(["Hanya pemilik bot (ADMIN_IDS) yang bisa mengelola admin."]);
    // national tools stay national: the FAQ editor is not an organiser's
    expect(texts(await h.send(jambiOrganiser, "/faq_admin"))).toEqual([UNKNOWN]);

    expect(texts(await h.send(OWNER, `/penyelenggara_hapus ${jambiOrganiser.id}`))).toEqual([`✅ ${jambiOrganiser.id} bukan penyelenggara lagi.`]);
    expect(await h.app.kit.deps.admins.actorOf(jambiOrganiser.id)).toBeNull();
    expect(texts(await h.send(OWNER, `/penyelenggara_hapus ${jambiOrganiser.id}`))).toEqual([`${jambiOrganiser.id} bukan penyelenggara.`]);
    expect(texts(await h.send(jambiOrganiser, "/umumkan"))).toEqual([UNKNOWN]);
  });
});

describe("announcement chats and /umumkan", () => {
  it("remembers a channel the bot administers, tells the owners, forgets it when removed", async () => {
    const made = await botMembership(channel, "administrator");
    expect(made.filter((c) => c.method === "sendMessage").map((c) => [c.payload.chat_id, c.payload.text])).toEqual([
      [String(OWNER.id), "📣 Bot sekarang admin di kanal <b>Temu Alumni Jambi</b>. Kartu acara bisa dikirim ke sana dengan /umumkan."],
    ]);
    expect(await h.db.announcementChat.findMany({ select: { chatId: true, type: true, title: true } })).toEqual([{ chatId: BigInt(channel.id), type: "channel", title: "Temu Alumni Jambi" }]);
    const removed = await botMembership(channel, "left");
    expect(texts(removed)).toEqual(["Bot tidak lagi admin di <b>Temu Alumni Jambi</b>; obrolan itu tidak dipakai lagi untuk pengumuman."]);
    expect(await h.db.announcementChat.count()).toBe(0);
    // no session was written for the channel
    expect(await h.db.session.count({ where: { key: { contains: String(channel.id) } } })).toBe(0);
  });

  it("an organiser posts a card of their event to a channel; it follows seats, edits and cancellation, and a deleted post is forgotten", async () => {
    await h.send(OWNER, `/penyelenggara_tambah ${jambiOrganiser.id} Jambi`);
    await botMembership(channel, "administrator");
    const jambi = await event({ title: "Temu Alumni Jambi", capacity: 1 });
    const gorontalo = await event({ title: "Temu Alumni Gorontalo", province: "75", city: "Kota Gorontalo", timeZone: "Asia/Makassar" });

    const pick = await h.send(jambiOrganiser, "/umumkan");
    expect(texts(pick)[0]).toContain("Temu Alumni Jambi");
    expect(texts(pick)[0]).not.toContain("Gorontalo");
    expect(buttons(pick).map((b) => b.data)).toEqual([`umk:${jambi.id}`]);
    // another province's event, typed or forged, gets the ordinary refusal
    expect(texts(await h.send(jambiOrganiser, `/umumkan ${gorontalo.id}`))).toEqual(["Maaf, acara itu tidak ditemukan atau sudah tidak dibuka. Ketik /acara untuk melihat acara yang ada."]);
    const forged = await h.click(jambiOrganiser, `umkp:${gorontalo.id}:${channel.id}`);
    expect(forged.map((c) => [c.method, c.payload.text])).toEqual([["answerCallbackQuery", "Tombol ini sudah tidak berlaku. Ketik /menu untuk mulai lagi."]]);

    const chats = await h.click(jambiOrganiser, `umk:${jambi.id}`);
    expect(buttons(chats)).toEqual([{ text: "📢 Temu Alumni Jambi", data: `umkp:${jambi.id}:${channel.id}`, url: undefined }]);
    const posted = await h.click(jambiOrganiser, `umkp:${jambi.id}:${channel.id}`);
    const post = posted.find((c) => c.method === "sendMessage" && c.payload.chat_id === String(channel.id));
    expect(String(post?.payload.text)).toContain("📣 <b>Temu Alumni Jambi</b>");
    expect(String(post?.payload.text)).toContain("Rabu, 10 Maret 2027 pukul 09.00–15.00 WIB");
    expect(String(post?.payload.text)).toContain("Sisa kursi: 1");
    expect(post?.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: "Daftar", url: `https://t.me/prakerja_test_bot?start=acara_${jambi.id}` }]] });
    expect(texts(posted).at(-1)).toContain("https://t.me/temualumnijambi/");
    const stored = await h.db.announcementPost.findFirstOrThrow();
    expect(stored).toMatchObject({ chatId: BigInt(channel.id), eventId: jambi.id, postedBy: BigInt(jambiOrganiser.id) });

    // the event fills up (Ani takes the last seat through the bot's domain), then a seat is freed
    await onboard(h, ani);
    const { reserveSeat } = await import("../../src/domain/events/rsvp.js");
    const user = await h.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(ani.id) } });
    const reserved = await reserveSeat(h.db, { eventId: jambi.id, userId: user.id, fullName: "Ani", city: "Kota Jambi", gelombang: null, training: null, phone: null, companions: 0, now: NOW });
    expect(reserved).toMatchObject({ ok: true });
    const full = await h.app.kit.eventsNotifier.seatsOrDetailsChanged(jambi.id);
    expect(full).toEqual({ edited: 1, forgotten: 0, failed: 0 });
    const edit = h.calls.filter((c) => c.method === "editMessageText").at(-1);
    expect(edit?.payload).toMatchObject({ chat_id: String(channel.id), message_id: stored.messageId });
    expect(String(edit?.payload.text)).toContain("Penuh — daftar tunggu dibuka");
    // nothing changed since: no edit is sent at all
    const editsBefore = h.calls.filter((c) => c.method === "editMessageText").length;
    expect(await h.app.kit.eventsNotifier.seatsOrDetailsChanged(jambi.id)).toEqual({ edited: 0, forgotten: 0, failed: 0 });
    expect(h.calls.filter((c) => c.method === "editMessageText")).toHaveLength(editsBefore);

    // Ani cancels in /rsvpku: the seat is free again and the card says so
    const registration = await h.db.registration.findFirstOrThrow({ where: { eventId: jambi.id } });
    const cancelled = await h.click(ani, `rsv:cancelok:${registration.id}`);
    expect(cancelled.filter((c) => c.method === "editMessageText" && c.payload.chat_id === String(channel.id)).map((c) => String(c.payload.text))).toEqual([expect.stringContaining("Sisa kursi: 1")]);

    // Telegram says "not modified" (the card was edited elsewhere to the same text): counted as done
    let refusal = "Bad Request: message is not modified: specified new message content and reply markup are exactly the same";
    h.app.bot.api.config.use((prev, method, payload, signal) => (method === "editMessageText" && refusal ? Promise.resolve({ ok: false, error_code: 400, description: refusal } as never) : prev(method, payload, signal)));
    await h.db.event.update({ where: { id: jambi.id }, data: { venueName: "Aula Baru" } });
    expect(await h.app.kit.eventsNotifier.seatsOrDetailsChanged(jambi.id)).toEqual({ edited: 0, forgotten: 0, failed: 0 });
    expect(await h.db.announcementPost.count()).toBe(1);
    // the admins of the channel deleted the post: it is forgotten
    refusal = "Bad Request: message to edit not found";
    await h.db.event.update({ where: { id: jambi.id }, data: { venueName: "Aula Lama" } });
    expect(await h.app.kit.eventsNotifier.seatsOrDetailsChanged(jambi.id)).toEqual({ edited: 0, forgotten: 1, failed: 0 });
    expect(await h.db.announcementPost.count()).toBe(0);
    expect(await h.db.announcementChat.count()).toBe(1);
  });

  it("an RSVP through the registration conversation edits the card right away", async () => {
    await botMembership(channel, "administrator");
    const jambi = await event({ title: "Temu Alumni Jambi", capacity: 3 });
    const posted = await h.click(OWNER, `umkp:${jambi.id}:${channel.id}`);
    expect(String(posted.find((c) => c.method === "sendMessage" && c.payload.chat_id === String(channel.id))?.payload.text)).toContain("Sisa kursi: 3");
    const stored = await h.db.announcementPost.findFirstOrThrow();

    await onboard(h, ani);
    await h.click(ani, `evr:${jambi.id}`);
    for (const answer of ["Ani Wulandari", "Kota Jambi", "Belum pernah ikut Prakerja"]) await h.send(ani, answer);
    const done = await h.send(ani, "Lewati");
    expect(texts(done).some((t) => t.includes("sudah terkonfirmasi"))).toBe(true);
    expect(await h.db.registration.findFirstOrThrow({ where: { eventId: jambi.id } })).toMatchObject({ status: "confirmed", fullName: "Ani Wulandari" });
    // the channel post now shows the seat taken, edited in the same update
    const edits = done.filter((c) => c.method === "editMessageText" && c.payload.chat_id === String(channel.id));
    expect(edits.map((c) => c.payload.message_id)).toEqual([stored.messageId]);
    expect(String(edits[0]?.payload.text)).toContain("Sisa kursi: 2");
    expect(await h.db.announcementPost.findFirstOrThrow()).toMatchObject({ id: stored.id });
  });

  it("a cancelled event's card loses its button", async () => {
    await botMembership(channel, "administrator");
    const jambi = await event({ title: "Temu Alumni Jambi" });
    await h.click(OWNER, `umkp:${jambi.id}:${channel.id}`);
    expect(await h.db.announcementPost.count()).toBe(1);
    await h.click(OWNER, `aev:cancelok:${jambi.id}`);
    const edit = h.calls.filter((c) => c.method === "editMessageText" && c.payload.chat_id === String(channel.id)).at(-1);
    expect(String(edit?.payload.text)).toContain("DIBATALKAN");
    expect(edit?.payload.reply_markup).toEqual({ inline_keyboard: [] });
  });
});

describe("inline mode", () => {
  it("answers with upcoming events matching the query, the same for everyone; an empty query lists the soonest", async () => {
    const jambi = await event({ title: "Temu Alumni Jambi", day: 12 });
    await event({ title: "Temu Alumni Gorontalo", province: "75", city: "Kota Gorontalo", timeZone: "Asia/Makassar", day: 11 });
    const answers = async (query: string) => {
      const before = h.calls.length;
      await h.handle({ inline_query: { id: `q${query}`, from: { id: budi.id, is_bot: false, first_name: "Budi" }, query, offset: "" } });
      const calls = h.calls.slice(before);
      expect(calls.map((c) => c.method)).toEqual(["answerInlineQuery"]);
      return calls[0]?.payload as { results: { id: string; title: string; reply_markup?: unknown; input_message_content: { message_text: string } }[]; cache_time: number; is_personal: boolean };
    };
    const found = await answers("jambi");
    expect(found.results.map((r) => r.id)).toEqual([`acara_${jambi.id}`]);
    expect(found.results[0]?.reply_markup).toEqual({ inline_keyboard: [[{ text: "Daftar", url: `https://t.me/prakerja_test_bot?start=acara_${jambi.id}` }]] });
    expect(found.results[0]?.input_message_content.message_text).toContain("📣 <b>Temu Alumni Jambi</b>");
    expect(found.is_personal).toBe(false);
    expect(found.cache_time).toBeLessThanOrEqual(60);
    expect((await answers("")).results.map((r) => r.title)).toEqual(["Temu Alumni Gorontalo", "Temu Alumni Jambi"]);
    expect((await answers("atlantis")).results).toEqual([]);
    // nothing about the person who asked is stored
    expect(await h.db.user.count()).toBe(0);
  });
});

describe("nearest meetups", () => {
  it("/acara offers a location button; a shared location lists events by distance with the distance shown", async () => {
    await onboard(h, ani);
    await event({ title: "Temu Alumni Gorontalo", province: "75", city: "Kota Gorontalo", timeZone: "Asia/Makassar", lat: 0.5435, lon: 123.0568 });
    await event({ title: "Temu Alumni Jambi", lat: -1.6101, lon: 103.6131 });
    await event({ title: "Temu Alumni Banjarbaru", province: "63", city: "Kota Banjarbaru", timeZone: "Asia/Makassar" });
    const list = await h.send(ani, "/acara");
    expect(replyKeyboard(list)).toEqual([{ text: "📍 Kirim lokasi", request_location: true }]);

    const near = await sendLocation(h, ani, -1.6, 103.6);
    const [title, body] = texts(near);
    expect(title).toContain("Acara terdekat");
    expect(near[0]?.payload.reply_markup).toEqual({ remove_keyboard: true });
    const order = ["Temu Alumni Jambi", "Temu Alumni Banjarbaru", "Temu Alumni Gorontalo"].map((t) => body?.indexOf(t) ?? -1);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body).toMatch(/Jarak: 1,\d km/);
    expect(body).toMatch(/Jarak: ± [\d.]+ km \(dari pusat Kota Banjarbaru\)/);
    expect(buttons(near)[0]?.data).toMatch(/^evd:/);
  });
});
