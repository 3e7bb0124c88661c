import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import type { FaqCsvError } from "../../../domain/faq/csv.js";
import { validateFaqEntry, type FaqEntry, type FaqEntryInput, type FaqFieldError, type FaqValidationIssue } from "../../../domain/faq/entry.js";
import type { FaqMutationResult } from "../../../domain/faq/service.js";
import { CallbackData } from "../../callback.js";
import type { BotContext, BotConversation, ConvContext } from "../../context.js";
import { ask, askButton, askText, type Answer } from "../../conversation/ask.js";
import { downloadTelegramFile, FileTooLargeError, MAX_DOWNLOAD_BYTES } from "../../files.js";
import type { FeatureKit } from "../../feature.js";
import { adminOnly } from "../../middlewares/admin.js";
import { askEntryQuestion, faqLearning, LEARNING_CALLBACKS, resolveAsked, reviewButton, type AskedQuestion } from "./learning.js";
import { answerText, questionLabel } from "./views.js";
import { escapeHtml, HTML, htmlLongerThan, MAX_MESSAGE_LENGTH, trustedHtml, type Translate } from "../../format.js";
import { BotComposer } from "../../composer.js";

const PAGE_SIZE = 8;
/** Problems listed in an import report; the rest are counted. */
const MAX_REPORTED_ERRORS = 25;

const ACTIONS = ["home", "list", "search", "add", "export", "worst", "unmatched", "view", "edit", "del", "delok"] as const;
type Action = (typeof ACTIONS)[number];
const FIELDS = ["question", "answer", "variants", "keywords", "category"] as const;
type Field = (typeof FIELDS)[number];

const adminCb = new CallbackData("fqa", ["a", "n"], z.object({ a: z.enum(ACTIONS), n: z.coerce.number().int().min(0).max(1_000_000_000) }));
// entry ids are 32-bit integers (a forged larger one would make PostgreSQL reject the query)
const fieldCb = new CallbackData("fqe", ["id", "f"], z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), f: z.enum(FIELDS) }));
const categoryCb = new CallbackData("fqc", ["c"], z.object({ c: z.string().regex(/^[a-z0-9-]{1,40}$/) }));
const saveCb = new CallbackData("fqs", ["ok"], z.object({ ok: z.enum(["yes", "no"]) }));

/** An admin flow left alone this long ends quietly; the next message is handled normally. */
const ADMIN_IDLE_MS = 60 * 60_000;
const ADD_CONVERSATION_ID = "faq-admin-add";
const EDIT_CONVERSATION_ID = "faq-admin-edit";
const SEARCH_CONVERSATION_ID = "faq-admin-search";

const act = (a: Action, n = 0) => adminCb.pack({ a, n });

/** A valid entry to validate one field against, so the domain rules judge each answer as it comes. */
const SAMPLE: FaqEntryInput = {
  slug: "contoh",
  category: "umum",
  question: "Pertanyaan contoh?",
  answer: "Jawaban contoh yang cukup panjang.",
  variants: [],
  keywords: [],
};

type FaqLoader = FeatureKit["faq"];

function fieldError(field: Field, value: unknown): FaqFieldError | null {
  const result = validateFaqEntry({ ...SAMPLE, [field]: value });
  return result.ok ? null : (result.issues.find((issue) => issue.field === field)?.error ?? null);
}

/** Variants: one per line or separated by "|"; keywords also by commas. "-" means none. */
function parseList(text: string, field: "variants" | "keywords"): string[] {
  if (text.trim() === "-") return [];
  const separator = field === "keywords" ? /[\n|,]/ : /[\n|]/;
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseFieldValue(field: Field, text: string): string | string[] {
  if (field === "variants" || field === "keywords") return parseList(text, field);
  if (field === "category") return text.trim().toLowerCase();
  return text.trim();
}

/** A readable slug from the question: "Berapa lama batas…?" → "berapa-lama-batas…". */
export function slugFromQuestion(question: string): string {
  const slug = question
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, "") : slug;
  return cut || "faq";
}

function issueLines(t: Translate, issues: readonly FaqValidationIssue[]): string {
  return issues.map((issue) => t("faq-admin-issue", { field: trustedHtml(t(`faq-admin-field-${issue.field}`)), error: trustedHtml(t(`faq-error-${issue.error}`)) })).join("\n");
}

function csvErrorLines(t: Translate, errors: readonly FaqCsvError[]): string {
  const lines = errors.slice(0, MAX_REPORTED_ERRORS).map((e) =>
    e.column
      ? t("faq-admin-import-error-column", { line: e.line, column: e.column, error: trustedHtml(t(`faq-error-${e.error}`)) })
      : t("faq-admin-import-error", { line: e.line, error: trustedHtml(t(`faq-error-${e.error}`)) }),
  );
  if (errors.length > MAX_REPORTED_ERRORS) lines.push(t("faq-admin-import-more", { count: errors.length - MAX_REPORTED_ERRORS }));
  return lines.join("\n");
}

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * An entry as admins see it: every field whole, the answer rendered as users see it. The longest entry
 * is longer than one message; sent with reply, the API transformer splits it at line breaks.
 */
export function entryDetails(t: Translate, entry: FaqEntry): string {
  return [
    t("faq-admin-entry-head", { id: entry.id, slug: entry.slug, category: entry.category }),
    t("faq-admin-entry-question", { question: escapeHtml(entry.question) }),
    t("faq-admin-entry-answer"),
    entry.answer,
    "",
    t("faq-admin-entry-variants", { variants: entry.variants.join(" | ") || "–" }),
    t("faq-admin-entry-keywords", { keywords: entry.keywords.join(", ") || "–" }),
  ].join("\n");
}

function entryKeyboard(t: Translate, entry: FaqEntry): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("faq-admin-button-edit"), act("edit", entry.id))
    .text(t("faq-admin-button-delete"), act("del", entry.id))
    .row()
    .text(t("faq-admin-button-list"), act("list", 0))
    .text(t("faq-admin-button-home"), act("home"));
}

function entryButtons(entries: readonly FaqEntry[], keyboard = new InlineKeyboard()): InlineKeyboard {
  for (const entry of entries) keyboard.text(`#${entry.id} ${questionLabel(entry.question, 48)}`, act("view", entry.id)).row();
  return keyboard;
}

/** Waits for a text message; other features' buttons pass through, other messages get a hint. */
function waitText(conversation: BotConversation): Promise<Answer<string>> {
  return askText<string, never>(conversation, {
    parse: (text) => ({ ok: true, value: text }),
    invalid: () => undefined,
    otherwise: (c) => c.reply(c.t("faq-admin-send-text")),
  });
}

const fieldInvalid = (ctx: ConvContext, field: Field, error: FaqFieldError) =>
  ctx.reply(ctx.t("faq-admin-field-invalid", { field: ctx.t(`faq-admin-field-${field}`), error: ctx.t(`faq-error-${error}`) }), HTML);

/** Asks until the value passes the domain's validation for that field. */
async function askField(conversation: BotConversation, ctx: ConvContext, field: Exclude<Field, "category">, prompt: string): Promise<Answer<string | string[]>> {
  await ctx.reply(prompt, HTML);
  return askText<string | string[], { error: FaqFieldError }>(conversation, {
    parse: (text) => {
      const value = parseFieldValue(field, text);
      const error = fieldError(field, value);
      return error ? { ok: false, error } : { ok: true, value };
    },
    invalid: (c, { error }) => fieldInvalid(c, field, error),
    otherwise: (c) => c.reply(c.t("faq-admin-send-text")),
  });
}

/** A category: one of the existing ones as a button, or a new one typed. */
async function askCategory(faq: FaqLoader, conversation: BotConversation, ctx: ConvContext): Promise<Answer<string>> {
  const categories = await conversation.external(async () => {
    const entries = await (await faq()).list();
    return [...new Set(entries.map((e) => e.category))];
  });
  const keyboard = new InlineKeyboard();
  categories.forEach((category, index) => {
    keyboard.text(category, categoryCb.pack({ c: category }));
    if (index % 3 === 2) keyboard.row();
  });
  await ctx.reply(ctx.t("faq-admin-ask-category"), { ...HTML, reply_markup: keyboard });
  let refused: FaqFieldError | null = null;
  const answer = await ask(
    conversation,
    (c): { value: string } | null => {
      refused = null;
      const value = c.callbackQuery ? categoryCb.unpack(c.callbackQuery.data)?.c : c.message?.text?.trim().toLowerCase();
      if (value === undefined) return null;
      refused = fieldError("category", value);
      return refused ? null : { value };
    },
    async (c) => {
      if (c.callbackQuery) {
        await c.answerCallbackQuery();
        await c.editMessageReplyMarkup().catch(() => undefined);
      }
      if (refused) await fieldInvalid(c, "category", refused);
      else if (!c.callbackQuery) await c.reply(c.t("faq-admin-send-text"));
    },
    { own: categoryCb.filter },
  );
  if (answer.ctx.callbackQuery) {
    await answer.ctx.answerCallbackQuery();
    await answer.ctx.editMessageReplyMarkup().catch(() => undefined);
  }
  return answer;
}

/** ➕ Add: question, answer, variants, keywords, category; preview; save. `from`: made from a question people asked. */
async function addConversation(faqService: FaqLoader, conversation: BotConversation, ctx: ConvContext, from?: AskedQuestion): Promise<void> {
  await ctx.reply(ctx.t("faq-admin-add-start"), HTML);
  const question = from
    ? await askEntryQuestion(conversation, ctx, from, (text) => fieldError("question", text), (c, error) => fieldInvalid(c, "question", error))
    : await askField(conversation, ctx, "question", ctx.t("faq-admin-ask-question"));
  ctx = question.ctx;
  const answer = await askField(conversation, ctx, "answer", ctx.t("faq-admin-ask-answer"));
  ctx = answer.ctx;
  const variants = await askField(conversation, ctx, "variants", ctx.t("faq-admin-ask-variants"));
  ctx = variants.ctx;
  const keywords = await askField(conversation, ctx, "keywords", ctx.t("faq-admin-ask-keywords"));
  ctx = keywords.ctx;
  const category = await askCategory(faqService, conversation, ctx);
  ctx = category.ctx;

  const typed = variants.value as string[];
  const draft = {
    category: category.value,
    question: question.value as string,
    answer: answer.value as string,
    // the wording people used stays a phrasing of the entry when the admin typed a tidier question
    variants: from && from.question !== question.value ? [...typed, from.question] : typed,
    keywords: keywords.value as string[],
  };
  const preview = [
    ctx.t("faq-admin-preview-title"),
    answerText({ id: 0, slug: "", ...draft }),
    "",
    ctx.t("faq-admin-entry-variants", { variants: draft.variants.join(" | ") || "–" }),
    ctx.t("faq-admin-entry-keywords", { keywords: draft.keywords.join(", ") || "–" }),
    ctx.t("faq-admin-preview-category", { category: draft.category }),
  ].join("\n");
  await ctx.reply(preview, {
    ...HTML,
    reply_markup: new InlineKeyboard().text(ctx.t("faq-admin-button-save"), saveCb.pack({ ok: "yes" })).text(ctx.t("faq-admin-button-cancel"), saveCb.pack({ ok: "no" })),
  });
  const save = await askButton(conversation, {
    // a forged or broken payload of our own button counts as "cancel"
    callback: { filter: saveCb.filter, unpack: (data) => saveCb.unpack(data) ?? { ok: "no" as const } },
    otherwise: (c) => c.reply(c.t("faq-admin-use-buttons")),
  });
  ctx = save.ctx;
  if (save.value.ok !== "yes") {
    await ctx.reply(ctx.t("faq-admin-add-cancelled"));
    return;
  }

  const result: FaqMutationResult = await conversation.external(async () => {
    const faq = await faqService();
    const base = slugFromQuestion(draft.question);
    let slug = base;
    for (let n = 2; await faq.get(slug); n++) slug = `${base.slice(0, 70)}-${n}`;
    return faq.create({ ...draft, slug });
  });
  if (!result.ok) {
    const problems = result.reason === "invalid" ? issueLines(ctx.t, result.issues) : "";
    await ctx.reply(`${ctx.t("faq-admin-save-failed")}\n${problems}`, HTML);
    return;
  }
  if (from) await conversation.external(async () => resolveAsked(await faqService(), from));
  await ctx.reply(ctx.t("faq-admin-added", { id: result.entry.id }), HTML);
  await ctx.reply(entryDetails(ctx.t, result.entry), { ...HTML, reply_markup: entryKeyboard(ctx.t, result.entry) });
}

/** ✏️ Edit one field of an entry: shows the current value, asks for the new one, saves. */
async function editConversation(faq: FaqLoader, conversation: BotConversation, ctx: ConvContext, target: { id: number; field: Field }): Promise<void> {
  const current = await conversation.external(async () => (await faq()).get(target.id));
  if (!current) {
    await ctx.reply(ctx.t("faq-admin-not-found"));
    return;
  }
  const field = target.field;
  const shown = field === "variants" ? current.variants.join("\n") : field === "keywords" ? current.keywords.join(", ") : current[field];
  await ctx.reply(
    ctx.t("faq-admin-edit-prompt", {
      id: current.id,
      field: trustedHtml(ctx.t(`faq-admin-field-${field}`)),
      // whole, to copy and change; a long value goes out as several messages
      current: shown || "–",
      hint: trustedHtml(ctx.t(`faq-admin-hint-${field}`)),
    }),
    HTML,
  );
  // the save itself is the check: a value the domain refuses is asked again with the reasons
  const saved = await askText<FaqMutationResult, { issues: readonly FaqValidationIssue[] }>(conversation, {
    parse: async (text) => {
      const value = parseFieldValue(field, text);
      const result: FaqMutationResult = await conversation.external(async () => (await faq()).update(target.id, { [field]: value }));
      return result.ok || result.reason === "not_found" ? { ok: true, value: result } : { ok: false, issues: result.reason === "invalid" ? result.issues : [] };
    },
    invalid: (c, { issues }) => c.reply(`${c.t("faq-admin-save-failed-retry")}\n${issueLines(c.t, issues)}`, HTML),
    otherwise: (c) => c.reply(c.t("faq-admin-send-text")),
  });
  ctx = saved.ctx;
  const result = saved.value;
  if (!result.ok) {
    await ctx.reply(ctx.t("faq-admin-not-found"));
    return;
  }
  await ctx.reply(ctx.t("faq-admin-saved", { id: result.entry.id, field: ctx.t(`faq-admin-field-${field}`) }));
  await ctx.reply(entryDetails(ctx.t, result.entry), { ...HTML, reply_markup: entryKeyboard(ctx.t, result.entry) });
}

async function searchConversation(faq: FaqLoader, conversation: BotConversation, ctx: ConvContext): Promise<void> {
  await ctx.reply(ctx.t("faq-admin-search-prompt"));
  const query = await waitText(conversation);
  ctx = query.ctx;
  const found = await conversation.external(async () => (await faq()).search(query.value.slice(0, 300), 10));
  await sendSearchResults(ctx, query.value, found);
}

async function sendSearchResults(ctx: BotContext | ConvContext, query: string, found: readonly FaqEntry[]) {
  if (found.length === 0) return ctx.reply(ctx.t("faq-admin-search-none", { query: escapeHtml(cut(query, 100)) }), HTML);
  return ctx.reply(ctx.t("faq-admin-search-results", { query: escapeHtml(cut(query, 100)), count: found.length }), {
    ...HTML,
    reply_markup: entryButtons(found).text(ctx.t("faq-admin-button-home"), act("home")),
  });
}

const IMPORT_CAPTION = /^\/faq_impor(?:@\w+)?(?:\s|$)/i;

/**
 * /faq_admin for admins: browse, search, add, edit and delete FAQ entries, export and import the base
 * as CSV, see the answers people found least helpful and the questions nobody could answer. Every
 * change goes through FaqService, which rebuilds the search index at once. Non-admins never see any of
 * it: their /faq_admin falls through to "unknown command".
 */
export function faqAdminFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("faqAdmin", { admin: ["faq_admin", "faq_impor"], callbacks: [adminCb, fieldCb, categoryCb, saveCb, ...LEARNING_CALLBACKS] });
  const composer = new BotComposer<BotContext>();
  const admin = adminOnly(composer);
  const options = { maxMillisecondsToWait: ADMIN_IDLE_MS };
  kit.conversations.admins.use(createConversation<BotContext, ConvContext>((conversation, ctx, from?: AskedQuestion) => addConversation(kit.faq, conversation, ctx, from), { id: ADD_CONVERSATION_ID, ...options }));
  kit.conversations.admins.use(createConversation<BotContext, ConvContext>((conversation, ctx, target: { id: number; field: Field }) => editConversation(kit.faq, conversation, ctx, target), { id: EDIT_CONVERSATION_ID, ...options }));
  kit.conversations.admins.use(createConversation<BotContext, ConvContext>((conversation, ctx) => searchConversation(kit.faq, conversation, ctx), { id: SEARCH_CONVERSATION_ID, ...options }));

  const learning = faqLearning(kit, {
    home: act("home"),
    view: (id) => act("view", id),
    newEntry: async (ctx, from) => {
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(ADD_CONVERSATION_ID, from);
    },
  });
  admin.use(learning.composer);

  async function panel(ctx: BotContext, edit: boolean) {
    const count = (await (await kit.faq()).list()).length;
    const keyboard = new InlineKeyboard()
      .text(ctx.t("faq-admin-button-list"), act("list", 0))
      .text(ctx.t("faq-admin-button-search"), act("search"))
      .row()
      .text(ctx.t("faq-admin-button-add"), act("add"))
      .text(ctx.t("faq-admin-button-export"), act("export"))
      .row()
      .text(ctx.t("faq-admin-button-unmatched"), reviewButton("u"))
      .text(ctx.t("faq-admin-button-downvoted"), reviewButton("d"))
      .row()
      .text(ctx.t("faq-admin-button-worst"), act("worst"));
    const text = ctx.t("faq-admin-panel", { count });
    if (edit) await ctx.editMessageText(text, { ...HTML, reply_markup: keyboard }).catch(() => undefined);
    else await ctx.reply(text, { ...HTML, reply_markup: keyboard });
  }

  admin.command("faq_admin", async (ctx) => {
    const query = ctx.match.trim();
    if (!query) return panel(ctx, false);
    return sendSearchResults(ctx, query, (await kit.faq()).search(query.slice(0, 300), 10));
  });

  admin.command("faq_impor", (ctx) => ctx.reply(ctx.t("faq-admin-import-howto"), HTML));

  admin.on("message:document", async (ctx, next) => {
    if (!IMPORT_CAPTION.test(ctx.msg.caption ?? "")) return next();
    const document = ctx.msg.document;
    const tooBig = () => ctx.reply(ctx.t("faq-admin-import-too-big", { max: MAX_DOWNLOAD_BYTES / 1024 / 1024 }));
    if ((document.file_size ?? 0) > MAX_DOWNLOAD_BYTES) return tooBig();
    let bytes: Buffer;
    try {
      bytes = await downloadTelegramFile(ctx.api, ctx.deps.config, document.file_id);
    } catch (error) {
      if (error instanceof FileTooLargeError) return tooBig();
      ctx.log.warn({ err: error }, "faq import: file not downloaded");
      return ctx.reply(ctx.t("faq-admin-import-download-failed"));
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return ctx.reply(ctx.t("faq-admin-import-not-utf8"));
    }
    const result = await (await kit.faq()).importCsv(text);
    if (!result.ok) {
      return ctx.reply(`${ctx.t("faq-admin-import-rejected", { count: result.errors.length })}\n${csvErrorLines(ctx.t, result.errors)}`, HTML);
    }
    ctx.log.info({ by: ctx.from?.id, created: result.created, updated: result.updated }, "faq imported");
    return ctx.reply(ctx.t("faq-admin-import-done", { created: result.created, updated: result.updated }), HTML);
  });

  admin.callbackQuery(adminCb.filter, async (ctx) => {
    const data = adminCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    const faq = await kit.faq();
    switch (data.a) {
      case "home":
        await ctx.answerCallbackQuery();
        return panel(ctx, true);
      case "list": {
        const all = await faq.list();
        const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
        const page = Math.min(data.n, pages - 1);
        const slice = all.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
        const keyboard = entryButtons(slice);
        if (page > 0) keyboard.text("◀️", act("list", page - 1));
        keyboard.text(`${page + 1}/${pages}`, act("list", page));
        if (page < pages - 1) keyboard.text("▶️", act("list", page + 1));
        keyboard.row().text(ctx.t("faq-admin-button-home"), act("home"));
        const lines = slice.map((e) => ctx.t("faq-admin-list-line", { id: e.id, category: e.category, question: escapeHtml(cut(e.question, 90)) }));
        await ctx.answerCallbackQuery();
        return ctx
          .editMessageText([ctx.t("faq-admin-list-title", { page: page + 1, pages, count: all.length }), ...lines].join("\n"), { ...HTML, reply_markup: keyboard })
          .catch(() => undefined);
      }
      case "view": {
        const entry = await faq.get(data.n);
        if (!entry) return ctx.answerCallbackQuery({ text: ctx.t("faq-admin-not-found") });
        await ctx.answerCallbackQuery();
        const details = entryDetails(ctx.t, entry);
        const send = () => ctx.reply(details, { ...HTML, reply_markup: entryKeyboard(ctx.t, entry) });
        // an edit cannot become several messages: an entry too long for one is sent anew, split
        if (htmlLongerThan(details, MAX_MESSAGE_LENGTH)) return send();
        return ctx.editMessageText(details, { ...HTML, reply_markup: entryKeyboard(ctx.t, entry) }).catch(send);
      }
      case "edit": {
        const entry = await faq.get(data.n);
        if (!entry) return ctx.answerCallbackQuery({ text: ctx.t("faq-admin-not-found") });
        await ctx.answerCallbackQuery();
        const keyboard = new InlineKeyboard();
        FIELDS.forEach((field, index) => {
          keyboard.text(ctx.t(`faq-admin-field-${field}`), fieldCb.pack({ id: entry.id, f: field }));
          if (index % 2 === 1) keyboard.row();
        });
        keyboard.row().text(ctx.t("faq-admin-button-back"), act("view", entry.id));
        return ctx.reply(ctx.t("faq-admin-edit-which", { id: entry.id, question: escapeHtml(entry.question) }), { ...HTML, reply_markup: keyboard });
      }
      case "del": {
        const entry = await faq.get(data.n);
        if (!entry) return ctx.answerCallbackQuery({ text: ctx.t("faq-admin-not-found") });
        await ctx.answerCallbackQuery();
        const keyboard = new InlineKeyboard().text(ctx.t("faq-admin-button-delete-confirm"), act("delok", entry.id)).text(ctx.t("faq-admin-button-cancel"), act("view", entry.id));
        return ctx.reply(ctx.t("faq-admin-delete-confirm", { id: entry.id, question: escapeHtml(entry.question) }), { ...HTML, reply_markup: keyboard });
      }
      case "delok": {
        const deleted = await faq.delete(data.n);
        await ctx.answerCallbackQuery();
        if (deleted) ctx.log.info({ by: ctx.from.id, faq: data.n }, "faq deleted");
        return ctx.editMessageText(ctx.t(deleted ? "faq-admin-deleted" : "faq-admin-not-found", { id: data.n }), { reply_markup: new InlineKeyboard().text(ctx.t("faq-admin-button-home"), act("home")) }).catch(() => undefined);
      }
      case "search":
        await ctx.answerCallbackQuery();
        await ctx.conversation.exitAll();
        return ctx.conversation.enter(SEARCH_CONVERSATION_ID);
      case "add":
        await ctx.answerCallbackQuery();
        await ctx.conversation.exitAll();
        return ctx.conversation.enter(ADD_CONVERSATION_ID);
      case "export": {
        await ctx.answerCallbackQuery();
        const csv = await faq.exportCsv();
        const count = (await faq.list()).length;
        const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(ctx.deps.now());
        return ctx.replyWithDocument(new InputFile(Buffer.from(csv, "utf8"), `faq-prakerja-${date}.csv`), { caption: ctx.t("faq-admin-export-caption", { count }) });
      }
      case "worst": {
        await ctx.answerCallbackQuery();
        const worst = await faq.mostDownvoted(10);
        if (worst.length === 0) return ctx.reply(ctx.t("faq-admin-worst-none"));
        const lines = worst.map((w) => ctx.t("faq-admin-worst-line", { id: w.faqId, question: escapeHtml(cut(w.question, 90)), down: w.notHelpful, up: w.helpful }));
        const keyboard = new InlineKeyboard();
        for (const w of worst) keyboard.text(`#${w.faqId} ${questionLabel(w.question, 48)}`, act("view", w.faqId)).row();
        return ctx.reply([ctx.t("faq-admin-worst-title"), ...lines].join("\n"), { ...HTML, reply_markup: keyboard });
      }
      case "unmatched": // a panel from before the review lists
        await ctx.answerCallbackQuery();
        return learning.show(ctx, "u", 0);
    }
  });

  admin.callbackQuery(fieldCb.filter, async (ctx) => {
    const data = fieldCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(EDIT_CONVERSATION_ID, { id: data.id, field: data.f });
  });

  return composer;
}
