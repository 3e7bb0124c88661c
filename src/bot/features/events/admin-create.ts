import { InlineKeyboard } from "grammy";
import { createEvent } from "../../../domain/events/events.js";
import { eventDeepLink } from "../../../domain/events/links.js";
import type { EventInput } from "../../../domain/events/validation.js";
import type { Event } from "../../../generated/prisma/client.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import { AdminSteps } from "./admin-steps.js";
import { waitAnswer } from "../../conversation/legacy.js";
import { storable } from "./plain.js";
import { detailsText, localeOf } from "./views.js";
import { escapeHtml, type Translate } from "../../format.js";
import { adminEventCb, previewCb } from "./callbacks.js";
import { issuesText, removeKeyboard } from "./admin-views.js";

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
    const steps = new AdminSteps(conversation, ctx, locale);
    await steps.say(t("events-admin-create-intro"), removeKeyboard);

    const title = await steps.title();
    const province = await steps.province();
    const city = await steps.city(province.code);
    const venueName = await steps.venueName();
    const address = await steps.address();
    const location = await steps.location();
    const now = new Date(await conversation.external((outer) => outer.deps.now().getTime()));
    const startsAt = await steps.start(province.timeZone, now);
    const endsAt = await steps.end(startsAt, province.timeZone);
    const capacity = await steps.capacity();
    const rsvpDeadline = await steps.deadline(startsAt, province.timeZone, now);
    const audience = await steps.audience();
    const maxCompanions = await steps.companions();
    const description = await steps.description();
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

    const preview = detailsText(t, locale, previewEvent(input, province.timeZone), capacity === 0 ? null : capacity, t("events-admin-link-after-publish"));
    await steps.say(t("events-admin-preview-title"), removeKeyboard);
    await steps.say(preview, new InlineKeyboard()
      .text(t("events-admin-btn-publish"), previewCb.pack({ action: "publish" }))
      .row()
      .text(t("events-admin-btn-save-draft"), previewCb.pack({ action: "draft" }))
      .row()
      .text(t("events-admin-btn-discard"), previewCb.pack({ action: "discard" })));
    let action: "publish" | "draft" | "discard";
    for (;;) {
      const answer = await waitAnswer(conversation, { callback: previewCb.filter }, (c) => c.reply(t("events-admin-preview-nudge")));
      const data = previewCb.unpack(answer.callbackQuery?.data);
      await answer.answerCallbackQuery();
      if (data) {
        await answer.editMessageReplyMarkup().catch(() => undefined);
        action = data.action;
        break;
      }
    }
    if (action === "discard") {
      await steps.say(t("events-admin-discarded"));
      return;
    }
    const saved = await conversation.external(
      storable(async (outer) => createEvent(outer.deps.db, input, { createdBy: from.id, status: action === "publish" ? "published" : "draft", now: outer.deps.now() })),
    );
    if (!saved.ok) {
      await steps.say(`${t("events-admin-not-saved")}\n${issuesText(t, saved.issues)}`);
      return;
    }
    const link = eventDeepLink(botUsername(), saved.event.id);
    await steps.say(t(action === "publish" ? "events-admin-published" : "events-admin-drafted", { title: escapeHtml(saved.event.title), id: String(saved.event.id), link }), new InlineKeyboard().text(t("events-admin-btn-manage"), adminEventCb.pack({ action: "view", id: saved.event.id })));
  };
}
