/**
 * A local Telegram Bot API server for tests, the benchmark and the demo page.
 *
 * The bot talks to it over plain HTTP exactly like to api.telegram.org (set grammY's `apiRoot`, or
 * TELEGRAM_API_ROOT for the real process); tests play the users in-process (`sendText`, `clickButton`,
 * …) and observe everything the bot did (`calls`, `messages`, `waitForMessage`, …).
 */
import { EventEmitter } from "node:events";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { detectEntities } from "./entities.js";
import { FaultQueue, RateLimiter, seededRandom } from "./faults.js";
import {
  CANONICAL,
  SEND_METHODS,
  botUserJson,
  callChatId,
  commandKey,
  documentJson,
  handlers,
  memberJson,
  photoSizes,
  type ApiHost,
  type BotIdentity,
  type PendingCallbackQuery,
} from "./methods/index.js";
import { mimeFromName, parseParams } from "./multipart.js";
import { ChatState, FileStore, MessageStore, NOT_DEFAULT_UPDATES, UpdateQueue, chatFromUser, toApiMessage, updateType, userToApi } from "./state.js";
import {
  ApiError,
  type CallRecord,
  type CallbackAnswer,
  type EmuChat,
  type EmuMessage,
  type EmuUser,
  type EmulatorEvent,
  type EmulatorEvents,
  type EmulatorOptions,
  type EmulatorStats,
  type FaultSpec,
  type FileContent,
  type Json,
  type MessageEvent,
  type RateLimitConfig,
  type StoredFile,
  type UserActionOptions,
  type WebhookConfig,
  type WebhookDelivery,
} from "./types.js";

const TOKEN_RE = /^\d+:[\w-]+$/;
const DEFAULT_TOKEN_ID = 123456;
/** Methods random server errors never hit (polling, startup and webhook management must stay reliable). */
const RANDOM_EXEMPT = new Set(["getupdates", "getme", "setwebhook", "deletewebhook", "getwebhookinfo"]);

interface ApiBody {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: Json;
}

interface PendingPoll {
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout;
  finish: (updates: Update[]) => void;
  conflict: () => void;
}

interface Waiter {
  test: (e: EmulatorEvent) => boolean;
  resolve: (e: EmulatorEvent) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export interface WaitOptions {
  /** Give up after this long (default 5000 ms). */
  timeoutMs?: number;
}

export interface WaitForMessageOptions extends WaitOptions {
  /** Only messages/edits with `version` greater than this (default 0: existing messages count too). */
  after?: number;
  /** Also resolve on edits of earlier messages (default true). */
  edits?: boolean;
}

export interface WaitForCallOptions extends WaitOptions {
  /** Only calls with `seq` greater than this (default 0: calls already made count too). */
  after?: number;
}

export interface ChatView {
  chat: EmuChat;
  /** The reply keyboard the user currently sees, if any. */
  replyKeyboard: Json | null;
  menuButton: Json | undefined;
  lastChatAction: { action: string; at: number } | undefined;
  botStatus: string;
  messageCount: number;
  blocked: boolean;
}

const nowSec = (): number => Math.floor(Date.now() / 1000);

function describeMessage(m: EmuMessage, fromBot: boolean): string {
  const who = fromBot ? "bot " : "user";
  const any = m as unknown as Json;
  let body: string;
  if (typeof m.text === "string") body = JSON.stringify(m.text.length > 120 ? `${m.text.slice(0, 117)}...` : m.text);
  else if (m.document) body = `[document ${m.document.file_name ?? ""}]${m.caption ? ` ${JSON.stringify(m.caption)}` : ""}`;
  else if (m.photo) body = `[photo]${m.caption ? ` ${JSON.stringify(m.caption)}` : ""}`;
  else if (m.venue) body = `[venue ${m.venue.title}]`;
  else if (m.location) body = `[location ${m.location.latitude},${m.location.longitude}]`;
  else if (m.contact) body = `[contact ${m.contact.phone_number}]`;
  else body = `[${Object.keys(any).filter((k) => !["message_id", "from", "chat", "date", "version", "edit_date", "sender_chat"].includes(k)).join(",")}]`;
  const kb = m.reply_markup?.inline_keyboard;
  const buttons = kb ? ` buttons: ${kb.map((row) => row.map((b) => b.text).join(" | ")).join(" / ")}` : "";
  return `#${m.message_id} ${who} v${m.version}${m.edit_date ? " (edited)" : ""} ${body}${buttons}`;
}

export class Emulator extends EventEmitter<EmulatorEvents> {
  /** What TELEGRAM_API_ROOT / grammY's `apiRoot` must be set to, e.g. "http://127.0.0.1:40123". */
  apiRoot = "";
  port = 0;

  private readonly server: http.Server;
  private readonly opts: EmulatorOptions;
  private readonly store = new MessageStore();
  private readonly files: FileStore;
  private readonly queue = new UpdateQueue();
  private readonly rng: () => number;
  private readonly errorRng: () => number;
  private readonly host: ApiHost;
  private readonly users = new Map<number, EmuUser>();
  private readonly blocked = new Set<number>();
  private readonly deactivated = new Set<number>();
  private readonly callbackQueries = new Map<string, PendingCallbackQuery>();
  private readonly commands = new Map<string, Json[]>();
  private readonly revoked = new Set<string>();
  private readonly botsByToken = new Map<string, BotIdentity>();
  private readonly faults = new FaultQueue();
  private limiter: RateLimiter | undefined;
  private randomErrorRate: number;
  private nextUpdateId: number;
  private callbackCounter = 0;
  private allowedUpdates: Set<string> | undefined;
  private poll: PendingPoll | undefined;
  private pollFlushScheduled = false;
  private lastPollAt = 0;
  private readonly waiters = new Set<Waiter>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  private bot: BotIdentity;

  private readonly callLog: CallRecord[] = [];
  private readonly callsByMethod = new Map<string, CallRecord[]>();
  private readonly answers: CallbackAnswer[] = [];
  private readonly counters = {
    tooManyRequests: 0,
    rateLimited: 0,
    faultsInjected: 0,
    randomErrors: 0,
    botMessagesSent: 0,
    edits: 0,
    deletes: 0,
    updatesQueued: 0,
    updatesDelivered: 0,
    updatesDropped: 0,
    webhookDeliveries: 0,
    webhookFailures: 0,
  };
  private readonly byStatus = new Map<number, number>();

  // webhook delivery
  private webhook: (WebhookConfig & { token: string }) | undefined;
  private readonly whBusy = new Set<number>();
  private readonly whBusyChats = new Map<string, number>();
  private readonly whAttempts = new Map<number, number>();
  private whInFlight = 0;
  private whLastError: { date: number; message: string } | undefined;
  private readonly whControllers = new Set<AbortController>();
  /** Every webhook POST the emulator made, in order. */
  readonly webhookDeliveries: WebhookDelivery[] = [];

  constructor(options: EmulatorOptions = {}) {
    super();
    this.opts = options;
    const seed = options.seed ?? 1;
    this.rng = seededRandom(seed);
    this.errorRng = seededRandom(seed ^ 0x5bd1e995);
    this.files = new FileStore(this.rng);
    this.randomErrorRate = options.randomServerErrorRate ?? 0;
    this.limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
    this.nextUpdateId = options.firstUpdateId ?? 1;
    this.bot = this.identity(`${DEFAULT_TOKEN_ID}:TEST`);
    this.store.onEvent = (e) => this.onMessageEvent(e);
    this.host = {
      store: this.store,
      files: this.files,
      users: this.users,
      blocked: this.blocked,
      deactivated: this.deactivated,
      callbackQueries: this.callbackQueries,
      commands: this.commands,
      botTexts: new Map(),
      defaultMenuButton: undefined,
      photoSets: new Map(),
      unknownChats: options.unknownChats ?? "create",
      random: this.rng,
      enqueue: (u) => void this.enqueue(u),
      onCallbackAnswer: (a) => void this.answers.push(a),
    };
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent && !res.destroyed) this.send(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
      });
    });
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
    this.server.requestTimeout = 0;
  }

  /** Starts listening; `startEmulator()` does this for you. */
  async listen(): Promise<this> {
    const host = this.opts.host ?? "127.0.0.1";
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.opts.port ?? 0, host, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.apiRoot = `http://${host}:${this.port}`;
    return this;
  }

  /** Stops the server, drops connections (a pending long poll included) and rejects pending waits. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.poll) {
      clearTimeout(this.poll.timer);
      this.poll = undefined;
    }
    for (const c of this.whControllers) c.abort();
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error("emulator closed"));
    }
    this.waiters.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ================================================================================ simulated users

  /** A user writes text (entities such as bot commands, mentions and URLs are detected like Telegram does). */
  sendText(user: EmuUser, text: string, opts: UserActionOptions = {}): Update {
    const entities = detectEntities(text);
    return this.userMessage(user, opts, entities.length > 0 ? { text, entities } : { text });
  }

  /** A user sends a command, e.g. "/start payload" (always with a bot_command entity at offset 0). */
  sendCommand(user: EmuUser, command: string, opts: UserActionOptions = {}): Update {
    const text = command.startsWith("/") ? command : `/${command}`;
    const cmdLength = text.split(/\s/, 1)[0]?.length ?? text.length;
    const entities = detectEntities(text).filter((e) => e.offset !== 0);
    entities.unshift({ type: "bot_command", offset: 0, length: cmdLength });
    return this.userMessage(user, opts, { text, entities });
  }

  /**
   * A user presses an inline button with this callback_data under a bot message. Throws if the message
   * is not there or has no such button (pass `force: true` to send any data anyway).
   */
  clickButton(user: EmuUser, messageId: number, callbackData: string, opts: { chat?: EmuChat; force?: boolean } = {}): Update {
    const u = this.rememberUser(user);
    const chatId = opts.chat?.id ?? u.id;
    const chat = this.store.get(chatId);
    const message = chat?.messages.get(messageId);
    if (!chat || !message) throw new Error(`clickButton: message ${messageId} not found in chat ${chatId}${chat ? `\n${this.describeChat(chatId)}` : ""}`);
    if (!opts.force) {
      const buttons = (message.reply_markup?.inline_keyboard ?? []).flat();
      if (!buttons.some((b) => "callback_data" in b && b.callback_data === callbackData)) {
        const available = buttons.map((b) => `${JSON.stringify(b.text)}=${"callback_data" in b ? JSON.stringify(b.callback_data) : "(no callback_data)"}`).join(", ");
        throw new Error(`clickButton: message ${messageId} in chat ${chatId} has no button with callback_data ${JSON.stringify(callbackData)}; buttons: ${available || "none"}`);
      }
    }
    this.unblockOnActivity(u);
    const id = `${u.id}${String(++this.callbackCounter).padStart(6, "0")}`;
    this.callbackQueries.set(id, { id, chatId, messageId, data: callbackData, at: Date.now() });
    return this.enqueue({
      callback_query: {
        id,
        from: userToApi(u),
        message: toApiMessage(message),
        chat_instance: String(Math.abs(chatId * 7919) % 2 ** 52),
        data: callbackData,
      },
    });
  }

  /** A user shares a phone number (what a `request_contact` keyboard button sends). */
  shareContact(user: EmuUser, contact: { phone_number: string; first_name?: string; last_name?: string; user_id?: number; vcard?: string }, opts: UserActionOptions = {}): Update {
    const c: Json = { phone_number: contact.phone_number, first_name: contact.first_name ?? user.first_name ?? `User ${user.id}` };
    const last = contact.last_name ?? (contact.first_name === undefined ? user.last_name : undefined);
    if (last) c.last_name = last;
    c.user_id = contact.user_id ?? user.id;
    if (contact.vcard) c.vcard = contact.vcard;
    return this.userMessage(user, opts, { contact: c });
  }

  /** A user sends a file; it is stored so the bot can getFile + download it. */
  sendDocument(user: EmuUser, doc: { fileName: string; mimeType?: string; content: Buffer | string; caption?: string }, opts: UserActionOptions = {}): Update {
    const bytes = typeof doc.content === "string" ? Buffer.from(doc.content, "utf8") : doc.content;
    const file = this.files.put({ bytes, fileName: doc.fileName, mimeType: doc.mimeType ?? mimeFromName(doc.fileName), kind: "document" });
    const fields: Json = { document: documentJson(file) };
    if (doc.caption) fields.caption = doc.caption;
    return this.userMessage(user, opts, fields);
  }

  /** A user sends a photo (PNG/JPEG/GIF/WebP bytes). */
  sendPhoto(user: EmuUser, photo: { content: Buffer; caption?: string; fileName?: string }, opts: UserActionOptions = {}): Update {
    const sizes = photoSizes(this.host, { kind: "upload", field: "photo", fileName: photo.fileName ?? "photo.jpg", mimeType: "image/jpeg", size: photo.content.length, bytes: photo.content });
    const fields: Json = { photo: sizes };
    if (photo.caption) fields.caption = photo.caption;
    return this.userMessage(user, opts, fields);
  }

  sendLocation(user: EmuUser, latitude: number, longitude: number, opts: UserActionOptions = {}): Update {
    return this.userMessage(user, opts, { location: { latitude, longitude } });
  }

  /**
   * The user blocks (true) or unblocks (false) the bot: sends to them answer 403 while blocked, and a
   * my_chat_member update (kicked / member) is queued. Returns that update (undefined if nothing changed).
   * A blocked user who writes or clicks again unblocks the bot first ("Restart" in the app).
   */
  setBlocked(userId: number, blocked: boolean): Update | undefined {
    if (this.blocked.has(userId) === blocked) return undefined;
    if (blocked) this.blocked.add(userId);
    else this.blocked.delete(userId);
    const user = this.users.get(userId) ?? { id: userId, first_name: `User ${userId}` };
    const chat = this.store.ensure(chatFromUser(user));
    const botUser = botUserJson(this.bot);
    return this.enqueue({
      my_chat_member: {
        chat: chat.toApi(),
        from: userToApi(user),
        date: nowSec(),
        old_chat_member: memberJson(blocked ? "member" : "kicked", botUser),
        new_chat_member: memberJson(blocked ? "kicked" : "member", botUser),
      },
    });
  }

  isBlocked(userId: number): boolean {
    return this.blocked.has(userId);
  }

  /** The user deleted their account: every call into their chat answers 403 "Forbidden: user is deactivated". */
  setDeactivated(userId: number, deactivated = true): void {
    if (deactivated) this.deactivated.add(userId);
    else this.deactivated.delete(userId);
  }

  /** Sets a user's status in a group (what getChatMember answers). */
  setChatMember(chatId: number, userId: number, status: "creator" | "administrator" | "member" | "restricted" | "left" | "kicked"): void {
    const chat = this.store.get(chatId);
    if (!chat) throw new Error(`setChatMember: unknown chat ${chatId}`);
    chat.members.set(userId, status);
  }

  /** Registers a group/channel (and optionally the bot's status in it) without any message. */
  addChat(chat: EmuChat, botStatus: "member" | "administrator" | "left" | "kicked" = "member"): void {
    this.store.ensure(chat).botStatus = botStatus;
  }

  /** Queues any update (edited_message, channel_post, unknown types…); update_id is always assigned here. */
  injectUpdate(raw: Json): Update {
    const { update_id: _ignored, ...rest } = raw;
    const query = rest.callback_query as Json | undefined;
    if (query && typeof query.id === "string" && !this.callbackQueries.has(query.id)) {
      // so the bot's answerCallbackQuery for an injected query succeeds
      const message = query.message as Json | undefined;
      const chatId = (message?.chat as Json | undefined)?.id;
      this.callbackQueries.set(query.id, {
        id: query.id,
        chatId: typeof chatId === "number" ? chatId : undefined,
        messageId: typeof message?.message_id === "number" ? message.message_id : undefined,
        data: typeof query.data === "string" ? query.data : undefined,
        at: Date.now(),
      });
    }
    return this.enqueue(rest);
  }

  // ========================================================================================= faults

  /** The next matching call(s) fail. Without `method`, any method but getUpdates matches. */
  failNext(spec: FaultSpec): void {
    this.faults.add(spec);
  }

  /** Faults armed but not used yet. */
  pendingFaults(): FaultSpec[] {
    return this.faults.pending();
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Telegram-like flood limits on sends (429 + retry_after); null switches them off. */
  setRateLimit(config: RateLimitConfig | null): void {
    this.limiter = config ? new RateLimiter(config) : undefined;
  }

  setRandomServerErrorRate(rate: number): void {
    this.randomErrorRate = rate;
  }

  /** Any later call with this token answers 401 Unauthorized (like a token revoked in BotFather). */
  revokeToken(token: string): void {
    this.revoked.add(token);
  }

  // ====================================================================================== observing

  /** Every call the emulator answered, oldest first (live array: do not modify). */
  get calls(): readonly CallRecord[] {
    return this.callLog;
  }

  callsOf(method: string): CallRecord[] {
    const canonical = CANONICAL.get(method.toLowerCase()) ?? method;
    return [...(this.callsByMethod.get(canonical) ?? [])];
  }

  /** True while a getUpdates long poll is waiting for updates (the bot is idle and listening). */
  get polling(): boolean {
    return this.poll !== undefined;
  }

  /** The current change counter; pass it as `after` to wait only for later messages. */
  get version(): number {
    return this.store.version;
  }

  /** The bot's messages in a chat, current state (edits applied, deleted ones removed), oldest first. */
  messages(chatId: number): EmuMessage[] {
    return this.store.botMessages(chatId);
  }

  /** Every message of a chat, the users' ones too, oldest first. */
  history(chatId: number): EmuMessage[] {
    return this.store.history(chatId);
  }

  /** True when the message was sent by the bot (false: a simulated user sent it). */
  isBotMessage(chatId: number, messageId: number): boolean {
    return this.store.get(chatId)?.botMessageIds.has(messageId) ?? false;
  }

  lastMessage(chatId: number): EmuMessage | undefined {
    return this.store.lastBotMessage(chatId);
  }

  /** Changes in a chat (new/edit/delete) with version > after, oldest first: what a live view replays. */
  events(chatId: number, after = 0): MessageEvent[] {
    const chat = this.store.get(chatId);
    if (!chat) return [];
    return chat.events.slice(this.store.firstEventAfter(chat, after));
  }

  chat(chatId: number): ChatView | undefined {
    const c = this.store.get(chatId);
    return c ? this.chatView(c) : undefined;
  }

  chats(): ChatView[] {
    return [...this.store.chats.values()].map((c) => this.chatView(c));
  }

  /** The user as the emulator knows it (from their last action). */
  user(userId: number): EmuUser | undefined {
    return this.users.get(userId);
  }

  /** A stored file's bytes and metadata; throws for an unknown file_id. */
  getFile(fileId: string): FileContent {
    const f = this.files.get(fileId);
    if (!f) throw new Error(`emulator: no file with file_id ${fileId}`);
    return { bytes: f.bytes, fileName: f.fileName, mimeType: f.mimeType, fileId: f.fileId, filePath: f.filePath, size: f.size };
  }

  /** Every stored file (uploads by the bot and by users). */
  listFiles(): StoredFile[] {
    return [...this.files.all()];
  }

  /** Answers the bot gave to callback queries, oldest first. */
  callbackAnswers(): CallbackAnswer[] {
    return [...this.answers];
  }

  callbackAnswer(callbackQueryId: string): CallbackAnswer | undefined {
    return this.callbackQueries.get(callbackQueryId)?.answer;
  }

  /** Commands set for this scope + language (exact match, like getMyCommands). */
  myCommands(scope?: Json, languageCode?: string): Json[] | undefined {
    return this.commands.get(commandKey(scope, languageCode));
  }

  /** Updates queued and not yet confirmed by the bot (getUpdates offset) or delivered (webhook). */
  pendingUpdates(): Update[] {
    return this.queue.all();
  }

  webhookInfo(): Json {
    return this.webhookInfoJson();
  }

  stats(): EmulatorStats {
    const byMethod: Record<string, number> = {};
    for (const [m, list] of this.callsByMethod) byMethod[m] = list.length;
    const byStatus: Record<string, number> = {};
    for (const [s, n] of this.byStatus) byStatus[String(s)] = n;
    return {
      calls: this.callLog.length,
      byMethod,
      byStatus,
      ...this.counters,
      filesStored: this.files.size,
      pendingUpdates: this.queue.size,
    };
  }

  /** Resolves with the first new call/message/update event the predicate accepts. */
  waitFor(predicate: (e: EmulatorEvent) => boolean, opts: WaitOptions = {}): Promise<EmulatorEvent> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test: predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`emulator.waitFor: nothing matched within ${timeoutMs} ms.\n${this.describeRecentCalls(undefined)}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /**
   * Resolves with the first bot message in the chat (new, or an edit) with version > `after` that the
   * predicate accepts — existing ones included when `after` is 0 (the default). Rejects after
   * `timeoutMs` with a listing of the chat and the recent calls.
   */
  waitForMessage(chatId: number, predicate?: (m: EmuMessage) => boolean, opts: WaitForMessageOptions = {}): Promise<EmuMessage> {
    const after = opts.after ?? 0;
    const edits = opts.edits ?? true;
    const accept = (e: MessageEvent): boolean => e.chatId === chatId && e.fromBot && e.version > after && (e.kind === "new" || (edits && e.kind === "edit")) && (!predicate || predicate(e.message));
    const chat = this.store.get(chatId);
    if (chat) {
      for (let i = this.store.firstEventAfter(chat, after); i < chat.events.length; i++) {
        const e = chat.events[i] as MessageEvent;
        if (accept(e)) return Promise.resolve(e.message);
      }
    }
    const timeoutMs = opts.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test: (e) => e.type === "message" && accept(e.event),
        resolve: (e) => resolve((e as { event: MessageEvent }).event.message),
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`emulator.waitForMessage(chat ${chatId}): no matching bot message after version ${after} within ${timeoutMs} ms.\n${this.describeChat(chatId)}\n${this.describeRecentCalls(chatId)}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Resolves with the first call of `method` (seq > after; default 0 = past calls too) the predicate accepts. */
  waitForCall(method: string, predicate?: (c: CallRecord) => boolean, opts: WaitForCallOptions = {}): Promise<CallRecord> {
    const canonical = CANONICAL.get(method.toLowerCase()) ?? method;
    const after = opts.after ?? 0;
    const accept = (c: CallRecord): boolean => c.method === canonical && c.seq > after && (!predicate || predicate(c));
    for (const c of this.callsByMethod.get(canonical) ?? []) if (accept(c)) return Promise.resolve(c);
    const timeoutMs = opts.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test: (e) => e.type === "call" && accept(e.call),
        resolve: (e) => resolve((e as { call: CallRecord }).call),
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`emulator.waitForCall(${canonical}): no matching call within ${timeoutMs} ms.\n${this.describeRecentCalls(undefined)}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** A readable dump of a chat: what waitForMessage prints when it gives up. */
  describeChat(chatId: number, last = 12): string {
    const chat = this.store.get(chatId);
    if (!chat) return `Chat ${chatId} does not exist in the emulator (no user wrote and the bot sent nothing there).`;
    const all = [...chat.messages.values()];
    const shown = all.slice(-last);
    const lines = shown.map((m) => `  ${describeMessage(m, chat.botMessageIds.has(m.message_id))}`);
    const head = `Chat ${chatId} (${chat.info.type}) has ${all.length} message(s)${all.length > shown.length ? `, last ${shown.length}` : ""}:`;
    const kb = chat.replyKeyboard ? `\n  reply keyboard: ${JSON.stringify(chat.replyKeyboard.keyboard)}` : "";
    const polled = this.lastPollAt ? `${Date.now() - this.lastPollAt} ms ago` : "never";
    return `${head}\n${lines.join("\n") || "  (none)"}${kb}\n  pending updates: ${this.queue.size}; last getUpdates: ${polled}${this.webhook ? `; webhook: ${this.webhook.url}` : ""}`;
  }

  // ======================================================================================= internals

  private chatView(c: ChatState): ChatView {
    return {
      chat: { ...c.info },
      replyKeyboard: c.replyKeyboard,
      menuButton: c.menuButton,
      lastChatAction: c.lastChatAction,
      botStatus: c.botStatus,
      messageCount: c.messages.size,
      blocked: this.blocked.has(c.info.id),
    };
  }

  private describeRecentCalls(chatId: number | undefined): string {
    const recent: string[] = [];
    for (let i = this.callLog.length - 1; i >= 0 && recent.length < 8; i--) {
      const c = this.callLog[i] as CallRecord;
      if (c.method === "getUpdates" && c.ok) continue;
      if (chatId !== undefined && callChatId(c.params) !== chatId && c.ok) continue;
      recent.push(`  ${c.method} → ${c.status}${c.ok ? "" : ` ${c.description ?? ""}`}`);
    }
    return recent.length > 0 ? `Recent calls (newest first):\n${recent.join("\n")}` : "No calls from the bot yet (is it running, with TELEGRAM_API_ROOT set to the emulator?).";
  }

  private identity(token: string): BotIdentity {
    let bot = this.botsByToken.get(token);
    if (!bot) {
      bot = {
        id: Number(token.slice(0, token.indexOf(":"))),
        username: this.opts.botUsername ?? "prakerja_test_bot",
        first_name: this.opts.botFirstName ?? "Prakerja Test Bot",
      };
      this.botsByToken.set(token, bot);
    }
    return bot;
  }

  private rememberUser(user: EmuUser): EmuUser {
    const known = this.users.get(user.id);
    const merged: EmuUser = known ? { ...known, ...user } : { first_name: `User ${user.id}`, language_code: "id", ...user };
    this.users.set(user.id, merged);
    return merged;
  }

  /** Writing to the bot again after blocking it ("Restart") unblocks it, with the my_chat_member update first. */
  private unblockOnActivity(user: EmuUser): void {
    if (this.blocked.has(user.id)) this.setBlocked(user.id, false);
  }

  private userMessage(user: EmuUser, opts: UserActionOptions, fields: Json): Update {
    const u = this.rememberUser(user);
    const info = opts.chat ?? chatFromUser(u);
    if (info.type === "private") this.unblockOnActivity(u);
    const chat = this.store.ensure(info);
    const channel = chat.info.type === "channel";
    if (!channel && chat.info.type !== "private" && !chat.members.has(u.id)) chat.members.set(u.id, "member");
    let reply: Json | undefined;
    if (opts.replyTo !== undefined) {
      const target = chat.messages.get(opts.replyTo);
      if (!target) throw new Error(`reply to message ${opts.replyTo}: not found in chat ${chat.info.id}`);
      reply = toApiMessage(target);
      delete reply.reply_to_message;
    }
    const msg = this.store.add(chat, false, (id) => {
      const m: Json = { message_id: id };
      if (channel) m.sender_chat = chat.toApi();
      else m.from = userToApi(u);
      m.chat = chat.toApi();
      m.date = nowSec();
      if (reply) m.reply_to_message = reply;
      return Object.assign(m, fields, opts.extra ?? {});
    });
    return this.enqueue({ [channel ? "channel_post" : "message"]: toApiMessage(msg) });
  }

  private isAllowed(type: string): boolean {
    if (this.allowedUpdates && this.allowedUpdates.size > 0) return this.allowedUpdates.has(type);
    return !NOT_DEFAULT_UPDATES.has(type);
  }

  private enqueue(fields: Json): Update {
    const update = { update_id: this.nextUpdateId++, ...fields } as unknown as Update;
    if (!this.isAllowed(updateType(update))) {
      this.counters.updatesDropped++;
      return update;
    }
    this.queue.push(update);
    this.counters.updatesQueued++;
    if (this.listenerCount("update") > 0) this.emit("update", update);
    this.notify({ type: "update", update });
    if (this.webhook) this.pumpWebhook();
    else if (this.poll && !this.pollFlushScheduled) {
      // answer a waiting long poll once the current burst of injected updates is in
      this.pollFlushScheduled = true;
      setImmediate(() => {
        this.pollFlushScheduled = false;
        const poll = this.poll;
        if (poll) poll.finish(this.queue.peek(poll.limit));
      });
    }
    return update;
  }

  private onMessageEvent(e: MessageEvent): void {
    if (e.fromBot) {
      if (e.kind === "new") this.counters.botMessagesSent++;
      else if (e.kind === "edit") this.counters.edits++;
      else this.counters.deletes++;
    }
    if (this.listenerCount("message") > 0) this.emit("message", e);
    this.notify({ type: "message", event: e });
  }

  private notify(e: EmulatorEvent): void {
    if (this.waiters.size === 0) return;
    for (const w of this.waiters) {
      let hit = false;
      try {
        hit = w.test(e);
      } catch (err) {
        clearTimeout(w.timer);
        this.waiters.delete(w);
        w.reject(err as Error);
        continue;
      }
      if (hit) {
        clearTimeout(w.timer);
        this.waiters.delete(w);
        w.resolve(e);
      }
    }
  }

  private send(res: ServerResponse, status: number, body: ApiBody): void {
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
    res.end(json);
  }

  private record(method: string, params: Json, token: string, at: number, status: number, body: ApiBody, fault?: CallRecord["fault"], via: CallRecord["via"] = "http"): CallRecord {
    const rec: CallRecord = { seq: this.callLog.length + 1, method, params, token, at, durationMs: Date.now() - at, status, ok: body.ok, via };
    if (body.ok) rec.result = body.result;
    else rec.description = body.description;
    if (fault) rec.fault = fault;
    this.callLog.push(rec);
    let list = this.callsByMethod.get(method);
    if (!list) {
      list = [];
      this.callsByMethod.set(method, list);
    }
    list.push(rec);
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    if (status === 429) this.counters.tooManyRequests++;
    if (this.listenerCount("call") > 0) this.emit("call", rec);
    this.notify({ type: "call", call: rec });
    return rec;
  }

  private reply(res: ServerResponse, method: string, params: Json, token: string, at: number, status: number, body: ApiBody, fault?: CallRecord["fault"]): void {
    this.send(res, status, body);
    this.record(method, params, token, at, status, body, fault);
  }

  private static error(err: ApiError): ApiBody {
    const body: ApiBody = { ok: false, error_code: err.status, description: err.description };
    if (err.parameters) body.parameters = err.parameters;
    return body;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    const search = q === -1 ? "" : url.slice(q);
    if (path.startsWith("/file/bot")) {
      this.serveFile(path, res);
      return;
    }
    const m = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z0-9_]+)\/?$/.exec(path);
    if (!m) {
      req.resume();
      this.send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    const token = decodeURIComponent(m[1] as string);
    const lower = (m[2] as string).toLowerCase();
    const method = CANONICAL.get(lower) ?? (m[2] as string);
    if (this.listenerCount("request") > 0) this.emit("request", { method, token, at });
    let params: Json;
    try {
      params = await parseParams(req, search);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.reply(res, method, {}, token, at, err.status, Emulator.error(err));
      return;
    }
    if (!TOKEN_RE.test(token) || this.revoked.has(token)) {
      this.reply(res, method, params, token, at, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      return;
    }
    const bot = this.identity(token);
    this.bot = bot;
    if (!CANONICAL.has(lower)) {
      this.reply(res, method, params, token, at, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
      return;
    }

    // injected faults, random errors, flood limits
    const chatId = callChatId(params);
    const fault = this.faults.take(lower, chatId);
    if (fault) {
      this.counters.faultsInjected++;
      this.applyFault(fault, res, method, params, token, at);
      return;
    }
    if (this.randomErrorRate > 0 && !RANDOM_EXEMPT.has(lower) && this.errorRng() < this.randomErrorRate) {
      this.counters.randomErrors++;
      this.reply(res, method, params, token, at, 500, { ok: false, error_code: 500, description: "Internal Server Error" }, "random-500");
      return;
    }
    const isSend = SEND_METHODS.has(method);
    const sends = method === "sendMediaGroup" && Array.isArray(params.media) ? params.media.length : 1;
    if (isSend && this.limiter) {
      const wait = this.limiter.check(chatId, at, sends);
      if (wait > 0) {
        this.counters.rateLimited++;
        this.reply(res, method, params, token, at, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } }, "rate-limit");
        return;
      }
    }

    if (method === "getUpdates") {
      this.getUpdates(res, params, token, at);
      return;
    }
    const result = this.execute(method, params, bot, token);
    if (result.ok && isSend && this.limiter) this.limiter.record(chatId, at, sends);
    this.reply(res, method, params, token, at, result.ok ? 200 : (result.error_code ?? 400), result);
  }

  /** Runs one method (not getUpdates) and returns the response body. */
  private execute(method: string, params: Json, bot: BotIdentity, token: string): ApiBody {
    try {
      switch (method) {
        case "setWebhook":
          return this.setWebhook(params, token);
        case "deleteWebhook":
          return this.deleteWebhook(params);
        case "getWebhookInfo":
          return { ok: true, result: this.webhookInfoJson() };
      }
      const handler = handlers[method];
      if (!handler) return { ok: false, error_code: 404, description: "Not Found: method not found" };
      return { ok: true, result: handler(this.host, params, bot) };
    } catch (err) {
      if (err instanceof ApiError) return Emulator.error(err);
      return { ok: false, error_code: 500, description: `Internal Server Error: ${(err as Error).message}` };
    }
  }

  private applyFault(fault: FaultSpec, res: ServerResponse, method: string, params: Json, token: string, at: number): void {
    switch (fault.kind) {
      case "429": {
        const n = Math.max(1, Math.ceil(fault.retryAfter ?? 1));
        this.reply(res, method, params, token, at, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${n}`, parameters: { retry_after: n } }, "429");
        return;
      }
      case "500":
        this.reply(res, method, params, token, at, 500, { ok: false, error_code: 500, description: "Internal Server Error" }, "500");
        return;
      case "502":
        this.reply(res, method, params, token, at, 502, { ok: false, error_code: 502, description: "Bad Gateway" }, "502");
        return;
      case "403":
        this.reply(res, method, params, token, at, 403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }, "403");
        return;
      case "error":
        this.reply(res, method, params, token, at, fault.status, { ok: false, error_code: fault.status, description: fault.description }, "error");
        return;
      case "timeout": {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (fault.then === "drop") {
            res.socket?.destroy();
            res.destroy();
            this.record(method, params, token, at, 0, { ok: false, description: "connection dropped (injected timeout)" }, "timeout");
          } else {
            this.reply(res, method, params, token, at, 502, { ok: false, error_code: 502, description: "Bad Gateway" }, "timeout");
          }
        }, fault.ms);
        this.timers.add(timer);
        return;
      }
    }
  }

  // ---------------------------------------------------------------------------------------- polling

  private getUpdates(res: ServerResponse, params: Json, token: string, at: number): void {
    this.lastPollAt = at;
    const fail = (status: number, description: string): void => this.reply(res, "getUpdates", params, token, at, status, { ok: false, error_code: status, description });
    if (this.webhook) {
      fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      return;
    }
    const offset = typeof params.offset === "number" ? params.offset : undefined;
    const limit = Math.min(100, Math.max(1, typeof params.limit === "number" ? params.limit : 100));
    const timeoutSec = Math.min(50, Math.max(0, typeof params.timeout === "number" ? params.timeout : 0));
    if (Array.isArray(params.allowed_updates)) {
      this.allowedUpdates = params.allowed_updates.length > 0 ? new Set(params.allowed_updates.map(String)) : undefined;
    }
    if (offset !== undefined && offset !== 0) this.queue.confirm(offset);
    // a second poller kicks out the first one, like Telegram
    if (this.poll) this.poll.conflict();
    const ready = this.queue.peek(limit);
    if (ready.length > 0 || timeoutSec === 0) {
      this.counters.updatesDelivered += ready.length;
      this.reply(res, "getUpdates", params, token, at, 200, { ok: true, result: ready });
      return;
    }
    const done = (): void => {
      clearTimeout(poll.timer);
      if (this.poll === poll) this.poll = undefined;
    };
    const poll: PendingPoll = {
      res,
      limit,
      timer: setTimeout(() => poll.finish(this.queue.peek(limit)), timeoutSec * 1000),
      finish: (updates) => {
        done();
        this.counters.updatesDelivered += updates.length;
        this.lastPollAt = Date.now();
        this.reply(res, "getUpdates", params, token, at, 200, { ok: true, result: updates });
      },
      conflict: () => {
        done();
        fail(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
      },
    };
    this.poll = poll;
    res.on("close", () => {
      if (!res.writableEnded) done(); // the bot aborted the request (bot.stop())
    });
  }

  // ---------------------------------------------------------------------------------------- webhook

  private setWebhook(params: Json, token: string): ApiBody {
    const url = typeof params.url === "string" ? params.url : "";
    if (url === "") return this.deleteWebhook(params);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, error_code: 400, description: "Bad Request: bad webhook: invalid webhook URL specified" };
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return { ok: false, error_code: 400, description: "Bad Request: bad webhook: HTTPS url must be provided for webhook" };
    const secret = typeof params.secret_token === "string" ? params.secret_token : undefined;
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) return { ok: false, error_code: 400, description: "Bad Request: secret token contains unallowed characters" };
    const max = typeof params.max_connections === "number" ? Math.min(100, Math.max(1, params.max_connections)) : 40;
    if (params.drop_pending_updates === true) this.queue.clear();
    if (Array.isArray(params.allowed_updates)) this.allowedUpdates = params.allowed_updates.length > 0 ? new Set(params.allowed_updates.map(String)) : undefined;
    const existed = this.webhook?.url === url;
    const config: WebhookConfig & { token: string } = { url, maxConnections: max, token };
    if (secret) config.secretToken = secret;
    if (Array.isArray(params.allowed_updates)) config.allowedUpdates = params.allowed_updates.map(String);
    if (typeof params.ip_address === "string") config.ipAddress = params.ip_address;
    this.webhook = config;
    this.whLastError = undefined;
    if (this.poll) this.poll.conflict();
    setImmediate(() => this.pumpWebhook());
    return { ok: true, result: true, description: existed ? "Webhook is already set" : "Webhook was set" };
  }

  private deleteWebhook(params: Json): ApiBody {
    const had = this.webhook !== undefined;
    this.webhook = undefined;
    if (params.drop_pending_updates === true) this.queue.clear();
    return { ok: true, result: true, description: had ? "Webhook was deleted" : "Webhook is already deleted" };
  }

  private webhookInfoJson(): Json {
    const wh = this.webhook;
    const info: Json = { url: wh?.url ?? "", has_custom_certificate: false, pending_update_count: this.queue.size };
    if (wh) {
      info.max_connections = wh.maxConnections;
      if (wh.ipAddress) info.ip_address = wh.ipAddress;
      if (wh.allowedUpdates) info.allowed_updates = wh.allowedUpdates;
      if (this.whLastError) {
        info.last_error_date = this.whLastError.date;
        info.last_error_message = this.whLastError.message;
      }
    }
    return info;
  }

  /** Chat an update belongs to: webhook deliveries for one chat go one at a time, in order. */
  private static updateChatKey(u: Update): string {
    const any = u as unknown as Record<string, Json | undefined>;
    for (const v of Object.values(any)) {
      if (!v || typeof v !== "object") continue;
      const chat = (v.chat ?? (v.message as Json | undefined)?.chat) as Json | undefined;
      if (chat && typeof chat.id === "number") return `c${chat.id}`;
      const from = v.from as Json | undefined;
      if (from && typeof from.id === "number") return `u${from.id}`;
    }
    return `x${u.update_id}`;
  }

  private pumpWebhook(): void {
    const wh = this.webhook;
    if (!wh || this.closed) return;
    // bounded scan: updates of busy chats at the front are skipped, but never more than this many
    let budget = this.whBusy.size + wh.maxConnections * 4 + 64;
    for (const u of this.queue.iterate(this.whBusy)) {
      if (this.whInFlight >= wh.maxConnections || budget-- <= 0) break;
      const key = Emulator.updateChatKey(u);
      if (this.whBusyChats.has(key)) continue;
      this.deliver(wh, u, key);
    }
  }

  private deliver(wh: WebhookConfig & { token: string }, u: Update, key: string): void {
    const id = u.update_id;
    const attempt = (this.whAttempts.get(id) ?? 0) + 1;
    this.whAttempts.set(id, attempt);
    this.whBusy.add(id);
    this.whBusyChats.set(key, id);
    this.whInFlight++;
    const controller = new AbortController();
    this.whControllers.add(controller);
    const timer = setTimeout(() => controller.abort(), this.opts.webhookTimeoutMs ?? 10_000);
    const started = Date.now();
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (wh.secretToken) headers["X-Telegram-Bot-Api-Secret-Token"] = wh.secretToken;
    const finish = (status: number | null, ok: boolean, error?: string): void => {
      clearTimeout(timer);
      this.whControllers.delete(controller);
      this.whInFlight--;
      const delivery: WebhookDelivery = { updateId: id, url: wh.url, status, ok, at: started, durationMs: Date.now() - started, attempt };
      if (error) delivery.error = error;
      this.webhookDeliveries.push(delivery);
      this.counters.webhookDeliveries++;
      if (this.listenerCount("webhook") > 0) this.emit("webhook", delivery);
      if (ok) {
        this.queue.remove(id);
        this.counters.updatesDelivered++;
        this.whAttempts.delete(id);
        this.whBusy.delete(id);
        this.whBusyChats.delete(key);
        this.pumpWebhook();
        return;
      }
      this.counters.webhookFailures++;
      this.whLastError = { date: nowSec(), message: error ?? `Wrong response from the webhook: ${status}` };
      // retry later (Telegram backs off much longer; tests want it quick)
      const retry = setTimeout(
        () => {
          this.timers.delete(retry);
          this.whBusy.delete(id);
          this.whBusyChats.delete(key);
          this.pumpWebhook();
        },
        Math.min(5000, 100 * 2 ** (attempt - 1)),
      );
      this.timers.add(retry);
    };
    fetch(wh.url, { method: "POST", headers, body: JSON.stringify(u), signal: controller.signal })
      .then(async (res) => {
        const text = await res.text();
        if (this.closed) return;
        if (!res.ok) {
          finish(res.status, false, `Wrong response from the webhook: ${res.status} ${res.statusText}`);
          return;
        }
        finish(res.status, true);
        this.webhookReply(res.headers.get("content-type") ?? "", text, wh.token);
      })
      .catch((err: unknown) => {
        if (this.closed) return;
        const e = err as Error & { cause?: { code?: string } };
        const reason = controller.signal.aborted ? "Read timeout expired" : e.cause?.code === "ECONNREFUSED" ? "Connection refused" : (e.cause?.code ?? e.message);
        finish(null, false, reason);
      });
  }

  /** A webhook answer may itself be a method call ({"method": "sendMessage", ...}); Telegram runs it. */
  private webhookReply(contentType: string, text: string, token: string): void {
    if (!contentType.includes("application/json") || text.length === 0) return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    if (!body || typeof body !== "object" || typeof (body as Json).method !== "string") return;
    const { method: raw, ...params } = body as Json;
    const method = CANONICAL.get(String(raw).toLowerCase()) ?? String(raw);
    const at = Date.now();
    const result = method === "getUpdates" ? { ok: false, error_code: 400, description: "Bad Request: method not available in webhook reply" } : this.execute(method, params, this.identity(token), token);
    this.record(method, params, token, at, result.ok ? 200 : (result.error_code ?? 400), result, undefined, "webhook-reply");
  }

  // ------------------------------------------------------------------------------------------ files

  private serveFile(path: string, res: ServerResponse): void {
    const m = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
    const token = m ? decodeURIComponent(m[1] as string) : "";
    if (!m || !TOKEN_RE.test(token) || this.revoked.has(token)) {
      this.send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      return;
    }
    const file = this.files.getByPath(decodeURIComponent(m[2] as string));
    if (!file) {
      this.send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    res.writeHead(200, { "content-type": file.mimeType, "content-length": file.size });
    res.end(file.bytes);
  }
}

/** Starts an emulator on 127.0.0.1 (random port unless `port` is given). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return new Emulator(options).listen();
}
