// Waiting for an answer inside a conversation. A command or a button from another message leaves the
// question open and goes on to the rest of the bot (a command then ends the conversation, see
// src/bot/index.ts step 10); anything else that is not an answer gets a polite nudge and the question again.
import type { BotConversation, ConvContext } from "../../context.js";

export interface Accept {
  text?: boolean;
  contact?: boolean;
  location?: boolean;
  /** callback data of this conversation's own inline buttons */
  callback?: RegExp;
}

export async function waitAnswer(
  conversation: BotConversation,
  accept: Accept,
  nudge: (ctx: ConvContext) => Promise<unknown>,
): Promise<ConvContext> {
  for (;;) {
    const ctx = await conversation.wait();
    const query = ctx.callbackQuery;
    if (query) {
      if (accept.callback && query.data && accept.callback.test(query.data)) return ctx;
      await conversation.skip({ next: true });
    }
    const message = ctx.message;
    if (!message) await conversation.skip({ next: true });
    const text = message?.text ?? message?.caption;
    if (text?.startsWith("/")) await conversation.skip({ next: true });
    if (accept.text && message?.text !== undefined) return ctx;
    if (accept.contact && message?.contact) return ctx;
    if (accept.location && (message?.location || message?.venue)) return ctx;
    await nudge(ctx);
  }
}

/** The answer as typed, trimmed and limited, so a pasted novel cannot fill the replay log. */
export function answerText(ctx: ConvContext, max = 2500): string {
  return (ctx.message?.text ?? "").trim().slice(0, max);
}
