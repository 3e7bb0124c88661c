// The audience step of /siaran: everyone, a role, provinces (paged toggles), or an event's participants.
import { InlineKeyboard } from "grammy";
import { provinceByCodeOrNull, provinces } from "../../../domain/areas.js";
import { eventSegments, type Audience } from "../../../domain/broadcast/audience.js";
import { askButton, waitAnswer } from "../../conversation/legacy.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { escapeHtml, HTML, type Translate } from "../../format.js";
import { audienceCb, eventCb, provinceCb, segmentCb } from "./callbacks.js";
import { broadcastableEvents } from "../../../domain/events/lookup.js";

const PROVINCES_PER_PAGE = 10;
const PROVINCE_PAGES = Math.ceil(provinces.length / PROVINCES_PER_PAGE);

export async function chooseAudience(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  useButtons: (c: ConvContext) => Promise<unknown>,
): Promise<Audience> {
  for (;;) {
    await ctx.reply(t("broadcast-audience-ask"), {
      reply_markup: new InlineKeyboard()
        .text(t("broadcast-audience-all"), audienceCb.pack({ kind: "all" }))
        .row()
        .text(t("broadcast-audience-alumni"), audienceCb.pack({ kind: "alumni" }))
        .text(t("broadcast-audience-calon"), audienceCb.pack({ kind: "calon" }))
        .row()
        .text(t("broadcast-audience-provinces"), audienceCb.pack({ kind: "provinces" }))
        .text(t("broadcast-audience-event"), audienceCb.pack({ kind: "event" })),
    });
    const kind = (await askButton(conversation, audienceCb, useButtons, { captionCommands: false })).data.kind;
    if (kind === "all") return { kind: "all" };
    if (kind === "alumni" || kind === "calon") return { kind: "role", role: kind };
    if (kind === "provinces") return { kind: "provinces", codes: await chooseProvinces(conversation, ctx, t, useButtons) };

    const events = await conversation.external(async (outer) =>
      broadcastableEvents(outer.deps.db, 10),
    );
    if (events.length === 0) {
      await ctx.reply(t("broadcast-event-none"));
      continue;
    }
    const eventKeyboard = new InlineKeyboard();
    for (const e of events) eventKeyboard.text(t("broadcast-button-event", { id: String(e.id), title: e.title.slice(0, 40) }), eventCb.pack({ id: e.id })).row();
    await ctx.reply(t("broadcast-event-ask"), { reply_markup: eventKeyboard });
    const eventId = (await askButton(conversation, eventCb, useButtons, { captionCommands: false, valid: (data) => events.some((e) => e.id === data.id) })).data.id;
    const title = events.find((e) => e.id === eventId)?.title ?? "";
    const segmentKeyboard = new InlineKeyboard();
    for (const segment of eventSegments) segmentKeyboard.text(t(`broadcast-segment-${segment}`), segmentCb.pack({ segment })).row();
    await ctx.reply(t("broadcast-segment-ask", { title: escapeHtml(title) }), { ...HTML, reply_markup: segmentKeyboard });
    const segment = (await askButton(conversation, segmentCb, useButtons, { captionCommands: false })).data.segment;
    return { kind: "event", eventId, segment };
  }
}

export function provinceKeyboard(t: Translate, selected: readonly string[], page: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  provinces.slice(page * PROVINCES_PER_PAGE, (page + 1) * PROVINCES_PER_PAGE).forEach((p, index) => {
    keyboard.text(`${selected.includes(p.code) ? "✅ " : ""}${p.name}`, provinceCb.pack({ action: "toggle", value: p.code }));
    if (index % 2 === 1) keyboard.row();
  });
  keyboard.row();
  if (page > 0) keyboard.text("◀️", provinceCb.pack({ action: "page", value: String(page - 1) }));
  keyboard.text(`${page + 1}/${PROVINCE_PAGES}`, provinceCb.pack({ action: "page", value: String(page) }));
  if (page < PROVINCE_PAGES - 1) keyboard.text("▶️", provinceCb.pack({ action: "page", value: String(page + 1) }));
  keyboard.row().text(t("broadcast-provinces-done", { count: selected.length }), provinceCb.pack({ action: "done", value: "0" }));
  return keyboard;
}

export async function chooseProvinces(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  useButtons: (c: ConvContext) => Promise<unknown>,
): Promise<string[]> {
  let selected: string[] = [];
  let page = 0;
  await ctx.reply(t("broadcast-provinces-ask", { count: 0 }), { reply_markup: provinceKeyboard(t, selected, page) });
  for (;;) {
    const answer = await waitAnswer(conversation, { captionCommands: false, callback: provinceCb.filter }, useButtons);
    const data = provinceCb.unpack(answer.callbackQuery?.data);
    if (!data) {
      await answer.answerCallbackQuery();
      continue;
    }
    if (data.action === "done") {
      if (selected.length === 0) {
        await answer.answerCallbackQuery({ text: t("broadcast-provinces-none") });
        continue;
      }
      await answer.answerCallbackQuery();
      await answer.editMessageReplyMarkup().catch(() => undefined);
      return selected;
    }
    await answer.answerCallbackQuery();
    if (data.action === "toggle" && provinceByCodeOrNull(data.value)) {
      selected = selected.includes(data.value) ? selected.filter((c) => c !== data.value) : [...selected, data.value].sort();
    } else if (data.action === "page") {
      page = Math.min(PROVINCE_PAGES - 1, Math.max(0, Number(data.value)));
    }
    await answer
      .editMessageText(t("broadcast-provinces-ask", { count: selected.length }), { reply_markup: provinceKeyboard(t, selected, page) })
      .catch(() => undefined);
  }
}
