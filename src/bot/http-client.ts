// The Bot API's HTTP client. grammY makes every API call through a fetch-like function; on Node its
// default is node-fetch over http.Agent, whose request, response, header and stream objects were about
// 15 % of the bot's CPU under load, and a good share of the garbage collector's (the bench's profile).
// undici's request() — the maintained HTTP/1.1 client Node's own fetch is built on — makes the same call
// with a fraction of those objects. Only what grammY's client uses is implemented: a POST with a JSON
// string or a multipart stream body (file uploads), its abort signal, and `res.json()`.
import type { Readable } from "node:stream";
import { Agent, request } from "undici";

type GrammyFetch = NonNullable<NonNullable<ConstructorParameters<typeof import("grammy").Bot>[1]>["client"]>["fetch"];

interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Readable;
  signal?: AbortSignal;
}

/**
 * One connection pool per process, shared by every bot in it. Idle keep-alive sockets are kept 30 s and
 * do not hold the process open (undici unrefs an idle socket), so nothing needs closing at shutdown.
 * grammY aborts a call after its own timeout (createBot's timeoutSeconds), so undici's header and body
 * timeouts are off: they would cut long polling's getUpdates short.
 */
const dispatcher = new Agent({ keepAliveTimeout: 30_000, headersTimeout: 0, bodyTimeout: 0 });

async function telegramFetch(url: string | URL, init: FetchInit = {}) {
  const response = await request(url, {
    dispatcher,
    method: (init.method ?? "GET") as "GET" | "POST",
    headers: init.headers,
    body: init.body,
    signal: init.signal,
  });
  return {
    ok: response.statusCode >= 200 && response.statusCode < 300,
    status: response.statusCode,
    json: () => response.body.json(),
  };
}

/** The `client.fetch` option of grammY's Bot: answers what grammY reads of a Response (status and json()). */
export const botApiFetch = telegramFetch as unknown as GrammyFetch;
