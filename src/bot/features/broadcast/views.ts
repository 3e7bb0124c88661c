// What a broadcast looks like: the message recipients get (also the preview), the audience in words,
// the live progress message and the final report.
import { Api, InlineKeyboard } from "grammy";
import type { Message, MessageEntity } from "grammy/types";
import { provinceByCodeOrNull } from "../../../domain/areas.js";
import { type Audience } from "../../../domain/broadcast/audience.js";
import { type BroadcastMessage, type BroadcastStats, type BroadcastStatus } from "../../../domain/broadcast/queue.js";
import { formatScheduleTime } from "../../../domain/broadcast/schedule.js";
import { type BroadcastProgress } from "../../../domain/broadcast/worker.js";
import { eventDeepLink } from "../../../domain/events/links.js";
import type { Db } from "../../../db.js";
import { escapeHtml, type Translate } from "../../format.js";
import { controlCb } from "./callbacks.js";
import { findEventTitle } from "../../../domain/events/lookup.js";

/** The "how to stop" line every broadcast message ends with. */
export function footerOf(t: Translate): string {
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
  options: { paid?: boolean } = {},
): Promise<Message> {
  const footer = footerOf(t);
  const body = message.text.length > 0 ? `${message.text}\n\n${footer}` : footer;
  const entities = message.entities.length > 0 ? (message.entities as unknown as MessageEntity[]) : undefined;
  const reply_markup =
    message.buttonEventId !== null
      ? new InlineKeyboard().url(t("broadcast-button-register"), eventDeepLink(botUsername, message.buttonEventId))
      : undefined;
  // BROADCAST_PAID=1: paid broadcast (Telegram Stars per message), up to 1,000 messages per second
  const markup = { ...(reply_markup ? { reply_markup } : {}), ...(options.paid ? { allow_paid_broadcast: true } : {}) };
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
      const event = await findEventTitle(db, audience.eventId);
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
