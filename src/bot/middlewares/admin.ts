import type { Composer } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../context.js";

/**
 * The admin answer for the update being handled. Every admin feature has an adminOnly branch, so one
 * ordinary message passes several of them: the database is asked once per update, not once per branch
 * (the answer cannot change while one update is handled; keyed by the update object, so nothing is kept
 * after it).
 */
const answers = new WeakMap<Update, Promise<boolean>>();

function isAdminForThisUpdate(ctx: BotContext): Promise<boolean> {
  const from = ctx.from;
  if (!from) return Promise.resolve(false);
  let answer = answers.get(ctx.update);
  if (!answer) {
    answer = ctx.deps.admins.isAdmin(from.id);
    answers.set(ctx.update, answer);
    // a failed lookup is not remembered: the next branch asks again
    answer.catch(() => answers.delete(ctx.update));
  }
  return answer;
}

/**
 * Admin-only branch of a composer. Everyone else falls through untouched and ends at the fallback's
 * "unknown command" reply, so the existence of admin commands is never revealed.
 */
export function adminOnly(composer: Composer<BotContext>): Composer<BotContext> {
  return composer.filter((ctx) => isAdminForThisUpdate(ctx));
}
