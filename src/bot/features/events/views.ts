// How events look in chat: list items, details, registration lines. Pure functions of the data and a
// translator, so handlers, conversations and background jobs render the same way.
import { provinceByCodeOrNull } from "../../../domain/areas.js";
import type { Event, Registration } from "../../../generated/prisma/client.js";
import { formatDateRange, formatDateTime, type DisplayLocale } from "../../../domain/events/format.js";
import { escapeHtml, languageFrom, type Html, type Translate } from "../../format.js";

/** The display locale of the events' dates (the bot's language). */
export const localeOf: (language: string | null | undefined) => DisplayLocale = languageFrom;

export function seatsText(t: Translate, seatsLeft: number | null): string {
  if (seatsLeft === null) return t("events-seats-unlimited");
  if (seatsLeft <= 0) return t("events-seats-full");
  return t("events-seats-left", { count: seatsLeft });
}

export function placeLine(event: Pick<Event, "venueName" | "city" | "province">): Html {
  const province = provinceByCodeOrNull(event.province)?.name ?? "";
  return escapeHtml([event.venueName, event.city, province].filter(Boolean).join(", "));
}

export function whenText(event: Pick<Event, "startsAt" | "endsAt" | "timeZone">, locale: DisplayLocale): string {
  return formatDateRange(event.startsAt, event.endsAt, event.timeZone, locale);
}

/** One entry of the /acara list. */
export function listItem(t: Translate, locale: DisplayLocale, n: number, event: Event, seatsLeft: number | null): string {
  const lines = [
    `<b>${n}. ${escapeHtml(event.title)}</b>`,
    `📅 ${whenText(event, locale)}`,
    `📍 ${placeLine(event)}`,
    `🎟️ ${seatsText(t, seatsLeft)}`,
  ];
  if (event.audience === "alumni") lines.push(`🎓 ${t("events-audience-alumni-note")}`);
  return lines.join("\n");
}

/** The full details of an event. */
export function detailsText(t: Translate, locale: DisplayLocale, event: Event, seatsLeft: number | null, link: string): string {
  const lines = [`<b>${escapeHtml(event.title)}</b>`, ""];
  if (event.status === "cancelled") lines.push(`⚠️ ${t("events-status-cancelled-note")}`, "");
  if (event.description) lines.push(escapeHtml(event.description).toString(), "");
  lines.push(`📅 ${whenText(event, locale)}`);
  lines.push(`📍 ${escapeHtml(event.venueName)}`);
  lines.push(`🏠 ${escapeHtml(event.address)}, ${placeLine({ venueName: "", city: event.city, province: event.province })}`);
  lines.push(`🎟️ ${seatsText(t, seatsLeft)}`);
  const deadline = event.rsvpDeadline ?? event.startsAt;
  lines.push(`⏳ ${t("events-deadline", { when: formatDateTime(deadline, event.timeZone, locale) })}`);
  lines.push(`👥 ${event.audience === "alumni" ? t("events-audience-alumni") : t("events-audience-everyone")}`);
  if (event.maxCompanions > 0) lines.push(`➕ ${t("events-companions-allowed", { max: event.maxCompanions })}`);
  lines.push("", `🔗 ${link}`);
  return lines.join("\n");
}

/** "Terkonfirmasi", "Daftar tunggu no. 3", ... for one registration. */
export function registrationStatusText(t: Translate, locale: DisplayLocale, registration: Registration, event: Event): string {
  if (event.status === "cancelled") return t("events-my-status-event-cancelled");
  switch (registration.status) {
    case "confirmed":
      return registration.checkedInAt ? t("events-my-status-checked-in") : t("events-my-status-confirmed", { seats: 1 + registration.companions });
    case "waitlisted":
      return t("events-my-status-waitlisted", { position: registration.waitlistPosition ?? 0 });
    case "offered":
      return t("events-my-status-offered", {
        until: registration.offerExpiresAt ? formatDateTime(registration.offerExpiresAt, event.timeZone, locale) : "-",
      });
    default:
      return t("events-my-status-other");
  }
}
