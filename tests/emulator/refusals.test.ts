// What real Telegram refuses, the emulator refuses too, with the same status and description: HTML it
// cannot parse, texts and captions too long after entity parsing, callback_data over 64 bytes, edits that
// change nothing, and users who never started the bot or blocked it.
import { Bot, GrammyError, InlineKeyboard, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatText } from "../../src/emulator/entities.js";
import { startEmulator, type Emulator } from "../support/emulator.js";

let emu: Emulator;
let bot: Bot;
const chat = 4242;

beforeEach(async () => {
  emu = await startEmulator();
  bot = new Bot("123456:TEST", { client: { apiRoot: emu.apiRoot } });
  emu.sendText({ id: chat, first_name: "Sari" }, "/start");
});

afterEach(async () => {
  await emu.close();
});

/** The error a call ends with (fails the test when it succeeds). */
async function refusal(call: Promise<unknown>): Promise<{ status: number; description: string }> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, "the call was expected to be refused").toBeInstanceOf(GrammyError);
  return { status: (err as GrammyError).error_code, description: (err as GrammyError).description };
}

const parseError = (html: string, strictAmpersand = true): string => {
  try {
    formatText(html, "HTML", undefined, { strictAmpersand });
  } catch (err) {
    return (err as Error).message;
  }
  return "accepted";
};

describe("HTML Telegram cannot parse", () => {
  it("refuses hostile profile names put into HTML unescaped, with Telegram's messages", () => {
    expect(parseError("Halo <b>Rina!")).toBe('Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"');
    expect(parseError("Halo <b>Rina")).toBe('Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"');
    expect(parseError("Halo Ani & Budi <3", false)).toBe("Bad Request: can't parse entities: Unclosed start tag at byte offset 16");
    expect(parseError("Halo </i>")).toBe("Bad Request: can't parse entities: Unexpected end tag at byte offset 5");
    expect(parseError("a < b")).toBe('Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 2');
    expect(parseError("<")).toBe("Bad Request: can't parse entities: Unclosed start tag at byte offset 0");
    expect(parseError("<3 kamu>")).toBe('Bad Request: can\'t parse entities: Unsupported start tag "3" at byte offset 0');
    expect(parseError("<b>x</b >")).toBe("accepted");
    expect(parseError("<b>x</b")).toBe("Bad Request: can't parse entities: Unclosed end tag at byte offset 4");
  });

  it("refuses unknown tags, including names that exist on Object.prototype", () => {
    for (const tag of ["br", "p", "div", "img", "font", "constructor", "toString", "h1"]) {
      expect(parseError(`x <${tag}>y</${tag}>`)).toBe(`Bad Request: can't parse entities: Unsupported start tag "${tag.toLowerCase()}" at byte offset 2`);
    }
    expect(parseError('<span class="x">y</span>')).toBe('Bad Request: can\'t parse entities: Tag "span" must have class "tg-spoiler" at byte offset 0');
    expect(parseError("<b>x <i>y</b></i>")).toBe('Bad Request: can\'t parse entities: Unmatched end tag at byte offset 9, expected "</i>", found "</b>"');
  });

  it("demands & be escaped as the Bot API docs say (Telegram's server would show it as typed: strictAmpersand: false)", () => {
    expect(parseError("Ani & Budi")).toBe('Bad Request: can\'t parse entities: Character "&" must be escaped as "&amp;" at byte offset 4');
    expect(parseError("Ani & Budi <3")).toBe('Bad Request: can\'t parse entities: Character "&" must be escaped as "&amp;" at byte offset 4');
    expect(parseError("Tom &nbsp; Jerry")).toBe('Bad Request: can\'t parse entities: Unsupported HTML entity "&nbsp;" at byte offset 4');
    expect(parseError("&copy; 2026")).toBe('Bad Request: can\'t parse entities: Unsupported HTML entity "&copy;" at byte offset 0');
    expect(parseError("&#0; nol")).toBe('Bad Request: can\'t parse entities: Unsupported HTML entity "&#0;" at byte offset 0');
    expect(parseError("&#x110000; terlalu besar")).toBe('Bad Request: can\'t parse entities: Unsupported HTML entity "&#x110000;" at byte offset 0');
    expect(parseError("R&D")).toBe('Bad Request: can\'t parse entities: Character "&" must be escaped as "&amp;" at byte offset 1');
    // escaped, everything is fine; > needs no escape at Telegram
    expect(formatText("Ani &amp; Budi &lt;3 &gt; &quot;kita&quot; &#39;ok&#39; &#x1F600; -> <b>&lt;b&gt;Rina</b>", "HTML", undefined)).toEqual({
      text: "Ani & Budi <3 > \"kita\" 'ok' 😀 -> <b>Rina",
      entities: [{ type: "bold", offset: 34, length: 7 }],
    });
    // lenient like Telegram's server
    expect(formatText("Ani & Budi &nbsp;", "HTML", undefined, { strictAmpersand: false }).text).toBe("Ani & Budi &nbsp;");
    // other parse modes and plain text are not affected
    expect(formatText("Ani & Budi <3", undefined, undefined).text).toBe("Ani & Budi <3");
  });

  it("answers 400 over HTTP for sendMessage, captions and edits, and sends nothing", async () => {
    expect(await refusal(bot.api.sendMessage(chat, "Halo, <b>Rina!", { parse_mode: "HTML" }))).toEqual({ status: 400, description: 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"' });
    expect(await refusal(bot.api.sendMessage(chat, "Halo, Ani & Budi <3!", { parse_mode: "HTML" }))).toMatchObject({ status: 400, description: expect.stringContaining("can't parse entities") });
    expect(await refusal(bot.api.sendDocument(chat, new InputFile(Buffer.from("x"), "a.csv"), { caption: "Data </i>", parse_mode: "HTML" }))).toEqual({ status: 400, description: "Bad Request: can't parse entities: Unexpected end tag at byte offset 5" });
    const sent = await bot.api.sendMessage(chat, "aman");
    expect(await refusal(bot.api.editMessageText(chat, sent.message_id, "Halo <br>", { parse_mode: "HTML" }))).toEqual({ status: 400, description: 'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 5' });
    // nothing refused reached the chat
    expect(emu.messages(chat).map((m) => m.text)).toEqual(["aman"]);
    const lenient = await startEmulator({ strictAmpersand: false });
    try {
      lenient.sendText({ id: chat }, "/start");
      const lbot = new Bot("123456:TEST", { client: { apiRoot: lenient.apiRoot } });
      expect((await lbot.api.sendMessage(chat, "Ani & Budi", { parse_mode: "HTML" })).text).toBe("Ani & Budi");
    } finally {
      await lenient.close();
    }
  });
});

describe("lengths after entity parsing", () => {
  it("text: 4096 characters after parsing pass, 4097 are refused; markup does not count", async () => {
    const ok = await bot.api.sendMessage(chat, `<b>${"x".repeat(4096)}</b>`, { parse_mode: "HTML" });
    expect(ok.text).toHaveLength(4096);
    expect((await bot.api.sendMessage(chat, "&lt;".repeat(4096), { parse_mode: "HTML" })).text).toHaveLength(4096);
    expect(await refusal(bot.api.sendMessage(chat, `<i>${"y".repeat(4097)}</i>`, { parse_mode: "HTML" }))).toEqual({ status: 400, description: "Bad Request: message is too long" });
    expect(await refusal(bot.api.editMessageText(chat, ok.message_id, "z".repeat(4097)))).toEqual({ status: 400, description: "Bad Request: message is too long" });
    // surrounding whitespace is trimmed before counting, like Telegram
    expect((await bot.api.sendMessage(chat, `\n\n${"w".repeat(4096)}\n\n`)).text).toHaveLength(4096);
  });

  it("caption: 1024 characters after parsing pass, 1025 are refused, on send and edit", async () => {
    const doc = await bot.api.sendDocument(chat, new InputFile(Buffer.from("isi"), "a.txt"), { caption: `<b>${"c".repeat(1024)}</b>`, parse_mode: "HTML" });
    expect(doc.caption).toHaveLength(1024);
    expect(await refusal(bot.api.sendDocument(chat, new InputFile(Buffer.from("isi"), "b.txt"), { caption: "c".repeat(1025) }))).toEqual({ status: 400, description: "Bad Request: message caption is too long" });
    expect(await refusal(bot.api.editMessageCaption(chat, doc.message_id, { caption: `<i>${"d".repeat(1025)}</i>`, parse_mode: "HTML" }))).toEqual({ status: 400, description: "Bad Request: message caption is too long" });
  });
});

describe("buttons", () => {
  it("callback_data is limited to 64 bytes (UTF-8), not characters", async () => {
    expect((await bot.api.sendMessage(chat, "ok", { reply_markup: new InlineKeyboard().text("A", "d".repeat(64)) })).reply_markup?.inline_keyboard[0]?.[0]).toEqual({ text: "A", callback_data: "d".repeat(64) });
    expect(await refusal(bot.api.sendMessage(chat, "x", { reply_markup: new InlineKeyboard().text("A", "d".repeat(65)) }))).toEqual({ status: 400, description: "Bad Request: BUTTON_DATA_INVALID" });
    // 22 characters, 66 bytes
    expect(await refusal(bot.api.sendMessage(chat, "x", { reply_markup: new InlineKeyboard().text("A", "é".repeat(33)) }))).toEqual({ status: 400, description: "Bad Request: BUTTON_DATA_INVALID" });
    const sent = await bot.api.sendMessage(chat, "y");
    expect(await refusal(bot.api.editMessageReplyMarkup(chat, sent.message_id, { reply_markup: new InlineKeyboard().text("B", "🎉".repeat(17)) }))).toEqual({ status: 400, description: "Bad Request: BUTTON_DATA_INVALID" });
  });
});

describe("edits that change nothing", () => {
  const NOT_MODIFIED = "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

  it("editMessageText with the same text, entities and keyboard is refused; any change passes", async () => {
    const kb = new InlineKeyboard().text("Jeda", "pause");
    const m = await bot.api.sendMessage(chat, "<b>Siaran</b> 1/10", { parse_mode: "HTML", reply_markup: kb });
    expect(await refusal(bot.api.editMessageText(chat, m.message_id, "<b>Siaran</b> 1/10", { parse_mode: "HTML", reply_markup: kb }))).toEqual({ status: 400, description: NOT_MODIFIED });
    // the same text written differently (entities given instead of HTML) is still the same content
    expect(await refusal(bot.api.editMessageText(chat, m.message_id, "Siaran 1/10", { entities: [{ type: "bold", offset: 0, length: 6 }], reply_markup: kb }))).toEqual({ status: 400, description: NOT_MODIFIED });
    expect((await bot.api.editMessageText(chat, m.message_id, "Siaran 1/10", { reply_markup: kb })) !== true).toBe(true); // bold removed
    expect((await bot.api.editMessageText(chat, m.message_id, "Siaran 1/10")) !== true).toBe(true); // keyboard removed
    expect(emu.calls.filter((c) => c.method === "editMessageText").map((c) => c.status)).toEqual([400, 400, 200, 200]);
  });

  it("editMessageReplyMarkup and editMessageCaption with nothing new are refused", async () => {
    const kb = new InlineKeyboard().text("A", "a");
    const m = await bot.api.sendMessage(chat, "pilih", { reply_markup: kb });
    expect(await refusal(bot.api.editMessageReplyMarkup(chat, m.message_id, { reply_markup: kb }))).toEqual({ status: 400, description: NOT_MODIFIED });
    const plain = await bot.api.sendMessage(chat, "tanpa tombol");
    expect(await refusal(bot.api.editMessageReplyMarkup(chat, plain.message_id))).toEqual({ status: 400, description: NOT_MODIFIED });
    const doc = await bot.api.sendDocument(chat, new InputFile(Buffer.from("isi"), "a.txt"), { caption: "laporan", reply_markup: kb });
    expect(await refusal(bot.api.editMessageCaption(chat, doc.message_id, { caption: "laporan", reply_markup: kb }))).toEqual({ status: 400, description: NOT_MODIFIED });
    expect((await bot.api.editMessageCaption(chat, doc.message_id, { caption: "laporan" })) !== true).toBe(true); // keyboard removed: a change
  });
});

describe("users the bot may not write to", () => {
  it("a user known from a group who never started the bot: 403 can't initiate conversation", async () => {
    const group = { id: -100555, type: "supergroup" as const, title: "Alumni Jambi" };
    const rina = { id: 7001, first_name: "Rina" };
    emu.sendText(rina, "halo semua", { chat: group });
    expect(await refusal(bot.api.sendMessage(rina.id, "Halo Rina"))).toEqual({ status: 403, description: "Forbidden: bot can't initiate conversation with a user" });
    // after /start it works
    emu.sendText(rina, "/start");
    expect((await bot.api.sendMessage(rina.id, "Halo Rina")).text).toBe("Halo Rina");
  });

  it("a user who blocked the bot: 403 bot was blocked by the user, for sends and edits", async () => {
    const m = await bot.api.sendMessage(chat, "sebelum");
    emu.setBlocked(chat, true);
    expect(await refusal(bot.api.sendMessage(chat, "halo?"))).toEqual({ status: 403, description: "Forbidden: bot was blocked by the user" });
    expect(await refusal(bot.api.editMessageText(chat, m.message_id, "berubah"))).toEqual({ status: 403, description: "Forbidden: bot was blocked by the user" });
    expect(await refusal(bot.api.sendDocument(chat, new InputFile(Buffer.from("x"), "x.txt")))).toEqual({ status: 403, description: "Forbidden: bot was blocked by the user" });
  });

  it("an id the emulator never saw: a placeholder chat by default, 400 chat not found with unknownChats: error", async () => {
    expect((await bot.api.sendMessage(999_001, "halo")).chat.id).toBe(999_001);
    const strict = await startEmulator({ unknownChats: "error" });
    try {
      const sbot = new Bot("123456:TEST", { client: { apiRoot: strict.apiRoot } });
      expect(await refusal(sbot.api.sendMessage(999_001, "halo"))).toEqual({ status: 400, description: "Bad Request: chat not found" });
    } finally {
      await strict.close();
    }
  });
});
