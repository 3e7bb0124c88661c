/**
 * The Bot API methods the emulator implements, by family, with Telegram's validation and error texts.
 * getUpdates and the webhook methods live with the delivery code (polling.ts, webhook.ts).
 */
import type { Json } from "../types.js";
import { botSettingsMethods } from "./bot-settings.js";
import { chatMethods } from "./chats.js";
import { editMethods } from "./edits.js";
import type { Handler } from "./host.js";
import { fileMethods } from "./media.js";
import { messageMethods } from "./messages.js";
import { queryMethods } from "./queries.js";

export { botUserJson, type ApiHost, type BotIdentity, type PendingCallbackQuery, type PendingInlineQuery } from "./host.js";
export { commandKey } from "./bot-settings.js";
export { memberJson } from "./chats.js";
export { documentJson, photoSizes } from "./media.js";
export { MAX_CAPTION, MAX_TEXT, SEND_METHODS } from "./outgoing.js";
export { inlineMessageContent } from "./queries.js";

export const handlers: Record<string, Handler> = {
  ...botSettingsMethods,
  ...messageMethods,
  ...editMethods,
  ...queryMethods,
  ...fileMethods,
  ...chatMethods,
};

/** Canonical method name by lowercase name (Telegram method names are case-insensitive). */
export const CANONICAL = new Map<string, string>(
  [...Object.keys(handlers), "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo"].map((m) => [m.toLowerCase(), m]),
);

/** The chat a call is about (for faults, rate limits and "recent failures" in error messages). */
export function callChatId(params: Json): number | undefined {
  const v = params.chat_id;
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}
