// Check-in at the door, shared by the QR deep link (t.me/<bot>?start=ci_<token>) and /checkin <kode>.
// Only event staff (admins and the event's organisers) record attendance; an attendee who opens their own code is told to show it.
import { checkIn, extractCheckInToken } from "../../../domain/events/checkin.js";
import { formatDateTime } from "../../../domain/events/format.js";
import { findUser, findUserById } from "../../../domain/users.js";
import type { BotContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import type { EventsNotifier } from "./notify.js";
import { localeOf } from "./views.js";
import { escapeHtml } from "../../format.js";
import { findRegistrationByCheckInToken } from "../../../domain/events/lookup.js";
import { provincesOf, type Actor } from "../../../domain/organisers.js";

/** What a non-admin sees when they open a check-in link. */
export async function explainCheckInLink(ctx: BotContext, rawToken: string): Promise<void> {
  const token = extractCheckInToken(rawToken);
  const registration = token ? await findRegistrationByCheckInToken(ctx.deps.db, token) : null;
  const user = ctx.from ? await findUser(ctx.deps.db, ctx.from.id) : null;
  if (registration && user && registration.userId === user.id) {
    await ctx.reply(ctx.t("events-checkin-own-code", { title: escapeHtml(registration.event.title) }), { parse_mode: "HTML" });
    return;
  }
  await ctx.reply(ctx.t("events-checkin-staff-only"));
}

/**
 * Staff scanned or typed a code: record attendance (once) and greet the attendee. An organiser checks in
 * only at events of their provinces; another province's code reads as unknown.
 */
export async function staffCheckIn(ctx: BotContext, rawToken: string, notifier: EventsNotifier, actor: Actor): Promise<void> {
  const locale = localeOf(languageOf(ctx));
  const result = await checkIn(ctx.deps.db, rawToken, { now: ctx.deps.now(), provinces: provincesOf(actor) });
  switch (result.status) {
    case "not_found":
      await ctx.reply(ctx.t("events-checkin-not-found"));
      return;
    case "event_not_open":
      await ctx.reply(ctx.t("events-checkin-event-closed", { title: escapeHtml(result.event.title) }), { parse_mode: "HTML" });
      return;
    case "not_confirmed":
      await ctx.reply(ctx.t("events-checkin-not-confirmed", { title: escapeHtml(result.event.title) }), { parse_mode: "HTML" });
      return;
    case "already":
      await ctx.reply(
        ctx.t("events-checkin-already", {
          name: escapeHtml(result.fullName ?? "-"),
          title: escapeHtml(result.event.title),
          when: formatDateTime(result.checkedInAt, result.event.timeZone, locale),
        }),
        { parse_mode: "HTML" },
      );
      return;
    case "checked_in": {
      const attendee = await findUserById(ctx.deps.db, result.registration.userId);
      await ctx.reply(
        ctx.t("events-checkin-ok", {
          name: escapeHtml(result.fullName ?? "-"),
          title: escapeHtml(result.event.title),
          seats: 1 + result.companions,
        }),
        { parse_mode: "HTML" },
      );
      if (attendee) {
        const text = notifier.text(attendee.language, "events-checkin-welcome", { name: escapeHtml(result.fullName ?? attendee.firstName ?? ""), title: escapeHtml(result.event.title) });
        await notifier.send(attendee.telegramId, attendee.language, text);
      }
      return;
    }
  }
}

