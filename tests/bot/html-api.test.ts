// The bot's API transformer (src/bot/html-api.ts) against a stand-in for Telegram that formats every
// text with the emulator's strict Telegram-HTML parser, enforces the length limits on the parsed text
// and answers an edit that changes nothing with "message is not modified", like Telegram does.
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { htmlTextTransformer } from "../../src/bot/html-api.js";
import { escapeHtml, htmlTextLength, MAX_CAPTION_LENGTH, MAX_MESSAGE_LENGTH, splitHtml, trustedHtml } from "../../src/bot/format.js";
import { formatText, parseHtml } from "../../src/emulator/entities.js";
import { HOSTILE_VALUES } from "../support/hostile.js";

interface Sent {
  method: string;
  payload: Record<string, unknown>;
  text?: string;
}

/** A tiny Telegram: every message it accepts is kept, formatted as Telegram would. */
function fakeTelegram() {
  const sent: Sent[] = [];
  const messages = new Map<number, string>();
  let nextId = 1;
  const api = new Api("1:TEST");
  api.config.use(async (_prev, method, input) => {
    const payload = (input ?? {}) as Record<string, unknown>;
    const fail = (description: string) => ({ ok: false, error_code: 400, description: `Bad Request: ${description}` }) as never;
    try {
      if (method === "sendMessage" || method === "editMessageText") {
        const f = formatText(String(payload.text), payload.parse_mode, payload.entities);
        if (f.text.length > MAX_MESSAGE_LENGTH) return fail("message is too long");
        if (method === "editMessageText") {
          const id = Number(payload.message_id);
          const key = f.text + JSON.stringify(payload.reply_markup ?? null);
          if (messages.get(id) === key) return fail("message is not modified: specified new message content and reply markup are exactly the same");
          messages.set(id, key);
          sent.push({ method, payload, text: f.text });
          return { ok: true, result: true } as never;
        }
        const id = nextId++;
        messages.set(id, f.text + JSON.stringify(payload.reply_markup ?? null));
        sent.push({ method, payload, text: f.text });
        return { ok: true, result: { message_id: id, date: 0, chat: { id: 1, type: "private" }, text: f.text } } as never;
      }
      if (method === "sendDocument") {
        const f = formatText(String(payload.caption ?? ""), payload.parse_mode, payload.caption_entities);
        if (f.text.length > MAX_CAPTION_LENGTH) return fail("message caption is too long");
        sent.push({ method, payload, text: f.text });
        return { ok: true, result: { message_id: nextId++, date: 0, chat: { id: 1, type: "private" } } } as never;
      }
      sent.push({ method, payload });
      return { ok: true, result: true } as never;
    } catch (error) {
      return fail(String((error as { description?: string }).description ?? error).replace(/^Bad Request: /, ""));
    }
  });
  api.config.use(htmlTextTransformer());
  return { api, sent };
}

/** The longest story a list can hold: entries with bold titles and hostile text, over 3× the limit. */
function longList(entries: number): string {
  return Array.from({ length: entries }, (_, i) => `<b>${i + 1}. ${escapeHtml(`Temu <Alumni> & Jejaring ${i}`)}</b>\n${escapeHtml("Ani & Budi <3 ".repeat(8))}\n<i>${"kata ".repeat(20)}</i>`).join("\n\n");
}

describe("the HTML text transformer", () => {
  it("sends a text without parse_mode as HTML, so escaped values show as typed", async () => {
    const { api, sent } = fakeTelegram();
    for (const value of HOSTILE_VALUES) await api.sendMessage(1, `Halo, ${escapeHtml(value)}!`);
    expect(sent.map((s) => s.text)).toEqual(HOSTILE_VALUES.map((value) => `Halo, ${value}!`));
  });

  it("keeps a message with explicit entities (a broadcast typed by an admin) as it is", async () => {
    const { api, sent } = fakeTelegram();
    await api.sendMessage(1, "Tom & Jerry <3", { entities: [] });
    expect(sent[0]?.text).toBe("Tom & Jerry <3");
  });

  it("shows button labels and callback answers as typed (Telegram does not parse them)", async () => {
    const { api, sent } = fakeTelegram();
    await api.sendMessage(1, "x", { reply_markup: { inline_keyboard: [[{ text: `🤝 ${escapeHtml("A & <B>")}`, callback_data: "a" }]] } });
    await api.answerCallbackQuery("q", { text: escapeHtml("A & <B>").toString() });
    expect((sent[0]?.payload.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard[0]?.[0]?.text).toBe("🤝 A & <B>");
    expect(sent[1]?.payload.text).toBe("A & <B>");
  });

  it("splits a message over 4,096 characters at line breaks, every piece valid HTML with its tags balanced", async () => {
    const { api, sent } = fakeTelegram();
    const html = `<b>Daftar acara</b>\n<blockquote>${longList(60)}</blockquote>`;
    expect(htmlTextLength(html)).toBeGreaterThan(3 * MAX_MESSAGE_LENGTH);
    const last = await api.sendMessage(1, html, { reply_markup: { inline_keyboard: [[{ text: "Lanjut", callback_data: "n" }]] } });
    expect(sent.length).toBeGreaterThanOrEqual(4);
    for (const piece of sent) expect(piece.text!.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    // nothing lost: the pieces together are the whole text (cuts fall on line breaks; Telegram trims each piece)
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(sent.map((s) => s.text).join("\n"))).toEqual(words(parseHtml(html).text));
    for (const piece of sent.slice(0, -1)) expect(piece.payload.text).toMatch(/\n(<\/[a-z]+>)*$/);
    // the buttons come under the last piece, which is what the caller gets back
    expect(sent.filter((s) => s.payload.reply_markup !== undefined)).toHaveLength(1);
    expect(sent.at(-1)?.payload.reply_markup).toBeDefined();
    expect(last.message_id).toBe(sent.length);
  });

  it("sends as one message a text whose markup makes it longer than 4,096 characters but whose visible text fits", async () => {
    const { api, sent } = fakeTelegram();
    // 1,000 escaped ampersands in bold: 4,000+ characters of markup for 1,000 visible ones
    const html = `<b>${escapeHtml("&".repeat(1000))}</b> ${"<i>x</i>".repeat(300)}`;
    expect(html.length).toBeGreaterThan(MAX_MESSAGE_LENGTH);
    expect(htmlTextLength(html)).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    await api.sendMessage(1, html);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.payload.text).toBe(html);
  });

  it("splits one very long line (a story without line breaks) at spaces, never inside a tag or an entity", () => {
    const html = `<i>${escapeHtml("Saya & kamu <3 ".repeat(1000))}</i>`;
    const pieces = splitHtml(html, MAX_MESSAGE_LENGTH);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      const parsed = parseHtml(piece);
      expect(parsed.text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(parsed.entities[0]?.type).toBe("italic");
    }
    expect(pieces.map((p) => parseHtml(p).text).join("")).toBe(parseHtml(html).text);
  });

  it("shortens a caption over 1,024 characters and an edit over 4,096 instead of being refused", async () => {
    const { api, sent } = fakeTelegram();
    await api.sendDocument(1, "file-id", { caption: trustedHtml(`<b>${escapeHtml("Nama & <file>.csv ".repeat(100))}</b>`).toString() });
    expect(sent[0]?.text?.length).toBeLessThanOrEqual(MAX_CAPTION_LENGTH);
    expect(sent[0]?.text?.endsWith("…")).toBe(true);
    const message = await api.sendMessage(1, "x");
    await api.editMessageText(1, message.message_id, longList(60));
    expect(sent.at(-1)?.text?.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });

  it("treats an edit that changes nothing (a repeated press, a timer) as done", async () => {
    const { api, sent } = fakeTelegram();
    const message = await api.sendMessage(1, "Halaman 1");
    const markup = { inline_keyboard: [[{ text: "▶️", callback_data: "p:1" }]] };
    await api.editMessageText(1, message.message_id, "Halaman <b>2</b>", { reply_markup: markup });
    await expect(api.editMessageText(1, message.message_id, "Halaman <b>2</b>", { reply_markup: markup })).resolves.toBe(true);
    expect(sent.filter((s) => s.method === "editMessageText")).toHaveLength(1);
  });

  it("still fails on other errors", async () => {
    const { api } = fakeTelegram();
    await expect(api.sendMessage(1, "", { entities: [] })).resolves.toBeDefined();
    await expect(api.editMessageText(1, 999, "<b>unclosed")).rejects.toThrow(/can't parse entities/);
  });
});
