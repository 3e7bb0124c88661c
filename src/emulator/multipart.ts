/**
 * Request parameter parsing, the way the Bot API server accepts them: query string, JSON,
 * application/x-www-form-urlencoded and multipart/form-data (with file parts, referenced from other
 * fields as `attach://<name>` or sent directly under the parameter name).
 */
import type { IncomingMessage } from "node:http";
import busboy from "busboy";
import { ApiError, badRequest, type Json, type UploadedFile } from "./types.js";

/** Telegram accepts uploads up to 50 MB; anything beyond this is refused before parsing. */
export const MAX_BODY_BYTES = 60 * 1024 * 1024;

/** Parameters that carry JSON when sent as form fields or query strings. */
const JSON_KEYS = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "link_preview_options",
  "reply_parameters",
  "media",
  "allowed_updates",
  "commands",
  "scope",
  "menu_button",
  "results",
  "permissions",
  "rights",
  "options",
  "explanation_entities",
  "message_ids",
  "reaction",
  "prices",
  "input_message_content",
  "text_entities",
  "question_entities",
]);

/** Parameters that are numbers when they look like one. */
const NUMBER_KEYS = new Set([
  "chat_id",
  "from_chat_id",
  "message_id",
  "user_id",
  "offset",
  "limit",
  "timeout",
  "latitude",
  "longitude",
  "cache_time",
  "max_connections",
  "message_thread_id",
  "horizontal_accuracy",
  "live_period",
  "heading",
  "proximity_alert_radius",
  "width",
  "height",
  "duration",
  "until_date",
  "reply_to_message_id",
  "sender_chat_id",
  "direct_messages_topic_id",
]);

const BOOLEAN_KEYS = new Set([
  "show_alert",
  "disable_notification",
  "protect_content",
  "drop_pending_updates",
  "disable_web_page_preview",
  "disable_content_type_detection",
  "has_spoiler",
  "show_caption_above_media",
  "allow_sending_without_reply",
  "is_personal",
  "only_if_banned",
  "revoke_messages",
  "allow_paid_broadcast",
  "remove_caption",
  "supports_streaming",
]);

/** Reads the whole request body (bounded by {@link MAX_BODY_BYTES}). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, "Request Entity Too Large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

/** Decodes string-typed values the way the Bot API server does for form/query parameters. */
export function coerceParams(raw: Record<string, unknown>): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== "string") {
      out[key] = value;
      continue;
    }
    if (JSON_KEYS.has(key)) {
      const trimmed = value.trim();
      if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        try {
          out[key] = JSON.parse(trimmed);
        } catch {
          throw badRequest(key === "reply_markup" ? "can't parse reply keyboard markup JSON object" : `can't parse ${key} JSON object`);
        }
        continue;
      }
    }
    if (NUMBER_KEYS.has(key) && /^-?\d+(\.\d+)?$/.test(value.trim())) {
      out[key] = Number(value);
      continue;
    }
    if (BOOLEAN_KEYS.has(key) && (value === "true" || value === "false" || value === "1" || value === "0")) {
      out[key] = value === "true" || value === "1";
      continue;
    }
    out[key] = value;
  }
  return out;
}

export function parseQuery(search: string): Json {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(search)) raw[k] = v;
  return raw;
}

/**
 * grammY writes `filename=<name>` without quotes; busboy drops such parts when the name has spaces or
 * parentheses. Quote unquoted filenames in the part headers (not in file contents) before parsing.
 */
function quoteBareFilenames(body: Buffer, boundary: string): Buffer {
  const delimiter = Buffer.from(`--${boundary}`);
  const headerEnd = Buffer.from("\r\n\r\n");
  const pieces: Buffer[] = [];
  let last = 0;
  let changed = false;
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const headersStart = at + delimiter.length;
    const end = body.indexOf(headerEnd, headersStart);
    if (end === -1) break;
    const headers = body.toString("utf8", headersStart, end);
    if (/filename=[^"\s]/i.test(headers)) {
      const fixed = headers.replace(/filename=([^"\r\n][^\r\n;]*?)(\s*(?:;|\r\n|$))/gi, (_m, name: string, rest: string) => {
        return `filename="${name.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"${rest}`;
      });
      pieces.push(body.subarray(last, headersStart), Buffer.from(fixed, "utf8"));
      last = end;
      changed = true;
    }
    at = body.indexOf(delimiter, end + headerEnd.length);
  }
  if (!changed) return body;
  pieces.push(body.subarray(last));
  return Buffer.concat(pieces);
}

const EXT_MIME: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  bmp: "image/bmp",
  svg: "image/svg+xml",
  txt: "text/plain",
  csv: "text/csv",
  ics: "text/calendar",
  json: "application/json",
  html: "text/html",
  htm: "text/html",
  xml: "application/xml",
  zip: "application/zip",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  mp4: "video/mp4",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  dat: "application/octet-stream",
};

/** Like Telegram: the MIME type of a document comes from its file name, not from the part header. */
export function mimeFromName(fileName: string, fallback = "application/octet-stream"): string {
  const dot = fileName.lastIndexOf(".");
  if (dot === -1) return fallback;
  return EXT_MIME[fileName.slice(dot + 1).toLowerCase()] ?? fallback;
}

/** Parses a multipart body into fields (strings) and files (keyed by part name). */
export function parseMultipart(body: Buffer, contentType: string): Promise<{ fields: Record<string, string>; files: Map<string, UploadedFile> }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return Promise.reject(badRequest("invalid multipart/form-data: no boundary"));
  const prepared = quoteBareFilenames(body, b);
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files = new Map<string, UploadedFile>();
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: { "content-type": contentType },
        defParamCharset: "utf8",
        limits: { fileSize: MAX_BODY_BYTES, fieldSize: 10 * 1024 * 1024, fields: 1000, files: 100 },
      });
    } catch (err) {
      reject(badRequest(`invalid multipart/form-data: ${(err as Error).message}`));
      return;
    }
    bb.on("field", (name, value) => {
      fields[name] = value;
    });
    bb.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const bytes = Buffer.concat(chunks);
        const fileName = info.filename || name;
        const partType = info.mimeType && info.mimeType !== "application/octet-stream" ? info.mimeType : undefined;
        files.set(name, { kind: "upload", field: name, fileName, mimeType: partType ?? mimeFromName(fileName), size: bytes.length, bytes });
      });
    });
    bb.on("close", () => resolve({ fields, files }));
    bb.on("error", (err: Error) => reject(badRequest(`invalid multipart/form-data: ${err.message}`)));
    bb.end(prepared);
  });
}

/**
 * Replaces `attach://name` strings (anywhere in the parameters, e.g. inside `media` arrays) with the
 * uploaded file, and puts files sent directly under a parameter name (e.g. `document`) in place.
 */
export function resolveAttachments(params: Json, files: Map<string, UploadedFile>): Json {
  if (files.size === 0) return params;
  const used = new Set<string>();
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (value.startsWith("attach://")) {
        const name = value.slice("attach://".length);
        const file = files.get(name);
        if (!file) throw badRequest(`file attach://${name} not found in the request`);
        used.add(name);
        return file;
      }
      return value;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object" && !Buffer.isBuffer(value) && (value as { kind?: unknown }).kind !== "upload") {
      const out: Json = {};
      for (const [k, v] of Object.entries(value as Json)) out[k] = walk(v);
      return out;
    }
    return value;
  };
  const out = walk(params) as Json;
  for (const [name, file] of files) {
    if (!used.has(name) && out[name] === undefined) out[name] = file;
  }
  return out;
}

/** Parses the parameters of one Bot API request from its query string and body. */
export async function parseParams(req: IncomingMessage, search: string): Promise<Json> {
  const query = search.length > 1 ? parseQuery(search) : {};
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const contentType = String(req.headers["content-type"] ?? "").toLowerCase();
  if (!hasBody) return coerceParams(query);
  const body = await readBody(req);
  if (body.length === 0) return coerceParams(query);
  if (contentType.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON request body");
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw badRequest("JSON request body must be an object");
    // JSON bodies are already typed; only form-like string values (e.g. stringified reply_markup) are decoded.
    return coerceParams({ ...query, ...(parsed as Json) });
  }
  if (contentType.startsWith("multipart/form-data")) {
    const { fields, files } = await parseMultipart(body, String(req.headers["content-type"]));
    return resolveAttachments(coerceParams({ ...query, ...fields }), files);
  }
  // application/x-www-form-urlencoded (or anything else that looks like it)
  return coerceParams({ ...query, ...parseQuery(body.toString("utf8")) });
}
