import { Composer, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import { provinceByCodeOrNull } from "../../domain/areas.js";
import {
  anonymizeExpiredRegistrations,
  collectPersonalData,
  DAY_MS,
  erasePersonalData,
  purgeStaleSessions,
  type ErasureReason,
  type PersonalDataSummary,
} from "../../domain/privacy.js";
import { sessionKeysOf } from "../../domain/sessions.js";
import { CONSENT_VERSION } from "../../domain/users.js";
import { CallbackData } from "../callback.js";
import type { BotContext } from "../context.js";
import { languageOf } from "../i18n.js";
import type { FeatureKit } from "../feature.js";
import { escapeHtml, intlLocale, joinHtml, trustedHtml } from "../format.js";
import { BotComposer } from "../composer.js";

/** How long a "yes, erase" button stays valid. */
export const CONFIRM_TTL_MS = 15 * 60 * 1000;

/** "Yes, erase" / "No": names the user it was shown to and when, so a forwarded or stale button does nothing. */
const confirmCb = new CallbackData(
  "pdel",
  ["action", "reason", "user", "issued"],
  z.object({
    action: z.enum(["yes", "no"]),
    reason: z.enum(["erase", "withdraw"]),
    user: z.string().regex(/^\d{1,20}$/),
    issued: z.string().regex(/^[0-9a-z]{1,12}$/),
  }),
);
/** The buttons under the policy. */
const policyCb = new CallbackData("pmenu", ["action"], z.object({ action: z.enum(["data", "erase", "withdraw"]) }));

function formatDate(date: Date, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(date) + " WIB";
}

function summaryText(ctx: BotContext, summary: PersonalDataSummary, now: Date): string {
  const lang = languageOf(ctx);
  const empty = ctx.t("privacy-data-empty-value");
  const lines = [ctx.t("privacy-data-title", { date: formatDate(now, lang) }), ""];
  if (summary.hasProfile) {
    lines.push(
      ctx.t("privacy-data-profile", {
        name: escapeHtml(summary.firstName ?? empty),
        role: summary.role ? trustedHtml(ctx.t(`role-${summary.role}`)) : empty,
        province: provinceByCodeOrNull(summary.province)?.name ?? empty,
        language: summary.language ?? empty,
        consentAt: summary.consentAt ? formatDate(summary.consentAt, lang) : empty,
        consentVersion: summary.consentVersion ?? empty,
      }),
    );
  } else {
    lines.push(ctx.t("privacy-data-none"));
  }
  if (summary.registrations.length > 0) {
    // one line each; joinHtml escapes the titles once (a plain string parameter would be escaped again)
    const list = joinHtml(summary.registrations.map((r) => `• ${r.title} (${r.status})`), "\n");
    lines.push(ctx.t("privacy-data-registrations", { count: summary.registrations.length, list }));
  } else if (summary.hasProfile) {
    lines.push(ctx.t("privacy-data-registrations-none"));
  }
  if (summary.feedback > 0) lines.push(ctx.t("privacy-data-feedback", { count: summary.feedback }));
  if (summary.broadcastDeliveries > 0) lines.push(ctx.t("privacy-data-deliveries", { count: summary.broadcastDeliveries }));
  lines.push(ctx.t("privacy-data-sessions", { count: summary.sessions }));
  if (summary.owner) lines.push(ctx.t("privacy-data-admin-owner"));
  else if (summary.admin) lines.push(ctx.t("privacy-data-admin"));
  lines.push("", ctx.t("privacy-data-footer"));
  // a long list goes out as several messages (the API transformer splits at line breaks), nothing cut off
  return lines.join("\n");
}

/**
 * Privacy under UU PDP: /privasi (the policy), /dataku (everything stored, as a JSON document and a
 * summary), /hapusdata and /tarikpersetujuan (erase everything at once, after a confirmation), and the
 * daily retention job that anonymises registration details RETENTION_DAYS after an event.
 */
export function privacyFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("privacy", { user: ["privasi", "dataku", "hapusdata", "tarikpersetujuan"], callbacks: [confirmCb, policyCb] });
  const { mainMenu, scheduler, deps } = kit;
  const composer = new BotComposer<BotContext>();
  const privateChat = composer.chatType("private");

  const showPolicy = (ctx: BotContext) =>
    ctx.reply(ctx.t("privacy-policy", { version: CONSENT_VERSION, retentionDays: ctx.deps.config.RETENTION_DAYS }), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: new InlineKeyboard()
        .text(ctx.t("privacy-button-data"), policyCb.pack({ action: "data" }))
        .row()
        .text(ctx.t("privacy-button-erase"), policyCb.pack({ action: "erase" }))
        .text(ctx.t("privacy-button-withdraw"), policyCb.pack({ action: "withdraw" })),
    });

  async function sendMyData(ctx: BotContext) {
    if (!ctx.from) return;
    const now = ctx.deps.now();
    const sessions = await Promise.all(sessionKeysOf(ctx.from.id).map(async (key) => ({ key, value: await kit.sessionStorage.read(key) })));
    const { data, summary } = await collectPersonalData(ctx.deps.db, ctx.from.id, { owner: ctx.deps.admins.isOwner(ctx.from.id), now, sessions });
    const document = JSON.stringify({ penjelasan: ctx.t("privacy-data-explanation"), ...data }, null, 2);
    await ctx.reply(summaryText(ctx, summary, now), { parse_mode: "HTML" });
    await ctx.replyWithDocument(new InputFile(Buffer.from(document, "utf8"), `dataku-${now.toISOString().slice(0, 10)}.json`));
    ctx.log.info({ user: ctx.from.id }, "personal data exported");
  }

  async function askErase(ctx: BotContext, reason: ErasureReason) {
    if (!ctx.from) return;
    const base = { reason, user: String(ctx.from.id), issued: Math.floor(ctx.deps.now().getTime() / 1000).toString(36) };
    await ctx.reply(ctx.t(reason === "erase" ? "privacy-erase-ask" : "privacy-withdraw-ask"), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t(reason === "erase" ? "privacy-erase-yes" : "privacy-withdraw-yes"), confirmCb.pack({ action: "yes", ...base }))
        .row()
        .text(ctx.t("privacy-erase-no"), confirmCb.pack({ action: "no", ...base })),
    });
  }

  async function erase(ctx: BotContext, reason: ErasureReason) {
    if (!ctx.from) return;
    const telegramId = ctx.from.id;
    const owner = ctx.deps.admins.isOwner(telegramId);
    // stop whatever was going on, then remove the rows (conversation state and session included)
    await ctx.conversation.exitAll();
    let result;
    try {
      result = await erasePersonalData(ctx.deps.db, telegramId, { reason, now: ctx.deps.now() });
    } catch (error) {
      ctx.log.error({ err: error, reason }, "personal data erasure failed");
      await ctx.reply(ctx.t("privacy-erase-failed"));
      return;
    }
    // sessions may live outside the database (SESSION_STORAGE=free): delete them through the storage too,
    // and the session plugin deletes this chat's session at the end of the update instead of writing it back
    for (const key of sessionKeysOf(telegramId)) await kit.sessionStorage.delete(key);
    ctx.session = null as never;
    // no Telegram id in this line: the person asked to be forgotten
    ctx.log.info(
      {
        reason,
        registrations_cancelled: result.registrationsCancelled,
        registrations_deleted: result.registrationsDeleted,
        feedback_anonymised: result.feedbackAnonymised,
        deliveries_deleted: result.deliveriesDeleted,
        sessions_deleted: result.sessionsDeleted,
        admin_removed: result.adminRemoved,
        seat_offers: result.offers.length,
      },
      "personal data erased",
    );
    const done = ctx.t(reason === "erase" ? "privacy-erase-done" : "privacy-withdraw-done");
    await ctx.reply(owner ? `${done}\n\n${ctx.t("privacy-erase-owner-note")}` : done, { reply_markup: { remove_keyboard: true } });
    await kit.eventsNotifier.offers(result.offers).catch((error: unknown) => ctx.log.warn({ err: error }, "seat offer notices failed"));
  }

  privateChat.command("privasi", showPolicy);
  privateChat.command("dataku", sendMyData);
  privateChat.command("hapusdata", (ctx) => askErase(ctx, "erase"));
  privateChat.command("tarikpersetujuan", (ctx) => askErase(ctx, "withdraw"));
  mainMenu.register("privacy", showPolicy);

  composer.callbackQuery(policyCb.filter, async (ctx) => {
    const data = policyCb.unpack(ctx.callbackQuery.data);
    if (!data || ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    if (data.action === "data") return sendMyData(ctx);
    return askErase(ctx, data.action);
  });

  composer.callbackQuery(confirmCb.filter, async (ctx) => {
    const data = confirmCb.unpack(ctx.callbackQuery.data);
    const issuedMs = data ? parseInt(data.issued, 36) * 1000 : NaN;
    const age = ctx.deps.now().getTime() - issuedMs;
    // the button must have been shown to this very user, in their private chat, a short while ago
    if (!data || data.user !== String(ctx.from.id) || ctx.chat?.type !== "private" || !(age >= -60_000 && age <= CONFIRM_TTL_MS)) {
      return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (data.action === "no") return ctx.reply(ctx.t("privacy-erase-kept"));
    return erase(ctx, data.reason);
  });

  scheduler.register({
    name: "privacy-retention",
    everyMs: DAY_MS,
    run: async (now) => {
      const count = await anonymizeExpiredRegistrations(deps.db, now, deps.config.RETENTION_DAYS);
      if (count > 0) deps.logger.info({ count, retention_days: deps.config.RETENTION_DAYS }, "registration details anonymised");
      return count;
    },
  });

  scheduler.register({
    name: "privacy-stale-sessions",
    everyMs: 60 * 60 * 1000,
    run: async (now) => {
      if (deps.config.SESSION_STORAGE !== "prisma") return { conversations: 0, visitors: 0 };
      const result = await purgeStaleSessions(deps.db, now);
      if (result.conversations + result.visitors > 0) deps.logger.info(result, "stale sessions deleted");
      return result;
    },
  });

  return composer;
}
