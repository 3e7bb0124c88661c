import path from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context, MiddlewareFn } from "grammy";
import { escapeParams, type TextParams } from "../domain/html.js";
import type { Language, SessionData } from "./context.js";
import type { Translate } from "./format.js";

export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../locales");
export const LANGUAGES: readonly Language[] = ["id", "en"];

/**
 * The chat's language. The session is the one place it is kept for a chat (User.language is its copy for
 * messages sent outside an update); inside a conversation, which has no session, the conversation plugins
 * put the session's value on the context as `language` when the conversation starts.
 */
export function languageOf(ctx: Context): Language {
  const c = ctx as Context & { language?: Language; session?: SessionData | null };
  if (c.language) return c.language;
  try {
    return c.session?.lang ?? "id";
  } catch {
    // the session middleware has not run for this update (or the update has no chat)
    return "id";
  }
}

export function createI18n(): I18n<Context & import("@grammyjs/i18n").I18nFlavor> {
  const i18n = new I18n<Context & import("@grammyjs/i18n").I18nFlavor>({
    defaultLocale: "id",
    directory: LOCALES_DIR,
    useSession: false,
    localeNegotiator: (ctx) => languageOf(ctx),
    // Telegram shows Unicode isolation marks as stray characters; our placeables are plain text.
    fluentBundleOptions: { useIsolating: false },
  });
  rememberBundleMatches(i18n.fluent);
  return i18n;
}

type BundleMatcher = (locales: string[]) => Set<unknown>;

/**
 * @grammyjs/i18n matches the requested locales against every bundle's locales (@fluent/langneg, with its
 * likely-subtags tables) on every translate call, and a menu makes a dozen calls per update: that was a
 * visible share of the allocations per update. The bundles are all loaded when the I18n is built (from the
 * locales directory) and the bot only asks for its two languages, so each list's match is remembered. The
 * method is private in the plugin's types: if an upgrade renames it, the bot refuses to start here instead
 * of silently losing the memo (tests/app/i18n.test.ts).
 */
function rememberBundleMatches(fluent: object): void {
  const target = fluent as { matchBundles?: BundleMatcher };
  const match = target.matchBundles;
  if (typeof match !== "function") throw new Error("@grammyjs/i18n has no Fluent.matchBundles any more: update rememberBundleMatches in src/bot/i18n.ts");
  const memo = new Map<string, Set<unknown>>();
  target.matchBundles = (locales) => {
    const key = locales.join(",");
    let found = memo.get(key);
    if (found === undefined) {
      found = match.call(fluent, locales);
      // the bot's languages and a few more; anything beyond is matched each time rather than kept
      if (memo.size < 16) memo.set(key, found);
    }
    return found;
  };
}

const RAW_TRANSLATE = Symbol("raw translate");
type RawTranslate = (key: string, params?: Record<string, string | number>) => string;

/** Wraps a raw Fluent translate so that every plain string parameter is escaped for HTML (Html ones kept). */
export function htmlSafe(translate: RawTranslate): Translate {
  const raw = (translate as { [RAW_TRANSLATE]?: RawTranslate })[RAW_TRANSLATE] ?? translate;
  const safe = (key: string, params?: TextParams) => raw(key, escapeParams(params));
  return Object.assign(safe, { [RAW_TRANSLATE]: raw });
}

/**
 * Installed right after the i18n plugin (outside and inside conversations): ctx.t and ctx.translate escape
 * every plain string parameter, so a name, title or typed answer cannot reach an HTML message unescaped.
 */
export function htmlSafeTranslation(): MiddlewareFn<Context> {
  return (ctx, next) => {
    const c = ctx as Context & { t?: RawTranslate; translate?: RawTranslate };
    if (c.translate) {
      const safe = htmlSafe(c.translate) as RawTranslate;
      c.t = safe;
      c.translate = safe;
    }
    return next();
  };
}
