// The announcement card of an event: the same text for a channel post (/umumkan) and an inline result.
// Telegram HTML parse mode; every value typed by people is escaped. Wording comes from the locales
// (organisers-card-*) through a translate function the bot passes in, so this file stays free of grammY.
import { provinceByCodeOrNull } from "../areas.js";
import { escapeHtml, type TextParams } from "../html.js";
import { needsEdit, postsOfEvent, type AnnouncementPost, type RenderedCard } from "../announcements.js";
import type { Db } from "../../db.js";
import { getEventWithSeats, withSeats, type EventWithSeats } from "./events.js";
import type { Event } from "../../generated/prisma/client.js";
import { formatDateRange, type DisplayLocale } from "./format.js";
import { eventDeepLink } from "./links.js";

/**
 * Cards are written in Bahasa Indonesia: a channel, a group or a chat an inline result is shared into has
 * no one reader whose language the bot knows.
 */
export const CARD_LANGUAGE = "id";

/** i18n.t bound to one locale: (key, params) → text; plain string parameters are escaped for HTML. */
export type Translate = (key: string, params?: TextParams) => string;

/**
 * open: registration open; full: every seat taken, the waitlist is open; closed: the RSVP deadline or
 * the start has passed; cancelled; completed: ended; draft: not announceable.
 */
export type CardState = "open" | "full" | "closed" | "cancelled" | "completed" | "draft";

export function cardState(event: Pick<Event, "status" | "startsAt" | "endsAt" | "rsvpDeadline" | "capacity">, seatsLeft: number | null, now: Date): CardState {
  if (event.status === "cancelled") return "cancelled";
  if (event.status === "completed" || event.endsAt.getTime() <= now.getTime()) return "completed";
  if (event.status !== "published") return "draft";
  if (now.getTime() >= event.startsAt.getTime()) return "closed";
  if (event.rsvpDeadline && now.getTime() > event.rsvpDeadline.getTime()) return "closed";
  if (event.capacity > 0 && seatsLeft !== null && seatsLeft <= 0) return "full";
  return "open";
}

/** Only published events that have not ended can be announced (posted or shared inline). */
export function canAnnounce(event: Pick<Event, "status" | "endsAt">, now: Date): boolean {
  return event.status === "published" && event.endsAt.getTime() > now.getTime();
}

export interface CardOptions {
  t: Translate;
  locale: DisplayLocale;
  /** the bot's username, for the "Daftar" deep link */
  botUsername: string;
  now?: Date;
}

/** The place line: "Hotel X, Jl. Y, Kota Jambi, Jambi". */
export function placeText(event: Pick<Event, "venueName" | "address" | "city" | "province">): string {
  const province = provinceByCodeOrNull(event.province)?.name ?? event.province;
  return [event.venueName, event.address, event.city, province].map((part) => part.trim()).filter((part) => part !== "").join(", ");
}

/**
 * The card: title, date and time in the event's own zone (WIB/WITA/WIT), place, seats left (or
 * "Penuh — daftar tunggu dibuka"), and a "Daftar" button with the bot's acara_<id> deep link while
 * registration is open. A cancelled or finished event keeps its title and loses the button.
 */
export function announcementCard(item: { event: Event; seatsLeft: number | null }, options: CardOptions): RenderedCard {
  const { event } = item;
  const { t, locale } = options;
  const state = cardState(event, item.seatsLeft, options.now ?? new Date());
  const lines: string[] = [];
  if (state === "cancelled") lines.push(t("organisers-card-cancelled"));
  lines.push(t("organisers-card-title", { title: escapeHtml(event.title) }));
  lines.push(t("organisers-card-when", { when: escapeHtml(formatDateRange(event.startsAt, event.endsAt, event.timeZone, locale)) }));
  lines.push(t("organisers-card-place", { place: escapeHtml(placeText(event)) }));
  if (event.audience === "alumni") lines.push(t("organisers-card-alumni-only"));
  switch (state) {
    case "open":
      lines.push(item.seatsLeft === null ? t("organisers-card-seats-unlimited") : t("organisers-card-seats", { seats: item.seatsLeft }));
      break;
    case "full":
      lines.push(t("organisers-card-full"));
      break;
    case "closed":
      lines.push(t("organisers-card-closed"));
      break;
    case "completed":
      lines.push(t("organisers-card-completed"));
      break;
    case "cancelled":
    case "draft":
      break;
  }
  const withButton = state === "open" || state === "full";
  return {
    text: lines.join("\n"),
    replyMarkup: withButton ? { inline_keyboard: [[{ text: t("organisers-card-button"), url: eventDeepLink(options.botUsername, event.id) }]] } : null,
  };
}

/**
 * After anything that can change a card (an edit, a cancellation, a seat taken or freed): the event's
 * current card and the posts that show something else; null when the event is gone or was never posted.
 * Posts already showing this card are left out, so the bot never sends an edit Telegram would refuse as
 * "message is not modified". After each successful edit the bot calls markEdited (../announcements.ts);
 * forgetPost when the message is gone.
 */
export async function cardEditsFor(db: Db, eventId: number, options: CardOptions): Promise<{ card: RenderedCard; posts: AnnouncementPost[] } | null> {
  // every RSVP asks: most events were never announced, so look for posts before rendering the card
  const posts = await postsOfEvent(db, eventId);
  if (posts.length === 0) return null;
  const item = await getEventWithSeats(db, eventId);
  if (!item) return null;
  const card = announcementCard(item, options);
  return { card, posts: posts.filter((post) => needsEdit(post, card)) };
}

/**
 * The events /umumkan offers: published and not ended, soonest first, within `provinces` (an organiser's
 * scope; null = every province).
 */
export async function announceableEvents(
  db: Db,
  options: { provinces?: readonly string[] | null; now?: Date; limit?: number } = {},
): Promise<EventWithSeats[]> {
  const now = options.now ?? new Date();
  const events = await db.event.findMany({
    where: { status: "published", endsAt: { gt: now }, ...(options.provinces ? { province: { in: [...options.provinces] } } : {}) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: Math.max(1, Math.min(50, options.limit ?? 20)),
  });
  return withSeats(db, events);
}
