import { Composer, GrammyError, InlineKeyboard } from "grammy";
import { applyMyChatMember, chatsForActor, canPostTo, forgetChat, getChat, moveChat, recordPost, type MemberStatus } from "../../../domain/announcements.js";
import { announceableEvents, announcementCard, canAnnounce, CARD_LANGUAGE } from "../../../domain/events/card.js";
import { findUser } from "../../../domain/users.js";
import { getEventWithSeats } from "../../../domain/events/events.js";
import { formatDateRange } from "../../../domain/events/format.js";
import { eventForActor, provincesOf } from "../../../domain/organisers.js";
import type { BotContext } from "../../context.js";
import type { FeatureKit } from "../../feature.js";
import { escapeHtml, HTML, trustedHtml, type TextParams } from "../../format.js";
import { languageOf } from "../../i18n.js";
import { requireActor, staffOnly } from "../../middlewares/admin.js";
import { announceEventCb, announcePostCb } from "./callbacks.js";
import { BotComposer } from "../../composer.js";

/** Events offered by /umumkan at once (the soonest first). */
const EVENTS_OFFERED = 10;

/**
 * Channels and groups the bot administers (`my_chat_member`): remembered when the bot becomes an
 * administrator who can post, forgotten when it is removed or demoted; the owners are told either way.
 * A group that becomes a supergroup keeps its place under the new id. Mounted outside the private-chat
 * branch: these updates come from channels and groups.
 */
export function announceChatsFeature(kit: FeatureKit): Composer<BotContext> {
  const { deps } = kit;
  const composer = new BotComposer<BotContext>();

  async function tellOwners(key: string, params: (language: string) => TextParams): Promise<void> {
    for (const owner of deps.config.ADMIN_IDS) {
      const language = (await findUser(deps.db, owner))?.language ?? CARD_LANGUAGE;
      // an owner who never started the bot cannot be written to: that is no reason to fail the update
      await kit.api.sendMessage(owner.toString(), kit.t(language, key, params(language)), HTML).catch((error: unknown) => deps.logger.warn({ err: error }, "owner not told about an announcement chat"));
    }
  }

  composer.on("my_chat_member", async (ctx, next) => {
    // a private chat's my_chat_member (the user blocked or restarted the bot) is the subscription feature's
    if (ctx.myChatMember.chat.type === "private") return next();
    const update = ctx.myChatMember;
    const member = update.new_chat_member;
    const outcome = await applyMyChatMember(deps.db, {
      chat: { id: update.chat.id, type: update.chat.type, title: "title" in update.chat ? update.chat.title : undefined, username: "username" in update.chat ? update.chat.username : undefined },
      from: { id: update.from.id },
      newStatus: member.status as MemberStatus,
      canPostMessages: member.status === "administrator" && update.chat.type === "channel" ? member.can_post_messages === true : undefined,
    });
    if (outcome.action === "added") {
      deps.logger.info({ chat: outcome.chat.chatId.toString(), by: update.from.id }, "announcement chat added");
      const { type, title } = outcome.chat;
      await tellOwners("organisers-chat-added", (language) => ({ kind: trustedHtml(kit.t(language, `organisers-chat-kind-${type}`)), title: escapeHtml(title) }));
    } else if (outcome.action === "removed") {
      deps.logger.info({ chat: outcome.chatId.toString(), by: update.from.id }, "announcement chat removed");
      const title = escapeHtml(outcome.title);
      await tellOwners("organisers-chat-removed", () => ({ title }));
    }
  });

  composer.on("message:migrate_to_chat_id", async (ctx, next) => {
    await moveChat(deps.db, BigInt(ctx.chat.id), BigInt(ctx.message.migrate_to_chat_id));
    return next();
  });

  return composer;
}

/**
 * /umumkan for the staff: pick one of the events the actor manages, then one of the chats they may post
 * to; the bot posts the announcement card there (title, time in the event's zone, place, seats left and
 * a "Daftar" deep-link button) and keeps the card up to date afterwards (EventsNotifier). Organisers see
 * only their provinces' events and the chats open to them.
 */
export function announceFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("announce", { admin: ["umumkan"], callbacks: [announceEventCb, announcePostCb] });
  const { deps } = kit;
  const composer = new BotComposer<BotContext>();
  const staff = staffOnly(composer);
  const cardText = (key: string, params?: TextParams) => kit.t(CARD_LANGUAGE, key, params);

  /** The chats to post an event to, as buttons; or the reason there are none. */
  async function chooseChat(ctx: BotContext, eventId: number) {
    const actor = await requireActor(ctx);
    const event = await eventForActor(deps.db, actor, eventId);
    if (!event || !canAnnounce(event, deps.now())) return ctx.reply(ctx.t("events-not-available"));
    const chats = await chatsForActor(deps.db, actor);
    if (chats.length === 0) return ctx.reply(ctx.t("organisers-announce-no-chats", { bot: kit.botUsername() }), HTML);
    const keyboard = new InlineKeyboard();
    for (const chat of chats) {
      keyboard.text(`${chat.type === "channel" ? "📢" : "👥"} ${chat.title}`.slice(0, 64), announcePostCb.pack({ id: event.id, chat: chat.chatId.toString() })).row();
    }
    return ctx.reply(ctx.t("organisers-announce-pick-chat", { title: escapeHtml(event.title) }), { ...HTML, reply_markup: keyboard });
  }

  staff.chatType("private").command("umumkan", async (ctx) => {
    const actor = await requireActor(ctx);
    const argument = ctx.match.trim();
    if (/^\d{1,9}$/.test(argument)) return chooseChat(ctx, Number(argument));
    const events = await announceableEvents(deps.db, { provinces: provincesOf(actor), now: deps.now(), limit: EVENTS_OFFERED });
    if (events.length === 0) return ctx.reply(ctx.t("organisers-announce-no-events"));
    const locale = languageOf(ctx);
    const keyboard = new InlineKeyboard();
    const lines = events.map(({ event }, i) => {
      keyboard.text(ctx.t("organisers-announce-btn-event", { n: i + 1 }), announceEventCb.pack({ id: event.id }));
      if (i % 5 === 4) keyboard.row();
      return ctx.t("organisers-announce-event-line", { n: i + 1, title: escapeHtml(event.title), when: formatDateRange(event.startsAt, event.endsAt, event.timeZone, locale), city: escapeHtml(event.city) });
    });
    return ctx.reply([ctx.t("organisers-announce-pick-event"), "", ...lines].join("\n"), { ...HTML, reply_markup: keyboard });
  });

  staff.callbackQuery(announceEventCb.filter, async (ctx) => {
    const data = announceEventCb.unpack(ctx.callbackQuery.data);
    const actor = await requireActor(ctx);
    const event = data ? await eventForActor(deps.db, actor, data.id) : null;
    if (!data || !event || ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    await chooseChat(ctx, event.id);
  });

  staff.callbackQuery(announcePostCb.filter, async (ctx) => {
    const data = announcePostCb.unpack(ctx.callbackQuery.data);
    const actor = await requireActor(ctx);
    const event = data ? await eventForActor(deps.db, actor, data.id) : null;
    const chat = data && event ? await getChat(deps.db, BigInt(data.chat)) : null;
    if (!data || !event || !chat || !canPostTo(actor, chat) || ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const item = await getEventWithSeats(deps.db, event.id);
    if (!item || !canAnnounce(item.event, deps.now())) return ctx.reply(ctx.t("events-not-available"));
    const card = announcementCard(item, { t: cardText, locale: CARD_LANGUAGE, botUsername: kit.botUsername(), now: deps.now() });
    const title = escapeHtml(chat.title);
    try {
      const message = await ctx.api.sendMessage(chat.chatId.toString(), card.text, { ...HTML, ...(card.replyMarkup ? { reply_markup: card.replyMarkup } : {}) });
      await recordPost(deps.db, { chatId: chat.chatId, messageId: message.message_id, eventId: event.id, postedBy: actor.telegramId, card });
      ctx.log.info({ event: event.id, chat: chat.chatId.toString(), by: actor.telegramId.toString() }, "event announced");
      const link = chat.username ? `https://t.me/${chat.username}/${message.message_id}` : null;
      return ctx.reply(ctx.t(link ? "organisers-announce-posted-link" : "organisers-announce-posted", { title: escapeHtml(event.title), chat: title, link: link ?? "" }), HTML);
    } catch (error) {
      if (!(error instanceof GrammyError)) throw error;
      ctx.log.warn({ err: error, event: event.id, chat: chat.chatId.toString() }, "announcement not posted");
      // removed or kicked while the button waited: forget the chat so it is not offered again
      if (error.error_code === 403) await forgetChat(deps.db, chat.chatId);
      return ctx.reply(ctx.t("organisers-announce-failed", { chat: title }), HTML);
    }
  });

  const everyMs = deps.config.JOBS_INTERVAL_SECONDS * 1000;
  kit.scheduler.register({ name: "announcement-cards", everyMs, run: (now) => kit.eventsNotifier.followAllCards(now) });

  return composer;
}
