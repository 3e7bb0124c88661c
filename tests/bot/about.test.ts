import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotHarness } from "../support/bot-harness.js";
import { ABOUT_PAGES } from "../../src/bot/features/about.js";
import { isAllowedTelegramHtml } from "../../src/domain/faq/entry.js";

let h: BotHarness;
const budi = { id: 7101, first_name: "Budi" };

beforeEach(async () => {
  h = await BotHarness.create();
});
afterEach(async () => {
  await h.close();
});

async function openGuide() {
  const menu = await h.send(budi, "/menu");
  const about = BotHarness.buttons(menu).find((b) => b.text === "ℹ️ Tentang Prakerja");
  expect(about?.data).toBeDefined();
  return h.click(budi, about?.data ?? "");
}

describe("Tentang Prakerja", () => {
  it("opens from the main menu at the first page with forward navigation only", async () => {
    const calls = await openGuide();
    const sent = calls.filter((c) => c.method === "sendMessage");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.payload.parse_mode).toBe("HTML");
    const text = BotHarness.texts(calls)[0] ?? "";
    expect(text).toContain("Apa itu Kartu Prakerja?");
    expect(text).toContain("Manajemen Pelaksana Program Kartu Prakerja");
    expect(text).toContain("Halaman 1 dari 8");
    expect(BotHarness.buttons(calls).map((b) => b.text)).toEqual(["Berikutnya ▶️", "🏠 Menu"]);
  });

  it("pages through every topic by editing the same message", async () => {
    await openGuide();
    const expected = [
      "Siapa yang boleh ikut?",
      "Rp3.500.000",
      "www.prakerja.go.id",
      "15 hari",
      "Luring",
      "Riwayat Insentif",
      "Waspada penipuan".toLowerCase(),
    ];
    const seen: string[] = [];
    for (let page = 1; page < ABOUT_PAGES.length; page++) {
      const calls = await h.click(budi, `about:${page}`, 555);
      const edit = calls.find((c) => c.method === "editMessageText");
      expect(edit?.payload.message_id).toBe(555);
      expect(calls.some((c) => c.method === "sendMessage")).toBe(false);
      const text = String(edit?.payload.text);
      seen.push(text);
      expect(text.toLowerCase()).toContain(expected[page - 1]?.toLowerCase());
      expect(text).toContain(`Halaman ${page + 1} dari 8`);
      const labels = BotHarness.buttons(calls).map((b) => b.text);
      expect(labels).toContain("◀️ Sebelumnya");
      expect(labels).toContain("🏠 Menu");
      expect(labels.includes("Berikutnya ▶️")).toBe(page < ABOUT_PAGES.length - 1);
    }
    const all = seen.join("\n");
    // 2023+ amounts first, with the old rules marked as old
    expect(all).toContain("Rp600.000</b>, satu kali");
    expect(all).toContain("2020–2022");
    // what happens when the 15-day deadline is missed
    expect(all).toContain("tidak bisa ikut Prakerja lagi");
    expect(all).toContain("bantuan.prakerja.go.id");
    expect(all).toContain("OTP");
    // never claims that a registration wave is open now
    expect(all).not.toMatch(/gelombang\s+\S*\s*(sedang|sudah)\s+dibuka/i);
  });

  it("goes back and returns to the menu in the same message", async () => {
    await openGuide();
    const back = await h.click(budi, "about:0", 556);
    expect(BotHarness.texts(back)[0]).toContain("Apa itu Kartu Prakerja?");
    const home = await h.click(budi, "abouth", 556);
    const edit = home.find((c) => c.method === "editMessageText");
    expect(edit?.payload.message_id).toBe(556);
    expect(String(edit?.payload.text)).toContain("Mau ngapain hari ini?");
    expect(BotHarness.buttons(home).map((b) => b.text)).toContain("✅ Cek Kelayakan");
  });

  it("every page is short, valid Telegram HTML in both languages", () => {
    for (const lang of ["id", "en"]) {
      for (const page of ABOUT_PAGES) {
        const text = h.app.i18n.t(lang, `about-page-${page}`);
        expect(isAllowedTelegramHtml(text), `${lang} ${page}`).toBe(true);
        expect(text.length, `${lang} ${page}`).toBeLessThan(1200);
        expect(text).not.toMatch(/about-page/);
      }
    }
  });

  it("answers a forged page politely", async () => {
    const calls = await h.click(budi, "about:99");
    expect(calls.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("Tombol ini sudah tidak berlaku");
    expect(calls.some((c) => c.method === "editMessageText")).toBe(false);
  });

  it("speaks English after /bahasa", async () => {
    await h.send(budi, "/bahasa");
    await h.click(budi, "lang:en");
    const calls = await h.click(budi, "about:2");
    const text = BotHarness.texts(calls)[0] ?? "";
    expect(text).toContain("What do you get?");
    expect(text).toContain("Page 3 of 8");
    expect(BotHarness.buttons(calls).map((b) => b.text)).toEqual(["◀️ Previous", "Next ▶️", "🏠 Menu"]);
  });
});
