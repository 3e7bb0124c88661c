// What the organiser features need from the emulator: inline mode (queries, answers, a chosen result sent
// into a chat), my_chat_member when the bot is made admin of / removed from a channel or group, posting
// and editing in channels (refused like Telegram without admin rights), and shared locations.
import { Bot, GrammyError, InlineKeyboard, Keyboard } from "grammy";
import type { InlineQueryResultArticle, Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type EmuChat, type Emulator, type EmulatorOptions } from "../support/emulator.js";
import { TestUser } from "../support/user.js";

const TOKEN = "123456:TEST";
let emu: Emulator;
let bot: Bot;

async function setup(options: EmulatorOptions = {}): Promise<void> {
  emu = await startEmulator(options);
  bot = new Bot(TOKEN, { client: { apiRoot: emu.apiRoot } });
}

/** Starts long polling (every update type) and resolves once the emulator sees the first getUpdates. */
async function startPolling(): Promise<void> {
  bot.catch((err) => {
    throw err.error;
  });
  const firstPoll = new Promise<void>((resolve) => {
    const onRequest = (r: { method: string }): void => {
      if (r.method === "getUpdates") {
        emu.off("request", onRequest);
        resolve();
      }
    };
    emu.on("request", onRequest);
  });
  void bot.start({ timeout: 1, allowed_updates: ["message", "inline_query", "chosen_inline_result", "my_chat_member", "callback_query", "channel_post"] });
  await firstPoll;
}

async function refusal(call: Promise<unknown>): Promise<{ status: number; description: string }> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, "the call was expected to be refused").toBeInstanceOf(GrammyError);
  return { status: (err as GrammyError).error_code, description: (err as GrammyError).description };
}

async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

afterEach(async () => {
  if (bot.isRunning()) await bot.stop();
  await emu.close();
});

const owner = { id: 880_001, first_name: "Pemilik" };
const channel: EmuChat = { id: -1001234567890, type: "channel", title: "Temu Alumni Jambi", username: "temualumnijambi" };
const family: EmuChat = { id: -100777, type: "group", title: "Keluarga Besar" };

function card(id: string, title: string): InlineQueryResultArticle {
  return {
    type: "article",
    id,
    title,
    description: "Sabtu, 14 Maret 2026 · Jambi",
    input_message_content: { message_text: `<b>${title}</b>\nSabtu, 14 Maret 2026 pukul 09.00 WIB`, parse_mode: "HTML" },
    reply_markup: new InlineKeyboard().url("Daftar", `https://t.me/prakerja_test_bot?start=acara_${id}`),
  };
}

describe("inline mode", () => {
  beforeEach(() => setup({ inlineMode: true }));

  it("delivers an inline query, records the answer, and sends a chosen result into a chat with its button", async () => {
    bot.on("inline_query", (ctx) => ctx.answerInlineQuery([card("7", `Temu Alumni ${ctx.inlineQuery.query}`)], { cache_time: 0, is_personal: true }));
    const seen: Update[] = [];
    bot.on("message", (ctx) => void seen.push(ctx.update));
    await startPolling();
    expect((await bot.api.getMe()).supports_inline_queries).toBe(true);

    const ani = { id: 5005, first_name: "Ani" };
    const update = emu.sendInlineQuery(ani, "jambi", { chatType: "group" });
    expect(update.inline_query).toMatchObject({ from: { id: ani.id, first_name: "Ani" }, query: "jambi", offset: "", chat_type: "group" });
    const queryId = update.inline_query?.id as string;
    await emu.waitForCall("answerInlineQuery");
    const answer = emu.inlineAnswer(queryId);
    expect(answer).toMatchObject({ inlineQueryId: queryId, userId: ani.id, query: "jambi", cacheTime: 0, isPersonal: true });
    expect(answer?.results.map((r) => [r.id, r.title])).toEqual([["7", "Temu Alumni jambi"]]);
    expect(emu.inlineAnswers()).toHaveLength(1);

    // into a family group the bot is not in: the message is there, the bot sees nothing
    const sent = emu.chooseInlineResult(ani, queryId, "7", family);
    expect(sent).toMatchObject({
      chat: { id: family.id, type: "group", title: "Keluarga Besar" },
      from: { id: ani.id },
      via_bot: { id: 123456, is_bot: true, username: "prakerja_test_bot" },
      text: "Temu Alumni jambi\nSabtu, 14 Maret 2026 pukul 09.00 WIB",
      entities: [{ type: "bold", offset: 0, length: 17 }],
      reply_markup: { inline_keyboard: [[{ text: "Daftar", url: "https://t.me/prakerja_test_bot?start=acara_7" }]] },
    });
    expect(emu.history(family.id).map((m) => m.message_id)).toEqual([sent.message_id]);
    expect(emu.isBotMessage(family.id, sent.message_id)).toBe(false);

    // into the user's own chat with the bot: the bot receives it as a message sent via itself
    const own = emu.chooseInlineResult(ani, queryId, "7", { id: ani.id, type: "private", first_name: "Ani" });
    await until(() => seen.some((u) => u.message?.message_id === own.message_id));
    expect(seen.map((u) => u.message?.via_bot?.username)).toEqual(["prakerja_test_bot"]);
    expect(() => emu.chooseInlineResult(ani, queryId, "8", family)).toThrow(/no result "8"; results: "7"/);
  });

  it("refuses answers Telegram refuses", async () => {
    const ask = (q = "x"): string => emu.sendInlineQuery({ id: 5006 }, q).inline_query?.id as string;
    const INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid";
    const id = ask();
    expect(await bot.api.answerInlineQuery(id, [card("1", "A")])).toBe(true);
    expect(await refusal(bot.api.answerInlineQuery(id, [card("1", "A")]))).toEqual({ status: 400, description: INVALID });
    expect(await refusal(bot.api.answerInlineQuery("999", []))).toEqual({ status: 400, description: INVALID });
    expect(await refusal(bot.api.answerInlineQuery(ask(), [card("1", "A"), card("1", "B")]))).toEqual({ status: 400, description: "Bad Request: RESULT_ID_DUPLICATE" });
    expect(await refusal(bot.api.answerInlineQuery(ask(), Array.from({ length: 51 }, (_, i) => card(String(i), "A"))))).toEqual({ status: 400, description: "Bad Request: RESULTS_TOO_MUCH" });
    expect(await refusal(bot.api.answerInlineQuery(ask(), [{ ...card("1", "A"), reply_markup: new InlineKeyboard().text("A", "x".repeat(65)) }]))).toEqual({ status: 400, description: "Bad Request: BUTTON_DATA_INVALID" });
    expect(await refusal(bot.api.answerInlineQuery(ask(), [{ ...card("1", "A"), input_message_content: { message_text: "Ani & Budi <3", parse_mode: "HTML" } }]))).toMatchObject({ status: 400, description: expect.stringContaining("can't parse entities") });
    expect(await refusal(bot.api.answerInlineQuery(ask(), [{ ...card("1", "A"), id: "i".repeat(65) }]))).toEqual({ status: 400, description: "Bad Request: RESULT_ID_INVALID" });
    expect(await bot.api.answerInlineQuery(ask(""), [], { button: { text: "Buka bot", start_parameter: "inline" }, next_offset: "20" })).toBe(true);
    expect(emu.inlineAnswers().at(-1)).toMatchObject({ query: "", results: [], nextOffset: "20", button: { text: "Buka bot", start_parameter: "inline" } });
  });

  it("is off unless enabled, like at BotFather", async () => {
    await emu.close();
    await setup();
    expect((await bot.api.getMe()).supports_inline_queries).toBe(false);
    expect(() => emu.sendInlineQuery({ id: 1 }, "jambi")).toThrow(/inline mode is off/);
  });
});

describe("channels and groups: my_chat_member, posts and refusals", () => {
  beforeEach(() => setup());

  it("queues my_chat_member when the bot is made admin of a channel and removed again", async () => {
    const updates: Update[] = [];
    bot.on("my_chat_member", (ctx) => void updates.push(ctx.update));
    await startPolling();
    const made = emu.makeBotAdmin(channel, owner);
    expect(made?.my_chat_member).toMatchObject({
      chat: { id: channel.id, type: "channel", title: "Temu Alumni Jambi", username: "temualumnijambi" },
      from: { id: owner.id, first_name: "Pemilik" },
      old_chat_member: { status: "left", user: { id: 123456, is_bot: true } },
      new_chat_member: { status: "administrator", user: { id: 123456, is_bot: true }, can_post_messages: true, can_edit_messages: true },
    });
    expect(emu.makeBotAdmin(channel, owner)).toBeUndefined(); // nothing changed
    expect((await bot.api.getChatMember(channel.id, 123456)).status).toBe("administrator");
    const removed = emu.removeBot(channel, owner);
    expect(removed?.my_chat_member?.new_chat_member.status).toBe("left");
    expect(removed?.my_chat_member?.old_chat_member.status).toBe("administrator");
    const group = emu.makeBotAdmin(family, owner)?.my_chat_member?.new_chat_member;
    expect(group).toMatchObject({ status: "administrator", can_pin_messages: true });
    expect(group).not.toHaveProperty("can_post_messages");
    await until(() => updates.length >= 3);
    expect(updates.map((u) => [u.my_chat_member?.chat.id, u.my_chat_member?.new_chat_member.status])).toEqual([
      [channel.id, "administrator"],
      [channel.id, "left"],
      [family.id, "administrator"],
    ]);
    expect(() => emu.setBotStatus(channel, "member", owner)).toThrow(/only be an administrator/);
  });

  it("lets an admin bot post and edit in a channel (by id or @username), observable as channel posts", async () => {
    emu.makeBotAdmin(channel, owner);
    const post = await bot.api.sendMessage("@temualumnijambi", "<b>Temu Alumni Jambi</b>\nKursi tersisa: 12", { parse_mode: "HTML", reply_markup: new InlineKeyboard().url("Daftar", "https://t.me/prakerja_test_bot?start=acara_7") });
    expect(post.chat).toEqual({ id: channel.id, title: "Temu Alumni Jambi", username: "temualumnijambi", type: "channel" });
    expect(post.sender_chat?.id).toBe(channel.id);
    expect(post.from).toBeUndefined();
    const edited = await bot.api.editMessageText(channel.id, post.message_id, "<b>Temu Alumni Jambi</b>\nPenuh — daftar tunggu dibuka", { parse_mode: "HTML" });
    expect((edited as { text?: string }).text).toBe("Temu Alumni Jambi\nPenuh — daftar tunggu dibuka");
    expect(emu.messages(channel.id).map((m) => m.text)).toEqual(["Temu Alumni Jambi\nPenuh — daftar tunggu dibuka"]);
    expect(emu.events(channel.id).map((e) => [e.kind, e.fromBot])).toEqual([
      ["new", true],
      ["edit", true],
    ]);
    // an edit that changes nothing is refused there too
    expect(await refusal(bot.api.editMessageText(channel.id, post.message_id, "<b>Temu Alumni Jambi</b>\nPenuh — daftar tunggu dibuka", { parse_mode: "HTML" }))).toMatchObject({ status: 400, description: expect.stringContaining("message is not modified") });
  });

  it("refuses posts where the bot is not admin or not a member, like Telegram", async () => {
    expect(await refusal(bot.api.sendMessage("@temualumnijambi", "halo"))).toEqual({ status: 400, description: "Bad Request: chat not found" });
    emu.addChat(channel, "member");
    expect(await refusal(bot.api.sendMessage(channel.id, "halo"))).toEqual({ status: 400, description: "Bad Request: need administrator rights in the channel chat" });
    emu.makeBotAdmin(channel, owner);
    const post = await bot.api.sendMessage(channel.id, "halo");
    emu.removeBot(channel, owner);
    expect(await refusal(bot.api.sendMessage(channel.id, "masih?"))).toEqual({ status: 403, description: "Forbidden: bot is not a member of the channel chat" });
    expect(await refusal(bot.api.editMessageText(channel.id, post.message_id, "ubah"))).toEqual({ status: 403, description: "Forbidden: bot is not a member of the channel chat" });
    emu.setBotStatus(channel, "kicked", owner);
    expect(await refusal(bot.api.sendMessage(channel.id, "lagi?"))).toEqual({ status: 403, description: "Forbidden: bot was kicked from the channel chat" });
    const group: EmuChat = { id: -100888, type: "supergroup", title: "Alumni Gorontalo" };
    emu.makeBotAdmin(group, owner);
    expect((await bot.api.sendMessage(group.id, "halo grup")).from?.id).toBe(123456);
    emu.removeBot(group, owner);
    expect(await refusal(bot.api.sendMessage(group.id, "halo?"))).toEqual({ status: 403, description: "Forbidden: bot is not a member of the supergroup chat" });
  });
});

describe("locations", () => {
  beforeEach(() => setup());

  it("keeps a request_location reply button in the observed keyboard and delivers the shared location", async () => {
    bot.command("acara", (ctx) => ctx.reply("Kirim lokasimu untuk acara terdekat", { reply_markup: new Keyboard().requestLocation("📍 Kirim lokasi").resized().oneTime() }));
    bot.on("message:location", (ctx) => {
      const { latitude, longitude, horizontal_accuracy } = ctx.message.location;
      return ctx.reply(`Lokasi ${latitude},${longitude} ±${horizontal_accuracy ?? "?"} m`, { reply_markup: { remove_keyboard: true } });
    });
    await startPolling();
    const u = new TestUser(emu, { first_name: "Budi" });
    await u.send("/acara");
    await u.reply("Kirim lokasimu");
    expect(emu.chat(u.chatId)?.replyKeyboard).toEqual({ keyboard: [[{ text: "📍 Kirim lokasi", request_location: true }]], resize_keyboard: true, one_time_keyboard: true });
    await u.tapKeyboard("Kirim lokasi");
    expect((await u.reply(/Lokasi/)).text).toBe("Lokasi -6.2,106.816666 ±? m");
    expect(emu.chat(u.chatId)?.replyKeyboard).toBeNull();

    emu.sendLocation({ id: u.chatId }, -1.61, 103.61, { horizontalAccuracy: 25 });
    expect((await u.reply(/±25/)).text).toBe("Lokasi -1.61,103.61 ±25 m");
    const shared = emu.history(u.chatId).filter((m) => m.location).map((m) => m.location);
    expect(shared).toEqual([
      { latitude: -6.2, longitude: 106.816666 },
      { latitude: -1.61, longitude: 103.61, horizontal_accuracy: 25 },
    ]);
    expect(() => emu.sendLocation({ id: u.chatId }, 91, 0)).toThrow(/not a point on Earth/);
  });
});
