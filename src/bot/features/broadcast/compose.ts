// The /siaran conversation: the message, the audience, the preview, now or later.
import { InlineKeyboard } from "grammy";
import { countAudience } from "../../../domain/broadcast/audience.js";
import { createBroadcast, getBroadcastStats, setProgressMessage, type BroadcastMessage, type MessageEntityLike } from "../../../domain/broadcast/queue.js";
import { BroadcastWorker } from "../../../domain/broadcast/worker.js";
import { ask, askButton } from "../../conversation/ask.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import type { FeatureKit } from "../../feature.js";
import { HTML, trustedHtml, type Translate } from "../../format.js";
import { buttonCb, confirmCb } from "./callbacks.js";
import { deliverBroadcast, describeAudience, progressView } from "./views.js";
import { chooseAudience, type AudienceScope } from "./audience.js";
import { askSchedule } from "./schedule.js";
import { openEvents } from "../../../domain/events/lookup.js";
import { audienceKindsFor, canBroadcastTo, provincesOf } from "../../../domain/organisers.js";
import { requireActor } from "../../middlewares/admin.js";

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

    // what this person may choose: an organiser only their provinces and the participants of their events
    const scope = await conversation.external(async (outer): Promise<AudienceScope> => {
      const actor = await requireActor(outer);
      const provinces = provincesOf(actor);
      return { kinds: audienceKindsFor(actor), provinces: provinces ? [...provinces] : null };
    });

    // 1. the message
    await ctx.reply(t("broadcast-compose-intro"), HTML);
    let refusal: string | null = null;
    const content = await ask(
      conversation,
      (c): { value: Content } | null => {
        refusal = null;
        const message = c.message;
        if (!message) return null;
        const photo = message.photo?.at(-1);
        const media: Content["media"] = photo
          ? { type: "photo", fileId: photo.file_id }
          : message.document
            ? { type: "document", fileId: message.document.file_id }
            : null;
        if (!media && message.text === undefined) return null;
        const text = (media ? message.caption : message.text) ?? "";
        const entities = ((media ? message.caption_entities : message.entities) ?? []) as unknown as MessageEntityLike[];
        const max = (media ? CAPTION_LIMIT : TEXT_LIMIT) - footerLength;
        if (!media && text.trim().length === 0) refusal = t("broadcast-compose-empty");
        else if (text.length > max) refusal = t("broadcast-compose-too-long", { length: text.length, max });
        return refusal === null ? { value: { text, entities, media } } : null;
      },
      (c) => c.reply(refusal ?? t("broadcast-compose-nudge")),
      { captionIsContent: true },
    );
    ctx = content.ctx;

    // 2. an optional registration button
    let buttonEventId: number | null = null;
    const upcoming = await conversation.external(async (outer) =>
      openEvents(outer.deps.db, outer.deps.now(), 8, scope.provinces),
    );
    if (upcoming.length > 0) {
      const keyboard = new InlineKeyboard();
      for (const e of upcoming) keyboard.text(t("broadcast-button-event", { id: String(e.id), title: e.title.slice(0, 40) }), buttonCb.pack({ event: e.id })).row();
      keyboard.text(t("broadcast-button-none"), buttonCb.pack({ event: 0 }));
      await ctx.reply(t("broadcast-button-ask"), { reply_markup: keyboard });
      const chosen = await askButton(conversation, { callback: buttonCb, otherwise: useButtons, captionIsContent: true, valid: (data) => data.event === 0 || upcoming.some((e) => e.id === data.event) });
      ctx = chosen.ctx;
      buttonEventId = chosen.value.event === 0 ? null : chosen.value.event;
    }
    const message: Omit<BroadcastMessage, "language"> = { broadcastId: 0, ...content.value, buttonEventId };

    // 3. audience, count, preview, confirmation (the audience can be changed as often as needed)
    let previewed = false;
    // one round per audience chosen: a round ends with a broadcast, or goes back to the audience
    while (true) {
      const chosenAudience = await chooseAudience(conversation, ctx, t, useButtons, scope);
      ctx = chosenAudience.ctx;
      const audience = chosenAudience.value;
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
      const confirmed = await askButton(conversation, { callback: confirmCb, otherwise: useButtons, captionIsContent: true, valid: (data) => data.action !== "scheduled" });
      ctx = confirmed.ctx;
      const action = confirmed.value.action;
      if (action === "audience") continue;
      if (action === "discard") {
        await ctx.reply(t("broadcast-discarded"));
        return;
      }
      let scheduledAt: Date | null = null;
      if (action === "schedule") {
        const schedule = await askSchedule(conversation, ctx, t, language, count);
        ctx = schedule.ctx;
        scheduledAt = schedule.value;
        if (!scheduledAt) continue;
      }

      // 4. create: the placeholder progress message first, so the worker can always find it
      const placeholder = await ctx.reply(t("broadcast-progress-title-draft", { id: "…" }), HTML);
      const created = await conversation.external(async (outer) => {
        // asked again right before queueing (the actor as they are now): an audience outside their scope
        // is never queued, however it was chosen
        if (!(await canBroadcastTo(outer.deps.db, await requireActor(outer), audience))) return { refused: true as const };
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
      if (created && "refused" in created) {
        await ctx.api.editMessageText(chatId, placeholder.message_id, t("broadcast-audience-not-allowed")).catch(() => undefined);
        return;
      }
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
