import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { matchProvince, provinceByCodeOrNull, provinces } from "../../domain/areas.js";
import { findUser, hasCurrentConsent, recordConsent, ROLES, setProvince, setRole, type Role } from "../../domain/users.js";
import { CallbackData } from "../callback.js";
import type { BotContext } from "../context.js";
import type { FeatureKit } from "../feature.js";
import { trustedHtml } from "../format.js";
import { BotComposer } from "../composer.js";

const PROVINCES_PER_PAGE = 10;
const PROVINCE_PAGES = Math.ceil(provinces.length / PROVINCES_PER_PAGE);

const consentCb = new CallbackData("consent", ["answer"], z.object({ answer: z.enum(["yes", "no"]) }));
const roleCb = new CallbackData("role", ["role"], z.object({ role: z.enum(ROLES as [Role, ...Role[]]) }));
const provinceCb = new CallbackData("prov", ["code"], z.object({ code: z.string().regex(/^\d{2}$/) }));
const provincePageCb = new CallbackData("provp", ["page"], z.object({ page: z.coerce.number().int().min(0).max(PROVINCE_PAGES - 1) }));

export function provinceKeyboard(page: number, cb = provinceCb, pageCb = provincePageCb): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const slice = provinces.slice(page * PROVINCES_PER_PAGE, (page + 1) * PROVINCES_PER_PAGE);
  slice.forEach((province, index) => {
    keyboard.text(province.name, cb.pack({ code: province.code }));
    if (index % 2 === 1) keyboard.row();
  });
  keyboard.row();
  if (page > 0) keyboard.text("◀️", pageCb.pack({ page: page - 1 }));
  keyboard.text(`${page + 1}/${PROVINCE_PAGES}`, pageCb.pack({ page }));
  if (page < PROVINCE_PAGES - 1) keyboard.text("▶️", pageCb.pack({ page: page + 1 }));
  return keyboard;
}

/**
 * /start and onboarding: greeting, consent (nothing personal is stored before it), role and province.
 * Progress lives in the session (stored in the database), so a restart continues at the same question.
 */
export function onboardingFeature(kit: FeatureKit): Composer<BotContext> {
  const { mainMenu, deepLinks } = kit;
  kit.commands.declare("onboarding", { user: ["start"], callbacks: [consentCb, roleCb, provinceCb, provincePageCb] });
  const composer = new BotComposer<BotContext>();
  const privateChat = composer.chatType("private");

  async function askConsent(ctx: BotContext) {
    ctx.session.onboarding = { step: "consent" };
    await ctx.reply(ctx.t("consent-ask"), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t("consent-yes"), consentCb.pack({ answer: "yes" }))
        .row()
        .text(ctx.t("consent-no"), consentCb.pack({ answer: "no" })),
    });
  }

  async function askRole(ctx: BotContext) {
    ctx.session.onboarding = { step: "role" };
    const keyboard = new InlineKeyboard();
    for (const role of ROLES) keyboard.text(ctx.t(`role-${role}`), roleCb.pack({ role })).row();
    await ctx.reply(ctx.t("role-ask"), { reply_markup: keyboard });
  }

  async function askProvince(ctx: BotContext, page = 0) {
    ctx.session.onboarding = { step: "province", page };
    await ctx.reply(ctx.t("province-ask"), { reply_markup: provinceKeyboard(page) });
  }

  /** Asks the first open onboarding question, or shows the menu when everything is answered. */
  async function continueOnboarding(ctx: BotContext) {
    const user = ctx.from ? await findUser(ctx.deps.db, ctx.from.id) : null;
    if (!hasCurrentConsent(user)) {
      if (ctx.session.consentDeclined && !user) {
        ctx.session.onboarding = undefined;
        return mainMenu.show(ctx, "menu-title-limited");
      }
      return askConsent(ctx);
    }
    if (!user?.role) return askRole(ctx);
    if (!user.province) return askProvince(ctx);
    ctx.session.onboarding = undefined;
    return mainMenu.show(ctx);
  }

  privateChat.command("start", async (ctx) => {
    const payload = ctx.match.trim();
    if (payload && (await deepLinks.dispatch(ctx, payload))) return;
    const user = ctx.from ? await findUser(ctx.deps.db, ctx.from.id) : null;
    const step = ctx.session.onboarding?.step;
    if (step) {
      // Already in the middle of onboarding: repeat the open question instead of starting over.
      await ctx.reply(ctx.t("onboarding-resume"));
    } else {
      await ctx.reply(ctx.t("welcome", { name: ctx.from.first_name }), { parse_mode: "HTML" });
      if (user && hasCurrentConsent(user) && user.role && user.province) return mainMenu.show(ctx);
      if (user?.consentAt && !hasCurrentConsent(user)) await ctx.reply(ctx.t("consent-changed"));
    }
    if (step === "province") return askProvince(ctx, ctx.session.onboarding?.page ?? 0);
    if (step === "role") return askRole(ctx);
    return continueOnboarding(ctx);
  });

  composer.callbackQuery(consentCb.filter, async (ctx) => {
    const data = consentCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (data.answer === "no") {
      ctx.session.consentDeclined = true;
      ctx.session.onboarding = undefined;
      await ctx.reply(ctx.t("consent-declined"));
      return mainMenu.show(ctx, "menu-title-limited");
    }
    ctx.session.consentDeclined = undefined;
    await recordConsent(ctx.deps.db, ctx.from.id, { firstName: ctx.from.first_name, language: ctx.session.lang ?? "id" }, ctx.deps.now());
    ctx.log.info({ user: ctx.from.id }, "consent recorded");
    await ctx.reply(ctx.t("consent-thanks"));
    return continueOnboarding(ctx);
  });

  composer.callbackQuery(roleCb.filter, async (ctx) => {
    const data = roleCb.unpack(ctx.callbackQuery.data);
    const user = await findUser(ctx.deps.db, ctx.from.id);
    if (!data || !hasCurrentConsent(user)) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    await setRole(ctx.deps.db, ctx.from.id, data.role);
    await ctx.editMessageText(ctx.t("role-chosen", { role: trustedHtml(ctx.t(`role-${data.role}`)) })).catch(() => undefined);
    return continueOnboarding(ctx);
  });

  composer.callbackQuery(provincePageCb.filter, async (ctx) => {
    const data = provincePageCb.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    if (ctx.session.onboarding?.step === "province") ctx.session.onboarding.page = data.page;
    await ctx.editMessageReplyMarkup({ reply_markup: provinceKeyboard(data.page) }).catch(() => undefined);
  });

  async function saveProvince(ctx: BotContext, code: string) {
    if (!ctx.from) return;
    const user = await findUser(ctx.deps.db, ctx.from.id);
    const province = provinceByCodeOrNull(code);
    if (!province || !hasCurrentConsent(user)) return;
    await setProvince(ctx.deps.db, ctx.from.id, province.code);
    ctx.session.onboarding = undefined;
    await ctx.reply(ctx.t("province-saved", { province: province.name }));
    await mainMenu.show(ctx);
  }

  composer.callbackQuery(provinceCb.filter, async (ctx) => {
    const data = provinceCb.unpack(ctx.callbackQuery.data);
    if (!data || !provinceByCodeOrNull(data.code)) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await saveProvince(ctx, data.code);
  });

  // The province can also be typed; typos are forgiven, ambiguity is asked back. The open question is
  // derived from the database (consent and role given, province missing) as well as from the session,
  // because a crash right after the question was sent can lose the session write but never the answers.
  privateChat.on("message:text", async (ctx, next) => {
    const text = ctx.msg.text;
    // (a malformed update without a sender is stopped earlier in the pipeline; this stays safe anyway)
    if (!ctx.from || text.startsWith("/") || text.trim().split(/\s+/).length > 4) return next();
    const askedNow = ctx.session.onboarding?.step === "province";
    if (!askedNow) {
      const user = await findUser(ctx.deps.db, ctx.from.id);
      if (!hasCurrentConsent(user) || !user?.role || user.province) return next();
    }
    const result = matchProvince(text.slice(0, 100));
    if (result.match) return saveProvince(ctx, result.match.code);
    if (result.candidates.length > 0) {
      const keyboard = new InlineKeyboard();
      for (const candidate of result.candidates) keyboard.text(candidate.name, provinceCb.pack({ code: candidate.code })).row();
      return ctx.reply(ctx.t("province-did-you-mean"), { reply_markup: keyboard });
    }
    // Not a province: when we did not just ask for one, it is probably a question for the FAQ.
    if (!askedNow) return next();
    return ctx.reply(ctx.t("province-unknown"), { reply_markup: provinceKeyboard(ctx.session.onboarding?.page ?? 0) });
  });

  return composer;
}
