/**
 * One simulated Telegram user talking to the bot through the emulator.
 *
 *   const u = new TestUser(emu, { first_name: "Siti" });
 *   await u.send("/start");
 *   const welcome = await u.reply();          // first bot message (or edit) after the action
 *   await u.click("Cek kelayakan");           // presses the inline button with that label
 *   const next = await u.reply();             // first bot message/edit caused by the click
 *
 * Every action moves a cursor to "now"; `reply()` returns the first bot message or edit after the
 * cursor and moves the cursor past it, so consecutive `reply()` calls walk through the bot's answers.
 */
import type { Update } from "grammy/types";
import type { CallbackAnswer, EmuChat, EmuMessage, EmuUser, Emulator, EmulatorEvent, Json } from "./emulator.js";

export interface TestUserOptions {
  /** Default timeout of every wait (default 5000 ms). */
  timeoutMs?: number;
  /** Act in this group/channel instead of the private chat. */
  chat?: EmuChat;
  /** A bot process whose output is appended to timeout errors. */
  process?: { output(): string };
}

export type MessageMatch = string | RegExp | ((m: EmuMessage) => boolean);

export interface ClickResult {
  /** callback_query id (undefined for URL buttons). */
  queryId?: string;
  data?: string;
  /** Set for URL buttons: nothing is sent to the bot. */
  url?: string;
  /** What the bot did first: sent/edited a message, or answered the callback query. */
  reaction?: "message" | "answer";
  message?: EmuMessage;
  answer?: CallbackAnswer;
}

type InlineButton = { text: string } & Json;

let nextUserId = 710_000_001;

function textOf(m: EmuMessage): string {
  return m.text ?? m.caption ?? "";
}

function matcher(match: MessageMatch | undefined): ((m: EmuMessage) => boolean) | undefined {
  if (match === undefined) return undefined;
  if (typeof match === "function") return match;
  if (typeof match === "string") return (m) => textOf(m).includes(match);
  return (m) => match.test(textOf(m));
}

function normalize(label: string): string {
  return label.trim().toLowerCase();
}

export class TestUser {
  readonly user: EmuUser;
  readonly chatId: number;
  private cursor: number;
  private readonly timeoutMs: number;
  private readonly chat: EmuChat | undefined;
  private readonly proc: { output(): string } | undefined;

  constructor(
    readonly emu: Emulator,
    user: Partial<EmuUser> = {},
    options: TestUserOptions = {},
  ) {
    this.user = { id: user.id ?? nextUserId++, first_name: "Budi", language_code: "id", ...user };
    this.chat = options.chat;
    this.chatId = options.chat?.id ?? this.user.id;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.proc = options.process;
    this.cursor = emu.version;
  }

  get id(): number {
    return this.user.id;
  }

  /** Only bot messages after this point count for the next `reply()`. */
  mark(): void {
    this.cursor = this.emu.version;
  }

  // ------------------------------------------------------------------------------------------ acting

  /** Sends text; text starting with "/" is sent as a command (bot_command entity). */
  async send(text: string): Promise<Update> {
    this.mark();
    const opts = this.chat ? { chat: this.chat } : {};
    return text.startsWith("/") ? this.emu.sendCommand(this.user, text, opts) : this.emu.sendText(this.user, text, opts);
  }

  /** Shares the phone number (what a request_contact button does). */
  async shareContact(phoneNumber = "+6281234567890"): Promise<Update> {
    this.mark();
    return this.emu.shareContact(this.user, { phone_number: phoneNumber }, this.chat ? { chat: this.chat } : {});
  }

  async sendFile(file: { fileName: string; content: Buffer | string; mimeType?: string; caption?: string }): Promise<Update> {
    this.mark();
    return this.emu.sendDocument(this.user, file, this.chat ? { chat: this.chat } : {});
  }

  async sendPhoto(content: Buffer, caption?: string): Promise<Update> {
    this.mark();
    return this.emu.sendPhoto(this.user, caption === undefined ? { content } : { content, caption }, this.chat ? { chat: this.chat } : {});
  }

  async sendLocation(latitude: number, longitude: number): Promise<Update> {
    this.mark();
    return this.emu.sendLocation(this.user, latitude, longitude, this.chat ? { chat: this.chat } : {});
  }

  /** Taps a button of the reply keyboard the bot shows (contact/location buttons share those). */
  async tapKeyboard(label: string): Promise<Update> {
    const keyboard = this.emu.chat(this.chatId)?.replyKeyboard;
    const buttons = ((keyboard?.keyboard as unknown[][] | undefined) ?? []).flat().map((b) => (typeof b === "string" ? { text: b } : (b as InlineButton)));
    const button = this.pick(buttons, label, "reply keyboard");
    if (button.request_contact) return this.shareContact();
    if (button.request_location) return this.sendLocation(-6.2, 106.816666);
    return this.send(button.text);
  }

  /**
   * Presses the inline button with this label (exact, else case-insensitive, else a unique partial
   * match) in the newest bot message that has an inline keyboard (or in `messageId`), then waits for
   * the bot's first reaction: a new message, an edit, or answerCallbackQuery. The cursor stays before
   * the click, so `reply()` afterwards returns the first message/edit the click caused.
   */
  async click(label: string, options: { messageId?: number; timeoutMs?: number } = {}): Promise<ClickResult> {
    const message = options.messageId !== undefined ? this.emu.messages(this.chatId).find((m) => m.message_id === options.messageId) : this.latestKeyboardMessage();
    if (!message) throw new Error(`click(${JSON.stringify(label)}): no bot message with an inline keyboard${this.context()}`);
    const buttons = (message.reply_markup?.inline_keyboard ?? []).flat() as unknown as InlineButton[];
    const button = this.pick(buttons, label, `message #${message.message_id}`);
    if (typeof button.url === "string") return { url: button.url };
    if (typeof button.callback_data !== "string") throw new Error(`click(${JSON.stringify(label)}): the button has neither callback_data nor url: ${JSON.stringify(button)}`);
    this.mark();
    const after = this.cursor;
    const update = this.emu.clickButton(this.user, message.message_id, button.callback_data, this.chat ? { chat: this.chat } : {});
    const queryId = update.callback_query?.id as string;
    const event = await this.wait(
      (e) =>
        (e.type === "message" && e.event.chatId === this.chatId && e.event.fromBot && e.event.version > after && e.event.kind !== "delete") ||
        (e.type === "call" && e.call.method === "answerCallbackQuery" && e.call.ok && e.call.params.callback_query_id === queryId),
      options.timeoutMs,
      `click(${JSON.stringify(label)})`,
    );
    const result: ClickResult = { queryId, data: button.callback_data };
    if (event.type === "message") {
      result.reaction = "message";
      result.message = event.event.message;
    } else {
      result.reaction = "answer";
      const answer = this.emu.callbackAnswer(queryId);
      if (answer) result.answer = answer;
    }
    return result;
  }

  // ----------------------------------------------------------------------------------------- reading

  /**
   * The first bot message or edit after the cursor (optionally the first matching `match`: substring,
   * RegExp or predicate); moves the cursor past it.
   */
  async reply(match?: MessageMatch, options: { timeoutMs?: number } = {}): Promise<EmuMessage> {
    try {
      const m = await this.emu.waitForMessage(this.chatId, matcher(match), { after: this.cursor, timeoutMs: options.timeoutMs ?? this.timeoutMs });
      this.cursor = m.version;
      return m;
    } catch (err) {
      throw new Error(`${(err as Error).message}${this.processOutput()}`);
    }
  }

  /** The next `count` bot messages/edits, in order. */
  async replies(count: number, options: { timeoutMs?: number } = {}): Promise<EmuMessage[]> {
    const out: EmuMessage[] = [];
    for (let i = 0; i < count; i++) out.push(await this.reply(undefined, options));
    return out;
  }

  /** Waits `ms` and fails if the bot sent or edited anything in the chat after the cursor. */
  async expectNoReply(ms = 300): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
    const late = this.emu.events(this.chatId, this.cursor).filter((e) => e.fromBot && e.kind !== "delete");
    if (late.length > 0) throw new Error(`expected no reply, but the bot sent: ${late.map((e) => JSON.stringify(textOf(e.message))).join(", ")}`);
  }

  /** Labels of the newest inline keyboard in the chat, flattened ([] if there is none). */
  keyboardLabels(): string[] {
    return this.keyboard().flat();
  }

  /** Rows of labels of the newest inline keyboard in the chat. */
  keyboard(): string[][] {
    const m = this.latestKeyboardMessage();
    return (m?.reply_markup?.inline_keyboard ?? []).map((row) => row.map((b) => b.text));
  }

  /** Labels of the reply keyboard the user currently sees ([] if none). */
  replyKeyboardLabels(): string[] {
    const keyboard = this.emu.chat(this.chatId)?.replyKeyboard;
    return ((keyboard?.keyboard as unknown[][] | undefined) ?? []).flat().map((b) => (typeof b === "string" ? b : String((b as Json).text)));
  }

  /** The bot's messages in this chat (current state). */
  messages(): EmuMessage[] {
    return this.emu.messages(this.chatId);
  }

  /** Every message in this chat, this user's included. */
  history(): EmuMessage[] {
    return this.emu.history(this.chatId);
  }

  lastMessage(): EmuMessage | undefined {
    return this.emu.lastMessage(this.chatId);
  }

  block(): void {
    this.emu.setBlocked(this.id, true);
  }

  unblock(): void {
    this.emu.setBlocked(this.id, false);
  }

  // ---------------------------------------------------------------------------------------- internal

  private latestKeyboardMessage(): EmuMessage | undefined {
    const all = this.emu.messages(this.chatId);
    for (let i = all.length - 1; i >= 0; i--) {
      const m = all[i] as EmuMessage;
      if ((m.reply_markup?.inline_keyboard?.length ?? 0) > 0) return m;
    }
    return undefined;
  }

  private pick<T extends { text: string }>(buttons: T[], label: string, where: string): T {
    const exact = buttons.find((b) => b.text === label);
    if (exact) return exact;
    const wanted = normalize(label);
    const loose = buttons.find((b) => normalize(b.text) === wanted);
    if (loose) return loose;
    const partial = buttons.filter((b) => normalize(b.text).includes(wanted));
    if (partial.length === 1) return partial[0] as T;
    const labels = buttons.map((b) => JSON.stringify(b.text)).join(", ") || "none";
    throw new Error(`button ${JSON.stringify(label)} ${partial.length > 1 ? "is ambiguous" : "not found"} in ${where}; buttons: ${labels}${this.context()}`);
  }

  private async wait(test: (e: EmulatorEvent) => boolean, timeoutMs: number | undefined, what: string): Promise<EmulatorEvent> {
    try {
      return await this.emu.waitFor(test, { timeoutMs: timeoutMs ?? this.timeoutMs });
    } catch (err) {
      throw new Error(`${what}: the bot did not react (no message, edit or answerCallbackQuery).\n${(err as Error).message}${this.context()}`);
    }
  }

  private context(): string {
    return `\n${this.emu.describeChat(this.chatId)}${this.processOutput()}`;
  }

  private processOutput(): string {
    if (!this.proc) return "";
    const out = this.proc.output();
    return `\nBot process output (tail):\n${out.slice(-4000) || "(empty)"}`;
  }
}
