// /berhenti, /langganan and my_chat_member (block / unblock) through the real bot and a real database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countAudience } from "../../src/domain/broadcast/audience.js";
import { BotHarness, TEST_BOT_INFO } from "../support/bot-harness.js";
import { seedUsers } from "../support/broadcast-fixtures.js";

let h: BotHarness;
const sari = { id: 7101, first_name: "Sari" };
const stranger = { id: 7102, first_name: "Tamu" };

beforeEach(async () => {
  h = await BotHarness.create();
  await seedUsers(h.db, [{ telegramId: 7101n, role: "alumni", province: "15" }]);
});
afterEach(async () => {
  await h.close();
});

function chatMember(userId: number, from: "member" | "kicked", to: "member" | "kicked") {
  const bot = { id: TEST_BOT_INFO.id, is_bot: true as const, first_name: TEST_BOT_INFO.first_name, username: TEST_BOT_INFO.username };
  return {
    my_chat_member: {
      chat: { id: userId, type: "private" as const, first_name: "Sari" },
      from: { id: userId, is_bot: false, first_name: "Sari" },
      date: Math.floor(Date.now() / 1000),
      old_chat_member: from === "kicked" ? { status: "kicked" as const, user: bot, until_date: 0 } : { status: "member" as const, user: bot },
      new_chat_member: to === "kicked" ? { status: "kicked" as const, user: bot, until_date: 0 } : { status: "member" as const, user: bot },
    },
  };
}

describe("announcement subscription", () => {
  it("/berhenti stops announcements, /langganan resumes them", async () => {
    expect(await countAudience(h.db, { kind: "all" })).toBe(1);
    const stop = BotHarness.texts(await h.send(sari, "/berhenti"));
    expect(stop.join("\n")).toContain("tidak akan menerima pengumuman lagi");
    const user = await h.db.user.findUniqueOrThrow({ where: { telegramId: 7101n } });
    expect(user.optedOutAt).toBeInstanceOf(Date);
    expect(await countAudience(h.db, { kind: "all" })).toBe(0);
    expect(BotHarness.texts(await h.send(sari, "/berhenti")).join("\n")).toContain("sudah tidak menerima");

    const again = BotHarness.texts(await h.send(sari, "/langganan"));
    expect(again.join("\n")).toContain("akan menerima pengumuman Temu Alumni lagi");
    expect((await h.db.user.findUniqueOrThrow({ where: { telegramId: 7101n } })).optedOutAt).toBeNull();
    expect(await countAudience(h.db, { kind: "all" })).toBe(1);
    expect(BotHarness.texts(await h.send(sari, "/langganan")).join("\n")).toContain("sudah menerima pengumuman");
  });

  it("someone without consent is told there is nothing to stop, and how to sign up", async () => {
    expect(BotHarness.texts(await h.send(stranger, "/berhenti")).join("\n")).toContain("belum terdaftar menerima pengumuman");
    expect(BotHarness.texts(await h.send(stranger, "/langganan")).join("\n")).toContain("/start");
    expect(await h.db.user.count()).toBe(1);
  });

  it("blocking the bot sets blockedAt (left out of audiences); unblocking clears it", async () => {
    await h.handle(chatMember(7101, "member", "kicked"));
    const blocked = await h.db.user.findUniqueOrThrow({ where: { telegramId: 7101n } });
    expect(blocked.blockedAt).toBeInstanceOf(Date);
    expect(await countAudience(h.db, { kind: "role", role: "alumni" })).toBe(0);
    expect(h.calls.filter((c) => c.method.startsWith("send"))).toEqual([]);

    await h.handle(chatMember(7101, "kicked", "member"));
    expect((await h.db.user.findUniqueOrThrow({ where: { telegramId: 7101n } })).blockedAt).toBeNull();
    expect(await countAudience(h.db, { kind: "role", role: "alumni" })).toBe(1);
  });

  it("a block by someone the bot never stored changes nothing", async () => {
    await h.handle(chatMember(7102, "member", "kicked"));
    expect(await h.db.user.count()).toBe(1);
    expect((await h.db.user.findUniqueOrThrow({ where: { telegramId: 7101n } })).blockedAt).toBeNull();
  });
});
