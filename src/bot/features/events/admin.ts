import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import { provinceByCodeOrNull } from "../../../domain/areas.js";
import {
  cancelEvent,
  completeEvent,
  createEvent,
  getEventWithSeats,
  listEventsForAdmin,
  publishEvent,
  updateEvent,
  type UpdateEventResult,
} from "../../../domain/events/events.js";
import { registrationsCsv } from "../../../domain/events/export.js";
import { formatDateRange } from "../../../domain/events/format.js";
import { importEvents, type ImportError } from "../../../domain/events/import.js";
import { eventDeepLink } from "../../../domain/events/links.js";
import { takenSeats } from "../../../domain/events/seats.js";
import type { EventInput, Issue } from "../../../domain/events/validation.js";
import { feedbackCsv } from "../../../domain/feedback/export.js";
import type { Event } from "../../../generated/prisma/client.js";
import { CallbackData } from "../../callback.js";
import { downloadTelegramFile } from "../../files.js";
import type { BotContext, BotConversation, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import type { FeatureKit } from "../../feature.js";
import { adminOnly } from "../../middlewares/admin.js";
import { AdminSteps } from "./admin-steps.js";
import { waitAnswer } from "./ask.js";
import { staffCheckIn } from "./checkin-flow.js";
import type { EventsNotifier } from "./notify.js";
import { storable } from "./plain.js";
import { detailsText, localeOf } from "./views.js";
import { escapeHtml, HTML, type Translate } from "../../format.js";

const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
const page = z.string().regex(/^\d{1,4}$/).transform(Number);

export const EDITABLE_FIELDS = ["title", "description", "place", "location", "time", "capacity", "deadline", "audience", "companions"] as const;
type EditableField = (typeof EDITABLE_FIELDS)[number];

const adminListCb = new CallbackData("ael", ["page"], z.object({ page }));
const adminEventCb = new CallbackData(
  "aev",
  ["action", "id"],
  z.object({ action: z.enum(["view", "publish", "cancel", "cancelok", "keep", "complete", "edit", "export"]), id }),
);
const editFieldCb = new CallbackData("aef", ["field", "id"], z.object({ field: z.enum(EDITABLE_FIELDS), id }));
const exportCb = new CallbackData("aex", ["kind", "id"], z.object({ kind: z.enum(["pick", "reg", "fb"]), id }));
/** The buttons under the /buatacara preview (only read inside that conversation). */
const previewCb = new CallbackData("acp", ["action"], z.object({ action: z.enum(["publish", "draft", "discard"]) }));

const CREATE_CONVERSATION_ID = "events-admin-create";
const EDIT_CONVERSATION_ID = "events-admin-edit";
const IDLE_MS = 2 * 60 * 60 * 1000;
const ADMIN_PAGE_SIZE = 5;
/** A CSV of 500 events is far below this; anything bigger is not an events file. */
const MAX_IMPORT_BYTES = 1024 * 1024;
/** Telegram messages hold 4096 characters: list this many problems and count the rest. */
const MAX_LISTED_ERRORS = 25;

const removeKeyboard = { remove_keyboard: true } as const;

/** Line numbers and ids are printed as they are ("1234", not Fluent's grouped "1.234"). */
const VERBATIM = new Set(["line", "other", "id"]);

export function issueText(t: Translate, code: string, params: Record<string, string | number> = {}): string {
  const shown: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) shown[key] = VERBATIM.has(key) ? String(value) : value;
  return t(`events-issue-${code}`, shown);
}

export function importErrorText(t: Translate, error: ImportError): string {
  const problem = issueText(t, error.code, error.params);
  if (error.line === 0) return t("events-import-error-file", { problem });
  if (error.field) return t("events-import-error-cell", { line: String(error.line), column: error.field, problem });
  return t("events-import-error-line", { line: String(error.line), problem });
}

function issuesText(t: Translate, issues: Issue[]): string {
  return issues.map((i) => `• ${issueText(t, i.code, i.params)}`).join("\n");
}

function previewEvent(input: EventInput, timeZone: string): Event {
  const now = new Date(0);
  return {
    ...input,
    id: 0,
    timeZone,
    status: "draft",
    isExample: false,
    createdBy: null,
    cancelledAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** /buatacara: every field in turn, checked as it is typed, then a preview to publish, keep as a draft, or drop. */
function createEventConversation(botUsername: () => string) {
  return async function createEventFlow(conversation: BotConversation, ctx: ConvContext): Promise<void> {
    const from = ctx.from;
    if (!from) return;
    const t: Translate = (key, params) => ctx.t(key, params);
    const locale = localeOf(languageOf(ctx));
    const steps = new AdminSteps(conversation, ctx, locale);
    await steps.say(t("events-admin-create-intro"), removeKeyboard);

    const title = await steps.title();
    const province = await steps.province();
    const city = await steps.city(province.code);
    const venueName = await steps.venueName();
    const address = await steps.address();
    const location = await steps.location();
    const now = new Date(await conversation.external((outer) => outer.deps.now().getTime()));
    const startsAt = await steps.start(province.timeZone, now);
    const endsAt = await steps.end(startsAt, province.timeZone);
    const capacity = await steps.capacity();
    const rsvpDeadline = await steps.deadline(startsAt, province.timeZone, now);
    const audience = await steps.audience();
    const maxCompanions = await steps.companions();
    const description = await steps.description();
    const input: EventInput = {
      title,
      description,
      province: province.code,
      city,
      venueName,
      address,
      latitude: location?.latitude ?? null,
      longitude: location?.longitude ?? null,
      startsAt,
      endsAt,
      capacity,
      rsvpDeadline,
      audience,
      maxCompanions,
    };

    const preview = detailsText(t, locale, previewEvent(input, province.timeZone), capacity === 0 ? null : capacity, t("events-admin-link-after-publish"));
    await steps.say(t("events-admin-preview-title"), removeKeyboard);
    await steps.say(preview, new InlineKeyboard()
      .text(t("events-admin-btn-publish"), previewCb.pack({ action: "publish" }))
      .row()
      .text(t("events-admin-btn-save-draft"), previewCb.pack({ action: "draft" }))
      .row()
      .text(t("events-admin-btn-discard"), previewCb.pack({ action: "discard" })));
    let action: "publish" | "draft" | "discard";
    for (;;) {
      const answer = await waitAnswer(conversation, { callback: previewCb.filter }, (c) => c.reply(t("events-admin-preview-nudge")));
      const data = previewCb.unpack(answer.callbackQuery?.data);
      await answer.answerCallbackQuery();
      if (data) {
        await answer.editMessageReplyMarkup().catch(() => undefined);
        action = data.action;
        break;
      }
    }
    if (action === "discard") {
      await steps.say(t("events-admin-discarded"));
      return;
    }
    const saved = await conversation.external(
      storable(async (outer) => createEvent(outer.deps.db, input, { createdBy: from.id, status: action === "publish" ? "published" : "draft", now: outer.deps.now() })),
    );
    if (!saved.ok) {
      await steps.say(`${t("events-admin-not-saved")}\n${issuesText(t, saved.issues)}`);
      return;
    }
    const link = eventDeepLink(botUsername(), saved.event.id);
    await steps.say(t(action === "publish" ? "events-admin-published" : "events-admin-drafted", { title: escapeHtml(saved.event.title), id: String(saved.event.id), link }), new InlineKeyboard().text(t("events-admin-btn-manage"), adminEventCb.pack({ action: "view", id: saved.event.id })));
  };
}

/** Changes one part of an event (the same questions as /buatacara), then tells registrants about a new time or place. */
function editEventConversation(notifier: EventsNotifier) {
  return async function editEventFlow(conversation: BotConversation, ctx: ConvContext, eventId: number, field: EditableField): Promise<void> {
    const t: Translate = (key, params) => ctx.t(key, params);
    const locale = localeOf(languageOf(ctx));
    const steps = new AdminSteps(conversation, ctx, locale);
    const loaded = await conversation.external(
      storable(async (outer) => {
        const event = await outer.deps.db.event.findUnique({ where: { id: eventId } });
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

/**
 * Event administration, for admins only (everyone else gets the ordinary unknown-command reply):
 * /buatacara, /acara_admin (list, edit, publish, cancel with notices, complete), /impor_acara (CSV document),
 * /ekspor (registrations or feedback as CSV), /checkin <kode>.
 */
export function eventsAdminFeature(kit: FeatureKit): Composer<BotContext> {
  const { deps } = kit;
  const composer = new Composer<BotContext>();
  const notifier = kit.eventsNotifier;
  const admin = adminOnly(composer);

  admin.use(createConversation<BotContext, ConvContext>(createEventConversation(kit.botUsername), { id: CREATE_CONVERSATION_ID, maxMillisecondsToWait: IDLE_MS }));
  admin.use(createConversation<BotContext, ConvContext>(editEventConversation(notifier), { id: EDIT_CONVERSATION_ID, maxMillisecondsToWait: IDLE_MS }));
  const privateAdmin = admin.chatType("private");

  privateAdmin.command("buatacara", async (ctx) => {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(CREATE_CONVERSATION_ID);
  });

  // ------------------------------------------------------------------------------------ /acara_admin

  async function listView(ctx: BotContext, requested: number) {
    const list = await listEventsForAdmin(deps.db, { page: requested, pageSize: ADMIN_PAGE_SIZE, now: deps.now() });
    const keyboard = new InlineKeyboard();
    if (list.total === 0) return { text: ctx.t("events-admin-list-empty"), keyboard };
    const locale = localeOf(languageOf(ctx));
    const lines = list.items.map((item) => {
      const e = item.event;
      keyboard.text(ctx.t("events-admin-btn-open", { id: String(e.id) }), adminEventCb.pack({ action: "view", id: e.id })).row();
      return ctx.t("events-admin-list-item", {
        id: String(e.id),
        title: escapeHtml(e.title),
        status: ctx.t(`events-status-${e.status}`),
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
    const counts = await deps.db.registration.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } });
    const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
    const checkedIn = await deps.db.registration.count({ where: { eventId, checkedInAt: { not: null } } });
    const link = eventDeepLink(kit.botUsername(), event.id);
    const text = [
      ctx.t("events-admin-manage-title", { id: String(event.id), status: ctx.t(`events-status-${event.status}`) }),
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
    const event = data ? await deps.db.event.findUnique({ where: { id: data.id } }) : null;
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
        return ctx.reply(ctx.t("events-admin-wrong-status", { status: ctx.t(`events-status-${event.status}`) }));
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
        if (!result.ok) return ctx.reply(ctx.t("events-admin-wrong-status", { status: ctx.t(`events-status-${event.status}`) }));
        const told = await notifier.cancelled(result.event, result.notify);
        ctx.log.info({ event: event.id, told, registrants: result.notify.length }, "event cancelled");
        return ctx.reply(ctx.t("events-admin-cancelled", { title, told, total: result.notify.length }), HTML);
      }
      case "complete": {
        const result = await completeEvent(deps.db, event.id);
        if (!result.ok) return ctx.reply(ctx.t("events-admin-wrong-status", { status: ctx.t(`events-status-${event.status}`) }));
        return ctx.reply(ctx.t("events-admin-completed", { title }), HTML);
      }
    }
  });

  admin.callbackQuery(editFieldCb.filter, async (ctx) => {
    const data = editFieldCb.unpack(ctx.callbackQuery.data);
    const event = data ? await deps.db.event.findUnique({ where: { id: data.id } }) : null;
    if (!data || !event || ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(EDIT_CONVERSATION_ID, event.id, data.field);
  });

  // ---------------------------------------------------------------------------------------- /ekspor

  async function askExportKind(ctx: BotContext, eventId: number) {
    const event = await deps.db.event.findUnique({ where: { id: eventId } });
    if (!event) return ctx.reply(ctx.t("events-not-available"));
    await ctx.reply(ctx.t("events-export-which", { title: escapeHtml(event.title) }), {
      ...HTML,
      reply_markup: new InlineKeyboard()
        .text(ctx.t("events-export-btn-registrations"), exportCb.pack({ kind: "reg", id: eventId }))
        .row()
        .text(ctx.t("events-export-btn-feedback"), exportCb.pack({ kind: "fb", id: eventId })),
    });
  }

  privateAdmin.command("ekspor", async (ctx) => {
    const argument = ctx.match.trim().replace(/^#/, "");
    if (/^\d{1,9}$/.test(argument)) return askExportKind(ctx, Number(argument));
    const list = await listEventsForAdmin(deps.db, { page: 0, pageSize: 10, now: deps.now() });
    if (list.total === 0) return ctx.reply(ctx.t("events-admin-list-empty"));
    const keyboard = new InlineKeyboard();
    for (const item of list.items) keyboard.text(`#${item.event.id} ${item.event.title}`.slice(0, 60), exportCb.pack({ kind: "pick", id: item.event.id })).row();
    await ctx.reply(ctx.t("events-export-pick"), { reply_markup: keyboard });
  });

  admin.callbackQuery(exportCb.filter, async (ctx) => {
    const data = exportCb.unpack(ctx.callbackQuery.data);
    const event = data ? await deps.db.event.findUnique({ where: { id: data.id } }) : null;
    if (!data || !event) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    if (data.kind === "pick") return askExportKind(ctx, event.id);
    if (data.kind === "reg") {
      const file = await registrationsCsv(deps.db, event.id);
      if (!file) return ctx.reply(ctx.t("events-not-available"));
      return ctx.replyWithDocument(new InputFile(file.content, file.fileName), {
        caption: ctx.t("events-export-registrations-caption", { title: event.title, rows: file.rows }),
      });
    }
    const content = await exportFeedback(deps.db, event.id);
    return ctx.replyWithDocument(new InputFile(content, `masukan-acara-${event.id}.csv`), {
      caption: ctx.t("events-export-feedback-caption", { title: event.title }),
    });
  });

  // ----------------------------------------------------------------------------------- /impor_acara

  privateAdmin.on("message:document", async (ctx, next) => {
    const caption = (ctx.msg.caption ?? "").trim();
    if (!/^\/impor_acara(@\w+)?(\s|$)/i.test(caption)) return next();
    const document = ctx.msg.document;
    if ((document.file_size ?? 0) > MAX_IMPORT_BYTES) return ctx.reply(ctx.t("events-import-too-big"));
    if (document.file_name && !/\.(csv|txt)$/i.test(document.file_name)) return ctx.reply(ctx.t("events-import-not-csv"));
    let text: string;
    try {
      text = decodeCsv(await downloadTelegramFile(ctx.api, deps.config, document.file_id));
    } catch (error) {
      ctx.log.warn({ err: error }, "import download failed");
      return ctx.reply(ctx.t("events-import-download-failed"));
    }
    const result = await importEvents(deps.db, text, { createdBy: ctx.from.id, status: "published", now: deps.now() });
    const t: Translate = (k, p) => ctx.t(k, p);
    if (result.ok) {
      ctx.log.info({ count: result.count, by: ctx.from.id }, "events imported");
      return ctx.reply(ctx.t("events-import-ok", { count: result.count }), HTML);
    }
    const shown = result.errors.slice(0, MAX_LISTED_ERRORS).map((e) => `• ${importErrorText(t, e)}`);
    const more = result.errors.length > MAX_LISTED_ERRORS ? `\n${ctx.t("events-import-more-errors", { count: result.errors.length - MAX_LISTED_ERRORS })}` : "";
    return ctx.reply(`${ctx.t("events-import-failed", { count: result.errors.length })}\n\n${escapeHtml(shown.join("\n"))}${more}`, HTML);
  });

  privateAdmin.command("impor_acara", (ctx) => ctx.reply(ctx.t("events-import-howto"), HTML));

  // -------------------------------------------------------------------------------------- /checkin

  privateAdmin.command("checkin", async (ctx) => {
    const code = ctx.match.trim();
    if (!code) return ctx.reply(ctx.t("events-checkin-usage"), HTML);
    await staffCheckIn(ctx, code, notifier);
  });

  return composer;
}

/**
 * The feedback CSV of another feature (src/domain/feedback/export.ts), offered next to registrations in
 * /ekspor. Kept behind one function so the export menu does not depend on that feature's internals.
 */
export function exportFeedback(db: FeatureKit["deps"]["db"], eventId: number): Promise<Buffer> {
  return feedbackCsv(db, eventId);
}

/** Decodes a CSV the admin sent: UTF-8, or the Windows code page older Excel versions write. */
function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
