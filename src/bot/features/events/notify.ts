// Messages the events feature sends outside a user's own update: seat offers, lapsed offers, cancelled or
// changed events, reminders, and the ticket (.ics + QR) that also answers an RSVP.
import { GrammyError, HttpError, InlineKeyboard, InputFile, type Api } from "grammy";
import type { Event, Registration } from "../../../generated/prisma/client.js";
import type { Db } from "../../../db.js";
import { checkInQrPng } from "../../../domain/events/checkin.js";
import { formatDateTime } from "../../../domain/events/format.js";
import { buildEventIcs, icsFileName } from "../../../domain/events/ics.js";
import { checkInDeepLink, eventDeepLink } from "../../../domain/events/links.js";
import type { DueReminder, SendOutcome } from "../../../domain/events/reminders.js";
import type { Notice } from "../../../domain/events/seats.js";
import { markUserBlocked } from "../../../domain/users.js";
import type { Logger } from "../../../logger.js";
import { detailsCb, myListCb, myRegistrationCb, offerCb, venueCb } from "./callbacks.js";
import { localeOf, placeLine, whenText } from "./views.js";
import { escapeHtml, HTML, type TextParams, type Translate } from "../../format.js";
import { findEvent } from "../../../domain/events/lookup.js";
import { CardFollower, type FollowResult } from "./card-follower.js";
import { CARD_LANGUAGE } from "../../../domain/events/card.js";

export interface NotifierDeps {
  api: Api;
  db: Db;
  logger: Logger;
  t: (language: string | null | undefined, key: string, params?: TextParams) => string;
  botUsername: () => string;
  now: () => Date;
}

/** Sends the confirmation package: the details, the personal check-in QR code, and the calendar file. */
export async function sendTicket(
  api: Api,
  chatId: number | string,
  t: Translate,
  language: string,
  event: Event,
  registration: Pick<Registration, "id" | "checkInToken" | "companions" | "fullName">,
  botUsername: string,
  options: { intro?: string; removeKeyboard?: boolean } = {},
): Promise<void> {
  const locale = localeOf(language);
  const text = [
    options.intro ?? t("events-ticket-title"),
    "",
    `<b>${escapeHtml(event.title)}</b>`,
    `📅 ${whenText(event, locale)}`,
    `📍 ${placeLine(event)}`,
    `🏠 ${escapeHtml(event.address)}`,
    `👤 ${escapeHtml(registration.fullName ?? "")}${registration.companions > 0 ? ` (+${registration.companions})` : ""}`,
  ].join("\n");
  await api.sendMessage(chatId, text, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    reply_markup: options.removeKeyboard ? { remove_keyboard: true } : undefined,
  });
  const link = checkInDeepLink(botUsername, registration.checkInToken);
  const qr = await checkInQrPng(link);
  await api.sendPhoto(chatId, new InputFile(qr, `checkin-${registration.id}.png`), {
    caption: t("events-ticket-qr-caption", { code: registration.checkInToken }),
    parse_mode: "HTML",
  });
  const ics = buildEventIcs(event, { url: eventDeepLink(botUsername, event.id), locale });
  const keyboard = new InlineKeyboard();
  if (event.latitude !== null && event.longitude !== null) keyboard.text(t("events-btn-venue-pin"), venueCb.pack({ id: event.id }));
  keyboard.text(t("events-btn-my-registrations"), myListCb.pack({}));
  await api.sendDocument(chatId, new InputFile(Buffer.from(ics, "utf8"), icsFileName(event)), {
    caption: t("events-ticket-ics-caption"),
    reply_markup: keyboard,
  });
}

export class EventsNotifier {
  private readonly cards: CardFollower;

  constructor(private readonly deps: NotifierDeps) {
    this.cards = new CardFollower({ ...deps, t: (key, params) => deps.t(CARD_LANGUAGE, key, params) });
  }

  /**
   * The event changed in a way its announcement cards show (details, status, seats left): edit the
   * channel and group posts that need it. Never throws; what fails is retried by the periodic job.
   */
  seatsOrDetailsChanged(eventId: number): Promise<FollowResult> {
    return this.cards.follow(eventId);
  }

  /** The periodic safety net for cards (the deadline passing, a change made outside the bot). */
  followAllCards(now: Date): Promise<FollowResult> {
    return this.cards.followAll(now);
  }

  /** A text in the recipient's language (outside an update there is no ctx.t). */
  text(language: string, key: string, params?: TextParams): string {
    return this.deps.t(language, key, params);
  }

  private translator(language: string): Translate {
    return (key, params) => this.deps.t(language, key, params);
  }

  /** Sends one message; 403 marks the user as having blocked the bot. */
  async send(telegramId: bigint, language: string, text: string, extra: Parameters<Api["sendMessage"]>[2] = {}): Promise<SendOutcome> {
    try {
      await this.deps.api.sendMessage(telegramId.toString(), text, { ...HTML, ...extra });
      return "sent";
    } catch (error) {
      return this.outcomeOf(error, telegramId);
    }
  }

  async outcomeOf(error: unknown, telegramId: bigint): Promise<SendOutcome> {
    if (error instanceof GrammyError) {
      if (error.error_code === 403) {
        await markUserBlocked(this.deps.db, telegramId, this.deps.now());
        return "undeliverable";
      }
      if (error.error_code === 400) return "undeliverable";
      return "retry";
    }
    if (error instanceof HttpError) return "retry";
    this.deps.logger.warn({ err: error }, "event notice failed");
    return "retry";
  }

  private async eventOf(id: number): Promise<Event | null> {
    return findEvent(this.deps.db, id);
  }

  /** "A seat is free for you": accept or decline buttons, and until when. */
  async offers(notices: Notice[]): Promise<void> {
    for (const eventId of new Set(notices.map((n) => n.eventId))) await this.seatsOrDetailsChanged(eventId);
    for (const notice of notices) {
      const event = await this.eventOf(notice.eventId);
      if (!event || !notice.offerExpiresAt) continue;
      const t = this.translator(notice.language);
      const locale = localeOf(notice.language);
      const text = t("events-offer", {
        title: escapeHtml(event.title),
        when: whenText(event, locale),
        until: formatDateTime(notice.offerExpiresAt, event.timeZone, locale),
      });
      const keyboard = new InlineKeyboard()
        .text(t("events-btn-offer-accept"), offerCb.pack({ action: "accept", id: notice.registrationId }))
        .row()
        .text(t("events-btn-offer-decline"), offerCb.pack({ action: "decline", id: notice.registrationId }));
      await this.send(notice.telegramId, notice.language, text, { reply_markup: keyboard });
    }
  }

  async lapses(notices: Notice[]): Promise<void> {
    for (const notice of notices) {
      const event = await this.eventOf(notice.eventId);
      if (!event) continue;
      await this.send(notice.telegramId, notice.language, this.translator(notice.language)("events-offer-lapsed", { title: escapeHtml(event.title) }));
    }
  }

  async cancelled(event: Event, notices: Notice[]): Promise<number> {
    await this.seatsOrDetailsChanged(event.id);
    let sent = 0;
    for (const notice of notices) {
      const t = this.translator(notice.language);
      const text = t("events-cancelled-notice", { title: escapeHtml(event.title), when: whenText(event, localeOf(notice.language)) });
      if ((await this.send(notice.telegramId, notice.language, text)) === "sent") sent++;
    }
    return sent;
  }

  async changed(event: Event, notices: Notice[]): Promise<number> {
    await this.seatsOrDetailsChanged(event.id);
    let sent = 0;
    for (const notice of notices) {
      const t = this.translator(notice.language);
      const locale = localeOf(notice.language);
      const text = t("events-changed-notice", {
        title: escapeHtml(event.title),
        when: whenText(event, locale),
        place: placeLine(event),
        address: escapeHtml(event.address),
      });
      const keyboard = new InlineKeyboard().text(t("events-btn-details-plain"), detailsCb.pack({ id: event.id }));
      if ((await this.send(notice.telegramId, notice.language, text, { reply_markup: keyboard })) === "sent") sent++;
    }
    return sent;
  }

  /** One reminder (already claimed in the database by the caller). */
  async reminder(due: DueReminder): Promise<SendOutcome> {
    const t = this.translator(due.language);
    const locale = localeOf(due.language);
    const event = due.event;
    const text = t(due.kind === "day" ? "events-reminder-day" : "events-reminder-hours", {
      title: escapeHtml(event.title),
      when: whenText(event, locale),
      place: placeLine(event),
      address: escapeHtml(event.address),
    });
    const keyboard = new InlineKeyboard();
    if (event.latitude !== null && event.longitude !== null) keyboard.text(t("events-btn-venue-pin"), venueCb.pack({ id: event.id }));
    keyboard.text(t("events-btn-ticket"), myRegistrationCb.pack({ action: "ticket", id: due.registrationId }));
    return this.send(due.telegramId, due.language, text, { reply_markup: keyboard });
  }
}
