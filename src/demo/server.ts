/**
 * The demo page's HTTP server (node:http, no framework): the static page from ./public, a small JSON API
 * that plays the personas through the emulator's user-side helpers, the emulator's stored files, and a
 * Server-Sent Events stream with every change in the personas' chats.
 *
 *   GET  /                      the chat page (index.html, app.js + page.js + view.js, style.css, favicon.svg)
 *   GET  /api/state             bot name, personas, bot status
 *   GET  /api/chat?user=KEY     one persona's chat (or the demo channel's: user=kanal): messages and reply keyboard
 *   GET  /api/events            SSE: "snapshot" first, then "changes", "answer", "typing", "status"
 *   GET  /api/commands          the bot's command menu (setMyCommands, Indonesian)
 *   GET  /api/files/FILE_ID     a stored file (photos inline; ?download=1 as an attachment)
 *   GET  /api/contoh-acara.csv  a sample CSV for /impor_acara
 *   POST /api/send      {user, text}                 text (with **tebal**-style shortcuts), or a command when it starts with "/"
 *   POST /api/click     {user, messageId, data}      presses an inline button
 *   POST /api/contact   {user}                       shares the persona's phone number
 *   POST /api/location  {user, latitude, longitude}  sends a location
 *   POST /api/inline    {user, query}                types "@bot query" (inline mode): the bot's results
 *   POST /api/inline/choose {user, queryId, resultId} sends a chosen inline result into the persona's chat
 *   POST /api/document?user=KEY&name=FILE&caption=…  raw body = the file's bytes
 *
 * Every POST must carry the header `X-Demo: 1`: a page on another site cannot add it without a CORS
 * preflight, which this server never grants, so nobody else's page can type into the demo.
 */
import fs from "node:fs/promises";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CallRecord, Emulator, Json, MessageEvent } from "../emulator/index.js";
import { parseTyped } from "./markup.js";
import { PERSONAS, findPersona, personaByChat, type Persona } from "./personas.js";
import { renderMessage, viewReplyKeyboard, type ViewMessage, type ViewReplyKeyboard } from "./render.js";
import { sampleEventsCsv } from "./seed.js";

export const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "public");

const STATIC: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/index.html": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/page.js": { file: "page.js", type: "text/javascript; charset=utf-8" },
  "/view.js": { file: "view.js", type: "text/javascript; charset=utf-8" },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
  "/favicon.svg": { file: "favicon.svg", type: "image/svg+xml" },
};

const MAX_JSON = 64 * 1024;
const MAX_UPLOAD = 20 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;
/** How long /api/inline waits for the bot's answerInlineQuery. */
const INLINE_WAIT_MS = 10_000;
/** The key that names the demo channel in /api/chat. */
export const CHANNEL_KEY = "kanal";

export interface BotStatus {
  state: "starting" | "running" | "stopped";
  message?: string;
}

export interface DemoServerOptions {
  emulator: Emulator;
  /** 0 = a free port */
  port: number;
  host: string;
  /** the bot's display name and username (getMe) */
  bot: { name: string; username: string };
  /** a channel the bot administers: shown read-only on the page (posts from /umumkan) */
  channel?: { id: number; title: string; username?: string };
  now?: () => Date;
}

export interface ChatSnapshot {
  messages: ViewMessage[];
  replyKeyboard: ViewReplyKeyboard | null;
}

export interface ChangeBatch {
  version: number;
  changes: { kind: MessageEvent["kind"]; chatId: number; message: ViewMessage }[];
  /** reply keyboards of the chats that changed, after the change */
  keyboards: Record<string, ViewReplyKeyboard | null>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json), "cache-control": "no-store" });
  res.end(json);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new HttpError(413, `Berkas terlalu besar (maksimal ${Math.round(limit / 1024 / 1024) || 1} MB).`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function readJson(req: IncomingMessage): Promise<Json> {
  if (!(req.headers["content-type"] ?? "").includes("application/json")) throw new HttpError(415, "Kirim JSON (content-type: application/json).");
  const raw = await readBody(req, MAX_JSON);
  try {
    const value: unknown = JSON.parse(raw.toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Json;
  } catch {
    // answered below
  }
  throw new HttpError(400, "JSON tidak valid.");
}

function personaOf(ref: unknown): Persona {
  const persona = findPersona(ref);
  if (!persona) throw new HttpError(400, `Pengguna tidak dikenal: ${String(ref)}. Pilih salah satu dari: ${PERSONAS.map((p) => p.key).join(", ")}.`);
  return persona;
}

/** A file name safe for a Content-Disposition header (ASCII fallback + RFC 5987 UTF-8 form). */
function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export class DemoServer {
  url = "";
  port = 0;
  private readonly server: http.Server;
  private readonly clients = new Set<ServerResponse>();
  private readonly pending: ChangeBatch["changes"] = [];
  private flushScheduled = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private status: BotStatus = { state: "starting" };
  private readonly emu: Emulator;
  private readonly now: () => Date;
  private readonly onMessage = (e: MessageEvent): void => this.collect(e);
  private readonly onCall = (c: CallRecord): void => this.observeCall(c);

  constructor(private readonly opts: DemoServerOptions) {
    this.emu = opts.emulator;
    this.now = opts.now ?? (() => new Date());
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        const status = err instanceof HttpError ? err.status : 500;
        const message = err instanceof Error ? err.message : String(err);
        if (!res.headersSent) sendJson(res, status, { ok: false, error: message });
        else res.end();
      });
    });
    this.emu.on("message", this.onMessage);
    this.emu.on("call", this.onCall);
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.opts.port, this.opts.host, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    const shownHost = ["127.0.0.1", "::1", "0.0.0.0", "::"].includes(this.opts.host) ? "localhost" : this.opts.host;
    this.url = `http://${shownHost}:${this.port}`;
    this.heartbeat = setInterval(() => this.broadcast(": ping\n\n"), HEARTBEAT_MS);
    this.heartbeat.unref();
    return this;
  }

  async close(): Promise<void> {
    this.emu.off("message", this.onMessage);
    this.emu.off("call", this.onCall);
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Tells every open page whether the bot is starting, running or stopped. */
  setBotStatus(status: BotStatus): void {
    this.status = status;
    this.send("status", status);
  }

  /** One persona's chat as the page shows it. */
  chat(persona: Persona): ChatSnapshot {
    return this.chatById(persona.user.id);
  }

  private chatById(id: number): ChatSnapshot {
    return {
      messages: this.emu.history(id).map((m) => renderMessage(m, id, this.emu.isBotMessage(id, m.message_id))),
      replyKeyboard: viewReplyKeyboard(this.emu.chat(id)?.replyKeyboard),
    };
  }

  // ---------------------------------------------------------------------------------------- events

  private isShown(chatId: number): boolean {
    return personaByChat(chatId) !== undefined || chatId === this.opts.channel?.id;
  }

  private collect(e: MessageEvent): void {
    if (!this.isShown(e.chatId)) return;
    this.pending.push({ kind: e.kind, chatId: e.chatId, message: renderMessage(e.message, e.chatId, e.fromBot) });
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // after the current call finished: a reply keyboard is applied to the chat only after its message is stored
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const changes = this.pending.splice(0);
    if (changes.length === 0) return;
    const keyboards: ChangeBatch["keyboards"] = {};
    for (const c of changes) keyboards[String(c.chatId)] = viewReplyKeyboard(this.emu.chat(c.chatId)?.replyKeyboard);
    const batch: ChangeBatch = { version: this.emu.version, changes, keyboards };
    this.send("changes", batch, this.emu.version);
  }

  private observeCall(c: CallRecord): void {
    if (!c.ok) return;
    if (c.method === "answerCallbackQuery") {
      const id = String(c.params.callback_query_id ?? "");
      const answer = this.emu.callbackAnswer(id);
      if (!answer || answer.chatId === undefined || !personaByChat(answer.chatId)) return;
      if (!answer.text && !answer.url) return;
      this.send("answer", { chatId: answer.chatId, text: answer.text ?? "", alert: answer.showAlert, url: answer.url ?? null });
    } else if (c.method === "sendChatAction") {
      const chatId = Number(c.params.chat_id);
      if (personaByChat(chatId)) this.send("typing", { chatId, action: String(c.params.action ?? "typing") });
    } else if (c.method === "setMyCommands") {
      this.send("commands", { changed: true });
    }
  }

  private send(event: string, data: unknown, id?: number): void {
    const head = id === undefined ? "" : `id: ${id}\n`;
    this.broadcast(`${head}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private broadcast(frame: string): void {
    for (const res of this.clients) res.write(frame);
  }

  private openStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive", "x-accel-buffering": "no" });
    res.write("retry: 1000\n\n");
    // the snapshot and the subscription happen in the same tick: no change can fall between them
    this.flush();
    const chats: Record<string, ChatSnapshot> = {};
    for (const p of PERSONAS) chats[String(p.user.id)] = this.chat(p);
    const channel = this.opts.channel ? this.chatById(this.opts.channel.id) : null;
    res.write(`id: ${this.emu.version}\nevent: snapshot\ndata: ${JSON.stringify({ version: this.emu.version, chats, channel, status: this.status })}\n\n`);
    this.clients.add(res);
    req.on("close", () => this.clients.delete(res));
  }

  // ---------------------------------------------------------------------------------------- routes

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://demo.local");
    const route = url.pathname;
    if (req.method === "GET" || req.method === "HEAD") {
      const asset = STATIC[route];
      if (asset) return this.serveStatic(res, asset);
      if (route === "/api/state") return sendJson(res, 200, this.state());
      if (route === "/api/chat") {
        const user = url.searchParams.get("user");
        if (user === CHANNEL_KEY && this.opts.channel) return sendJson(res, 200, this.chatById(this.opts.channel.id));
        return sendJson(res, 200, this.chat(personaOf(user)));
      }
      if (route === "/api/events") return this.openStream(req, res);
      if (route === "/api/commands") return sendJson(res, 200, { commands: this.emu.myCommands() ?? [] });
      if (route === "/api/contoh-acara.csv") return this.serveSampleCsv(res);
      if (route.startsWith("/api/files/")) return this.serveFile(res, decodeURIComponent(route.slice("/api/files/".length)), url.searchParams.has("download"));
      throw new HttpError(404, "Tidak ditemukan.");
    }
    if (req.method !== "POST") throw new HttpError(405, "Metode tidak didukung.");
    if (req.headers["x-demo"] !== "1") throw new HttpError(403, "Permintaan ditolak (header X-Demo tidak ada).");
    switch (route) {
      case "/api/send": {
        const body = await readJson(req);
        const persona = personaOf(body.user);
        const text = typeof body.text === "string" ? body.text.trim() : "";
        if (!text) throw new HttpError(400, "Pesan kosong.");
        if (text.length > 4096) throw new HttpError(400, "Pesan terlalu panjang (maksimal 4096 karakter).");
        let update;
        if (text.startsWith("/")) update = this.emu.sendCommand(persona.user, text);
        else {
          // **tebal**, __miring__, [teks](https://…) become entities, like Telegram's apps send them
          const typed = parseTyped(text);
          update = this.emu.sendText(persona.user, typed.text, typed.entities.length > 0 ? { extra: { entities: typed.entities } } : {});
        }
        return sendJson(res, 200, { ok: true, messageId: update.message?.message_id });
      }
      case "/api/click": {
        const body = await readJson(req);
        const persona = personaOf(body.user);
        const messageId = Number(body.messageId);
        if (!Number.isInteger(messageId) || typeof body.data !== "string") throw new HttpError(400, "messageId dan data wajib diisi.");
        let update;
        try {
          update = this.emu.clickButton(persona.user, messageId, body.data);
        } catch {
          throw new HttpError(409, "Tombol ini sudah tidak berlaku.");
        }
        return sendJson(res, 200, { ok: true, callbackQueryId: update.callback_query?.id });
      }
      case "/api/contact": {
        const body = await readJson(req);
        const persona = personaOf(body.user);
        const update = this.emu.shareContact(persona.user, { phone_number: persona.phone });
        return sendJson(res, 200, { ok: true, messageId: update.message?.message_id });
      }
      case "/api/location": {
        const body = await readJson(req);
        const persona = personaOf(body.user);
        const latitude = Number(body.latitude);
        const longitude = Number(body.longitude);
        if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) throw new HttpError(400, "Koordinat tidak valid.");
        const update = this.emu.sendLocation(persona.user, latitude, longitude);
        return sendJson(res, 200, { ok: true, messageId: update.message?.message_id });
      }
      case "/api/inline": {
        const body = await readJson(req);
        const persona = personaOf(body.user);
        const query = typeof body.query === "string" ? body.query.slice(0, 256) : "";
        const queryId = String(this.emu.sendInlineQuery(persona.user, query, { chatType: "private" }).inline_query?.id ?? "");
        const answer = await this.inlineAnswer(queryId);
        const results = (answer?.results ?? []).map((r) => ({ id: String(r.id ?? ""), title: String(r.title ?? ""), description: String(r.description ?? "") }));
        return sendJson(res, 200, { ok: true, queryId, results });
      }
      case "/api/inline/choose": {
        const body = await readJson(req);
        const persona = personaOf(body.user);
        if (typeof body.queryId !== "string" || typeof body.resultId !== "string") throw new HttpError(400, "queryId dan resultId wajib diisi.");
        let sent;
        try {
          // into the persona's own chat with the bot (the page shows no other chats of theirs)
          sent = this.emu.chooseInlineResult(persona.user, body.queryId, body.resultId, { id: persona.user.id, type: "private", first_name: persona.user.first_name });
        } catch {
          throw new HttpError(409, "Hasil ini sudah tidak berlaku. Ketik lagi.");
        }
        return sendJson(res, 200, { ok: true, messageId: sent.message_id });
      }
      case "/api/document": {
        const persona = personaOf(url.searchParams.get("user"));
        const name = (url.searchParams.get("name") ?? "").trim().slice(0, 200) || "berkas";
        const caption = (url.searchParams.get("caption") ?? "").trim().slice(0, 1024);
        const bytes = await readBody(req, MAX_UPLOAD);
        if (bytes.length === 0) throw new HttpError(400, "Berkas kosong.");
        const doc: { fileName: string; content: Buffer; caption?: string } = { fileName: name, content: bytes };
        if (caption) doc.caption = caption;
        const update = this.emu.sendDocument(persona.user, doc);
        return sendJson(res, 200, { ok: true, messageId: update.message?.message_id });
      }
      default:
        throw new HttpError(404, "Tidak ditemukan.");
    }
  }

  /** Waits until the bot answered this inline query (undefined when it never does). */
  private async inlineAnswer(queryId: string) {
    const deadline = Date.now() + INLINE_WAIT_MS;
    while (Date.now() < deadline) {
      const answer = this.emu.inlineAnswer(queryId);
      if (answer) return answer;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return undefined;
  }

  private state(): Json {
    return {
      bot: this.opts.bot,
      channel: this.opts.channel ? { key: CHANNEL_KEY, id: this.opts.channel.id, title: this.opts.channel.title, username: this.opts.channel.username ?? null } : null,
      status: this.status,
      version: this.emu.version,
      personas: PERSONAS.map((p) => ({ key: p.key, label: p.label, id: p.user.id, name: [p.user.first_name, p.user.last_name].filter(Boolean).join(" "), admin: p.admin })),
    };
  }

  private async serveStatic(res: ServerResponse, asset: { file: string; type: string }): Promise<void> {
    const body = await fs.readFile(path.join(PUBLIC_DIR, asset.file));
    res.writeHead(200, { "content-type": asset.type, "content-length": body.length, "cache-control": "no-cache" });
    res.end(body);
  }

  private serveSampleCsv(res: ServerResponse): void {
    const body = Buffer.from(sampleEventsCsv(this.now()), "utf8");
    res.writeHead(200, { "content-type": "text/csv; charset=utf-8", "content-length": body.length, "content-disposition": contentDisposition("attachment", "contoh-acara.csv") });
    res.end(body);
  }

  private serveFile(res: ServerResponse, fileId: string, download: boolean): void {
    let file;
    try {
      file = this.emu.getFile(fileId);
    } catch {
      throw new HttpError(404, "Berkas tidak ditemukan.");
    }
    // the emulator files every photo as image/jpeg; the bot's QR codes and charts are PNG
    const png = file.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const mimeType = png ? "image/png" : file.mimeType || "application/octet-stream";
    const inline = !download && /^image\/(png|jpeg|gif|webp)$/.test(mimeType);
    res.writeHead(200, {
      "content-type": mimeType,
      "content-length": file.bytes.length,
      "content-disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=3600",
    });
    res.end(file.bytes);
  }
}
