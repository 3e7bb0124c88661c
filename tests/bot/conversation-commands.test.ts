import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotHarness } from "../support/bot-harness.js";

let h: BotHarness;
const rina = { id: 7301, first_name: "Rina" };

beforeEach(async () => {
  h = await BotHarness.create();
});
afterEach(async () => {
  await h.close();
});

describe("commands during a conversation", () => {
  it("a message that only mentions a command stays inside the conversation", async () => {
    await h.send(rina, "/kelayakan");
    const calls = await h.send(rina, "saya mau lihat /acara dulu");
    // the eligibility conversation is still waiting for its yes/no answer and asks again
    expect(BotHarness.texts(calls).join("\n")).toContain("Pilih jawabanmu dengan tombol");
    const yes = BotHarness.buttons(calls).find((b) => b.text === "Ya");
    expect(yes).toBeDefined();
    const next = await h.click(rina, yes?.data ?? "");
    expect(BotHarness.texts(next).join("\n")).toContain("Berapa umurmu?");
  });

  it("a message that starts with a command leaves the conversation", async () => {
    await h.send(rina, "/kelayakan");
    const cancel = await h.send(rina, "/batal");
    expect(BotHarness.texts(cancel)[0]).toContain("Oke, dibatalkan");
    const again = await h.send(rina, "/batal");
    expect(BotHarness.texts(again)[0]).toContain("Tidak ada yang sedang berjalan");
  });
});
