/**
 * Webhook mode: setWebhook / deleteWebhook / getWebhookInfo, and delivery of queued updates by POST to
 * the bot (one at a time per chat, up to max_connections at once, retried with backoff), including a
 * method call the bot returns in its webhook answer.
 */
import type { Update } from "grammy/types";
import { EmulatorCore, nowSec, type ApiBody } from "./core.js";
import { CANONICAL } from "./methods/index.js";
import type { Json, WebhookConfig, WebhookDelivery } from "./types.js";

export abstract class EmulatorWebhook extends EmulatorCore {
  protected webhook: (WebhookConfig & { token: string }) | undefined;
  protected readonly whBusy = new Set<number>();
  protected readonly whBusyChats = new Map<string, number>();
  protected readonly whAttempts = new Map<number, number>();
  protected whInFlight = 0;
  protected whLastError: { date: number; message: string } | undefined;
  protected readonly whControllers = new Set<AbortController>();
  /** Every webhook POST the emulator made, in order. */
  readonly webhookDeliveries: WebhookDelivery[] = [];

  /** A webhook was set: a pending long poll ends with 409 like on Telegram. */
  protected abstract conflictLongPoll(): void;

  protected deliveryMethod(method: string, params: Json, token: string): ApiBody | undefined {
    switch (method) {
      case "setWebhook":
        return this.setWebhook(params, token);
      case "deleteWebhook":
        return this.deleteWebhook(params);
      case "getWebhookInfo":
        return { ok: true, result: this.webhookInfoJson() };
      default:
        return undefined;
    }
  }

  /** Closing: requests to the bot in flight are aborted. */
  protected abortWebhooks(): void {
    for (const c of this.whControllers) c.abort();
  }

  protected setWebhook(params: Json, token: string): ApiBody {
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
    this.conflictLongPoll();
    setImmediate(() => this.pumpWebhook());
    return { ok: true, result: true, description: existed ? "Webhook is already set" : "Webhook was set" };
  }

  protected deleteWebhook(params: Json): ApiBody {
    const had = this.webhook !== undefined;
    this.webhook = undefined;
    if (params.drop_pending_updates === true) this.queue.clear();
    return { ok: true, result: true, description: had ? "Webhook was deleted" : "Webhook is already deleted" };
  }

  protected webhookInfoJson(): Json {
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
  protected static updateChatKey(u: Update): string {
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

  protected pumpWebhook(): void {
    const wh = this.webhook;
    if (!wh || this.closed) return;
    // bounded scan: updates of busy chats at the front are skipped, but never more than this many
    let budget = this.whBusy.size + wh.maxConnections * 4 + 64;
    for (const u of this.queue.iterate(this.whBusy)) {
      if (this.whInFlight >= wh.maxConnections || budget-- <= 0) break;
      const key = EmulatorWebhook.updateChatKey(u);
      if (this.whBusyChats.has(key)) continue;
      this.deliver(wh, u, key);
    }
  }

  protected deliver(wh: WebhookConfig & { token: string }, u: Update, key: string): void {
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
  protected webhookReply(contentType: string, text: string, token: string): void {
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
}
