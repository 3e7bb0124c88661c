import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { CARD_LANGUAGE } from "../../domain/events/card.js";
import { inlineArticle, searchInlineEvents } from "../../domain/events/inline.js";
import type { BotContext } from "../context.js";
import type { FeatureKit } from "../feature.js";
import type { TextParams } from "../format.js";
import { BotComposer } from "../composer.js";

/** Seconds Telegram may reuse an answer: short, so seats left stay close to the truth. */
const INLINE_CACHE_SECONDS = 30;

/**
 * Inline mode: "@bot jambi" in any chat lists upcoming public meetups as cards with the "Daftar" deep
 * link; an empty query lists the soonest. The answer is the same for everyone (no personal data), so
 * Telegram may cache it across users. Enabled at @BotFather with /setinline. The card is written in
 * Bahasa Indonesia: it is shared into chats whose readers the bot does not know.
 */
export function inlineFeature(kit: FeatureKit): Composer<BotContext> {
  const { deps } = kit;
  const composer = new BotComposer<BotContext>();
  const t = (key: string, params?: TextParams) => kit.t(CARD_LANGUAGE, key, params);

  composer.on("inline_query", async (ctx) => {
    const found = await searchInlineEvents(deps.db, ctx.inlineQuery.query, { now: deps.now() });
    const results = found.map((item) => inlineArticle(item, { t, locale: CARD_LANGUAGE, botUsername: kit.botUsername(), now: deps.now() }) as InlineQueryResultArticle);
    await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: false });
  });

  // a card the user shared through inline mode into their own chat with the bot is not a question for it
  composer.on("message", (ctx, next) => (ctx.message.via_bot?.id === ctx.me.id ? undefined : next()));

  return composer;
}
