// How the bot writes text: the one HTML escaper, the one set of send options for HTML messages, the
// translator type handed to view functions, and the locale used for numbers and dates.
import type { Html, TextParams } from "../domain/html.js";

export { escapeHtml, Html, joinHtml, trustedHtml, unescapeHtml, type TextParam, type TextParams } from "../domain/html.js";

/**
 * A translator already bound to the reader's language: ctx.t, or kit.t with the language filled in.
 * Plain string parameters are escaped for HTML; pass an `Html` value for markup built from escaped parts.
 */
export type Translate = (key: string, params?: TextParams) => string;

/** Send options of every HTML message the bot writes (no link previews: links are deep links and forms). */
export const HTML = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };

/** The bot's two languages. */
export type Language = "id" | "en";

/** A stored or reported language as one of ours; anything unknown reads as Bahasa Indonesia. */
export function languageFrom(language: string | null | undefined): Language {
  return language === "en" ? "en" : "id";
}

/** The Intl locale for numbers and dates in a language (British English: day before month, 24-hour clock). */
export function intlLocale(language: string | null | undefined): "id-ID" | "en-GB" {
  return languageFrom(language) === "en" ? "en-GB" : "id-ID";
}

/** Telegram's limits, counted in UTF-16 code units of the text after entity parsing. */
export const MAX_MESSAGE_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

interface HtmlToken {
  text: string;
  /** length in the parsed text (0 for tags) */
  length: number;
  /** open or close tag name */
  open?: string;
  close?: string;
}

const HTML_TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|[\s\S]/gu;

function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  for (const match of html.matchAll(HTML_TOKEN)) {
    const [text, slash, name, entity] = match;
    if (name !== undefined) tokens.push(slash ? { text, length: 0, close: name.toLowerCase() } : { text, length: 0, open: name.toLowerCase() });
    else if (entity !== undefined) {
      const code = entity.startsWith("#") ? Number.parseInt(entity.slice(entity[1] === "x" || entity[1] === "X" ? 2 : 1), entity[1] === "x" || entity[1] === "X" ? 16 : 10) : 0;
      tokens.push({ text, length: code > 0xffff ? 2 : 1 });
    } else tokens.push({ text, length: text.length });
  }
  return tokens;
}

/** The length Telegram counts for this HTML: the text after tags are removed and entities decoded. */
export function htmlTextLength(html: string): number {
  return tokenizeHtml(html).reduce((sum, token) => sum + token.length, 0);
}

/**
 * True when the text of this HTML is longer than `limit` after entity parsing. Tags and entities only
 * ever shorten the text, so HTML no longer than the limit is not parsed at all: the common case of every
 * message the bot sends.
 */
export function htmlLongerThan(html: string, limit: number): boolean {
  return html.length > limit && htmlTextLength(html) > limit;
}

/**
 * Splits well-formed Telegram HTML into pieces of at most `limit` characters each after entity parsing:
 * at a line break where possible, else at a space, never inside a tag or an entity. Tags open at a cut
 * are closed at the end of one piece and opened again at the start of the next, so every piece parses.
 */
export function splitHtml(html: string | Html, limit: number = MAX_MESSAGE_LENGTH): string[] {
  const source = html.toString();
  if (!htmlLongerThan(source, limit)) return [source];
  const tokens = tokenizeHtml(source);
  const pieces: string[] = [];
  let open: HtmlToken[] = [];
  let start = 0;
  while (start < tokens.length) {
    let length = 0;
    let end = start;
    let lastLine = -1;
    let lastSpace = -1;
    while (end < tokens.length && length + tokens[end]!.length <= limit) {
      length += tokens[end]!.length;
      if (tokens[end]!.text === "\n") lastLine = end;
      else if (tokens[end]!.text === " ") lastSpace = end;
      end += 1;
    }
    if (end < tokens.length) {
      if (lastLine > start) end = lastLine + 1;
      else if (lastSpace > start) end = lastSpace + 1;
      else if (end === start) end = start + 1;
    }
    const stack = [...open];
    for (const token of tokens.slice(start, end)) {
      if (token.open) stack.push(token);
      else if (token.close) {
        const at = stack.map((t) => t.open).lastIndexOf(token.close);
        if (at >= 0) stack.splice(at, 1);
      }
    }
    const body = tokens.slice(start, end).map((t) => t.text).join("");
    const closing = [...stack].reverse().map((t) => `</${t.open}>`).join("");
    const piece = open.map((t) => t.text).join("") + body + closing;
    if (htmlTextLength(piece.replace(/<[^>]*>/g, "")) > 0 && piece.replace(/<[^>]*>/g, "").trim() !== "") pieces.push(piece);
    open = stack;
    start = end;
  }
  return pieces;
}

/** Shortens HTML to `limit` characters after entity parsing (ending with "…" when something was cut). */
export function shortenHtml(html: string | Html, limit: number): string {
  const source = html.toString();
  if (!htmlLongerThan(source, limit)) return source;
  return `${splitHtml(source, limit - 1)[0] ?? ""}…`;
}
