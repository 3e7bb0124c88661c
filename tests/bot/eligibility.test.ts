import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ELIGIBILITY_IDLE_MS } from "../../src/bot/features/eligibility.js";
import { BotHarness, type RecordedCall } from "../support/bot-harness.js";
import { seedBaseContent } from "../../src/domain/seed.js";

let h: BotHarness;
const siti = { id: 7201, first_name: "Siti" };
/** the bot's clock: 1 June 2025, 10:00 WIB */
const NOW = new Date("2025-06-01T03:00:00Z");

beforeEach(async () => {
  h = await BotHarness.create({ now: () => NOW });
});
afterEach(async () => {
  await h.close();
});

const texts = (calls: RecordedCall[]) => BotHarness.texts(calls).join("\n---\n");
const labels = (calls: RecordedCall[]) => BotHarness.buttons(calls).map((b) => b.text);

/** Presses the button with this label in the last keyboard the bot showed. */
async function press(calls: RecordedCall[], label: string): Promise<RecordedCall[]> {
  const button = BotHarness.buttons(calls).find((b) => b.text === label);
  expect(labels(calls)).toContain(label);
  return h.click(siti, button?.data ?? "");
}

async function answerAll(answers: { wni: string; age: string; student: string; job: string; recipient: string; family: string }) {
  let calls = await h.send(siti, "/kelayakan");
  expect(texts(calls)).toContain("Apakah kamu Warga Negara Indonesia");
  calls = await press(calls, answers.wni);
  expect(texts(calls)).toContain("Berapa umurmu?");
  calls = await h.send(siti, answers.age);
  calls = await press(calls, answers.student);
  expect(texts(calls)).toContain("Apakah saat ini kamu termasuk salah satu");
  calls = await press(calls, answers.job);
  calls = await press(calls, answers.recipient);
  expect(texts(calls)).toContain("Kartu Keluarga");
  return press(calls, answers.family);
}

describe("/kelayakan", () => {
  it("walks through every question and tells an eligible person what to do next", async () => {
    const first = await h.send(siti, "/kelayakan");
    expect(labels(first)).toEqual(["Ya", "Tidak"]);
    const result = await answerAll({ wni: "Ya", age: "25", student: "Tidak", job: "Bukan salah satunya", recipient: "Belum pernah", family: "Belum ada" });
    const text = BotHarness.texts(result).at(-1) ?? "";
    expect(text).toContain("Kamu memenuhi syarat dasar Kartu Prakerja");
    expect(text).toContain("www.prakerja.go.id");
    expect(text).not.toMatch(/gelombang\s+(sedang|sudah)\s+dibuka/i);
    const buttons = BotHarness.buttons(result);
    expect(buttons.find((b) => b.url)?.url).toBe("https://www.prakerja.go.id");
    expect(buttons.map((b) => b.text)).toContain("🔁 Cek ulang");
    // nothing about the person is stored, and the conversation is over
    expect(await h.db.user.count()).toBe(0);
    const after = await h.send(siti, "berapa insentifnya");
    expect(texts(after)).not.toContain("Pilih jawabanmu dengan tombol");
  });

  it("lists every failing rule with its reason", async () => {
    const result = await answerAll({
      wni: "Tidak",
      age: "70",
      student: "Ya",
      job: "Kepala desa / perangkat desa",
      recipient: "Ya, pernah",
      family: "2 orang atau lebih",
    });
    const text = BotHarness.texts(result).at(-1) ?? "";
    expect(text).toContain("belum memenuhi syarat");
    expect(text).toContain("Ada 6 syarat yang belum terpenuhi");
    expect(text).toContain("harus Warga Negara Indonesia");
    expect(text).toContain("Usia maksimal 64 tahun, sedangkan umurmu 70 tahun");
    expect(text).toContain("pendidikan formal");
    expect(text).toContain("Kepala desa / perangkat desa tidak bisa menjadi penerima");
    expect(text).toContain("hanya bisa diterima satu kali");
    expect(text).toContain("paling banyak 2 orang");
    expect(text.match(/^• /gm)).toHaveLength(6);
  });

  it("explains a single reason and that it can change later", async () => {
    const result = await answerAll({ wni: "Ya", age: "16", student: "Tidak", job: "Bukan salah satunya", recipient: "Belum pernah", family: "1 orang" });
    const text = BotHarness.texts(result).at(-1) ?? "";
    expect(text).toContain("Ada 1 syarat yang belum terpenuhi");
    expect(text).toContain("Usia minimal 18 tahun, sedangkan umurmu 16 tahun");
    expect(text).toContain("sudah berusia 18 tahun");
  });

  it("asks the age again politely after bad input, and accepts a date of birth", async () => {
    let calls = await h.send(siti, "/kelayakan");
    calls = await press(calls, "Ya");
    for (const bad of ["dua puluh", "150", "-3"]) {
      const retry = await h.send(siti, bad);
      const reply = texts(retry);
      expect(reply).toMatch(/belum bisa membaca umur|kurang pas/);
      expect(reply).not.toContain("Apakah saat ini kamu sedang sekolah");
    }
    const future = await h.send(siti, "17-08-2030");
    expect(texts(future)).toContain("belum lewat");
    // 17 August 2007: 17 years old on 1 June 2025 (the birthday has not come yet)
    calls = await h.send(siti, "17-08-2007");
    expect(texts(calls)).toContain("Berarti umurmu sekarang 17 tahun.");
    expect(texts(calls)).toContain("Apakah saat ini kamu sedang sekolah");
    calls = await press(calls, "Tidak");
    calls = await press(calls, "Bukan salah satunya");
    calls = await press(calls, "Belum pernah");
    calls = await press(calls, "Belum ada");
    expect(BotHarness.texts(calls).at(-1)).toContain("umurmu 17 tahun");
  });

  it("reminds to use the buttons when text is typed at a button question, and ignores old buttons", async () => {
    let calls = await h.send(siti, "/kelayakan");
    const wniYes = BotHarness.buttons(calls).find((b) => b.text === "Ya")?.data ?? "";
    const reminder = await h.send(siti, "iya dong");
    expect(texts(reminder)).toContain("Pilih jawabanmu dengan tombol");
    expect(labels(reminder)).toEqual(["Ya", "Tidak"]);
    calls = await h.click(siti, wniYes);
    expect(texts(calls)).toContain("➡️ <b>Ya</b>");
    calls = await h.send(siti, "30");
    // pressing the first question's button again does not answer the current one
    const stale = await h.click(siti, wniYes);
    expect(stale.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("pertanyaan lain");
    expect(BotHarness.texts(stale)).toEqual([]);
  });

  it("starts from the main menu, and /batal ends the check", async () => {
    const menu = await h.send(siti, "/menu");
    const button = BotHarness.buttons(menu).find((b) => b.text === "✅ Cek Kelayakan");
    const calls = await h.click(siti, button?.data ?? "");
    expect(texts(calls)).toContain("Apakah kamu Warga Negara Indonesia");
    const cancel = await h.send(siti, "/batal");
    expect(texts(cancel)).toContain("dibatalkan");
    const stale = await h.click(siti, "elg:citizen:yes");
    expect(stale.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe("Tombol ini dari pertanyaan lain. Jawab pertanyaan terakhir, atau ketik /kelayakan untuk mulai lagi.");
    expect(BotHarness.texts(stale)).toEqual([]);
  });

  it("ends a check left alone for a long time: a question typed later gets an FAQ answer", async () => {
    await seedBaseContent(h.db);
    await h.send(siti, "/kelayakan");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + ELIGIBILITY_IDLE_MS + 60_000);
      const later = await h.send(siti, "kapan insentif cair");
      expect(texts(later)).not.toContain("Pilih jawabanmu dengan tombol");
      expect(texts(later)).toContain("Kapan insentif Prakerja masuk ke rekening?");
    } finally {
      vi.useRealTimers();
    }
    // and the old buttons say so
    const stale = await h.click(siti, "elg:citizen:yes");
    expect(stale.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe("Tombol ini dari pertanyaan lain. Jawab pertanyaan terakhir, atau ketik /kelayakan untuk mulai lagi.");
    expect(BotHarness.texts(stale)).toEqual([]);
  });

  it("speaks English after /bahasa", async () => {
    await h.send(siti, "/bahasa");
    await h.click(siti, "lang:en");
    const calls = await h.send(siti, "/kelayakan");
    expect(texts(calls)).toContain("Are you an Indonesian citizen");
    expect(labels(calls)).toEqual(["Yes", "No"]);
  });
});
