import http from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import type { Event } from "../../src/generated/prisma/client.js";
import { BotHarness, type TestUserInfo } from "../support/bot-harness.js";
import { onboard, OWNER, PRIVACY_NOW } from "../support/privacy-fixtures.js";
import { allTexts, buttons, fileOf, replyKeyboard, sendDocument, sendLocation, sentTo, texts } from "./events-helpers.js";

let h: BotHarness | undefined;
let server: http.Server | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

const ani = { id: 7201, first_name: "Ani" };
const budi = { id: 7202, first_name: "Budi" };
const UNKNOWN = "Maaf, aku tidak mengenal perintah itu. Ketik /bantuan untuk melihat daftar perintah, atau /menu.";

async function harness(env: Record<string, string> = {}): Promise<BotHarness> {
  h = await BotHarness.create({ now: () => PRIVACY_NOW, env });
  return h;
}

async function event(hh: BotHarness, data: Partial<Event> = {}): Promise<Event> {
  return hh.db.event.create({
    data: {
      title: "Temu Alumni Prakerja Jambi",
      province: "15",
      city: "Kota Jambi",
      venueName: "Aula Dinas",
      address: "Jl. Sultan Agung No. 9",
      startsAt: new Date("2027-03-10T02:00:00Z"),
      endsAt: new Date("2027-03-10T08:00:00Z"),
      timeZone: "Asia/Jakarta",
      capacity: 1,
      status: "published",
      ...data,
    },
  });
}

async function register(hh: BotHarness, u: TestUserInfo, eventId: number, fullName: string, phone: string | null = null) {
  const user = await hh.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(u.id) } });
  const result = await reserveSeat(hh.db, { eventId, userId: user.id, fullName, city: "Kota Jambi", gelombang: 12, phone, now: PRIVACY_NOW });
  if (!result.ok) throw new Error(result.reason);
  return result.registration;
}

describe("/buatacara", () => {
  it("walks through every field, checks each answer, previews, and publishes", { timeout: 60_000 }, async () => {
    const hh = await harness();
    const ask = async (text: string) => texts(await hh.send(OWNER, text)).join("\n");
    expect(texts(await hh.send(OWNER, "/buatacara"))).toEqual([
      "🛠️ Membuat Temu Alumni baru. Aku tanya satu per satu, dan setiap jawaban langsung kuperiksa. Ketik /batal kapan saja untuk berhenti.",
      "Apa judul acaranya? (misalnya: Temu Alumni Prakerja Jambi 2027)",
    ]);
    expect(await ask("x")).toBe("terlalu pendek (minimal 3 karakter)");
    expect(await ask("Temu Alumni Banjarbaru 2027")).toContain("Di provinsi mana?");
    const vague = await hh.send(OWNER, "kalimantan");
    expect(texts(vague)[0]).toContain('provinsi "kalimantan" tidak dikenali');
    expect(replyKeyboard(vague).map((b) => b.text)).toContain("Kalimantan Selatan");
    expect(await ask("kalsel")).toContain("Kabupaten/kota mana di Kalimantan Selatan?");
    expect(await ask("banjar baru")).toContain("nama tempatnya");
    expect(await ask("Aula Gawi Sabarataan")).toContain("Alamat lengkapnya");
    expect(await ask("Jl. Pangeran Suriansyah No. 1")).toContain("titik lokasinya");
    // the flood limit allows 20 updates in 10 s per user; a real admin types slower than this test
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    expect(await ask("114.83, -3.44")).toContain('lintang "114.83" harus di antara -90 dan 90');
    expect(texts(await sendLocation(hh, OWNER, -3.4425, 114.8326)).join("\n")).toContain("(WITA), misalnya: 10-03-2027 09.00");
    expect(await ask("besok pagi")).toContain('waktu "besok pagi" tidak bisa dibaca');
    expect(await ask("01-02-2027 09.00")).toContain("waktu mulai sudah lewat");
    expect(await ask("03-04-2027 09.00")).toContain("Acara mulai Sabtu, 3 April 2027 pukul 09.00 WITA");
    expect(await ask("08.00")).toContain("waktu selesai harus setelah waktu mulai");
    expect(await ask("13.00")).toContain("kapasitas kursinya");
    expect(await ask("seratus")).toContain('kapasitas "seratus" harus bilangan bulat');
    expect(await ask("150")).toContain("Kapan pendaftaran ditutup?");
    expect(await ask("05-04-2027 09.00")).toContain("batas pendaftaran harus sebelum acara dimulai");
    expect(await ask("01-04-2027 23.59")).toContain("Acara ini untuk siapa?");
    expect(await ask("Khusus alumni")).toContain("Boleh membawa pendamping?");
    expect(await ask("3")).toContain("jumlah pendamping harus 0 sampai 2");
    expect(await ask("2")).toContain("deskripsi atau agenda");
    const preview = await hh.send(OWNER, "Agenda:\n1. Pembukaan\n2. Workshop pemasaran digital");
    expect(texts(preview)[0]).toBe("👀 Ini pratinjaunya:");
    expect(texts(preview)[1]).toContain("Sabtu, 3 April 2027 pukul 09.00–13.00 WITA");
    expect(texts(preview)[1]).toContain("Sisa 150 kursi");
    expect(buttons(preview).map((b) => b.data)).toEqual(["acp:publish", "acp:draft", "acp:discard"]);
    expect(await ask("ok")).toContain("Pilih salah satu tombol di bawah pratinjau");
    expect(await hh.db.event.count()).toBe(0);

    const published = await hh.click(OWNER, "acp:publish");
    const saved = await hh.db.event.findFirstOrThrow();
    expect(texts(published).join("\n")).toContain(`sudah terbit dan bisa didaftari.\nBagikan tautannya: https://t.me/prakerja_test_bot?start=acara_${saved.id}`);
    expect(saved).toMatchObject({
      title: "Temu Alumni Banjarbaru 2027",
      province: "63",
      city: "Kota Banjarbaru",
      venueName: "Aula Gawi Sabarataan",
      address: "Jl. Pangeran Suriansyah No. 1",
      latitude: -3.4425,
      longitude: 114.8326,
      timeZone: "Asia/Makassar",
      capacity: 150,
      audience: "alumni",
      maxCompanions: 2,
      status: "published",
      createdBy: BigInt(OWNER.id),
      description: "Agenda:\n1. Pembukaan\n2. Workshop pemasaran digital",
    });
    expect(saved.startsAt.toISOString()).toBe("2027-04-03T01:00:00.000Z");
    expect(saved.endsAt.toISOString()).toBe("2027-04-03T05:00:00.000Z");
    expect(saved.rsvpDeadline?.toISOString()).toBe("2027-04-01T15:59:00.000Z");
  });

  it("is invisible to non-admins", async () => {
    const hh = await harness();
    await onboard(hh, ani);
    for (const command of ["/buatacara", "/acara_admin", "/impor_acara", "/ekspor", "/checkin abc"]) {
      expect(texts(await hh.send(ani, command)), command).toEqual([UNKNOWN]);
    }
  });
});

describe("/acara_admin", () => {
  it("edits capacity (offering the new seat), changes the time (telling registrants), and cancels (telling everyone)", async () => {
    const hh = await harness();
    await onboard(hh, ani);
    await onboard(hh, budi);
    const e = await event(hh);
    await register(hh, ani, e.id, "Ani Wulandari");
    const budiReg = await register(hh, budi, e.id, "Budi Santoso");
    expect(budiReg.status).toBe("waitlisted");

    const list = await hh.send(OWNER, "/acara_admin");
    expect(texts(list)[0]).toContain(`<b>#${e.id} Temu Alumni Prakerja Jambi</b> — terbit`);
    expect(texts(list)[0]).toContain("1 terkonfirmasi · kursi 1/1 · 1 menunggu");
    const manage = await hh.click(OWNER, `aev:view:${e.id}`);
    expect(texts(manage)[0]).toContain("Terkonfirmasi: 1 · Ditawari: 0 · Daftar tunggu: 1");

    const fields = await hh.click(OWNER, `aev:edit:${e.id}`);
    expect(buttons(fields).map((b) => b.data)).toContain(`aef:capacity:${e.id}`);
    expect(texts(await hh.click(OWNER, `aef:capacity:${e.id}`))[0]).toContain("kapasitas kursinya");
    const saved = await hh.send(OWNER, "0");
    expect(texts(saved)).toEqual([
      expect.stringContaining("🎉 <b>Kabar baik!</b> Ada kursi kosong di <b>Temu Alumni Prakerja Jambi</b>"),
      "✅ <b>Temu Alumni Prakerja Jambi</b> sudah diperbarui. 0 pendaftar diberi tahu tentang perubahannya; 1 orang di daftar tunggu mendapat tawaran kursi.",
      "Ada lagi yang mau diubah?",
    ]);
    // 0 = unlimited: Budi gets an offer
    const offered = await hh.db.registration.findUniqueOrThrow({ where: { id: budiReg.id } });
    expect(offered.status).toBe("offered");
    const offerCall = hh.calls.filter((c) => String(c.payload.chat_id) === String(budi.id)).at(-1);
    expect(String(offerCall?.payload.text)).toContain("Ada kursi kosong");

    await hh.click(OWNER, `aef:time:${e.id}`);
    await hh.send(OWNER, "12-03-2027 13.00");
    const moved = await hh.send(OWNER, "16.00");
    expect(texts(sentTo(moved, OWNER.id))[0]).toContain("2 pendaftar diberi tahu");
    expect(texts(sentTo(moved, ani.id))[0]).toContain("Jumat, 12 Maret 2027 pukul 13.00–16.00 WIB");

    await hh.click(OWNER, `aev:cancel:${e.id}`);
    const cancelled = await hh.click(OWNER, `aev:cancelok:${e.id}`);
    expect(texts(sentTo(cancelled, ani.id))[0]).toContain("<b>dibatalkan</b>");
    expect(texts(sentTo(cancelled, budi.id))[0]).toContain("<b>dibatalkan</b>");
    expect(texts(sentTo(cancelled, OWNER.id)).at(-1)).toContain("Pemberitahuan terkirim ke 2 dari 2 pendaftar");
    expect((await hh.db.event.findUniqueOrThrow({ where: { id: e.id } })).status).toBe("cancelled");
  });
});

describe("/impor_acara", () => {
  async function fileServer(files: Record<string, string>): Promise<string> {
    server = http.createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? "").split("/").pop() ?? "");
      const body = files[name];
      res.writeHead(body === undefined ? 404 : 200).end(body);
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const header = "judul,provinsi,kota,tempat,alamat,mulai,selesai,kapasitas,deskripsi";
  const good = [
    header,
    "Temu Alumni Jambi,Jambi,Kota Jambi,Aula A,Jl. Sultan Agung No. 9,2027-03-10T09:00:00+07:00,2027-03-10T15:00:00+07:00,100,Berbagi cerita",
    "Temu Alumni Merauke,Papua Selatan,Merauke,Aula B,Jl. Raya Mandala No. 1,2027-05-05T10:00:00+09:00,2027-05-05T14:00:00+09:00,80,",
  ].join("\n");
  const bad = [header, "Temu <Alumni>,Jambi,Kota Bandung,Aula A,Jl. Sultan Agung No. 9,2027-03-10T09:00:00,2027-03-10T15:00:00+07:00,-1,"].join("\n");

  it("imports a good file, lists each problem of a bad one by line, and explains the format", async () => {
    const root = await fileServer({ "good.csv": good, "bad.csv": bad });
    const hh = await harness({ TELEGRAM_API_ROOT: root });
    hh.app.bot.api.config.use(async (prev, method, payload) => {
      if (method === "getFile") {
        const fileId = String((payload as { file_id: string }).file_id);
        return { ok: true, result: { file_id: fileId, file_unique_id: fileId, file_path: `documents/${fileId.replace(/^file-/, "")}` } } as never;
      }
      return prev(method, payload);
    });

    expect(texts(await hh.send(OWNER, "/impor_acara"))[0]).toContain("Kolom wajib: <code>judul,provinsi,kota,tempat,alamat,mulai,selesai,kapasitas,deskripsi</code>");

    const failed = texts(await sendDocument(hh, OWNER, "bad.csv", "/impor_acara"))[0] ?? "";
    expect(failed).toContain("Tidak ada acara yang diimpor — ada 3 hal yang perlu diperbaiki dulu");
    expect(failed).toContain('Baris 2, kolom mulai: waktu "2027-03-10T09:00:00" belum ada zonanya');
    expect(failed).toContain('Baris 2, kolom kapasitas: kapasitas "-1" harus bilangan bulat 0 atau lebih');
    expect(failed).toContain('Baris 2, kolom kota: "Kota Bandung" bukan kabupaten/kota di Jambi');
    expect(await hh.db.event.count()).toBe(0);

    expect(texts(await sendDocument(hh, OWNER, "good.csv", "/impor_acara"))[0]).toContain("2 acara berhasil diimpor");
    expect(await hh.db.event.count({ where: { status: "published", createdBy: BigInt(OWNER.id) } })).toBe(2);
    expect(texts(await sendDocument(hh, OWNER, "foto.jpg", "/impor_acara"))[0]).toContain("berkas berformat .csv");
    expect(texts(await sendDocument(hh, OWNER, "huge.csv", "/impor_acara", 5 * 1024 * 1024))[0]).toContain("terlalu besar");
    // a non-admin's document goes nowhere near the importer
    await onboard(hh, ani);
    expect(allTexts(await sendDocument(hh, ani, "good.csv", "/impor_acara")).join()).not.toContain("diimpor");
    expect(await hh.db.event.count()).toBe(2);
  });
});

describe("/ekspor and check-in", () => {
  it("exports registrations as an Excel-friendly CSV and offers the feedback export too", async () => {
    const hh = await harness();
    await onboard(hh, ani);
    const e = await event(hh, { capacity: 10 });
    await register(hh, ani, e.id, "Ani Wulandari", "+6281234567890");
    const pick = await hh.send(OWNER, "/ekspor");
    expect(buttons(pick).map((b) => b.data)).toEqual([`aex:pick:${e.id}`]);
    const which = await hh.click(OWNER, `aex:pick:${e.id}`);
    expect(buttons(which).map((b) => b.text)).toEqual(["👥 Pendaftar", "💬 Masukan"]);

    const reg = (await hh.click(OWNER, `aex:reg:${e.id}`)).find((c) => c.method === "sendDocument");
    const file = fileOf(reg, "document");
    expect(file.name).toBe(`pendaftar-acara-${e.id}.csv`);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(file.bytes.toString("utf8"), { bom: true }) as string[][];
    expect(rows[0]?.slice(0, 4)).toEqual(["No", "Nama", "Kabupaten/Kota", "Gelombang"]);
    expect(rows[1]).toEqual(["1", "Ani Wulandari", "Kota Jambi", "12", "", "0812-3456-7890", "0", "1", "Terkonfirmasi", "", "2027-03-01 10:00 WIB", "Tidak", ""]);
    expect(String(reg?.payload.caption)).toContain("(1 baris)");

    const feedback = (await hh.click(OWNER, `aex:fb:${e.id}`)).find((c) => c.method === "sendDocument");
    expect(fileOf(feedback, "document").name).toBe(`masukan-acara-${e.id}.csv`);
    expect(fileOf(feedback, "document").bytes.toString("utf8")).toContain("waktu,acara,rating");
  });

  it("records attendance by deep link or /checkin for staff only, once, and greets the attendee", async () => {
    const hh = await harness();
    await onboard(hh, ani);
    await onboard(hh, budi);
    const e = await event(hh, { capacity: 5 });
    const reg = await register(hh, ani, e.id, "Ani Wulandari");

    expect(texts(await hh.send(ani, `/start ci_${reg.checkInToken}`))[0]).toContain("kode check-in milikmu");
    expect(texts(await hh.send(budi, `/start ci_${reg.checkInToken}`))[0]).toBe("Kode ini hanya bisa dipindai oleh panitia acara.");
    expect((await hh.db.registration.findUniqueOrThrow({ where: { id: reg.id } })).checkedInAt).toBeNull();

    const scanned = await hh.send(OWNER, `/start ci_${reg.checkInToken}`);
    expect(texts(sentTo(scanned, OWNER.id))[0]).toBe("✅ Check-in berhasil: <b>Ani Wulandari</b> — Temu Alumni Prakerja Jambi (1 kursi).");
    expect(texts(sentTo(scanned, ani.id))[0]).toContain("Selamat datang di <b>Temu Alumni Prakerja Jambi</b>, Ani Wulandari!");
    expect((await hh.db.registration.findUniqueOrThrow({ where: { id: reg.id } })).checkedInAt).toEqual(PRIVACY_NOW);

    const again = await hh.send(OWNER, `/checkin ${reg.checkInToken}`);
    expect(texts(again)).toEqual(["ℹ️ <b>Ani Wulandari</b> sudah check-in di Temu Alumni Prakerja Jambi pada Senin, 1 Maret 2027 pukul 10.00 WIB."]);
    expect(texts(await hh.send(OWNER, "/checkin"))[0]).toContain("Cara pakai");
    expect(texts(await hh.send(OWNER, "/checkin AAAAAAAAAAAAAAAAAAAAAA"))[0]).toContain("Kode check-in tidak dikenal");
  });
});
