// The /siaran conversation: the message, the audience, the preview, now or later.
import { InlineKeyboard } from "grammy";
import { countAudience } from "../../../domain/broadcast/audience.js";
import { createBroadcast, getBroadcastStats, setProgressMessage, type BroadcastMessage, type MessageEntityLike } from "../../../domain/broadcast/queue.js";
import { BroadcastWorker } from "../../../domain/broadcast/worker.js";
import { askButton, waitAnswer } from "../../conversation/ask.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import type { FeatureKit } from "../../feature.js";
import { HTML, trustedHtml, type Translate } from "../../format.js";
import { buttonCb, confirmCb } from "./callbacks.js";
import { deliverBroadcast, describeAudience, progressView } from "./views.js";
import { chooseAudience } from "./audience.js";
import { askSchedule } from "./schedule.js";
import { openEvents } from "../../../domain/events/lookup.js";

/** Telegram's limits on a text message and on a caption (UTF-16 code units, as JavaScript counts). */
const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

interface Content {
  text: string;
  entities: MessageEntityLike[];
  media: { type: "photo" | "document"; fileId: string } | null;
}

export function composeConversation(kit: FeatureKit, worker: BroadcastWorker) {
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
      openEvents(outer.deps.db, outer.deps.now(), 8),
    );
    if (upcoming.length > 0) {
      const keyboard = new InlineKeyboard();
      for (const e of upcoming) keyboard.text(t("broadcast-button-event", { id: String(e.id), title: e.title.slice(0, 40) }), buttonCb.pack({ event: e.id })).row();
      keyboard.text(t("broadcast-button-none"), buttonCb.pack({ event: 0 }));
      await ctx.reply(t("broadcast-button-ask"), { reply_markup: keyboard });
      const chosen = await askButton(conversation, buttonCb, useButtons, { captionCommands: false, valid: (data) => data.event === 0 || upcoming.some((e) => e.id === data.event) });
      buttonEventId = chosen.data.event === 0 ? null : chosen.data.event;
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
        await ctx.reply(t("broadcast-count-zero", { audience: trustedHtml(label) }), HTML);
        continue;
      }
      await ctx.reply(t("broadcast-count", { count, audience: trustedHtml(label) }), HTML);
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
      const action = (await askButton(conversation, confirmCb, useButtons, { captionCommands: false, valid: (data) => data.action !== "scheduled" })).data.action;
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
