import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { BotHarness, type RecordedCall } from "../support/bot-harness.js";
import { readSeedFaq, seedBaseContent } from "../../src/domain/seed.js";

/** Number of base FAQ entries (prisma/seed/faq.json). */
const SEED_FAQ_COUNT = readSeedFaq().length;
/** Pages of the admin list of the base entries. */
const SEED_FAQ_PAGES = Math.ceil(SEED_FAQ_COUNT / 8);

let h: BotHarness;
let files: http.Server;
/** what the fake Telegram file endpoint serves, by file_path */
const served = new Map<string, Buffer>();

const ani = { id: 7301, first_name: "Ani" };
const budi = { id: 7302, first_name: "Budi" };
const adminUser = { id: 900001, first_name: "Admin" };

beforeEach(async () => {
  files = http.createServer((req, res) => {
    const body = served.get(decodeURIComponent((req.url ?? "").replace(/^\/file\/bot[^/]+\//, "")));
    res.writeHead(body ? 200 : 404).end(body);
  });
  await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
  const port = (files.address() as AddressInfo).port;
  h = await BotHarness.create({ env: { TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` } });
  await seedBaseContent(h.db);
  // getFile answers with a path under the fake file endpoint (the harness answers other calls)
  h.app.bot.api.config.use(async (prev, method, payload) => {
    if (method !== "getFile") return prev(method, payload);
    const fileId = String((payload as { file_id: string }).file_id);
    return { ok: true, result: { file_id: fileId, file_unique_id: `u-${fileId}`, file_path: `documents/${fileId}.csv` } } as never;
  });
});
afterEach(async () => {
  await h.close();
  await new Promise((resolve) => files.close(resolve));
  served.clear();
});

const lastText = (calls: RecordedCall[]) => BotHarness.texts(calls).at(-1) ?? "";
const buttons = (calls: RecordedCall[]) => BotHarness.buttons(calls);

async function sendDocument(user: { id: number; first_name: string }, fileId: string, content: string | Buffer, caption = "/faq_impor"): Promise<RecordedCall[]> {
  served.set(`documents/${fileId}.csv`, Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"));
  const before = h.calls.length;
  await h.handle({
    message: {
      message_id: Math.floor(Math.random() * 1e6),
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: "private", first_name: user.first_name },
      from: { id: user.id, is_bot: false, first_name: user.first_name },
      document: { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: "faq.csv", mime_type: "text/csv", file_size: Buffer.byteLength(content) },
      caption,
      caption_entities: [{ type: "bot_command", offset: 0, length: caption.split(/\s/)[0]?.length ?? 0 }],
    },
  } as never);
  return h.calls.slice(before);
}

async function exportCsv(): Promise<string> {
  const calls = await h.click(adminUser, "fqa:export:0");
  const doc = calls.find((c) => c.method === "sendDocument");
  expect(doc).toBeDefined();
  return (doc?.payload.document as unknown as { fileData: Buffer }).fileData.toString("utf8");
}

describe("free-text answers", () => {
  it("answers with vote buttons and related questions; a vote is stored once per message", async () => {
    const calls = await h.send(ani, "kapan insentif cair");
    const reply = calls.find((c) => c.method === "sendMessage");
    expect(reply?.payload.parse_mode).toBe("HTML");
    expect(lastText(calls)).toContain("Kapan insentif Prakerja masuk ke rekening?");
    const labels = buttons(calls).map((b) => b.text);
    expect(labels.slice(0, 2)).toEqual(["Membantu 👍", "Tidak 👎"]);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeLessThanOrEqual(5);

    const helpful = buttons(calls)[0]?.data ?? "";
    const vote = await h.click(ani, helpful, 4242);
    expect(vote.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe("Terima kasih!");
    const edit = vote.find((c) => c.method === "editMessageText");
    expect(edit?.payload.message_id).toBe(4242);
    expect(String(edit?.payload.text)).toContain("Terima kasih atas penilaianmu");
    expect(buttons(vote).some((b) => b.text.includes("👍"))).toBe(false);
    const rows = await h.db.faqVote.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.helpful).toBe(true);

    // a double tap (or the other button of the same message) does not count again
    const again = await h.click(ani, buttons(calls)[1]?.data ?? "", 4242);
    expect(again.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("sudah menilai");
    expect(await h.db.faqVote.count()).toBe(1);

    // a 👎 on another answer message counts
    const second = await h.send(ani, "kapan insentif cair");
    const down = await h.click(ani, buttons(second)[1]?.data ?? "", 4243);
    expect(lastText(down)).toContain("belum membantu");
    expect(await h.db.faqVote.count({ where: { helpful: false } })).toBe(1);
    // votes are anonymous: no user row was created
    expect(await h.db.user.count()).toBe(0);
  });

  it("understands chat abbreviations: the deadline to buy the first training is 15 days", async () => {
    const calls = await h.send(ani, "brp hr batas beli pelatihan stlh sk");
    expect(lastText(calls)).toContain("15 hari");
    expect(lastText(calls)).toContain("Berapa lama batas waktu membeli pelatihan pertama?");
  });

  it("corrects the old 600rb × 4 incentive to the 2023+ rule", async () => {
    const text = lastText(await h.send(ani, "insentif 600rb x4 kan?"));
    expect(text).toContain("Tidak lagi");
    expect(text).toContain("2020–2022");
    expect(text).toContain("<b>satu kali</b>");
  });

  it("never claims that a wave is open when asked about it", async () => {
    const text = lastText(await h.send(ani, "kapan gelombang dibuka?"));
    expect(text).toContain("tidak bisa memastikan");
    expect(text).toContain("prakerja.go.id");
  });

  it("answers gibberish honestly with the official channels and records it without the asker", async () => {
    const calls = await h.send(ani, "asdkjh qwpoeiru zzxm");
    const text = lastText(calls);
    expect(text).toContain("belum tahu jawaban");
    expect(text).toContain("https://www.prakerja.go.id");
    expect(text).toContain("bantuan.prakerja.go.id");
    const unmatched = await h.db.unmatchedQuestion.findMany();
    expect(unmatched.map((u) => u.text)).toEqual(["asdkjh qwpoeiru zzxm"]);
    expect(JSON.stringify(unmatched)).not.toContain(String(ani.id));
  });

  it("offers the closest questions when unsure, and each opens its answer", async () => {
    const calls = await h.send(ani, "daftar");
    expect(lastText(calls)).toContain("Maksudmu yang mana?");
    const options = buttons(calls);
    expect(options).toHaveLength(3);
    expect(options.map((b) => b.text)).toContain("Bagaimana cara mendaftar Kartu Prakerja?");
    const open = await h.click(ani, options.find((b) => b.text === "Bagaimana cara mendaftar Kartu Prakerja?")?.data ?? "");
    expect(lastText(open)).toContain("prakerja.go.id");
    expect(buttons(open)[0]?.text).toBe("Membantu 👍");
    expect(await h.db.unmatchedQuestion.count()).toBe(0);
  });

  it("trims very long messages before matching and keeps only a short anonymous note", async () => {
    const long = `${"zqxv ".repeat(400)}kapan insentif cair`;
    const calls = await h.send(ani, long);
    expect(lastText(calls)).toContain("belum tahu jawaban");
    const [row] = await h.db.unmatchedQuestion.findMany();
    expect(Array.from(row?.text ?? "").length).toBeLessThanOrEqual(300);
  });

  it("copes with broken text: lone surrogates and control characters are cleaned, a matcher failure still gets the honest reply", async () => {
    const broken = await h.send(ani, "tolong\u0000 bantu \ud800 zzqx");
    expect(lastText(broken)).toContain("belum tahu jawaban");
    expect((await h.db.unmatchedQuestion.findMany()).map((u) => u.text)).toEqual(["tolong bantu \ufffd zzqx"]);
    // letters next to non-ASCII digits once sent the matcher into endless recursion
    expect(lastText(await h.send(ani, "a\u0661\u0032 b"))).toContain("belum tahu jawaban");
    expect(lastText(await h.send(ani, "\u200b\u200b"))).toContain("dengan kata-kata");
  });

  it("answers /tanya with a question, and asks for one without", async () => {
    expect(lastText(await h.send(ani, "/tanya"))).toContain("Silakan ketik pertanyaanmu");
    expect(lastText(await h.send(ani, "/tanya apakah ada aplikasi prakerja"))).toContain("Apakah ada aplikasi resmi Kartu Prakerja?");
  });

  it("answers before onboarding and while the consent question is open, storing nothing", async () => {
    expect(lastText(await h.send(budi, "umur 17 boleh ikut?"))).toContain("Berapa batas usia");
    await h.send(budi, "/start");
    expect(lastText(await h.send(budi, "kapan insentif cair"))).toContain("Kapan insentif Prakerja masuk ke rekening?");
    expect(await h.db.user.count()).toBe(0);
  });

  it("answers small talk by its kind and never records it as an unanswered question", async () => {
    // thanks: "Sama-sama" and an offer of more help, no buttons
    const thanks = await h.send(ani, "makasih ya min");
    expect(lastText(thanks)).toContain("Sama-sama");
    expect(lastText(thanks)).toContain("ingin kamu tanyakan");
    expect(buttons(thanks)).toEqual([]);
    // the Islamic greeting is answered in kind
    expect(lastText(await h.send(ani, "Assalamualaikum wr wb"))).toContain("Waalaikumsalam");
    // other greetings
    expect(lastText(await h.send(ani, "halo kak"))).toContain("Halo!");
    // a bare call for help: how to ask, the menu and the programme's own help form, not another entry
    const help = lastText(await h.send(ani, "tolong bantu saya min"));
    expect(help).toContain("aku bantu");
    expect(help).toContain("/menu");
    expect(help).toContain("bantuan.prakerja.go.id");
    expect(help).not.toContain("PKH");
    // acknowledgements outside a conversation: a short friendly prompt, not "belum tahu"
    for (const ack of ["ok sip", "oke", "siap kak", "ya"]) {
      const text = lastText(await h.send(ani, ack));
      expect(text).toContain("Kalau ada yang mau ditanyakan lagi");
      expect(text).not.toContain("belum tahu");
    }
    // numbers and noise: a hint, not suggestions
    for (const noise of ["-1", "???", "123"]) {
      const calls = await h.send(ani, noise);
      expect(lastText(calls)).toContain("Coba ketik pertanyaanmu dengan kata-kata");
      expect(lastText(calls)).not.toContain("Maksudmu yang mana?");
      expect(buttons(calls)).toEqual([]);
    }
    expect(await h.db.unmatchedQuestion.count()).toBe(0);
    // a message that also asks something is a question
    expect(lastText(await h.send(ani, "makasih, trus insentifnya kapan cair?"))).toContain("Kapan insentif Prakerja masuk ke rekening?");
  });

  it("answers directly when one entry is clearly best, with related questions under the answer", async () => {
    const calls = await h.send(ani, "brp hr batas beli pelatihan stlh sk");
    expect(calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
    const text = lastText(calls);
    expect(text).toContain("15 hari");
    expect(text).not.toContain("Maksudmu yang mana?");
    expect(text).toContain("Pertanyaan terkait:");
    const related = buttons(calls).slice(2);
    expect(related.length).toBeGreaterThanOrEqual(1);
    expect(related.length).toBeLessThanOrEqual(3);
    expect(related.map((b) => b.text)).not.toContain("Berapa lama batas waktu membeli pelatihan pertama?");
    for (const b of buttons(calls)) expect(Buffer.byteLength(b.data ?? "", "utf8")).toBeLessThanOrEqual(64);
    // a related question opens its own answer, again with votes
    const open = await h.click(ani, related[0]?.data ?? "");
    expect(lastText(open)).toContain(`<b>${related[0]?.text.replace(/…$/, "") ?? ""}`);
    expect(buttons(open)[0]?.text).toBe("Membantu 👍");
    // voting keeps the related buttons and their heading (the tapped message carries its keyboard)
    const sent = calls.find((c) => c.method === "sendMessage");
    const before = h.calls.length;
    await h.handle({
      callback_query: {
        id: "vote-5151",
        chat_instance: "test",
        from: { id: ani.id, is_bot: false, first_name: ani.first_name },
        message: {
          message_id: 5151,
          date: Math.floor(Date.now() / 1000),
          chat: { id: ani.id, type: "private", first_name: ani.first_name },
          text: "…",
          reply_markup: sent?.payload.reply_markup as never,
        },
        data: buttons(calls)[0]?.data ?? "",
      },
    });
    const vote = h.calls.slice(before);
    const edit = vote.find((c) => c.method === "editMessageText");
    expect(String(edit?.payload.text)).toContain("Pertanyaan terkait:");
    expect(buttons(vote).length).toBe(related.length);
  });

  it("leaves commands to their handlers: unknown ones still get the unknown-command reply", async () => {
    expect(lastText(await h.send(ani, "/tidakada"))).toContain("tidak mengenal perintah itu");
  });

  it("shows popular questions from the menu", async () => {
    const menu = await h.send(ani, "/menu");
    const faqButton = buttons(menu).find((b) => b.text === "❓ Tanya Jawab");
    const calls = await h.click(ani, faqButton?.data ?? "");
    expect(lastText(calls)).toContain("Langsung saja ketik pertanyaanmu");
    const popular = buttons(calls).map((b) => b.text);
    expect(popular).toContain("Bagaimana cara mendaftar Kartu Prakerja?");
    expect(popular.length).toBeGreaterThanOrEqual(3);
  });
});

describe("/faq_admin", () => {
  it("is unknown to non-admins, also /faq_impor with a file", async () => {
    expect(lastText(await h.send(ani, "/faq_admin"))).toContain("tidak mengenal perintah itu");
    const calls = await sendDocument(ani, "evil", "slug,kategori\n");
    expect(lastText(calls)).toContain("tidak mengenal perintah itu");
    // and admin buttons do nothing for them
    const click = await h.click(ani, "fqa:delok:1");
    expect(click.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("Tombol ini sudah tidak berlaku");
    expect(await h.db.faq.count()).toBe(SEED_FAQ_COUNT);
  });

  it("an admin edits an answer and the next user sees it at once", async () => {
    const panel = await h.send(adminUser, "/faq_admin");
    expect(lastText(panel)).toContain("Kelola FAQ");
    expect(lastText(panel)).toContain(`${SEED_FAQ_COUNT} entri`);

    const results = await h.send(adminUser, "/faq_admin batas beli pelatihan");
    const hit = buttons(results).find((b) => b.text.includes("Berapa lama batas waktu membeli pelatihan"));
    expect(hit?.data).toMatch(/^fqa:view:\d+$/);
    const id = Number(hit?.data?.split(":")[2]);
    const view = await h.click(adminUser, hit?.data ?? "");
    expect(lastText(view)).toContain("batas-beli-pelatihan");
    const which = await h.click(adminUser, `fqa:edit:${id}`);
    const answerField = buttons(which).find((b) => b.text === "Jawaban");
    const prompt = await h.click(adminUser, answerField?.data ?? "");
    expect(lastText(prompt)).toContain("saat ini");
    expect(lastText(prompt)).toContain("&lt;b&gt;15 hari&lt;/b&gt;");

    const bad = await h.send(adminUser, "Cuma <b>15 hari");
    expect(lastText(bad)).toContain("format HTML tidak valid");
    const saved = await h.send(adminUser, "Sejak 2023 batasnya <b>15 hari</b> setelah ditetapkan sebagai penerima. (Jawaban diperbarui admin.)");
    expect(BotHarness.texts(saved).join("\n")).toContain("tersimpan dan langsung berlaku");

    const user = await h.send(budi, "brp hr batas beli pelatihan stlh sk");
    expect(lastText(user)).toContain("Jawaban diperbarui admin.");
  });

  it("adds an entry through the conversation and users find it", async () => {
    await h.send(adminUser, "/faq_admin");
    const start = await h.click(adminUser, "fqa:add:0");
    expect(lastText(start)).toContain("Pertanyaan utama");
    expect(lastText(await h.send(adminUser, "Hm"))).toContain("terlalu pendek");
    expect(lastText(await h.send(adminUser, "Apakah Temu Alumni Jambi ada parkir motor?"))).toContain("Jawaban");
    expect(lastText(await h.send(adminUser, "Ada, parkir motor gratis di halaman depan gedung."))).toContain("Variasi");
    await h.send(adminUser, "tempat parkir motor di jambi\nparkiran motor acara");
    const category = await h.send(adminUser, "parkir, motor, jambi");
    expect(buttons(category).map((b) => b.text)).toContain("temu-alumni");
    const preview = await h.click(adminUser, "fqc:temu-alumni");
    expect(lastText(preview)).toContain("Pratinjau");
    const save = await h.click(adminUser, "fqs:yes");
    expect(BotHarness.texts(save).join("\n")).toContain("tersimpan dan langsung bisa ditemukan");
    const created = await h.db.faq.findUniqueOrThrow({ where: { slug: "apakah-temu-alumni-jambi-ada-parkir-motor" } });
    expect(created.category).toBe("temu-alumni");
    expect(JSON.parse(created.variants)).toEqual(["tempat parkir motor di jambi", "parkiran motor acara"]);
    expect(lastText(await h.send(budi, "ada parkir motor di temu alumni jambi?"))).toContain("parkir motor gratis");
  });

  it("deletes an entry after confirmation", async () => {
    const entry = await h.db.faq.findUniqueOrThrow({ where: { slug: "call-center" } });
    const ask = await h.click(adminUser, `fqa:del:${entry.id}`);
    expect(lastText(ask)).toContain("tidak bisa dibatalkan");
    const done = await h.click(adminUser, `fqa:delok:${entry.id}`);
    expect(lastText(done)).toContain("sudah dihapus");
    expect(await h.db.faq.findUnique({ where: { id: entry.id } })).toBeNull();
  });

  it("pages through the list", async () => {
    const first = await h.click(adminUser, "fqa:list:0");
    expect(lastText(first)).toContain(`halaman 1/${SEED_FAQ_PAGES}`);
    const last = await h.click(adminUser, `fqa:list:${SEED_FAQ_PAGES - 1}`);
    expect(lastText(last)).toContain(`halaman ${SEED_FAQ_PAGES}/${SEED_FAQ_PAGES}`);
    expect(buttons(last).map((b) => b.text)).toContain("◀️");
  });

  it("shows the most 👎 entries and the recent unanswered questions", async () => {
    const answer = await h.send(ani, "kapan insentif cair");
    await h.click(ani, buttons(answer)[1]?.data ?? "", 501);
    await h.send(ani, "bisakah kucing ikut prakerja qwzx");
    const worst = await h.click(adminUser, "fqa:worst:0");
    expect(lastText(worst)).toContain("Kapan insentif Prakerja masuk ke rekening?");
    expect(lastText(worst)).toContain("👎 1");
    const unmatched = await h.click(adminUser, "fqa:unmatched:0");
    expect(lastText(unmatched)).toContain("bisakah kucing ikut prakerja qwzx");
  });

  it("exports the whole base as CSV and imports a changed file", async () => {
    const csv = await exportCsv();
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(SEED_FAQ_COUNT);
    expect(Object.keys(rows[0] ?? {})).toEqual(["slug", "kategori", "pertanyaan", "jawaban", "variasi", "kata_kunci"]);

    const changed = rows.map((r) => (r.slug === "batas-beli-pelatihan" ? { ...r, jawaban: "Batasnya <b>15 hari</b> (diimpor dari CSV)." } : r));
    changed.push({ slug: "oleh-oleh-jambi", kategori: "temu-alumni", pertanyaan: "Apa oleh-oleh khas dari Temu Alumni Jambi?", jawaban: "Peserta mendapat tumbler dan sertifikat.", variasi: "souvenir temu alumni jambi", kata_kunci: "oleh-oleh|souvenir" });
    const report = await sendDocument(adminUser, "good", stringify(changed, { header: true }));
    expect(lastText(report)).toContain(`Impor selesai: 1 entri baru, ${SEED_FAQ_COUNT} diperbarui`);
    expect(lastText(await h.send(budi, "brp hr batas beli pelatihan stlh sk"))).toContain("diimpor dari CSV");
    expect(lastText(await h.send(budi, "souvenir temu alumni jambi apa?"))).toContain("tumbler");
  });

  it("rejects a bad file as a whole, naming every bad row by its line", async () => {
    const rows = [
      { slug: "baru-satu", kategori: "umum", pertanyaan: "Pertanyaan yang baik?", jawaban: "Jawaban yang cukup panjang.", variasi: "", kata_kunci: "" },
      { slug: "Slug Salah", kategori: "umum", pertanyaan: "Hm", jawaban: "Jawaban yang cukup panjang.", variasi: "", kata_kunci: "" },
      { slug: "baru-dua", kategori: "umum", pertanyaan: "Pertanyaan kedua?", jawaban: "<b>tidak ditutup", variasi: "", kata_kunci: "" },
    ];
    const report = await sendDocument(adminUser, "bad", stringify(rows, { header: true }));
    const text = lastText(report);
    expect(text).toContain("Impor dibatalkan, tidak ada yang diubah");
    expect(text).toContain("Baris 3, kolom <code>slug</code>");
    expect(text).toContain("Baris 3, kolom <code>pertanyaan</code>: terlalu pendek");
    expect(text).toContain("Baris 4, kolom <code>jawaban</code>: format HTML tidak valid");
    expect(await h.db.faq.findUnique({ where: { slug: "baru-satu" } })).toBeNull();
    expect(await h.db.faq.count()).toBe(SEED_FAQ_COUNT);

    const notUtf8 = await sendDocument(adminUser, "latin1", Buffer.from([0x73, 0x6c, 0x75, 0x67, 0x0a, 0xe9, 0xff, 0x0a]));
    expect(lastText(notUtf8)).toContain("bukan teks UTF-8");
  });
});
