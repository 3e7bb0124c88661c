/**
 * The emulator's state and bookkeeping, shared by every layer above it: chats and messages, files, users,
 * the queue of updates for the bot, the log of calls it made, and the waiters tests block on.
 *
 * The Emulator class is built in layers, one file each (see server.ts): core → webhook → polling → http →
 * observer → driver.
 */
import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import { seededRandom } from "./faults.js";
import { handlers, type ApiHost, type BotIdentity, type PendingCallbackQuery, type PendingInlineQuery } from "./methods/index.js";
import { FileStore, MessageStore, NOT_DEFAULT_UPDATES, UpdateQueue, updateType } from "./state.js";
import {
  ApiError,
  type CallRecord,
  type CallbackAnswer,
  type EmuUser,
  type EmulatorEvent,
  type EmulatorEvents,
  type EmulatorOptions,
  type Json,
  type MessageEvent,
} from "./types.js";

const DEFAULT_TOKEN_ID = 123456;

export interface ApiBody {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: Json;
}

export interface Waiter {
  test: (e: EmulatorEvent) => boolean;
  resolve: (e: EmulatorEvent) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export const nowSec = (): number => Math.floor(Date.now() / 1000);

export abstract class EmulatorCore extends EventEmitter<EmulatorEvents> {
  protected readonly opts: EmulatorOptions;
  protected readonly store = new MessageStore();
  protected readonly files: FileStore;
  protected readonly queue = new UpdateQueue();
  protected readonly rng: () => number;
  protected readonly host: ApiHost;
  protected readonly users = new Map<number, EmuUser>();
  protected readonly blocked = new Set<number>();
  protected readonly deactivated = new Set<number>();
  protected readonly callbackQueries = new Map<string, PendingCallbackQuery>();
  protected readonly inlineQueries = new Map<string, PendingInlineQuery>();
  protected readonly commands = new Map<string, Json[]>();
  protected readonly botsByToken = new Map<string, BotIdentity>();
  protected nextUpdateId: number;
  protected allowedUpdates: Set<string> | undefined;
  protected readonly waiters = new Set<Waiter>();
  protected readonly timers = new Set<NodeJS.Timeout>();
  protected closed = false;
  /** The bot as identified by the token of its latest call. */
  protected bot: BotIdentity;

  protected readonly callLog: CallRecord[] = [];
  protected readonly callsByMethod = new Map<string, CallRecord[]>();
  protected readonly answers: CallbackAnswer[] = [];
  protected readonly counters = {
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
  protected readonly byStatus = new Map<number, number>();

  constructor(options: EmulatorOptions = {}) {
    super();
    this.opts = options;
    this.rng = seededRandom(options.seed ?? 1);
    this.files = new FileStore(this.rng);
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
      inlineQueries: this.inlineQueries,
      commands: this.commands,
      botTexts: new Map(),
      defaultMenuButton: undefined,
      photoSets: new Map(),
      unknownChats: options.unknownChats ?? "create",
      strictAmpersand: options.strictAmpersand ?? true,
      inlineMode: options.inlineMode ?? false,
      random: this.rng,
      enqueue: (u) => void this.enqueue(u),
      onCallbackAnswer: (a) => void this.answers.push(a),
    };
  }

  /** Runs the delivery methods (setWebhook, deleteWebhook, getWebhookInfo); undefined for any other method. */
  protected abstract deliveryMethod(method: string, params: Json, token: string): ApiBody | undefined;

  /** An update was queued: hand it to the webhook or a waiting long poll. */
  protected abstract onUpdateQueued(): void;

  /** Runs one method (not getUpdates) and returns the response body. */
  protected execute(method: string, params: Json, bot: BotIdentity, token: string): ApiBody {
    try {
      const delivery = this.deliveryMethod(method, params, token);
      if (delivery) return delivery;
      const handler = handlers[method];
      if (!handler) return { ok: false, error_code: 404, description: "Not Found: method not found" };
      return { ok: true, result: handler(this.host, params, bot) };
    } catch (err) {
      if (err instanceof ApiError) return EmulatorCore.error(err);
      return { ok: false, error_code: 500, description: `Internal Server Error: ${(err as Error).message}` };
    }
  }

  protected static error(err: ApiError): ApiBody {
    const body: ApiBody = { ok: false, error_code: err.status, description: err.description };
    if (err.parameters) body.parameters = err.parameters;
    return body;
  }

  protected identity(token: string): BotIdentity {
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

  protected rememberUser(user: EmuUser): EmuUser {
    const known = this.users.get(user.id);
    const merged: EmuUser = known ? { ...known, ...user } : { first_name: `User ${user.id}`, language_code: "id", ...user };
    this.users.set(user.id, merged);
    return merged;
  }

  /** Writing to the bot again after blocking it ("Restart") unblocks it, with the my_chat_member update first. */

  protected isAllowed(type: string): boolean {
    if (this.allowedUpdates && this.allowedUpdates.size > 0) return this.allowedUpdates.has(type);
    return !NOT_DEFAULT_UPDATES.has(type);
  }


  protected enqueue(fields: Json): Update {
    const update = { update_id: this.nextUpdateId++, ...fields } as unknown as Update;
    if (!this.isAllowed(updateType(update))) {
      this.counters.updatesDropped++;
      return update;
    }
    this.queue.push(update);
    this.counters.updatesQueued++;
    if (this.listenerCount("update") > 0) this.emit("update", update);
    this.notify({ type: "update", update });
    this.onUpdateQueued();
    return update;
  }

  protected onMessageEvent(e: MessageEvent): void {
    if (e.fromBot) {
      if (e.kind === "new") this.counters.botMessagesSent++;
      else if (e.kind === "edit") this.counters.edits++;
      else this.counters.deletes++;
    }
    if (this.listenerCount("message") > 0) this.emit("message", e);
    this.notify({ type: "message", event: e });
  }

  protected notify(e: EmulatorEvent): void {
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


  protected record(method: string, params: Json, token: string, at: number, status: number, body: ApiBody, fault?: CallRecord["fault"], via: CallRecord["via"] = "http"): CallRecord {
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

  /** Answers a request and records the call. */
  protected reply(res: ServerResponse, method: string, params: Json, token: string, at: number, status: number, body: ApiBody, fault?: CallRecord["fault"]): void {
    this.send(res, status, body);
    this.record(method, params, token, at, status, body, fault);
  }

  protected send(res: ServerResponse, status: number, body: ApiBody): void {
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
    res.end(json);
  }
}
