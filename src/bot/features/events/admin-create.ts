import { InlineKeyboard } from "grammy";
import { createEvent } from "../../../domain/events/events.js";
import { eventDeepLink } from "../../../domain/events/links.js";
import type { EventInput } from "../../../domain/events/validation.js";
import type { Event } from "../../../generated/prisma/client.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import { askAddress, askAudience, askCapacity, askCity, askCompanions, askDeadline, askDescription, askEnd, askLocation, askProvince, askStart, askTitle, askVenueName, say } from "./admin-steps.js";
import { askButton, follow } from "../../conversation/ask.js";
import { storable } from "./plain.js";
import { detailsText, localeOf } from "./views.js";
import { escapeHtml, type Translate } from "../../format.js";
import { adminEventCb, previewCb } from "./callbacks.js";
import { issuesText, removeKeyboard } from "./admin-views.js";
import { provincesOf } from "../../../domain/organisers.js";
import { requireActor } from "../../middlewares/admin.js";

export const CREATE_CONVERSATION_ID = "events-admin-create";

function previewEvent(input: EventInput, timeZone: string): Event {
  const now = new Date(0);
  return {
    ...input,
    id: 0,
    timeZone,
    status: "draft",
    isExample: false,
    createdBy: null,
    cancelledAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** /buatacara: every field in turn, checked as it is typed, then a preview to publish, keep as a draft, or drop. */
export function createEventConversation(botUsername: () => string) {
  return async function createEventFlow(conversation: BotConversation, ctx: ConvContext): Promise<void> {
    const from = ctx.from;
    if (!from) return;
    const t: Translate = (key, params) => ctx.t(key, params);
    const locale = localeOf(languageOf(ctx));
    // an organiser creates events only in their provinces (null: every province)
    const scope = await conversation.external(async (outer) => provincesOf(await requireActor(outer)));
    await say(ctx, t("events-admin-create-intro"), removeKeyboard);

    const take = follow((newest) => (ctx = newest));
    const title = await take(askTitle(conversation, ctx));
    const province = await take(askProvince(conversation, ctx, undefined, scope));
    const city = await take(askCity(conversation, ctx, province.code));
    const venueName = await take(askVenueName(conversation, ctx));
    const address = await take(askAddress(conversation, ctx));
    const location = await take(askLocation(conversation, ctx));
    const now = new Date(await conversation.external((outer) => outer.deps.now().getTime()));
    const { timeZone } = province;
    const startsAt = await take(askStart(conversation, ctx, timeZone, now));
    const endsAt = await take(askEnd(conversation, ctx, startsAt, timeZone, locale));
    const capacity = await take(askCapacity(conversation, ctx));
    const rsvpDeadline = await take(askDeadline(conversation, ctx, startsAt, timeZone, now, locale));
    const audience = await take(askAudience(conversation, ctx));
    const maxCompanions = await take(askCompanions(conversation, ctx));
    const description = await take(askDescription(conversation, ctx));
    const input: EventInput = {
      title,
      description,
      province: province.code,
      city,
      venueName,
      address,
      latitude: location?.latitude ?? null,
      longitude: location?.longitude ?? null,
      startsAt,
      endsAt,
      capacity,
      rsvpDeadline,
      audience,
      maxCompanions,
    };

    const preview = detailsText(t, locale, previewEvent(input, timeZone), input.capacity === 0 ? null : input.capacity, t("events-admin-link-after-publish"));
    await say(ctx, t("events-admin-preview-title"), removeKeyboard);
    await say(ctx, preview, new InlineKeyboard()
      .text(t("events-admin-btn-publish"), previewCb.pack({ action: "publish" }))
      .row()
      .text(t("events-admin-btn-save-draft"), previewCb.pack({ action: "draft" }))
      .row()
      .text(t("events-admin-btn-discard"), previewCb.pack({ action: "discard" })));
    const chosen = await askButton(conversation, { callback: previewCb, otherwise: (c) => c.reply(c.t("events-admin-preview-nudge")) });
    ctx = chosen.ctx;
    const action = chosen.value.action;
    if (action === "discard") {
      await say(ctx, t("events-admin-discarded"));
      return;
    }
    const saved = await conversation.external(
      // the scope asked again when saving: the domain refuses a province outside it, whatever was answered
      storable(async (outer) =>
        createEvent(outer.deps.db, input, { createdBy: from.id, status: action === "publish" ? "published" : "draft", now: outer.deps.now(), provinces: provincesOf(await requireActor(outer)) }),
      ),
    );
    if (!saved.ok) {
      await say(ctx, `${t("events-admin-not-saved")}\n${issuesText(t, saved.issues)}`);
      return;
    }
    const link = eventDeepLink(botUsername(), saved.event.id);
    await say(ctx, t(action === "publish" ? "events-admin-published" : "events-admin-drafted", { title: escapeHtml(saved.event.title), id: String(saved.event.id), link }), new InlineKeyboard().text(t("events-admin-btn-manage"), adminEventCb.pack({ action: "view", id: saved.event.id })));
  };
}
