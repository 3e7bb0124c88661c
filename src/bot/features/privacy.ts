import { Composer } from "grammy";
import { CONSENT_VERSION } from "../../domain/users.js";
import type { BotContext } from "../context.js";
import type { FeatureKit } from "../index.js";

/** /privasi: the full privacy policy in plain Indonesian (UU PDP No. 27/2022). */
export function privacyFeature({ mainMenu }: FeatureKit): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const showPolicy = (ctx: BotContext) =>
    ctx.reply(ctx.t("privacy-policy", { version: CONSENT_VERSION, retentionDays: ctx.deps.config.RETENTION_DAYS }), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  composer.chatType("private").command("privasi", showPolicy);
  mainMenu.register("privacy", showPolicy);
  return composer;
}
