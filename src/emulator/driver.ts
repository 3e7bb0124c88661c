/**
 * The driver: what tests use to play the users (write, send commands, press buttons, share a contact or a
 * location, send files, block the bot) and to shape the world around the bot (groups, channels, members,
 * raw updates).
 */
import type { Update } from "grammy/types";
import { nowSec } from "./core.js";
import { detectEntities } from "./entities.js";
import { botUserJson, documentJson, inlineMessageContent, memberJson, photoSizes } from "./methods/index.js";
import { mimeFromName } from "./multipart.js";
import { EmulatorObserver } from "./observer.js";
import { chatFromUser, toApiMessage, userToApi } from "./state.js";
import type { EmuChat, EmuMessage, EmuUser, Json, UserActionOptions } from "./types.js";

export abstract class EmulatorDriver extends EmulatorObserver {
  protected callbackCounter = 0;


  /** A user writes text (entities such as bot commands, mentions and URLs are detected like Telegram does). */
  sendText(user: EmuUser, text: string, opts: UserActionOptions = {}): Update {
    const entities = detectEntities(text);
    return this.userMessage(user, opts, entities.length > 0 ? { text, entities } : { text });
  }

  /** A user sends a command, e.g. "/start payload" (always with a bot_command entity at offset 0). */
  sendCommand(user: EmuUser, command: string, opts: UserActionOptions = {}): Update {
    const text = command.startsWith("/") ? command : `/${command}`;
    const cmdLength = text.split(/\s/, 1)[0]?.length ?? text.length;
    const entities = detectEntities(text).filter((e) => e.offset !== 0);
    entities.unshift({ type: "bot_command", offset: 0, length: cmdLength });
    return this.userMessage(user, opts, { text, entities });
  }

  /**
   * A user presses an inline button with this callback_data under a bot message. Throws if the message
   * is not there or has no such button (pass `force: true` to send any data anyway).
   */
  clickButton(user: EmuUser, messageId: number, callbackData: string, opts: { chat?: EmuChat; force?: boolean } = {}): Update {
    const u = this.rememberUser(user);
    const chatId = opts.chat?.id ?? u.id;
    const chat = this.store.get(chatId);
    const message = chat?.messages.get(messageId);
    if (!chat || !message) throw new Error(`clickButton: message ${messageId} not found in chat ${chatId}${chat ? `\n${this.describeChat(chatId)}` : ""}`);
    if (!opts.force) {
      const buttons = (message.reply_markup?.inline_keyboard ?? []).flat();
      if (!buttons.some((b) => "callback_data" in b && b.callback_data === callbackData)) {
        const available = buttons.map((b) => `${JSON.stringify(b.text)}=${"callback_data" in b ? JSON.stringify(b.callback_data) : "(no callback_data)"}`).join(", ");
        throw new Error(`clickButton: message ${messageId} in chat ${chatId} has no button with callback_data ${JSON.stringify(callbackData)}; buttons: ${available || "none"}`);
      }
    }
    this.unblockOnActivity(u);
    const id = `${u.id}${String(++this.callbackCounter).padStart(6, "0")}`;
    this.callbackQueries.set(id, { id, chatId, messageId, data: callbackData, at: Date.now() });
    return this.enqueue({
      callback_query: {
        id,
        from: userToApi(u),
        message: toApiMessage(message),
        chat_instance: String(Math.abs(chatId * 7919) % 2 ** 52),
        data: callbackData,
      },
    });
  }

  /** A user shares a phone number (what a `request_contact` keyboard button sends). */
  shareContact(user: EmuUser, contact: { phone_number: string; first_name?: string; last_name?: string; user_id?: number; vcard?: string }, opts: UserActionOptions = {}): Update {
    const c: Json = { phone_number: contact.phone_number, first_name: contact.first_name ?? user.first_name ?? `User ${user.id}` };
    const last = contact.last_name ?? (contact.first_name === undefined ? user.last_name : undefined);
    if (last) c.last_name = last;
    c.user_id = contact.user_id ?? user.id;
    if (contact.vcard) c.vcard = contact.vcard;
    return this.userMessage(user, opts, { contact: c });
  }

  /** A user sends a file; it is stored so the bot can getFile + download it. */
  sendDocument(user: EmuUser, doc: { fileName: string; mimeType?: string; content: Buffer | string; caption?: string }, opts: UserActionOptions = {}): Update {
    const bytes = typeof doc.content === "string" ? Buffer.from(doc.content, "utf8") : doc.content;
    const file = this.files.put({ bytes, fileName: doc.fileName, mimeType: doc.mimeType ?? mimeFromName(doc.fileName), kind: "document" });
    const fields: Json = { document: documentJson(file) };
    if (doc.caption) fields.caption = doc.caption;
    return this.userMessage(user, opts, fields);
  }

  /** A user sends a photo (PNG/JPEG/GIF/WebP bytes). */
  sendPhoto(user: EmuUser, photo: { content: Buffer; caption?: string; fileName?: string }, opts: UserActionOptions = {}): Update {
    const sizes = photoSizes(this.host, { kind: "upload", field: "photo", fileName: photo.fileName ?? "photo.jpg", mimeType: "image/jpeg", size: photo.content.length, bytes: photo.content });
    const fields: Json = { photo: sizes };
    if (photo.caption) fields.caption = photo.caption;
    return this.userMessage(user, opts, fields);
  }

  /** A user shares a location (what a `request_location` keyboard button sends, or the attachment menu). */
  sendLocation(user: EmuUser, latitude: number, longitude: number, opts: UserActionOptions & { horizontalAccuracy?: number; livePeriod?: number } = {}): Update {
    if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) throw new Error(`sendLocation: ${latitude},${longitude} is not a point on Earth`);
    const location: Json = { latitude, longitude };
    if (opts.horizontalAccuracy !== undefined) location.horizontal_accuracy = opts.horizontalAccuracy;
    if (opts.livePeriod !== undefined) location.live_period = opts.livePeriod;
    return this.userMessage(user, opts, { location });
  }

  /**
   * A user types `@bot <query>` in some chat (inline mode). Throws unless the emulator runs with
   * `inlineMode: true` (BotFather's /setinline): Telegram sends no inline queries to other bots.
   * The answer is in `inlineAnswer(update.inline_query.id)` once the bot called answerInlineQuery.
   */
  sendInlineQuery(user: EmuUser, query: string, opts: { offset?: string; chatType?: "sender" | "private" | "group" | "supergroup" | "channel"; location?: { latitude: number; longitude: number } } = {}): Update {
    if (!this.host.inlineMode) throw new Error("sendInlineQuery: inline mode is off; start the emulator with { inlineMode: true } (BotFather: /setinline)");
    if (query.length > 256) throw new Error("sendInlineQuery: Telegram limits inline queries to 256 characters");
    const u = this.rememberUser(user);
    const id = `${u.id}${String(++this.callbackCounter).padStart(6, "0")}`;
    this.inlineQueries.set(id, { id, userId: u.id, query, at: Date.now() });
    const inline: Json = { id, from: userToApi(u), query, offset: opts.offset ?? "" };
    if (opts.chatType) inline.chat_type = opts.chatType;
    if (opts.location) inline.location = opts.location;
    return this.enqueue({ inline_query: inline });
  }

  /**
   * The user taps one of the results the bot answered: the message it describes (text with entities,
   * location, venue or contact, with the result's inline keyboard) is sent by the user "via" the bot into
   * `chat` (any chat: a family group, a chat with a friend). The bot receives it only where it would see
   * it (its own private chat, a group it is in); with `feedback: true` (BotFather's /setinlinefeedback)
   * a chosen_inline_result update is queued too. Returns the message as it appears in that chat.
   */
  chooseInlineResult(user: EmuUser, inlineQueryId: string, resultId: string, chat: EmuChat, opts: { feedback?: boolean } = {}): EmuMessage {
    const query = this.inlineQueries.get(inlineQueryId);
    if (!query) throw new Error(`chooseInlineResult: no inline query ${inlineQueryId}`);
    if (!query.answer) throw new Error(`chooseInlineResult: the bot has not answered inline query ${inlineQueryId}`);
    const result = query.answer.results.find((r) => r.id === resultId);
    if (!result) throw new Error(`chooseInlineResult: no result ${JSON.stringify(resultId)}; results: ${query.answer.results.map((r) => JSON.stringify(r.id)).join(", ")}`);
    const u = this.rememberUser(user);
    const content = inlineMessageContent(this.host, result);
    const known = this.store.get(chat.id) !== undefined;
    const target = this.store.ensure(chat);
    // a group or channel first seen here is one the bot is not in
    if (!known && target.info.type !== "private") target.botStatus = "left";
    const channel = target.info.type === "channel";
    const msg = this.store.add(target, false, (id) => {
      const m: Json = { message_id: id };
      if (channel) m.sender_chat = target.toApi();
      else m.from = userToApi(u);
      m.chat = target.toApi();
      m.date = nowSec();
      Object.assign(m, content);
      m.via_bot = botUserJson(this.bot);
      if (result.reply_markup) m.reply_markup = result.reply_markup;
      return m;
    });
    const type = target.info.type;
    const botSees = type === "private" ? target.info.id === u.id : target.botStatus === "member" || target.botStatus === "administrator";
    if (botSees) this.enqueue({ [channel ? "channel_post" : "message"]: toApiMessage(msg) });
    if (opts.feedback) {
      const chosen: Json = { result_id: resultId, from: userToApi(u), query: query.query };
      this.enqueue({ chosen_inline_result: chosen });
    }
    return msg;
  }

  /**
   * Someone (`by`, an owner of the chat) changes the bot's status in a group or channel: "administrator"
   * (made admin: in a channel it can post then), "member", "left" (removed) or "kicked" (banned). The chat
   * is created if needed and a my_chat_member update is queued; returns it (undefined if nothing changed).
   */
  setBotStatus(chat: EmuChat, status: "administrator" | "member" | "left" | "kicked", by: EmuUser): Update | undefined {
    if (chat.type === "private") throw new Error("setBotStatus: use setBlocked for private chats");
    if (chat.type === "channel" && status === "member") throw new Error("setBotStatus: a bot can only be an administrator of a channel");
    const existing = this.store.get(chat.id);
    const old = existing ? existing.botStatus : "left";
    const state = this.store.ensure(chat);
    state.botStatus = status;
    if (old === status) return undefined;
    const u = this.rememberUser(by);
    state.members.set(u.id, state.members.get(u.id) ?? "creator");
    const botUser = botUserJson(this.bot);
    return this.enqueue({
      my_chat_member: {
        chat: state.toApi(),
        from: userToApi(u),
        date: nowSec(),
        old_chat_member: memberJson(old, botUser, state.info.type),
        new_chat_member: memberJson(status, botUser, state.info.type),
      },
    });
  }

  /** `by` makes the bot an administrator of a group or channel (my_chat_member update). */
  makeBotAdmin(chat: EmuChat, by: EmuUser): Update | undefined {
    return this.setBotStatus(chat, "administrator", by);
  }

  /** `by` removes the bot from a group or channel (my_chat_member update with status "left"). */
  removeBot(chat: EmuChat, by: EmuUser): Update | undefined {
    return this.setBotStatus(chat, "left", by);
  }

  /**
   * The user blocks (true) or unblocks (false) the bot: sends to them answer 403 while blocked, and a
   * my_chat_member update (kicked / member) is queued. Returns that update (undefined if nothing changed).
   * A blocked user who writes or clicks again unblocks the bot first ("Restart" in the app).
   */
  setBlocked(userId: number, blocked: boolean): Update | undefined {
    if (this.blocked.has(userId) === blocked) return undefined;
    if (blocked) this.blocked.add(userId);
    else this.blocked.delete(userId);
    const user = this.users.get(userId) ?? { id: userId, first_name: `User ${userId}` };
    const chat = this.store.ensure(chatFromUser(user));
    const botUser = botUserJson(this.bot);
    return this.enqueue({
      my_chat_member: {
        chat: chat.toApi(),
        from: userToApi(user),
        date: nowSec(),
        old_chat_member: memberJson(blocked ? "member" : "kicked", botUser),
        new_chat_member: memberJson(blocked ? "kicked" : "member", botUser),
      },
    });
  }

  isBlocked(userId: number): boolean {
    return this.blocked.has(userId);
  }

  /** The user deleted their account: every call into their chat answers 403 "Forbidden: user is deactivated". */
  setDeactivated(userId: number, deactivated = true): void {
    if (deactivated) this.deactivated.add(userId);
    else this.deactivated.delete(userId);
  }

  /** Sets a user's status in a group (what getChatMember answers). */
  setChatMember(chatId: number, userId: number, status: "creator" | "administrator" | "member" | "restricted" | "left" | "kicked"): void {
    const chat = this.store.get(chatId);
    if (!chat) throw new Error(`setChatMember: unknown chat ${chatId}`);
    chat.members.set(userId, status);
  }

  /** Registers a group/channel (and optionally the bot's status in it) without any message. */
  addChat(chat: EmuChat, botStatus: "member" | "administrator" | "left" | "kicked" = "member"): void {
    this.store.ensure(chat).botStatus = botStatus;
  }

  /** Queues any update (edited_message, channel_post, unknown types…); update_id is always assigned here. */
  injectUpdate(raw: Json): Update {
    const { update_id: _ignored, ...rest } = raw;
    const query = rest.callback_query as Json | undefined;
    if (query && typeof query.id === "string" && !this.callbackQueries.has(query.id)) {
      // so the bot's answerCallbackQuery for an injected query succeeds
      const message = query.message as Json | undefined;
      const chatId = (message?.chat as Json | undefined)?.id;
      this.callbackQueries.set(query.id, {
        id: query.id,
        chatId: typeof chatId === "number" ? chatId : undefined,
        messageId: typeof message?.message_id === "number" ? message.message_id : undefined,
        data: typeof query.data === "string" ? query.data : undefined,
        at: Date.now(),
      });
    }
    return this.enqueue(rest);
  }

  /** Writing to the bot again after blocking it ("Restart") unblocks it, with the my_chat_member update first. */
  protected unblockOnActivity(user: EmuUser): void {
    if (this.blocked.has(user.id)) this.setBlocked(user.id, false);
  }

  protected userMessage(user: EmuUser, opts: UserActionOptions, fields: Json): Update {
    const u = this.rememberUser(user);
    const info = opts.chat ?? chatFromUser(u);
    if (info.type === "private") this.unblockOnActivity(u);
    const chat = this.store.ensure(info);
    const channel = chat.info.type === "channel";
    if (!channel && chat.info.type !== "private" && !chat.members.has(u.id)) chat.members.set(u.id, "member");
    let reply: Json | undefined;
    if (opts.replyTo !== undefined) {
      const target = chat.messages.get(opts.replyTo);
      if (!target) throw new Error(`reply to message ${opts.replyTo}: not found in chat ${chat.info.id}`);
      reply = toApiMessage(target);
      delete reply.reply_to_message;
    }
    const msg = this.store.add(chat, false, (id) => {
      const m: Json = { message_id: id };
      if (channel) m.sender_chat = chat.toApi();
      else m.from = userToApi(u);
      m.chat = chat.toApi();
      m.date = nowSec();
      if (reply) m.reply_to_message = reply;
      return Object.assign(m, fields, opts.extra ?? {});
    });
    return this.enqueue({ [channel ? "channel_post" : "message"]: toApiMessage(msg) });
  }
}
