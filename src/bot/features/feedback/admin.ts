import { Composer, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import { renderStatsChart, type ChartLabels } from "../../../domain/feedback/chart.js";
import { feedbackCsv } from "../../../domain/feedback/export.js";
import { eventStats, overallStats, type FeedbackStats } from "../../../domain/feedback/stats.js";
import { approveStory, countPendingStories, findStory, listPendingStories, rejectStory } from "../../../domain/feedback/stories.js";
import { CallbackData } from "../../callback.js";
import type { BotContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import type { FeatureKit } from "../../feature.js";
import { requireActor, staffOnly } from "../../middlewares/admin.js";
import { eventForActor, provincesOf } from "../../../domain/organisers.js";
import { authorText } from "./index.js";
import { escapeHtml, HTML, intlLocale, trustedHtml, type Translate } from "../../format.js";
import { latestEvents } from "../../../domain/events/lookup.js";
import { countFeedback } from "../../../domain/feedback/lookup.js";
import { BotComposer } from "../../composer.js";

/** id 0 = overall (every event and the programme survey). */
const statsCb = new CallbackData("fbsa", ["id"], z.object({ id: z.coerce.number().int().min(0).max(2_000_000_000) }));
const csvCb = new CallbackData("fbcsv", ["id"], z.object({ id: z.coerce.number().int().min(0).max(2_000_000_000) }));
const reviewCb = new CallbackData("fbrv", ["verdict", "id"], z.object({ verdict: z.enum(["a", "r"]), id: z.coerce.number().int().min(1).max(2_000_000_000) }));

const EVENTS_IN_CHOICE = 10;

function formatters(language: string) {
  const decimal = new Intl.NumberFormat(intlLocale(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const share = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 });
  return {
    percent: (value: number | null) => (value === null ? "–" : `${share.format(value * 100)}%`),
    rating: (value: number | null) => (value === null ? "–" : decimal.format(value)),
  };
}

/** The short text that goes with the chart. Every figure of FeedbackStats appears in it. */
export function statsText(t: Translate, language: string, stats: FeedbackStats): string {
  const f = formatters(language);
  const title =
    stats.scope.kind === "event"
      ? t("feedback-stats-title-event", { title: escapeHtml(stats.scope.title) })
      : t("feedback-stats-title-overall", { events: stats.scope.events });
  const d = stats.ratingDistribution;
  const outcome = stats.outcome;
  const lines = [
    title,
    "",
    t("feedback-stats-registrations", {
      registrations: stats.registrations,
      confirmed: stats.confirmed,
      waitlisted: stats.waitlisted,
      cancelled: stats.cancelled,
      checkedIn: stats.checkedIn,
      rate: f.percent(stats.attendanceRate),
    }),
    t("feedback-stats-answers", { answers: stats.answers, respondents: stats.respondents }),
    t("feedback-stats-rating", { average: f.rating(stats.averageRating), r1: d[1], r2: d[2], r3: d[3], r4: d[4], r5: d[5] }),
    outcome.unemployedBefore > 0
      ? t("feedback-stats-outcome", {
          base: outcome.unemployedBefore,
          works: `${f.percent(outcome.worksShare)} (${outcome.works})`,
          business: `${f.percent(outcome.businessShare)} (${outcome.business})`,
        })
      : t("feedback-stats-outcome-none"),
    stats.themes.length > 0
      ? t("feedback-stats-themes", { themes: escapeHtml(stats.themes.map(([word, count]) => `${word} (${count})`).join(", ")) })
      : t("feedback-stats-themes-none"),
    t("feedback-stats-faq", { votes: stats.faqDownvotes, answers: stats.faqAnswersDownvoted }),
  ];
  return lines.join("\n");
}

/** Every word in the chart picture from the locale files. */
export function chartLabels(t: Translate, language: string): ChartLabels {
  const f = formatters(language);
  return {
    eventTitle: (title) => t("feedback-chart-title-event", { title }),
    overallTitle: (events) => t("feedback-chart-title-overall", { events }),
    summary: (s) =>
      [
        t("feedback-chart-summary-1", {
          registrations: s.registrations,
          confirmed: s.confirmed,
          waitlisted: s.waitlisted,
          checkedIn: s.checkedIn,
          rate: s.attendanceRate === null ? "" : trustedHtml(t("feedback-chart-summary-rate", { rate: f.percent(s.attendanceRate) })),
        }),
        t("feedback-chart-summary-2", { respondents: s.respondents, average: s.averageRating === null ? "–" : `${f.rating(s.averageRating)} / 5` }),
      ].join("\n"),
    ratingHeading: t("feedback-chart-rating-heading"),
    ratingSubheading: (answers) => t("feedback-chart-rating-subheading", { answers }),
    ratingCategory: (stars) => `${stars} ★`,
    outcomeHeading: t("feedback-chart-outcome-heading"),
    outcomeSubheading: (base) => t("feedback-chart-outcome-subheading", { base }),
    outcomeWorks: t("feedback-chart-outcome-works"),
    outcomeBusiness: t("feedback-chart-outcome-business"),
    noOutcomeData: t("feedback-chart-no-data"),
    percent: f.percent,
  };
}

/**
 * Admin tools of the feedback feature: /statistik (per event or overall: a short text, the chart as a
 * PNG and the answers as CSV) and /cerita_admin (approve or reject stories offered for publication). An
 * organiser's figures, files and stories cover only the events of their provinces.
 */
export function feedbackAdminFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("feedbackAdmin", { admin: ["statistik", "cerita_admin"], callbacks: [statsCb, csvCb, reviewCb] });
  const { deps } = kit;
  const composer = new BotComposer<BotContext>();
  const admin = staffOnly(composer);
  const privateAdmin = admin.chatType("private");

  async function sendStats(ctx: BotContext, eventId: number) {
    const provinces = provincesOf(await requireActor(ctx));
    const stats = eventId === 0 ? await overallStats(deps.db, { provinces }) : await eventStats(deps.db, eventId, { provinces });
    if (!stats) return ctx.reply(ctx.t("feedback-stats-not-found"));
    const language = languageOf(ctx);
    const t: Translate = (key, params) => ctx.t(key, params);
    await ctx.reply(statsText(t, language, stats), {
      ...HTML,
      reply_markup: new InlineKeyboard().text(ctx.t("feedback-stats-csv-button"), csvCb.pack({ id: eventId })),
    });
    let png: Buffer;
    try {
      png = await renderStatsChart(stats, chartLabels(t, language));
    } catch (error) {
      ctx.log.error({ err: error }, "stats chart failed");
      return ctx.reply(ctx.t("feedback-stats-chart-failed"));
    }
    const title = stats.scope.kind === "event" ? stats.scope.title : ctx.t("feedback-stats-overall-button");
    await ctx.replyWithPhoto(new InputFile(png, eventId === 0 ? "statistik.png" : `statistik-acara-${eventId}.png`), {
      caption: ctx.t("feedback-stats-chart-caption", { title: title.slice(0, 200) }),
    });
  }

  privateAdmin.command("statistik", async (ctx) => {
    const argument = ctx.match.trim().replace(/^#/, "");
    if (/^\d{1,9}$/.test(argument)) return sendStats(ctx, Number(argument));
    const events = await latestEvents(deps.db, EVENTS_IN_CHOICE, provincesOf(await requireActor(ctx)));
    const keyboard = new InlineKeyboard().text(ctx.t("feedback-stats-overall-button"), statsCb.pack({ id: 0 })).row();
    for (const event of events) keyboard.text(ctx.t("feedback-stats-event-button", { id: String(event.id), title: event.title.slice(0, 50) }), statsCb.pack({ id: event.id })).row();
    await ctx.reply(ctx.t("feedback-stats-choose"), { reply_markup: keyboard });
  });

  admin.callbackQuery(statsCb.filter, async (ctx) => {
    const data = statsCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    await sendStats(ctx, data.id);
  });

  admin.callbackQuery(csvCb.filter, async (ctx) => {
    const data = csvCb.unpack(ctx.callbackQuery.data);
    const actor = await requireActor(ctx);
    const provinces = provincesOf(actor);
    const event = data && data.id > 0 ? await eventForActor(deps.db, actor, data.id) : null;
    if (!data || (data.id > 0 && !event)) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    const csv = await feedbackCsv(deps.db, event?.id, { provinces });
    const rows = await countFeedback(deps.db, event?.id, provinces);
    await ctx.replyWithDocument(new InputFile(csv, event ? `masukan-acara-${event.id}.csv` : "masukan-semua.csv"), {
      caption: ctx.t("feedback-stats-csv-caption", { title: event?.title ?? ctx.t("feedback-stats-overall-button"), rows }),
    });
  });

  // ------------------------------------------------------------------------------ /cerita_admin

  async function showNextPending(ctx: BotContext) {
    const scope = { provinces: provincesOf(await requireActor(ctx)) };
    const [story] = await listPendingStories(deps.db, 1, scope);
    if (!story) return ctx.reply(ctx.t("feedback-review-empty"));
    const pending = await countPendingStories(deps.db, scope);
    const t: Translate = (key, params) => ctx.t(key, params);
    const lines = [
      ctx.t("feedback-review-view", {
        pending,
        story: escapeHtml(story.story),
        author: escapeHtml(authorText(t, story.author)),
        consent: ctx.t(story.consent === "named" ? "feedback-review-consent-named" : "feedback-review-consent-anonymous"),
      }),
    ];
    if (story.eventTitle) lines.push(ctx.t("feedback-story-event", { title: escapeHtml(story.eventTitle) }));
    await ctx.reply(lines.join("\n"), {
      ...HTML,
      reply_markup: new InlineKeyboard()
        .text(ctx.t("feedback-review-approve"), reviewCb.pack({ verdict: "a", id: story.id }))
        .text(ctx.t("feedback-review-reject"), reviewCb.pack({ verdict: "r", id: story.id })),
    });
  }

  privateAdmin.command("cerita_admin", showNextPending);

  admin.callbackQuery(reviewCb.filter, async (ctx) => {
    const data = reviewCb.unpack(ctx.callbackQuery.data);
    const scope = { provinces: provincesOf(await requireActor(ctx)) };
    // a story outside the organiser's provinces (or none at all) gets the ordinary refusal
    if (!data || !(await findStory(deps.db, data.id, scope))) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    const done = data.verdict === "a" ? await approveStory(deps.db, data.id, scope) : await rejectStory(deps.db, data.id, scope);
    if (!done) {
      await ctx.answerCallbackQuery({ text: ctx.t("feedback-review-already") });
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return showNextPending(ctx);
    }
    ctx.log.info({ story: data.id, verdict: data.verdict, by: ctx.from.id }, "story reviewed");
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t(data.verdict === "a" ? "feedback-review-approved" : "feedback-review-rejected"));
    await showNextPending(ctx);
  });

  return composer;
}
