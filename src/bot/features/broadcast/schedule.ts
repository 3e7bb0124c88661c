import { InlineKeyboard } from "grammy";
import { formatScheduleTime, parseScheduleTime, type ZoneName } from "../../../domain/broadcast/schedule.js";
import { askButton, askText, type Answer } from "../../conversation/ask.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { HTML, type Translate } from "../../format.js";
import { confirmCb } from "./callbacks.js";

/** Asks for a date and time; null when the admin goes back to the audience step. The answer's ctx is the newest. */
export async function askSchedule(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  language: "id" | "en",
  count: number,
): Promise<Answer<Date | null>> {
  await ctx.reply(t("broadcast-schedule-ask"), HTML);
  const time = await askText<{ at: Date; zone: ZoneName }, { reason: string }>(conversation, {
    parse: async (text) => {
      const parsed = parseScheduleTime(text, new Date(await conversation.now()));
      return parsed.ok ? { ok: true, value: { at: parsed.at, zone: parsed.zone } } : parsed;
    },
    invalid: (c, parsed) =>
      c.reply(t(parsed.reason === "past" ? "broadcast-schedule-past" : parsed.reason === "too-far" ? "broadcast-schedule-too-far" : "broadcast-schedule-invalid"), HTML),
    otherwise: (c) => c.reply(t("broadcast-schedule-ask"), HTML),
    captionIsContent: true,
  });
  ctx = time.ctx;
  const when = formatScheduleTime(time.value.at, language, time.value.zone);
  await ctx.reply(t("broadcast-schedule-confirm", { count, when }), {
    ...HTML,
    reply_markup: new InlineKeyboard()
      .text(t("broadcast-btn-confirm-schedule"), confirmCb.pack({ action: "scheduled" }))
      .row()
      .text(t("broadcast-btn-change-audience"), confirmCb.pack({ action: "audience" }))
      .text(t("broadcast-btn-discard"), confirmCb.pack({ action: "discard" })),
  });
  const click = await askButton(conversation, {
    callback: confirmCb,
    valid: (data) => data.action !== "now" && data.action !== "schedule",
    otherwise: (c) => c.reply(t("broadcast-use-buttons")),
    captionIsContent: true,
  });
  ctx = click.ctx;
  if (click.value.action === "scheduled") return { value: time.value.at, ctx };
  if (click.value.action === "discard") {
    await ctx.reply(t("broadcast-discarded"));
    await conversation.halt();
  }
  return { value: null, ctx };
}
