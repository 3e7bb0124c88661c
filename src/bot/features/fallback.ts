import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { FeatureKit } from "../feature.js";
import { BotComposer } from "../composer.js";

/**
 * The last stop for anything no feature handled: unknown commands (admin commands tried by non-admins
 * land here too, with no hint that they exist), stale buttons, and messages of kinds the bot does not use.
 */
export function fallbackFeature(kit: FeatureKit): Composer<BotContext> {
  const { mainMenu } = kit;
  const composer = new BotComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.on("message::bot_command", (ctx) => ctx.reply(ctx.t("unknown-command")));
  privateChat.on("message:text", (ctx) => mainMenu.show(ctx, "fallback-text"));
  privateChat.on("message", (ctx) => ctx.reply(ctx.t("fallback-other")));
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
  return composer;
}
