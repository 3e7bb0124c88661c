import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { setLanguage } from "../../domain/users.js";
import { CallbackData } from "../callback.js";
import type { BotContext, Language } from "../context.js";
import { LANGUAGES } from "../i18n.js";
import type { FeatureKit } from "../feature.js";
import { BotComposer } from "../composer.js";

const languageCb = new CallbackData("lang", ["lang"], z.object({ lang: z.enum(LANGUAGES as [Language, ...Language[]]) }));

/** /menu, /bantuan, /bahasa: the commands every user has. */
export function coreFeature(kit: FeatureKit): Composer<BotContext> {
  const { mainMenu } = kit;
  kit.commands.declare("core", { user: ["menu", "bantuan", "bahasa"], callbacks: [languageCb] });
  const composer = new BotComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("menu", (ctx) => mainMenu.show(ctx));
  privateChat.command("bantuan", (ctx) => ctx.reply(ctx.t("help"), { parse_mode: "HTML" }));

  privateChat.command("bahasa", async (ctx) => {
    const keyboard = new InlineKeyboard();
    for (const lang of LANGUAGES) keyboard.text(ctx.t(`language-${lang}`), languageCb.pack({ lang }));
    await ctx.reply(ctx.t("language-ask"), { reply_markup: keyboard });
  });

  composer.callbackQuery(languageCb.filter, async (ctx) => {
    const data = languageCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    ctx.session.lang = data.lang;
    await ctx.i18n.renegotiateLocale();
    await setLanguage(ctx.deps.db, ctx.from.id, data.lang);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language-set")).catch(() => undefined);
    await mainMenu.show(ctx);
  });

  return composer;
}
