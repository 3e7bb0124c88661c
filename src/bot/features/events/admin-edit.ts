import { InlineKeyboard } from "grammy";
import { provinceByCodeOrNull } from "../../../domain/areas.js";
import { updateEvent, type UpdateEventResult } from "../../../domain/events/events.js";
import { takenSeats } from "../../../domain/events/seats.js";
import type { EventInput } from "../../../domain/events/validation.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import { askAddress, askAudience, askCapacity, askCity, askCompanions, askDeadline, askDescription, askEnd, askLocation, askProvince, askStart, askTitle, askVenueName, say } from "./admin-steps.js";
import type { EventsNotifier } from "./notify.js";
import { storable } from "./plain.js";
import { localeOf } from "./views.js";
import { escapeHtml, type Translate } from "../../format.js";
import { adminEventCb, type EditableField } from "./callbacks.js";
import { issuesText, removeKeyboard } from "./admin-views.js";
import { findEvent } from "../../../domain/events/lookup.js";

export const EDIT_CONVERSATION_ID = "events-admin-edit";

/** Changes one part of an event (the same questions as /buatacara), then tells registrants about a new time or place. */
export function editEventConversation(notifier: EventsNotifier) {
  return async function editEventFlow(conversation: BotConversation, ctx: ConvContext, eventId: number, field: EditableField): Promise<void> {
    const t: Translate = (key, params) => ctx.t(key, params);
    const locale = localeOf(languageOf(ctx));
    const loaded = await conversation.external(
      storable(async (outer) => {
        const event = await findEvent(outer.deps.db, eventId);
        return { event, taken: event ? await takenSeats(outer.deps.db, eventId) : 0 };
      }),
    );
    const event = loaded.event;
    if (!event || event.status === "cancelled" || event.status === "completed") {
      await say(ctx, t("events-admin-not-editable"));
      return;
    }
    const now = new Date(await conversation.external((outer) => outer.deps.now().getTime()));
    const patch: Partial<EventInput> = {};
    switch (field) {
      case "title": {
        const title = await askTitle(conversation, ctx, event.title);
        ctx = title.ctx;
        patch.title = title.value;
        break;
      }
      case "description": {
        const description = await askDescription(conversation, ctx);
        ctx = description.ctx;
        patch.description = description.value;
        break;
      }
      case "place": {
        const province = await askProvince(conversation, ctx, provinceByCodeOrNull(event.province)?.name);
        ctx = province.ctx;
        patch.province = province.value.code;
        const city = await askCity(conversation, ctx, province.value.code);
        ctx = city.ctx;
        patch.city = city.value;
        const venueName = await askVenueName(conversation, ctx, event.venueName);
        ctx = venueName.ctx;
        patch.venueName = venueName.value;
        const address = await askAddress(conversation, ctx);
        ctx = address.ctx;
        patch.address = address.value;
        break;
      }
      case "location": {
        const point = await askLocation(conversation, ctx);
        ctx = point.ctx;
        patch.latitude = point.value?.latitude ?? null;
        patch.longitude = point.value?.longitude ?? null;
        break;
      }
      case "time": {
        const startsAt = await askStart(conversation, ctx, event.timeZone, now);
        ctx = startsAt.ctx;
        const endsAt = await askEnd(conversation, ctx, startsAt.value, event.timeZone, locale);
        ctx = endsAt.ctx;
        patch.startsAt = startsAt.value;
        patch.endsAt = endsAt.value;
        if (event.rsvpDeadline && event.rsvpDeadline.getTime() > startsAt.value.getTime()) patch.rsvpDeadline = null;
        break;
      }
      case "capacity": {
        const capacity = await askCapacity(conversation, ctx, loaded.taken);
        ctx = capacity.ctx;
        patch.capacity = capacity.value;
        break;
      }
      case "deadline": {
        const deadline = await askDeadline(conversation, ctx, event.startsAt, event.timeZone, now, locale);
        ctx = deadline.ctx;
        patch.rsvpDeadline = deadline.value;
        break;
      }
      case "audience": {
        const audience = await askAudience(conversation, ctx);
        ctx = audience.ctx;
        patch.audience = audience.value;
        break;
      }
      case "companions": {
        const companions = await askCompanions(conversation, ctx);
        ctx = companions.ctx;
        patch.maxCompanions = companions.value;
        break;
      }
    }
    const result = await conversation.external(
      storable(async (outer): Promise<{ result: UpdateEventResult; told: number }> => {
        const updated = await updateEvent(outer.deps.db, eventId, patch, { now: outer.deps.now() });
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
