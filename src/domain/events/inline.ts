// Inline mode: "@bot jambi" in any chat lists upcoming public meetups as cards to share. A query matches
// a province (name, alias such as "jatim"), a kabupaten/kota, or words of the title; an empty query lists
// the soonest. Results are bounded (Telegram shows at most 50 per answer).
import type { Db } from "../../db.js";
import { matchProvince, normalizePlaceName, provinceByCodeOrNull } from "../areas.js";
import { announcementCard, type CardOptions } from "./card.js";
import { withSeats, type EventWithSeats } from "./events.js";
import { formatDate } from "./format.js";

export const INLINE_DEFAULT_LIMIT = 10;
/** Telegram accepts at most 50 results per answerInlineQuery. */
export const INLINE_MAX_LIMIT = 50;
/** How many upcoming events are considered at most (the search itself is in memory). */
const CANDIDATES = 500;
const MAX_QUERY_LENGTH = 64;

function words(text: string): string[] {
  return normalizePlaceName(text).split(" ").filter((w) => w !== "");
}

/** Words an event can be found by: its title, its kabupaten/kota and its province. */
function searchableWords(event: EventWithSeats["event"]): Set<string> {
  const province = provinceByCodeOrNull(event.province);
  return new Set([...words(event.title), ...words(event.city), ...words(province?.officialName ?? ""), ...words(province?.name ?? "")]);
}

/** Every word of the query starts a word of the event ("banjar" finds "Banjarbaru"). */
function matchesWords(queryWords: readonly string[], event: EventWithSeats["event"]): boolean {
  const haystack = [...searchableWords(event)];
  return queryWords.every((q) => haystack.some((w) => w.startsWith(q)));
}

/**
 * Upcoming published events for an inline query, soonest first. A query that names a province exactly
 * or by a common alias ("jatim", "DKI") lists that province's events; otherwise every word of the query
 * must begin a word of the title, the kabupaten/kota or the province.
 */
export async function searchInlineEvents(
  db: Db,
  query: string,
  options: { now?: Date; limit?: number } = {},
): Promise<EventWithSeats[]> {
  const now = options.now ?? new Date();
  const limit = Math.min(INLINE_MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? INLINE_DEFAULT_LIMIT)));
  const text = query.slice(0, MAX_QUERY_LENGTH);
  const queryWords = words(text);
  const events = await db.event.findMany({
    where: { status: "published", endsAt: { gt: now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: queryWords.length === 0 ? limit : CANDIDATES,
  });
  if (queryWords.length === 0) return withSeats(db, events);
  const province = matchProvince(text).match;
  const exactProvince = province && normalizePlaceName(text).length >= 2 ? province.code : null;
  const found = events.filter((event) => event.province === exactProvince || matchesWords(queryWords, event)).slice(0, limit);
  return withSeats(db, found);
}

/** Telegram's InlineQueryResultArticle, as a plain object. */
export interface InlineArticle {
  type: "article";
  id: string;
  title: string;
  description: string;
  input_message_content: { message_text: string; parse_mode: "HTML"; link_preview_options: { is_disabled: true } };
  reply_markup?: { inline_keyboard: { text: string; url: string }[][] };
}

/** One inline result: the event's card, shared with its "Daftar" deep-link button. */
export function inlineArticle(item: EventWithSeats, options: CardOptions): InlineArticle {
  const card = announcementCard(item, options);
  const { event } = item;
  const article: InlineArticle = {
    type: "article",
    id: `acara_${event.id}`,
    title: event.title,
    description: options.t("organisers-inline-description", {
      date: formatDate(event.startsAt, event.timeZone, options.locale),
      city: event.city,
    }),
    input_message_content: { message_text: card.text, parse_mode: "HTML", link_preview_options: { is_disabled: true } },
  };
  if (card.replyMarkup) article.reply_markup = card.replyMarkup;
  return article;
}

