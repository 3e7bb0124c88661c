// How the bot writes text: the one HTML escaper, the one set of send options for HTML messages, the
// translator type handed to view functions, and the locale used for numbers and dates.
import type { Language } from "./context.js";

/** A translator already bound to the reader's language: ctx.t, or kit.t with the language filled in. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Send options of every HTML message the bot writes (no link previews: links are deep links and forms). */
export const HTML = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };

/**
 * Escapes text for Telegram HTML: & < and >. Escaped values only ever go between tags, never into an
 * attribute, so a double quote stays as typed (the /impor_acara error list quotes the bad cell that way).
 */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** The bot's two languages; anything unknown reads as Bahasa Indonesia. */
export function languageFrom(language: string | null | undefined): Language {
  return language === "en" ? "en" : "id";
}

/** The Intl locale for numbers and dates in a language (British English: day before month, 24-hour clock). */
export function intlLocale(language: string | null | undefined): "id-ID" | "en-GB" {
  return languageFrom(language) === "en" ? "en-GB" : "id-ID";
}
