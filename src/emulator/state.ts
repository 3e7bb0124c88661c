/**
 * Emulator state: chats with their messages (indexed by chat and message id, with an append-only event
 * log per chat), stored files, and the queue of pending updates. Everything is O(1) or O(log n) per
 * operation so the benchmark's tens of thousands of sends stay cheap.
 */
import type { Update } from "grammy/types";
import type { EmuChat, EmuMessage, EmuUser, Json, MessageEvent, StoredFile } from "./types.js";

export class ChatState {
  nextMessageId = 1;
  readonly messages = new Map<number, EmuMessage>();
  readonly botMessageIds = new Set<number>();
  readonly events: MessageEvent[] = [];
  /** The reply keyboard the user currently sees (set by a message with `keyboard`, cleared by `remove_keyboard`). */
  replyKeyboard: Json | null = null;
  menuButton: Json | undefined;
  lastChatAction: { action: string; at: number } | undefined;
  /** Explicit member statuses (`emu.setChatMember`) and users seen writing here. */
  readonly members = new Map<number, string>();
  /** The bot's own status in this chat. */
  botStatus: "member" | "administrator" | "left" | "kicked" = "member";

  constructor(public info: EmuChat) {}

  /** The chat as it appears inside messages. */
  toApi(): Json {
    const c = this.info;
    if (c.type === "private") {
      const out: Json = { id: c.id, first_name: c.first_name ?? `User ${c.id}` };
      if (c.last_name) out.last_name = c.last_name;
      if (c.username) out.username = c.username;
      out.type = "private";
      return out;
    }
    const out: Json = { id: c.id, title: c.title ?? `Chat ${c.id}` };
    if (c.username) out.username = c.username;
    out.type = c.type;
    return out;
  }
}

export function chatFromUser(user: EmuUser): EmuChat {
  const chat: EmuChat = { id: user.id, type: "private", first_name: user.first_name ?? `User ${user.id}` };
  if (user.last_name) chat.last_name = user.last_name;
  if (user.username) chat.username = user.username;
  return chat;
}

export function userToApi(user: EmuUser): Json {
  const out: Json = { id: user.id, is_bot: false, first_name: user.first_name ?? `User ${user.id}` };
  if (user.last_name) out.last_name = user.last_name;
  if (user.username) out.username = user.username;
  if (user.language_code) out.language_code = user.language_code;
  if (user.is_premium) out.is_premium = true;
  return out;
}

/** Removes the emulator-only `version` field so a message can travel inside API objects. */
export function toApiMessage(message: EmuMessage | Json): Json {
  const { version: _v, ...rest } = message as Json;
  return rest;
}

export class MessageStore {
  /** Grows with every message change anywhere; `EmuMessage.version` and event versions come from it. */
  version = 0;
  readonly chats = new Map<number, ChatState>();
  /** Username (lowercase, no @) → chat id, for `chat_id: "@channel"`. */
  private readonly byUsername = new Map<string, number>();
  onEvent: ((event: MessageEvent) => void) | undefined;

  get(chatId: number): ChatState | undefined {
    return this.chats.get(chatId);
  }

  byName(username: string): ChatState | undefined {
    const id = this.byUsername.get(username.replace(/^@/, "").toLowerCase());
    return id === undefined ? undefined : this.chats.get(id);
  }

  /** Returns the chat, creating it or refreshing its names. */
  ensure(info: EmuChat): ChatState {
    let chat = this.chats.get(info.id);
    if (!chat) {
      chat = new ChatState({ ...info });
      this.chats.set(info.id, chat);
    } else {
      chat.info = { ...chat.info, ...stripUndefined(info) };
    }
    if (info.username) this.byUsername.set(info.username.toLowerCase(), info.id);
    return chat;
  }

  /** Stores a new message; `build` receives the new message_id and returns the Bot API fields. */
  add(chat: ChatState, fromBot: boolean, build: (messageId: number) => Json): EmuMessage {
    const messageId = chat.nextMessageId++;
    const version = ++this.version;
    const message = { ...build(messageId), version } as unknown as EmuMessage;
    chat.messages.set(messageId, message);
    if (fromBot) chat.botMessageIds.add(messageId);
    this.push(chat, { kind: "new", chatId: chat.info.id, messageId, version, fromBot, message, at: Date.now() });
    return message;
  }

  /** Replaces a message with its edited form (a new object; the old snapshot is untouched). */
  replace(chat: ChatState, messageId: number, next: Json): EmuMessage {
    const version = ++this.version;
    const message = { ...toApiMessage(next), version } as unknown as EmuMessage;
    chat.messages.set(messageId, message);
    const fromBot = chat.botMessageIds.has(messageId);
    this.push(chat, { kind: "edit", chatId: chat.info.id, messageId, version, fromBot, message, at: Date.now() });
    return message;
  }

  remove(chat: ChatState, messageId: number): boolean {
    const message = chat.messages.get(messageId);
    if (!message) return false;
    chat.messages.delete(messageId);
    const fromBot = chat.botMessageIds.delete(messageId);
    const version = ++this.version;
    this.push(chat, { kind: "delete", chatId: chat.info.id, messageId, version, fromBot, message, at: Date.now() });
    return true;
  }

  /** Bot messages of a chat in their current state (edits applied, deleted ones gone), oldest first. */
  botMessages(chatId: number): EmuMessage[] {
    const chat = this.chats.get(chatId);
    if (!chat) return [];
    const out: EmuMessage[] = [];
    for (const id of chat.botMessageIds) {
      const m = chat.messages.get(id);
      if (m) out.push(m);
    }
    return out;
  }

  /** Every message of a chat (users' and the bot's), oldest first. */
  history(chatId: number): EmuMessage[] {
    const chat = this.chats.get(chatId);
    return chat ? [...chat.messages.values()] : [];
  }

  lastBotMessage(chatId: number): EmuMessage | undefined {
    const chat = this.chats.get(chatId);
    if (!chat) return undefined;
    let last: number | undefined;
    for (const id of chat.botMessageIds) last = id; // Set keeps insertion order; ids only grow
    return last === undefined ? undefined : chat.messages.get(last);
  }

  /** Index of the first event of the chat with version > `after` (binary search). */
  firstEventAfter(chat: ChatState, after: number): number {
    const ev = chat.events;
    let lo = 0;
    let hi = ev.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ev[mid] as MessageEvent).version <= after) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private push(chat: ChatState, event: MessageEvent): void {
    chat.events.push(event);
    this.onEvent?.(event);
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

// ------------------------------------------------------------------------------------------------ files

const EXT_BY_MIME: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  constructor(private readonly random: () => number) {}

  get size(): number {
    return this.byId.size;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  getByPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }

  all(): IterableIterator<StoredFile> {
    return this.byId.values();
  }

  put(input: { bytes: Buffer; fileName: string; mimeType: string; kind: StoredFile["kind"]; width?: number; height?: number; uniqueOf?: StoredFile }): StoredFile {
    const n = ++this.counter;
    const rand = Math.floor(this.random() * 2 ** 32)
      .toString(36)
      .padStart(7, "0");
    const prefix = input.kind === "photo" ? "AgACAgUAAxkBAAI" : "BQACAgUAAxkBAAI";
    const fileId = `${prefix}${n.toString(36).padStart(4, "0")}${rand}`;
    const fileUniqueId = `AQAD${n.toString(36).padStart(4, "0")}${input.kind === "photo" ? "x" : "d"}`;
    const dot = input.fileName.lastIndexOf(".");
    const ext = dot > 0 ? input.fileName.slice(dot + 1).toLowerCase() : (EXT_BY_MIME[input.mimeType] ?? "dat");
    const filePath = `${input.kind === "photo" ? "photos" : "documents"}/file_${n}.${ext}`;
    const file: StoredFile = {
      fileId,
      fileUniqueId,
      filePath,
      bytes: input.bytes,
      fileName: input.fileName,
      mimeType: input.mimeType,
      size: input.bytes.length,
      kind: input.kind,
    };
    if (input.width !== undefined) file.width = input.width;
    if (input.height !== undefined) file.height = input.height;
    this.byId.set(fileId, file);
    this.byPath.set(filePath, file);
    return file;
  }
}

/** Width/height and type of PNG, JPEG, GIF, WebP and BMP images; undefined for anything else. */
export function imageInfo(buf: Buffer): { type: string; width: number; height: number } | undefined {
  if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47) {
    return { type: "png", width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  }
  if (buf.length >= 10 && buf[0] === 0x47 && buf[1] === 0x49 && buf[2] === 0x46) {
    return { type: "gif", width: buf.readUInt16LE(6), height: buf.readUInt16LE(8) };
  }
  if (buf.length >= 26 && buf[0] === 0x42 && buf[1] === 0x4d) {
    return { type: "bmp", width: Math.abs(buf.readInt32LE(18)), height: Math.abs(buf.readInt32LE(22)) };
  }
  if (buf.length >= 30 && buf.toString("ascii", 0, 4) === "RIFF" && buf.toString("ascii", 8, 12) === "WEBP") {
    const chunk = buf.toString("ascii", 12, 16);
    if (chunk === "VP8X") return { type: "webp", width: 1 + buf.readUIntLE(24, 3), height: 1 + buf.readUIntLE(27, 3) };
    if (chunk === "VP8L") {
      const bits = buf.readUInt32LE(21);
      return { type: "webp", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    return { type: "webp", width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff };
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    let i = 2;
    while (i + 9 < buf.length) {
      if (buf[i] !== 0xff) {
        i++;
        continue;
      }
      const marker = buf[i + 1] as number;
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
        i += marker === 0xff ? 1 : 2;
        continue;
      }
      const len = buf.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: "jpeg", height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
      }
      i += 2 + len;
    }
    return { type: "jpeg", width: 0, height: 0 };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- updates

/** Telegram's default when `allowed_updates` was never given: everything except these. */
export const NOT_DEFAULT_UPDATES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export function updateType(update: Json | Update): string {
  for (const key of Object.keys(update)) if (key !== "update_id") return key;
  return "unknown";
}

/** Pending updates in update_id order with O(1) removal from the front. */
export class UpdateQueue {
  private items: (Update | undefined)[] = [];
  private head = 0;
  private live = 0;

  get size(): number {
    return this.live;
  }

  push(update: Update): void {
    this.items.push(update);
    this.live++;
  }

  /** getUpdates `offset`: forget every update with a smaller id (negative: keep only the last -offset). */
  confirm(offset: number): void {
    if (offset < 0) {
      const keep = -offset;
      while (this.live > keep) this.shift();
      return;
    }
    while (this.head < this.items.length) {
      const u = this.items[this.head];
      if (u !== undefined && u.update_id >= offset) break;
      this.shift();
    }
    this.compact();
  }

  /** First `limit` pending updates. */
  peek(limit: number): Update[] {
    const out: Update[] = [];
    for (let i = this.head; i < this.items.length && out.length < limit; i++) {
      const u = this.items[i];
      if (u !== undefined) out.push(u);
    }
    return out;
  }

  /** Pending updates from the front, skipping ids in `skip`, at most `limit`. */
  *iterate(skip?: Set<number>): Generator<Update> {
    for (let i = this.head; i < this.items.length; i++) {
      const u = this.items[i];
      if (u !== undefined && !skip?.has(u.update_id)) yield u;
    }
  }

  /** Removes one update (webhook delivered it). In-flight updates sit near the front, so this is cheap. */
  remove(updateId: number): boolean {
    for (let i = this.head; i < this.items.length; i++) {
      const u = this.items[i];
      if (u === undefined) continue;
      if (u.update_id === updateId) {
        this.items[i] = undefined;
        this.live--;
        while (this.head < this.items.length && this.items[this.head] === undefined) this.head++;
        this.compact();
        return true;
      }
      if (u.update_id > updateId) return false;
    }
    return false;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.live = 0;
  }

  all(): Update[] {
    return this.peek(Number.POSITIVE_INFINITY);
  }

  private shift(): void {
    if (this.head >= this.items.length) return;
    if (this.items[this.head] !== undefined) this.live--;
    this.items[this.head] = undefined;
    this.head++;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
