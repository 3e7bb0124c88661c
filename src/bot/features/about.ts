import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { CallbackData } from "../callback.js";
import type { BotContext } from "../context.js";
import type { FeatureKit } from "../feature.js";
import { HTML } from "../format.js";
import { BotComposer } from "../composer.js";

/** The guide's pages in reading order; each is the locale message `about-page-<name>`. */
export const ABOUT_PAGES = ["what", "who", "benefits", "register", "accepted", "training", "incentive", "channels"] as const;

const pageCb = new CallbackData("about", ["page"], z.object({ page: z.coerce.number().int().min(0).max(ABOUT_PAGES.length - 1) }));
const homeCb = new CallbackData("abouth", [], z.object({}));

/** Builds a guide page: its text with the position, and ◀️ / ▶️ / 🏠 navigation. */
export function aboutPage(ctx: BotContext, page: number): { text: string; keyboard: InlineKeyboard } {
  const name = ABOUT_PAGES[page] ?? ABOUT_PAGES[0];
  const text = `${ctx.t(`about-page-${name}`)}\n\n${ctx.t("about-position", { page: page + 1, total: ABOUT_PAGES.length })}`;
  const keyboard = new InlineKeyboard();
  if (page > 0) keyboard.text(ctx.t("about-prev"), pageCb.pack({ page: page - 1 }));
  if (page < ABOUT_PAGES.length - 1) keyboard.text(ctx.t("about-next"), pageCb.pack({ page: page + 1 }));
  keyboard.row().text(ctx.t("about-home"), homeCb.pack({}));
  return { text, keyboard };
}

/**
 * "Tentang Prakerja": a short guided tour of the programme (skema normal 2023+), one message edited in
 * place as the user pages through it. Reached from the main menu.
 */
export function aboutFeature(kit: FeatureKit): Composer<BotContext> {
  const { mainMenu } = kit;
  kit.commands.declare("about", { callbacks: [pageCb, homeCb] });
  const composer = new BotComposer<BotContext>();
  const options = HTML;

  mainMenu.register("about", async (ctx) => {
    const { text, keyboard } = aboutPage(ctx, 0);
    await ctx.reply(text, { ...options, reply_markup: keyboard });
  });

  composer.callbackQuery(pageCb.filter, async (ctx) => {
    const data = pageCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    const { text, keyboard } = aboutPage(ctx, data.page);
    // "message is not modified" when the same button is pressed twice: nothing to do.
    await ctx.editMessageText(text, { ...options, reply_markup: keyboard }).catch(() => undefined);
  });

  composer.callbackQuery(homeCb.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    // The guide message turns into the main menu, so the chat does not fill up with copies.
    await ctx.editMessageText(ctx.t("menu-title"), { reply_markup: mainMenu.menu }).catch(() => mainMenu.show(ctx));
  });

  return composer;
}
