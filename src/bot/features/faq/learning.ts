import { InlineKeyboard } from "grammy";
import { z } from "zod";
import type { FaqFieldError } from "../../../domain/faq/entry.js";
import type { AttachResult, FaqService, ReviewItem } from "../../../domain/faq/service.js";
import { CallbackData } from "../../callback.js";
import type { BotContext, BotConversation, ConvContext } from "../../context.js";
import { ask, type Answer } from "../../conversation/ask.js";
import type { FeatureKit } from "../../feature.js";
import { HTML, intlLocale } from "../../format.js";
import { languageOf } from "../../i18n.js";
import { questionLabel } from "./views.js";
import { BotComposer } from "../../composer.js";

/**
 * The learning loop of /faq_admin: "❓ Belum terjawab" (questions the matcher could not answer) and
 * "👎" (questions whose answer got a 👎). One question per screen, the most asked first, with the
 * matcher's closest entries as one-tap buttons that add the question to that entry as a new phrasing
 * (the matcher uses it at once, on every instance), "new entry" (the add flow with the question
 * prefilled) and "dismiss" (an unanswered question is deleted; a 👎 is only marked reviewed).
 * Callback data carries row and entry ids, never the question.
 */

/** u = unanswered questions, d = 👎 questions */
export type ReviewKind = "u" | "d";
const ACTIONS = ["u", "d", "ua", "da", "un", "dn", "ux", "dx", "nop"] as const;
const rowId = z.coerce.number().int().min(0).max(2_147_483_647);
const learnCb = new CallbackData("fql", ["a", "id", "e", "p"], z.object({ a: z.enum(ACTIONS), id: rowId, e: rowId, p: z.coerce.number().int().min(0).max(1_000_000) }));
const useAskedCb = new CallbackData("fqu", ["ok"], z.object({ ok: z.enum(["yes"]) }));
export const LEARNING_CALLBACKS = [learnCb, useAskedCb];

const SUGGESTIONS = 3;
const QUESTION_SHOWN = 300;

/** A question people asked that an admin turns into a new entry (the add flow's argument). */
export interface AskedQuestion {
  kind: ReviewKind;
  id: number;
  question: string;
}

/** The callback data of a review list's first screen (the panel's buttons). */
export function reviewButton(kind: ReviewKind): string {
  return learnCb.pack({ a: kind, id: 0, e: 0, p: 0 });
}

/** Once a new entry was made from an asked question, the question leaves its list. */
export async function resolveAsked(faq: FaqService, from: AskedQuestion): Promise<boolean> {
  return from.kind === "u" ? faq.dismissUnmatched(from.id) : faq.dismissDownvoted(from.id);
}

/**
 * Step 1 of a new entry made from an asked question: keep the question as typed by the public (one tap),
 * or type a tidier one (the asked wording is then kept as a phrasing, see the add flow).
 */
export async function askEntryQuestion(
  conversation: BotConversation,
  ctx: ConvContext,
  from: AskedQuestion,
  check: (text: string) => FaqFieldError | null,
  invalid: (ctx: ConvContext, error: FaqFieldError) => Promise<unknown>,
): Promise<Answer<string>> {
  const usable = check(from.question) === null;
  const keyboard = usable ? new InlineKeyboard().text(ctx.t("faq-learn-use-asked"), useAskedCb.pack({ ok: "yes" })) : undefined;
  await ctx.reply(ctx.t("faq-learn-new-question", { question: from.question }), { ...HTML, reply_markup: keyboard });
  let refused: FaqFieldError | null = null;
  const answer = await ask(
    conversation,
    (c): { value: string } | null => {
      refused = null;
      if (c.callbackQuery) return usable && useAskedCb.unpack(c.callbackQuery.data) ? { value: from.question } : null;
      const text = c.message?.text?.trim();
      if (text === undefined) return null;
      refused = check(text);
      return refused ? null : { value: text };
    },
    async (c) => {
      if (c.callbackQuery) await c.answerCallbackQuery();
      else if (refused) await invalid(c, refused);
      else await c.reply(c.t("faq-admin-send-text"));
    },
    { own: useAskedCb.filter },
  );
  if (answer.ctx.callbackQuery) {
    await answer.ctx.answerCallbackQuery();
    await answer.ctx.editMessageReplyMarkup().catch(() => undefined);
  }
  return answer;
}

export interface LearningOptions {
  /** callback data of the /faq_admin panel and of an entry's screen */
  home: string;
  view: (faqId: number) => string;
  /** starts the add-entry flow with this question */
  newEntry: (ctx: BotContext, from: AskedQuestion) => Promise<unknown>;
}

const queueOf = (faq: FaqService, kind: ReviewKind): Promise<ReviewItem[]> => (kind === "u" ? faq.unmatchedQueue() : faq.downvotedQueue());

/** The screens; `show` opens a list (from the panel's old "unanswered" button too). */
export function faqLearning(kit: FeatureKit, options: LearningOptions) {
  /** The question at `position` of a list (the last one when the list got shorter), or the empty list's note. */
  async function screen(ctx: BotContext, faq: FaqService, kind: ReviewKind, position: number): Promise<{ text: string; keyboard: InlineKeyboard }> {
    const queue = await queueOf(faq, kind);
    const home = new InlineKeyboard().text(ctx.t("faq-admin-button-home"), options.home);
    const p = Math.min(position, queue.length - 1);
    const item = queue[p];
    if (!item) return { text: ctx.t(`faq-learn-empty-${kind}`), keyboard: home };
    const when = new Intl.DateTimeFormat(intlLocale(languageOf(ctx)), { timeZone: "Asia/Jakarta", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" });
    const lines = [
      ctx.t(`faq-learn-title-${kind}`, { position: p + 1, total: queue.length }),
      "",
      ctx.t("faq-learn-question", { question: questionLabel(item.text, QUESTION_SHOWN) }),
      ctx.t(`faq-learn-count-${kind}`, { count: item.count, when: when.format(item.lastAt) }),
    ];
    const answered = item.faqId ? await faq.get(item.faqId) : null;
    if (answered) lines.push(ctx.t("faq-learn-answered-with", { id: answered.id, question: questionLabel(answered.question, 120) }));
    // the matcher's closest entries; for a 👎 not the entry that already answered it
    const suggestions = faq
      .search(item.text, SUGGESTIONS + 1)
      .filter((e) => e.id !== item.faqId)
      .slice(0, SUGGESTIONS);
    lines.push("", ctx.t(suggestions.length ? "faq-learn-suggestions" : "faq-learn-no-suggestions"));
    const keyboard = new InlineKeyboard();
    for (const entry of suggestions) {
      keyboard.text(`${ctx.t("faq-learn-button-attach")} ${questionLabel(entry.question, 40)}`, learnCb.pack({ a: `${kind}a`, id: item.id, e: entry.id, p })).row();
    }
    keyboard.text(ctx.t("faq-learn-button-new"), learnCb.pack({ a: `${kind}n`, id: item.id, e: 0, p })).text(ctx.t("faq-learn-button-dismiss"), learnCb.pack({ a: `${kind}x`, id: item.id, e: 0, p }));
    if (answered) keyboard.row().text(ctx.t("faq-learn-button-view", { id: answered.id }), options.view(answered.id));
    keyboard.row();
    if (p > 0) keyboard.text("◀️", learnCb.pack({ a: kind, id: 0, e: 0, p: p - 1 }));
    keyboard.text(`${p + 1}/${queue.length}`, learnCb.pack({ a: "nop", id: 0, e: 0, p }));
    if (p < queue.length - 1) keyboard.text("▶️", learnCb.pack({ a: kind, id: 0, e: 0, p: p + 1 }));
    keyboard.row().text(ctx.t("faq-admin-button-home"), options.home);
    return { text: lines.join("\n"), keyboard };
  }

  /** Shows a list's screen in place of the pressed message (or as a new one when it cannot be edited). */
  async function show(ctx: BotContext, kind: ReviewKind, position: number): Promise<void> {
    const { text, keyboard } = await screen(ctx, await kit.faq(), kind, position);
    const options = { ...HTML, reply_markup: keyboard };
    if (ctx.callbackQuery?.message) await ctx.editMessageText(text, options).catch(() => ctx.reply(text, options));
    else await ctx.reply(text, options);
  }

  function attachToast(ctx: BotContext, result: AttachResult, faqId: number): string {
    if (result.ok) return ctx.t("faq-learn-attached", { id: faqId });
    if (result.reason === "question_gone") return ctx.t("faq-learn-gone");
    if (result.reason === "not_found") return ctx.t("faq-admin-not-found");
    const error = result.issues.find((i) => i.field === "variants")?.error ?? result.issues[0]?.error ?? "invalid";
    return ctx.t("faq-learn-attach-failed", { error: ctx.t(`faq-error-${error}`) });
  }

  const composer = new BotComposer<BotContext>();
  composer.callbackQuery(learnCb.filter, async (ctx) => {
    const data = learnCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    const faq = await kit.faq();
    switch (data.a) {
      case "nop":
        return ctx.answerCallbackQuery();
      case "u":
      case "d":
        await ctx.answerCallbackQuery();
        return show(ctx, data.a, data.p);
      case "ua":
      case "da": {
        const kind = data.a === "ua" ? "u" : "d";
        const result = kind === "u" ? await faq.attachUnmatched(data.id, data.e) : await faq.attachDownvoted(data.id, data.e);
        if (result.ok) ctx.log.info({ by: ctx.from.id, faq: data.e, from: kind }, "faq question attached as a phrasing");
        await ctx.answerCallbackQuery({ text: attachToast(ctx, result, data.e) });
        // the list changed (or someone else handled the question): show the question now at this place
        return show(ctx, kind, data.p);
      }
      case "ux":
      case "dx": {
        const kind = data.a === "ux" ? "u" : "d";
        const done = kind === "u" ? await faq.dismissUnmatched(data.id) : await faq.dismissDownvoted(data.id);
        await ctx.answerCallbackQuery({ text: ctx.t(done ? "faq-learn-dismissed" : "faq-learn-gone") });
        return show(ctx, kind, data.p);
      }
      case "un":
      case "dn": {
        const kind = data.a === "un" ? "u" : "d";
        const question = kind === "u" ? (await faq.unmatched(data.id))?.text : (await faq.downvote(data.id))?.question;
        if (!question) {
          await ctx.answerCallbackQuery({ text: ctx.t("faq-learn-gone") });
          return show(ctx, kind, data.p);
        }
        await ctx.answerCallbackQuery();
        return options.newEntry(ctx, { kind, id: data.id, question });
      }
    }
  });

  return { composer, show };
}
