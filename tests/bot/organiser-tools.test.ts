// Province-scoped organisers (issue 16) using /buatacara and /siaran through bot.handleUpdate: an organiser
// for Jambi creates events only in Jambi and broadcasts only to Jambi's users or the participants of Jambi's
// events. Forged buttons for Gorontalo get the ordinary refusal and queue nothing; a scope that changes
// while a conversation is open is asked again when saving. National staff keep every choice.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotHarness, type RecordedCall, type TestUserInfo } from "../support/bot-harness.js";
import { seedUsers } from "../support/broadcast-fixtures.js";
import { OWNER, PRIVACY_NOW } from "../support/privacy-fixtures.js";
import { buttons, replyKeyboard, texts } from "./events-helpers.js";

let h: BotHarness;
const organiser = { id: 7_300_001, first_name: "Rahmat" };
const BUTTON_EXPIRED = "Tombol ini sudah tidak berlaku. Ketik /menu untuk mulai lagi.";
const OUTSIDE = "Maaf, kamu hanya bisa mengadakan acara di wilayahmu sebagai penyelenggara (Jambi), dan Gorontalo di luar wilayah itu. Pilih salah satu provinsimu lewat tombol di bawah, ya.";

afterEach(async () => {
  await h.close();
});

async function makeOrganiser(codes: string[], who: TestUserInfo = organiser): Promise<void> {
  expect(await h.app.kit.deps.admins.addOrganiser(BigInt(who.id), codes, BigInt(OWNER.id))).toMatchObject({ ok: true });
}

const text = (calls: RecordedCall[]) => texts(calls).join("\n");
const labels = (calls: RecordedCall[]) => replyKeyboard(calls).map((b) => b.text);
const data = (calls: RecordedCall[]) => buttons(calls).map((b) => b.data ?? b.url ?? "");
/** The toast of an answered button press, and whether anything else was sent or edited. */
function refusalOf(calls: RecordedCall[]) {
  return { toast: calls.find((c) => c.method === "answerCallbackQuery")?.payload.text, other: calls.filter((c) => c.method !== "answerCallbackQuery").map((c) => c.method) };
}

describe("/buatacara for an organiser", () => {
  beforeEach(async () => {
    h = await BotHarness.create({ now: () => PRIVACY_NOW });
  });

  /** Answers every question after the province (17 updates in all stay below the flood limit of 20). */
  async function answerTheRest(who: TestUserInfo): Promise<RecordedCall[]> {
    for (const answer of ["Kota Jambi", "Aula Dinas", "Jl. Sultan Agung No. 9", "Lewati", "10-04-2027 09.00", "12.00", "50", "Lewati", "Semua orang", "0"]) {
      await h.send(who, answer);
    }
    return h.send(who, "Lewati");
  }

  it("offers only Jambi, refuses Gorontalo politely (nothing saved) and publishes the Jambi event", async () => {
    await makeOrganiser(["15"]);
    expect(texts(await h.send(organiser, "/buatacara"))[1]).toContain("Apa judul acaranya?");
    const province = await h.send(organiser, "Temu Alumni Jambi 2027");
    expect(text(province)).toBe("Di provinsi mana? Kamu penyelenggara untuk Jambi, jadi pilih salah satunya lewat tombol di bawah.");
    expect(labels(province)).toEqual(["Jambi"]);

    const refused = await h.send(organiser, "Gorontalo");
    expect(texts(refused)).toEqual([OUTSIDE]);
    expect(labels(refused)).toEqual(["Jambi"]);
    // an unknown name suggests only the organiser's own provinces
    const unknown = await h.send(organiser, "Atlantis");
    expect(text(unknown)).toContain('provinsi "Atlantis" tidak dikenali');
    expect(labels(unknown)).toEqual(["Jambi"]);
    expect(await h.db.event.count()).toBe(0);

    expect(text(await h.send(organiser, "jambi"))).toContain("Kabupaten/kota mana di Jambi?");
    const preview = await answerTheRest(organiser);
    expect(data(preview)).toEqual(["acp:publish", "acp:draft", "acp:discard"]);
    const published = await h.click(organiser, "acp:publish");
    const saved = await h.db.event.findFirstOrThrow();
    expect(saved).toMatchObject({ title: "Temu Alumni Jambi 2027", province: "15", city: "Kota Jambi", status: "published", timeZone: "Asia/Jakarta", createdBy: BigInt(organiser.id) });
    expect(text(published)).toContain(`https://t.me/prakerja_test_bot?start=acara_${saved.id}`);
    expect(await h.db.event.count()).toBe(1);
  });

  it("an organiser of several provinces gets them all as buttons; /batal after a refusal saves nothing", async () => {
    await makeOrganiser(["63", "15"]);
    await h.send(organiser, "/buatacara");
    const province = await h.send(organiser, "Temu Alumni Bersama");
    expect(labels(province)).toEqual(["Jambi", "Kalimantan Selatan"]);
    expect(text(await h.send(organiser, "Gorontalo"))).toContain("(Jambi, Kalimantan Selatan), dan Gorontalo di luar wilayah itu");
    await h.send(organiser, "/batal");
    expect(await h.db.event.count()).toBe(0);
  });

  it("editing the place of their own event offers only their provinces too, and the event stays in Jambi", async () => {
    await makeOrganiser(["15"]);
    const jambi = await h.db.event.create({
      data: { title: "Temu Alumni Jambi", province: "15", city: "Kota Jambi", venueName: "Aula", address: "Jl. Contoh 1", startsAt: new Date("2027-03-10T02:00:00Z"), endsAt: new Date("2027-03-10T08:00:00Z"), timeZone: "Asia/Jakarta", capacity: 10, status: "published" },
    });
    const province = await h.click(organiser, `aef:place:${jambi.id}`);
    expect(labels(province)).toEqual(["Jambi"]);
    expect(texts(await h.send(organiser, "Gorontalo"))).toEqual([OUTSIDE]);
    await h.send(organiser, "/batal");
    expect(await h.db.event.findUniqueOrThrow({ where: { id: jambi.id } })).toMatchObject({ province: "15", city: "Kota Jambi" });
  });

  it("the scope is asked again when saving: provinces taken away mid-conversation mean nothing is saved", async () => {
    await makeOrganiser(["15"]);
    await h.send(organiser, "/buatacara");
    await h.send(organiser, "Temu Alumni Jambi 2027");
    await h.send(organiser, "Jambi");
    await answerTheRest(organiser);
    // the owner moves the organiser to Gorontalo before the preview is confirmed
    await makeOrganiser(["75"]);
    const refused = await h.click(organiser, "acp:publish");
    expect(text(refused)).toContain("⚠️ Perubahan belum disimpan:");
    expect(text(refused)).toContain('provinsi "Jambi" di luar wilayahmu sebagai penyelenggara');
    expect(await h.db.event.count()).toBe(0);
  });
});

describe("/siaran for an organiser", () => {
  let messageId = 80_000;

  beforeEach(async () => {
    h = await BotHarness.create();
    await seedUsers(h.db, [
      { telegramId: 7401n, role: "alumni", province: "15" },
      { telegramId: 7402n, role: "calon", province: "15" },
      { telegramId: 7403n, role: "alumni", province: "75" },
      { telegramId: 7404n, role: "alumni", province: "63" },
    ]);
  });

  async function event(title: string, province: string, city: string, timeZone: string) {
    return h.db.event.create({
      data: { title, province, city, venueName: "Aula", address: "Jl. Contoh 1", startsAt: new Date("2030-03-10T02:00:00Z"), endsAt: new Date("2030-03-10T08:00:00Z"), timeZone, capacity: 10, status: "published" },
    });
  }

  async function participant(eventId: number, telegramId: bigint, token: string) {
    const user = await h.db.user.findUniqueOrThrow({ where: { telegramId } });
    await h.db.registration.create({ data: { eventId, userId: user.id, status: "confirmed", checkInToken: token } });
  }

  /** /siaran and the message; returns the calls of the message (the registration-button question). */
  async function compose(who: TestUserInfo, message: string): Promise<RecordedCall[]> {
    expect(text(await h.send(who, "/siaran"))).toContain("Siaran baru");
    const before = h.calls.length;
    await h.handle({
      message: {
        message_id: ++messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: who.id, type: "private", first_name: who.first_name ?? "x" },
        from: { id: who.id, is_bot: false, first_name: who.first_name ?? "x", language_code: "id" },
        text: message,
      },
    });
    return h.calls.slice(before);
  }

  it("offers only their provinces and their events; forged Gorontalo buttons get the ordinary refusal and queue nothing", async () => {
    await makeOrganiser(["15"]);
    const jambi = await event("Temu Alumni Jambi", "15", "Kota Jambi", "Asia/Jakarta");
    const gorontalo = await event("Temu Alumni Limboto", "75", "Kabupaten Gorontalo", "Asia/Makassar");
    await participant(jambi.id, 7401n, "tok-jambi");
    await participant(gorontalo.id, 7403n, "tok-gorontalo");

    // the registration button: only Jambi's event
    const button = await compose(organiser, "Halo alumni Jambi!");
    expect(data(button)).toEqual([`bcb:${jambi.id}`, "bcb:0"]);
    expect(text(button) + buttons(button).map((b) => b.text).join()).not.toContain("Limboto");
    const audience = await h.click(organiser, "bcb:0");
    expect(text(audience)).toContain("Siapa penerimanya?");
    expect(data(audience)).toEqual(["bca:provinces", "bca:event"]);

    // everyone, a role across the country: forged, refused
    for (const kind of ["all", "alumni", "calon"]) expect(refusalOf(await h.click(organiser, `bca:${kind}`))).toEqual({ toast: BUTTON_EXPIRED, other: [] });

    const provinces = await h.click(organiser, "bca:provinces");
    expect(data(provinces)).toEqual(["bcp:toggle:15", "bcp:done:0"]);
    expect(refusalOf(await h.click(organiser, "bcp:toggle:75"))).toEqual({ toast: BUTTON_EXPIRED, other: [] });
    await h.click(organiser, "bcp:toggle:15");
    const counted = await h.click(organiser, "bcp:done:0");
    // 7401 and 7402 in Jambi; never Gorontalo's 7403
    expect(text(counted)).toContain("Penerima: <b>2</b> orang (provinsi Jambi)");

    // another audience: the participants of an event, only Jambi's
    await h.click(organiser, "bcc:audience");
    const events = await h.click(organiser, "bca:event");
    expect(data(events)).toEqual([`bce:${jambi.id}`]);
    expect(refusalOf(await h.click(organiser, `bce:${gorontalo.id}`))).toEqual({ toast: BUTTON_EXPIRED, other: [] });
    await h.click(organiser, `bce:${jambi.id}`);
    expect(text(await h.click(organiser, "bcs:confirmed"))).toContain("Penerima: <b>1</b> orang (peserta Temu Alumni Jambi — Terdaftar (terkonfirmasi))");
    expect(await h.db.broadcast.count()).toBe(0);

    await h.click(organiser, "bcc:now");
    const broadcast = await h.db.broadcast.findFirstOrThrow();
    expect(broadcast).toMatchObject({ createdBy: BigInt(organiser.id), total: 1 });
    expect(JSON.parse(broadcast.audience)).toEqual({ kind: "event", eventId: jambi.id, segment: "confirmed" });
    expect((await h.db.broadcastRecipient.findMany()).map((r) => r.telegramId)).toEqual([7401n]);
    expect(await h.db.broadcast.count()).toBe(1);
  });

  it("checks the audience again before queueing: provinces taken away mid-conversation queue nothing", async () => {
    await makeOrganiser(["15"]);
    await compose(organiser, "Halo alumni Jambi!");
    await h.click(organiser, "bca:provinces");
    await h.click(organiser, "bcp:toggle:15");
    await h.click(organiser, "bcp:done:0");
    await makeOrganiser(["75"]);
    const refused = await h.click(organiser, "bcc:now");
    expect(text(refused)).toContain("Maaf, siaran ini tidak dikirim: penerima itu di luar wilayahmu sebagai penyelenggara.");
    expect(await h.db.broadcast.count()).toBe(0);
    expect(await h.db.broadcastRecipient.count()).toBe(0);
  });

  it("a national admin still sees all four audience kinds and every province", async () => {
    const admin = { id: 7_300_009, first_name: "Nasional" };
    await h.app.kit.deps.admins.add(BigInt(admin.id), BigInt(OWNER.id));
    for (const who of [OWNER, admin]) {
      const audience = await compose(who, "Info untuk semua");
      expect(data(audience)).toEqual(["bca:all", "bca:alumni", "bca:calon", "bca:provinces", "bca:event"]);
      const provinces = await h.click(who, "bca:provinces");
      expect(data(provinces).filter((d) => d.startsWith("bcp:toggle:"))).toHaveLength(10);
      expect(data(provinces)).toContain("bcp:page:1");
      await h.send(who, "/batal");
    }
  });
});
