import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveFeedback } from "../../src/domain/feedback/survey.js";
import { BotHarness, type RecordedCall } from "../support/bot-harness.js";
import { seedStatsDataset } from "../support/feedback-dataset.js";
import { FEEDBACK_NOW, endedEvent, labels, participant, press, texts } from "../support/feedback-bot.js";
import { fileOf } from "./events-helpers.js";

let h: BotHarness;
const admin = { id: 900001, first_name: "Admin" };
const user = { id: 7701, first_name: "Warga" };

beforeEach(async () => {
  h = await BotHarness.create({ now: () => FEEDBACK_NOW });
});
afterEach(async () => {
  await h.close();
});

const photo = (calls: RecordedCall[]) => fileOf(calls.find((c) => c.method === "sendPhoto"), "photo");
const documentOf = (calls: RecordedCall[]) => fileOf(calls.find((c) => c.method === "sendDocument"), "document");

describe("/statistik", () => {
  it("sends every figure of an event as text, the chart as a PNG, and the answers as CSV", async () => {
    const { eventA } = await seedStatsDataset(h.db);
    const choice = await h.send(admin, "/statistik");
    expect(texts(choice)).toContain("Statistik untuk apa?");
    expect(labels(choice)).toEqual(["📊 Semua acara dan program", "#2 Temu Alumni Gorontalo", "#1 Temu Alumni Jambi"]);

    const calls = await press(h, admin, choice, `#${eventA.id} Temu Alumni Jambi`);
    const text = texts(calls);
    expect(text).toContain("Statistik: Temu Alumni Jambi");
    expect(text).toContain("Pendaftar: 10 · terkonfirmasi 6 · daftar tunggu 2 · batal 1");
    expect(text).toContain("Hadir: 4 (66,7% dari yang terkonfirmasi)");
    expect(text).toContain("Jawaban survei: 5 dari 5 orang");
    expect(text).toContain("Rata-rata nilai: 4,0 / 5 — sebaran 1★ 0 · 2★ 1 · 3★ 0 · 4★ 2 · 5★ 2");
    expect(text).toContain("Dari 4 responden yang dulu menganggur: 50% (2) kini bekerja, 50% (2) membuka usaha");
    expect(text).toContain("Tema saran terbanyak: pelatihan (3), jambi (2), offline (2), info (1), jadwal (1)");
    expect(text).toContain("3 suara pada 2 jawaban");

    const png = photo(calls);
    expect(png.name).toBe(`statistik-acara-${eventA.id}.png`);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.readUInt32BE(16)).toBe(1000);
    expect(png.bytes.readUInt32BE(20)).toBe(600);

    const csvCalls = await press(h, admin, calls, "📄 Unduh CSV masukan");
    const csv = documentOf(csvCalls);
    expect(csv.name).toBe(`masukan-acara-${eventA.id}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString("utf8")).toContain("waktu,acara,rating,paling_berguna,saran,status_sebelum,hasil,bidang,cerita_izin");
    expect(csv.bytes.toString("utf8").trim().split("\r\n")).toHaveLength(6);
  });

  it("sends the overall figures with /statistik and its overall button", async () => {
    await seedStatsDataset(h.db);
    const choice = await h.send(admin, "/statistik");
    const calls = await press(h, admin, choice, "📊 Semua acara dan program");
    const text = texts(calls);
    expect(text).toContain("Statistik keseluruhan</b> (2 acara");
    expect(text).toContain("Pendaftar: 13 · terkonfirmasi 9 · daftar tunggu 2 · batal 1");
    expect(text).toContain("Hadir: 4 (44,4% dari yang terkonfirmasi)");
    expect(text).toContain("Jawaban survei: 10 dari 9 orang");
    expect(text).toContain("Rata-rata nilai: 3,6 / 5 — sebaran 1★ 1 · 2★ 1 · 3★ 2 · 4★ 3 · 5★ 3");
    expect(text).toContain("Dari 7 responden yang dulu menganggur: 42,9% (3) kini bekerja, 42,9% (3) membuka usaha");
    expect(text).toContain("pelatihan (4), offline (3), jambi (2), cair (1), cepat (1)");
    expect(photo(calls).bytes.length).toBeGreaterThan(15_000);
    const csv = documentOf(await press(h, admin, calls, "📄 Unduh CSV masukan"));
    expect(csv.name).toBe("masukan-semua.csv");
    expect(csv.bytes.toString("utf8").trim().split("\r\n")).toHaveLength(11);
  });

  it("takes the event id as an argument and stays hidden from non-admins", async () => {
    const event = await endedEvent(h, "Kosong");
    const direct = await h.send(admin, `/statistik ${event.id}`);
    expect(texts(direct)).toContain("Statistik: Kosong");
    expect(texts(direct)).toContain("Belum ada responden yang dulu menganggur");
    expect(texts(await h.send(admin, "/statistik 999"))).toContain("Acara itu tidak ditemukan");

    await participant(h, user, event.id);
    const refused = await h.send(user, "/statistik");
    expect(texts(refused)).not.toContain("Statistik");
    expect(refused.some((c) => c.method === "sendPhoto")).toBe(false);
    const forged = await h.click(user, "fbsa:0");
    expect(forged.some((c) => c.method === "sendPhoto" || c.method === "sendMessage")).toBe(false);
  });
});

describe("/cerita_admin and /cerita", () => {
  it("reviews stories one by one and shows approved ones, anonymised where chosen", async () => {
    const event = await endedEvent(h);
    const rina = await participant(h, { id: 7711, first_name: "Rina" }, event.id, { province: "75" });
    const joko = await participant(h, { id: 7712, first_name: "Joko" }, event.id, { province: "15" });
    const dedi = await participant(h, { id: 7713, first_name: "Dedi" }, event.id);
    const base = { rating: 5, mostUseful: "cerita_sukses" as const, statusBefore: "menganggur" as const, outcome: "usaha" as const };
    await saveFeedback(h.db, rina.id, `event:${event.id}`, { ...base, story: "Kedai kopi saya kini punya dua cabang.", storyConsent: "named" });
    await saveFeedback(h.db, joko.id, "program", { ...base, story: "Dari menganggur jadi <b>barista</b>.", storyConsent: "anonymous" });
    await saveFeedback(h.db, dedi.id, "program", { ...base, story: "Promosi produk saya!", storyConsent: "named" });

    let calls = await h.send(admin, "/cerita_admin");
    expect(texts(calls)).toContain("Cerita menunggu tinjauan</b> (3 tersisa)");
    expect(texts(calls)).toContain("Kedai kopi saya kini punya dua cabang.");
    expect(texts(calls)).toContain("— <b>Rina</b> (minta tampil dengan nama depan)");
    expect(texts(calls)).toContain("📍 Temu Alumni Prakerja Jambi");
    calls = await press(h, admin, calls, "✅ Setujui");
    expect(texts(calls)).toContain("Disetujui");
    expect(texts(calls)).toContain("(2 tersisa)");
    expect(texts(calls)).toContain("Dari menganggur jadi &lt;b&gt;barista&lt;/b&gt;.");
    expect(texts(calls)).toContain("— <b>Alumni Prakerja dari Jambi</b> (minta tampil anonim)");
    expect(texts(calls)).not.toContain("Joko");
    calls = await press(h, admin, calls, "✅ Setujui");
    calls = await press(h, admin, calls, "❌ Tolak");
    expect(texts(calls)).toContain("Ditolak");
    expect(texts(calls)).toContain("Tidak ada cerita yang menunggu tinjauan");
    // a second press on an old button changes nothing
    const stale = await h.click(admin, `fbrv:a:${(await h.db.feedback.findFirstOrThrow({ where: { userId: dedi.id } })).id}`);
    expect(stale.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("sudah ditinjau");
    expect((await h.db.feedback.findFirstOrThrow({ where: { userId: dedi.id } })).storyStatus).toBe("rejected");

    // everyone reads the approved stories, newest approval first, one per page
    const reader = { id: 7720, first_name: "Pembaca" };
    let page = await h.send(reader, "/cerita");
    expect(texts(page)).toContain("Cerita sukses alumni</b> (1/2)");
    expect(texts(page)).toContain("— <b>Alumni Prakerja dari Jambi</b>");
    expect(texts(page)).not.toContain("Joko");
    expect(labels(page)).toEqual(["Berikutnya ▶️"]);
    page = await press(h, reader, page, "Berikutnya ▶️");
    expect(texts(page)).toContain("(2/2)");
    expect(texts(page)).toContain("— <b>Rina</b>");
    expect(texts(page)).not.toContain("Promosi");
    expect(labels(page)).toEqual(["◀️ Sebelumnya"]);

    // the reviewing tools are not there for others
    const notAdmin = await h.send(reader, "/cerita_admin");
    expect(texts(notAdmin)).not.toContain("tinjauan");
  });
});
