import { describe, expect, it } from "vitest";
import { formatText } from "../../src/emulator/entities.js";
import { RateLimiter, seededRandom } from "../../src/emulator/faults.js";
import { parseMultipart, resolveAttachments, coerceParams } from "../../src/emulator/multipart.js";
import { UpdateQueue } from "../../src/emulator/state.js";
import type { Update } from "../../src/emulator/types.js";

const parseError = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected a parse error");
};

describe("parse_mode like Telegram", () => {
  it("turns HTML into text + entities with UTF-16 offsets", () => {
    const f = formatText('😀 <b>Tebal <i>miring</i></b> &lt;3 &amp; <a href="https://prakerja.go.id">situs</a> <pre><code class="language-ts">x &lt; y</code></pre> &#128512;', "HTML", undefined);
    expect(f.text).toBe("😀 Tebal miring <3 & situs x < y 😀");
    expect(f.entities).toEqual([
      { type: "bold", offset: 3, length: 12 },
      { type: "italic", offset: 9, length: 6 },
      { type: "text_link", offset: 21, length: 5, url: "https://prakerja.go.id" },
      { type: "pre", offset: 27, length: 5, language: "ts" },
    ]);
  });

  it("refuses malformed HTML with Telegram's messages", () => {
    expect(parseError(() => formatText("a < b", "HTML", undefined))).toMatch(/^Bad Request: can't parse entities: /);
    expect(parseError(() => formatText("<br>", "HTML", undefined))).toBe('Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 0');
    expect(parseError(() => formatText("<b>x</i>", "HTML", undefined))).toBe('Bad Request: can\'t parse entities: Unmatched end tag at byte offset 4, expected "</b>", found "</i>"');
    expect(parseError(() => formatText("<b>x", "HTML", undefined))).toBe('Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"');
  });

  it("parses MarkdownV2 and demands escapes", () => {
    const f = formatText("*tebal _miring_* __garis__ ~coret~ ||rahasia|| `kode` [tautan](https://x.id/a\\)b) 1\\.000\\!", "MarkdownV2", undefined);
    expect(f.text).toBe("tebal miring garis coret rahasia kode tautan 1.000!");
    expect(f.entities.map((e) => e.type)).toEqual(["bold", "italic", "underline", "strikethrough", "spoiler", "code", "text_link"]);
    expect(f.entities.at(-1)).toMatchObject({ url: "https://x.id/a)b" });
    expect(parseError(() => formatText("Harga 1.000", "MarkdownV2", undefined))).toBe("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
    expect(parseError(() => formatText("*belum ditutup", "MarkdownV2", undefined))).toBe("Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0");
  });

  it("parses legacy Markdown, trims whitespace and keeps explicit entities", () => {
    expect(formatText("*tebal* snake\\_case a-b.", "Markdown", undefined)).toEqual({ text: "tebal snake_case a-b.", entities: [{ type: "bold", offset: 0, length: 5 }] });
    expect(formatText("  <b>halo</b>\n\n", "HTML", undefined)).toEqual({ text: "halo", entities: [{ type: "bold", offset: 0, length: 4 }] });
    const explicit = [{ type: "italic", offset: 0, length: 3 }];
    expect(formatText("abc <b>", "HTML", explicit)).toEqual({ text: "abc <b>", entities: explicit });
    expect(parseError(() => formatText("x", "Markdown3", undefined))).toBe("Bad Request: unsupported parse_mode");
  });
});

describe("request parsing", () => {
  it("reads grammY-style multipart (unquoted file names with spaces) and resolves attach://", async () => {
    const b = "----------abc123";
    const body = Buffer.from(
      `--${b}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n42\r\n` +
        `--${b}\r\ncontent-disposition:form-data;name="reply_markup"\r\n\r\n{"inline_keyboard":[[{"text":"A","callback_data":"a"}]]}\r\n` +
        `--${b}\r\ncontent-disposition:form-data;name="document"\r\n\r\nattach://f1\r\n` +
        `--${b}\r\ncontent-disposition:form-data;name="f1";filename=Laporan Temu Alumni (Jabar).pdf\r\ncontent-type:application/octet-stream\r\n\r\n%PDF\r\n-- not a boundary\r\n` +
        `--${b}--\r\n`,
    );
    const { fields, files } = await parseMultipart(body, `multipart/form-data; boundary=${b}`);
    const params = resolveAttachments(coerceParams(fields), files);
    expect(params.chat_id).toBe(42);
    expect(params.reply_markup).toEqual({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] });
    expect(params.document).toMatchObject({ kind: "upload", fileName: "Laporan Temu Alumni (Jabar).pdf", mimeType: "application/pdf" });
    expect((params.document as { bytes: Buffer }).bytes.toString()).toBe("%PDF\r\n-- not a boundary");
  });

  it("coerces form values by parameter name only", () => {
    expect(coerceParams({ chat_id: "-100123", text: "true", show_alert: "true", latitude: "-6.2", caption: "123" })).toEqual({ chat_id: -100123, text: "true", show_alert: true, latitude: -6.2, caption: "123" });
    expect(() => coerceParams({ reply_markup: "{oops" })).toThrow("Bad Request: can't parse reply keyboard markup JSON object");
  });
});

describe("building blocks", () => {
  it("rate limiter: sliding one-second windows, global and per chat", () => {
    const rl = new RateLimiter({ global: 3, perChat: 2 });
    const t = 10_000;
    for (let i = 0; i < 2; i++) {
      expect(rl.check(1, t + i)).toBe(0);
      rl.record(1, t + i);
    }
    expect(rl.check(1, t + 5)).toBe(1); // chat 1 is full
    expect(rl.check(2, t + 5)).toBe(0);
    rl.record(2, t + 5);
    expect(rl.check(3, t + 6)).toBe(1); // global is full
    expect(rl.check(3, t + 1000)).toBe(0); // the first send left the window
  });

  it("update queue confirms by offset and removes delivered ones", () => {
    const q = new UpdateQueue();
    for (let id = 1; id <= 5; id++) q.push({ update_id: id } as Update);
    q.confirm(3);
    expect(q.all().map((u) => u.update_id)).toEqual([3, 4, 5]);
    expect(q.remove(4)).toBe(true);
    expect(q.all().map((u) => u.update_id)).toEqual([3, 5]);
    q.confirm(-1);
    expect(q.all().map((u) => u.update_id)).toEqual([5]);
    expect(q.size).toBe(1);
  });

  it("seeded random is reproducible", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });
});
