import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { FeatureKit } from "../feature.js";
import { adminOnly } from "../middlewares/admin.js";

/** Telegram user ids are positive 64-bit integers; anything else is not an id. */
const MAX_ID = 2n ** 63n - 1n;

export function parseTelegramId(text: string): bigint | null {
  const value = text.trim();
  if (!/^\d{1,19}$/.test(value)) return null;
  const id = BigInt(value);
  return id > 0n && id <= MAX_ID ? id : null;
}

/**
 * Admin management: the owners listed in ADMIN_IDS add and remove admins at run time (stored in the Admin
 * table) and list them. Admins who are not owners are told these commands are for owners; everyone else
 * never learns they exist (they fall through to the ordinary "unknown command" reply).
 */
export function adminsFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("admins", { admin: ["admin_tambah", "admin_hapus", "admin_daftar"] });
  const composer = new Composer<BotContext>();
  const admin = adminOnly(composer);
  // admins who are not owners are told who can do it, nothing more
  const ownersOnly = (ctx: BotContext, next: () => Promise<void>) =>
    ctx.from && ctx.deps.admins.isOwner(ctx.from.id) ? next() : ctx.reply(ctx.t("admins-owner-only")).then(() => undefined);

  admin.command("admin_tambah", ownersOnly, async (ctx) => {
    const id = parseTelegramId(ctx.match);
    if (id === null) return ctx.reply(ctx.t("admins-usage-add"), { parse_mode: "HTML" });
    if (ctx.deps.admins.isOwner(id)) return ctx.reply(ctx.t("admins-is-owner", { id: id.toString() }));
    if (await ctx.deps.admins.isAdmin(id)) return ctx.reply(ctx.t("admins-already", { id: id.toString() }));
    const by = ctx.from?.id ?? 0;
    await ctx.deps.admins.add(id, BigInt(by));
    ctx.log.info({ by, admin: id.toString() }, "admin added");
    return ctx.reply(ctx.t("admins-added", { id: id.toString() }));
  });

  admin.command("admin_hapus", ownersOnly, async (ctx) => {
    const id = parseTelegramId(ctx.match);
    if (id === null) return ctx.reply(ctx.t("admins-usage-remove"), { parse_mode: "HTML" });
    if (ctx.deps.admins.isOwner(id)) return ctx.reply(ctx.t("admins-is-owner", { id: id.toString() }));
    const removed = await ctx.deps.admins.remove(id);
    if (removed) ctx.log.info({ by: ctx.from?.id, admin: id.toString() }, "admin removed");
    return ctx.reply(ctx.t(removed ? "admins-removed" : "admins-not-admin", { id: id.toString() }));
  });

  admin.command("admin_daftar", ownersOnly, async (ctx) => {
    const list = await ctx.deps.admins.list();
    const lines = list.map((entry) => ctx.t(entry.owner ? "admins-list-owner" : "admins-list-admin", { id: entry.telegramId.toString() }));
    return ctx.reply([ctx.t("admins-list-title"), ...lines].join("\n"), { parse_mode: "HTML" });
  });

  return composer;
}
