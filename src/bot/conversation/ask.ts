import { InlineKeyboard } from "grammy";
import type { CallbackData } from "../callback.js";
import type { BotConversation, ConvContext } from "../context.js";
import { HTML, trustedHtml } from "../format.js";


/** Callback data of a conversation's own answer buttons: which question, which choice. */
export type AnswerCallback<S extends string> = CallbackData<{ step: S; value: string }>;

/**
 * Waits for the next update of the conversation. A button of another feature is passed on to it (the
 * conversation stays open); `pressed` tells whether this is one of our own buttons, `answer` is its
 * payload (null when it does not validate).
 */
export async function waitOwnButton<S extends string>(
  conversation: BotConversation,
  callback: AnswerCallback<S>,
): Promise<{ next: ConvContext; pressed: boolean; answer: { step: S; value: string } | null }> {
  const next = await conversation.wait();
  const data = next.callbackQuery?.data;
  if (data === undefined) return { next, pressed: false, answer: null };
  if (!callback.filter.test(data)) await conversation.skip({ next: true });
  return { next, pressed: true, answer: callback.unpack(data) };
}

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
  /** a typed /command is passed on to the rest of the bot instead of getting the reminder */
  passCommands: boolean;
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
 * Asks one button question and waits for a valid press. Typed text gets a polite reminder with the
 * same buttons; buttons of other features are passed on to them (the conversation stays open).
 */
export async function askChoice<S extends string, T extends string>(
  conversation: BotConversation,
  ctx: ConvContext,
  q: ChoiceQuestion<S, T>,
): Promise<{ value: T; ctx: ConvContext }> {
  await ctx.reply(q.question, { ...HTML, reply_markup: choiceKeyboard(ctx, q) });
  for (;;) {
    const { next, pressed, answer } = await waitOwnButton(conversation, q.callback);
    if (pressed) {
      const value = q.choices.find((choice) => choice === answer?.value);
      if (answer?.step === q.step && value !== undefined) {
        await next.answerCallbackQuery();
        // The question stays in the chat with the chosen answer under it, without buttons.
        await next.editMessageText(`${q.question}\n${next.t(q.keys.yourAnswer, { answer: trustedHtml(q.label(next, q.step, value)) })}`, HTML).catch(() => undefined);
        return { value, ctx: next };
      }
      await next.answerCallbackQuery({ text: next.t(q.keys.oldButton) });
      continue;
    }
    if (q.passCommands && next.message?.text?.startsWith("/")) await conversation.skip({ next: true });
    if (next.message) {
      await next.reply(next.t(q.keys.useButtons), { reply_markup: choiceKeyboard(next, q) });
      continue;
    }
    await conversation.skip({ next: true });
  }
}

/** What counts as an answer for waitAnswer. */
export interface Accept {
  text?: boolean;
  /** text, a photo or a document (a broadcast's content) */
  content?: boolean;
  contact?: boolean;
  location?: boolean;
  /** callback data of this conversation's own inline buttons */
  callback?: RegExp;
  /** whether a caption starting with "/" counts as a command (default true); off where a captioned photo is content */
  captionCommands?: boolean;
}

/**
 * Waits for an answer inside a conversation. A command or a button from another message leaves the
 * question open and goes on to the rest of the bot (a command then ends the conversation, see
 * src/bot/index.ts step 10); anything else that is not an answer gets `nudge`.
 */
export async function waitAnswer(conversation: BotConversation, accept: Accept, nudge: (ctx: ConvContext) => Promise<unknown>): Promise<ConvContext> {
  for (;;) {
    const ctx = await conversation.wait();
    const query = ctx.callbackQuery;
    if (query) {
      if (accept.callback && query.data && accept.callback.test(query.data)) return ctx;
      await conversation.skip({ next: true });
    }
    const message = ctx.message;
    if (!message) await conversation.skip({ next: true });
    const command = (accept.captionCommands ?? true) ? (message?.text ?? message?.caption) : message?.text;
    if (command?.startsWith("/")) await conversation.skip({ next: true });
    if (accept.text && message?.text !== undefined) return ctx;
    if (accept.content && (message?.text !== undefined || message?.photo || message?.document)) return ctx;
    if (accept.contact && message?.contact) return ctx;
    if (accept.location && (message?.location || message?.venue)) return ctx;
    await nudge(ctx);
  }
}

/** The answer as typed, trimmed and limited, so a pasted novel cannot fill the replay log. */
export function typedText(ctx: ConvContext, max = 2500): string {
  return (ctx.message?.text ?? "").trim().slice(0, max);
}

/**
 * A button question of a conversation whose keyboard is already shown: waits for a press on one of its
 * buttons (`callback`) whose payload passes `valid`, answers the press and removes the buttons. Typed
 * text gets `otherwise`; commands and other features' buttons go on to the rest of the bot.
 */
export async function askButton<T>(
  conversation: BotConversation,
  callback: { filter: RegExp; unpack(data: string | undefined): T | null },
  otherwise: (ctx: ConvContext) => Promise<unknown>,
  options: { valid?: (data: T) => boolean; captionCommands?: boolean } = {},
): Promise<{ data: T; ctx: ConvContext }> {
  for (;;) {
    const latest = await waitAnswer(conversation, { captionCommands: options.captionCommands, callback: callback.filter }, otherwise);
    const data = callback.unpack(latest.callbackQuery?.data);
    await latest.answerCallbackQuery();
    if (data === null || (options.valid && !options.valid(data))) continue;
    await latest.editMessageReplyMarkup().catch(() => undefined);
    return { data, ctx: latest };
  }
}
