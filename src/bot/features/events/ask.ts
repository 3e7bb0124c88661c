// Waiting for an answer inside a conversation: the shared waitAnswer (src/bot/conversation-ask.ts), plus
// the events' own way of reading a typed answer.
import type { ConvContext } from "../../context.js";

export { waitAnswer, type Accept } from "../../conversation/ask.js";

/** The answer as typed, trimmed and limited, so a pasted novel cannot fill the replay log. */
export function answerText(ctx: ConvContext, max = 2500): string {
  return (ctx.message?.text ?? "").trim().slice(0, max);
}
