import { Composer } from "grammy";
import { claimDigestWeek, digestRecipients, digestWeek, isDigestOptedIn, setDigestOptIn } from "../../../domain/faq/digest.js";
import type { BotContext } from "../../context.js";
import type { FeatureKit } from "../../feature.js";
import { HTML } from "../../format.js";
import { adminOnly } from "../../middlewares/admin.js";
import { questionLabel } from "./views.js";
import { BotComposer } from "../../composer.js";

export const FAQ_DIGEST_JOB = "faq-weekly-digest";
const DIGEST_ITEMS = 5;
const WEEK_MS = 7 * 86_400_000;

/** The digest text for one week (id or en), or null when there is nothing to report. */
export async function digestText(kit: FeatureKit, language: string | null, now: Date): Promise<string | null> {
  const faq = await kit.faq();
  const since = new Date(now.getTime() - WEEK_MS);
  const unanswered = await faq.topUnmatched(since, DIGEST_ITEMS);
  // the questions people asked whose answer got a 👎 this week (not reviewed yet), then the entries overall
  const downvoted = (await faq.downvotedQueue(since)).slice(0, DIGEST_ITEMS);
  const worst = await faq.mostDownvoted(DIGEST_ITEMS);
  if (!unanswered.length && !downvoted.length && !worst.length) return null;
  const t = (key: string, params?: Record<string, string | number>) => kit.t(language, key, params);
  const lines = [t("faq-digest-title")];
  lines.push("", t("faq-digest-unanswered"));
  if (unanswered.length) for (const u of unanswered) lines.push(t("faq-digest-unanswered-line", { count: u.count, question: questionLabel(u.text, 120) }));
  else lines.push(t("faq-digest-none"));
  lines.push("", t("faq-digest-downvoted"));
  if (downvoted.length) for (const d of downvoted) lines.push(t("faq-digest-downvoted-line", { count: d.count, question: questionLabel(d.text, 120), id: d.faqId ?? 0 }));
  else lines.push(t("faq-digest-none"));
  lines.push("", t("faq-digest-worst"));
  if (worst.length) for (const w of worst) lines.push(t("faq-digest-worst-line", { id: w.faqId, down: w.notHelpful, up: w.helpful, question: questionLabel(w.question, 120) }));
  else lines.push(t("faq-digest-none"));
  lines.push("", t("faq-digest-footer"));
  return lines.join("\n");
}

/**
 * Sends this week's digest to the owners who opted in. The week is claimed in the database first, so
 * it goes out once however often the job runs and however many instances run it; a week with no
 * subscriber is not claimed, so an owner who opts in later that week still gets it.
 */
export async function sendWeeklyDigest(kit: FeatureKit, now: Date): Promise<number> {
  const db = kit.deps.db;
  const owners = kit.deps.config.ADMIN_IDS.map(Number);
  const recipients = await digestRecipients(db, owners);
  if (!recipients.length) return 0;
  if (!(await claimDigestWeek(db, digestWeek(now)))) return 0;
  const text = (await digestText(kit, null, now)) ?? kit.t(null, "faq-digest-empty");
  let sent = 0;
  for (const owner of recipients) {
    try {
      await kit.api.sendMessage(owner, text, HTML);
      sent++;
    } catch (error) {
      kit.deps.logger.warn({ err: error }, "faq digest not delivered");
    }
  }
  return sent;
}

/** /faq_ringkasan: an owner turns the weekly digest on or off (admins who are not owners are told so). */
export function faqDigestFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("faqDigest", { admin: ["faq_ringkasan"] });
  const composer = new BotComposer<BotContext>();
  adminOnly(composer).command("faq_ringkasan", async (ctx) => {
    const id = ctx.from?.id;
    if (!id || !ctx.deps.admins.isOwner(id)) return ctx.reply(ctx.t("faq-digest-owner-only"));
    const on = !(await isDigestOptedIn(ctx.deps.db, id));
    await setDigestOptIn(ctx.deps.db, id, on);
    return ctx.reply(ctx.t(on ? "faq-digest-on" : "faq-digest-off"), HTML);
  });
  kit.scheduler.register({
    name: FAQ_DIGEST_JOB,
    everyMs: kit.deps.config.JOBS_INTERVAL_SECONDS * 1000,
    run: (now) => sendWeeklyDigest(kit, now),
  });
  return composer;
}
