/**
 * The Bot API methods the emulator implements, with Telegram's validation and error texts.
 * getUpdates and the webhook methods live in the server, because they are about delivery.
 */
import { formatText, type Formatted } from "./entities.js";
import { mimeFromName } from "./multipart.js";
import { imageInfo, toApiMessage, userToApi, type ChatState, type FileStore, type MessageStore } from "./state.js";
import { ApiError, badRequest, type CallbackAnswer, type EmuChat, type EmuMessage, type EmuUser, type Json, type StoredFile, type UploadedFile } from "./types.js";

export interface BotIdentity {
  id: number;
  username: string;
  first_name: string;
}

export interface PendingCallbackQuery {
  id: string;
  chatId: number | undefined;
  messageId: number | undefined;
  data: string | undefined;
  at: number;
  answer?: CallbackAnswer;
}

/** The emulator state the method handlers work on. */
export interface ApiHost {
  store: MessageStore;
  files: FileStore;
  users: Map<number, EmuUser>;
  blocked: Set<number>;
  deactivated: Set<number>;
  callbackQueries: Map<string, PendingCallbackQuery>;
  commands: Map<string, Json[]>;
  botTexts: Map<string, string>;
  defaultMenuButton: Json | undefined;
  /** Photo file_id → every PhotoSize of that photo. */
  photoSets: Map<string, Json[]>;
  unknownChats: "create" | "error";
  random(): number;
  /** Queues an update for the bot (assigns update_id). */
  enqueue(update: Json): void;
  /** Called once a callback query got its answer. */
  onCallbackAnswer(answer: CallbackAnswer): void;
}

type Handler = (h: ApiHost, p: Json, bot: BotIdentity) => unknown;

export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;
const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

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

// --------------------------------------------------------------------------------------------- helpers

export function botUserJson(bot: BotIdentity): Json {
  return { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username };
}

const now = (): number => Math.floor(Date.now() / 1000);

function str(p: Json, key: string): string | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw badRequest(`field "${key}" must be of type String`);
}

function int(p: Json, key: string): number | undefined {
  const v = p[key];
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n)) throw badRequest(`invalid ${key} specified`);
  return n;
}

function num(p: Json, key: string): number | undefined {
  return int(p, key);
}

function bool(p: Json, key: string): boolean {
  const v = p[key];
  return v === true || v === "true" || v === 1 || v === "1";
}

function isUpload(v: unknown): v is UploadedFile {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "upload";
}

/** chat_id as given: a number, or "@username". */
function chatRef(p: Json, key = "chat_id"): number | string {
  const v = p[key];
  if (v === undefined || v === null || v === "") throw badRequest(`${key} is empty`);
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    if (/^-?\d+$/.test(v)) return Number(v);
    return v;
  }
  throw badRequest(`invalid ${key} specified`);
}

function findChat(h: ApiHost, ref: number | string): ChatState | undefined {
  return typeof ref === "number" ? h.store.get(ref) : h.store.byName(ref);
}

function placeholderChat(id: number): EmuChat {
  if (id > 0) return { id, type: "private", first_name: `User ${id}` };
  if (String(id).startsWith("-100")) return { id, type: "supergroup", title: `Supergroup ${id}` };
  return { id, type: "group", title: `Group ${id}` };
}

/** The chat a bot wants to send into/edit in, with Telegram's 400/403 answers. */
function targetChat(h: ApiHost, p: Json, key = "chat_id"): ChatState {
  const ref = chatRef(p, key);
  let chat = findChat(h, ref);
  if (!chat) {
    if (typeof ref === "string" || h.unknownChats === "error") throw badRequest("chat not found");
    chat = h.store.ensure(placeholderChat(ref));
  }
  assertCanWrite(h, chat);
  return chat;
}

function assertCanWrite(h: ApiHost, chat: ChatState): void {
  const id = chat.info.id;
  if (chat.info.type === "private") {
    if (h.deactivated.has(id)) throw new ApiError(403, "Forbidden: user is deactivated");
    if (h.blocked.has(id)) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    return;
  }
  const kind = chat.info.type === "channel" ? "channel chat" : chat.info.type === "supergroup" ? "supergroup chat" : "group chat";
  if (chat.botStatus === "kicked") throw new ApiError(403, `Forbidden: bot was kicked from the ${kind}`);
  if (chat.botStatus === "left") throw new ApiError(403, `Forbidden: bot is not a member of the ${kind}`);
}

function readChat(h: ApiHost, p: Json, key = "chat_id"): ChatState {
  const chat = findChat(h, chatRef(p, key));
  if (!chat) throw badRequest("chat not found");
  return chat;
}

function format(p: Json, textKey: string, entitiesKey: string, required: boolean): Formatted | undefined {
  const raw = str(p, textKey);
  if (raw === undefined || raw === "") {
    if (required) throw badRequest("message text is empty");
    return undefined;
  }
  const f = formatText(raw, p.parse_mode, p[entitiesKey]);
  if (required && f.text.trim() === "") throw badRequest("message text is empty");
  return f;
}

function checkTextLength(f: Formatted): void {
  if (f.text.length > MAX_TEXT) throw badRequest("message is too long");
}

function caption(p: Json): Formatted | undefined {
  const f = format(p, "caption", "caption_entities", false);
  if (f && f.text.length > MAX_CAPTION) throw badRequest("message caption is too long");
  return f;
}

const BUTTON_ACTIONS = [
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

function validateUrl(url: unknown): void {
  if (typeof url !== "string" || !/^(https?:\/\/[^\s/$.?#][^\s]*|tg:\/\/\S+)$/i.test(url)) throw badRequest("BUTTON_URL_INVALID");
}

function validateInlineKeyboard(markup: Json): Json {
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

interface MarkupResult {
  /** Inline keyboard to put on the message. */
  inline: Json | undefined;
  /** Applies reply-keyboard effects on the chat once the send succeeded. */
  apply(): void;
}

function replyMarkup(chat: ChatState, raw: unknown): MarkupResult {
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
function baseMessage(h: ApiHost, chat: ChatState, bot: BotIdentity, messageId: number, p: Json, reply: Json | undefined): Json {
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
function replyTarget(h: ApiHost, chat: ChatState, p: Json): Json | undefined {
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

function withText(m: Json, f: Formatted, key: "text" | "caption"): void {
  m[key] = f.text;
  if (f.entities.length > 0) m[key === "text" ? "entities" : "caption_entities"] = f.entities;
}

function linkPreview(p: Json): Json | undefined {
  const opts = p.link_preview_options;
  if (opts && typeof opts === "object") return opts as Json;
  if (bool(p, "disable_web_page_preview")) return { is_disabled: true };
  return undefined;
}

// ------------------------------------------------------------------------------------------------ files

function storeUpload(h: ApiHost, upload: UploadedFile, kind: StoredFile["kind"], dims?: { width: number; height: number }): StoredFile {
  if (upload.size === 0) throw badRequest("file must be non-empty");
  const mimeType = kind === "photo" ? "image/jpeg" : mimeFromName(upload.fileName, upload.mimeType);
  return h.files.put({ bytes: upload.bytes, fileName: upload.fileName, mimeType, kind, ...dims });
}

export function documentJson(f: StoredFile): Json {
  return { file_name: f.fileName, mime_type: f.mimeType, file_id: f.fileId, file_unique_id: f.fileUniqueId, file_size: f.size };
}

function resolveDocument(h: ApiHost, value: unknown, field: string): StoredFile {
  if (value === undefined || value === null || value === "") throw badRequest(`there is no ${field} in the request`);
  if (isUpload(value)) return storeUpload(h, value, "document");
  if (typeof value !== "string") throw badRequest(`wrong file identifier/HTTP URL specified`);
  const existing = h.files.get(value);
  if (existing) {
    if (existing.kind === "photo") throw badRequest("can't use file of type Photo as Document");
    return existing;
  }
  if (/^https?:\/\//i.test(value)) {
    const name = decodeURIComponent(new URL(value).pathname.split("/").pop() || "file");
    return h.files.put({ bytes: Buffer.alloc(0), fileName: name, mimeType: mimeFromName(name), kind: "document" });
  }
  throw badRequest("wrong file identifier/HTTP URL specified");
}

/** Stores an image as Telegram does (several PhotoSizes, each with its own file_id); 400 if it is no image. */
export function photoSizes(h: ApiHost, upload: UploadedFile): Json[] {
  const info = imageInfo(upload.bytes);
  if (!info) throw badRequest("IMAGE_PROCESS_FAILED");
  if (upload.size > 10 * 1024 * 1024) throw badRequest("PHOTO_INVALID_DIMENSIONS");
  const w = info.width || 800;
  const hgt = info.height || 600;
  const longest = Math.max(w, hgt);
  const targets = [90, 320, 800].filter((t) => t < longest);
  targets.push(Math.min(longest, 1280));
  const sizes: Json[] = [];
  for (const t of targets) {
    const scale = t / longest;
    const width = Math.max(1, Math.round(w * scale));
    const height = Math.max(1, Math.round(hgt * scale));
    const f = storeUpload(h, upload, "photo", { width, height });
    sizes.push({ file_id: f.fileId, file_unique_id: f.fileUniqueId, file_size: f.size, width, height });
  }
  for (const s of sizes) h.photoSets.set(s.file_id as string, sizes);
  return sizes;
}

function resolvePhoto(h: ApiHost, value: unknown): Json[] {
  if (value === undefined || value === null || value === "") throw badRequest("there is no photo in the request");
  if (isUpload(value)) return photoSizes(h, value);
  if (typeof value !== "string") throw badRequest("wrong file identifier/HTTP URL specified");
  const set = h.photoSets.get(value);
  if (set) return set;
  if (h.files.get(value)) throw badRequest("can't use file of type Document as Photo");
  if (/^https?:\/\//i.test(value)) {
    const f = h.files.put({ bytes: Buffer.alloc(0), fileName: "photo.jpg", mimeType: "image/jpeg", kind: "photo", width: 800, height: 600 });
    const sizes = [{ file_id: f.fileId, file_unique_id: f.fileUniqueId, file_size: 0, width: 800, height: 600 }];
    h.photoSets.set(f.fileId, sizes);
    return sizes;
  }
  throw badRequest("wrong file identifier/HTTP URL specified");
}

// ------------------------------------------------------------------------------------------- handlers

function sendWith(h: ApiHost, p: Json, bot: BotIdentity, content: (chat: ChatState) => Json, markupKey = "reply_markup"): EmuMessage {
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

function editableMessage(h: ApiHost, p: Json): { chat: ChatState; message: EmuMessage } {
  if (p.inline_message_id !== undefined && p.chat_id === undefined) throw badRequest("MESSAGE_ID_INVALID");
  const chat = findChat(h, chatRef(p));
  if (!chat) throw badRequest("chat not found");
  assertCanWrite(h, chat);
  const id = int(p, "message_id");
  if (id === undefined) throw badRequest("message identifier is not specified");
  const message = chat.messages.get(id);
  if (!message) throw badRequest("message to edit not found");
  if (!chat.botMessageIds.has(id)) throw badRequest("message can't be edited");
  return { chat, message };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function entitiesOf(f: Formatted | undefined): unknown {
  return f && f.entities.length > 0 ? f.entities : undefined;
}

function applyEdit(h: ApiHost, chat: ChatState, message: EmuMessage, changes: Json, inline: Json | undefined): Json {
  const next: Json = { ...toApiMessage(message), ...changes, edit_date: now() };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete next[k];
  if (inline) next.reply_markup = inline;
  else delete next.reply_markup;
  // keep a stable key order: edit_date right after date
  return toApiMessage(h.store.replace(chat, message.message_id, next));
}

const COPYABLE = ["text", "entities", "link_preview_options", "caption", "caption_entities", "document", "photo", "venue", "location", "contact", "sticker", "video", "audio", "voice", "animation", "video_note", "dice", "poll"];

function sourceMessage(h: ApiHost, p: Json, what: "copy" | "forward"): EmuMessage {
  const from = findChat(h, chatRef(p, "from_chat_id"));
  const id = int(p, "message_id");
  const source = from && id !== undefined ? from.messages.get(id) : undefined;
  if (!source) throw badRequest(`message to ${what} not found`);
  if (!COPYABLE.some((k) => (source as unknown as Json)[k] !== undefined)) throw badRequest(`message can't be ${what === "copy" ? "copied" : "forwarded"}`);
  return source;
}

function pickContent(source: EmuMessage): Json {
  const out: Json = {};
  for (const k of COPYABLE) {
    const v = (source as unknown as Json)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function memberJson(status: string, user: Json): Json {
  switch (status) {
    case "creator":
      return { status, user, is_anonymous: false };
    case "administrator":
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
      };
    case "restricted":
      return {
        status,
        user,
        is_member: true,
        can_send_messages: false,
        can_send_audios: false,
        can_send_documents: false,
        can_send_photos: false,
        can_send_videos: false,
        can_send_video_notes: false,
        can_send_voice_notes: false,
        can_send_polls: false,
        can_send_other_messages: false,
        can_add_web_page_previews: false,
        can_change_info: false,
        can_invite_users: false,
        can_pin_messages: false,
        can_manage_topics: false,
        until_date: 0,
      };
    case "kicked":
      return { status, user, until_date: 0 };
    default:
      return { status, user };
  }
}

const SCOPES = new Set(["default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat", "chat_administrators", "chat_member"]);

/** Key of a (scope, language_code) pair for bot commands. */
export function commandKey(scope: unknown, languageCode: unknown): string {
  const s = (scope && typeof scope === "object" ? scope : { type: "default" }) as Json;
  const type = typeof s.type === "string" ? s.type : "default";
  if (!SCOPES.has(type)) throw badRequest("wrong scope type specified");
  const parts = [type];
  if (s.chat_id !== undefined) parts.push(String(s.chat_id));
  if (s.user_id !== undefined) parts.push(String(s.user_id));
  const lang = typeof languageCode === "string" ? languageCode : "";
  if (lang !== "" && !/^[a-z]{2}$/.test(lang)) throw badRequest("invalid language code specified");
  return `${parts.join(":")}|${lang}`;
}

function botText(kind: string, resultKey: string): { set: Handler; get: Handler } {
  return {
    set: (h, p) => {
      const lang = str(p, "language_code") ?? "";
      const value = str(p, resultKey) ?? "";
      const key = `${kind}|${lang}`;
      if (value === "") h.botTexts.delete(key);
      else h.botTexts.set(key, value);
      return true;
    },
    get: (h, p) => {
      const lang = str(p, "language_code") ?? "";
      return { [resultKey]: h.botTexts.get(`${kind}|${lang}`) ?? h.botTexts.get(`${kind}|`) ?? "" };
    },
  };
}

const description = botText("description", "description");
const shortDescription = botText("short_description", "short_description");
const name = botText("name", "name");

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

export const handlers: Record<string, Handler> = {
  getMe: (_h, _p, bot) => ({
    ...botUserJson(bot),
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
  }),

  sendMessage: (h, p, bot) => {
    const chat = targetChat(h, p);
    const f = format(p, "text", "entities", true) as Formatted;
    checkTextLength(f);
    const markup = replyMarkup(chat, p.reply_markup);
    const reply = replyTarget(h, chat, p);
    const preview = linkPreview(p);
    const msg = h.store.add(chat, true, (id) => {
      const m = baseMessage(h, chat, bot, id, p, reply);
      withText(m, f, "text");
      if (preview) m.link_preview_options = preview;
      if (markup.inline) m.reply_markup = markup.inline;
      return m;
    });
    markup.apply();
    return toApiMessage(msg);
  },

  editMessageText: (h, p) => {
    const { chat, message } = editableMessage(h, p);
    if (message.text === undefined) throw badRequest("there is no text in the message to edit");
    const f = format(p, "text", "entities", true) as Formatted;
    checkTextLength(f);
    const inline = replyMarkup(chat, p.reply_markup).inline;
    if (f.text === message.text && sameJson(entitiesOf(f), message.entities) && sameJson(inline, message.reply_markup)) {
      throw badRequest(NOT_MODIFIED);
    }
    const preview = linkPreview(p);
    return applyEdit(h, chat, message, { text: f.text, entities: entitiesOf(f), ...(preview ? { link_preview_options: preview } : {}) }, inline);
  },

  editMessageCaption: (h, p) => {
    const { chat, message } = editableMessage(h, p);
    const media = ["document", "photo", "video", "audio", "animation", "voice"].some((k) => (message as unknown as Json)[k] !== undefined);
    if (!media) throw badRequest("there is no caption in the message to edit");
    const f = caption(p);
    const inline = replyMarkup(chat, p.reply_markup).inline;
    if ((f?.text ?? undefined) === message.caption && sameJson(entitiesOf(f), message.caption_entities) && sameJson(inline, message.reply_markup)) {
      throw badRequest(NOT_MODIFIED);
    }
    return applyEdit(h, chat, message, { caption: f?.text, caption_entities: entitiesOf(f) }, inline);
  },

  editMessageReplyMarkup: (h, p) => {
    const { chat, message } = editableMessage(h, p);
    const inline = replyMarkup(chat, p.reply_markup).inline;
    if (sameJson(inline, message.reply_markup)) throw badRequest(NOT_MODIFIED);
    return applyEdit(h, chat, message, {}, inline);
  },

  deleteMessage: (h, p) => {
    const chat = findChat(h, chatRef(p));
    const id = int(p, "message_id");
    if (id === undefined) throw badRequest("message identifier is not specified");
    if (!chat || !h.store.remove(chat, id)) throw badRequest("message to delete not found");
    return true;
  },

  deleteMessages: (h, p) => {
    const chat = findChat(h, chatRef(p));
    const ids = p.message_ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) throw badRequest("message identifiers are not specified");
    if (chat) for (const id of ids) h.store.remove(chat, Number(id));
    return true;
  },

  answerCallbackQuery: (h, p) => {
    const id = str(p, "callback_query_id");
    const query = id === undefined ? undefined : h.callbackQueries.get(id);
    if (!query || query.answer) throw badRequest("query is too old and response timeout expired or query ID is invalid");
    const text = str(p, "text");
    if (text !== undefined && text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
    const answer: CallbackAnswer = { callbackQueryId: query.id, showAlert: bool(p, "show_alert"), at: Date.now() };
    if (text !== undefined) answer.text = text;
    const url = str(p, "url");
    if (url !== undefined) answer.url = url;
    const cache = int(p, "cache_time");
    if (cache !== undefined) answer.cacheTime = cache;
    if (query.chatId !== undefined) answer.chatId = query.chatId;
    if (query.messageId !== undefined) answer.messageId = query.messageId;
    if (query.data !== undefined) answer.data = query.data;
    query.answer = answer;
    h.onCallbackAnswer(answer);
    return true;
  },

  sendDocument: (h, p, bot) => {
    const f = caption(p);
    const msg = sendWith(h, p, bot, () => {
      const file = resolveDocument(h, p.document, "document");
      const m: Json = { document: documentJson(file) };
      if (f) withText(m, f, "caption");
      return m;
    });
    return toApiMessage(msg);
  },

  sendPhoto: (h, p, bot) => {
    const f = caption(p);
    const msg = sendWith(h, p, bot, () => {
      const m: Json = { photo: resolvePhoto(h, p.photo) };
      if (f) withText(m, f, "caption");
      if (bool(p, "has_spoiler")) m.has_media_spoiler = true;
      return m;
    });
    return toApiMessage(msg);
  },

  sendMediaGroup: (h, p, bot) => {
    const chat = targetChat(h, p);
    const media = p.media;
    if (!Array.isArray(media) || media.length < 2 || media.length > 10) throw badRequest("wrong number of media specified (must be 2-10)");
    const types = new Set(media.map((m) => (m as Json).type));
    if (types.has("document") && types.size > 1) throw badRequest("documents can't be mixed with other media types");
    const contents = media.map((raw) => {
      const item = raw as Json;
      const f = format({ ...item, caption: item.caption, parse_mode: item.parse_mode }, "caption", "caption_entities", false);
      if (f && f.text.length > MAX_CAPTION) throw badRequest("message caption is too long");
      const m: Json = {};
      if (item.type === "photo") m.photo = resolvePhoto(h, item.media);
      else if (item.type === "document") m.document = documentJson(resolveDocument(h, item.media, "document"));
      else throw badRequest(`unsupported media type "${String(item.type)}" in the emulator`);
      if (f) withText(m, f, "caption");
      return m;
    });
    const reply = replyTarget(h, chat, p);
    const groupId = String(Math.floor(h.random() * 1e15) + 1e15);
    return contents.map((content) =>
      toApiMessage(
        h.store.add(chat, true, (id) => {
          const m = baseMessage(h, chat, bot, id, p, reply);
          m.media_group_id = groupId;
          return Object.assign(m, content);
        }),
      ),
    );
  },

  sendLocation: (h, p, bot) => {
    const location = locationOf(p);
    const live = int(p, "live_period");
    if (live !== undefined) location.live_period = live;
    return toApiMessage(sendWith(h, p, bot, () => ({ location })));
  },

  sendVenue: (h, p, bot) => {
    const location = locationOf(p);
    const title = str(p, "title");
    const address = str(p, "address");
    if (!title) throw badRequest("venue title is empty");
    if (!address) throw badRequest("venue address is empty");
    const venue: Json = { location, title, address };
    for (const k of ["foursquare_id", "foursquare_type", "google_place_id", "google_place_type"]) if (p[k] !== undefined) venue[k] = p[k];
    return toApiMessage(sendWith(h, p, bot, () => ({ venue, location })));
  },

  sendContact: (h, p, bot) => {
    const phone = str(p, "phone_number");
    const first = str(p, "first_name");
    if (!phone) throw badRequest("phone number is empty");
    if (!first) throw badRequest("first name is empty");
    const contact: Json = { phone_number: phone, first_name: first };
    const last = str(p, "last_name");
    if (last) contact.last_name = last;
    return toApiMessage(sendWith(h, p, bot, () => ({ contact })));
  },

  sendChatAction: (h, p) => {
    const chat = targetChat(h, p);
    const action = str(p, "action");
    if (!action || !CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
    chat.lastChatAction = { action, at: Date.now() };
    return true;
  },

  copyMessage: (h, p, bot) => {
    const source = sourceMessage(h, p, "copy");
    const content = pickContent(source);
    if (p.caption !== undefined && (content.caption !== undefined || content.document || content.photo)) {
      const f = caption(p);
      delete content.caption;
      delete content.caption_entities;
      if (f) withText(content, f, "caption");
    }
    if (bool(p, "remove_caption")) {
      delete content.caption;
      delete content.caption_entities;
    }
    const msg = sendWith(h, p, bot, () => content);
    return { message_id: msg.message_id };
  },

  forwardMessage: (h, p, bot) => {
    const source = sourceMessage(h, p, "forward");
    const content = pickContent(source);
    const from = findChat(h, chatRef(p, "from_chat_id")) as ChatState;
    const origin: Json =
      from.info.type === "channel"
        ? { type: "channel", chat: from.toApi(), message_id: source.message_id, date: source.date }
        : source.from
          ? { type: "user", sender_user: source.from, date: source.date }
          : { type: "hidden_user", sender_user_name: "Unknown", date: source.date };
    const msg = sendWith(h, p, bot, () => ({ forward_origin: source.forward_origin ?? origin, ...content }), "__none");
    return toApiMessage(msg);
  },

  getFile: (h, p) => {
    const id = str(p, "file_id");
    const file = id ? h.files.get(id) : undefined;
    if (!file) throw badRequest("invalid file_id");
    if (file.size > 20 * 1024 * 1024) throw badRequest("file is too big");
    return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, file_path: file.filePath };
  },

  setMyCommands: (h, p) => {
    const commands = p.commands;
    if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
    if (commands.length > 100) throw badRequest("too many commands");
    const clean = commands.map((c) => {
      const cmd = c as Json;
      const command = typeof cmd.command === "string" ? cmd.command.replace(/^\//, "") : "";
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
      const desc = typeof cmd.description === "string" ? cmd.description : "";
      if (desc.length < 1 || desc.length > 256) throw badRequest("command description must be 1-256 characters long");
      return { command, description: desc };
    });
    const key = commandKey(p.scope, p.language_code);
    if (clean.length === 0) h.commands.delete(key);
    else h.commands.set(key, clean);
    return true;
  },

  getMyCommands: (h, p) => h.commands.get(commandKey(p.scope, p.language_code)) ?? [],

  deleteMyCommands: (h, p) => {
    h.commands.delete(commandKey(p.scope, p.language_code));
    return true;
  },

  setMyDescription: description.set,
  getMyDescription: description.get,
  setMyShortDescription: shortDescription.set,
  getMyShortDescription: shortDescription.get,
  setMyName: name.set,
  getMyName: name.get,

  setChatMenuButton: (h, p) => {
    const button = (p.menu_button as Json | undefined) ?? { type: "default" };
    const type = button.type;
    if (type !== "default" && type !== "commands" && type !== "web_app") throw badRequest("unsupported menu button type");
    if (type === "web_app") {
      const url = (button.web_app as Json | undefined)?.url;
      if (typeof button.text !== "string" || typeof url !== "string" || !url.startsWith("https://")) throw badRequest("invalid web app menu button");
    }
    if (p.chat_id !== undefined) readChat(h, p).menuButton = button;
    else h.defaultMenuButton = button;
    return true;
  },

  getChatMenuButton: (h, p) => {
    const chat = p.chat_id !== undefined ? readChat(h, p) : undefined;
    const button = chat?.menuButton ?? h.defaultMenuButton;
    return button && button.type !== "default" ? button : { type: "commands" };
  },

  getChat: (h, p) => {
    const chat = readChat(h, p);
    return { ...chat.toApi(), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false } };
  },

  getChatMember: (h, p, bot) => {
    const chat = readChat(h, p);
    const userId = int(p, "user_id");
    if (userId === undefined) throw badRequest("invalid user_id specified");
    if (userId === bot.id) return memberJson(chat.info.type === "private" ? "member" : chat.botStatus, botUserJson(bot));
    const known = h.users.get(userId);
    const user = known ? userToApi(known) : { id: userId, is_bot: false, first_name: `User ${userId}` };
    let status = chat.members.get(userId);
    if (status === undefined) status = chat.info.type === "private" ? (userId === chat.info.id ? "member" : "left") : "left";
    return memberJson(status, user);
  },

  leaveChat: (h, p, bot) => {
    const chat = readChat(h, p);
    if (chat.info.type === "private") throw badRequest("chat member status can't be changed in private chats");
    if (chat.botStatus === "left" || chat.botStatus === "kicked") throw new ApiError(403, "Forbidden: bot is not a member of the group chat");
    const old = chat.botStatus;
    chat.botStatus = "left";
    h.enqueue({
      my_chat_member: {
        chat: chat.toApi(),
        from: botUserJson(bot),
        date: now(),
        old_chat_member: memberJson(old, botUserJson(bot)),
        new_chat_member: memberJson("left", botUserJson(bot)),
      },
    });
    return true;
  },
};

function locationOf(p: Json): Json {
  const latitude = num(p, "latitude");
  const longitude = num(p, "longitude");
  if (latitude === undefined || longitude === undefined) throw badRequest("latitude and longitude must be specified");
  if (latitude < -90 || latitude > 90) throw badRequest("wrong latitude specified");
  if (longitude < -180 || longitude > 180) throw badRequest("wrong longitude specified");
  const location: Json = { latitude, longitude };
  const acc = num(p, "horizontal_accuracy");
  if (acc !== undefined) location.horizontal_accuracy = acc;
  return location;
}

export { memberJson };

/** Canonical method name by lowercase name (Telegram method names are case-insensitive). */
export const CANONICAL = new Map<string, string>(
  [...Object.keys(handlers), "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo"].map((m) => [m.toLowerCase(), m]),
);

/** The chat a call is about (for faults, rate limits and "recent failures" in error messages). */
export function callChatId(params: Json): number | undefined {
  const v = params.chat_id;
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}
