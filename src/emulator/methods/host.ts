/**
 * What every method handler works with: the emulator state (`ApiHost`), the bot's identity, and the
 * readers for request parameters and target chats, with Telegram's 400/403 answers.
 */
import type { ChatState, FileStore, MessageStore } from "../state.js";
import { ApiError, badRequest, type CallbackAnswer, type EmuChat, type EmuUser, type InlineAnswer, type Json, type UploadedFile } from "../types.js";

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

export interface PendingInlineQuery {
  id: string;
  userId: number;
  query: string;
  at: number;
  answer?: InlineAnswer;
}

/** The emulator state the method handlers work on. */
export interface ApiHost {
  store: MessageStore;
  files: FileStore;
  users: Map<number, EmuUser>;
  blocked: Set<number>;
  deactivated: Set<number>;
  callbackQueries: Map<string, PendingCallbackQuery>;
  inlineQueries: Map<string, PendingInlineQuery>;
  commands: Map<string, Json[]>;
  botTexts: Map<string, string>;
  defaultMenuButton: Json | undefined;
  /** Photo file_id → every PhotoSize of that photo. */
  photoSets: Map<string, Json[]>;
  unknownChats: "create" | "error";
  /** See EmulatorOptions.strictAmpersand. */
  strictAmpersand: boolean;
  /** See EmulatorOptions.inlineMode. */
  inlineMode: boolean;
  random(): number;
  /** Queues an update for the bot (assigns update_id). */
  enqueue(update: Json): void;
  /** Called once a callback query got its answer. */
  onCallbackAnswer(answer: CallbackAnswer): void;
}

export type Handler = (h: ApiHost, p: Json, bot: BotIdentity) => unknown;

export function botUserJson(bot: BotIdentity): Json {
  return { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username };
}

export const now = (): number => Math.floor(Date.now() / 1000);

export function str(p: Json, key: string): string | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw badRequest(`field "${key}" must be of type String`);
}

export function int(p: Json, key: string): number | undefined {
  const v = p[key];
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n)) throw badRequest(`invalid ${key} specified`);
  return n;
}

export function num(p: Json, key: string): number | undefined {
  return int(p, key);
}

export function bool(p: Json, key: string): boolean {
  const v = p[key];
  return v === true || v === "true" || v === 1 || v === "1";
}

export function isUpload(v: unknown): v is UploadedFile {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "upload";
}

/** chat_id as given: a number, or "@username". */
export function chatRef(p: Json, key = "chat_id"): number | string {
  const v = p[key];
  if (v === undefined || v === null || v === "") throw badRequest(`${key} is empty`);
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    if (/^-?\d+$/.test(v)) return Number(v);
    return v;
  }
  throw badRequest(`invalid ${key} specified`);
}

export function findChat(h: ApiHost, ref: number | string): ChatState | undefined {
  return typeof ref === "number" ? h.store.get(ref) : h.store.byName(ref);
}

export function placeholderChat(id: number): EmuChat {
  if (id > 0) return { id, type: "private", first_name: `User ${id}` };
  if (String(id).startsWith("-100")) return { id, type: "supergroup", title: `Supergroup ${id}` };
  return { id, type: "group", title: `Group ${id}` };
}

/** The chat a bot wants to send into/edit in, with Telegram's 400/403 answers. */
export function targetChat(h: ApiHost, p: Json, key = "chat_id"): ChatState {
  const ref = chatRef(p, key);
  let chat = findChat(h, ref);
  if (!chat) {
    if (typeof ref === "string" || h.unknownChats === "error") throw badRequest("chat not found");
    // a user the emulator knows (from a group, a channel or inline mode) who never wrote to the bot in private
    if (ref > 0 && h.users.has(ref)) throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
    chat = h.store.ensure(placeholderChat(ref));
  }
  assertCanWrite(h, chat);
  return chat;
}

export function assertCanWrite(h: ApiHost, chat: ChatState): void {
  const id = chat.info.id;
  if (chat.info.type === "private") {
    if (h.deactivated.has(id)) throw new ApiError(403, "Forbidden: user is deactivated");
    if (h.blocked.has(id)) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    return;
  }
  const kind = chat.info.type === "channel" ? "channel chat" : chat.info.type === "supergroup" ? "supergroup chat" : "group chat";
  if (chat.botStatus === "kicked") throw new ApiError(403, `Forbidden: bot was kicked from the ${kind}`);
  if (chat.botStatus === "left") throw new ApiError(403, `Forbidden: bot is not a member of the ${kind}`);
  // in a channel only administrators post (a bot cannot be a plain subscriber that writes)
  if (chat.info.type === "channel" && chat.botStatus !== "administrator") throw badRequest("need administrator rights in the channel chat");
}

export function readChat(h: ApiHost, p: Json, key = "chat_id"): ChatState {
  const chat = findChat(h, chatRef(p, key));
  if (!chat) throw badRequest("chat not found");
  return chat;
}
