// The announcement card (channels and inline results) and the inline search.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMyChatMember, markEdited, recordPost } from "../../src/domain/announcements.js";
import { announceableEvents, announcementCard, canAnnounce, cardEditsFor, cardState, placeText } from "../../src/domain/events/card.js";
import { escapeHtml } from "../../src/domain/html.js";
import { cancelEvent, getEventWithSeats, updateEvent } from "../../src/domain/events/events.js";
import { INLINE_MAX_LIMIT, inlineArticle, searchInlineEvents } from "../../src/domain/events/inline.js";
import type { Event } from "../../src/generated/prisma/client.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { makeEvent, makeUser, NOW } from "./events-fixtures.js";
import { translator } from "./organisers-translate.js";

const id = translator("id");
const en = translator("en");

function event(data: Partial<Event> = {}): Event {
  return {
    id: 12,
    title: "Temu Alumni <Jambi> & Kawan",
    description: "",
    province: "15",
    city: "Kota Jambi",
    venueName: "Hotel Swiss-Belhotel Jambi",
    address: "Jl. Sultan Agung No. 99",
    latitude: null,
    longitude: null,
    startsAt: new Date("2027-03-10T02:00:00Z"),
    endsAt: new Date("2027-03-10T08:00:00Z"),
    timeZone: "Asia/Jakarta",
    capacity: 100,
    rsvpDeadline: null,
    audience: "semua",
    status: "published",
    maxCompanions: 0,
    isExample: false,
    createdBy: null,
    cancelledAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...data,
  };
}

const options = { t: id, locale: "id" as const, botUsername: "PrakerjaAlumniBot", now: NOW };

describe("announcement card", () => {
  it("shows title, date and time in the venue's zone, place, seats left and a Daftar deep link, all HTML-safe", () => {
    const card = announcementCard({ event: event(), seatsLeft: 37 }, options);
    expect(card.text).toBe(
      [
        "📣 <b>Temu Alumni &lt;Jambi&gt; &amp; Kawan</b>",
        "🗓 Rabu, 10 Maret 2027 pukul 09.00–15.00 WIB",
        "📍 Hotel Swiss-Belhotel Jambi, Jl. Sultan Agung No. 99, Kota Jambi, Jambi",
        "🪑 Sisa kursi: 37",
      ].join("\n"),
    );
    expect(card.replyMarkup).toEqual({ inline_keyboard: [[{ text: "Daftar", url: "https://t.me/PrakerjaAlumniBot?start=acara_12" }]] });
  });

  it("writes WITA and WIT for central and eastern provinces", () => {
    const wita = announcementCard({ event: event({ province: "75", city: "Kota Gorontalo", timeZone: "Asia/Makassar" }), seatsLeft: 5 }, options);
    expect(wita.text).toContain("pukul 10.00–16.00 WITA");
    const wit = announcementCard({ event: event({ province: "91", city: "Kota Jayapura", timeZone: "Asia/Jayapura" }), seatsLeft: 5 }, options);
    expect(wit.text).toContain("pukul 11.00–17.00 WIT");
  });

  it("says when the meetup is full, closed, alumni-only, unlimited, cancelled or over", () => {
    const full = announcementCard({ event: event(), seatsLeft: 0 }, options);
    expect(full.text).toContain("🔴 Penuh — daftar tunggu dibuka");
    expect(full.replyMarkup).not.toBeNull();
    expect(announcementCard({ event: event({ capacity: 0 }), seatsLeft: null }, options).text).toContain("Kursi tidak dibatasi");
    expect(announcementCard({ event: event({ audience: "alumni" }), seatsLeft: 3 }, options).text).toContain("Khusus alumni");
    const closed = announcementCard({ event: event({ rsvpDeadline: new Date("2027-02-28T00:00:00Z") }), seatsLeft: 3 }, options);
    expect(closed.text).toContain("Pendaftaran sudah ditutup");
    expect(closed.replyMarkup).toBeNull();
    const cancelled = announcementCard({ event: event({ status: "cancelled" }), seatsLeft: 3 }, options);
    expect(cancelled.text.split("\n")[0]).toBe("❌ <b>DIBATALKAN</b> — acara ini tidak jadi diadakan.");
    expect(cancelled.text).not.toContain("Sisa kursi");
    expect(cancelled.replyMarkup).toBeNull();
    const over = announcementCard({ event: event({ status: "completed" }), seatsLeft: 3 }, options);
    expect(over.text).toContain("Acara sudah selesai");
    expect(over.replyMarkup).toBeNull();
  });

  it("decides the state from status, time and seats", () => {
    expect(cardState(event(), 1, NOW)).toBe("open");
    expect(cardState(event({ capacity: 0 }), null, NOW)).toBe("open");
    expect(cardState(event(), 0, NOW)).toBe("full");
    expect(cardState(event(), 5, new Date("2027-03-10T03:00:00Z"))).toBe("closed");
    expect(cardState(event(), 5, new Date("2027-03-10T09:00:00Z"))).toBe("completed");
    expect(cardState(event({ status: "draft" }), 5, NOW)).toBe("draft");
    expect(canAnnounce(event(), NOW)).toBe(true);
    expect(canAnnounce(event({ status: "draft" }), NOW)).toBe(false);
    expect(canAnnounce(event(), new Date("2027-03-11T00:00:00Z"))).toBe(false);
  });

  it("speaks English when asked", () => {
    const card = announcementCard({ event: event(), seatsLeft: 0 }, { ...options, t: en, locale: "en" });
    expect(card.text).toContain("Wednesday, 10 March 2027 at 09:00–15:00 WIB");
    expect(card.text).toContain("Full — waiting list open");
    expect(card.replyMarkup?.inline_keyboard[0]?.[0]?.text).toBe("Register");
  });

  it("escapes what people type", () => {
    expect(escapeHtml(`<b>"A & B"</b>`).toString()).toBe(`&lt;b&gt;"A &amp; B"&lt;/b&gt;`);
    expect(placeText(event({ address: "  " }))).toBe("Hotel Swiss-Belhotel Jambi, Kota Jambi, Jambi");
  });
});

describe("inline search", () => {
  let t: TestDatabase;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.db;
    const at = (iso: string, hours = 4) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + hours * 3_600_000) });
    ids.jambi = (await makeEvent(db, { title: "Temu Alumni Prakerja Jambi", ...at("2027-03-10T02:00:00Z") })).id;
    ids.muaro = (await makeEvent(db, { title: "Kopdar Wirausaha", city: "Kabupaten Muaro Jambi", ...at("2027-03-20T02:00:00Z") })).id;
    ids.banjarbaru = (await makeEvent(db, { title: "Temu Alumni Banjarbaru", province: "63", city: "Kota Banjarbaru", timeZone: "Asia/Makassar", ...at("2027-03-05T02:00:00Z") })).id;
    ids.gorontalo = (await makeEvent(db, { title: "Workshop Digital Marketing", province: "75", city: "Kota Gorontalo", timeZone: "Asia/Makassar", ...at("2027-04-01T01:00:00Z") })).id;
    ids.surabaya = (await makeEvent(db, { title: "Temu Alumni Surabaya", province: "35", city: "Kota Surabaya", ...at("2027-05-01T01:00:00Z") })).id;
    // never listed: a draft, a cancelled one and one that has ended
    await makeEvent(db, { title: "Draf Jambi", status: "draft", ...at("2027-03-11T02:00:00Z") });
    await makeEvent(db, { title: "Batal Jambi", status: "cancelled", ...at("2027-03-12T02:00:00Z") });
    await makeEvent(db, { title: "Lalu Jambi", ...at("2027-02-01T02:00:00Z") });
  });

  afterAll(async () => {
    await t.close();
  });

  const search = async (query: string, limit?: number) => (await searchInlineEvents(t.db, query, { now: NOW, limit })).map((r) => r.event.id);

  it("lists the soonest upcoming public events for an empty query", async () => {
    expect(await search("")).toEqual([ids.banjarbaru, ids.jambi, ids.muaro, ids.gorontalo, ids.surabaya]);
    expect(await search("   ", 2)).toEqual([ids.banjarbaru, ids.jambi]);
  });

  it("matches a province, an alias, a kabupaten/kota or words of the title", async () => {
    expect(await search("jambi")).toEqual([ids.jambi, ids.muaro]);
    expect(await search("Provinsi Jambi")).toEqual([ids.jambi, ids.muaro]);
    expect(await search("jatim")).toEqual([ids.surabaya]);
    expect(await search("Kalimantan Selatan")).toEqual([ids.banjarbaru]);
    expect(await search("muaro")).toEqual([ids.muaro]);
    expect(await search("banjar")).toEqual([ids.banjarbaru]);
    expect(await search("digital marketing")).toEqual([ids.gorontalo]);
    expect(await search("temu alumni")).toEqual([ids.banjarbaru, ids.jambi, ids.surabaya]);
    expect(await search("atlantis")).toEqual([]);
  });

  it("is bounded", async () => {
    expect(await search("", 1000)).toHaveLength(5);
    expect(INLINE_MAX_LIMIT).toBe(50);
    expect(await search("temu", 1)).toEqual([ids.banjarbaru]);
  });

  it("offers /umumkan the upcoming published events of the organiser's provinces", async () => {
    const titles = async (provinces: string[] | null) => (await announceableEvents(t.db, { provinces, now: NOW })).map((r) => r.event.id);
    expect(await titles(["15"])).toEqual([ids.jambi, ids.muaro]);
    expect(await titles(["63", "75"])).toEqual([ids.banjarbaru, ids.gorontalo]);
    expect(await titles(null)).toEqual([ids.banjarbaru, ids.jambi, ids.muaro, ids.gorontalo, ids.surabaya]);
  });

  it("turns each event into an article with the card and its deep-link button", async () => {
    const [first] = await searchInlineEvents(t.db, "banjarbaru", { now: NOW });
    if (!first) throw new Error("expected a result");
    const article = inlineArticle(first, options);
    expect(article).toMatchObject({
      type: "article",
      id: `acara_${ids.banjarbaru}`,
      title: "Temu Alumni Banjarbaru",
      description: "Jumat, 5 Maret 2027 · Kota Banjarbaru",
      input_message_content: { parse_mode: "HTML", link_preview_options: { is_disabled: true } },
      reply_markup: { inline_keyboard: [[{ text: "Daftar", url: `https://t.me/PrakerjaAlumniBot?start=acara_${ids.banjarbaru}` }]] },
    });
    expect(article.input_message_content.message_text).toContain("pukul 10.00–14.00 WITA");
  });
});

describe("cards that follow their event", () => {
  it("edits a posted card only when the event changed, fills up or is cancelled", async () => {
    const t = await createTestDatabase();
    try {
      const db = t.db;
      const e = await makeEvent(db, { title: "Temu Alumni Jambi", capacity: 2 });
      await applyMyChatMember(db, { chat: { id: -100, type: "channel", title: "Prakerja Jambi" }, from: { id: 1 }, newStatus: "administrator", canPostMessages: true });
      // nothing posted yet: nothing to edit (and the card is not even rendered)
      expect(await cardEditsFor(db, e.id, options)).toBeNull();
      const item = await getEventWithSeats(db, e.id);
      if (!item) throw new Error("event expected");
      const posted = { card: announcementCard(item, options) };
      expect(posted.card.text).toContain("Sisa kursi: 2");
      const post = await recordPost(db, { chatId: -100n, messageId: 11, eventId: e.id, postedBy: 1n, card: posted.card });
      expect((await cardEditsFor(db, e.id, options))?.posts).toEqual([]);

      const moved = await updateEvent(db, e.id, { venueName: "Aula Baru" }, { now: NOW });
      expect(moved.ok).toBe(true);
      const afterMove = await cardEditsFor(db, e.id, options);
      expect(afterMove?.posts.map((p) => p.id)).toEqual([post.id]);
      expect(afterMove?.card.text).toContain("Aula Baru");
      if (afterMove) await markEdited(db, post.id, afterMove.card);
      expect((await cardEditsFor(db, e.id, options))?.posts).toEqual([]);

      const [u1, u2] = [await makeUser(db), await makeUser(db)];
      for (const u of [u1, u2]) await db.registration.create({ data: { eventId: e.id, userId: u.id, status: "confirmed", checkInToken: `tok${u.id}`.padEnd(22, "x") } });
      const full = await cardEditsFor(db, e.id, options);
      expect(full?.card.text).toContain("Penuh — daftar tunggu dibuka");
      expect(full?.posts).toHaveLength(1);
      if (full) await markEdited(db, post.id, full.card);

      await cancelEvent(db, e.id, { now: NOW });
      const cancelled = await cardEditsFor(db, e.id, options);
      expect(cancelled?.card.text).toContain("DIBATALKAN");
      expect(cancelled?.card.replyMarkup).toBeNull();
      expect(cancelled?.posts).toHaveLength(1);
      expect(await cardEditsFor(db, 999_999, options)).toBeNull();
    } finally {
      await t.close();
    }
  });
});
