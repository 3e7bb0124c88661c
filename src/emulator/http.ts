/**
 * The HTTP side: the server the bot calls (/bot<token>/<method> and /file/bot<token>/<path>), parameter
 * parsing, tokens, injected faults, seeded random server errors and flood limits.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EmulatorCore } from "./core.js";
import { FaultQueue, RateLimiter, seededRandom } from "./faults.js";
import { CANONICAL, SEND_METHODS, callChatId } from "./methods/index.js";
import { parseParams } from "./multipart.js";
import { EmulatorPolling } from "./polling.js";
import { ApiError, type EmulatorOptions, type FaultSpec, type Json, type RateLimitConfig } from "./types.js";

const TOKEN_RE = /^\d+:[\w-]+$/;
/** Methods random server errors never hit (polling, startup and webhook management must stay reliable). */
const RANDOM_EXEMPT = new Set(["getupdates", "getme", "setwebhook", "deletewebhook", "getwebhookinfo"]);

export abstract class EmulatorHttp extends EmulatorPolling {
  /** What TELEGRAM_API_ROOT / grammY's `apiRoot` must be set to, e.g. "http://127.0.0.1:40123". */
  apiRoot = "";
  port = 0;

  protected readonly server: http.Server;
  protected readonly errorRng: () => number;
  protected readonly revoked = new Set<string>();
  protected readonly faults = new FaultQueue();
  protected limiter: RateLimiter | undefined;
  protected randomErrorRate: number;

  constructor(options: EmulatorOptions = {}) {
    super(options);
    this.errorRng = seededRandom((options.seed ?? 1) ^ 0x5bd1e995);
    this.randomErrorRate = options.randomServerErrorRate ?? 0;
    this.limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
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
    this.stopPolling();
    this.abortWebhooks();
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

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
      this.reply(res, method, {}, token, at, err.status, EmulatorCore.error(err));
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


  protected applyFault(fault: FaultSpec, res: ServerResponse, method: string, params: Json, token: string, at: number): void {
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

  protected serveFile(path: string, res: ServerResponse): void {
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
