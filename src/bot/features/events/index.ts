import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, Keyboard } from "grammy";
import { formatDistanceKm, nearestEvents } from "../../../domain/geo.js";
import { completeFinishedEvents, getEventWithSeats, listUpcomingEvents } from "../../../domain/events/events.js";
import { eventDeepLink } from "../../../domain/events/links.js";
import { sendDueReminders } from "../../../domain/events/reminders.js";
import { acceptOffer, cancelRegistration, declineOffer, expireOffers, registrationsOfUser } from "../../../domain/events/rsvp.js";
import { findConsentedUser } from "../../../domain/users.js";
import type { BotContext, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import type { FeatureKit } from "../../feature.js";
import { detailsCb, listCb, myListCb, myRegistrationCb, offerCb, registerCb, venueCb } from "./callbacks.js";
import { explainCheckInLink, staffCheckIn } from "./checkin-flow.js";
import { sendTicket } from "./notify.js";
import { createRsvpConversation, RSVP_CONVERSATION_ID } from "./rsvp-conversation.js";
import { detailsText, listItem, localeOf, registrationStatusText, whenText } from "./views.js";
import { escapeHtml, HTML, trustedHtml, type TextParams, type Translate } from "../../format.js";
import { findEvent, findRegistration, findRegistrationWithEvent } from "../../../domain/events/lookup.js";
import { canManageEvent } from "../../../domain/organisers.js";
import { actorOf } from "../../middlewares/admin.js";
import { BotComposer } from "../../composer.js";

export const EVENTS_PAGE_SIZE = 5;
/** An unanswered RSVP question is dropped after this long, so a later message is not taken as an answer. */
const CONVERSATION_IDLE_MS = 2 * 60 * 60 * 1000;

/**
 * Temu Alumni for users: /acara (their province first, paginated), details, the venue pin, the RSVP
 * conversation, /rsvpku with change and cancel, seat offers, the event and check-in deep links, and the
 * background jobs (reminders, offer expiry, completing ended events).
 */
export function eventsFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("events", { user: ["acara", "rsvpku"], callbacks: [listCb, detailsCb, venueCb, registerCb, myRegistrationCb, offerCb, myListCb] });
  const { deps, mainMenu, deepLinks, scheduler } = kit;
  const composer = new BotComposer<BotContext>();
  const notifier = kit.eventsNotifier;

  kit.conversations.everyone.use(
    createConversation<BotContext, ConvContext>(createRsvpConversation(notifier, kit.botUsername), {
      id: RSVP_CONVERSATION_ID,
      maxMillisecondsToWait: CONVERSATION_IDLE_MS,
    }),
  );
  const privateChat = composer.chatType("private");

  async function userRow(ctx: BotContext) {
    return ctx.from ? findConsentedUser(deps.db, ctx.from.id) : null;
  }

  async function listView(ctx: BotContext, requestedPage: number) {
    const user = await userRow(ctx);
    const page = await listUpcomingEvents(deps.db, { province: user?.province ?? null, page: requestedPage, pageSize: EVENTS_PAGE_SIZE, now: deps.now() });
    const locale = localeOf(languageOf(ctx));
    const keyboard = new InlineKeyboard();
    if (page.total === 0) return { text: ctx.t("events-list-empty"), keyboard };
    const t: Translate = (key, params) => ctx.t(key, params);
    const items = page.items.map((item, i) => {
      const n = page.page * page.pageSize + i + 1;
      keyboard.text(ctx.t("events-btn-details", { n }), detailsCb.pack({ id: item.event.id }));
      if (item.event.latitude !== null && item.event.longitude !== null) keyboard.text(ctx.t("events-btn-venue", { n }), venueCb.pack({ id: item.event.id }));
      keyboard.text(ctx.t("events-btn-register", { n }), registerCb.pack({ id: item.event.id })).row();
      return listItem(t, locale, n, item.event, item.seatsLeft);
    });
    if (page.pages > 1) {
      if (page.page > 0) keyboard.text(ctx.t("events-btn-prev"), listCb.pack({ page: page.page - 1 }));
      keyboard.text(`${page.page + 1}/${page.pages}`, listCb.pack({ page: page.page }));
      if (page.page < page.pages - 1) keyboard.text(ctx.t("events-btn-next"), listCb.pack({ page: page.page + 1 }));
    }
    const header = user?.province && page.inProvince > 0 && page.page === 0 ? ctx.t("events-list-title-province") : ctx.t("events-list-title");
    const hint = user?.province ? "" : `\n\n${ctx.t("events-list-no-province-hint")}`;
    return { text: `${header}\n\n${items.join("\n\n")}${hint}`, keyboard };
  }

  async function showList(ctx: BotContext) {
    const { text, keyboard } = await listView(ctx, 0);
    await ctx.reply(text, { ...HTML, reply_markup: keyboard });
    // a message carries one keyboard: the location button comes with a short second message
    const askLocation = new Keyboard().requestLocation(ctx.t("events-nearest-btn")).resized().oneTime();
    await ctx.reply(ctx.t("events-nearest-prompt"), { ...HTML, reply_markup: askLocation });
  }

  /** A shared location: upcoming events by distance, nearest first. The location itself is not stored. */
  async function showNearest(ctx: BotContext, latitude: number, longitude: number) {
    const found = await nearestEvents(deps.db, { latitude, longitude }, { now: deps.now() });
    if (found.length === 0) return ctx.reply(ctx.t("events-nearest-none"), { reply_markup: { remove_keyboard: true } });
    const locale = localeOf(languageOf(ctx));
    const t = (key: string, params?: TextParams) => ctx.t(key, params);
    const keyboard = new InlineKeyboard();
    const items = found.map((item, i) => {
      const n = i + 1;
      keyboard.text(ctx.t("events-btn-details", { n }), detailsCb.pack({ id: item.event.id }));
      keyboard.text(ctx.t("events-btn-register", { n }), registerCb.pack({ id: item.event.id })).row();
      const km = formatDistanceKm(item.distanceKm, locale);
      const distance = item.approximate ? ctx.t("organisers-distance-approximate", { km, city: escapeHtml(item.event.city) }) : ctx.t("organisers-distance-km", { km });
      return `${listItem(t, locale, n, item.event, item.seatsLeft)}
${ctx.t("events-nearest-distance", { distance: trustedHtml(distance) })}`;
    });
    // the reply keyboard goes away with a first message; the list keeps its buttons
    await ctx.reply(ctx.t("events-nearest-title"), { reply_markup: { remove_keyboard: true } });
    await ctx.reply(items.join("\n\n"), { ...HTML, reply_markup: keyboard });
  }

  async function showDetails(ctx: BotContext, eventId: number) {
    const found = await getEventWithSeats(deps.db, eventId);
    const actor = await actorOf(ctx);
    // staff preview their own drafts through the link (an organiser: drafts of their provinces)
    const canPreview = found !== null && found.event.status === "draft" && actor !== null && canManageEvent(actor, found.event);
    if (!found || (found.event.status !== "published" && !canPreview)) {
      await ctx.reply(ctx.t("events-not-available"));
      return;
    }
    const { event, seatsLeft } = found;
    const link = eventDeepLink(kit.botUsername(), event.id);
    const user = await userRow(ctx);
    const registration = user ? await findRegistration(deps.db, eventId, user.id) : null;
    const active = registration && ["confirmed", "waitlisted", "offered"].includes(registration.status);
    const locale = localeOf(languageOf(ctx));
    let text = detailsText((k, p) => ctx.t(k, p), locale, event, seatsLeft, link);
    if (active && registration) text += `\n\n${ctx.t("events-details-your-status", { status: trustedHtml(registrationStatusText((k, p) => ctx.t(k, p), locale, registration, event)) })}`;
    const keyboard = new InlineKeyboard();
    if (event.latitude !== null && event.longitude !== null) keyboard.text(ctx.t("events-btn-venue-pin"), venueCb.pack({ id: event.id }));
    if (event.status === "published" && deps.now().getTime() < (event.rsvpDeadline ?? event.startsAt).getTime()) {
      keyboard.text(ctx.t(active ? "events-btn-register-update" : "events-btn-register-plain"), registerCb.pack({ id: event.id }));
    }
    keyboard.row().url(ctx.t("events-btn-share"), `https://t.me/share/url?url=${encodeURIComponent(link)}`);
    keyboard.row().text(ctx.t("events-btn-back-to-list"), listCb.pack({ page: 0 }));
    await ctx.reply(text, { ...HTML, reply_markup: keyboard });
  }

  privateChat.command("acara", showList);
  privateChat.on("message:location", async (ctx, next) => {
    // a location typed into a conversation (an admin placing a venue) is that conversation's answer
    if (Object.keys(await ctx.conversation.active()).length > 0) return next();
    return showNearest(ctx, ctx.message.location.latitude, ctx.message.location.longitude);
  });
  mainMenu.register("events", showList);

  composer.callbackQuery(listCb.filter, async (ctx) => {
    const data = listCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    const { text, keyboard } = await listView(ctx, data.page);
    // pressing the page number (or the same page twice) leaves the message as it is
    await ctx.editMessageText(text, { ...HTML, reply_markup: keyboard }).catch(() => undefined);
  });

  composer.callbackQuery(detailsCb.filter, async (ctx) => {
    const data = detailsCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    await showDetails(ctx, data.id);
  });

  composer.callbackQuery(venueCb.filter, async (ctx) => {
    const data = venueCb.unpack(ctx.callbackQuery.data);
    const event = data ? await findEvent(deps.db, data.id) : null;
    if (!event || (event.status !== "published" && event.status !== "completed")) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    if (event.latitude === null || event.longitude === null) {
      return ctx.reply(ctx.t("events-venue-no-pin", { venue: escapeHtml(event.venueName), address: escapeHtml(event.address) }), HTML);
    }
    await ctx.replyWithVenue(event.latitude, event.longitude, event.venueName.slice(0, 100), `${event.address}, ${event.city}`.slice(0, 200));
  });

  composer.callbackQuery(registerCb.filter, async (ctx) => {
    const data = registerCb.unpack(ctx.callbackQuery.data);
    if (!data || ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    // a new RSVP replaces whatever question was still open
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(RSVP_CONVERSATION_ID, data.id);
  });

  deepLinks.register("acara_", async (ctx, argument) => {
    if (!/^\d{1,9}$/.test(argument)) return ctx.reply(ctx.t("events-not-available"));
    await showDetails(ctx, Number(argument));
  });

  deepLinks.register("ci_", async (ctx, argument) => {
    const actor = await actorOf(ctx);
    if (actor) return staffCheckIn(ctx, argument, notifier, actor);
    return explainCheckInLink(ctx, argument);
  });

  // ---------------------------------------------------------------------------------------- /rsvpku

  async function showMine(ctx: BotContext) {
    const user = await userRow(ctx);
    const registrations = user ? await registrationsOfUser(deps.db, user.id, deps.now()) : [];
    if (registrations.length === 0) {
      return ctx.reply(ctx.t("events-my-none"), { reply_markup: new InlineKeyboard().text(ctx.t("events-btn-see-events"), listCb.pack({ page: 0 })) });
    }
    const locale = localeOf(languageOf(ctx));
    const t: Translate = (key, params) => ctx.t(key, params);
    const keyboard = new InlineKeyboard();
    const lines = registrations.map((r, i) => {
      const n = i + 1;
      const { event } = r;
      if (event.status === "published") {
        if (r.status === "offered") {
          keyboard.text(ctx.t("events-btn-offer-accept-n", { n }), offerCb.pack({ action: "accept", id: r.id }));
          keyboard.text(ctx.t("events-btn-offer-decline-n", { n }), offerCb.pack({ action: "decline", id: r.id }));
        } else {
          if (r.status === "confirmed") keyboard.text(ctx.t("events-btn-ticket-n", { n }), myRegistrationCb.pack({ action: "ticket", id: r.id }));
          keyboard.text(ctx.t("events-btn-change-n", { n }), registerCb.pack({ id: event.id }));
          keyboard.text(ctx.t("events-btn-cancel-n", { n }), myRegistrationCb.pack({ action: "cancel", id: r.id }));
        }
        keyboard.row();
      }
      return [`<b>${n}. ${escapeHtml(event.title)}</b>`, `📅 ${whenText(event, locale)}`, `📌 ${registrationStatusText(t, locale, r, event)}`].join("\n");
    });
    await ctx.reply(`${ctx.t("events-my-title")}\n\n${lines.join("\n\n")}`, { ...HTML, reply_markup: keyboard });
  }

  privateChat.command("rsvpku", showMine);
  composer.callbackQuery(myListCb.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMine(ctx);
  });

  composer.callbackQuery(myRegistrationCb.filter, async (ctx) => {
    const data = myRegistrationCb.unpack(ctx.callbackQuery.data);
    const user = await userRow(ctx);
    const registration = data && user ? await findRegistrationWithEvent(deps.db, data.id) : null;
    // the pressing user must own the registration: callback data can be forged
    if (!data || !user || !registration || registration.userId !== user.id) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    const { event } = registration;
    const title = escapeHtml(event.title);
    switch (data.action) {
      case "ticket":
        if (registration.status !== "confirmed" || event.status !== "published") return ctx.reply(ctx.t("events-ticket-unavailable"));
        return sendTicket(ctx.api, ctx.chat?.id ?? ctx.from.id, (k, p) => ctx.t(k, p), languageOf(ctx), event, registration, kit.botUsername());
      case "cancel":
        return ctx.reply(ctx.t("events-my-cancel-confirm", { title }), {
          parse_mode: "HTML",
          reply_markup: new InlineKeyboard()
            .text(ctx.t("events-btn-cancel-yes"), myRegistrationCb.pack({ action: "cancelok", id: registration.id }))
            .row()
            .text(ctx.t("events-btn-cancel-no"), myRegistrationCb.pack({ action: "keep", id: registration.id })),
        });
      case "keep":
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        return ctx.reply(ctx.t("events-my-kept", { title }), HTML);
      case "cancelok": {
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        const result = await cancelRegistration(deps.db, { registrationId: registration.id, userId: user.id, now: deps.now() });
        if (!result.ok) return ctx.reply(ctx.t(`events-my-cancel-failed-${result.reason}`, { title }), HTML);
        await ctx.reply(ctx.t("events-my-cancelled", { title }), HTML);
        await notifier.offers(result.offers);
        await notifier.seatsOrDetailsChanged(event.id);
        return;
      }
    }
  });

  composer.callbackQuery(offerCb.filter, async (ctx) => {
    const data = offerCb.unpack(ctx.callbackQuery.data);
    const user = await userRow(ctx);
    if (!data || !user) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    const request = { registrationId: data.id, userId: user.id, now: deps.now() };
    const result = data.action === "accept" ? await acceptOffer(deps.db, request) : await declineOffer(deps.db, request);
    if (!result.ok && (result.reason === "not_found" || result.reason === "not_yours")) {
      return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (result.offers.length > 0) await notifier.offers(result.offers);
    const registration = await findRegistrationWithEvent(deps.db, data.id);
    if (registration) await notifier.seatsOrDetailsChanged(registration.eventId);
    const title = escapeHtml(registration?.event.title ?? "");
    if (!result.ok) return ctx.reply(ctx.t(`events-offer-fail-${result.reason}`, { title }), HTML);
    if (data.action === "decline") return ctx.reply(ctx.t("events-offer-declined", { title }), HTML);
    if (!registration) return;
    await sendTicket(ctx.api, ctx.chat?.id ?? ctx.from.id, (k, p) => ctx.t(k, p), languageOf(ctx), registration.event, registration, kit.botUsername(), {
      intro: ctx.t("events-offer-accepted", { title }),
    });
  });

  // -------------------------------------------------------------------------------------------- jobs

  const everyMs = deps.config.JOBS_INTERVAL_SECONDS * 1000;
  scheduler.register({
    name: "events-reminders",
    everyMs,
    run: (now) => sendDueReminders(deps.db, now, (due) => notifier.reminder(due)),
  });
  scheduler.register({
    name: "events-offer-expiry",
    everyMs,
    run: async (now) => {
      const result = await expireOffers(deps.db, now);
      await notifier.lapses(result.expired);
      await notifier.offers(result.offers);
      return { expired: result.expired.length, offered: result.offers.length };
    },
  });
  scheduler.register({
    name: "events-complete",
    everyMs: Math.max(everyMs, 5 * 60 * 1000),
    run: (now) => completeFinishedEvents(deps.db, now),
  });

  return composer;
}
