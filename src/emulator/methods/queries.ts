/**
 * Answers to queries the users' actions raised: callback queries (inline buttons) and inline queries
 * (`@bot text` typed in any chat), with Telegram's checks on the results.
 */
import { formatText } from "../entities.js";
import { badRequest, type CallbackAnswer, type InlineAnswer, type Json } from "../types.js";
import { bool, int, str, type ApiHost, type Handler } from "./host.js";
import { MAX_TEXT, validateInlineKeyboard } from "./outgoing.js";

const RESULT_TYPES = new Set(["article", "photo", "gif", "mpeg4_gif", "video", "audio", "voice", "document", "location", "venue", "contact", "game", "sticker"]);
const INVALID_QUERY = "query is too old and response timeout expired or query ID is invalid";

/**
 * The message a chosen inline result puts into the chat: its input_message_content (text, location,
 * venue or contact), or for location/venue/contact results without one, the result itself.
 */
export function inlineMessageContent(h: ApiHost, result: Json): Json {
  const content = result.input_message_content as Json | undefined;
  if (content && typeof content === "object") {
    if (typeof content.message_text === "string") {
      const f = formatText(content.message_text, content.parse_mode, content.entities, { strictAmpersand: h.strictAmpersand });
      if (f.text === "") throw badRequest("MESSAGE_EMPTY");
      if (f.text.length > MAX_TEXT) throw badRequest("MESSAGE_TOO_LONG");
      const m: Json = { text: f.text };
      if (f.entities.length > 0) m.entities = f.entities;
      if (content.link_preview_options && typeof content.link_preview_options === "object") m.link_preview_options = content.link_preview_options;
      return m;
    }
    if (typeof content.latitude === "number" && typeof content.longitude === "number") {
      const location = { latitude: content.latitude, longitude: content.longitude };
      if (typeof content.title === "string" && typeof content.address === "string") {
        return { venue: { location, title: content.title, address: content.address }, location };
      }
      return { location };
    }
    if (typeof content.phone_number === "string" && typeof content.first_name === "string") {
      return { contact: { phone_number: content.phone_number, first_name: content.first_name } };
    }
    throw badRequest("can't parse input message content");
  }
  switch (result.type) {
    case "location":
      return { location: { latitude: result.latitude, longitude: result.longitude } };
    case "venue": {
      const location = { latitude: result.latitude, longitude: result.longitude };
      return { venue: { location, title: result.title, address: result.address }, location };
    }
    case "contact":
      return { contact: { phone_number: result.phone_number, first_name: result.first_name } };
    default:
      throw badRequest("emulator: only results with input_message_content, location, venue and contact results can be sent");
  }
}

function checkResult(h: ApiHost, raw: unknown, seen: Set<string>): Json {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw badRequest("can't parse inline query results JSON object");
  const r = raw as Json;
  if (typeof r.type !== "string" || !RESULT_TYPES.has(r.type)) throw badRequest("RESULT_TYPE_INVALID");
  const id = r.id;
  if (typeof id !== "string" || id === "" || Buffer.byteLength(id, "utf8") > 64) throw badRequest("RESULT_ID_INVALID");
  if (seen.has(id)) throw badRequest("RESULT_ID_DUPLICATE");
  seen.add(id);
  if (r.type === "article") {
    if (typeof r.title !== "string" || r.title.trim() === "") throw badRequest("RESULT_TITLE_EMPTY");
    if (!r.input_message_content) throw badRequest("MESSAGE_EMPTY");
  }
  if (r.type === "location" || r.type === "venue") {
    const { latitude, longitude } = r;
    if (typeof latitude !== "number" || typeof longitude !== "number" || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) throw badRequest("GEO_POINT_INVALID");
  }
  if (r.input_message_content !== undefined || ["location", "venue", "contact"].includes(r.type)) inlineMessageContent(h, r);
  if (r.reply_markup !== undefined) {
    const markup = r.reply_markup as Json;
    if (!markup || typeof markup !== "object" || markup.inline_keyboard === undefined) throw badRequest("REPLY_MARKUP_INVALID");
    validateInlineKeyboard(markup);
  }
  return r;
}

export const queryMethods: Record<string, Handler> = {
  answerCallbackQuery: (h, p) => {
    const id = str(p, "callback_query_id");
    const query = id === undefined ? undefined : h.callbackQueries.get(id);
    if (!query || query.answer) throw badRequest(INVALID_QUERY);
    const text = str(p, "text");
    if (text !== undefined && text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
    const answer: CallbackAnswer = { callbackQueryId: query.id, showAlert: bool(p, "show_alert"), at: Date.now() };
    if (text !== undefined) answer.text = text;
    const url = str(p, "url");
    if (url !== undefined) answer.url = url;
    const cache = int(p, "cache_time");
    if (cache !== undefined) answer.cacheTime = cache;
    if (query.chatId !== undefined) answer.chatId = query.chatId;
    if (query.messageId !== undefined) answer.messageId = query.messageId;
    if (query.data !== undefined) answer.data = query.data;
    query.answer = answer;
    h.onCallbackAnswer(answer);
    return true;
  },

  answerInlineQuery: (h, p) => {
    const id = str(p, "inline_query_id");
    const query = id === undefined ? undefined : h.inlineQueries.get(id);
    if (!query || query.answer) throw badRequest(INVALID_QUERY);
    const raw = p.results;
    if (!Array.isArray(raw)) throw badRequest("can't parse inline query results JSON object");
    if (raw.length > 50) throw badRequest("RESULTS_TOO_MUCH");
    const seen = new Set<string>();
    const results = raw.map((r) => checkResult(h, r, seen));
    const answer: InlineAnswer = { inlineQueryId: query.id, userId: query.userId, query: query.query, results, isPersonal: bool(p, "is_personal"), at: Date.now() };
    const cache = int(p, "cache_time");
    if (cache !== undefined) answer.cacheTime = cache;
    const next = str(p, "next_offset");
    if (next !== undefined && next !== "") {
      if (Buffer.byteLength(next, "utf8") > 64) throw badRequest("NEXT_OFFSET_INVALID");
      answer.nextOffset = next;
    }
    if (p.button !== undefined) {
      const button = p.button as Json;
      if (!button || typeof button.text !== "string" || button.text === "") throw badRequest("BUTTON_TEXT_INVALID");
      const start = button.start_parameter;
      if (start !== undefined && (typeof start !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(start))) throw badRequest("START_PARAM_INVALID");
      answer.button = button;
    }
    query.answer = answer;
    return true;
  },
};
