import { Composer } from "grammy";
import { markUserBlocked, markUserUnblocked } from "../../domain/users.js";
import type { BotContext } from "../context.js";
import type { FeatureKit } from "../feature.js";

/**
 * /berhenti and /langganan (announcements off and on again, User.optedOutAt), and `my_chat_member`:
 * when someone blocks the bot Telegram says so (status "kicked") and User.blockedAt is set, so they are
 * left out of the next broadcast; unblocking (status "member") clears it.
 */
export function subscriptionFeature({ deps }: FeatureKit): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("berhenti", async (ctx) => {
    const telegramId = BigInt(ctx.from.id);
    const user = await deps.db.user.findUnique({ where: { telegramId }, select: { consentAt: true, optedOutAt: true } });
    if (!user?.consentAt) return ctx.reply(ctx.t("broadcast-optout-no-data"));
    if (user.optedOutAt) return ctx.reply(ctx.t("broadcast-optout-already"));
    await deps.db.user.updateMany({ where: { telegramId, optedOutAt: null }, data: { optedOutAt: deps.now() } });
    ctx.log.info({ user: ctx.from.id }, "announcements: opted out");
    return ctx.reply(ctx.t("broadcast-optout-done"));
  });

  privateChat.command("langganan", async (ctx) => {
    const telegramId = BigInt(ctx.from.id);
    const user = await deps.db.user.findUnique({ where: { telegramId }, select: { consentAt: true, optedOutAt: true } });
    if (!user?.consentAt) return ctx.reply(ctx.t("broadcast-optin-no-data"));
    if (!user.optedOutAt) return ctx.reply(ctx.t("broadcast-optin-already"));
    await deps.db.user.updateMany({ where: { telegramId }, data: { optedOutAt: null } });
    ctx.log.info({ user: ctx.from.id }, "announcements: opted in again");
    return ctx.reply(ctx.t("broadcast-optin-done"));
  });

  privateChat.on("my_chat_member", async (ctx, next) => {
    const update = ctx.myChatMember;
    // only the private chat with the person themselves
    if (update.chat.id !== update.from.id) return next();
    const status = update.new_chat_member.status;
    if (status === "kicked") {
      if (await markUserBlocked(deps.db, update.from.id, deps.now())) ctx.log.info({ user: update.from.id }, "bot blocked by user");
    } else if (status === "member") {
      if (await markUserUnblocked(deps.db, update.from.id)) ctx.log.info({ user: update.from.id }, "bot unblocked by user");
    }
    return next();
  });

  return composer;
}
