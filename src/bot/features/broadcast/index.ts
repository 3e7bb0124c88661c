// /siaran: announcements to many people, for admins. A conversation composes the message (text with
// formatting, or a photo/document with a caption, optionally a button to an event's registration),
// picks the audience, shows the exact recipient count and an exact preview, and sends now or later.
// Delivery is the durable engine in src/domain/broadcast (one row per recipient, crash-safe, ≤ 30 msg/s);
// this file wires it to Telegram: the send function, the live progress message with pause / resume /
// cancel buttons, the commands, and the final report with a CSV of everyone who did not get it.
import { createConversation } from "@grammyjs/conversations";
import { Api, Composer, InlineKeyboard, InputFile } from "grammy";
import type { Message, MessageEntity } from "grammy/types";
import { z } from "zod";
import { provinceByCodeOrNull, provinces } from "../../../domain/areas.js";
import { audienceFromJson, countAudience, eventSegments, type Audience, type EventSegment } from "../../../domain/broadcast/audience.js";
import {
  cancelBroadcast,
  createBroadcast,
  failuresCsv,
  getBroadcastStats,
  listActiveBroadcasts,
  pauseBroadcast,
  resumeBroadcast,
  setProgressMessage,
  type BroadcastMessage,
  type BroadcastStats,
  type BroadcastStatus,
  type MessageEntityLike,
} from "../../../domain/broadcast/queue.js";
import { formatScheduleTime, parseScheduleTime } from "../../../domain/broadcast/schedule.js";
import { BroadcastWorker, type BroadcastProgress } from "../../../domain/broadcast/worker.js";
import { eventDeepLink } from "../../../domain/events/links.js";
import type { Db } from "../../../db.js";
import { CallbackData } from "../../callback.js";
import { waitAnswer } from "../../conversation/ask.js";
import type { BotContext, BotConversation, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import type { FeatureKit } from "../../feature.js";
import { adminOnly } from "../../middlewares/admin.js";
import { escapeHtml, HTML, languageFrom, type Translate } from "../../format.js";

const CONVERSATION_ID = "broadcast-compose";
const IDLE_MS = 2 * 60 * 60 * 1000;
/** Telegram's limits on a text message and on a caption (UTF-16 code units, as JavaScript counts). */
const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const PROVINCES_PER_PAGE = 10;
const PROVINCE_PAGES = Math.ceil(provinces.length / PROVINCES_PER_PAGE);
/** Progress message refresh. */
const PROGRESS_INTERVAL_MS = 3000;

const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);

// buttons inside the /siaran conversation
const buttonCb = new CallbackData("bcb", ["event"], z.object({ event: z.string().regex(/^\d{1,9}$/).transform(Number) }));
const audienceCb = new CallbackData("bca", ["kind"], z.object({ kind: z.enum(["all", "alumni", "calon", "provinces", "event"]) }));
const provinceCb = new CallbackData(
  "bcp",
  ["action", "value"],
  z.object({ action: z.enum(["toggle", "page", "done"]), value: z.string().regex(/^\d{1,2}$/) }),
);
const eventCb = new CallbackData("bce", ["id"], z.object({ id }));
const segmentCb = new CallbackData("bcs", ["segment"], z.object({ segment: z.enum(eventSegments) }));
const confirmCb = new CallbackData("bcc", ["action"], z.object({ action: z.enum(["now", "schedule", "audience", "discard", "scheduled"]) }));
// buttons under the live progress message (outside the conversation)
const controlCb = new CallbackData(
  "bctl",
  ["action", "id"],
  z.object({ action: z.enum(["pause", "resume", "cancel", "cancelok", "keep"]), id }),
);

/** The "how to stop" line every broadcast message ends with. */
function footerOf(t: Translate): string {
  return t("broadcast-footer");
}

/**
 * Sends one broadcast message: the admin's text (with its formatting entities, unchanged offsets), a blank
 * line, the "type /berhenti" footer in the recipient's language, and the optional registration button.
 * The preview in the conversation uses the very same function, so it is exactly what recipients get.
 */
export function deliverBroadcast(
  api: Api,
  chatId: number,
  message: Omit<BroadcastMessage, "language">,
  t: Translate,
  botUsername: string,
): Promise<Message> {
  const footer = footerOf(t);
  const body = message.text.length > 0 ? `${message.text}\n\n${footer}` : footer;
  const entities = message.entities.length > 0 ? (message.entities as unknown as MessageEntity[]) : undefined;
  const reply_markup =
    message.buttonEventId !== null
      ? new InlineKeyboard().url(t("broadcast-button-register"), eventDeepLink(botUsername, message.buttonEventId))
      : undefined;
  const markup = reply_markup ? { reply_markup } : {};
  if (message.media?.type === "photo") {
    return api.sendPhoto(chatId, message.media.fileId, { caption: body, ...(entities ? { caption_entities: entities } : {}), ...markup });
  }
  if (message.media?.type === "document") {
    return api.sendDocument(chatId, message.media.fileId, { caption: body, ...(entities ? { caption_entities: entities } : {}), ...markup });
  }
  return api.sendMessage(chatId, body, { ...(entities ? { entities } : {}), ...markup });
}

/** "1 jam 5 menit" / "3 menit 20 detik" / "45 detik". */
export function durationText(t: Translate, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return t("broadcast-duration-hours", { h, m });
  if (m > 0) return t("broadcast-duration-minutes", { m, s: s % 60 });
  return t("broadcast-duration-seconds", { s });
}

/** A readable description of an audience ("alumni", "provinsi Jambi, Riau", "peserta X — Hadir"). */
export async function describeAudience(db: Db, t: Translate, audience: Audience): Promise<string> {
  switch (audience.kind) {
    case "all":
      return t("broadcast-audience-desc-all");
    case "role":
      return t(audience.role === "alumni" ? "broadcast-audience-desc-alumni" : "broadcast-audience-desc-calon");
    case "provinces":
      return t("broadcast-audience-desc-provinces", {
        names: audience.codes.map((code) => provinceByCodeOrNull(code)?.name ?? code).join(", "),
      });
    case "event": {
      const event = await db.event.findUnique({ where: { id: audience.eventId }, select: { title: true } });
      return t("broadcast-audience-desc-event", {
        title: escapeHtml(event?.title ?? `#${audience.eventId}`),
        segment: t(`broadcast-segment-${audience.segment}`),
      });
    }
  }
}

export interface ProgressView {
  text: string;
  keyboard: InlineKeyboard | undefined;
}

/** The live progress message: counts, speed and ETA, and the buttons that fit the status. */
export function progressView(
  t: Translate,
  language: "id" | "en",
  stats: BroadcastStats & { ratePerSecond?: number; etaSeconds?: number | null },
  audience: string,
): ProgressView {
  const status: BroadcastStatus = stats.status;
  const when = stats.scheduledAt ? formatScheduleTime(stats.scheduledAt, language) : "";
  const lines = [
    t(`broadcast-progress-title-${status}`, { id: String(stats.id), when }),
    t("broadcast-progress-body", {
      audience,
      total: stats.total,
      sent: stats.sent,
      remaining: stats.remaining,
      blocked: stats.blocked,
      failed: stats.failed,
      skipped: stats.skipped,
    }),
  ];
  if (status === "running") {
    const rate = stats.ratePerSecond ?? 0;
    lines.push(
      rate > 0 && stats.etaSeconds !== null && stats.etaSeconds !== undefined
        ? t("broadcast-progress-rate", { rate, eta: durationText(t, stats.etaSeconds) })
        : t("broadcast-progress-rate-unknown"),
    );
  }
  let keyboard: InlineKeyboard | undefined;
  if (status === "running") {
    keyboard = new InlineKeyboard()
      .text(t("broadcast-btn-pause"), controlCb.pack({ action: "pause", id: stats.id }))
      .text(t("broadcast-btn-cancel"), controlCb.pack({ action: "cancel", id: stats.id }));
  } else if (status === "paused") {
    keyboard = new InlineKeyboard()
      .text(t("broadcast-btn-resume"), controlCb.pack({ action: "resume", id: stats.id }))
      .text(t("broadcast-btn-cancel"), controlCb.pack({ action: "cancel", id: stats.id }));
  } else if (status === "scheduled") {
    keyboard = new InlineKeyboard().text(t("broadcast-btn-cancel"), controlCb.pack({ action: "cancel", id: stats.id }));
  }
  return { text: lines.join("\n"), keyboard };
}

/** The final report: how long it took and what happened to everyone. */
export function reportText(t: Translate, progress: BroadcastProgress, audience: string): string {
  const end = progress.finishedAt ?? progress.at;
  const seconds = progress.startedAt ? Math.max(0, (end.getTime() - progress.startedAt.getTime()) / 1000) : 0;
  const cancelled = progress.status === "cancelled";
  return t("broadcast-report", {
    id: String(progress.id),
    cancelled: cancelled ? "yes" : "no",
    audience,
    duration: durationText(t, seconds),
    sent: progress.sent,
    total: progress.total,
    blocked: progress.blocked,
    failed: progress.failed,
    skipped: progress.skipped,
    unsent: cancelled ? progress.remaining : 0,
    rate: seconds > 0 ? progress.sent / seconds : 0,
  });
}

/** Edits the live progress messages and sends the final reports, outside any update. */
class BroadcastReporter {
  private readonly lastText = new Map<number, string>();
  private readonly audiences = new Map<string, string>();

  constructor(private readonly kit: FeatureKit) {}

  private async languageOf(chatId: bigint | null): Promise<"id" | "en"> {
    if (chatId === null) return "id";
    const user = await this.kit.deps.db.user.findUnique({ where: { telegramId: chatId }, select: { language: true } });
    return languageFrom(user?.language);
  }

  private async audienceText(id: number, language: "id" | "en", t: Translate): Promise<string> {
    const key = `${id}:${language}`;
    const cached = this.audiences.get(key);
    if (cached !== undefined) return cached;
    const row = await this.kit.deps.db.broadcast.findUnique({ where: { id }, select: { audience: true } });
    const text = row ? await describeAudience(this.kit.deps.db, t, audienceFromJson(row.audience)) : "";
    this.audiences.set(key, text);
    return text;
  }

  /** Re-renders the progress message (skipped when nothing changed). */
  async update(stats: BroadcastStats & { ratePerSecond?: number; etaSeconds?: number | null }): Promise<void> {
    if (stats.progressChatId === null || stats.progressMessageId === null) return;
    const language = await this.languageOf(stats.progressChatId);
    const t: Translate = (key, params) => this.kit.t(language, key, params);
    const view = progressView(t, language, stats, await this.audienceText(stats.id, language, t));
    if (this.lastText.get(stats.id) === view.text + JSON.stringify(view.keyboard ?? null)) return;
    this.lastText.set(stats.id, view.text + JSON.stringify(view.keyboard ?? null));
    await this.kit.api
      .editMessageText(Number(stats.progressChatId), stats.progressMessageId, view.text, { ...HTML, ...(view.keyboard ? { reply_markup: view.keyboard } : {}) })
      .catch((error: unknown) => {
        if (!String((error as { description?: string }).description ?? "").includes("not modified")) {
          this.kit.deps.logger.warn({ err: error, broadcastId: stats.id }, "broadcast: progress message not updated");
        }
      });
  }

  async refresh(id: number): Promise<void> {
    const stats = await getBroadcastStats(this.kit.deps.db, id);
    if (stats) await this.update(stats);
  }

  /** Final state of the progress message, the report, and the CSV of everyone who did not get it. */
  async finish(progress: BroadcastProgress): Promise<void> {
    await this.update({ ...progress, etaSeconds: null });
    const chatId = Number(progress.progressChatId ?? progress.createdBy);
    const language = await this.languageOf(BigInt(chatId));
    const t: Translate = (key, params) => this.kit.t(language, key, params);
    const audience = await this.audienceText(progress.id, language, t);
    await this.kit.api.sendMessage(chatId, reportText(t, progress, audience), HTML);
    const rows = progress.failed + progress.blocked + progress.skipped;
    if (rows > 0) {
      const csv = await failuresCsv(this.kit.deps.db, progress.id, {
        headers: [t("broadcast-csv-telegram-id"), t("broadcast-csv-status"), t("broadcast-csv-attempts"), t("broadcast-csv-error"), t("broadcast-csv-time")],
      });
      await this.kit.api.sendDocument(chatId, new InputFile(csv, `siaran-${progress.id}-tidak-terkirim.csv`), {
        caption: t("broadcast-report-csv-caption", { id: String(progress.id), rows }),
      });
    }
    this.lastText.delete(progress.id);
    for (const key of [...this.audiences.keys()]) if (key.startsWith(`${progress.id}:`)) this.audiences.delete(key);
  }
}

// ---------------------------------------------------------------------------------------------------
// the /siaran conversation

interface Content {
  text: string;
  entities: MessageEntityLike[];
  media: { type: "photo" | "document"; fileId: string } | null;
}

function broadcastConversation(kit: FeatureKit, worker: BroadcastWorker) {
  return async function compose(conversation: BotConversation, ctx: ConvContext): Promise<void> {
    const from = ctx.from;
    const chatId = ctx.chat?.id;
    if (!from || chatId === undefined) return;
    const t: Translate = (key, params) => ctx.t(key, params);
    const language = languageOf(ctx);
    const useButtons = (c: ConvContext) => c.reply(t("broadcast-use-buttons"));
    // the longest footer of any language, so the message fits whoever receives it
    const footerLength = Math.max(...["id", "en"].map((l) => kit.t(l, "broadcast-footer").length)) + 2;

    // 1. the message
    await ctx.reply(t("broadcast-compose-intro"), HTML);
    let content: Content;
    for (;;) {
      const answer = await waitAnswer(conversation, { content: true, captionCommands: false }, (c) => c.reply(t("broadcast-compose-nudge")));
      const message = answer.message;
      if (!message) continue;
      const photo = message.photo?.at(-1);
      const media: Content["media"] = photo
        ? { type: "photo", fileId: photo.file_id }
        : message.document
          ? { type: "document", fileId: message.document.file_id }
          : null;
      const text = (media ? message.caption : message.text) ?? "";
      const entities = ((media ? message.caption_entities : message.entities) ?? []) as unknown as MessageEntityLike[];
      if (!media && text.trim().length === 0) {
        await answer.reply(t("broadcast-compose-empty"));
        continue;
      }
      const max = (media ? CAPTION_LIMIT : TEXT_LIMIT) - footerLength;
      if (text.length > max) {
        await answer.reply(t("broadcast-compose-too-long", { length: text.length, max }));
        continue;
      }
      content = { text, entities, media };
      break;
    }

    // 2. an optional registration button
    let buttonEventId: number | null = null;
    const upcoming = await conversation.external(async (outer) =>
      outer.deps.db.event.findMany({
        where: { status: "published", endsAt: { gt: outer.deps.now() } },
        orderBy: { startsAt: "asc" },
        take: 8,
        select: { id: true, title: true },
      }),
    );
    if (upcoming.length > 0) {
      const keyboard = new InlineKeyboard();
      for (const e of upcoming) keyboard.text(t("broadcast-button-event", { id: String(e.id), title: e.title.slice(0, 40) }), buttonCb.pack({ event: e.id })).row();
      keyboard.text(t("broadcast-button-none"), buttonCb.pack({ event: 0 }));
      await ctx.reply(t("broadcast-button-ask"), { reply_markup: keyboard });
      for (;;) {
        const answer = await waitAnswer(conversation, { captionCommands: false, callback: buttonCb.filter }, useButtons);
        const data = buttonCb.unpack(answer.callbackQuery?.data);
        await answer.answerCallbackQuery();
        if (!data || (data.event !== 0 && !upcoming.some((e) => e.id === data.event))) continue;
        await answer.editMessageReplyMarkup().catch(() => undefined);
        buttonEventId = data.event === 0 ? null : data.event;
        break;
      }
    }
    const message: Omit<BroadcastMessage, "language"> = { broadcastId: 0, ...content, buttonEventId };

    // 3. audience, count, preview, confirmation (the audience can be changed as often as needed)
    let previewed = false;
    for (;;) {
      const audience = await chooseAudience(conversation, ctx, t, useButtons);
      const { count, label } = await conversation.external(async (outer) => ({
        count: await countAudience(outer.deps.db, audience),
        label: await describeAudience(outer.deps.db, t, audience),
      }));
      if (count === 0) {
        await ctx.reply(t("broadcast-count-zero", { audience: label }), HTML);
        continue;
      }
      await ctx.reply(t("broadcast-count", { count, audience: label }), HTML);
      if (!previewed) {
        await ctx.reply(t("broadcast-preview-intro"));
        await deliverBroadcast(ctx.api, chatId, message, t, kit.botUsername());
        previewed = true;
      }
      await ctx.reply(t("broadcast-confirm-ask", { count }), {
        ...HTML,
        reply_markup: new InlineKeyboard()
          .text(t("broadcast-btn-send-now"), confirmCb.pack({ action: "now" }))
          .text(t("broadcast-btn-schedule"), confirmCb.pack({ action: "schedule" }))
          .row()
          .text(t("broadcast-btn-change-audience"), confirmCb.pack({ action: "audience" }))
          .text(t("broadcast-btn-discard"), confirmCb.pack({ action: "discard" })),
      });
      let action: "now" | "schedule" | "audience" | "discard" | "scheduled";
      for (;;) {
        const answer = await waitAnswer(conversation, { captionCommands: false, callback: confirmCb.filter }, useButtons);
        const data = confirmCb.unpack(answer.callbackQuery?.data);
        await answer.answerCallbackQuery();
        if (!data || data.action === "scheduled") continue;
        await answer.editMessageReplyMarkup().catch(() => undefined);
        action = data.action;
        break;
      }
      if (action === "audience") continue;
      if (action === "discard") {
        await ctx.reply(t("broadcast-discarded"));
        return;
      }
      let scheduledAt: Date | null = null;
      if (action === "schedule") {
        scheduledAt = await askSchedule(conversation, ctx, t, language, count);
        if (!scheduledAt) continue;
      }

      // 4. create: the placeholder progress message first, so the worker can always find it
      const placeholder = await ctx.reply(t("broadcast-progress-title-draft", { id: "…" }), HTML);
      const created = await conversation.external(async (outer) => {
        const result = await createBroadcast(outer.deps.db, {
          createdBy: from.id,
          text: message.text,
          entities: message.entities,
          media: message.media,
          buttonEventId: message.buttonEventId,
          audience,
          scheduledAt,
          progressChatId: chatId,
          now: outer.deps.now(),
        });
        await setProgressMessage(outer.deps.db, result.id, chatId, placeholder.message_id);
        outer.log.info({ broadcastId: result.id, total: result.total, status: result.status, by: from.id }, "broadcast created");
        worker.notify();
        const stats = await getBroadcastStats(outer.deps.db, result.id);
        if (!stats) return null;
        const view = progressView(t, language, stats, label);
        return { text: view.text, keyboard: view.keyboard?.inline_keyboard ?? null };
      });
      if (created) {
        await ctx.api
          .editMessageText(chatId, placeholder.message_id, created.text, {
            ...HTML,
            ...(created.keyboard ? { reply_markup: { inline_keyboard: created.keyboard } } : {}),
          })
          .catch(() => undefined);
      }
      return;
    }
  };
}

async function chooseAudience(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  useButtons: (c: ConvContext) => Promise<unknown>,
): Promise<Audience> {
  for (;;) {
    await ctx.reply(t("broadcast-audience-ask"), {
      reply_markup: new InlineKeyboard()
        .text(t("broadcast-audience-all"), audienceCb.pack({ kind: "all" }))
        .row()
        .text(t("broadcast-audience-alumni"), audienceCb.pack({ kind: "alumni" }))
        .text(t("broadcast-audience-calon"), audienceCb.pack({ kind: "calon" }))
        .row()
        .text(t("broadcast-audience-provinces"), audienceCb.pack({ kind: "provinces" }))
        .text(t("broadcast-audience-event"), audienceCb.pack({ kind: "event" })),
    });
    let kind: "all" | "alumni" | "calon" | "provinces" | "event";
    for (;;) {
      const answer = await waitAnswer(conversation, { captionCommands: false, callback: audienceCb.filter }, useButtons);
      const data = audienceCb.unpack(answer.callbackQuery?.data);
      await answer.answerCallbackQuery();
      if (!data) continue;
      await answer.editMessageReplyMarkup().catch(() => undefined);
      kind = data.kind;
      break;
    }
    if (kind === "all") return { kind: "all" };
    if (kind === "alumni" || kind === "calon") return { kind: "role", role: kind };
    if (kind === "provinces") return { kind: "provinces", codes: await chooseProvinces(conversation, ctx, t, useButtons) };

    const events = await conversation.external(async (outer) =>
      outer.deps.db.event.findMany({
        where: { status: { in: ["published", "completed", "cancelled"] } },
        orderBy: { startsAt: "desc" },
        take: 10,
        select: { id: true, title: true },
      }),
    );
    if (events.length === 0) {
      await ctx.reply(t("broadcast-event-none"));
      continue;
    }
    const eventKeyboard = new InlineKeyboard();
    for (const e of events) eventKeyboard.text(t("broadcast-button-event", { id: String(e.id), title: e.title.slice(0, 40) }), eventCb.pack({ id: e.id })).row();
    await ctx.reply(t("broadcast-event-ask"), { reply_markup: eventKeyboard });
    let eventId = 0;
    for (;;) {
      const answer = await waitAnswer(conversation, { captionCommands: false, callback: eventCb.filter }, useButtons);
      const data = eventCb.unpack(answer.callbackQuery?.data);
      await answer.answerCallbackQuery();
      if (!data || !events.some((e) => e.id === data.id)) continue;
      await answer.editMessageReplyMarkup().catch(() => undefined);
      eventId = data.id;
      break;
    }
    const title = events.find((e) => e.id === eventId)?.title ?? "";
    const segmentKeyboard = new InlineKeyboard();
    for (const segment of eventSegments) segmentKeyboard.text(t(`broadcast-segment-${segment}`), segmentCb.pack({ segment })).row();
    await ctx.reply(t("broadcast-segment-ask", { title: escapeHtml(title) }), { ...HTML, reply_markup: segmentKeyboard });
    let segment: EventSegment;
    for (;;) {
      const answer = await waitAnswer(conversation, { captionCommands: false, callback: segmentCb.filter }, useButtons);
      const data = segmentCb.unpack(answer.callbackQuery?.data);
      await answer.answerCallbackQuery();
      if (!data) continue;
      await answer.editMessageReplyMarkup().catch(() => undefined);
      segment = data.segment;
      break;
    }
    return { kind: "event", eventId, segment };
  }
}

function provinceKeyboard(t: Translate, selected: readonly string[], page: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  provinces.slice(page * PROVINCES_PER_PAGE, (page + 1) * PROVINCES_PER_PAGE).forEach((p, index) => {
    keyboard.text(`${selected.includes(p.code) ? "✅ " : ""}${p.name}`, provinceCb.pack({ action: "toggle", value: p.code }));
    if (index % 2 === 1) keyboard.row();
  });
  keyboard.row();
  if (page > 0) keyboard.text("◀️", provinceCb.pack({ action: "page", value: String(page - 1) }));
  keyboard.text(`${page + 1}/${PROVINCE_PAGES}`, provinceCb.pack({ action: "page", value: String(page) }));
  if (page < PROVINCE_PAGES - 1) keyboard.text("▶️", provinceCb.pack({ action: "page", value: String(page + 1) }));
  keyboard.row().text(t("broadcast-provinces-done", { count: selected.length }), provinceCb.pack({ action: "done", value: "0" }));
  return keyboard;
}

async function chooseProvinces(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  useButtons: (c: ConvContext) => Promise<unknown>,
): Promise<string[]> {
  let selected: string[] = [];
  let page = 0;
  await ctx.reply(t("broadcast-provinces-ask", { count: 0 }), { reply_markup: provinceKeyboard(t, selected, page) });
  for (;;) {
    const answer = await waitAnswer(conversation, { captionCommands: false, callback: provinceCb.filter }, useButtons);
    const data = provinceCb.unpack(answer.callbackQuery?.data);
    if (!data) {
      await answer.answerCallbackQuery();
      continue;
    }
    if (data.action === "done") {
      if (selected.length === 0) {
        await answer.answerCallbackQuery({ text: t("broadcast-provinces-none") });
        continue;
      }
      await answer.answerCallbackQuery();
      await answer.editMessageReplyMarkup().catch(() => undefined);
      return selected;
    }
    await answer.answerCallbackQuery();
    if (data.action === "toggle" && provinceByCodeOrNull(data.value)) {
      selected = selected.includes(data.value) ? selected.filter((c) => c !== data.value) : [...selected, data.value].sort();
    } else if (data.action === "page") {
      page = Math.min(PROVINCE_PAGES - 1, Math.max(0, Number(data.value)));
    }
    await answer
      .editMessageText(t("broadcast-provinces-ask", { count: selected.length }), { reply_markup: provinceKeyboard(t, selected, page) })
      .catch(() => undefined);
  }
}

/** Asks for a date and time; null when the admin goes back to the audience step. */
async function askSchedule(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  language: "id" | "en",
  count: number,
): Promise<Date | null> {
  await ctx.reply(t("broadcast-schedule-ask"), HTML);
  for (;;) {
    const answer = await waitAnswer(conversation, { text: true, captionCommands: false }, (c) => c.reply(t("broadcast-schedule-ask"), HTML));
    const now = new Date(await conversation.now());
    const parsed = parseScheduleTime(answer.message?.text ?? "", now);
    if (!parsed.ok) {
      const key = parsed.reason === "past" ? "broadcast-schedule-past" : parsed.reason === "too-far" ? "broadcast-schedule-too-far" : "broadcast-schedule-invalid";
      await answer.reply(t(key), HTML);
      continue;
    }
    const when = formatScheduleTime(parsed.at, language, parsed.zone);
    await answer.reply(t("broadcast-schedule-confirm", { count, when }), {
      ...HTML,
      reply_markup: new InlineKeyboard()
        .text(t("broadcast-btn-confirm-schedule"), confirmCb.pack({ action: "scheduled" }))
        .row()
        .text(t("broadcast-btn-change-audience"), confirmCb.pack({ action: "audience" }))
        .text(t("broadcast-btn-discard"), confirmCb.pack({ action: "discard" })),
    });
    for (;;) {
      const click = await waitAnswer(conversation, { captionCommands: false, callback: confirmCb.filter }, (c) => c.reply(t("broadcast-use-buttons")));
      const data = confirmCb.unpack(click.callbackQuery?.data);
      await click.answerCallbackQuery();
      if (!data || data.action === "now" || data.action === "schedule") continue;
      await click.editMessageReplyMarkup().catch(() => undefined);
      if (data.action === "scheduled") return parsed.at;
      if (data.action === "discard") {
        await ctx.reply(t("broadcast-discarded"));
        await conversation.halt();
      }
      return null;
    }
  }
}

// ---------------------------------------------------------------------------------------------------

/**
 * Admin broadcasts (/siaran, /siaran_status, /siaran_jeda, /siaran_lanjut, /siaran_batal and the buttons
 * under the progress message). The delivery worker is started and stopped with the app (scheduler service).
 */
export function broadcastAdminFeature(kit: FeatureKit): Composer<BotContext> {
  const { deps } = kit;
  const composer = new Composer<BotContext>();
  const reporter = new BroadcastReporter(kit);
  // The engine handles 429 (global pause), 5xx and network errors itself, so its sends go through an Api
  // WITHOUT the auto-retry transformer that bot.api has.
  const engineApi = new Api(deps.config.BOT_TOKEN, { apiRoot: deps.config.TELEGRAM_API_ROOT, timeoutSeconds: 30 });
  const worker = new BroadcastWorker({
    db: deps.db,
    send: (chatId, message) => deliverBroadcast(engineApi, Number(chatId), message, (key, params) => kit.t(message.language, key, params), kit.botUsername()),
    rate: { global: 30, perChat: 1 },
    clock: { now: () => deps.now().getTime() },
    logger: deps.logger.child({ module: "broadcast" }),
    progressIntervalMs: PROGRESS_INTERVAL_MS,
    onProgress: (progress) => reporter.update(progress),
    onFinished: (progress) => reporter.finish(progress),
  });
  kit.scheduler.registerService({ name: "broadcast", start: () => worker.start(), stop: () => worker.stop() });

  const admin = adminOnly(composer);
  admin.use(
    createConversation<BotContext, ConvContext>(broadcastConversation(kit, worker), {
      id: CONVERSATION_ID,
      maxMillisecondsToWait: IDLE_MS,
      // ctx.api inside the conversation gets bot.api's transformers (auto-retry; the test recorder)
    }),
  );
  const privateAdmin = admin.chatType("private");

  privateAdmin.command("siaran", async (ctx) => {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(CONVERSATION_ID);
  });

  /** The broadcast a command is about: the id typed after it, or the only one that fits. */
  async function target(ctx: BotContext, statuses: BroadcastStatus[]): Promise<number | null> {
    const typed = ctx.match?.toString().trim().replace(/^#/, "") ?? "";
    if (/^\d{1,9}$/.test(typed)) return Number(typed);
    const active = (await listActiveBroadcasts(deps.db)).filter((b) => statuses.includes(b.status as BroadcastStatus));
    if (active.length === 1) return active[0]?.id ?? null;
    await statusList(ctx);
    return null;
  }

  async function statusList(ctx: BotContext): Promise<void> {
    const active = await listActiveBroadcasts(deps.db);
    if (active.length === 0) {
      await ctx.reply(ctx.t("broadcast-none-active"));
      return;
    }
    const lines: string[] = [];
    for (const b of active) {
      const stats = await getBroadcastStats(deps.db, b.id);
      lines.push(ctx.t("broadcast-status-item", { id: String(b.id), status: ctx.t(`broadcast-status-${b.status}`), sent: stats?.sent ?? 0, total: b.total }));
    }
    await ctx.reply(`${ctx.t("broadcast-status-title")}\n${lines.join("\n")}\n\n${ctx.t("broadcast-pick")}`, HTML);
  }

  type Control = "pause" | "resume" | "cancel";
  async function control(ctx: BotContext, broadcastId: number, action: Control): Promise<string> {
    const stats = await getBroadcastStats(deps.db, broadcastId);
    if (!stats) return ctx.t("broadcast-not-found");
    const ok =
      action === "pause"
        ? await pauseBroadcast(deps.db, broadcastId)
        : action === "resume"
          ? await resumeBroadcast(deps.db, broadcastId, deps.now())
          : await cancelBroadcast(deps.db, broadcastId);
    if (!ok) return ctx.t("broadcast-not-active", { id: String(broadcastId), status: ctx.t(`broadcast-status-${stats.status}`) });
    worker.notify();
    ctx.log.info({ broadcastId, action, by: ctx.from?.id }, "broadcast control");
    await reporter.refresh(broadcastId);
    const key = action === "pause" ? "broadcast-paused" : action === "resume" ? "broadcast-resumed" : "broadcast-cancelled";
    return ctx.t(key, { id: String(broadcastId) });
  }

  privateAdmin.command("siaran_status", async (ctx) => {
    const typed = ctx.match.trim().replace(/^#/, "");
    if (!/^\d{1,9}$/.test(typed)) return statusList(ctx);
    const stats = await getBroadcastStats(deps.db, Number(typed));
    if (!stats) return ctx.reply(ctx.t("broadcast-not-found"));
    // a fresh live progress message at the bottom of the chat
    const language = languageOf(ctx);
    const audience = await describeAudience(deps.db, (k, p) => ctx.t(k, p), audienceFromJson((await deps.db.broadcast.findUniqueOrThrow({ where: { id: stats.id } })).audience));
    const progress = (await worker.progress(stats.id)) ?? stats;
    const view = progressView((k, p) => ctx.t(k, p), language, progress, audience);
    const sent = await ctx.reply(view.text, { ...HTML, ...(view.keyboard ? { reply_markup: view.keyboard } : {}) });
    if (["running", "paused", "scheduled"].includes(stats.status)) await setProgressMessage(deps.db, stats.id, ctx.chat.id, sent.message_id);
  });

  for (const [command, action, statuses] of [
    ["siaran_jeda", "pause", ["running", "scheduled"]],
    ["siaran_lanjut", "resume", ["paused"]],
    ["siaran_batal", "cancel", ["running", "paused", "scheduled"]],
  ] as const) {
    privateAdmin.command(command, async (ctx) => {
      const broadcastId = await target(ctx, [...statuses]);
      if (broadcastId === null) return;
      await ctx.reply(await control(ctx, broadcastId, action));
    });
  }

  admin.callbackQuery(controlCb.filter, async (ctx) => {
    const data = controlCb.unpack(ctx.callbackQuery.data);
    const stats = data ? await getBroadcastStats(deps.db, data.id) : null;
    if (!data || !stats) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    switch (data.action) {
      case "cancel":
        // asked in a message of its own, so the progress message keeps its buttons
        await ctx.answerCallbackQuery();
        return ctx.reply(ctx.t("broadcast-cancel-confirm", { id: String(data.id) }), {
          reply_markup: new InlineKeyboard()
            .text(ctx.t("broadcast-btn-cancel-yes"), controlCb.pack({ action: "cancelok", id: data.id }))
            .text(ctx.t("broadcast-btn-cancel-no"), controlCb.pack({ action: "keep", id: data.id })),
        });
      case "keep":
        await ctx.answerCallbackQuery();
        return ctx.editMessageReplyMarkup().catch(() => undefined);
      case "cancelok": {
        const text = await control(ctx, data.id, "cancel");
        await ctx.answerCallbackQuery();
        return ctx.editMessageText(text).catch(() => undefined);
      }
      default: {
        const text = await control(ctx, data.id, data.action);
        return ctx.answerCallbackQuery({ text: text.slice(0, 190) });
      }
    }
  });

  return composer;
}
