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
import { askChoice as askButtonChoice } from "../conversation/ask.js";
import type { FeatureKit } from "../feature.js";
import { HTML, trustedHtml } from "../format.js";

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

/**
 * Asks one button question (its text is `eligibility-q-<step>`) and waits for a valid press. Typed text
 * gets a polite reminder with the same buttons; buttons of other features are passed on to them (the
 * check stays open).
 */
function askChoice<T extends string>(
  conversation: BotConversation,
  ctx: ConvContext,
  step: Step,
  choices: readonly T[],
  columns = 2,
): Promise<{ value: T; ctx: ConvContext }> {
  return askButtonChoice(conversation, ctx, {
    callback: answerCb,
    step,
    question: ctx.t(`eligibility-q-${step}`),
    choices,
    columns,
    label: choiceLabel,
    keys: { yourAnswer: "eligibility-your-answer", oldButton: "eligibility-old-button", useButtons: "eligibility-use-buttons" },
    passCommands: false,
  });
}

/** Asks the age as a number or a date of birth; anything unreadable or outside 0–120 is asked again. */
async function askAge(conversation: BotConversation, ctx: ConvContext): Promise<{ age: number; ctx: ConvContext }> {
  await ctx.reply(ctx.t("eligibility-q-age"), HTML);
  for (;;) {
    const next = await conversation.wait();
    const text = next.message?.text;
    if (text === undefined) {
      if (next.callbackQuery) {
        if (!answerCb.filter.test(next.callbackQuery.data ?? "")) await conversation.skip({ next: true });
        await next.answerCallbackQuery({ text: next.t("eligibility-old-button") });
      } else if (next.message) {
        await next.reply(next.t("eligibility-age-invalid"), HTML);
      } else {
        await conversation.skip({ next: true });
      }
      continue;
    }
    // the clock goes through external so a replay sees the same "today"
    const today = new Date(await conversation.external(() => ctx.deps.now().toISOString()));
    const parsed = parseAgeOrBirthDate(text.slice(0, 100), today);
    if (parsed.ok) {
      if (parsed.birthDate) await next.reply(next.t("eligibility-age-from-date", { age: parsed.age }));
      return { age: parsed.age, ctx: next };
    }
    const key = parsed.reason === "out_of_range" ? "eligibility-age-out-of-range" : parsed.reason === "future_date" ? "eligibility-age-future" : "eligibility-age-invalid";
    await next.reply(next.t(key), HTML);
  }
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
  const citizen = await askChoice(conversation, ctx, "citizen", YES_NO);
  const age = await askAge(conversation, citizen.ctx);
  const student = await askChoice(conversation, age.ctx, "student", YES_NO);
  const occupation = await askChoice(conversation, student.ctx, "occupation", OCCUPATION_CHOICES, 2);
  const recipient = await askChoice(conversation, occupation.ctx, "recipient", YES_NO);
  const family = await askChoice(conversation, recipient.ctx, "family", FAMILY_CHOICES, 3);

  const result = checkEligibility({
    isWni: citizen.value === "yes",
    age: age.age,
    inFormalEducation: student.value === "yes",
    occupation: occupation.value,
    previouslyRecipient: recipient.value === "yes",
    recipientsInSameKk: Number(family.value),
  });
  const last = family.ctx;
  const keyboard = new InlineKeyboard()
    .url(last.t("eligibility-button-official"), "https://www.prakerja.go.id")
    .row()
    .text(last.t("eligibility-button-again"), restartCb.pack({}));
  await last.reply(eligibilityResultText(last, result), { ...HTML, reply_markup: keyboard });
}

/** /kelayakan and the "Cek Kelayakan" menu item. Works for everyone, with or without consent. */
export function eligibilityFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("eligibility", { user: ["kelayakan"], callbacks: [answerCb, restartCb] });
  const composer = new Composer<BotContext>();
  const conversation = createConversation<BotContext, ConvContext>(eligibilityConversation, {
    id: ELIGIBILITY_CONVERSATION_ID,
    maxMillisecondsToWait: ELIGIBILITY_IDLE_MS,
  });
  composer.use(conversation);

  /** Starts a fresh check, leaving whatever conversation was open (a menu button is not a command). */
  const start = async (ctx: BotContext): Promise<void> => {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(ELIGIBILITY_CONVERSATION_ID);
  };

  composer.chatType("private").command("kelayakan", start);
  // The main menu runs before the features, where the conversation is not registered yet: register it
  // for this update first (an open check sees the menu button and passes it on), then start.
  kit.mainMenu.register("eligibility", async (ctx) => {
    await conversation(ctx, () => start(ctx));
  });
  composer.callbackQuery(restartCb.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    await start(ctx);
  });
  // A button of a check that is no longer open (finished, cancelled, or from an old message).
  composer.callbackQuery(answerCb.filter, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("eligibility-old-button") }));
  return composer;
}
