/**
 * How a message the bot sends is built and checked like Telegram does: text and captions after entity
 * parsing (with their length limits), inline and reply keyboards, replies, link previews.
 */
import { formatText, type Formatted } from "../entities.js";
import { toApiMessage, type ChatState } from "../state.js";
import { badRequest, type EmuMessage, type Json } from "../types.js";
import { bool, botUserJson, chatRef, findChat, int, now, str, targetChat, type ApiHost, type BotIdentity } from "./host.js";

export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;

/** Methods that send a message and therefore count against flood limits. */
export const SEND_METHODS = new Set([
  "sendMessage",
  "sendPhoto",
  "sendDocument",
  "copyMessage",
  "forwardMessage",
  "sendVenue",
  "sendLocation",
  "sendMediaGroup",
  "sendContact",
]);

export function format(h: ApiHost, p: Json, textKey: string, entitiesKey: string, required: boolean): Formatted | undefined {
  const raw = str(p, textKey);
  if (raw === undefined || raw === "") {
    if (required) throw badRequest("message text is empty");
    return undefined;
  }
  const f = formatText(raw, p.parse_mode, p[entitiesKey], { strictAmpersand: h.strictAmpersand });
  if (required && f.text.trim() === "") throw badRequest("message text is empty");
  return f;
}

export function checkTextLength(f: Formatted): void {
  if (f.text.length > MAX_TEXT) throw badRequest("message is too long");
}

export function caption(h: ApiHost, p: Json): Formatted | undefined {
  const f = format(h, p, "caption", "caption_entities", false);
  if (f && f.text.length > MAX_CAPTION) throw badRequest("message caption is too long");
  return f;
}

export const BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

export function validateUrl(url: unknown): void {
  if (typeof url !== "string" || !/^(https?:\/\/[^\s/$.?#][^\s]*|tg:\/\/\S+)$/i.test(url)) throw badRequest("BUTTON_URL_INVALID");
}

export function validateInlineKeyboard(markup: Json): Json {
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows)) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Array");
  let total = 0;
  for (const row of rows) {
    if (!Array.isArray(row)) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Array");
    for (const b of row as unknown[]) {
      total++;
      if (!b || typeof b !== "object") throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
      const button = b as Json;
      if (typeof button.text !== "string" || button.text === "") throw badRequest("can't parse inline keyboard button: Text must be non-empty");
      const actions = BUTTON_ACTIONS.filter((k) => button[k] !== undefined);
      if (actions.length === 0) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      if (button.callback_data !== undefined) {
        const data = button.callback_data;
        if (typeof data !== "string" || data === "" || Buffer.byteLength(data, "utf8") > 64) throw badRequest("BUTTON_DATA_INVALID");
      }
      if (button.url !== undefined) validateUrl(button.url);
      if (button.web_app !== undefined) {
        const url = (button.web_app as Json | undefined)?.url;
        if (typeof url !== "string" || !url.startsWith("https://")) throw badRequest("BUTTON_URL_INVALID");
      }
    }
  }
  if (total > 100) throw badRequest("reply markup is too long");
  return markup;
}

export interface MarkupResult {
  /** Inline keyboard to put on the message. */
  inline: Json | undefined;
  /** Applies reply-keyboard effects on the chat once the send succeeded. */
  apply(): void;
}

export function replyMarkup(chat: ChatState, raw: unknown): MarkupResult {
  const none: MarkupResult = { inline: undefined, apply: () => undefined };
  if (raw === undefined || raw === null || raw === "") return none;
  if (typeof raw !== "object" || Array.isArray(raw)) throw badRequest("can't parse reply keyboard markup JSON object");
  const markup = raw as Json;
  if (markup.inline_keyboard !== undefined) {
    const inline = validateInlineKeyboard(markup);
    return { inline: (inline.inline_keyboard as unknown[]).length > 0 ? { inline_keyboard: inline.inline_keyboard } : undefined, apply: () => undefined };
  }
  if (markup.keyboard !== undefined) {
    if (!Array.isArray(markup.keyboard)) throw badRequest("can't parse reply keyboard markup JSON object");
    for (const row of markup.keyboard as unknown[]) {
      if (!Array.isArray(row)) throw badRequest("can't parse keyboard button: KeyboardButton must be an Array");
      for (const b of row as unknown[]) {
        const text = typeof b === "string" ? b : (b as Json | null)?.text;
        if (typeof text !== "string" || text === "") throw badRequest("can't parse keyboard button: Text must be non-empty");
      }
    }
    return { inline: undefined, apply: () => void (chat.replyKeyboard = markup) };
  }
  if (markup.remove_keyboard === true) return { inline: undefined, apply: () => void (chat.replyKeyboard = null) };
  if (markup.force_reply === true) return none;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

/** Common fields of a message the bot sends. */
export function baseMessage(h: ApiHost, chat: ChatState, bot: BotIdentity, messageId: number, p: Json, reply: Json | undefined): Json {
  const m: Json = { message_id: messageId };
  if (chat.info.type === "channel") m.sender_chat = chat.toApi();
  else m.from = botUserJson(bot);
  m.chat = chat.toApi();
  m.date = now();
  const thread = int(p, "message_thread_id");
  if (thread !== undefined && chat.info.type === "supergroup") {
    m.message_thread_id = thread;
    m.is_topic_message = true;
  }
  if (bool(p, "protect_content")) m.has_protected_content = true;
  if (reply) m.reply_to_message = reply;
  return m;
}

/** reply_parameters (or the older reply_to_message_id) → the replied message, like Telegram embeds it. */
export function replyTarget(h: ApiHost, chat: ChatState, p: Json): Json | undefined {
  let params = p.reply_parameters as Json | undefined;
  if (params === undefined && p.reply_to_message_id !== undefined) {
    params = { message_id: p.reply_to_message_id, allow_sending_without_reply: p.allow_sending_without_reply };
  }
  if (!params || typeof params !== "object") return undefined;
  const id = int(params, "message_id");
  if (id === undefined) return undefined;
  const source = params.chat_id !== undefined ? findChat(h, chatRef(params)) : chat;
  const target = source?.messages.get(id);
  if (!target) {
    if (bool(params, "allow_sending_without_reply")) return undefined;
    throw badRequest("message to be replied not found");
  }
  const embedded = toApiMessage(target);
  delete embedded.reply_to_message;
  return embedded;
}

export function withText(m: Json, f: Formatted, key: "text" | "caption"): void {
  m[key] = f.text;
  if (f.entities.length > 0) m[key === "text" ? "entities" : "caption_entities"] = f.entities;
}

export function linkPreview(p: Json): Json | undefined {
  const opts = p.link_preview_options;
  if (opts && typeof opts === "object") return opts as Json;
  if (bool(p, "disable_web_page_preview")) return { is_disabled: true };
  return undefined;
}

export function sendWith(h: ApiHost, p: Json, bot: BotIdentity, content: (chat: ChatState) => Json, markupKey = "reply_markup"): EmuMessage {
  const chat = targetChat(h, p);
  const body = content(chat);
  const markup = replyMarkup(chat, p[markupKey]);
  const reply = replyTarget(h, chat, p);
  const msg = h.store.add(chat, true, (id) => {
    const m = baseMessage(h, chat, bot, id, p, reply);
    Object.assign(m, body);
    if (markup.inline) m.reply_markup = markup.inline;
    return m;
  });
  markup.apply();
  return msg;
}
