/**
 * Editing and deleting the bot's messages. An edit that changes nothing is refused like Telegram does
 * ("message is not modified").
 */
import type { Formatted } from "../entities.js";
import { toApiMessage, type ChatState } from "../state.js";
import { badRequest, type EmuMessage, type Json } from "../types.js";
import { assertCanWrite, chatRef, findChat, int, now, type ApiHost, type Handler } from "./host.js";
import { caption, checkTextLength, format, linkPreview, replyMarkup } from "./outgoing.js";

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

function editableMessage(h: ApiHost, p: Json): { chat: ChatState; message: EmuMessage } {
  if (p.inline_message_id !== undefined && p.chat_id === undefined) throw badRequest("MESSAGE_ID_INVALID");
  const chat = findChat(h, chatRef(p));
  if (!chat) throw badRequest("chat not found");
  assertCanWrite(h, chat);
  const id = int(p, "message_id");
  if (id === undefined) throw badRequest("message identifier is not specified");
  const message = chat.messages.get(id);
  if (!message) throw badRequest("message to edit not found");
  if (!chat.botMessageIds.has(id)) throw badRequest("message can't be edited");
  return { chat, message };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function entitiesOf(f: Formatted | undefined): unknown {
  return f && f.entities.length > 0 ? f.entities : undefined;
}

function applyEdit(h: ApiHost, chat: ChatState, message: EmuMessage, changes: Json, inline: Json | undefined): Json {
  const next: Json = { ...toApiMessage(message), ...changes, edit_date: now() };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete next[k];
  if (inline) next.reply_markup = inline;
  else delete next.reply_markup;
  // keep a stable key order: edit_date right after date
  return toApiMessage(h.store.replace(chat, message.message_id, next));
}

export const editMethods: Record<string, Handler> = {
  editMessageText: (h, p) => {
    const { chat, message } = editableMessage(h, p);
    if (message.text === undefined) throw badRequest("there is no text in the message to edit");
    const f = format(h, p, "text", "entities", true) as Formatted;
    checkTextLength(f);
    const inline = replyMarkup(chat, p.reply_markup).inline;
    if (f.text === message.text && sameJson(entitiesOf(f), message.entities) && sameJson(inline, message.reply_markup)) {
      throw badRequest(NOT_MODIFIED);
    }
    const preview = linkPreview(p);
    return applyEdit(h, chat, message, { text: f.text, entities: entitiesOf(f), ...(preview ? { link_preview_options: preview } : {}) }, inline);
  },

  editMessageCaption: (h, p) => {
    const { chat, message } = editableMessage(h, p);
    const media = ["document", "photo", "video", "audio", "animation", "voice"].some((k) => (message as unknown as Json)[k] !== undefined);
    if (!media) throw badRequest("there is no caption in the message to edit");
    const f = caption(h, p);
    const inline = replyMarkup(chat, p.reply_markup).inline;
    if ((f?.text ?? undefined) === message.caption && sameJson(entitiesOf(f), message.caption_entities) && sameJson(inline, message.reply_markup)) {
      throw badRequest(NOT_MODIFIED);
    }
    return applyEdit(h, chat, message, { caption: f?.text, caption_entities: entitiesOf(f) }, inline);
  },

  editMessageReplyMarkup: (h, p) => {
    const { chat, message } = editableMessage(h, p);
    const inline = replyMarkup(chat, p.reply_markup).inline;
    if (sameJson(inline, message.reply_markup)) throw badRequest(NOT_MODIFIED);
    return applyEdit(h, chat, message, {}, inline);
  },

  deleteMessage: (h, p) => {
    const chat = findChat(h, chatRef(p));
    const id = int(p, "message_id");
    if (id === undefined) throw badRequest("message identifier is not specified");
    if (!chat || !h.store.remove(chat, id)) throw badRequest("message to delete not found");
    return true;
  },

  deleteMessages: (h, p) => {
    const chat = findChat(h, chatRef(p));
    const ids = p.message_ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) throw badRequest("message identifiers are not specified");
    if (chat) for (const id of ids) h.store.remove(chat, Number(id));
    return true;
  },
};
