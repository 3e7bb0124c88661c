/**
 * Turns the emulator's stored messages into what the demo page shows: HTML built from `text` + `entities`
 * (every character of the text escaped; only the tags made here are markup), plus the media, venue and
 * keyboard parts as plain data that the page puts into the DOM as text.
 */
import type { MessageEntity } from "grammy/types";
import { detectEntities } from "../emulator/entities.js";
import type { EmuMessage, Json } from "../emulator/index.js";

export interface ViewButton {
  text: string;
  /** callback: sends a callback query; url: opens a link; other: a kind the demo cannot press */
  kind: "callback" | "url" | "other";
  data?: string;
  url?: string;
}

export interface ViewReplyButton {
  text: string;
  kind: "text" | "contact" | "location" | "other";
}

export interface ViewReplyKeyboard {
  rows: ViewReplyButton[][];
  oneTime: boolean;
  placeholder?: string;
}

export interface ViewMessage {
  id: number;
  chatId: number;
  /** true: the bot sent it (left bubble); false: the person typing sent it (right bubble) */
  fromBot: boolean;
  /** Unix seconds */
  date: number;
  edited: boolean;
  /** the emulator's change counter when this state of the message was stored */
  version: number;
  /** text or caption as HTML (escaped; tags only from entities) */
  html?: string;
  photo?: { url: string; width: number; height: number };
  document?: { url: string; name: string; size: string; mimeType: string };
  venue?: { title: string; address: string; latitude: number; longitude: number; mapUrl: string };
  location?: { latitude: number; longitude: number; mapUrl: string };
  contact?: { phone: string; name: string };
  /** a short quote of the message this one replies to */
  replyTo?: { id: number; preview: string };
  inlineKeyboard?: ViewButton[][];
  /** a message kind the page has no view for (e.g. "sticker") */
  unsupported?: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** For the demo's web page (text and attribute values, so quotes too); Telegram messages use src/bot/format.ts. */
export function escapeBrowserHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Only links a browser may follow safely; anything else (javascript:, data:, …) is not a link. */
function safeHref(raw: string): string | undefined {
  const value = raw.trim();
  if (/^(https?:\/\/|mailto:|tel:|tg:\/\/)/i.test(value)) return value;
  if (/^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(value)) return `http://${value}`;
  return undefined;
}

function anchor(href: string | undefined, cls?: string): string {
  const c = cls ? ` class="${cls}"` : "";
  if (!href) return `<span${c}>`;
  const external = /^https?:/i.test(href) ? ' target="_blank" rel="noopener noreferrer"' : "";
  return `<a href="${escapeBrowserHtml(href)}"${c}${external}>`;
}

type Tag = { open: string; close: string };

function tagFor(entity: MessageEntity, text: string): Tag | undefined {
  const inner = text.slice(entity.offset, entity.offset + entity.length);
  switch (entity.type) {
    case "bold":
      return { open: "<b>", close: "</b>" };
    case "italic":
      return { open: "<i>", close: "</i>" };
    case "underline":
      return { open: "<u>", close: "</u>" };
    case "strikethrough":
      return { open: "<s>", close: "</s>" };
    case "spoiler":
      return { open: '<span class="spoiler" title="Ketuk untuk membuka">', close: "</span>" };
    case "code":
      return { open: "<code>", close: "</code>" };
    case "pre": {
      const lang = entity.language ? ` class="language-${escapeBrowserHtml(entity.language)}"` : "";
      return { open: `<pre><code${lang}>`, close: "</code></pre>" };
    }
    case "blockquote":
      return { open: "<blockquote>", close: "</blockquote>" };
    case "expandable_blockquote":
      return { open: '<blockquote class="expandable">', close: "</blockquote>" };
    case "text_link": {
      const href = safeHref(entity.url);
      return { open: anchor(href), close: href ? "</a>" : "</span>" };
    }
    case "url": {
      const href = safeHref(inner);
      return { open: anchor(href), close: href ? "</a>" : "</span>" };
    }
    case "email":
      return { open: anchor(`mailto:${inner}`), close: "</a>" };
    case "phone_number":
      return { open: anchor(`tel:${inner.replace(/[^\d+]/g, "")}`), close: "</a>" };
    case "mention":
      return { open: anchor(`https://t.me/${inner.replace(/^@/, "")}`), close: "</a>" };
    case "bot_command":
      // pressing a command in Telegram sends it; the page does the same
      return { open: `<a href="#" class="cmd" data-command="${escapeBrowserHtml(inner)}">`, close: "</a>" };
    case "hashtag":
    case "cashtag":
      return { open: '<span class="tag">', close: "</span>" };
    case "text_mention":
      return { open: '<span class="mention">', close: "</span>" };
    default:
      return undefined; // custom_emoji and future kinds: the text alone
  }
}

/**
 * Telegram text + entities → HTML. Entities may nest or overlap: when one ends inside another, the tags
 * opened after it are closed and opened again, so the result is always well-formed.
 */
export function entitiesToHtml(text: string, entities: readonly MessageEntity[] | undefined): string {
  type Open = { end: number; tag: Tag };
  const list = (entities ?? [])
    .map((entity, index) => ({ entity, index, start: Math.max(0, entity.offset), end: Math.min(text.length, entity.offset + entity.length) }))
    .filter((e) => e.end > e.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
  const points = [...new Set([0, text.length, ...list.flatMap((e) => [e.start, e.end])])].sort((a, b) => a - b);
  const stack: Open[] = [];
  let next = 0;
  let out = "";
  for (let k = 0; k < points.length; k++) {
    const pos = points[k] as number;
    const firstEnding = stack.findIndex((o) => o.end <= pos);
    if (firstEnding !== -1) {
      const reopen: Open[] = [];
      while (stack.length > firstEnding) {
        const o = stack.pop() as Open;
        out += o.tag.close;
        if (o.end > pos) reopen.unshift(o);
      }
      for (const o of reopen) {
        out += o.tag.open;
        stack.push(o);
      }
    }
    while (next < list.length && (list[next] as (typeof list)[number]).start === pos) {
      const e = list[next++] as (typeof list)[number];
      const tag = tagFor(e.entity, text);
      if (!tag) continue;
      out += tag.open;
      stack.push({ end: e.end, tag });
    }
    const until = points[k + 1];
    if (until !== undefined) out += escapeBrowserHtml(text.slice(pos, until));
  }
  while (stack.length > 0) out += (stack.pop() as Open).tag.close;
  return out;
}

/** Entities a Telegram app finds by itself: commands, @mentions, #hashtags, links (also "prakerja.go.id"). */
export function autoEntities(text: string): MessageEntity[] {
  const found = detectEntities(text).map((e) => {
    if (e.type !== "url") return e;
    const token = text.slice(e.offset, e.offset + e.length).replace(/[.,;:!?)\]}'"]+$/, "");
    return { ...e, length: token.length };
  });
  const bare = /(^|[\s(])((?:[a-z0-9-]+\.)+(?:id|com|org|net|io)(?:\/[^\s<>"]*)?)/gi;
  let m: RegExpExecArray | null;
  while ((m = bare.exec(text)) !== null) {
    const token = (m[2] ?? "").replace(/[.,;:!?)\]}'"]+$/, "");
    const offset = m.index + (m[1] ?? "").length;
    if (!found.some((e) => offset < e.offset + e.length && e.offset < offset + token.length)) found.push({ type: "url", offset, length: token.length });
  }
  // Telegram does not make a hashtag of "#1" (a broadcast number): it needs a letter
  return found.filter((e) => e.length > 0 && (e.type !== "hashtag" || /\p{L}/u.test(text.slice(e.offset, e.offset + e.length))));
}

/** Types that own their text: an automatic entity never goes inside or across one of them. */
const ATOMIC = new Set(["code", "pre", "text_link", "url", "email", "phone_number", "mention", "text_mention", "bot_command", "hashtag", "cashtag"]);

/** The message's own entities plus the automatic ones that do not collide with them. */
export function withAutoEntities(text: string, entities: readonly MessageEntity[] | undefined): MessageEntity[] {
  const own = [...(entities ?? [])];
  const blocked = own.filter((e) => ATOMIC.has(e.type));
  for (const auto of autoEntities(text)) {
    if (!blocked.some((e) => auto.offset < e.offset + e.length && e.offset < auto.offset + auto.length)) own.push(auto);
  }
  return own;
}

/** "12,4 KB" (Indonesian decimal comma). */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0).replace(".", ",")} ${units[unit]}`;
}

export function mapUrl(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
}

/** Where the page downloads a stored file (the demo server reads it from the emulator). */
export function fileUrl(fileId: string, download = false): string {
  return `/api/files/${encodeURIComponent(fileId)}${download ? "?download=1" : ""}`;
}

function inlineKeyboard(markup: unknown): ViewButton[][] | undefined {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  const nonEmpty = Array.isArray(rows) ? rows.filter((row: unknown) => Array.isArray(row) && row.length > 0) : [];
  if (nonEmpty.length === 0) return undefined;
  return nonEmpty.map((row: unknown) =>
    (Array.isArray(row) ? row : []).map((raw: unknown): ViewButton => {
      const b = raw as Json;
      const text = typeof b.text === "string" ? b.text : "";
      if (typeof b.callback_data === "string") return { text, kind: "callback", data: b.callback_data };
      if (typeof b.url === "string") {
        const url = safeHref(b.url);
        return url ? { text, kind: "url", url } : { text, kind: "other" };
      }
      return { text, kind: "other" };
    }),
  );
}

/** The reply keyboard a chat shows (emulator's ChatView.replyKeyboard) → buttons for the page. */
export function viewReplyKeyboard(markup: Json | null | undefined): ViewReplyKeyboard | null {
  const rows = markup?.keyboard;
  if (!Array.isArray(rows) || rows.length === 0) return null;
  const view: ViewReplyKeyboard = {
    rows: rows.map((row: unknown) =>
      (Array.isArray(row) ? row : []).map((raw: unknown): ViewReplyButton => {
        if (typeof raw === "string") return { text: raw, kind: "text" };
        const b = raw as Json;
        const text = typeof b.text === "string" ? b.text : "";
        if (b.request_contact === true) return { text, kind: "contact" };
        if (b.request_location === true) return { text, kind: "location" };
        const special = ["request_users", "request_chat", "request_poll", "web_app"].some((k) => b[k] !== undefined);
        return { text, kind: special ? "other" : "text" };
      }),
    ),
    oneTime: markup?.one_time_keyboard === true,
  };
  if (typeof markup?.input_field_placeholder === "string") view.placeholder = markup.input_field_placeholder;
  return view;
}

function previewOf(m: Json): string {
  if (typeof m.text === "string") return m.text.slice(0, 80);
  if (typeof m.caption === "string") return m.caption.slice(0, 80);
  if (m.photo) return "🖼 Foto";
  if (m.document) return `📄 ${String((m.document as Json).file_name ?? "Dokumen")}`;
  if (m.venue) return `📍 ${String((m.venue as Json).title ?? "Lokasi")}`;
  if (m.location) return "📍 Lokasi";
  if (m.contact) return "👤 Kontak";
  return "Pesan";
}

const KNOWN = ["text", "caption", "photo", "document", "venue", "location", "contact"];

export function renderMessage(m: EmuMessage, chatId: number, fromBot: boolean): ViewMessage {
  const view: ViewMessage = { id: m.message_id, chatId, fromBot, date: m.date, edited: m.edit_date !== undefined, version: m.version };
  if (typeof m.text === "string") view.html = entitiesToHtml(m.text, withAutoEntities(m.text, m.entities));
  else if (typeof m.caption === "string") view.html = entitiesToHtml(m.caption, withAutoEntities(m.caption, m.caption_entities));
  if (m.photo && m.photo.length > 0) {
    const largest = m.photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    view.photo = { url: fileUrl(largest.file_id), width: largest.width, height: largest.height };
  }
  if (m.document) {
    view.document = {
      url: fileUrl(m.document.file_id, true),
      name: m.document.file_name ?? "dokumen",
      size: sizeLabel(m.document.file_size ?? 0),
      mimeType: m.document.mime_type ?? "application/octet-stream",
    };
  }
  if (m.venue) {
    const { latitude, longitude } = m.venue.location;
    view.venue = { title: m.venue.title, address: m.venue.address, latitude, longitude, mapUrl: mapUrl(latitude, longitude) };
  } else if (m.location) {
    view.location = { latitude: m.location.latitude, longitude: m.location.longitude, mapUrl: mapUrl(m.location.latitude, m.location.longitude) };
  }
  if (m.contact) view.contact = { phone: m.contact.phone_number, name: [m.contact.first_name, m.contact.last_name].filter(Boolean).join(" ") };
  if (m.reply_to_message) view.replyTo = { id: m.reply_to_message.message_id, preview: previewOf(m.reply_to_message as unknown as Json) };
  const keyboard = inlineKeyboard(m.reply_markup);
  if (keyboard) view.inlineKeyboard = keyboard;
  const any = m as unknown as Json;
  if (!KNOWN.some((k) => any[k] !== undefined)) {
    const kind = Object.keys(any).find((k) => !["message_id", "from", "chat", "date", "version", "edit_date", "sender_chat", "reply_markup", "reply_to_message", "entities", "link_preview_options"].includes(k));
    view.unsupported = kind ?? "pesan";
  }
  return view;
}
