// The one way to ask inside a conversation. Every question is shown by the conversation itself (a reply,
// with its keyboard, or `tell` below when the sent message is not needed later), then waited for with one
// of these:
//
//   ask        the core: an answer read from the update, `otherwise` for everything else
//   askButton  a press on one of the question's own inline buttons
//   askText    a typed answer, parsed; an invalid one is asked again with the reason
//   askChoice  a whole button question (question text, buttons, the chosen answer written under it)
//
// Common to all: a /command (a message starting with "/") and a button of another feature leave the
// question open and go on to the rest of the bot (a message that starts with a command has ended the
// conversation before it gets here: src/bot/index.ts step 10); so does any update that is not a message.
// Built on conversations v2's `waitUntil(…, { next: true })` and `.and(…, { otherwise })`: an update that
// is not an answer is skipped, so the conversation stays at the question without growing its replay log.
import { InlineKeyboard, type Api } from "grammy";
import type { CallbackData } from "../callback.js";
import type { BotConversation, ConvContext } from "../context.js";
import { HTML, trustedHtml } from "../format.js";

type Awaitable<T> = T | Promise<T>;

/** What every question resolves to: its answer and the newest context (the update that answered). */
export interface Answer<T> {
  value: T;
  ctx: ConvContext;
}

/** The reply to an update that is not an answer: a reminder, the reason it was refused. */
export type Otherwise = (ctx: ConvContext) => Awaitable<unknown>;

export interface WaitOptions {
  /** callback data of the question's own buttons; a press on any other button is passed on */
  own?: RegExp;
  /** a captioned photo or document is an answer here (a broadcast), so a caption starting with "/" is no command */
  captionIsContent?: boolean;
}

/** Whether an update is not for the open question at all: another feature's button, a command, not a message. */
function passesOn(ctx: ConvContext, options: WaitOptions): boolean {
  const data = ctx.callbackQuery?.data;
  if (ctx.callbackQuery) return data === undefined || !options.own?.test(data);
  const message = ctx.message;
  if (!message) return true;
  const command = options.captionIsContent ? message.text : (message.text ?? message.caption);
  return command?.startsWith("/") ?? false;
}

/**
 * The core question: waits until `answer` reads an answer from an update (`{ value }`, or null when the
 * update is no answer). Whatever is not for the question passes on (see above); a message or an own
 * button that is no answer gets `otherwise`, and the question stays open.
 */
export async function ask<T>(
  conversation: BotConversation,
  answer: (ctx: ConvContext) => Awaitable<{ value: T } | null>,
  otherwise: Otherwise,
  options: WaitOptions = {},
): Promise<Answer<T>> {
  let read: { value: T } | null = null;
  const ctx = await conversation
    .waitUntil((c) => !passesOn(c, options), { next: true })
    .and(async (c) => (read = await answer(c)) !== null, { otherwise });
  return { value: (read as unknown as { value: T }).value, ctx };
}

export interface ButtonQuestion<T> {
  /** the question's buttons: their filter and payload */
  callback: { filter: RegExp; unpack(data: string | undefined): T | null };
  /** which payloads answer it (default: every payload that unpacks) */
  valid?: (data: T) => boolean;
  /** the reply to typed text or any other message; the buttons stay */
  otherwise: Otherwise;
  /** the toast for an own button that does not answer (an old question's button); default none */
  stale?: (ctx: ConvContext) => string | undefined;
  /** what becomes of the question once answered (the press is answered before); default: its buttons go */
  close?: (ctx: ConvContext, data: T) => Promise<unknown>;
  captionIsContent?: boolean;
}

/** A button question whose keyboard is shown: waits for a press on one of its buttons that answers it. */
export async function askButton<T>(conversation: BotConversation, q: ButtonQuestion<T>): Promise<Answer<T>> {
  const answer = await ask(
    conversation,
    (c) => {
      const data = q.callback.unpack(c.callbackQuery?.data);
      return data !== null && (q.valid?.(data) ?? true) ? { value: data } : null;
    },
    async (c) => {
      const toast = c.callbackQuery ? q.stale?.(c) : undefined;
      if (c.callbackQuery) await c.answerCallbackQuery(toast === undefined ? undefined : { text: toast });
      else await q.otherwise(c);
    },
    { own: q.callback.filter, captionIsContent: q.captionIsContent },
  );
  await answer.ctx.answerCallbackQuery();
  await (q.close ? q.close(answer.ctx, answer.value) : answer.ctx.editMessageReplyMarkup().catch(() => undefined));
  return answer;
}

/** A parse result: the value, or why it was refused (shown by `invalid`). */
export type Parse<T, F> = { ok: true; value: T } | ({ ok: false } & F);

export interface TextQuestion<T, F> {
  /** reads the typed text (as sent; trim and limit it here, e.g. with typedText) */
  parse: (text: string, ctx: ConvContext) => Awaitable<Parse<T, F>>;
  /** the polite re-ask with the reason; the question stays open */
  invalid: (ctx: ConvContext, failure: { ok: false } & F) => Awaitable<unknown>;
  /** the reply to a message without text (a sticker, a photo) */
  otherwise: Otherwise;
  /** an answer that is not typed text: a shared location or contact, read as text; undefined when none */
  read?: (ctx: ConvContext) => string | undefined;
  captionIsContent?: boolean;
}

/** A text question: waits for typed text that `parse` accepts; anything unreadable is asked again with the reason. */
export async function askText<T, F>(conversation: BotConversation, q: TextQuestion<T, F>): Promise<Answer<T>> {
  let refused: ({ ok: false } & F) | null = null;
  return ask(
    conversation,
    async (c) => {
      refused = null;
      const text = q.read?.(c) ?? c.message?.text;
      if (text === undefined) return null;
      const parsed = await q.parse(text, c);
      if (parsed.ok) return { value: parsed.value };
      refused = parsed;
      return null;
    },
    (c) => (refused ? q.invalid(c, refused) : q.otherwise(c)),
    { captionIsContent: q.captionIsContent },
  );
}

/**
 * Sends a message whose result the conversation does not read (a question, a notice) through the bot's
 * API outside the conversation. A reply made on the conversation's context keeps Telegram's whole answer
 * (the sent message, its text and markup) in the replay log, which is read, parsed and written back at
 * every later step; this keeps only that it was sent. Sent once: a replay takes it from the log.
 */
export async function tell(conversation: BotConversation, chatId: number, text: string, other?: Parameters<Api["sendMessage"]>[2]): Promise<void> {
  await conversation.external(async (outer) => {
    await outer.api.sendMessage(chatId, text, other);
  });
}

/** The answer as typed, trimmed and limited, so a pasted novel cannot fill the replay log. */
export function typedText(ctx: ConvContext, max = 2500): string {
  return (ctx.message?.text ?? "").trim().slice(0, max);
}

/** Callback data of a conversation's own answer buttons: which question, which choice. */
export type AnswerCallback<S extends string> = CallbackData<{ step: S; value: string }>;

export interface ChoiceQuestion<S extends string, T extends string> {
  callback: AnswerCallback<S>;
  step: S;
  /** shown above the buttons, and again with the chosen answer once pressed */
  question: string;
  choices: readonly T[];
  columns: number;
  label: (ctx: ConvContext, step: S, value: string) => string;
  /** translation keys: the line under the answered question ({ answer }), the answer to a stale button, the reminder to typed text */
  keys: { yourAnswer: string; oldButton: string; useButtons: string };
}

function choiceKeyboard<S extends string>(ctx: ConvContext, q: ChoiceQuestion<S, string>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  q.choices.forEach((value, index) => {
    keyboard.text(q.label(ctx, q.step, value), q.callback.pack({ step: q.step, value }));
    if ((index + 1) % q.columns === 0) keyboard.row();
  });
  return keyboard;
}

/**
 * Asks one button question and waits for a valid press. Typed text gets a polite reminder with the same
 * buttons; the question stays in the chat with the chosen answer under it, without buttons.
 */
export async function askChoice<S extends string, T extends string>(conversation: BotConversation, ctx: ConvContext, q: ChoiceQuestion<S, T>): Promise<Answer<T>> {
  await ctx.reply(q.question, { ...HTML, reply_markup: choiceKeyboard(ctx, q) });
  const answer = await askButton(conversation, {
    callback: q.callback,
    valid: (data) => data.step === q.step && q.choices.includes(data.value as T),
    otherwise: (c) => c.reply(c.t(q.keys.useButtons), { reply_markup: choiceKeyboard(c, q) }),
    stale: (c) => c.t(q.keys.oldButton),
    close: (c, data) => c.editMessageText(`${q.question}\n${c.t(q.keys.yourAnswer, { answer: trustedHtml(q.label(c, q.step, data.value)) })}`, HTML).catch(() => undefined),
  });
  return { value: answer.value.value as T, ctx: answer.ctx };
}

/**
 * For a run of questions: `const take = follow((newest) => (ctx = newest));` then
 * `const title = await take(askTitle(conversation, ctx))` — the answer's value, with `ctx` moved on to the
 * update that answered.
 */
export function follow(setNewest: (ctx: ConvContext) => void) {
  return async <T>(question: Promise<Answer<T>>): Promise<T> => {
    const answer = await question;
    setNewest(answer.ctx);
    return answer.value;
  };
}
