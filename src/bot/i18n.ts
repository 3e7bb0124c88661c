import path from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Language } from "./context.js";

export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../locales");
export const LANGUAGES: readonly Language[] = ["id", "en"];

/**
 * The language each chat chose with /bahasa. Kept in memory as well as in the session because the
 * context inside a conversation has no session; the outer middleware refreshes it on every update.
 */
export const chatLanguages = new Map<number, Language>();

/** Bahasa Indonesia for everyone unless the chat chose English with /bahasa. */
export function languageOf(ctx: Context): Language {
  const chatId = ctx.chat?.id ?? ctx.from?.id;
  return (chatId !== undefined ? chatLanguages.get(chatId) : undefined) ?? "id";
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
