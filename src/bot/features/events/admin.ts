import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { cancelEvent, completeEvent, getEventWithSeats, listEventsForAdmin, publishEvent } from "../../../domain/events/events.js";
import { formatDateRange } from "../../../domain/events/format.js";
import { eventDeepLink } from "../../../domain/events/links.js";
import type { BotContext, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import type { FeatureKit } from "../../feature.js";
import { requireActor, staffOnly } from "../../middlewares/admin.js";
import { eventForActor, provincesOf } from "../../../domain/organisers.js";
import { staffCheckIn } from "./checkin-flow.js";
import { detailsText, localeOf } from "./views.js";
import { escapeHtml, HTML, trustedHtml } from "../../format.js";
import { adminEventCb, adminListCb, EDITABLE_FIELDS, editFieldCb, exportCb, previewCb } from "./callbacks.js";
import { issuesText } from "./admin-views.js";
import { CREATE_CONVERSATION_ID, createEventConversation } from "./admin-create.js";
import { EDIT_CONVERSATION_ID, editEventConversation } from "./admin-edit.js";
import { askExportKind, eventsExport } from "./admin-export.js";
import { eventsImport } from "./admin-import.js";
import { registrationCounts } from "../../../domain/events/lookup.js";
import { BotComposer } from "../../composer.js";

const IDLE_MS = 2 * 60 * 60 * 1000;
const ADMIN_PAGE_SIZE = 5;

/**
 * Event administration, for the staff (everyone else gets the ordinary unknown-command reply); an
 * organiser sees and manages only the events of their provinces (every event id goes through eventForActor):
 * /buatacara, /acara_admin (list, edit, publish, cancel with notices, complete), /impor_acara (CSV document),
 * /ekspor (registrations or feedback as CSV), /checkin <kode>.
 */
export function eventsAdminFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("eventsAdmin", { admin: ["buatacara", "acara_admin", "ekspor", "impor_acara", "checkin"], callbacks: [adminListCb, adminEventCb, editFieldCb, exportCb, previewCb] });
  const { deps } = kit;
  const composer = new BotComposer<BotContext>();
  const notifier = kit.eventsNotifier;
  const admin = staffOnly(composer);

  kit.conversations.staff.use(createConversation<BotContext, ConvContext>(createEventConversation(kit.botUsername), { id: CREATE_CONVERSATION_ID, maxMillisecondsToWait: IDLE_MS }));
  kit.conversations.staff.use(createConversation<BotContext, ConvContext>(editEventConversation(notifier), { id: EDIT_CONVERSATION_ID, maxMillisecondsToWait: IDLE_MS }));
  const privateAdmin = admin.chatType("private");

  // organisers too: the conversation offers only their provinces, and createEvent refuses any other
  privateAdmin.command("buatacara", async (ctx) => {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(CREATE_CONVERSATION_ID);
  });

  // ------------------------------------------------------------------------------------ /acara_admin

  async function listView(ctx: BotContext, requested: number) {
    const actor = await requireActor(ctx);
    const list = await listEventsForAdmin(deps.db, { page: requested, pageSize: ADMIN_PAGE_SIZE, now: deps.now(), provinces: provincesOf(actor) });
    const keyboard = new InlineKeyboard();
    if (list.total === 0) return { text: ctx.t("events-admin-list-empty"), keyboard };
    const locale = localeOf(languageOf(ctx));
    const lines = list.items.map((item) => {
      const e = item.event;
      keyboard.text(ctx.t("events-admin-btn-open", { id: String(e.id) }), adminEventCb.pack({ action: "view", id: e.id })).row();
      return ctx.t("events-admin-list-item", {
        id: String(e.id),
        title: escapeHtml(e.title),
        status: trustedHtml(ctx.t(`events-status-${e.status}`)),
        when: formatDateRange(e.startsAt, e.endsAt, e.timeZone, locale),
        confirmed: item.confirmed,
        taken: item.taken,
        capacity: e.capacity === 0 ? "∞" : String(e.capacity),
        waitlisted: item.waitlisted,
      });
    });
    if (list.pages > 1) {
      if (list.page > 0) keyboard.text(ctx.t("events-btn-prev"), adminListCb.pack({ page: list.page - 1 }));
      keyboard.text(`${list.page + 1}/${list.pages}`, adminListCb.pack({ page: list.page }));
      if (list.page < list.pages - 1) keyboard.text(ctx.t("events-btn-next"), adminListCb.pack({ page: list.page + 1 }));
    }
    return { text: `${ctx.t("events-admin-list-title")}\n\n${lines.join("\n\n")}`, keyboard };
  }

  privateAdmin.command("acara_admin", async (ctx) => {
    const { text, keyboard } = await listView(ctx, 0);
    await ctx.reply(text, { ...HTML, reply_markup: keyboard });
  });

  admin.callbackQuery(adminListCb.filter, async (ctx) => {
    const data = adminListCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    const { text, keyboard } = await listView(ctx, data.page);
    await ctx.editMessageText(text, { ...HTML, reply_markup: keyboard }).catch(() => undefined);
  });

  async function showManage(ctx: BotContext, eventId: number) {
    const found = await getEventWithSeats(deps.db, eventId);
    if (!found) return ctx.reply(ctx.t("events-not-available"));
    const { event, seatsLeft } = found;
    const locale = localeOf(languageOf(ctx));
    const { byStatus: count, checkedIn } = await registrationCounts(deps.db, eventId);
    const link = eventDeepLink(kit.botUsername(), event.id);
    const text = [
      ctx.t("events-admin-manage-title", { id: String(event.id), status: trustedHtml(ctx.t(`events-status-${event.status}`)) }),
      "",
      detailsText((k, p) => ctx.t(k, p), locale, event, seatsLeft, link),
      "",
      ctx.t("events-admin-manage-counts", {
        confirmed: count("confirmed"),
        offered: count("offered"),
        waitlisted: count("waitlisted"),
        cancelled: count("cancelled") + count("expired"),
        checkedIn,
      }),
    ].join("\n");
    const keyboard = new InlineKeyboard();
    const live = event.status === "draft" || event.status === "published";
    if (live) keyboard.text(ctx.t("events-admin-btn-edit"), adminEventCb.pack({ action: "edit", id: event.id }));
    if (event.status === "draft") keyboard.text(ctx.t("events-admin-btn-publish"), adminEventCb.pack({ action: "publish", id: event.id }));
    keyboard.row();
    if (live) keyboard.text(ctx.t("events-admin-btn-cancel-event"), adminEventCb.pack({ action: "cancel", id: event.id }));
    if (event.status === "published" && event.startsAt.getTime() <= deps.now().getTime()) {
      keyboard.text(ctx.t("events-admin-btn-complete"), adminEventCb.pack({ action: "complete", id: event.id }));
    }
    keyboard.row().text(ctx.t("events-admin-btn-export"), exportCb.pack({ kind: "pick", id: event.id }));
    keyboard.row().text(ctx.t("events-admin-btn-back"), adminListCb.pack({ page: 0 }));
    await ctx.reply(text, { ...HTML, reply_markup: keyboard });
  }

  admin.callbackQuery(adminEventCb.filter, async (ctx) => {
    const data = adminEventCb.unpack(ctx.callbackQuery.data);
    const event = data ? await eventForActor(deps.db, await requireActor(ctx), data.id) : null;
    if (!data || !event) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    const title = escapeHtml(event.title);
    switch (data.action) {
      case "view":
        return showManage(ctx, event.id);
      case "export":
        return askExportKind(ctx, event.id);
      case "edit": {
        const keyboard = new InlineKeyboard();
        EDITABLE_FIELDS.forEach((field, i) => {
          keyboard.text(ctx.t(`events-admin-field-${field}`), editFieldCb.pack({ field, id: event.id }));
          if (i % 2 === 1) keyboard.row();
        });
        return ctx.reply(ctx.t("events-admin-edit-which", { title }), { ...HTML, reply_markup: keyboard });
      }
      case "publish": {
        const result = await publishEvent(deps.db, event.id, { now: deps.now() });
        if (result.ok) return ctx.reply(ctx.t("events-admin-published", { title, id: String(event.id), link: eventDeepLink(kit.botUsername(), event.id) }), HTML);
        if (result.reason === "invalid") return ctx.reply(`${ctx.t("events-admin-not-saved")}\n${issuesText((k, p) => ctx.t(k, p), result.issues)}`, HTML);
        return ctx.reply(ctx.t("events-admin-wrong-status", { status: trustedHtml(ctx.t(`events-status-${event.status}`)) }));
      }
      case "cancel":
        return ctx.reply(ctx.t("events-admin-cancel-confirm", { title }), {
          ...HTML,
          reply_markup: new InlineKeyboard()
            .text(ctx.t("events-admin-btn-cancel-yes"), adminEventCb.pack({ action: "cancelok", id: event.id }))
            .row()
            .text(ctx.t("events-admin-btn-cancel-no"), adminEventCb.pack({ action: "keep", id: event.id })),
        });
      case "keep":
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        return ctx.reply(ctx.t("events-admin-cancel-kept", { title }), HTML);
      case "cancelok": {
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        const result = await cancelEvent(deps.db, event.id, { now: deps.now() });
        if (!result.ok) return ctx.reply(ctx.t("events-admin-wrong-status", { status: trustedHtml(ctx.t(`events-status-${event.status}`)) }));
        const told = await notifier.cancelled(result.event, result.notify);
        ctx.log.info({ event: event.id, told, registrants: result.notify.length }, "event cancelled");
        return ctx.reply(ctx.t("events-admin-cancelled", { title, told, total: result.notify.length }), HTML);
      }
      case "complete": {
        const result = await completeEvent(deps.db, event.id);
        if (!result.ok) return ctx.reply(ctx.t("events-admin-wrong-status", { status: trustedHtml(ctx.t(`events-status-${event.status}`)) }));
        await notifier.seatsOrDetailsChanged(event.id);
        return ctx.reply(ctx.t("events-admin-completed", { title }), HTML);
      }
    }
  });

  admin.callbackQuery(editFieldCb.filter, async (ctx) => {
    const data = editFieldCb.unpack(ctx.callbackQuery.data);
    const event = data ? await eventForActor(deps.db, await requireActor(ctx), data.id) : null;
    if (!data || !event || ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(EDIT_CONVERSATION_ID, event.id, data.field);
  });

  admin.use(eventsExport(kit));
  admin.use(eventsImport(kit));

  // -------------------------------------------------------------------------------------- /checkin

  privateAdmin.command("checkin", async (ctx) => {
    const code = ctx.match.trim();
    if (!code) return ctx.reply(ctx.t("events-checkin-usage"), HTML);
    await staffCheckIn(ctx, code, notifier, await requireActor(ctx));
  });

  return composer;
}
