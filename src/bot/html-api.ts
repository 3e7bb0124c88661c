// The Bot API transformer that makes the bot's text safe for Telegram in one place: every message and
// caption is Telegram HTML unless it carries its own entities; texts Telegram shows as plain (buttons,
// callback answers, command descriptions, inline result titles) get the escaping undone; texts over
// Telegram's limits are split (messages) or shortened (captions, edits); an edit that changes nothing
// counts as done instead of failing with "message is not modified".
import type { Transformer } from "grammy";
import { MAX_CAPTION_LENGTH, MAX_MESSAGE_LENGTH, htmlLongerThan, shortenHtml, splitHtml, unescapeHtml } from "./format.js";

type Payload = Record<string, unknown>;

const CAPTION_METHODS = new Set(["sendPhoto", "sendDocument", "sendVideo", "sendAudio", "sendAnimation", "sendVoice", "editMessageCaption", "copyMessage"]);
const EDIT_METHODS = new Set(["editMessageText", "editMessageCaption", "editMessageReplyMarkup", "editMessageMedia"]);

function plainButtons(markup: unknown): unknown {
  if (!markup || typeof markup !== "object") return markup;
  const m = markup as { inline_keyboard?: unknown[][]; keyboard?: unknown[][] };
  const fix = (rows: unknown[][]) =>
    rows.map((row) =>
      row.map((button) => {
        if (typeof button === "string") return unescapeHtml(button);
        const b = button as { text?: unknown };
        return typeof b?.text === "string" ? { ...b, text: unescapeHtml(b.text) } : button;
      }),
    );
  if (Array.isArray(m.inline_keyboard)) return { ...m, inline_keyboard: fix(m.inline_keyboard) };
  if (Array.isArray(m.keyboard)) return { ...m, keyboard: fix(m.keyboard) };
  return markup;
}

/** HTML by default: a text without parse_mode and without explicit entities is parsed as HTML. */
function withHtmlDefault(payload: Payload, textKey: string, entitiesKey: string): Payload {
  if (typeof payload[textKey] !== "string" || payload.parse_mode !== undefined || payload[entitiesKey] !== undefined) return payload;
  return { ...payload, parse_mode: "HTML" };
}

function isHtml(payload: Payload): boolean {
  return typeof payload.parse_mode === "string" && payload.parse_mode.toLowerCase() === "html";
}

/** Rewrites one outgoing call's payload (everything but the splitting of long messages). */
export function prepareOutgoing(method: string, input: Payload): Payload {
  let payload: Payload = { ...input };
  if ("reply_markup" in payload) payload.reply_markup = plainButtons(payload.reply_markup);
  if (method === "sendMessage" || method === "editMessageText") {
    payload = withHtmlDefault(payload, "text", "entities");
    if (method === "editMessageText" && isHtml(payload)) payload.text = shortenHtml(String(payload.text), MAX_MESSAGE_LENGTH);
  } else if (CAPTION_METHODS.has(method)) {
    payload = withHtmlDefault(payload, "caption", "caption_entities");
    if (isHtml(payload) && typeof payload.caption === "string") payload.caption = shortenHtml(payload.caption, MAX_CAPTION_LENGTH);
  } else if (method === "answerCallbackQuery" && typeof payload.text === "string") {
    payload.text = unescapeHtml(payload.text);
  } else if (method === "setMyCommands" && Array.isArray(payload.commands)) {
    payload.commands = (payload.commands as { command: string; description: string }[]).map((c) => ({ ...c, description: unescapeHtml(c.description) }));
  } else if (method === "answerInlineQuery" && Array.isArray(payload.results)) {
    payload.results = (payload.results as Payload[]).map((result) => {
      const r: Payload = { ...result };
      for (const key of ["title", "description"]) if (typeof r[key] === "string") r[key] = unescapeHtml(r[key] as string);
      if ("reply_markup" in r) r.reply_markup = plainButtons(r.reply_markup);
      if (r.input_message_content && typeof r.input_message_content === "object") {
        r.input_message_content = withHtmlDefault(r.input_message_content as Payload, "message_text", "entities");
      }
      if (typeof r.caption === "string") r.caption = shortenHtml(r.caption, MAX_CAPTION_LENGTH);
      return withHtmlDefault(r, "caption", "caption_entities");
    });
  }
  return payload;
}

/** See the file comment. Installed on bot.api in createBot, so jobs and conversations get it too. */
export function htmlTextTransformer(): Transformer {
  return async (prev, method, input, signal) => {
    const payload = prepareOutgoing(method, (input ?? {}) as Payload);
    if (method === "sendMessage" && isHtml(payload) && htmlLongerThan(String(payload.text), MAX_MESSAGE_LENGTH)) {
      // a long message goes out as several, the buttons under the last one, the reply-to on the first
      const pieces = splitHtml(String(payload.text), MAX_MESSAGE_LENGTH);
      const { reply_markup, reply_parameters, ...rest } = payload;
      let last: Awaited<ReturnType<typeof prev>> | undefined;
      for (const [index, text] of pieces.entries()) {
        const piece = { ...rest, text, ...(index === 0 && reply_parameters ? { reply_parameters } : {}), ...(index === pieces.length - 1 && reply_markup ? { reply_markup } : {}) };
        last = await prev(method, piece as never, signal);
        if (!last.ok) return last;
      }
      return last!;
    }
    const result = await prev(method, payload as never, signal);
    if (!result.ok && EDIT_METHODS.has(method) && /message is not modified/i.test(result.description ?? "")) {
      // a repeated press or a timer rendering the same view: nothing to change is not a failure
      return { ok: true, result: true } as never;
    }
    return result;
  };
}
