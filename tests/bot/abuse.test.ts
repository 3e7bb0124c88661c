import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { BotHarness } from "../support/bot-harness.js";
import { documentOf, leaveFootprint, onboard, OWNER, PRIVACY_NOW } from "../support/privacy-fixtures.js";
import { channelPost, editedPrivateMessage, groupMessage, LogCapture } from "../support/updates.js";

let h: BotHarness;
const ani = { id: 5_550_001_234, first_name: "Anindita", fullName: "Anindita Wulandari", phone: "+6281298765432", story: "Kisah rahasia Anindita tentang warung kopinya." };
const budi = { id: 5_550_009_876, first_name: "Bambang" };
const RATE_LIMITED = "Pelan-pelan ya 🙏 Pesanmu terlalu cepat. Tunggu beberapa detik, lalu coba lagi.";

beforeEach(async () => {
  h = await BotHarness.create({ now: () => PRIVACY_NOW });
});
afterEach(async () => {
  await h.close();
});

/** Sends the bot's log lines (level info) into `capture` from now on. */
function captureLogs(level = "info"): LogCapture {
  const capture = new LogCapture();
  h.app.kit.deps.logger = createLogger(level, capture);
  return capture;
}

describe("flood protection", () => {
  it("a flood gets ONE polite notice, not one per message, and other users are unaffected", async () => {
    const calls = [];
    for (let i = 0; i < 45; i++) calls.push(...(await h.send(ani, "/bantuan")));
    const texts = BotHarness.texts(calls);
    expect(texts.filter((t) => t === RATE_LIMITED)).toHaveLength(1);
    expect(texts.filter((t) => t.includes("Yang bisa aku bantu"))).toHaveLength(20);
    expect(texts).toHaveLength(21);
    // buttons pressed during the flood are still answered (no endless spinner), without more notices
    const click = await h.click(ani, "about:0");
    expect(click.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(BotHarness.texts(await h.send(budi, "/bantuan"))[0]).toContain("Yang bisa aku bantu");
  });

  it("speaks the user's language in the notice", async () => {
    await h.send(budi, "/bahasa");
    await h.click(budi, "lang:en");
    const calls = [];
    for (let i = 0; i < 25; i++) calls.push(...(await h.send(budi, "halo")));
    expect(BotHarness.texts(calls).filter((t) => t.startsWith("Slow down"))).toHaveLength(1);
    await h.send({ id: budi.id }, "/bahasa");
  });
});

describe("groups and channels", () => {
  const group = { id: -100_123, type: "group" as const };
  const supergroup = { id: -100_456_789, type: "supergroup" as const };

  it("commands in groups get only a pointer to the private chat; data commands do nothing there", async () => {
    await onboard(h, ani);
    for (const chat of [group, supergroup]) {
      for (const command of ["/start", "/dataku", "/hapusdata", "/tarikpersetujuan", "/siaran halo semua", "/admin_tambah 1", `/menu@prakerja_test_bot`]) {
        const before = h.calls.length;
        await h.handle(groupMessage(ani, chat, command));
        const calls = h.calls.slice(before);
        expect(calls.map((c) => c.method), command).toEqual(["sendMessage"]);
        expect(calls[0]?.payload.chat_id).toBe(chat.id);
        expect(String(calls[0]?.payload.text)).toContain("chat pribadi");
        expect(String(calls[0]?.payload.text)).toContain("@prakerja_test_bot");
      }
    }
    expect(await h.db.user.count()).toBe(1);
    // the owner's admin commands in a group are not run either
    const before = h.calls.length;
    await h.handle(groupMessage(OWNER, group, `/admin_tambah ${budi.id}`));
    expect(h.calls.slice(before).map((c) => String(c.payload.text))).toEqual([expect.stringContaining("chat pribadi")]);
    expect(await h.db.admin.count()).toBe(0);
  });

  it("ordinary group chatter, channel posts and edited messages get no answer", async () => {
    const before = h.calls.length;
    await h.handle(groupMessage(ani, group, "halo semua, ada info Prakerja?"));
    await h.handle(groupMessage(ani, supergroup, "gelombang berikutnya kapan ya"));
    await h.handle(channelPost(-100_999, "Pengumuman kanal"));
    await h.handle(channelPost(-100_999, "/start", false));
    await h.handle(channelPost(-100_999, "Pengumuman kanal (diedit)", true));
    await h.handle(editedPrivateMessage(ani, "pesan yang diedit"));
    expect(h.calls.slice(before)).toEqual([]);
    expect(await h.db.session.count({ where: { key: "-100999" } })).toBe(0);
  });
});

describe("error boundary", () => {
  it("an unexpected error in one update is logged with its update id, the user gets an apology, and the bot goes on", async () => {
    const logs = captureLogs();
    await onboard(h, ani);
    await h.db.$executeRawUnsafe(`ALTER TABLE "User" RENAME TO "User_gone"`);
    const failed = await h.send(ani, "/start");
    expect(BotHarness.texts(failed)).toContain("Maaf, ada kendala di sistem kami. Coba lagi sebentar lagi, ya. 🙏");
    const clickFailed = await h.click(ani, "role:calon");
    expect(clickFailed.some((c) => c.method === "answerCallbackQuery")).toBe(true);
    expect(BotHarness.texts(clickFailed)).toContain("Maaf, ada kendala di sistem kami. Coba lagi sebentar lagi, ya. 🙏");
    await h.db.$executeRawUnsafe(`ALTER TABLE "User_gone" RENAME TO "User"`);

    const errors = logs.entries().filter((e) => e.msg === "update failed");
    expect(errors).toHaveLength(2);
    for (const entry of errors) {
      expect(entry.level).toBe(50);
      expect(typeof entry.update_id).toBe("number");
      expect(entry.user).toBe(ani.id);
      expect((entry.err as { type?: string }).type).toBeTruthy();
    }
    // the next update works as before
    const ok = await h.send(ani, "/start");
    expect(BotHarness.texts(ok).join("\n")).toContain("Halo, Anindita!");
  });

  it("a failing Telegram call inside a handler is contained the same way", async () => {
    let failures = 1;
    h.app.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "sendDocument" && failures-- > 0) throw new Error("socket hang up");
      return prev(method, payload, signal);
    });
    await onboard(h, ani);
    const calls = await h.send(ani, "/dataku");
    expect(BotHarness.texts(calls)).toContain("Maaf, ada kendala di sistem kami. Coba lagi sebentar lagi, ya. 🙏");
    const again = await h.send(ani, "/dataku");
    expect(documentOf(again).telegramId).toBe(String(ani.id));
  });
});

describe("logs", () => {
  it("at info level carry ids, never names, phone numbers, stories or message text", async () => {
    const logs = captureLogs("info");
    await onboard(h, ani);
    await onboard(h, budi);
    await leaveFootprint(h, ani);
    await h.send(ani, "Nomor HP saya 081298765432, nama lengkap Anindita Wulandari");
    await h.send(ani, "/dataku");
    await h.send(OWNER, `/admin_daftar`);
    // a failure whose error carries the request (GrammyError-like payload with text and names)
    h.app.bot.api.config.use(async (prev, method, payload, signal) => {
      const text = (payload as { text?: string }).text ?? "";
      if (method === "sendMessage" && text.includes("Yang bisa aku bantu")) {
        throw Object.assign(new Error(`Call to 'sendMessage' failed! (400: Bad Request: ${text})`), { payload, method, error_code: 400, description: `Bad Request: can't parse ${text}` });
      }
      return prev(method, payload, signal);
    });
    await h.send(ani, "/bantuan");
    await h.db.$executeRawUnsafe(`ALTER TABLE "Feedback" RENAME TO "Feedback_gone"`);
    await h.send(ani, "/dataku");
    await h.db.$executeRawUnsafe(`ALTER TABLE "Feedback_gone" RENAME TO "Feedback"`);
    const ask = await h.send(ani, "/hapusdata");
    await h.click(ani, BotHarness.buttons(ask)[0]?.data ?? "");
    for (let i = 0; i < 25; i++) await h.send(budi, `spam nomor ${i} dari Bambang`);

    const text = logs.text();
    expect(logs.lines.length).toBeGreaterThan(5);
    for (const secret of ["Anindita", "Wulandari", "Bambang", "081298765432", "6281298765432", "Kisah rahasia", "warung kopi", "Nomor HP saya", "spam nomor", "Yang bisa aku bantu", "first_name", "phone_number", '"text"']) {
      expect(text, secret).not.toContain(secret);
    }
    const entries = logs.entries();
    expect(entries.some((e) => e.msg === "consent recorded" && e.user === ani.id)).toBe(true);
    expect(entries.some((e) => e.msg === "personal data erased" && e.user === undefined)).toBe(true);
    expect(entries.filter((e) => e.msg === "update failed").every((e) => typeof e.update_id === "number")).toBe(true);
  });
});
