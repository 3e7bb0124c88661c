import { InlineKeyboard } from "grammy";
import { formatScheduleTime, parseScheduleTime } from "../../../domain/broadcast/schedule.js";
import { waitAnswer } from "../../conversation/legacy.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { HTML, type Translate } from "../../format.js";
import { confirmCb } from "./callbacks.js";

/** Asks for a date and time; null when the admin goes back to the audience step. */
export async function askSchedule(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  language: "id" | "en",
  count: number,
): Promise<Date | null> {
  await ctx.reply(t("broadcast-schedule-ask"), HTML);
  for (;;) {
    const answer = await waitAnswer(conversation, { text: true, captionCommands: false }, (c) => c.reply(t("broadcast-schedule-ask"), HTML));
    const now = new Date(await conversation.now());
    const parsed = parseScheduleTime(answer.message?.text ?? "", now);
    if (!parsed.ok) {
      const key = parsed.reason === "past" ? "broadcast-schedule-past" : parsed.reason === "too-far" ? "broadcast-schedule-too-far" : "broadcast-schedule-invalid";
      await answer.reply(t(key), HTML);
      continue;
    }
    const when = formatScheduleTime(parsed.at, language, parsed.zone);
    await answer.reply(t("broadcast-schedule-confirm", { count, when }), {
      ...HTML,
      reply_markup: new InlineKeyboard()
        .text(t("broadcast-btn-confirm-schedule"), confirmCb.pack({ action: "scheduled" }))
        .row()
        .text(t("broadcast-btn-change-audience"), confirmCb.pack({ action: "audience" }))
        .text(t("broadcast-btn-discard"), confirmCb.pack({ action: "discard" })),
    });
    for (;;) {
      const click = await waitAnswer(conversation, { captionCommands: false, callback: confirmCb.filter }, (c) => c.reply(t("broadcast-use-buttons")));
      const data = confirmCb.unpack(click.callbackQuery?.data);
      await click.answerCallbackQuery();
      if (!data || data.action === "now" || data.action === "schedule") continue;
      await click.editMessageReplyMarkup().catch(() => undefined);
      if (data.action === "scheduled") return parsed.at;
      if (data.action === "discard") {
        await ctx.reply(t("broadcast-discarded"));
        await conversation.halt();
      }
      return null;
    }
  }
}
