import { Composer } from "grammy";
import { importEvents } from "../../../domain/events/import.js";
import { downloadTelegramFile } from "../../files.js";
import type { BotContext } from "../../context.js";
import type { FeatureKit } from "../../feature.js";
import { escapeHtml, HTML, type Translate } from "../../format.js";
import { importErrorText } from "./admin-views.js";
import { provincesOf } from "../../../domain/organisers.js";
import { requireActor } from "../../middlewares/admin.js";
import { BotComposer } from "../../composer.js";

/** A CSV of 500 events is far below this; anything bigger is not an events file. */
const MAX_IMPORT_BYTES = 1024 * 1024;
/** Telegram messages hold 4096 characters: list this many problems and count the rest. */
const MAX_LISTED_ERRORS = 25;

/**
 * /impor_acara: events from a CSV document whose caption is the command (mounted inside the staff-only
 * branch). An organiser's file may only hold events of their provinces: any other row is an error naming
 * its line, and nothing is imported.
 */
export function eventsImport(kit: FeatureKit): Composer<BotContext> {
  const { deps } = kit;
  const composer = new BotComposer<BotContext>();
  const privateAdmin = composer.chatType("private");

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
    const provinces = provincesOf(await requireActor(ctx));
    const result = await importEvents(deps.db, text, { createdBy: ctx.from.id, status: "published", now: deps.now(), provinces });
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

  return composer;
}

/** Decodes a CSV the admin sent: UTF-8, or the Windows code page older Excel versions write. */
function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
