// The audience step of /siaran: everyone, a role, provinces (paged toggles), or an event's participants.
import { InlineKeyboard } from "grammy";
import { provinceByCodeOrNull, provinces } from "../../../domain/areas.js";
import { eventSegments, type Audience } from "../../../domain/broadcast/audience.js";
import { askButton, type Answer } from "../../conversation/ask.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { escapeHtml, HTML, type Translate } from "../../format.js";
import { audienceCb, eventCb, provinceCb, segmentCb } from "./callbacks.js";
import { broadcastableEvents } from "../../../domain/events/lookup.js";

const PROVINCES_PER_PAGE = 10;
const PROVINCE_PAGES = Math.ceil(provinces.length / PROVINCES_PER_PAGE);

/** Asks whom a broadcast goes to; the answer's ctx is the newest. */
export async function chooseAudience(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  useButtons: (c: ConvContext) => Promise<unknown>,
): Promise<Answer<Audience>> {
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
  const kind = await askButton(conversation, { callback: audienceCb, otherwise: useButtons, captionIsContent: true });
  ctx = kind.ctx;
  if (kind.value.kind === "all") return { value: { kind: "all" }, ctx };
  if (kind.value.kind === "alumni" || kind.value.kind === "calon") return { value: { kind: "role", role: kind.value.kind }, ctx };
  if (kind.value.kind === "provinces") {
    const codes = await chooseProvinces(conversation, ctx, t, useButtons);
    return { value: { kind: "provinces", codes: codes.value }, ctx: codes.ctx };
  }

  const events = await conversation.external(async (outer) =>
    broadcastableEvents(outer.deps.db, 10),
  );
  if (events.length === 0) {
    await ctx.reply(t("broadcast-event-none"));
    return chooseAudience(conversation, ctx, t, useButtons);
  }
  const eventKeyboard = new InlineKeyboard();
  for (const e of events) eventKeyboard.text(t("broadcast-button-event", { id: String(e.id), title: e.title.slice(0, 40) }), eventCb.pack({ id: e.id })).row();
  await ctx.reply(t("broadcast-event-ask"), { reply_markup: eventKeyboard });
  const event = await askButton(conversation, { callback: eventCb, otherwise: useButtons, captionIsContent: true, valid: (data) => events.some((e) => e.id === data.id) });
  ctx = event.ctx;
  const eventId = event.value.id;
  const title = events.find((e) => e.id === eventId)?.title ?? "";
  const segmentKeyboard = new InlineKeyboard();
  for (const segment of eventSegments) segmentKeyboard.text(t(`broadcast-segment-${segment}`), segmentCb.pack({ segment })).row();
  await ctx.reply(t("broadcast-segment-ask", { title: escapeHtml(title) }), { ...HTML, reply_markup: segmentKeyboard });
  const segment = await askButton(conversation, { callback: segmentCb, otherwise: useButtons, captionIsContent: true });
  return { value: { kind: "event", eventId, segment: segment.value.segment }, ctx: segment.ctx };
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

/** Provinces as paged toggle buttons, until "done" with at least one chosen. */
export async function chooseProvinces(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  useButtons: (c: ConvContext) => Promise<unknown>,
): Promise<Answer<string[]>> {
  let selected: string[] = [];
  let page = 0;
  await ctx.reply(t("broadcast-provinces-ask", { count: 0 }), { reply_markup: provinceKeyboard(t, selected, page) });
  // every press is an answer (toggle, page, done); the keyboard is redrawn until "done"
  while (true) {
    const press = await askButton(conversation, {
      callback: provinceCb,
      otherwise: useButtons,
      captionIsContent: true,
      valid: (data) => data.action !== "done" || selected.length > 0,
      stale: (c) => (provinceCb.unpack(c.callbackQuery?.data)?.action === "done" ? t("broadcast-provinces-none") : undefined),
      close: (c, data) => (data.action === "done" ? c.editMessageReplyMarkup().catch(() => undefined) : Promise.resolve()),
    });
    ctx = press.ctx;
    const data = press.value;
    if (data.action === "done") return { value: selected, ctx };
    if (data.action === "toggle" && provinceByCodeOrNull(data.value)) {
      selected = selected.includes(data.value) ? selected.filter((c) => c !== data.value) : [...selected, data.value].sort();
    } else if (data.action === "page") {
      page = Math.min(PROVINCE_PAGES - 1, Math.max(0, Number(data.value)));
    }
    await ctx
      .editMessageText(t("broadcast-provinces-ask", { count: selected.length }), { reply_markup: provinceKeyboard(t, selected, page) })
      .catch(() => undefined);
  }
}
