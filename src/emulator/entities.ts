/**
 * Formatting like Telegram's server does it: `parse_mode` HTML / MarkdownV2 / Markdown turns marked-up
 * text into plain `text` + `entities` (offsets in UTF-16 code units), and malformed markup is refused
 * with the same "can't parse entities" errors, so a bot that forgets to escape user input fails here
 * exactly like it would in production.
 */
import type { MessageEntity } from "grammy/types";
import { badRequest, type ApiError } from "./types.js";

export interface Formatted {
  text: string;
  entities: MessageEntity[];
}

type Entity = Record<string, unknown> & { type: string; offset: number; length: number };

const parseError = (why: string): ApiError => badRequest(`can't parse entities: ${why}`);

function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), "utf8");
}

function finish(text: string, entities: Entity[]): Formatted {
  const kept = entities.filter((e) => e.length > 0);
  kept.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities: kept as unknown as MessageEntity[] };
}

export interface HtmlOptions {
  /**
   * true (default): an "&" that does not start one of the entities the Bot API supports (&lt; &gt; &amp;
   * &quot; and numeric ones) is refused, as the Bot API documentation requires ("All <, > and & symbols
   * that are not a part of a tag or an HTML entity must be replaced with the corresponding HTML
   * entities"). Telegram's server itself shows such an "&" as typed, so a bare "&" is never refused in
   * production, but "Tom &amp; Jerry" in a name becomes "Tom & Jerry": refusing it finds the missed
   * escape. false: accept it like Telegram's server does.
   */
  strictAmpersand?: boolean;
}

/**
 * Applies parse_mode (or keeps explicit entities), then trims leading/trailing whitespace like
 * Telegram does (entities shifted/clipped accordingly). Unknown parse modes are refused.
 */
export function formatText(raw: string, parseMode: unknown, explicit: unknown, options: HtmlOptions = {}): Formatted {
  if (Array.isArray(explicit) && explicit.length > 0) {
    return trimFormatted({ text: raw, entities: explicit as MessageEntity[] });
  }
  if (parseMode === undefined || parseMode === null || parseMode === "") return trimFormatted({ text: raw, entities: [] });
  switch (String(parseMode).toLowerCase()) {
    case "html":
      return trimFormatted(parseHtml(raw, options));
    case "markdownv2":
      return trimFormatted(parseMarkdownV2(raw));
    case "markdown":
      return trimFormatted(parseMarkdownLegacy(raw));
    default:
      throw badRequest(`unsupported parse_mode`);
  }
}

/** Strips whitespace at both ends of the text and moves entity offsets with it. */
export function trimFormatted(f: Formatted): Formatted {
  const lead = f.text.length - f.text.trimStart().length;
  const text = f.text.trim();
  if (text.length === f.text.length) return f;
  const entities: MessageEntity[] = [];
  for (const e of f.entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(text.length, e.offset + e.length - lead);
    if (end > start) entities.push({ ...e, offset: start, length: end - start });
  }
  return { text, entities };
}

// ---------------------------------------------------------------------------------------------- HTML

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

const SIMPLE_TAGS: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
};

interface OpenTag {
  name: string;
  entity: Entity;
  startByte: number;
}

function parseAttributes(source: string, from: number, to: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([a-zA-Z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const chunk = source.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(chunk)) !== null) {
    const name = (m[1] ?? "").toLowerCase();
    const value = m[2] ?? m[3] ?? m[4] ?? "";
    attrs[name] = decodeHtmlEntities(value);
  }
  return attrs;
}

function decodeHtmlEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/**
 * Telegram's HTML parse mode, refusing what its server refuses with the same messages: a "<" always
 * starts a tag (its name runs to the next space or ">"), only the supported tags, proper nesting.
 */
export function parseHtml(source: string, options: HtmlOptions = {}): Formatted {
  const strictAmpersand = options.strictAmpersand ?? true;
  let out = "";
  const entities: Entity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const ch = source[i];
    if (ch === "&") {
      const m = /^&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/.exec(source.slice(i, i + 12));
      if (m) {
        const body = m[1] ?? "";
        let decoded: string | undefined;
        if (body[0] === "#") {
          const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
          if (code > 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
        } else {
          decoded = NAMED[body.toLowerCase()];
        }
        if (decoded !== undefined) {
          out += decoded;
          i += m[0].length;
          continue;
        }
      }
      if (strictAmpersand) {
        const what = m ? `Unsupported HTML entity "${m[0]}"` : 'Character "&" must be escaped as "&amp;"';
        throw parseError(`${what} at byte offset ${byteOffset(source, i)}`);
      }
      out += "&";
      i++;
      continue;
    }
    if (ch !== "<") {
      out += ch;
      i++;
      continue;
    }
    // A tag. Telegram treats every unescaped "<" as the start of a tag.
    const startByte = byteOffset(source, i);
    if (source[i + 1] === "/") {
      const top = stack.pop();
      if (!top) throw parseError(`Unexpected end tag at byte offset ${startByte}`);
      let j = i + 2;
      while (j < n && /[-a-zA-Z0-9]/.test(source[j] as string)) j++;
      const name = source.slice(i + 2, j).toLowerCase();
      while (j < n && /\s/.test(source[j] as string)) j++;
      if (source[j] !== ">") throw parseError(`Unclosed end tag at byte offset ${startByte}`);
      if (name !== "" && name !== top.name) {
        throw parseError(`Unmatched end tag at byte offset ${startByte}, expected "</${top.name}>", found "</${name}>"`);
      }
      top.entity.length = out.length - top.entity.offset;
      i = j + 1;
      continue;
    }
    let nameEnd = i + 1;
    while (nameEnd < n && !/\s/.test(source[nameEnd] as string) && source[nameEnd] !== ">") nameEnd++;
    if (nameEnd >= n) throw parseError(`Unclosed start tag at byte offset ${startByte}`);
    const name = source.slice(i + 1, nameEnd).toLowerCase();
    if (name !== "a" && name !== "span" && name !== "tg-emoji" && !Object.hasOwn(SIMPLE_TAGS, name)) {
      throw parseError(`Unsupported start tag "${name}" at byte offset ${startByte}`);
    }
    const close = source.indexOf(">", nameEnd);
    if (close === -1) throw parseError(`Unclosed start tag at byte offset ${startByte}`);
    const attrs = parseAttributes(source, nameEnd, close);
    let type = SIMPLE_TAGS[name];
    const entity: Entity = { type: "", offset: out.length, length: 0 };
    if (name === "a") {
      const href = attrs.href ?? "";
      const mention = /^tg:\/\/user\?id=(\d+)$/.exec(href);
      if (mention) {
        type = "text_mention";
        entity.user = { id: Number(mention[1]), is_bot: false, first_name: "" };
      } else {
        type = "text_link";
        if (!/^(https?|tg|mailto):/i.test(href) && !/^[\w.-]+\.[a-z]{2,}/i.test(href)) {
          // Telegram silently drops links with an unusable URL; keep the text, no entity.
          type = "__drop";
        } else entity.url = /^[a-z]+:/i.test(href) ? href : `http://${href}`;
      }
    } else if (name === "span") {
      if (attrs.class !== "tg-spoiler") throw parseError(`Tag "span" must have class "tg-spoiler" at byte offset ${startByte}`);
      type = "spoiler";
    } else if (name === "tg-emoji") {
      if (!attrs["emoji-id"]) throw parseError(`Custom emoji identifier must be specified at byte offset ${startByte}`);
      type = "custom_emoji";
      entity.custom_emoji_id = attrs["emoji-id"];
    } else if (name === "code") {
      const parent = stack[stack.length - 1];
      if (parent?.name === "pre" && typeof attrs.class === "string" && attrs.class.startsWith("language-")) {
        parent.entity.language = attrs.class.slice("language-".length);
        type = "__drop";
      }
    } else if (name === "blockquote" && "expandable" in attrs) {
      type = "expandable_blockquote";
    }
    if (type === undefined) throw parseError(`Unsupported start tag "${name}" at byte offset ${startByte}`);
    entity.type = type;
    stack.push({ name, entity, startByte });
    if (type !== "__drop") entities.push(entity);
    i = close + 1;
  }
  const open = stack.pop();
  if (open) throw parseError(`Can't find end tag corresponding to start tag "${open.name}"`);
  return finish(out, entities);
}

// ---------------------------------------------------------------------------------------- MarkdownV2

const RESERVED_V2 = new Set("_*[]()~`>#+-=|{}.!".split(""));

interface MdOpen {
  type: string;
  offset: number;
  marker: string;
  startByte: number;
}

const ENTITY_NAMES: Record<string, string> = {
  bold: "Bold",
  italic: "Italic",
  underline: "Underline",
  strikethrough: "Strikethrough",
  spoiler: "Spoiler",
  text_link: "TextUrl",
};

export function parseMarkdownV2(source: string): Formatted {
  let out = "";
  const entities: Entity[] = [];
  const stack: MdOpen[] = [];
  const n = source.length;
  let i = 0;
  let quoteStart = -1;
  let quoteExpandable = false;
  const toggle = (type: string, marker: string, at: number): void => {
    const idx = stack.findIndex((s) => s.type === type);
    if (idx === -1) {
      stack.push({ type, offset: out.length, marker, startByte: byteOffset(source, at) });
      return;
    }
    if (idx !== stack.length - 1) {
      const top = stack[stack.length - 1];
      throw parseError(`Can't find end of ${ENTITY_NAMES[top?.type ?? ""] ?? "the"} entity at byte offset ${top?.startByte ?? 0}`);
    }
    const open = stack.pop() as MdOpen;
    entities.push({ type, offset: open.offset, length: out.length - open.offset });
  };
  const closeQuote = (): void => {
    if (quoteStart === -1) return;
    let end = out.length;
    if (out.endsWith("\n")) end -= 1;
    entities.push({ type: quoteExpandable ? "expandable_blockquote" : "blockquote", offset: quoteStart, length: end - quoteStart });
    quoteStart = -1;
    quoteExpandable = false;
  };
  while (i < n) {
    const ch = source[i] as string;
    const lineStart = i === 0 || source[i - 1] === "\n";
    if (lineStart) {
      if (ch === ">" || source.startsWith("**>", i)) {
        if (quoteStart === -1) quoteStart = out.length;
        if (ch === "*") {
          quoteExpandable = true;
          i += 3;
        } else i += 1;
        continue;
      }
      closeQuote();
    }
    if (ch === "\\") {
      const next = source[i + 1];
      if (next === undefined) throw parseError(`Character '\\' is reserved and must be escaped with the preceding '\\'`);
      out += next;
      i += 2;
      continue;
    }
    if (ch === "|" && source[i + 1] === "|") {
      if (quoteStart !== -1 && source[i + 2] === "\n" && stack.every((s) => s.type !== "spoiler")) {
        quoteExpandable = true;
        i += 2;
        continue;
      }
      toggle("spoiler", "||", i);
      i += 2;
      continue;
    }
    if (ch === "_" && source[i + 1] === "_") {
      toggle("underline", "__", i);
      i += 2;
      continue;
    }
    if (ch === "*" || ch === "_" || ch === "~") {
      toggle(ch === "*" ? "bold" : ch === "_" ? "italic" : "strikethrough", ch, i);
      i += 1;
      continue;
    }
    if (ch === "`") {
      const startByte = byteOffset(source, i);
      const pre = source.startsWith("```", i);
      const marker = pre ? "```" : "`";
      let j = i + marker.length;
      let language: string | undefined;
      if (pre) {
        const nl = source.indexOf("\n", j);
        const firstLine = nl === -1 ? "" : source.slice(j, nl);
        if (nl !== -1 && /^[\w+#.-]+$/.test(firstLine)) {
          language = firstLine;
          j = nl + 1;
        } else if (nl !== -1 && firstLine === "") j = nl + 1;
      }
      const offset = out.length;
      let closed = false;
      while (j < n) {
        if (source[j] === "\\" && j + 1 < n) {
          out += source[j + 1];
          j += 2;
          continue;
        }
        if (source.startsWith(marker, j)) {
          closed = true;
          break;
        }
        out += source[j];
        j++;
      }
      if (!closed) throw parseError(`Can't find end of ${pre ? "Pre" : "Code"} entity at byte offset ${startByte}`);
      const entity: Entity = { type: pre ? "pre" : "code", offset, length: out.length - offset };
      if (language) entity.language = language;
      entities.push(entity);
      i = j + marker.length;
      continue;
    }
    if (ch === "[") {
      stack.push({ type: "text_link", offset: out.length, marker: "[", startByte: byteOffset(source, i) });
      i++;
      continue;
    }
    if (ch === "]") {
      const top = stack[stack.length - 1];
      if (!top || top.type !== "text_link") throw parseError(`Character ']' is reserved and must be escaped with the preceding '\\'`);
      if (source[i + 1] !== "(") throw parseError(`Can't find end of TextUrl entity at byte offset ${top.startByte}`);
      let j = i + 2;
      let url = "";
      while (j < n && source[j] !== ")") {
        if (source[j] === "\\" && j + 1 < n) {
          url += source[j + 1];
          j += 2;
          continue;
        }
        url += source[j];
        j++;
      }
      if (j >= n) throw parseError(`Can't find end of a url at byte offset ${byteOffset(source, i + 1)}`);
      stack.pop();
      const mention = /^tg:\/\/user\?id=(\d+)$/.exec(url);
      if (mention) {
        entities.push({ type: "text_mention", offset: top.offset, length: out.length - top.offset, user: { id: Number(mention[1]), is_bot: false, first_name: "" } });
      } else {
        entities.push({ type: "text_link", offset: top.offset, length: out.length - top.offset, url });
      }
      i = j + 1;
      continue;
    }
    if (RESERVED_V2.has(ch)) {
      throw parseError(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);
    }
    out += ch;
    i++;
  }
  closeQuote();
  const open = stack.pop();
  if (open) throw parseError(`Can't find end of ${ENTITY_NAMES[open.type] ?? "the"} entity at byte offset ${open.startByte}`);
  return finish(out, entities);
}

// ------------------------------------------------------------------------------------ Markdown (legacy)

export function parseMarkdownLegacy(source: string): Formatted {
  let out = "";
  const entities: Entity[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const ch = source[i] as string;
    if (ch === "\\" && i + 1 < n && "_*`[".includes(source[i + 1] as string)) {
      out += source[i + 1];
      i += 2;
      continue;
    }
    if (ch === "*" || ch === "_" || ch === "`" || ch === "[") {
      const startByte = byteOffset(source, i);
      const fail = (): never => {
        throw parseError(`Can't find end of the entity starting at byte offset ${startByte}`);
      };
      if (ch === "[") {
        const close = source.indexOf("]", i + 1);
        if (close === -1 || source[close + 1] !== "(") fail();
        const end = source.indexOf(")", close + 2);
        if (end === -1) fail();
        const offset = out.length;
        out += source.slice(i + 1, close);
        entities.push({ type: "text_link", offset, length: out.length - offset, url: source.slice(close + 2, end) });
        i = end + 1;
        continue;
      }
      const marker = ch === "`" && source.startsWith("```", i) ? "```" : ch;
      const end = source.indexOf(marker, i + marker.length);
      if (end === -1) fail();
      let inner = source.slice(i + marker.length, end);
      const entity: Entity = { type: "", offset: out.length, length: 0 };
      if (marker === "```") {
        entity.type = "pre";
        const nl = inner.indexOf("\n");
        if (nl > 0 && /^[\w+#.-]+$/.test(inner.slice(0, nl))) {
          entity.language = inner.slice(0, nl);
          inner = inner.slice(nl + 1);
        }
      } else entity.type = ch === "*" ? "bold" : ch === "_" ? "italic" : "code";
      out += inner;
      entity.length = inner.length;
      entities.push(entity);
      i = end + marker.length;
      continue;
    }
    out += ch;
    i++;
  }
  return finish(out, entities);
}

/** Entities Telegram detects by itself in plain text (commands, mentions, URLs, hashtags). */
export function detectEntities(text: string): MessageEntity[] {
  const found: Entity[] = [];
  const re = /(^|[\s(])(\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?|@[a-zA-Z0-9_]{5,32}|#[\p{L}\p{N}_]+|https?:\/\/[^\s<>"]+)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const token = m[2] ?? "";
    const offset = m.index + (m[1] ?? "").length;
    const type = token.startsWith("/") ? "bot_command" : token.startsWith("@") ? "mention" : token.startsWith("#") ? "hashtag" : "url";
    found.push({ type, offset, length: token.length });
  }
  return found as unknown as MessageEntity[];
}
