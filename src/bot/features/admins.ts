import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { FeatureKit } from "../feature.js";
import { ADD_ORGANISER_REFUSAL_KEYS, parseProvinceList, provinceListErrorMessage, provinceNames } from "../../domain/organisers.js";
import { staffOnly } from "../middlewares/admin.js";
import { BotComposer } from "../composer.js";

/** Telegram user ids are positive 64-bit integers; anything else is not an id. */
const MAX_ID = 2n ** 63n - 1n;

export function parseTelegramId(text: string): bigint | null {
  const value = text.trim();
  if (!/^\d{1,19}$/.test(value)) return null;
  const id = BigInt(value);
  return id > 0n && id <= MAX_ID ? id : null;
}

/**
 * Staff management: the owners listed in ADMIN_IDS add and remove national admins (/admin_tambah,
 * /admin_hapus) and province-scoped organisers (/penyelenggara_tambah <id> <provinsi>[, …],
 * /penyelenggara_hapus <id>) at run time, and list them all (/admin_daftar). Other staff are told these
 * commands are for owners; everyone else never learns they exist (the ordinary "unknown command" reply).
 */
export function adminsFeature(kit: FeatureKit): Composer<BotContext> {
  kit.commands.declare("admins", { admin: ["admin_tambah", "admin_hapus", "admin_daftar", "penyelenggara_tambah", "penyelenggara_hapus"] });
  const composer = new BotComposer<BotContext>();
  const admin = staffOnly(composer);
  // admins who are not owners are told who can do it, nothing more
  const ownersOnly = (ctx: BotContext, next: () => Promise<void>) =>
    ctx.from && ctx.deps.admins.isOwner(ctx.from.id) ? next() : ctx.reply(ctx.t("admins-owner-only")).then(() => undefined);

  admin.command("admin_tambah", ownersOnly, async (ctx) => {
    const id = parseTelegramId(ctx.match);
    if (id === null) return ctx.reply(ctx.t("admins-usage-add"), { parse_mode: "HTML" });
    if (ctx.deps.admins.isOwner(id)) return ctx.reply(ctx.t("admins-is-owner", { id: id.toString() }));
    if (await ctx.deps.admins.isAdmin(id)) return ctx.reply(ctx.t("admins-already", { id: id.toString() }));
    // an organiser made national loses the province limit: one role per person
    await ctx.deps.admins.removeOrganiser(id);
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
    const staff = await ctx.deps.admins.listStaff();
    const lines = staff.map((entry) => {
      const id = entry.telegramId.toString();
      if (entry.kind === "owner") return ctx.t("admins-list-owner", { id });
      if (entry.kind === "national") return ctx.t("admins-list-admin", { id });
      return ctx.t("organisers-list-organiser", { id, provinces: provinceNames(entry.provinces) });
    });
    return ctx.reply([ctx.t("admins-list-title"), ...lines].join("\n"), { parse_mode: "HTML" });
  });

  admin.command("penyelenggara_tambah", ownersOnly, async (ctx) => {
    const text = ctx.match.trim();
    const space = text.search(/\s/);
    const id = parseTelegramId(space < 0 ? text : text.slice(0, space));
    if (id === null || space < 0) return ctx.reply(ctx.t("organisers-usage-add"), { parse_mode: "HTML" });
    const parsed = parseProvinceList(text.slice(space + 1));
    if (!parsed.ok) {
      const lines = parsed.errors.map((error) => {
        const { key, params } = provinceListErrorMessage(error);
        return ctx.t(key, params);
      });
      return ctx.reply([...lines, ctx.t("organisers-usage-add")].join("\n"), { parse_mode: "HTML" });
    }
    const result = await ctx.deps.admins.addOrganiser(id, parsed.codes, BigInt(ctx.from?.id ?? 0));
    if (!result.ok) return ctx.reply(ctx.t(ADD_ORGANISER_REFUSAL_KEYS[result.reason], { id: id.toString() }), { parse_mode: "HTML" });
    ctx.log.info({ by: ctx.from?.id, organiser: id.toString(), provinces: result.provinces }, result.created ? "organiser added" : "organiser provinces changed");
    return ctx.reply(ctx.t(result.created ? "organisers-added" : "organisers-updated", { id: id.toString(), provinces: provinceNames(result.provinces) }));
  });

  admin.command("penyelenggara_hapus", ownersOnly, async (ctx) => {
    const id = parseTelegramId(ctx.match);
    if (id === null) return ctx.reply(ctx.t("organisers-usage-remove"), { parse_mode: "HTML" });
    const removed = await ctx.deps.admins.removeOrganiser(id);
    if (removed) ctx.log.info({ by: ctx.from?.id, organiser: id.toString() }, "organiser removed");
    return ctx.reply(ctx.t(removed ? "organisers-removed" : "organisers-not-organiser", { id: id.toString() }));
  });

  return composer;
}
