import type { Composer } from "grammy";
import type { BotContext } from "../context.js";

/**
 * Admin-only branch of a composer. Everyone else falls through untouched and ends at the fallback's
 * "unknown command" reply, so the existence of admin commands is never revealed.
 */
export function adminOnly(composer: Composer<BotContext>): Composer<BotContext> {
  return composer.filter(async (ctx) => (ctx.from ? await ctx.deps.admins.isAdmin(ctx.from.id) : false));
}
