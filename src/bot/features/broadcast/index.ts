// /siaran: announcements to many people, for admins. A conversation composes the message (text with
// formatting, or a photo/document with a caption, optionally a button to an event's registration),
// picks the audience, shows the exact recipient count and an exact preview, and sends now or later.
// Delivery is the durable engine in src/domain/broadcast (one row per recipient, crash-safe, ≤ 30 msg/s);
// this file wires it to Telegram: the send function, the live progress message with pause / resume /
// cancel buttons, the commands, and the final report with a CSV of everyone who did not get it.
import { createConversation } from "@grammyjs/conversations";
import { Api, Composer, InlineKeyboard } from "grammy";
import { cancelBroadcast, getBroadcastStats, listActiveBroadcasts, pauseBroadcast, resumeBroadcast, setProgressMessage, type BroadcastStatus } from "../../../domain/broadcast/queue.js";
import { BroadcastWorker } from "../../../domain/broadcast/worker.js";
import { broadcastRate } from "../../../config.js";
import { instanceId } from "../../../cluster/instance.js";
import type { BotContext, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import type { FeatureKit } from "../../feature.js";
import { requireActor, staffOnly } from "../../middlewares/admin.js";
import { canControlBroadcast } from "../../../domain/organisers.js";
import { broadcastAudience } from "../../../domain/broadcast/lookup.js";
import { HTML, trustedHtml } from "../../format.js";
import { audienceCb, buttonCb, confirmCb, CONTROL_COMMANDS, controlCb, eventCb, provinceCb, segmentCb } from "./callbacks.js";
import { deliverBroadcast, describeAudience, progressView } from "./views.js";
import { BroadcastReporter } from "./reporter.js";
import { composeConversation } from "./compose.js";
import { BotComposer } from "../../composer.js";

const COMPOSE_CONVERSATION_ID = "broadcast-compose";
const IDLE_MS = 2 * 60 * 60 * 1000;
/** Progress message refresh. */
const PROGRESS_INTERVAL_MS = 3000;

/**
 * Admin broadcasts (/siaran, /siaran_status, /siaran_jeda, /siaran_lanjut, /siaran_batal and the buttons
 * under the progress message). The delivery worker is started and stopped with the app (scheduler service).
 */
export function broadcastAdminFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("broadcastAdmin", { admin: ["siaran", "siaran_status", ...CONTROL_COMMANDS.map(([command]) => command)], callbacks: [buttonCb, audienceCb, provinceCb, eventCb, segmentCb, confirmCb, controlCb] });
  const { deps } = kit;
  const composer = new BotComposer<BotContext>();
  const reporter = new BroadcastReporter(kit);
  // The engine handles 429 (global pause), 5xx and network errors itself, so its sends go through an Api
  // WITHOUT the auto-retry transformer that bot.api has.
  const engineApi = new Api(deps.config.BOT_TOKEN, { apiRoot: deps.config.TELEGRAM_API_ROOT, timeoutSeconds: 30 });
  // Cluster-ready (issue 13): rows are claimed under this instance's id with a lease, the pace is the shared
  // slot row in the database (every instance together stays at BROADCAST_RATE), and only polling mode (one
  // instance, guarded by the polling lease) treats every row left "sending" at start as a dead process's.
  const paid = deps.config.BROADCAST_PAID;
  const worker = new BroadcastWorker({
    db: deps.db,
    send: (chatId, message) => deliverBroadcast(engineApi, Number(chatId), message, (key, params) => kit.t(message.language, key, params), kit.botUsername(), { paid }),
    rate: { global: broadcastRate(deps.config), perChat: 1 },
    sharedRate: true,
    instanceId: instanceId(deps.config.INSTANCE_ID),
    exclusive: deps.config.BOT_MODE !== "webhook",
    // paid broadcasts (up to 1,000/s) need more sends on the wire; the duplicate bound after a crash grows with it
    ...(paid ? { maxSendingRows: 512, concurrency: 256 } : {}),
    clock: { now: () => deps.now().getTime() },
    logger: deps.logger.child({ module: "broadcast" }),
    progressIntervalMs: PROGRESS_INTERVAL_MS,
    onProgress: (progress) => reporter.update(progress),
    onFinished: (progress) => reporter.finish(progress),
  });
  kit.scheduler.registerService({ name: "broadcast", start: () => worker.start(), stop: () => worker.stop() });

  // composing: every member of the staff; the conversation limits an organiser's audiences (compose.ts)
  const admin = staffOnly(composer);
  kit.conversations.staff.use(
    createConversation<BotContext, ConvContext>(composeConversation(kit, worker), {
      id: COMPOSE_CONVERSATION_ID,
      maxMillisecondsToWait: IDLE_MS,
      // ctx.api inside the conversation gets bot.api's transformers (auto-retry; the test recorder)
    }),
  );
  admin.chatType("private").command("siaran", async (ctx) => {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(COMPOSE_CONVERSATION_ID);
  });
  // status and control: every member of the staff, an organiser only for the broadcasts they made
  const staff = staffOnly(composer);
  const privateAdmin = staff.chatType("private");

  /** The active broadcasts this actor may see. */
  async function activeFor(ctx: BotContext) {
    const actor = await requireActor(ctx);
    return (await listActiveBroadcasts(deps.db)).filter((b) => canControlBroadcast(actor, b));
  }

  /** A broadcast's figures, or null when it does not exist or is not this actor's to see. */
  async function statsFor(ctx: BotContext, broadcastId: number) {
    const stats = await getBroadcastStats(deps.db, broadcastId);
    return stats && canControlBroadcast(await requireActor(ctx), stats) ? stats : null;
  }

  /** The broadcast a command is about: the id typed after it, or the only one that fits. */
  async function target(ctx: BotContext, statuses: BroadcastStatus[]): Promise<number | null> {
    const typed = ctx.match?.toString().trim().replace(/^#/, "") ?? "";
    if (/^\d{1,9}$/.test(typed)) return Number(typed);
    const active = (await activeFor(ctx)).filter((b) => statuses.includes(b.status as BroadcastStatus));
    if (active.length === 1) return active[0]?.id ?? null;
    await statusList(ctx);
    return null;
  }

  async function statusList(ctx: BotContext): Promise<void> {
    const active = await activeFor(ctx);
    if (active.length === 0) {
      await ctx.reply(ctx.t("broadcast-none-active"));
      return;
    }
    const lines: string[] = [];
    for (const b of active) {
      const stats = await getBroadcastStats(deps.db, b.id);
      lines.push(ctx.t("broadcast-status-item", { id: String(b.id), status: trustedHtml(ctx.t(`broadcast-status-${b.status}`)), sent: stats?.sent ?? 0, total: b.total }));
    }
    await ctx.reply(`${ctx.t("broadcast-status-title")}\n${lines.join("\n")}\n\n${ctx.t("broadcast-pick")}`, HTML);
  }

  type Control = "pause" | "resume" | "cancel";
  async function control(ctx: BotContext, broadcastId: number, action: Control): Promise<string> {
    const stats = await statsFor(ctx, broadcastId);
    if (!stats) return ctx.t("broadcast-not-found");
    const ok =
      action === "pause"
        ? await pauseBroadcast(deps.db, broadcastId)
        : action === "resume"
          ? await resumeBroadcast(deps.db, broadcastId, deps.now())
          : await cancelBroadcast(deps.db, broadcastId);
    if (!ok) return ctx.t("broadcast-not-active", { id: String(broadcastId), status: trustedHtml(ctx.t(`broadcast-status-${stats.status}`)) });
    worker.notify();
    ctx.log.info({ broadcastId, action, by: ctx.from?.id }, "broadcast control");
    await reporter.refresh(broadcastId);
    const key = action === "pause" ? "broadcast-paused" : action === "resume" ? "broadcast-resumed" : "broadcast-cancelled";
    return ctx.t(key, { id: String(broadcastId) });
  }

  privateAdmin.command("siaran_status", async (ctx) => {
    const typed = ctx.match.trim().replace(/^#/, "");
    if (!/^\d{1,9}$/.test(typed)) return statusList(ctx);
    const stats = await statsFor(ctx, Number(typed));
    if (!stats) return ctx.reply(ctx.t("broadcast-not-found"));
    // a fresh live progress message at the bottom of the chat
    const language = languageOf(ctx);
    const chosen = await broadcastAudience(deps.db, stats.id);
    if (!chosen) return ctx.reply(ctx.t("broadcast-not-found"));
    const audience = await describeAudience(deps.db, (k, p) => ctx.t(k, p), chosen);
    const progress = (await worker.progress(stats.id)) ?? stats;
    const view = progressView((k, p) => ctx.t(k, p), language, progress, audience);
    const sent = await ctx.reply(view.text, { ...HTML, ...(view.keyboard ? { reply_markup: view.keyboard } : {}) });
    if (["running", "paused", "scheduled"].includes(stats.status)) await setProgressMessage(deps.db, stats.id, ctx.chat.id, sent.message_id);
  });

  for (const [command, action, statuses] of CONTROL_COMMANDS) {
    privateAdmin.command(command, async (ctx) => {
      const broadcastId = await target(ctx, [...statuses]);
      if (broadcastId === null) return;
      await ctx.reply(await control(ctx, broadcastId, action));
    });
  }

  staff.callbackQuery(controlCb.filter, async (ctx) => {
    const data = controlCb.unpack(ctx.callbackQuery.data);
    const stats = data ? await statsFor(ctx, data.id) : null;
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
