import { InlineKeyboard } from "grammy";
import { provinceByCodeOrNull } from "../../../domain/areas.js";
import { getEventWithSeats, updateEvent, type UpdateEventResult } from "../../../domain/events/events.js";
import type { EventInput } from "../../../domain/events/validation.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { follow } from "../../conversation/ask.js";
import { languageOf } from "../../i18n.js";
import { askAddress, askAudience, askCapacity, askCity, askCompanions, askDeadline, askDescription, askEnd, askLocation, askProvince, askStart, askTitle, askVenueName, say } from "./admin-steps.js";
import type { EventsNotifier } from "./notify.js";
import { storable } from "./plain.js";
import { localeOf } from "./views.js";
import { escapeHtml, type Translate } from "../../format.js";
import { adminEventCb, type EditableField } from "./callbacks.js";
import { issuesText, removeKeyboard } from "./admin-views.js";
import { provincesOf } from "../../../domain/organisers.js";
import { requireActor } from "../../middlewares/admin.js";

export const EDIT_CONVERSATION_ID = "events-admin-edit";

/** Changes one part of an event (the same questions as /buatacara), then tells registrants about a new time or place. */
export function editEventConversation(notifier: EventsNotifier) {
  return async function editEventFlow(conversation: BotConversation, ctx: ConvContext, eventId: number, field: EditableField): Promise<void> {
    const t: Translate = (key, params) => ctx.t(key, params);
    const locale = localeOf(languageOf(ctx));
    const loaded = await conversation.external(
      storable(async (outer) => {
        const found = await getEventWithSeats(outer.deps.db, eventId);
        return { event: found?.event ?? null, taken: found?.taken ?? 0 };
      }),
    );
    const event = loaded.event;
    if (!event || event.status === "cancelled" || event.status === "completed") {
      await say(ctx, t("events-admin-not-editable"));
      return;
    }
    const now = new Date(await conversation.external((outer) => outer.deps.now().getTime()));
    const patch: Partial<EventInput> = {};
    const take = follow((newest) => (ctx = newest));
    switch (field) {
      case "title":
        patch.title = await take(askTitle(conversation, ctx, event.title));
        break;
      case "description":
        patch.description = await take(askDescription(conversation, ctx));
        break;
      case "place": {
        const scope = await conversation.external(async (outer) => provincesOf(await requireActor(outer)));
        const province = await take(askProvince(conversation, ctx, provinceByCodeOrNull(event.province)?.name, scope));
        patch.province = province.code;
        patch.city = await take(askCity(conversation, ctx, province.code));
        patch.venueName = await take(askVenueName(conversation, ctx, event.venueName));
        patch.address = await take(askAddress(conversation, ctx));
        break;
      }
      case "location": {
        const point = await take(askLocation(conversation, ctx));
        patch.latitude = point?.latitude ?? null;
        patch.longitude = point?.longitude ?? null;
        break;
      }
      case "time": {
        const startsAt = await take(askStart(conversation, ctx, event.timeZone, now));
        patch.startsAt = startsAt;
        patch.endsAt = await take(askEnd(conversation, ctx, startsAt, event.timeZone, locale));
        if (event.rsvpDeadline && event.rsvpDeadline.getTime() > startsAt.getTime()) patch.rsvpDeadline = null;
        break;
      }
      case "capacity":
        patch.capacity = await take(askCapacity(conversation, ctx, loaded.taken));
        break;
      case "deadline":
        patch.rsvpDeadline = await take(askDeadline(conversation, ctx, event.startsAt, event.timeZone, now, locale));
        break;
      case "audience":
        patch.audience = await take(askAudience(conversation, ctx));
        break;
      case "companions":
        patch.maxCompanions = await take(askCompanions(conversation, ctx));
        break;
    }
    const result = await conversation.external(
      storable(async (outer): Promise<{ result: UpdateEventResult; told: number }> => {
        // an organiser cannot move an event out of their provinces (the domain refuses it as not found)
        const provinces = provincesOf(await requireActor(outer));
        const updated = await updateEvent(outer.deps.db, eventId, patch, { now: outer.deps.now(), provinces });
        let told = 0;
        if (updated.ok) {
          told = await notifier.changed(updated.event, updated.notify);
          await notifier.offers(updated.offers);
        }
        return { result: updated, told };
      }),
    );
    const outcome = result.result;
    if (!outcome.ok) {
      const reason = outcome.reason === "invalid" ? issuesText(t, outcome.issues) : t("events-admin-not-editable");
      await say(ctx, `${t("events-admin-not-saved")}\n${reason}`, removeKeyboard);
      return;
    }
    const key = outcome.changed.length === 0 ? "events-admin-edit-nothing" : "events-admin-edit-saved";
    await say(ctx, 
      t(key, { title: escapeHtml(outcome.event.title), told: result.told, offers: outcome.offers.length }),
      removeKeyboard,
    );
    await say(ctx, t("events-admin-edit-more"), new InlineKeyboard().text(t("events-admin-btn-manage"), adminEventCb.pack({ action: "view", id: eventId })));
  };
}
