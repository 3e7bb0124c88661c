import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotHarness } from "../support/bot-harness.js";

// The conversation toolkit (src/bot/conversation/ask.ts) through a real conversation: the eligibility
// check asks a button question (askChoice → askButton) and a text question (the age, through ask).
let h: BotHarness;
const sari = { id: 7401, first_name: "Sari" };

beforeEach(async () => {
  h = await BotHarness.create();
});
afterEach(async () => {
  await h.close();
});

async function yesButton(): Promise<string> {
  const calls = await h.send(sari, "/kelayakan");
  const yes = BotHarness.buttons(calls).find((b) => b.text === "Ya");
  expect(yes?.data).toMatch(/^elg:citizen:yes$/);
  return yes?.data ?? "";
}

describe("conversation toolkit", () => {
  it("answers typed text to a button question with the reminder and the same buttons", async () => {
    const yes = await yesButton();
    const calls = await h.send(sari, "ya dong");
    expect(BotHarness.texts(calls)).toEqual(["Pilih jawabanmu dengan tombol di bawah ini, ya. Ketik /batal kalau mau berhenti."]);
    expect(BotHarness.buttons(calls).map((b) => b.data)).toContain(yes);
    // the question is still open: the button answers it
    expect(BotHarness.texts(await h.click(sari, yes)).join("\n")).toContain("Berapa umurmu?");
  });

  it("passes a button of another feature on and keeps the question open", async () => {
    const yes = await yesButton();
    // the /cerita pager belongs to the feedback feature, which answers it
    const foreign = await h.click(sari, "fbst:0");
    expect(foreign.some((c) => c.method === "answerCallbackQuery")).toBe(true);
    expect(BotHarness.texts(foreign).join("\n")).not.toContain("Pilih jawabanmu dengan tombol");
    expect(BotHarness.texts(await h.click(sari, yes)).join("\n")).toContain("Berapa umurmu?");
  });

  it("leaves the conversation on a /command", async () => {
    const yes = await yesButton();
    const cancel = await h.send(sari, "/batal");
    expect(BotHarness.texts(cancel)[0]).toContain("Oke, dibatalkan");
    // the question is closed: its button is now an old one, typed text no longer gets the reminder
    const stale = await h.click(sari, yes);
    expect(stale.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("Tombol ini dari pertanyaan lain");
    expect(BotHarness.texts(await h.send(sari, "ya dong")).join("\n")).not.toContain("Pilih jawabanmu dengan tombol");
  });

  it("asks an invalid typed answer again with the reason, then takes a valid one", async () => {
    const yes = await yesButton();
    await h.click(sari, yes);
    expect(BotHarness.texts(await h.send(sari, "umurku rahasia"))).toEqual([
      "Maaf, aku belum bisa membaca umur dari pesan itu 🙏 Ketik umurmu dalam angka (misalnya <i>25</i>) atau tanggal lahirmu dengan format tanggal-bulan-tahun (misalnya <i>17-08-1995</i>).",
    ]);
    expect(BotHarness.texts(await h.send(sari, "200"))[0]).toContain("umur itu sepertinya kurang pas");
    // a button of an earlier question of the same conversation gets the old-button notice
    const old = await h.click(sari, yes);
    expect(old.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("Tombol ini dari pertanyaan lain");
    expect(BotHarness.texts(await h.send(sari, "25")).join("\n")).toContain("3/6");
  });
});
