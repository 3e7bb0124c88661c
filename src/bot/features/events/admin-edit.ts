import { InlineKeyboard } from "grammy";
import { provinceByCodeOrNull } from "../../../domain/areas.js";
import { updateEvent, type UpdateEventResult } from "../../../domain/events/events.js";
import { takenSeats } from "../../../domain/events/seats.js";
import type { EventInput } from "../../../domain/events/validation.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import { AdminSteps } from "./admin-steps.js";
import type { EventsNotifier } from "./notify.js";
import { storable } from "./plain.js";
import { localeOf } from "./views.js";
import { escapeHtml, type Translate } from "../../format.js";
import { adminEventCb, type EditableField } from "./callbacks.js";
import { issuesText, removeKeyboard } from "./admin-views.js";
import { findEvent } from "../../../domain/events/lookup.js";
import { provincesOf } from "../../../domain/organisers.js";
import { requireActor } from "../../middlewares/admin.js";

export const EDIT_CONVERSATION_ID = "events-admin-edit";

/** Changes one part of an event (the same questions as /buatacara), then tells registrants about a new time or place. */
export function editEventConversation(notifier: EventsNotifier) {
  return async function editEventFlow(conversation: BotConversation, ctx: ConvContext, eventId: number, field: EditableField): Promise<void> {
    const t: Translate = (key, params) => ctx.t(key, params);
    const locale = localeOf(languageOf(ctx));
    const steps = new AdminSteps(conversation, ctx, locale);
    const loaded = await conversation.external(
      storable(async (outer) => {
        const event = await findEvent(outer.deps.db, eventId);
        return { event, taken: event ? await takenSeats(outer.deps.db, eventId) : 0 };
      }),
    );
    const event = loaded.event;
    if (!event || event.status === "cancelled" || event.status === "completed") {
      await steps.say(t("events-admin-not-editable"));
      return;
    }
    const now = new Date(await conversation.external((outer) => outer.deps.now().getTime()));
    const patch: Partial<EventInput> = {};
    switch (field) {
      case "title":
        patch.title = await steps.title(event.title);
        break;
      case "description":
        patch.description = await steps.description();
        break;
      case "place": {
        const province = await steps.province(provinceByCodeOrNull(event.province)?.name);
        patch.province = province.code;
        patch.city = await steps.city(province.code);
        patch.venueName = await steps.venueName(event.venueName);
        patch.address = await steps.address();
        break;
      }
      case "location": {
        const point = await steps.location();
        patch.latitude = point?.latitude ?? null;
        patch.longitude = point?.longitude ?? null;
        break;
      }
      case "time":
        patch.startsAt = await steps.start(event.timeZone, now);
        patch.endsAt = await steps.end(patch.startsAt, event.timeZone);
        if (event.rsvpDeadline && event.rsvpDeadline.getTime() > patch.startsAt.getTime()) patch.rsvpDeadline = null;
        break;
      case "capacity":
        patch.capacity = await steps.capacity(loaded.taken);
        break;
      case "deadline":
        patch.rsvpDeadline = await steps.deadline(event.startsAt, event.timeZone, now);
        break;
      case "audience":
        patch.audience = await steps.audience();
        break;
      case "companions":
        patch.maxCompanions = await steps.companions();
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
      await steps.say(`${t("events-admin-not-saved")}\n${reason}`, removeKeyboard);
      return;
    }
    const key = outcome.changed.length === 0 ? "events-admin-edit-nothing" : "events-admin-edit-saved";
    await steps.say(
      t(key, { title: escapeHtml(outcome.event.title), told: result.told, offers: outcome.offers.length }),
      removeKeyboard,
    );
    await steps.say(t("events-admin-edit-more"), new InlineKeyboard().text(t("events-admin-btn-manage"), adminEventCb.pack({ action: "view", id: eventId })));
  };
}
