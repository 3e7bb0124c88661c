// FAQ, eligibility and FAQ admin through the REAL bot process and the Telegram emulator, including a
// SIGKILL in the middle of /kelayakan.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../src/db.js";
import { startBotProcess, type BotProcess } from "../support/bot-process.js";
import { emptyDatabaseUrl } from "../support/db.js";
import { startEmulator, type Emulator } from "../support/emulator.js";
import { TestUser } from "../support/user.js";

const ADMIN_ID = 880_001;
const READY = 60_000;

let emu: Emulator;
let bot: BotProcess;
let dir: string;
let dbUrl: string;

function start(): BotProcess {
  return startBotProcess({ emu, databaseUrl: dbUrl, readyTimeoutMs: READY, env: { ADMIN_IDS: String(ADMIN_ID) } });
}

beforeAll(async () => {
  emu = await startEmulator();
  ({ url: dbUrl, dir } = emptyDatabaseUrl());
  bot = start();
  await bot.ready();
}, 90_000);

afterAll(async () => {
  await bot?.stop().catch(() => undefined);
  await emu?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function user(firstName: string, id?: number): TestUser {
  return new TestUser(emu, { first_name: firstName, ...(id ? { id } : {}) }, { process: bot, timeoutMs: 20_000 });
}

/** Asks a question and returns the bot's answer text. */
async function ask(u: TestUser, question: string): Promise<string> {
  await u.send(question);
  return (await u.reply()).text ?? "";
}

/** Every stored FAQ vote, oldest first, with the question it was about (through a second connection). */
async function helpfulVotes(): Promise<{ question: string; helpful: number }[]> {
  const db = await openDatabase(dbUrl);
  try {
    const votes = await db.faqVote.findMany({ orderBy: { id: "asc" }, include: { faq: { select: { question: true } } } });
    return votes.map((v) => ({ question: v.faq.question, helpful: v.helpful ? 1 : 0 }));
  } finally {
    await db.$disconnect();
  }
}

/** The conversation state the bot persisted for this chat ("" when none). */
async function conversationState(chatId: number): Promise<string> {
  const db = await openDatabase(dbUrl);
  try {
    return (await db.session.findUnique({ where: { key: `conv:${chatId}` } }))?.value ?? "";
  } finally {
    await db.$disconnect();
  }
}

describe("FAQ and eligibility end to end (real process, emulator)", { timeout: 120_000 }, () => {
  it("answers everyday typed questions with the right facts", async () => {
    const u = user("Wulan");
    const deadline = await ask(u, "brp hr batas beli pelatihan stlh sk");
    expect(deadline).toContain("15 hari");
    expect(u.keyboardLabels().slice(0, 2)).toEqual(["Membantu 👍", "Tidak 👎"]);

    const incentive = await ask(u, "insentif 600rb x4 kan?");
    expect(incentive).toContain("satu kali");
    expect(incentive).toContain("2020–2022");

    expect(await ask(u, "apa ada aplikasi prakerja?")).toContain("aplikasi resmi");
    expect(await ask(u, "umur 17 boleh ikut?")).toMatch(/18/);
    const wave = await ask(u, "kapan gelombang dibuka?");
    expect(wave).toContain("tidak bisa memastikan");

    const none = await ask(u, "asdkjh qwpoeiru zzxm");
    expect(none).toContain("belum tahu jawaban");
    expect(none).toContain("bantuan.prakerja.go.id");

    // the vote is stored and the message is edited to thank them
    await u.send("kapan insentif cair");
    await u.reply("Kapan insentif Prakerja masuk ke rekening?");
    const votesBefore = await helpfulVotes();
    await u.click("Membantu 👍");
    const edited = await u.reply("Terima kasih atas penilaianmu");
    expect(edited.reply_markup?.inline_keyboard.flat().some((b) => b.text.includes("👍"))).toBeFalsy();
    expect(await helpfulVotes()).toEqual([...votesBefore, { question: "Kapan insentif Prakerja masuk ke rekening?", helpful: 1 }]);
  });

  it("runs the eligibility check and explains every failing rule", async () => {
    const u = user("Bayu");
    await u.send("/kelayakan");
    await u.reply("Apakah kamu Warga Negara Indonesia");
    await u.click("Ya");
    await u.reply("Berapa umurmu?");
    await u.send("umur segini");
    await u.reply("belum bisa membaca umur");
    await u.send("01-01-1950");
    await u.reply("Berarti umurmu sekarang");
    await u.reply("sedang sekolah atau kuliah");
    await u.click("Ya");
    await u.reply("termasuk salah satu di bawah ini");
    await u.click("Anggota Polri");
    await u.reply("pernah ditetapkan sebagai penerima");
    await u.click("Belum pernah");
    await u.reply("Kartu Keluarga");
    await u.click("1 orang");
    const result = await u.reply("belum memenuhi syarat");
    expect(result.text).toContain("Ada 3 syarat yang belum terpenuhi");
    expect(result.text).toContain("Usia maksimal 64 tahun");
    expect(result.text).toContain("pendidikan formal");
    expect(result.text).toContain("Anggota Polri tidak bisa menjadi penerima");
    expect(u.keyboardLabels()).toContain("🔁 Cek ulang");
  });

  it("continues /kelayakan at the same question after SIGKILL and a restart, keeping earlier answers", async () => {
    const u = user("Rahmi");
    await u.send("/kelayakan");
    await u.reply("Apakah kamu Warga Negara Indonesia");
    await u.click("Ya");
    await u.reply("Berapa umurmu?");
    await u.send("16");
    const studentQuestion = await u.reply("sedang sekolah atau kuliah");
    // the conversation state is written right after the reply went out: wait for it, then crash
    await vi.waitFor(async () => expect(await conversationState(u.id)).toMatch(/sedang sekolah atau kuliah/), { timeout: 10_000 });

    bot.kill("SIGKILL");
    await bot.exited;
    bot = start();
    await bot.ready();

    // Typing shows the same open question again, then the user answers it with its buttons.
    await u.send("halo?");
    await u.reply("Pilih jawabanmu dengan tombol");
    await u.click("Tidak", { messageId: studentQuestion.message_id });
    await u.reply("termasuk salah satu di bawah ini");
    await u.click("Bukan salah satunya");
    await u.reply("pernah ditetapkan sebagai penerima");
    await u.click("Belum pernah");
    await u.reply("Kartu Keluarga");
    await u.click("Belum ada");
    const result = await u.reply("belum memenuhi syarat");
    // the age typed before the crash is still there
    expect(result.text).toContain("Usia minimal 18 tahun, sedangkan umurmu 16 tahun");
    expect(result.text).toContain("Ada 1 syarat");
    // each question was asked once: nothing was repeated by the replay after the restart
    expect(u.messages().filter((m) => (m.text ?? "").includes("Berapa umurmu?"))).toHaveLength(1);
    expect(u.messages().filter((m) => (m.text ?? "").includes("termasuk salah satu di bawah ini"))).toHaveLength(1);
  });

  it("an admin changes an answer and the next user sees it", async () => {
    const visitor = user("Tono");
    expect(await ask(visitor, "/faq_admin")).toContain("tidak mengenal perintah itu");

    const admin = user("Admin", ADMIN_ID);
    await admin.send("/faq_admin batas beli pelatihan");
    await admin.reply("Hasil untuk");
    await admin.click("Berapa lama batas waktu membeli pelatihan");
    await admin.reply("batas-beli-pelatihan");
    await admin.click("✏️ Ubah");
    await admin.reply("Bagian mana");
    await admin.click("Jawaban");
    await admin.reply("saat ini");
    await admin.send("Batasnya <b>15 hari</b> sejak ditetapkan sebagai penerima. Jangan sampai lewat! (diperbarui)");
    await admin.reply("tersimpan dan langsung berlaku");

    const next = user("Lina");
    const answer = await ask(next, "brp hr batas beli pelatihan stlh sk");
    expect(answer).toContain("Jangan sampai lewat! (diperbarui)");
  });
});
