/**
 * Observing the bot: every call it made, the messages in each chat (current state and the change log),
 * callback answers, files, statistics, and waits that resolve on the next matching event or fail with a
 * readable listing of the chat and the recent calls.
 */
import type { Update } from "grammy/types";
import type { Waiter } from "./core.js";
import { EmulatorHttp } from "./http.js";
import { CANONICAL, callChatId, commandKey } from "./methods/index.js";
import type { ChatState } from "./state.js";
import type {
  CallRecord,
  CallbackAnswer,
  EmuChat,
  EmuMessage,
  EmuUser,
  EmulatorEvent,
  EmulatorStats,
  FileContent,
  InlineAnswer,
  Json,
  MessageEvent,
  StoredFile,
} from "./types.js";

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

export abstract class EmulatorObserver extends EmulatorHttp {
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

  /** The bot's answer to an inline query (`sendInlineQuery`), undefined until it answered. */
  inlineAnswer(inlineQueryId: string): InlineAnswer | undefined {
    return this.inlineQueries.get(inlineQueryId)?.answer;
  }

  /** Every answer the bot gave to inline queries, oldest first. */
  inlineAnswers(): InlineAnswer[] {
    const out: InlineAnswer[] = [];
    for (const q of this.inlineQueries.values()) if (q.answer) out.push(q.answer);
    return out;
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


  protected chatView(c: ChatState): ChatView {
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

  protected describeRecentCalls(chatId: number | undefined): string {
    const recent: string[] = [];
    for (let i = this.callLog.length - 1; i >= 0 && recent.length < 8; i--) {
      const c = this.callLog[i] as CallRecord;
      if (c.method === "getUpdates" && c.ok) continue;
      if (chatId !== undefined && callChatId(c.params) !== chatId && c.ok) continue;
      recent.push(`  ${c.method} → ${c.status}${c.ok ? "" : ` ${c.description ?? ""}`}`);
    }
    return recent.length > 0 ? `Recent calls (newest first):\n${recent.join("\n")}` : "No calls from the bot yet (is it running, with TELEGRAM_API_ROOT set to the emulator?).";
  }
}
