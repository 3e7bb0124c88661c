/**
 * Public types of the local Telegram Bot API emulator.
 *
 * Message and update shapes are the standard Bot API ones (re-used from grammY's type package), so
 * tests, the benchmark and the demo page can read them exactly like a bot would.
 */
import type { Message, Update, User } from "grammy/types";

export type { Message, Update, User };

/** A JSON object as it arrives in a request or leaves in a response. */
export type Json = Record<string, unknown>;

/** A simulated Telegram user. Private chat id = user id. */
export interface EmuUser {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_premium?: boolean;
}

export type ChatType = "private" | "group" | "supergroup" | "channel";

/** The `chat` object of a message (private: first/last name + username; others: title). */
export interface EmuChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
}

/**
 * A message as the emulator stores it: the exact Bot API `Message` plus `version`, a number that
 * grows with every change anywhere in the emulator (new message, edit, delete). A message object is
 * never mutated: an edit stores a new object, so snapshots handed out earlier stay as they were.
 */
export type EmuMessage = Message & { version: number };

/** One change to a chat's messages, in the order they happened. */
export interface MessageEvent {
  kind: "new" | "edit" | "delete";
  chatId: number;
  messageId: number;
  version: number;
  /** True when the bot sent (or edited/deleted its own) message; false for messages the users sent. */
  fromBot: boolean;
  /** The message after the change (for "delete": the last state before deletion). */
  message: EmuMessage;
  at: number;
}

/** One Bot API request the emulator answered. */
export interface CallRecord {
  /** Sequence number, starts at 1. */
  seq: number;
  /** Canonical method name (e.g. "sendMessage"), or the name as requested for unknown methods. */
  method: string;
  /** Parameters after parsing: numbers/booleans/JSON fields decoded; uploads are {@link UploadedFile}. */
  params: Json;
  /** Token that made the call. */
  token: string;
  /** Date.now() when the request was received. */
  at: number;
  durationMs: number;
  status: number;
  ok: boolean;
  result?: unknown;
  description?: string;
  /** Set when an injected fault, the rate limiter or random errors produced the answer. */
  fault?: "429" | "500" | "502" | "403" | "timeout" | "error" | "rate-limit" | "random-500";
  /** "http" for normal requests, "webhook-reply" for a method returned in a webhook response. */
  via: "http" | "webhook-reply";
}

/** An uploaded file part, as it appears in {@link CallRecord.params} after a multipart request. */
export interface UploadedFile {
  kind: "upload";
  /** Multipart field the bytes came in. */
  field: string;
  fileName: string;
  mimeType: string;
  size: number;
  bytes: Buffer;
}

/** A file kept by the emulator (uploaded by the bot, or sent by a simulated user). */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  /** Path under `/file/bot<token>/`. */
  filePath: string;
  bytes: Buffer;
  fileName: string;
  mimeType: string;
  size: number;
  kind: "document" | "photo";
  width?: number;
  height?: number;
}

/** What `emu.getFile()` returns. */
export interface FileContent {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
  fileId: string;
  filePath: string;
  size: number;
}

/** The answer a bot gave to a callback query. */
export interface CallbackAnswer {
  callbackQueryId: string;
  text?: string;
  showAlert: boolean;
  url?: string;
  cacheTime?: number;
  at: number;
  chatId?: number;
  messageId?: number;
  data?: string;
}

/** The answer a bot gave to an inline query (answerInlineQuery). */
export interface InlineAnswer {
  inlineQueryId: string;
  /** The user who typed the query. */
  userId: number;
  query: string;
  /** The InlineQueryResult objects as the bot sent them. */
  results: Json[];
  cacheTime?: number;
  isPersonal: boolean;
  nextOffset?: string;
  button?: Json;
  at: number;
}

interface FaultMatch {
  /** Only calls of this method (e.g. "sendMessage"). Without it: any method except getUpdates. */
  method?: string;
  /** Only calls whose chat_id is this chat. */
  chatId?: number;
  /** How many matching calls fail (default 1). */
  count?: number;
}

/** A fault for the next matching call(s). See `Emulator.failNext`. */
export type FaultSpec = FaultMatch &
  (
    | { kind: "429"; retryAfter?: number }
    | { kind: "500" | "502" | "403" }
    | {
        kind: "timeout";
        /** Hold the request this long before answering. */
        ms: number;
        /** After holding: answer 502 (default) or destroy the connection without an answer. */
        then?: "502" | "drop";
      }
    | { kind: "error"; status: number; description: string }
  );

export interface RateLimitConfig {
  /** Successful sends per second over all chats (Telegram: about 30). */
  global?: number;
  /** Successful sends per second into one chat (Telegram: about 1 in private chats, bursts allowed). */
  perChat?: number;
}

export interface EmulatorOptions {
  /** Port to listen on; 0 (default) = a free random port. */
  port?: number;
  /** Host to bind, default 127.0.0.1. */
  host?: string;
  /** getMe username, default "prakerja_test_bot". */
  botUsername?: string;
  /** getMe first_name, default "Prakerja Test Bot". */
  botFirstName?: string;
  rateLimit?: RateLimitConfig | null;
  /** Probability 0..1 that a non-polling call answers 500 (seeded, reproducible). */
  randomServerErrorRate?: number;
  /** Seed for every random choice the emulator makes (default 1). */
  seed?: number;
  /**
   * Sending into a chat no user ever wrote from: "create" (default) makes a placeholder chat,
   * "error" answers 400 "Bad Request: chat not found" like Telegram.
   */
  unknownChats?: "create" | "error";
  /**
   * HTML parse mode: refuse an "&" that starts no supported entity, as the Bot API docs require (default
   * true). Telegram's server shows it as typed; false does the same. See `HtmlOptions` in entities.ts.
   */
  strictAmpersand?: boolean;
  /** getMe's supports_inline_queries, and whether `sendInlineQuery` may be used (BotFather's /setinline). */
  inlineMode?: boolean;
  /** Timeout of one webhook POST (default 10 s). */
  webhookTimeoutMs?: number;
  /** First update_id (default 1). */
  firstUpdateId?: number;
}

export interface EmulatorStats {
  calls: number;
  byMethod: Record<string, number>;
  /** Answers by HTTP status. */
  byStatus: Record<string, number>;
  /** 429 answers (injected + rate limiter). */
  tooManyRequests: number;
  /** 429 answers produced by the rate limiter alone. */
  rateLimited: number;
  faultsInjected: number;
  randomErrors: number;
  botMessagesSent: number;
  edits: number;
  deletes: number;
  updatesQueued: number;
  updatesDelivered: number;
  updatesDropped: number;
  webhookDeliveries: number;
  webhookFailures: number;
  filesStored: number;
  pendingUpdates: number;
}

export interface WebhookDelivery {
  updateId: number;
  url: string;
  /** HTTP status of the bot's answer, null when the request failed (refused, timeout). */
  status: number | null;
  ok: boolean;
  error?: string;
  at: number;
  durationMs: number;
  attempt: number;
}

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates?: string[];
  ipAddress?: string;
}

/** Events the emulator emits (`emu.on(name, listener)`). */
export interface EmulatorEvents {
  /** A Bot API request arrived (emitted before it is answered; a long poll is answered much later). */
  request: [RequestInfo];
  message: [MessageEvent];
  call: [CallRecord];
  update: [Update];
  webhook: [WebhookDelivery];
}

export interface RequestInfo {
  method: string;
  token: string;
  at: number;
}

/** What `waitFor` predicates see. */
export type EmulatorEvent =
  | { type: "call"; call: CallRecord }
  | { type: "message"; event: MessageEvent }
  | { type: "update"; update: Update };

/** Options for the user-side helpers that can target a group/channel instead of the private chat. */
export interface UserActionOptions {
  /** Send in this chat instead of the private chat with the user. */
  chat?: EmuChat;
  /** Reply to this message id (in the same chat). */
  replyTo?: number;
  /** Extra Message fields merged in last (e.g. entities). */
  extra?: Json;
}

/** Thrown by method handlers; becomes `{ok:false,error_code,description,parameters}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
    this.name = "ApiError";
  }
}

export const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);
