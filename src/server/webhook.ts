import crypto from "node:crypto";
import http from "node:http";
import type { Logger } from "../logger.js";
import { isUpdate, type RawUpdate } from "../cluster/inbox.js";

export interface WebhookServer {
  server: http.Server;
  /** Stops taking requests (healthz answers 503 from now on), waits for the ones being answered. */
  close(): Promise<void>;
}

export interface WebhookServerOptions {
  path: string;
  port: number;
  secretToken: string;
  logger: Logger;
  /**
   * Stores the update durably (the inbox). The request is answered 200 only after this resolved, so an
   * update Telegram saw acknowledged is never lost; a rejection answers 500 and Telegram delivers again.
   */
  accept: (update: RawUpdate) => Promise<void>;
  /** true when the database answers (GET /healthz) */
  healthy: () => Promise<boolean>;
  /** extra fields for GET /healthz */
  describe?: () => Record<string, unknown>;
}

/** Largest body accepted (Telegram's updates are a few kB). */
const MAX_BODY = 1024 * 1024;

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * The HTTP server for BOT_MODE=webhook. Telegram's requests must carry the secret token header
 * (X-Telegram-Bot-Api-Secret-Token); anything else gets 401 before the body is read. A valid update is
 * handed to `accept` (the inbox) and only then answered 200: processing happens afterwards, on whichever
 * instance claims it. GET /healthz answers 200 while the database answers, 503 otherwise (and while
 * shutting down, so a load balancer stops sending here).
 */
export async function startWebhookServer(opts: WebhookServerOptions): Promise<WebhookServer> {
  let closing = false;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") {
      const answer = (ok: boolean, database: string) =>
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok, database, ...opts.describe?.() }));
      if (closing) return answer(false, "shutting down");
      opts.healthy().then(
        (up) => answer(up, up ? "up" : "down"),
        () => answer(false, "down"),
      );
      return;
    }
    if (req.method === "POST" && url.pathname === opts.path) {
      if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], opts.secretToken)) {
        req.resume();
        res.writeHead(401).end();
        return;
      }
      if (closing) {
        req.resume();
        res.writeHead(503, { connection: "close" }).end();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) {
          res.writeHead(413).end();
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on("end", () => {
        if (res.headersSent) return;
        let update: unknown;
        try {
          update = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          res.writeHead(400).end();
          return;
        }
        if (!isUpdate(update)) {
          res.writeHead(400).end();
          return;
        }
        opts.accept(update).then(
          () => res.writeHead(200, { "content-type": "application/json" }).end("{}"),
          (error: unknown) => {
            opts.logger.error({ err: error, update_id: update.update_id }, "webhook: update not stored, Telegram will deliver it again");
            if (!res.headersSent) res.writeHead(500).end();
          },
        );
      });
      return;
    }
    req.resume();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(opts.port, resolve));
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        // requests being answered finish (their update is stored first); idle keep-alive connections close
        // now, and whatever is still open after 10 s is cut
        const force = setTimeout(() => server.closeAllConnections(), 10_000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
