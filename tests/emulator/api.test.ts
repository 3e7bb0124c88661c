import http from "node:http";
import type { AddressInfo } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../support/emulator.js";
import { TestUser } from "../support/user.js";

const TOKEN = "123456:TEST";

let emu: Emulator;
const bots: Bot[] = [];
const servers: http.Server[] = [];

function makeBot(token = TOKEN): Bot {
  const bot = new Bot(token, { client: { apiRoot: emu.apiRoot } });
  bots.push(bot);
  return bot;
}

/** Starts long polling and resolves once the emulator sees the bot's first getUpdates. */
async function startPolling(bot: Bot): Promise<void> {
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
  void bot.start({ timeout: 2 });
  await firstPoll;
}

/** Raw HTTP call to the emulator (for transports grammY does not use). */
async function raw(path: string, init?: RequestInit): Promise<{ status: number; body: { ok: boolean; result?: unknown; error_code?: number; description?: string; parameters?: { retry_after?: number } } }> {
  const res = await fetch(`${emu.apiRoot}${path}`, init);
  return { status: res.status, body: (await res.json()) as never };
}

function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "ascii");
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

async function until(cond: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(async () => {
  emu = await startEmulator();
});

afterEach(async () => {
  for (const bot of bots.splice(0)) if (bot.isRunning()) await bot.stop();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  await emu.close();
});

describe("identity and routing", () => {
  it("derives getMe from the token and refuses malformed tokens and unknown methods", async () => {
    const bot = makeBot("987654:ABC-def_1");
    await bot.init();
    expect(bot.botInfo).toMatchObject({ id: 987654, is_bot: true, username: "prakerja_test_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });

    const bad = await raw("/botnot-a-token/getMe");
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });

    const unknown = await raw(`/bot${TOKEN}/sendSticker`, { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.description).toBe("Not Found: method not found");
    expect(emu.callsOf("sendSticker")).toHaveLength(1);
    expect(emu.calls.map((c) => c.method)).toEqual(["getMe", "getMe", "sendSticker"]);
    expect(emu.calls[1]?.status).toBe(401);
  });

  it("parses JSON, urlencoded and query-string parameters the same way", async () => {
    const user = { id: 5001, first_name: "Ayu" };
    emu.sendText(user, "halo");
    const markup = JSON.stringify({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] });
    const form = await raw(`/bot${TOKEN}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: "5001", text: "form", reply_markup: markup, disable_notification: "true" }).toString(),
    });
    expect(form.body.ok).toBe(true);
    const query = await raw(`/bot${TOKEN}/sendMessage?chat_id=5001&text=${encodeURIComponent("dari query")}`);
    expect(query.body.ok).toBe(true);
    const call = emu.callsOf("sendMessage")[0];
    expect(call?.params).toMatchObject({ chat_id: 5001, disable_notification: true, reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } });
    expect(emu.messages(5001).map((m) => m.text)).toEqual(["form", "dari query"]);
    expect(emu.messages(5001)[0]?.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe("A");
  });
});

describe("long polling", () => {
  it("delivers every update exactly once, in order, across offsets", async () => {
    const bot = makeBot();
    const seen: number[] = [];
    const texts: string[] = [];
    bot.on("message:text", (ctx) => {
      seen.push(ctx.update.update_id);
      texts.push(ctx.message.text);
    });
    const early = emu.sendText({ id: 1 }, "sebelum start");
    await startPolling(bot);
    const injected: Update[] = [early];
    for (let burst = 0; burst < 5; burst++) {
      for (let i = 0; i < 6; i++) injected.push(emu.sendText({ id: 10 + i }, `pesan ${burst}-${i}`));
      await new Promise((r) => setTimeout(r, 15));
    }
    await until(() => seen.length >= injected.length, "all updates handled");
    await new Promise((r) => setTimeout(r, 100)); // room for duplicates to show up
    await bot.stop();
    expect(seen).toEqual(injected.map((u) => u.update_id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(texts[0]).toBe("sebelum start");
    // bot.stop() confirmed the last offset: nothing is pending, a new poll gets nothing
    expect(emu.pendingUpdates()).toEqual([]);
    const again = await raw(`/bot${TOKEN}/getUpdates?timeout=0`);
    expect(again.body.result).toEqual([]);
  });

  it("honours offset, limit and timeout", async () => {
    const ids = [1, 2, 3].map((i) => emu.sendText({ id: 77 }, `m${i}`).update_id);
    const first = await raw(`/bot${TOKEN}/getUpdates?limit=2`);
    expect((first.body.result as Update[]).map((u) => u.update_id)).toEqual(ids.slice(0, 2));
    const confirmed = await raw(`/bot${TOKEN}/getUpdates?offset=${(ids[1] as number) + 1}`);
    expect((confirmed.body.result as Update[]).map((u) => u.update_id)).toEqual([ids[2]]);
    expect(emu.pendingUpdates().map((u) => u.update_id)).toEqual([ids[2]]);

    // empty queue: the poll waits for the timeout...
    await raw(`/bot${TOKEN}/getUpdates?offset=${(ids[2] as number) + 1}&timeout=0`);
    const t0 = Date.now();
    const empty = await raw(`/bot${TOKEN}/getUpdates?timeout=1`);
    expect(empty.body.result).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    // ...or answers as soon as an update arrives
    const t1 = Date.now();
    const waiting = raw(`/bot${TOKEN}/getUpdates?timeout=10`);
    await new Promise((r) => setTimeout(r, 100));
    expect(emu.polling).toBe(true);
    const late = emu.sendText({ id: 77 }, "akhirnya");
    const got = await waiting;
    expect((got.body.result as Update[]).map((u) => u.update_id)).toEqual([late.update_id]);
    expect(Date.now() - t1).toBeLessThan(2000);
  });

  it("delivers injected raw updates of any type, with fresh update_ids", async () => {
    const bot = makeBot();
    const kinds: string[] = [];
    bot.use(async (ctx, next) => {
      kinds.push(Object.keys(ctx.update).filter((k) => k !== "update_id")[0] ?? "?");
      await next();
    });
    bot.on("callback_query:data", (ctx) => ctx.answerCallbackQuery("ok"));
    await startPolling(bot);
    const from = { id: 21, is_bot: false, first_name: "Dewi" };
    const chat = { id: 21, type: "private", first_name: "Dewi" };
    const a = emu.injectUpdate({ update_id: 1, edited_message: { message_id: 1, date: 1, edit_date: 2, chat, from, text: "ralat" } });
    const b = emu.injectUpdate({ channel_post: { message_id: 5, date: 1, chat: { id: -100777, type: "channel", title: "Info Prakerja" }, text: "pengumuman" } });
    const c = emu.injectUpdate({ some_future_update: { x: 1 } });
    emu.injectUpdate({ callback_query: { id: "raw-q", from, chat_instance: "1", data: "raw" } });
    expect(b.update_id).toBe(a.update_id + 1);
    expect(c.update_id).toBe(a.update_id + 2);
    const answer = await emu.waitForCall("answerCallbackQuery");
    expect(answer.ok).toBe(true);
    expect(emu.callbackAnswer("raw-q")?.text).toBe("ok");
    expect(kinds).toEqual(["edited_message", "channel_post", "some_future_update", "callback_query"]);
  });

  it("filters by allowed_updates and drops confirmed ones", async () => {
    await raw(`/bot${TOKEN}/getUpdates?allowed_updates=${encodeURIComponent('["callback_query"]')}`);
    emu.sendText({ id: 3 }, "tidak diizinkan");
    emu.injectUpdate({ callback_query: { id: "q1", from: { id: 3, is_bot: false, first_name: "X" }, chat_instance: "1", data: "x" } });
    const res = await raw(`/bot${TOKEN}/getUpdates`);
    const updates = res.body.result as Update[];
    expect(updates).toHaveLength(1);
    expect(updates[0]?.callback_query?.data).toBe("x");
    expect(emu.stats().updatesDropped).toBe(1);
  });
});

describe("messages, keyboards and callbacks", () => {
  it("round-trips sendMessage → click → answerCallbackQuery + editMessageText", async () => {
    const bot = makeBot();
    bot.command("start", (ctx) => ctx.reply("<b>Halo</b>, mau daftar?", { parse_mode: "HTML", reply_markup: new InlineKeyboard().text("Ya", "daftar:ya").text("Tidak", "daftar:tidak") }));
    bot.callbackQuery(/^daftar:(.+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Siap!" });
      await ctx.editMessageText(`Pilihan: ${ctx.match[1]}`);
    });
    await startPolling(bot);

    const u = new TestUser(emu, { first_name: "Siti" });
    await u.send("/start");
    const hello = await u.reply();
    expect(hello.text).toBe("Halo, mau daftar?");
    expect(hello.entities).toEqual([{ type: "bold", offset: 0, length: 4 }]);
    expect(hello.from).toMatchObject({ id: 123456, is_bot: true });
    expect(u.keyboardLabels()).toEqual(["Ya", "Tidak"]);

    const click = await u.click("ya");
    expect(click.data).toBe("daftar:ya");
    expect(click.reaction).toBe("answer");
    expect(click.answer?.text).toBe("Siap!");
    const edited = await u.reply();
    expect(edited.message_id).toBe(hello.message_id);
    expect(edited.text).toBe("Pilihan: ya");
    expect(edited.edit_date).toBeTypeOf("number");
    expect(edited.reply_markup).toBeUndefined(); // edit without reply_markup removes the keyboard
    expect(edited.version).toBeGreaterThan(hello.version);

    // current state: one bot message, edited; the user's /start is in the history
    expect(u.messages().map((m) => m.text)).toEqual(["Pilihan: ya"]);
    expect(u.history().map((m) => m.text)).toEqual(["/start", "Pilihan: ya"]);
    expect(emu.callbackAnswers()).toHaveLength(1);
    // the old snapshot was not mutated
    expect(hello.text).toBe("Halo, mau daftar?");

    // answering twice is refused like Telegram
    await expect(bot.api.answerCallbackQuery(click.queryId as string)).rejects.toMatchObject({ error_code: 400, description: expect.stringContaining("query is too old") });
  });

  it("validates like Telegram", async () => {
    const bot = makeBot();
    const chat = 4242;
    emu.sendText({ id: chat }, "hai");
    const sent = await bot.api.sendMessage(chat, "teks");

    const cases: [Promise<unknown>, string][] = [
      [bot.api.sendMessage(chat, ""), "Bad Request: message text is empty"],
      [bot.api.sendMessage(chat, "x".repeat(4097)), "Bad Request: message is too long"],
      [bot.api.sendMessage(chat, "x", { reply_markup: new InlineKeyboard().text("A", "d".repeat(65)) }), "Bad Request: BUTTON_DATA_INVALID"],
      [bot.api.editMessageText(chat, 999, "baru"), "Bad Request: message to edit not found"],
      [bot.api.editMessageText(chat, sent.message_id, "teks"), "Bad Request: message is not modified"],
      [bot.api.sendMessage(chat, "a < b", { parse_mode: "HTML" }), "Bad Request: can't parse entities"],
      [bot.api.sendMessage(chat, "Harga 1.000!", { parse_mode: "MarkdownV2" }), "Bad Request: can't parse entities: Character '.' is reserved"],
      [bot.api.deleteMessage(chat, 999), "Bad Request: message to delete not found"],
    ];
    for (const [promise, description] of cases) {
      const err = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(GrammyError);
      expect((err as GrammyError).error_code).toBe(400);
      expect((err as GrammyError).description.startsWith(description)).toBe(true);
    }
    const missingChat = await raw(`/bot${TOKEN}/sendMessage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "x" }) });
    expect(missingChat.body).toMatchObject({ ok: false, error_code: 400, description: "Bad Request: chat_id is empty" });
    // 4096 characters is still fine; MarkdownV2 with escapes too
    expect((await bot.api.sendMessage(chat, "y".repeat(4096))).text).toHaveLength(4096);
    expect((await bot.api.sendMessage(chat, "*Harga* 1\\.000\\!", { parse_mode: "MarkdownV2" })).text).toBe("Harga 1.000!");
  });

  it("edits caption and reply markup, deletes, copies, forwards, sends venue/location/chat action", async () => {
    const bot = makeBot();
    const user = { id: 8080, first_name: "Rina", username: "rina" };
    const admin = { id: 9090, first_name: "Admin" };
    const fromUser = emu.sendText(user, "Masukan saya: mantap");
    emu.sendText(admin, "/start");

    const doc = await bot.api.sendDocument(user.id, new InputFile(Buffer.from("isi"), "a.txt"), { caption: "lama", reply_markup: new InlineKeyboard().text("X", "x") });
    const capt = await bot.api.editMessageCaption(user.id, doc.message_id, { caption: "baru", reply_markup: new InlineKeyboard().text("X", "x") });
    expect(capt !== true && capt.caption).toBe("baru");
    const markup = await bot.api.editMessageReplyMarkup(user.id, doc.message_id, { reply_markup: new InlineKeyboard().text("Y", "y") });
    expect(markup !== true && markup.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe("Y");
    await expect(bot.api.editMessageText(user.id, doc.message_id, "x")).rejects.toMatchObject({ description: "Bad Request: there is no text in the message to edit" });

    const copied = await bot.api.copyMessage(admin.id, user.id, fromUser.message?.message_id as number);
    const copy = emu.messages(admin.id).find((m) => m.message_id === copied.message_id);
    expect(copy?.text).toBe("Masukan saya: mantap");
    expect(copy?.forward_origin).toBeUndefined();
    const fwd = await bot.api.forwardMessage(admin.id, user.id, fromUser.message?.message_id as number);
    expect(fwd.forward_origin).toMatchObject({ type: "user", sender_user: { id: user.id } });

    const venue = await bot.api.sendVenue(user.id, -6.2, 106.8, "Gedung Prakerja", "Jl. Merdeka 1");
    expect(venue.venue).toMatchObject({ title: "Gedung Prakerja", address: "Jl. Merdeka 1", location: { latitude: -6.2, longitude: 106.8 } });
    const loc = await bot.api.sendLocation(user.id, -7.25, 112.75);
    expect(loc.location).toEqual({ latitude: -7.25, longitude: 112.75 });
    expect(await bot.api.sendChatAction(user.id, "typing")).toBe(true);
    expect(emu.chat(user.id)?.lastChatAction?.action).toBe("typing");

    expect(await bot.api.deleteMessage(user.id, loc.message_id)).toBe(true);
    expect(emu.messages(user.id).map((m) => m.message_id)).toEqual([doc.message_id, venue.message_id]);
    // message ids are per chat and shared with the user's own messages
    expect(emu.history(user.id).map((m) => m.message_id)).toEqual([1, 2, 3]);

    expect(await bot.api.getChat(user.id)).toMatchObject({ id: user.id, type: "private", first_name: "Rina", username: "rina" });
    expect(await bot.api.getChatMember(user.id, user.id)).toMatchObject({ status: "member", user: { id: user.id } });
    await expect(bot.api.getChat(1234)).rejects.toMatchObject({ description: "Bad Request: chat not found" });
    const group = { id: -1001, type: "supergroup" as const, title: "Alumni Jabar" };
    emu.sendText(user, "halo grup", { chat: group });
    emu.setChatMember(group.id, admin.id, "administrator");
    expect((await bot.api.getChatMember(group.id, admin.id)).status).toBe("administrator");
    expect((await bot.api.getChatMember(group.id, user.id)).status).toBe("member");
    expect(await bot.api.leaveChat(group.id)).toBe(true);
    await expect(bot.api.sendMessage(group.id, "masih?")).rejects.toMatchObject({ error_code: 403 });
    expect(emu.pendingUpdates().at(-1)?.my_chat_member?.new_chat_member.status).toBe("left");
  });

  it("keeps commands per scope and language, and the menu button", async () => {
    const bot = makeBot();
    await bot.api.setMyCommands([{ command: "start", description: "Mulai" }]);
    await bot.api.setMyCommands([{ command: "start", description: "Start" }], { language_code: "en" });
    await bot.api.setMyCommands([{ command: "admin", description: "Panel admin" }], { scope: { type: "chat", chat_id: 9090 } });
    expect(await bot.api.getMyCommands()).toEqual([{ command: "start", description: "Mulai" }]);
    expect(await bot.api.getMyCommands({ language_code: "en" })).toEqual([{ command: "start", description: "Start" }]);
    expect(emu.myCommands({ type: "chat", chat_id: 9090 })).toEqual([{ command: "admin", description: "Panel admin" }]);
    await bot.api.deleteMyCommands({ language_code: "en" });
    expect(await bot.api.getMyCommands({ language_code: "en" })).toEqual([]);
    await expect(bot.api.setMyCommands([{ command: "Start!", description: "x" }])).rejects.toMatchObject({ error_code: 400 });
    expect(await bot.api.setChatMenuButton({ menu_button: { type: "commands" } })).toBe(true);
    expect(await bot.api.getChatMenuButton()).toEqual({ type: "commands" });
  });

  it("tracks reply keyboards and contact sharing through TestUser", async () => {
    const bot = makeBot();
    bot.command("hp", (ctx) => ctx.reply("Bagikan nomor HP", { reply_markup: { keyboard: [[{ text: "📱 Kirim nomor", request_contact: true }]], one_time_keyboard: true, resize_keyboard: true } }));
    bot.on("message:contact", (ctx) => ctx.reply(`Nomor ${ctx.message.contact.phone_number} tersimpan`, { reply_markup: { remove_keyboard: true } }));
    await startPolling(bot);
    const u = new TestUser(emu);
    await u.send("/hp");
    await u.reply("Bagikan");
    expect(u.replyKeyboardLabels()).toEqual(["📱 Kirim nomor"]);
    await u.tapKeyboard("kirim nomor");
    const saved = await u.reply(/tersimpan/);
    expect(saved.text).toBe("Nomor +6281234567890 tersimpan");
    expect(u.replyKeyboardLabels()).toEqual([]);
    await u.expectNoReply(100);
  });

  it("rejects waitForMessage with a listing of the chat", async () => {
    emu.sendText({ id: 31 }, "apakah ada yang dengar?");
    const err = await emu.waitForMessage(31, undefined, { timeoutMs: 100 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain("Chat 31 (private) has 1 message(s)");
    expect((err as Error).message).toContain('"apakah ada yang dengar?"');
    expect((err as Error).message).toContain("No calls from the bot yet");
  });
});

describe("files", () => {
  it("stores a multipart InputFile upload and serves it via getFile and /file/", async () => {
    const bot = makeBot();
    const chat = 7001;
    emu.sendText({ id: chat }, "minta sertifikat");
    const bytes = Buffer.from("%PDF-1.4 sertifikat alumni\n\u0000\u0001binary", "latin1");
    const msg = await bot.api.sendDocument(chat, new InputFile(bytes, "Sertifikat Alumni (1).pdf"), {
      caption: "Sertifikat <b>kamu</b>",
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text("Terima kasih", "thanks"),
    });
    expect(msg.document).toMatchObject({ file_name: "Sertifikat Alumni (1).pdf", mime_type: "application/pdf", file_size: bytes.length });
    expect(msg.caption).toBe("Sertifikat kamu");
    expect(msg.caption_entities).toEqual([{ type: "bold", offset: 11, length: 4 }]);
    expect(msg.reply_markup?.inline_keyboard[0]?.[0]).toEqual({ text: "Terima kasih", callback_data: "thanks" });
    // multipart fields holding JSON were parsed
    const call = emu.callsOf("sendDocument")[0];
    expect(call?.params.reply_markup).toEqual({ inline_keyboard: [[{ text: "Terima kasih", callback_data: "thanks" }]] });
    expect(call?.params.document).toMatchObject({ kind: "upload", fileName: "Sertifikat Alumni (1).pdf", size: bytes.length });

    const fileId = msg.document?.file_id as string;
    expect(emu.getFile(fileId)).toMatchObject({ fileName: "Sertifikat Alumni (1).pdf", mimeType: "application/pdf" });
    expect(emu.getFile(fileId).bytes.equals(bytes)).toBe(true);
    const file = await bot.api.getFile(fileId);
    expect(file.file_path).toMatch(/^documents\/file_\d+\.pdf$/);
    const download = await fetch(`${emu.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    // sending the same file_id again reuses the stored file
    const again = await bot.api.sendDocument(chat, fileId);
    expect(again.document?.file_unique_id).toBe(msg.document?.file_unique_id);
    await expect(bot.api.sendDocument(chat, "no-such-file")).rejects.toMatchObject({ description: "Bad Request: wrong file identifier/HTTP URL specified" });
  });

  it("handles photos (real image bytes required) and files sent by users", async () => {
    const bot = makeBot();
    const u = new TestUser(emu, { id: 7002 });
    const png = pngHeader(1600, 900);
    const photo = await bot.api.sendPhoto(u.id, new InputFile(png, "chart.png"), { caption: "Grafik" });
    const sizes = photo.photo ?? [];
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.at(-1)).toMatchObject({ width: 1280, height: 720 });
    expect(emu.getFile(sizes.at(-1)?.file_id as string).bytes.equals(png)).toBe(true);
    await expect(bot.api.sendPhoto(u.id, new InputFile(Buffer.from("<svg/>"), "x.svg"))).rejects.toMatchObject({ description: "Bad Request: IMAGE_PROCESS_FAILED" });

    const sent = await u.sendFile({ fileName: "peserta.csv", content: "nama,provinsi\nBudi,Jawa Barat\n", caption: "daftar" });
    const document = sent.message?.document;
    expect(document).toMatchObject({ file_name: "peserta.csv", mime_type: "text/csv" });
    const info = await bot.api.getFile(document?.file_id as string);
    const body = await (await fetch(`${emu.apiRoot}/file/bot${TOKEN}/${info.file_path}`)).text();
    expect(body).toBe("nama,provinsi\nBudi,Jawa Barat\n");
  });
});

describe("webhook mode", () => {
  it("posts updates with the secret header and refuses getUpdates meanwhile", async () => {
    const received: { secret: string | undefined; body: Update }[] = [];
    let failFirst = true;
    const url = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (failFirst) {
          failFirst = false;
          res.writeHead(500).end();
          return;
        }
        received.push({ secret: req.headers["x-telegram-bot-api-secret-token"] as string | undefined, body: JSON.parse(Buffer.concat(chunks).toString()) as Update });
        res.writeHead(200).end();
      });
    });
    const bot = makeBot();
    expect(await bot.api.setWebhook(`${url}/hook`, { secret_token: "rahasia_123" })).toBe(true);
    const update = emu.sendText({ id: 55 }, "lewat webhook");
    await until(() => received.length > 0, "webhook delivery");
    expect(received[0]?.secret).toBe("rahasia_123");
    expect(received[0]?.body.update_id).toBe(update.update_id);
    expect(received[0]?.body.message?.text).toBe("lewat webhook");
    await until(() => emu.webhookDeliveries.length === 2, "delivery records");
    expect(emu.webhookDeliveries.map((d) => d.status)).toEqual([500, 200]);
    expect(emu.webhookDeliveries.map((d) => d.attempt)).toEqual([1, 2]);
    const info = await bot.api.getWebhookInfo();
    expect(info).toMatchObject({ url: `${url}/hook`, pending_update_count: 0, last_error_message: expect.stringContaining("500") });
    await expect(bot.api.getUpdates()).rejects.toMatchObject({ error_code: 409 });
    await bot.api.deleteWebhook();
    expect((await bot.api.getUpdates({ timeout: 0 })).length).toBe(0);
  });

  it("drives a real grammY webhookCallback end to end", async () => {
    const bot = makeBot();
    bot.on("message:text", (ctx) => ctx.reply(`Diterima: ${ctx.message.text}`));
    await bot.init();
    const handle = webhookCallback(bot, "http", { secretToken: "s3cret" });
    const url = await listen((req, res) => void handle(req, res));
    await bot.api.setWebhook(url, { secret_token: "s3cret" });
    const u = new TestUser(emu);
    await u.send("halo webhook");
    expect((await u.reply()).text).toBe("Diterima: halo webhook");
    await until(() => emu.webhookDeliveries.length === 1, "delivery record");
    expect(emu.webhookDeliveries[0]).toMatchObject({ status: 200, ok: true });

    // a wrong secret is refused by grammY (401) and the emulator records it and keeps retrying
    await bot.api.setWebhook(url, { secret_token: "salah" });
    await u.send("lagi");
    await until(() => emu.webhookDeliveries.filter((d) => d.status === 401).length >= 2, "retried 401 deliveries");
    expect(emu.pendingUpdates()).toHaveLength(1);
    expect((await bot.api.getWebhookInfo()).last_error_message).toContain("401");
    expect(u.messages().map((m) => m.text)).toEqual(["Diterima: halo webhook"]);
  });
});

describe("faults and limits", () => {
  it("returns 429 with retry_after, counts it, and auto-retry recovers", async () => {
    const bot = makeBot();
    emu.sendText({ id: 66 }, "hai");
    emu.failNext({ method: "sendMessage", kind: "429", retryAfter: 3 });
    const err = (await bot.api.sendMessage(66, "satu").catch((e: unknown) => e)) as GrammyError;
    expect(err).toBeInstanceOf(GrammyError);
    expect(err.error_code).toBe(429);
    expect(err.description).toBe("Too Many Requests: retry after 3");
    expect(err.parameters.retry_after).toBe(3);
    expect(emu.stats().tooManyRequests).toBe(1);

    bot.api.config.use(autoRetry());
    emu.failNext({ method: "sendMessage", chatId: 66, kind: "429", retryAfter: 1 });
    const t0 = Date.now();
    const ok = await bot.api.sendMessage(66, "dua");
    expect(ok.text).toBe("dua");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(emu.callsOf("sendMessage").map((c) => c.status)).toEqual([429, 429, 200]);
    expect(emu.stats().tooManyRequests).toBe(2);
    expect(emu.messages(66).map((m) => m.text)).toEqual(["dua"]);
  });

  it("enforces 30 messages per second globally and a per-chat limit", async () => {
    const bot = makeBot();
    emu.setRateLimit({ global: 30 });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        bot.api.sendMessage(1000 + i, `siaran ${i}`).then(
          () => 200,
          (e: GrammyError) => e,
        ),
      ),
    );
    const limited = results.filter((r): r is GrammyError => r instanceof GrammyError);
    const succeeded = results.filter((r) => r === 200).length;
    // normally exactly 30 + 30; on a very slow machine the burst may straddle a second
    expect(succeeded).toBeGreaterThanOrEqual(30);
    expect(limited.length).toBeGreaterThan(0);
    expect(succeeded + limited.length).toBe(60);
    // the real property: no 1-second window holds more than 30 successful sends
    const okTimes = emu.callsOf("sendMessage").filter((c) => c.ok).map((c) => c.at);
    for (const t of okTimes) expect(okTimes.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(30);
    for (const e of limited) {
      expect(e.error_code).toBe(429);
      expect(e.parameters.retry_after).toBeGreaterThanOrEqual(1);
      expect(e.description).toBe(`Too Many Requests: retry after ${e.parameters.retry_after}`);
    }
    expect(emu.stats().rateLimited).toBe(limited.length);
    expect(emu.stats().tooManyRequests).toBe(limited.length);

    emu.setRateLimit({ perChat: 1 });
    await bot.api.sendMessage(1, "pertama");
    await expect(bot.api.sendMessage(1, "kedua")).rejects.toMatchObject({ error_code: 429 });
    expect((await bot.api.sendMessage(2, "chat lain")).text).toBe("chat lain");
    emu.setRateLimit(null);
    expect((await bot.api.sendMessage(1, "tanpa batas")).text).toBe("tanpa batas");
  });

  it("answers 403 for blocked and deactivated users and queues my_chat_member", async () => {
    const bot = makeBot();
    const statuses: string[] = [];
    bot.on("my_chat_member", (ctx) => {
      statuses.push(ctx.myChatMember.new_chat_member.status);
    });
    const u = new TestUser(emu, { id: 4040 });
    await u.send("/start");
    const blockedUpdate = emu.setBlocked(u.id, true);
    expect(blockedUpdate?.my_chat_member).toMatchObject({ chat: { id: 4040, type: "private" }, from: { id: 4040 }, old_chat_member: { status: "member" }, new_chat_member: { status: "kicked", user: { is_bot: true } } });
    expect(emu.pendingUpdates().map((x) => Object.keys(x)[1])).toEqual(["message", "my_chat_member"]);
    await expect(bot.api.sendMessage(u.id, "halo?")).rejects.toMatchObject({ error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await expect(bot.api.sendChatAction(u.id, "typing")).rejects.toMatchObject({ error_code: 403 });

    await startPolling(bot);
    await until(() => statuses.length >= 1, "my_chat_member kicked");
    expect(statuses).toEqual(["kicked"]);
    emu.setBlocked(u.id, false);
    await until(() => statuses.length >= 2, "my_chat_member member");
    expect(statuses).toEqual(["kicked", "member"]);
    expect((await bot.api.sendMessage(u.id, "kembali")).text).toBe("kembali");

    emu.setDeactivated(u.id);
    await expect(bot.api.sendMessage(u.id, "halo?")).rejects.toMatchObject({ error_code: 403, description: "Forbidden: user is deactivated" });
  });

  it("injects 500s, held requests that end in 502, and dropped connections", async () => {
    const bot = makeBot();
    emu.sendText({ id: 12 }, "x");
    emu.failNext({ kind: "500" });
    await expect(bot.api.sendMessage(12, "a")).rejects.toMatchObject({ error_code: 500, description: "Internal Server Error" });
    expect(emu.calls.at(-1)?.fault).toBe("500");

    emu.failNext({ method: "sendMessage", kind: "timeout", ms: 300 });
    const t0 = Date.now();
    await expect(bot.api.sendMessage(12, "b")).rejects.toMatchObject({ error_code: 502 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);

    emu.failNext({ method: "sendMessage", kind: "timeout", ms: 50, then: "drop" });
    const dropped = await bot.api.sendMessage(12, "c").catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(HttpError);

    // none of the failed sends created a message; the next one works
    expect(emu.messages(12)).toEqual([]);
    expect((await bot.api.sendMessage(12, "d")).text).toBe("d");
    expect(emu.stats().faultsInjected).toBe(3);
    expect(emu.pendingFaults()).toEqual([]);
  });

  it("produces the same random server errors for the same seed", async () => {
    const pattern = async (seed: number): Promise<number[]> => {
      const e = await startEmulator({ seed, randomServerErrorRate: 0.3 });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 30; i++) {
          const res = await fetch(`${e.apiRoot}/bot${TOKEN}/sendMessage?chat_id=1&text=x`);
          statuses.push(res.status);
        }
        return statuses;
      } finally {
        await e.close();
      }
    };
    const a = await pattern(7);
    const b = await pattern(7);
    expect(a).toEqual(b);
    expect(a.filter((s) => s === 500).length).toBeGreaterThan(0);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(0);
  });
});
