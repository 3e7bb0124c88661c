/**
 * Methods that send a message: text, documents, photos, albums, locations, venues, contacts, copies and
 * forwards, plus the chat action.
 */
import type { Formatted } from "../entities.js";
import { toApiMessage, type ChatState } from "../state.js";
import { badRequest, type EmuMessage, type Json } from "../types.js";
import { bool, chatRef, findChat, int, num, str, targetChat, type ApiHost, type Handler } from "./host.js";
import { documentJson, resolveDocument, resolvePhoto } from "./media.js";
import { MAX_CAPTION, baseMessage, caption, checkTextLength, format, linkPreview, replyMarkup, replyTarget, sendWith, withText } from "./outgoing.js";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const COPYABLE = ["text", "entities", "link_preview_options", "caption", "caption_entities", "document", "photo", "venue", "location", "contact", "sticker", "video", "audio", "voice", "animation", "video_note", "dice", "poll"];

function sourceMessage(h: ApiHost, p: Json, what: "copy" | "forward"): EmuMessage {
  const from = findChat(h, chatRef(p, "from_chat_id"));
  const id = int(p, "message_id");
  const source = from && id !== undefined ? from.messages.get(id) : undefined;
  if (!source) throw badRequest(`message to ${what} not found`);
  if (!COPYABLE.some((k) => (source as unknown as Json)[k] !== undefined)) throw badRequest(`message can't be ${what === "copy" ? "copied" : "forwarded"}`);
  return source;
}

function pickContent(source: EmuMessage): Json {
  const out: Json = {};
  for (const k of COPYABLE) {
    const v = (source as unknown as Json)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function locationOf(p: Json): Json {
  const latitude = num(p, "latitude");
  const longitude = num(p, "longitude");
  if (latitude === undefined || longitude === undefined) throw badRequest("latitude and longitude must be specified");
  if (latitude < -90 || latitude > 90) throw badRequest("wrong latitude specified");
  if (longitude < -180 || longitude > 180) throw badRequest("wrong longitude specified");
  const location: Json = { latitude, longitude };
  const acc = num(p, "horizontal_accuracy");
  if (acc !== undefined) location.horizontal_accuracy = acc;
  return location;
}

export const messageMethods: Record<string, Handler> = {
  sendMessage: (h, p, bot) => {
    const chat = targetChat(h, p);
    const f = format(h, p, "text", "entities", true) as Formatted;
    checkTextLength(f);
    const markup = replyMarkup(chat, p.reply_markup);
    const reply = replyTarget(h, chat, p);
    const preview = linkPreview(p);
    const msg = h.store.add(chat, true, (id) => {
      const m = baseMessage(h, chat, bot, id, p, reply);
      withText(m, f, "text");
      if (preview) m.link_preview_options = preview;
      if (markup.inline) m.reply_markup = markup.inline;
      return m;
    });
    markup.apply();
    return toApiMessage(msg);
  },

  sendDocument: (h, p, bot) => {
    const f = caption(h, p);
    const msg = sendWith(h, p, bot, () => {
      const file = resolveDocument(h, p.document, "document");
      const m: Json = { document: documentJson(file) };
      if (f) withText(m, f, "caption");
      return m;
    });
    return toApiMessage(msg);
  },

  sendPhoto: (h, p, bot) => {
    const f = caption(h, p);
    const msg = sendWith(h, p, bot, () => {
      const m: Json = { photo: resolvePhoto(h, p.photo) };
      if (f) withText(m, f, "caption");
      if (bool(p, "has_spoiler")) m.has_media_spoiler = true;
      return m;
    });
    return toApiMessage(msg);
  },

  sendMediaGroup: (h, p, bot) => {
    const chat = targetChat(h, p);
    const media = p.media;
    if (!Array.isArray(media) || media.length < 2 || media.length > 10) throw badRequest("wrong number of media specified (must be 2-10)");
    const types = new Set(media.map((m) => (m as Json).type));
    if (types.has("document") && types.size > 1) throw badRequest("documents can't be mixed with other media types");
    const contents = media.map((raw) => {
      const item = raw as Json;
      const f = format(h, { ...item, caption: item.caption, parse_mode: item.parse_mode }, "caption", "caption_entities", false);
      if (f && f.text.length > MAX_CAPTION) throw badRequest("message caption is too long");
      const m: Json = {};
      if (item.type === "photo") m.photo = resolvePhoto(h, item.media);
      else if (item.type === "document") m.document = documentJson(resolveDocument(h, item.media, "document"));
      else throw badRequest(`unsupported media type "${String(item.type)}" in the emulator`);
      if (f) withText(m, f, "caption");
      return m;
    });
    const reply = replyTarget(h, chat, p);
    const groupId = String(Math.floor(h.random() * 1e15) + 1e15);
    return contents.map((content) =>
      toApiMessage(
        h.store.add(chat, true, (id) => {
          const m = baseMessage(h, chat, bot, id, p, reply);
          m.media_group_id = groupId;
          return Object.assign(m, content);
        }),
      ),
    );
  },

  sendLocation: (h, p, bot) => {
    const location = locationOf(p);
    const live = int(p, "live_period");
    if (live !== undefined) location.live_period = live;
    return toApiMessage(sendWith(h, p, bot, () => ({ location })));
  },

  sendVenue: (h, p, bot) => {
    const location = locationOf(p);
    const title = str(p, "title");
    const address = str(p, "address");
    if (!title) throw badRequest("venue title is empty");
    if (!address) throw badRequest("venue address is empty");
    const venue: Json = { location, title, address };
    for (const k of ["foursquare_id", "foursquare_type", "google_place_id", "google_place_type"]) if (p[k] !== undefined) venue[k] = p[k];
    return toApiMessage(sendWith(h, p, bot, () => ({ venue, location })));
  },

  sendContact: (h, p, bot) => {
    const phone = str(p, "phone_number");
    const first = str(p, "first_name");
    if (!phone) throw badRequest("phone number is empty");
    if (!first) throw badRequest("first name is empty");
    const contact: Json = { phone_number: phone, first_name: first };
    const last = str(p, "last_name");
    if (last) contact.last_name = last;
    return toApiMessage(sendWith(h, p, bot, () => ({ contact })));
  },

  sendChatAction: (h, p) => {
    const chat = targetChat(h, p);
    const action = str(p, "action");
    if (!action || !CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
    chat.lastChatAction = { action, at: Date.now() };
    return true;
  },

  copyMessage: (h, p, bot) => {
    const source = sourceMessage(h, p, "copy");
    const content = pickContent(source);
    if (p.caption !== undefined && (content.caption !== undefined || content.document || content.photo)) {
      const f = caption(h, p);
      delete content.caption;
      delete content.caption_entities;
      if (f) withText(content, f, "caption");
    }
    if (bool(p, "remove_caption")) {
      delete content.caption;
      delete content.caption_entities;
    }
    const msg = sendWith(h, p, bot, () => content);
    return { message_id: msg.message_id };
  },

  forwardMessage: (h, p, bot) => {
    const source = sourceMessage(h, p, "forward");
    const content = pickContent(source);
    const from = findChat(h, chatRef(p, "from_chat_id")) as ChatState;
    const origin: Json =
      from.info.type === "channel"
        ? { type: "channel", chat: from.toApi(), message_id: source.message_id, date: source.date }
        : source.from
          ? { type: "user", sender_user: source.from, date: source.date }
          : { type: "hidden_user", sender_user_name: "Unknown", date: source.date };
    const msg = sendWith(h, p, bot, () => ({ forward_origin: source.forward_origin ?? origin, ...content }), "__none");
    return toApiMessage(msg);
  },
};
