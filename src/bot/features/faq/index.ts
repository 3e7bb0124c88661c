import { Composer, InlineKeyboard } from "grammy";
import type { InlineKeyboardButton, MaybeInaccessibleMessage } from "grammy/types";
import { z } from "zod";
import type { FaqEntry } from "../../../domain/faq/entry.js";
import type { FaqReply } from "../../../domain/faq/service.js";
import { SMALL_TALK_REPLY_KEYS } from "../../../domain/faq/small-talk.js";
import { CallbackData } from "../../callback.js";
import type { BotContext } from "../../context.js";
import { escapeHtml, HTML } from "../../format.js";
import { faqDigestFeature } from "./digest.js";
import { answerText, questionLabel } from "./views.js";
import type { FeatureKit } from "../../feature.js";
import { BotComposer } from "../../composer.js";

/** Questions longer than this are cut before matching (a pasted wall of text is not one question). */
export const FAQ_MAX_QUESTION_LENGTH = 500;
const MAX_RELATED = 3;
/** Shown under "Tanya Jawab" in the menu; entries an admin deleted are skipped. */
const POPULAR_SLUGS = ["cara-daftar", "syarat-peserta", "besaran-insentif", "batas-beli-pelatihan", "kapan-gelombang-dibuka", "ciri-penipuan"];

// An entry id is a 32-bit integer column: a forged larger one is refused here (PostgreSQL would reject the
// query with "value out of range"; SQLite simply finds nothing).
const faqId = z.coerce.number().int().positive().max(2_147_483_647);
const voteCb = new CallbackData("faqv", ["id", "helpful"], z.object({ id: faqId, helpful: z.enum(["1", "0"]) }));
const questionCb = new CallbackData("faqq", ["id"], z.object({ id: faqId }));

function answerKeyboard(ctx: BotContext, entry: FaqEntry, related: readonly FaqEntry[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("faq-vote-helpful"), voteCb.pack({ id: entry.id, helpful: "1" }))
    .text(ctx.t("faq-vote-not-helpful"), voteCb.pack({ id: entry.id, helpful: "0" }));
  for (const other of related.slice(0, MAX_RELATED)) keyboard.row().text(questionLabel(other.question), questionCb.pack({ id: other.id }));
  return keyboard;
}

/**
 * Answers go out as replies to the question typed, so Telegram hands the question back (as the answer's
 * reply_to_message) when someone votes on it: a 👎 is stored with what was asked, nothing is kept meanwhile.
 */
function replyTo(messageId: number | undefined) {
  return messageId ? { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } } : {};
}

/** The person's question a bot message replies to (its /tanya prefix removed), if Telegram included it. */
function askedIn(message: MaybeInaccessibleMessage | undefined): { id: number; text: string } | undefined {
  const asked = message && "reply_to_message" in message ? message.reply_to_message : undefined;
  if (!asked?.text || asked.from?.is_bot) return undefined;
  const text = cleanQuestion(asked.text.replace(/^\/\w+(?:@\w+)?\s*/, ""));
  return text ? { id: asked.message_id, text } : undefined;
}

function hasButton(message: MaybeInaccessibleMessage | undefined, filter: RegExp): boolean {
  const rows = message && "reply_markup" in message ? (message.reply_markup?.inline_keyboard ?? []) : [];
  return rows.some((row) => row.some((b) => "callback_data" in b && filter.test(b.callback_data)));
}

/** Buttons that open these entries, one per row. */
export function questionButtons(entries: readonly FaqEntry[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const entry of entries) keyboard.text(questionLabel(entry.question), questionCb.pack({ id: entry.id })).row();
  return keyboard;
}

/**
 * What is matched and (when unanswered) recorded: at most FAQ_MAX_QUESTION_LENGTH characters, control
 * characters as spaces, and broken UTF-16 (lone surrogates, which SQLite cannot store) replaced.
 */
export function cleanQuestion(raw: string): string {
  const text = raw
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/[\p{Cc}\p{Cf}]+/gu, " ")
    .trim();
  return Array.from(text).slice(0, FAQ_MAX_QUESTION_LENGTH).join("").trim();
}

/**
 * Free-text answers, /tanya and the "Tanya Jawab" menu item. LAST in FEATURES: every other feature's
 * text handler has had its turn, so any private text that is not a command and not part of a
 * conversation gets an answer here — from anyone, with or without consent, nothing about the
 * person stored (votes and unanswered questions are anonymous).
 */
export function faqFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("faq", { user: ["tanya"], callbacks: [voteCb, questionCb] });
  const composer = new BotComposer<BotContext>();
  const privateChat = composer.chatType("private");
  const service = kit.faq;
  // the owners' weekly digest (/faq_ringkasan and its job), before the free-text handler below
  composer.use(faqDigestFeature(kit));
  /** messages already voted on ("chat:message"), so a double tap counts once; bounded */
  const voted = new Set<string>();

  /** The answer itself, with "Pertanyaan terkait" buttons under it when there are related entries. */
  async function sendAnswer(ctx: BotContext, entry: FaqEntry, related: readonly FaqEntry[], questionMessage?: number) {
    const heading = related.length ? ctx.t("faq-related") : undefined;
    await ctx.reply(answerText(entry, heading), { ...HTML, ...replyTo(questionMessage), reply_markup: answerKeyboard(ctx, entry, related) });
  }

  async function answerQuestion(ctx: BotContext, raw: string) {
    const text = cleanQuestion(raw);
    if (!text) return ctx.reply(ctx.t("faq-not-a-question"), HTML);
    const faq = await service();
    let result: FaqReply;
    try {
      result = faq.reply(text);
    } catch (error) {
      // a matcher failure on odd input must not cost the person an answer: they get the honest "none"
      ctx.log.warn({ err: error, length: text.length }, "faq matcher failed");
      result = { kind: "none" };
    }
    // thanks, salam, greetings, "ok sip", "-1": a short friendly reply, never an unanswered question.
    // This handler only sees messages outside a conversation, so an "ok" here is not an answer to a step.
    if (result.kind === "small-talk") return ctx.reply(ctx.t(SMALL_TALK_REPLY_KEYS[result.smallTalk]), HTML);
    const questionMessage = ctx.msg?.message_id;
    if (result.kind === "answer") return sendAnswer(ctx, result.entry, result.related, questionMessage);
    if (result.kind === "suggest") {
      return ctx.reply(ctx.t("faq-suggest"), { ...replyTo(questionMessage), reply_markup: questionButtons(result.options.slice(0, 3)) });
    }
    await faq.recordUnmatched(text).catch((error: unknown) => ctx.log.warn({ err: error }, "unmatched question not recorded"));
    ctx.log.info({ length: text.length }, "faq question without answer");
    return ctx.reply(ctx.t("faq-none"), HTML);
  }

  privateChat.command("tanya", async (ctx) => {
    const question = ctx.match.trim();
    if (!question) return ctx.reply(ctx.t("faq-ask-prompt"), HTML);
    return answerQuestion(ctx, question);
  });

  // Text starting with "/" is a command (known ones were handled before, unknown ones go to the fallback).
  privateChat.on("message:text", (ctx, next) => (ctx.msg.text.trimStart().startsWith("/") ? next() : answerQuestion(ctx, ctx.msg.text)));

  kit.mainMenu.register("faq", async (ctx) => {
    const faq = await service();
    const popular: FaqEntry[] = [];
    for (const slug of POPULAR_SLUGS) {
      const entry = faq.shown(slug);
      if (entry) popular.push(entry);
    }
    await ctx.reply(ctx.t("faq-intro"), { ...HTML, reply_markup: questionButtons(popular) });
  });

  composer.callbackQuery(questionCb.filter, async (ctx) => {
    const data = questionCb.unpack(ctx.callbackQuery.data);
    const faq = await service();
    const entry = data ? faq.shown(data.id) : null;
    if (!entry) return ctx.answerCallbackQuery({ text: ctx.t("faq-entry-gone") });
    await ctx.answerCallbackQuery();
    // related questions of an entry are what its own question is matched with
    const match = faq.answer(entry.question);
    const related = match.kind === "answer" && match.entry.id === entry.id ? match.related : [];
    // a choice under "Maksudmu yang mana?" answers the question typed (a 👎 on it is about that question);
    // a related question under an answer, or one from the menu, was not typed by anyone
    const message = ctx.callbackQuery.message;
    const asked = hasButton(message, voteCb.filter) ? undefined : askedIn(message);
    await sendAnswer(ctx, entry, related, asked?.id);
  });

  composer.callbackQuery(voteCb.filter, async (ctx) => {
    const data = voteCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    const message = ctx.callbackQuery.message;
    const key = `${ctx.chat?.id ?? ctx.from.id}:${message?.message_id ?? ctx.callbackQuery.inline_message_id ?? ""}`;
    if (voted.has(key)) return ctx.answerCallbackQuery({ text: ctx.t("faq-vote-already") });
    const faq = await service();
    if (!(await faq.recordVote(data.id, data.helpful === "1", askedIn(message)?.text))) return ctx.answerCallbackQuery({ text: ctx.t("faq-entry-gone") });
    voted.add(key);
    if (voted.size > 10_000) voted.delete(voted.values().next().value as string);
    await ctx.answerCallbackQuery({ text: ctx.t("faq-vote-thanks-short") });

    // The vote buttons go away and the thanks takes their place; the related questions stay.
    const entry = faq.shown(data.id);
    const keep: InlineKeyboardButton[][] = (message?.reply_markup?.inline_keyboard ?? [])
      .map((row) => row.filter((b) => "callback_data" in b && questionCb.filter.test(b.callback_data)))
      .filter((row) => row.length > 0);
    const thanks = ctx.t(data.helpful === "1" ? "faq-vote-thanks-helpful" : "faq-vote-thanks-not-helpful");
    const heading = keep.length ? `\n\n<i>${escapeHtml(ctx.t("faq-related"))}</i>` : "";
    const text = entry ? `${answerText(entry)}\n\n${thanks}${heading}` : thanks;
    await ctx.editMessageText(text, { ...HTML, reply_markup: new InlineKeyboard(keep) }).catch(() => undefined);
  });

  return composer;
}
