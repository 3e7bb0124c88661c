import http from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "../bot/context.js";
import type { Logger } from "../logger.js";

export interface WebhookServer {
  server: http.Server;
  close(): Promise<void>;
}

/**
 * The HTTP server for BOT_MODE=webhook. Telegram's requests must carry the secret token header
 * (X-Telegram-Bot-Api-Secret-Token); grammY answers 401 to anything else before the update is parsed.
 * GET /healthz answers 200 for load balancers and uptime checks.
 */
export async function startWebhookServer(opts: {
  bot: Bot<BotContext>;
  path: string;
  port: number;
  secretToken: string;
  logger: Logger;
}): Promise<WebhookServer> {
  const handleUpdate = webhookCallback(opts.bot, "http", { secretToken: opts.secretToken, onTimeout: "return", timeoutMilliseconds: 9_000 });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
      return;
    }
    if (req.method === "POST" && url.pathname === opts.path) {
      handleUpdate(req, res).catch((error: unknown) => {
        opts.logger.error({ err: error }, "webhook update failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(opts.port, resolve));
  return {
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
