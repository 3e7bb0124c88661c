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
  return new I18n({
    defaultLocale: "id",
    directory: LOCALES_DIR,
    useSession: false,
    localeNegotiator: (ctx) => languageOf(ctx),
    // Telegram shows Unicode isolation marks as stray characters; our placeables are plain text.
    fluentBundleOptions: { useIsolating: false },
  });
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
