/**
 * The formatting shortcuts Telegram's apps accept while typing: **tebal**, __miring__, ~~coret~~, `kode`
 * and [teks](https://tautan). They become message entities, the way the app sends them, so an admin can
 * rehearse a formatted broadcast on the demo page. Commands, links, @mentions and #hashtags are found as in
 * any typed message.
 */
import type { MessageEntity } from "grammy/types";
import { detectEntities } from "../emulator/entities.js";

export interface Typed {
  text: string;
  entities: MessageEntity[];
}

const MARKUP = /\*\*([^*\n][^\n]*?)\*\*|__([^_\n][^\n]*?)__|~~([^~\n][^\n]*?)~~|`([^`\n]+)`|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;

/** Text as typed → text + entities (markup removed). Text without markup comes back unchanged. */
export function parseTyped(input: string): Typed {
  let text = "";
  const entities: MessageEntity[] = [];
  let last = 0;
  for (const m of input.matchAll(MARKUP)) {
    const index = m.index;
    text += input.slice(last, index);
    const offset = text.length;
    const [, bold, italic, strike, code, label, url] = m;
    const inner = bold ?? italic ?? strike ?? code ?? label ?? "";
    text += inner;
    const length = inner.length;
    if (bold !== undefined) entities.push({ type: "bold", offset, length });
    else if (italic !== undefined) entities.push({ type: "italic", offset, length });
    else if (strike !== undefined) entities.push({ type: "strikethrough", offset, length });
    else if (code !== undefined) entities.push({ type: "code", offset, length });
    else if (url !== undefined) entities.push({ type: "text_link", offset, length, url });
    last = index + m[0].length;
  }
  text += input.slice(last);
  const own = entities.filter((e) => e.type === "code" || e.type === "text_link");
  for (const auto of detectEntities(text)) {
    if (!own.some((e) => auto.offset < e.offset + e.length && e.offset < auto.offset + auto.length)) entities.push(auto);
  }
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}
