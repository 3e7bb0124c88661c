import { createConversation } from "@grammyjs/conversations";
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import { z } from "zod";
import { claimDueInvitations, releaseInvitation, type DueInvitation } from "../../../domain/feedback/invitations.js";
import { countApprovedStories, listApprovedStories, type StoryAuthor } from "../../../domain/feedback/stories.js";
import {
  MOST_USEFUL_OPTIONS,
  OUTCOMES_WITH_FIELD,
  OUTCOME_OPTIONS,
  SHORT_ANSWER_MAX_LENGTH,
  STATUS_BEFORE_OPTIONS,
  STORY_MAX_LENGTH,
  SUGGESTION_MAX_LENGTH,
  checkFreeText,
  eventFeedbackAccess,
  eventScope,
  feedbackEventsOf,
  findFeedback,
  saveFeedback,
  scopeEventId,
  type SurveyAnswersInput,
} from "../../../domain/feedback/survey.js";
import { findConsentedUser, findUser, hasCurrentConsent, markUserBlocked } from "../../../domain/users.js";
import { CallbackData } from "../../callback.js";
import type { BotContext, BotConversation, ConvContext } from "../../context.js";
import { ask, askChoice, type Answer } from "../../conversation/ask.js";
import type { FeatureKit } from "../../feature.js";
import { escapeHtml, HTML, trustedHtml, type Html, type Translate } from "../../format.js";
import { findEventTitle } from "../../../domain/events/lookup.js";
import { BotComposer } from "../../composer.js";

export const FEEDBACK_CONVERSATION_ID = "feedback";
/** A survey left unanswered this long ends quietly; writing a story can take a while, so it is generous. */
export const FEEDBACK_IDLE_MS = 3 * 60 * 60 * 1000;
export const FEEDBACK_INVITATION_JOB = "feedback-invitations";

const STEPS = ["rating", "useful", "usefulOther", "suggestion", "before", "outcome", "field", "story", "consent"] as const;
type Step = (typeof STEPS)[number];
const RATINGS = ["1", "2", "3", "4", "5"] as const;
const CONSENTS = ["named", "anonymous", "none"] as const;
const SKIP = "skip";

/** Opens the survey: kind "e" = for event `id`, kind "p" = the programme in general (id 0). */
export const openSurveyCb = new CallbackData("fbo", ["kind", "id"], z.object({ kind: z.enum(["e", "p"]), id: z.coerce.number().int().min(0).max(2_000_000_000) }));
const answerCb = new CallbackData("fbq", ["step", "value"], z.object({ step: z.enum(STEPS), value: z.string().min(1).max(20) }));
const storyPageCb = new CallbackData("fbst", ["index"], z.object({ index: z.coerce.number().int().min(0).max(1_000_000) }));


/** How a story's author is shown, in the reader's language. */
export function authorText(t: Translate, author: StoryAuthor): Html {
  if (author.kind === "named") return escapeHtml(author.name);
  return trustedHtml(author.provinceName ? t("feedback-story-anonymous-author", { province: author.provinceName }) : t("feedback-story-anonymous-author-plain"));
}

// ------------------------------------------------------------------------------------ the survey

function choiceLabel(ctx: ConvContext, step: Step, value: string): string {
  switch (step) {
    case "rating":
      return ctx.t(`feedback-rating-${value}`);
    case "useful":
      return ctx.t(`feedback-useful-${value}`);
    case "before":
      return ctx.t(`feedback-before-${value}`);
    case "outcome":
      return ctx.t(`feedback-outcome-${value}`);
    default:
      return ctx.t(`feedback-consent-${value}`);
  }
}

/** Asks a button question of the survey and waits for a valid press. */
function askStep<T extends string>(
  conversation: BotConversation,
  ctx: ConvContext,
  step: Step,
  question: string,
  choices: readonly T[],
  columns: number,
): Promise<Answer<T>> {
  return askChoice(conversation, ctx, {
    callback: answerCb,
    step,
    question,
    choices,
    columns,
    label: choiceLabel,
    keys: { yourAnswer: "feedback-your-answer", oldButton: "feedback-old-button", useButtons: "feedback-use-buttons" },
  });
}

/**
 * Asks for free text up to `max` characters; too long is refused with the limit stated and asked
 * again. With `skippable`, a "Lewati" button answers null.
 */
async function askFreeText(
  conversation: BotConversation,
  ctx: ConvContext,
  step: Step,
  question: string,
  max: number,
  skippable: boolean,
): Promise<Answer<string | null>> {
  const keyboard = skippable ? new InlineKeyboard().text(ctx.t("feedback-skip-button"), answerCb.pack({ step, value: SKIP })) : undefined;
  const asked = await ctx.reply(question, { ...HTML, ...(keyboard ? { reply_markup: keyboard } : {}) });
  let refusal: string | null = null;
  const answer = await ask(
    conversation,
    (c): { value: string | null } | null => {
      refusal = null;
      if (c.callbackQuery) {
        const pressed = answerCb.unpack(c.callbackQuery.data);
        return skippable && pressed?.step === step && pressed.value === SKIP ? { value: null } : null;
      }
      const text = c.message?.text;
      if (text === undefined) return null;
      const checked = checkFreeText(text, max);
      if (checked.ok) return { value: checked.text };
      refusal = checked.reason === "too_long" ? c.t("feedback-text-too-long", { length: checked.length, max: checked.max }) : c.t("feedback-text-empty");
      return null;
    },
    async (c) => {
      if (c.callbackQuery) await c.answerCallbackQuery({ text: c.t("feedback-old-button") });
      else await c.reply(refusal ?? c.t("feedback-send-text"));
    },
    { own: answerCb.filter },
  );
  ctx = answer.ctx;
  if (answer.value === null) {
    await ctx.answerCallbackQuery();
    await ctx.api.editMessageText(asked.chat.id, asked.message_id, `${question}\n${ctx.t("feedback-your-answer", { answer: trustedHtml(ctx.t("feedback-skipped")) })}`, HTML).catch(() => undefined);
  } else if (keyboard) {
    // the answer is visible right below; the question only loses its button
    await ctx.api.editMessageReplyMarkup(asked.chat.id, asked.message_id).catch(() => undefined);
  }
  return answer;
}

interface SurveyTarget {
  userId: number;
  title: string | null;
  answeredBefore: boolean;
}

/**
 * The survey for one scope ("event:<id>" or "program"). Answers live only in the replay state until the
 * end, then one upsert stores them: taking the survey again replaces the earlier answers.
 */
async function feedbackConversation(conversation: BotConversation, ctx: ConvContext, scope: string): Promise<void> {
  const telegramId = ctx.from?.id;
  if (telegramId === undefined) return;
  const target = await conversation.external(async (): Promise<SurveyTarget | null> => {
    const user = await findUser(ctx.deps.db, telegramId);
    if (!user || !hasCurrentConsent(user)) return null;
    const eventId = scopeEventId(scope);
    const event = eventId === null ? null : await findEventTitle(ctx.deps.db, eventId);
    const previous = await findFeedback(ctx.deps.db, user.id, scope);
    return { userId: user.id, title: event?.title ?? null, answeredBefore: previous !== null };
  });
  if (!target) {
    await ctx.reply(ctx.t("feedback-needs-consent"));
    return;
  }
  const title = target.title ?? ctx.t("feedback-program-title");
  await ctx.reply(
    [ctx.t("feedback-intro", { title: escapeHtml(title) }), ...(target.answeredBefore ? [ctx.t("feedback-intro-again")] : [])].join("\n\n"),
    HTML,
  );

  const rating = await askStep(conversation, ctx, "rating", ctx.t("feedback-q-rating"), RATINGS, 5);
  ctx = rating.ctx;
  const useful = await askStep(conversation, ctx, "useful", ctx.t("feedback-q-most-useful"), MOST_USEFUL_OPTIONS, 1);
  ctx = useful.ctx;
  let usefulOther: string | null = null;
  if (useful.value === "lainnya") {
    const other = await askFreeText(conversation, ctx, "usefulOther", ctx.t("feedback-q-most-useful-other", { max: SHORT_ANSWER_MAX_LENGTH }), SHORT_ANSWER_MAX_LENGTH, false);
    usefulOther = other.value;
    ctx = other.ctx;
  }
  const suggestion = await askFreeText(conversation, ctx, "suggestion", ctx.t("feedback-q-suggestion", { max: SUGGESTION_MAX_LENGTH }), SUGGESTION_MAX_LENGTH, true);
  ctx = suggestion.ctx;
  const before = await askStep(conversation, ctx, "before", ctx.t("feedback-q-status-before"), STATUS_BEFORE_OPTIONS, 1);
  ctx = before.ctx;
  const outcome = await askStep(conversation, ctx, "outcome", ctx.t("feedback-q-outcome"), OUTCOME_OPTIONS, 1);
  ctx = outcome.ctx;
  let field: string | null = null;
  if (OUTCOMES_WITH_FIELD.includes(outcome.value)) {
    const answer = await askFreeText(conversation, ctx, "field", ctx.t("feedback-q-outcome-field", { max: SHORT_ANSWER_MAX_LENGTH }), SHORT_ANSWER_MAX_LENGTH, true);
    field = answer.value;
    ctx = answer.ctx;
  }
  const story = await askFreeText(conversation, ctx, "story", ctx.t("feedback-q-story", { max: STORY_MAX_LENGTH }), STORY_MAX_LENGTH, true);
  ctx = story.ctx;
  let consent: (typeof CONSENTS)[number] = "none";
  if (story.value !== null) {
    const answer = await askStep(conversation, ctx, "consent", ctx.t("feedback-q-story-consent"), CONSENTS, 1);
    consent = answer.value;
    ctx = answer.ctx;
  }

  const answers: SurveyAnswersInput = {
    rating: Number(rating.value),
    mostUseful: useful.value,
    mostUsefulOther: usefulOther,
    suggestion: suggestion.value,
    statusBefore: before.value,
    outcome: outcome.value,
    outcomeField: field,
    story: story.value,
    storyConsent: consent,
  };
  const saved = await conversation.external(async () => {
    const row = await saveFeedback(ctx.deps.db, target.userId, scope, answers);
    return { storyStatus: row.storyStatus };
  });
  const lines = [ctx.t("feedback-thanks", { title: escapeHtml(title) })];
  if (story.value !== null) {
    if (consent === "none") lines.push(ctx.t("feedback-thanks-story-private"));
    else if (saved.storyStatus === "pending") lines.push(ctx.t("feedback-thanks-story-pending"));
    else lines.push(ctx.t("feedback-thanks-story-kept"));
  }
  await ctx.reply(lines.join("\n\n"), HTML);
}

// ---------------------------------------------------------------------------------- invitations

/** The invitation for one claimed registration, in the recipient's language. */
export function invitationMessage(kit: FeatureKit, invitation: DueInvitation): { text: string; keyboard: InlineKeyboard } {
  const t: Translate = (key, params) => kit.t(invitation.language, key, params);
  return {
    text: t("feedback-invitation", { title: escapeHtml(invitation.eventTitle) }),
    keyboard: new InlineKeyboard().text(t("feedback-invitation-button"), openSurveyCb.pack({ kind: "e", id: invitation.eventId })),
  };
}

/**
 * Sends the invitations that fell due. Each is claimed in the database before it is sent, so a restart
 * never sends one twice. Only a 429 (Telegram said: not processed) gives the claim back; a 403 marks the
 * user as having blocked the bot; anything else keeps the claim, since the message may have arrived.
 */
export async function sendFeedbackInvitations(kit: FeatureKit, now: Date): Promise<{ sent: number; failed: number }> {
  const { db, logger } = kit.deps;
  const due = await claimDueInvitations(db, now);
  let sent = 0;
  let failed = 0;
  for (const invitation of due) {
    const { text, keyboard } = invitationMessage(kit, invitation);
    try {
      await kit.api.sendMessage(invitation.telegramId.toString(), text, { ...HTML, reply_markup: keyboard });
      sent++;
    } catch (error) {
      failed++;
      if (error instanceof GrammyError && error.error_code === 403) {
        await markUserBlocked(db, invitation.telegramId, now);
      } else if (error instanceof GrammyError && error.error_code === 429) {
        await releaseInvitation(db, invitation.registrationId, now);
      } else {
        logger.warn({ err: error, registration: invitation.registrationId }, "feedback invitation failed");
      }
    }
  }
  return { sent, failed };
}

// ------------------------------------------------------------------------------------ the feature

/**
 * /masukan (survey for an event the user attended or for the programme), the invitation job after
 * each Temu Alumni, and /cerita (approved success stories, anonymised where the author chose so).
 */
export function feedbackFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("feedback", { user: ["masukan", "cerita"], callbacks: [openSurveyCb, answerCb, storyPageCb] });
  const { deps } = kit;
  const composer = new BotComposer<BotContext>();
  kit.conversations.everyone.use(
    createConversation<BotContext, ConvContext>(feedbackConversation, {
      id: FEEDBACK_CONVERSATION_ID,
      maxMillisecondsToWait: FEEDBACK_IDLE_MS,
    }),
  );
  const privateChat = composer.chatType("private");

  async function consentedUser(ctx: BotContext) {
    return ctx.from ? findConsentedUser(deps.db, ctx.from.id) : null;
  }

  /** The choice behind /masukan and the menu's "Masukan": recent events attended, or the programme. */
  async function chooseScope(ctx: BotContext) {
    const user = await consentedUser(ctx);
    if (!user) return ctx.reply(ctx.t("feedback-needs-consent"));
    const events = await feedbackEventsOf(deps.db, user.id, deps.now());
    const keyboard = new InlineKeyboard();
    for (const event of events) {
      keyboard.text(ctx.t("feedback-scope-event-button", { title: event.title.slice(0, 50) }), openSurveyCb.pack({ kind: "e", id: event.id })).row();
    }
    keyboard.text(ctx.t("feedback-scope-program-button"), openSurveyCb.pack({ kind: "p", id: 0 }));
    await ctx.reply(ctx.t("feedback-choose-scope"), { ...HTML, reply_markup: keyboard });
  }

  privateChat.command("masukan", chooseScope);
  kit.mainMenu.register("feedback", chooseScope);

  composer.callbackQuery(openSurveyCb.filter, async (ctx) => {
    const data = openSurveyCb.unpack(ctx.callbackQuery.data);
    if (!data || (data.kind === "e" && data.id === 0)) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    const user = await consentedUser(ctx);
    if (!user) {
      await ctx.answerCallbackQuery();
      return ctx.reply(ctx.t("feedback-needs-consent"));
    }
    let scope = "program";
    if (data.kind === "e") {
      // the pressing user must be a participant of that event, whatever the button says
      const access = await eventFeedbackAccess(deps.db, user.id, data.id, deps.now());
      if (!access.ok) {
        await ctx.answerCallbackQuery();
        if (access.reason === "not_found") return ctx.reply(ctx.t("button-expired"));
        return ctx.reply(ctx.t(access.reason === "not_started" ? "feedback-event-not-started" : "feedback-not-your-event"));
      }
      scope = eventScope(access.eventId);
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(FEEDBACK_CONVERSATION_ID, scope);
  });

  // a survey button from a survey that is no longer open (finished, cancelled, or an old message)
  composer.callbackQuery(answerCb.filter, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("feedback-old-button") }));

  // ---------------------------------------------------------------------------------- /cerita

  async function storyView(ctx: BotContext, index: number) {
    const total = await countApprovedStories(deps.db);
    if (total === 0) return { text: ctx.t("feedback-stories-empty"), keyboard: undefined };
    const position = Math.min(index, total - 1);
    const [story] = await listApprovedStories(deps.db, { limit: 1, offset: position });
    if (!story) return { text: ctx.t("feedback-stories-empty"), keyboard: undefined };
    const t: Translate = (key, params) => ctx.t(key, params);
    const lines = [
      ctx.t("feedback-story-view", { index: position + 1, total, story: escapeHtml(story.story), author: escapeHtml(authorText(t, story.author)) }),
    ];
    if (story.eventTitle) lines.push(ctx.t("feedback-story-event", { title: escapeHtml(story.eventTitle) }));
    const keyboard = new InlineKeyboard();
    if (position > 0) keyboard.text(ctx.t("feedback-story-prev"), storyPageCb.pack({ index: position - 1 }));
    if (position < total - 1) keyboard.text(ctx.t("feedback-story-next"), storyPageCb.pack({ index: position + 1 }));
    return { text: lines.join("\n"), keyboard: keyboard.inline_keyboard.flat().length > 0 ? keyboard : undefined };
  }

  privateChat.command("cerita", async (ctx) => {
    const view = await storyView(ctx, 0);
    await ctx.reply(view.text, { ...HTML, ...(view.keyboard ? { reply_markup: view.keyboard } : {}) });
  });

  composer.callbackQuery(storyPageCb.filter, async (ctx) => {
    const data = storyPageCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    const view = await storyView(ctx, data.index);
    await ctx.editMessageText(view.text, { ...HTML, ...(view.keyboard ? { reply_markup: view.keyboard } : {}) }).catch(() => undefined);
  });

  // --------------------------------------------------------------------------------------- jobs

  kit.scheduler.register({
    name: FEEDBACK_INVITATION_JOB,
    everyMs: deps.config.JOBS_INTERVAL_SECONDS * 1000,
    run: (now) => sendFeedbackInvitations(kit, now),
  });

  return composer;
}
