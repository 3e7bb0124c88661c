import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotHarness } from "../support/bot-harness.js";
import { CONSENT_VERSION } from "../../src/domain/users.js";

let h: BotHarness;
const ani = { id: 7001, first_name: "Ani" };

beforeEach(async () => {
  h = await BotHarness.create();
});
afterEach(async () => {
  await h.close();
});

describe("onboarding through bot.handleUpdate", () => {
  it("greets in Indonesian and asks for consent before storing anything", async () => {
    const calls = await h.send(ani, "/start");
    const texts = BotHarness.texts(calls);
    expect(texts[0]).toContain("Halo, Ani!");
    expect(texts[1]).toContain("boleh aku menyimpan");
    expect(BotHarness.buttons(calls).map((b) => b.data)).toEqual(["consent:yes", "consent:no"]);
    expect(await h.db.user.count()).toBe(0);
  });

  it("records consent, role and a typed province with a typo, then shows the main menu", async () => {
    await h.send(ani, "/start");
    const afterConsent = await h.click(ani, "consent:yes");
    expect(BotHarness.texts(afterConsent).join("\n")).toContain("Kamu termasuk yang mana?");
    const user = await h.db.user.findUnique({ where: { telegramId: 7001n } });
    expect(user?.consentVersion).toBe(CONSENT_VERSION);
    expect(user?.consentAt).toBeInstanceOf(Date);

    const afterRole = await h.click(ani, "role:alumni");
    expect(BotHarness.texts(afterRole).join("\n")).toContain("provinsi mana");
    expect(BotHarness.buttons(afterRole).some((b) => b.text === "Jambi")).toBe(true);

    const afterProvince = await h.send(ani, "kalimantan selatn");
    const texts = BotHarness.texts(afterProvince);
    expect(texts[0]).toContain("Kalimantan Selatan");
    const menu = BotHarness.buttons(afterProvince).map((b) => b.text);
    expect(menu).toEqual(["ℹ️ Tentang Prakerja", "✅ Cek Kelayakan", "❓ Tanya Jawab", "🤝 Temu Alumni", "💬 Masukan", "🔒 Privasi"]);
    const saved = await h.db.user.findUniqueOrThrow({ where: { telegramId: 7001n } });
    expect(saved.role).toBe("alumni");
    expect(saved.province).toBe("63");
  });

  it("declining consent stores no user row and still offers the menu", async () => {
    await h.send(ani, "/start");
    const calls = await h.click(ani, "consent:no");
    expect(BotHarness.texts(calls).join("\n")).toContain("tidak menyimpan data pribadimu");
    expect(BotHarness.buttons(calls).length).toBe(6);
    expect(await h.db.user.count()).toBe(0);
    // /start again does not nag with the consent question
    const again = await h.send(ani, "/start");
    expect(BotHarness.texts(again).join("\n")).not.toContain("boleh aku menyimpan");
  });

  it("answers forged or malformed button data politely without touching data", async () => {
    await h.send(ani, "/start");
    for (const data of ["role:admin", "prov:99", "consent:maybe", "provp:999", "xyz"]) {
      const calls = await h.click(ani, data);
      const answer = calls.find((c) => c.method === "answerCallbackQuery");
      expect(answer?.payload.text).toContain("Tombol ini sudah tidak berlaku");
    }
    expect(await h.db.user.count()).toBe(0);
  });

  it("pages through the province keyboard", async () => {
    await h.send(ani, "/start");
    await h.click(ani, "consent:yes");
    await h.click(ani, "role:calon");
    const calls = await h.click(ani, "provp:3");
    const edit = calls.find((c) => c.method === "editMessageReplyMarkup");
    const labels = ((edit?.payload.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard ?? []).flat().map((b) => b.text);
    expect(labels).toContain("Papua Barat Daya");
    expect(labels).not.toContain("Aceh");
  });

  it("switches to English with /bahasa and back", async () => {
    await h.send(ani, "/bahasa");
    const calls = await h.click(ani, "lang:en");
    expect(BotHarness.texts(calls).join("\n")).toContain("Language changed to English");
    const help = await h.send(ani, "/bantuan");
    expect(BotHarness.texts(help)[0]).toContain("What I can do");
    await h.click(ani, "lang:id");
    const helpId = await h.send(ani, "/bantuan");
    expect(BotHarness.texts(helpId)[0]).toContain("Yang bisa aku bantu");
  });

  it("replies to unknown commands and to non-text messages", async () => {
    const calls = await h.send(ani, "/tidakada");
    expect(BotHarness.texts(calls)[0]).toContain("tidak mengenal perintah itu");
  });
});
