import { Composer, InlineKeyboard, InputFile } from "grammy";
import { listEventsForAdmin } from "../../../domain/events/events.js";
import { registrationsCsv } from "../../../domain/events/export.js";
import { feedbackCsv } from "../../../domain/feedback/export.js";
import type { BotContext } from "../../context.js";
import type { FeatureKit } from "../../feature.js";
import { escapeHtml, HTML } from "../../format.js";
import { exportCb } from "./callbacks.js";
import { eventForActor, provincesOf } from "../../../domain/organisers.js";
import { requireActor } from "../../middlewares/admin.js";
import { BotComposer } from "../../composer.js";

/** Asks which export of an event: its registrations or its feedback. */
export async function askExportKind(ctx: BotContext, eventId: number) {
  const event = await eventForActor(ctx.deps.db, await requireActor(ctx), eventId);
  if (!event) return ctx.reply(ctx.t("events-not-available"));
  await ctx.reply(ctx.t("events-export-which", { title: escapeHtml(event.title) }), {
    ...HTML,
    reply_markup: new InlineKeyboard()
      .text(ctx.t("events-export-btn-registrations"), exportCb.pack({ kind: "reg", id: eventId }))
      .row()
      .text(ctx.t("events-export-btn-feedback"), exportCb.pack({ kind: "fb", id: eventId })),
  });
}

/**
 * /ekspor: the registrations or the feedback of an event as CSV (mounted inside the staff-only branch);
 * an organiser exports only events of their provinces.
 */
export function eventsExport(kit: FeatureKit): Composer<BotContext> {
  const { deps } = kit;
  const admin = new BotComposer<BotContext>();
  const privateAdmin = admin.chatType("private");

  privateAdmin.command("ekspor", async (ctx) => {
    const argument = ctx.match.trim().replace(/^#/, "");
    if (/^\d{1,9}$/.test(argument)) return askExportKind(ctx, Number(argument));
    const list = await listEventsForAdmin(deps.db, { page: 0, pageSize: 10, now: deps.now(), provinces: provincesOf(await requireActor(ctx)) });
    if (list.total === 0) return ctx.reply(ctx.t("events-admin-list-empty"));
    const keyboard = new InlineKeyboard();
    for (const item of list.items) keyboard.text(`#${item.event.id} ${item.event.title}`.slice(0, 60), exportCb.pack({ kind: "pick", id: item.event.id })).row();
    await ctx.reply(ctx.t("events-export-pick"), { reply_markup: keyboard });
  });

  admin.callbackQuery(exportCb.filter, async (ctx) => {
    const data = exportCb.unpack(ctx.callbackQuery.data);
    const actor = await requireActor(ctx);
    const event = data ? await eventForActor(deps.db, actor, data.id) : null;
    if (!data || !event) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    const provinces = provincesOf(actor);
    await ctx.answerCallbackQuery();
    if (data.kind === "pick") return askExportKind(ctx, event.id);
    if (data.kind === "reg") {
      const file = await registrationsCsv(deps.db, event.id, { provinces });
      if (!file) return ctx.reply(ctx.t("events-not-available"));
      return ctx.replyWithDocument(new InputFile(file.content, file.fileName), {
        caption: ctx.t("events-export-registrations-caption", { title: event.title, rows: file.rows }),
      });
    }
    const content = await exportFeedback(deps.db, event.id, provinces);
    return ctx.replyWithDocument(new InputFile(content, `masukan-acara-${event.id}.csv`), {
      caption: ctx.t("events-export-feedback-caption", { title: event.title }),
    });
  });

  return admin;
}

/**
 * The feedback CSV of another feature (src/domain/feedback/export.ts), offered next to registrations in
 * /ekspor. Kept behind one function so the export menu does not depend on that feature's internals.
 */
export function exportFeedback(db: FeatureKit["deps"]["db"], eventId: number, provinces: readonly string[] | null): Promise<Buffer> {
  return feedbackCsv(db, eventId, { provinces });
}
