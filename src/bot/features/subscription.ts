import { Composer } from "grammy";
import { markUserBlocked, markUserUnblocked, optInToAnnouncements, optOutOfAnnouncements, subscriptionOf } from "../../domain/users.js";
import type { BotContext } from "../context.js";
import type { FeatureKit } from "../feature.js";
import { BotComposer } from "../composer.js";

/**
 * /berhenti and /langganan (announcements off and on again, User.optedOutAt), and `my_chat_member`:
 * when someone blocks the bot Telegram says so (status "kicked") and User.blockedAt is set, so they are
 * left out of the next broadcast; unblocking (status "member") clears it.
 */
export function subscriptionFeature(kit: FeatureKit): Composer<BotContext> {
  const { deps } = kit;
  kit.commands.declare("subscription", { user: ["berhenti", "langganan"] });
  const composer = new BotComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("berhenti", async (ctx) => {
    const user = await subscriptionOf(deps.db, ctx.from.id);
    if (!user?.consentAt) return ctx.reply(ctx.t("broadcast-optout-no-data"));
    if (user.optedOutAt) return ctx.reply(ctx.t("broadcast-optout-already"));
    await optOutOfAnnouncements(deps.db, ctx.from.id, deps.now());
    ctx.log.info({ user: ctx.from.id }, "announcements: opted out");
    return ctx.reply(ctx.t("broadcast-optout-done"));
  });

  privateChat.command("langganan", async (ctx) => {
    const user = await subscriptionOf(deps.db, ctx.from.id);
    if (!user?.consentAt) return ctx.reply(ctx.t("broadcast-optin-no-data"));
    if (!user.optedOutAt) return ctx.reply(ctx.t("broadcast-optin-already"));
    await optInToAnnouncements(deps.db, ctx.from.id);
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
