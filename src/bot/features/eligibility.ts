import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import {
  checkEligibility,
  parseAgeOrBirthDate,
  type EligibilityFailure,
  type EligibilityResult,
  type Occupation,
} from "../../domain/eligibility.js";
import { CallbackData } from "../callback.js";
import type { BotContext, BotConversation, ConvContext } from "../context.js";
import { ask, askChoice, type Answer } from "../conversation/ask.js";
import type { FeatureKit } from "../feature.js";
import { HTML, trustedHtml } from "../format.js";
import { BotComposer } from "../composer.js";

export const ELIGIBILITY_CONVERSATION_ID = "eligibility";
/**
 * A check left unanswered this long ends quietly: the next message is handled as if no check was open
 * (a question typed days later gets an FAQ answer, not "choose a button").
 */
export const ELIGIBILITY_IDLE_MS = 30 * 60_000;

const STEPS = ["citizen", "student", "occupation", "recipient", "family"] as const;
type Step = (typeof STEPS)[number];

/** One button for "kepala desa / perangkat desa": both are excluded by the same rule. */
const OCCUPATION_CHOICES = ["asn", "tni", "polri", "pejabat_negara", "dprd", "kepala_desa", "bumn_bumd", "none"] as const satisfies readonly Occupation[];
const FAMILY_CHOICES = ["0", "1", "2"] as const;
const YES_NO = ["yes", "no"] as const;

const answerCb = new CallbackData("elg", ["step", "value"], z.object({ step: z.enum(STEPS), value: z.string().max(20) }));
const restartCb = new CallbackData("elgr", [], z.object({}));


function choiceLabel(ctx: ConvContext, step: Step, value: string): string {
  if (step === "occupation") return ctx.t(`eligibility-occupation-${value}`);
  if (step === "family") return ctx.t(`eligibility-family-${value}`);
  if (step === "recipient") return ctx.t(value === "yes" ? "eligibility-recipient-yes" : "eligibility-recipient-no");
  return ctx.t(value === "yes" ? "eligibility-yes" : "eligibility-no");
}

/** Asks one button question (its text is `eligibility-q-<step>`) and waits for a valid press. */
function askStep<T extends string>(conversation: BotConversation, ctx: ConvContext, step: Step, choices: readonly T[], columns = 2): Promise<Answer<T>> {
  return askChoice(conversation, ctx, {
    callback: answerCb,
    step,
    question: ctx.t(`eligibility-q-${step}`),
    choices,
    columns,
    label: choiceLabel,
    keys: { yourAnswer: "eligibility-your-answer", oldButton: "eligibility-old-button", useButtons: "eligibility-use-buttons" },
  });
}

/** Asks the age as a number or a date of birth; anything unreadable or outside 0–120 is asked again. */
async function askAge(conversation: BotConversation, ctx: ConvContext): Promise<Answer<number>> {
  await ctx.reply(ctx.t("eligibility-q-age"), HTML);
  let refusal = "eligibility-age-invalid";
  const answer = await ask(
    conversation,
    async (c): Promise<{ value: { age: number; birthDate: boolean } } | null> => {
      const text = c.message?.text;
      if (text === undefined) return null;
      // the clock goes through external so a replay sees the same "today"
      const today = new Date(await conversation.external(() => c.deps.now().toISOString()));
      const parsed = parseAgeOrBirthDate(text.slice(0, 100), today);
      if (parsed.ok) return { value: { age: parsed.age, birthDate: Boolean(parsed.birthDate) } };
      const key = parsed.reason === "out_of_range" ? "eligibility-age-out-of-range" : parsed.reason === "future_date" ? "eligibility-age-future" : "eligibility-age-invalid";
      refusal = key;
      return null;
    },
    async (c) => {
      // a button of an earlier question of this check
      if (c.callbackQuery) await c.answerCallbackQuery({ text: c.t("eligibility-old-button") });
      else await c.reply(c.t(refusal), HTML);
      refusal = "eligibility-age-invalid";
    },
    { own: answerCb.filter },
  );
  ctx = answer.ctx;
  if (answer.value.birthDate) await ctx.reply(ctx.t("eligibility-age-from-date", { age: answer.value.age }));
  return { value: answer.value.age, ctx };
}

function failureText(ctx: ConvContext, failure: EligibilityFailure): string {
  switch (failure.rule) {
    case "wni":
      return ctx.t("eligibility-reason-wni");
    case "age_min":
      return ctx.t("eligibility-reason-age-min", { age: failure.age, min: failure.min });
    case "age_max":
      return ctx.t("eligibility-reason-age-max", { age: failure.age, max: failure.max });
    case "education":
      return ctx.t("eligibility-reason-education");
    case "occupation":
      return ctx.t("eligibility-reason-occupation", { occupation: trustedHtml(ctx.t(`eligibility-occupation-${failure.occupation}`)) });
    case "previous_recipient":
      return ctx.t("eligibility-reason-previous-recipient");
    case "kk_quota":
      return ctx.t("eligibility-reason-kk-quota", { max: failure.max });
  }
}

/** The verdict in words: every failing rule with its reason, and what to do next. */
export function eligibilityResultText(ctx: ConvContext, result: EligibilityResult): string {
  if (result.eligible) return ctx.t("eligibility-result-eligible");
  const reasons = result.failures.map((failure) => `• ${failureText(ctx, failure)}`).join("\n");
  // Age below 18 and being in school pass with time; the other rules do not change on their own.
  const temporaryOnly = result.failures.every((f) => f.rule === "age_min" || f.rule === "education");
  return [
    ctx.t("eligibility-result-not-eligible", { count: result.failures.length }),
    reasons,
    ctx.t(temporaryOnly ? "eligibility-next-later" : "eligibility-next-not-eligible"),
  ].join("\n\n");
}

/**
 * The eligibility check (skema normal 2023+). Nothing is stored in the database: the answers live only
 * in the conversation's replay state while the check runs (so a restart continues at the same
 * question) and are gone when it ends. The verdict comes from the domain rules alone.
 */
async function eligibilityConversation(conversation: BotConversation, ctx: ConvContext): Promise<void> {
  await ctx.reply(ctx.t("eligibility-intro"), HTML);
  const citizen = await askStep(conversation, ctx, "citizen", YES_NO);
  ctx = citizen.ctx;
  const age = await askAge(conversation, ctx);
  ctx = age.ctx;
  const student = await askStep(conversation, ctx, "student", YES_NO);
  ctx = student.ctx;
  const occupation = await askStep(conversation, ctx, "occupation", OCCUPATION_CHOICES, 2);
  ctx = occupation.ctx;
  const recipient = await askStep(conversation, ctx, "recipient", YES_NO);
  ctx = recipient.ctx;
  const family = await askStep(conversation, ctx, "family", FAMILY_CHOICES, 3);
  ctx = family.ctx;

  const result = checkEligibility({
    isWni: citizen.value === "yes",
    age: age.value,
    inFormalEducation: student.value === "yes",
    occupation: occupation.value,
    previouslyRecipient: recipient.value === "yes",
    recipientsInSameKk: Number(family.value),
  });
  const keyboard = new InlineKeyboard()
    .url(ctx.t("eligibility-button-official"), "https://www.prakerja.go.id")
    .row()
    .text(ctx.t("eligibility-button-again"), restartCb.pack({}));
  await ctx.reply(eligibilityResultText(ctx, result), { ...HTML, reply_markup: keyboard });
}

/** /kelayakan and the "Cek Kelayakan" menu item. Works for everyone, with or without consent. */
export function eligibilityFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("eligibility", { user: ["kelayakan"], callbacks: [answerCb, restartCb] });
  const composer = new BotComposer<BotContext>();
  kit.conversations.everyone.use(
    createConversation<BotContext, ConvContext>(eligibilityConversation, {
      id: ELIGIBILITY_CONVERSATION_ID,
      maxMillisecondsToWait: ELIGIBILITY_IDLE_MS,
    }),
  );

  /** Starts a fresh check, leaving whatever conversation was open (a menu button is not a command). */
  const start = async (ctx: BotContext): Promise<void> => {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(ELIGIBILITY_CONVERSATION_ID);
  };

  composer.chatType("private").command("kelayakan", start);
  // (an open check sees the menu button and passes it on: the conversations run before the main menu)
  kit.mainMenu.register("eligibility", start);
  composer.callbackQuery(restartCb.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    await start(ctx);
  });
  // A button of a check that is no longer open (finished, cancelled, or from an old message).
  composer.callbackQuery(answerCb.filter, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("eligibility-old-button") }));
  return composer;
}
