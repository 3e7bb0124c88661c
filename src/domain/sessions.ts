// How the bot names what it stores per chat. The bot's session middleware and the privacy functions
// (/dataku, /hapusdata) must agree on it, so it lives in one place.

/** Conversation state is stored next to the session, under the session key with this prefix. */
export const CONVERSATION_KEY_PREFIX = "conv:";

/** The session key of a chat (in a private chat the chat id is the user's Telegram id). */
export function sessionKey(chatId: number | bigint | string): string {
  return BigInt(chatId).toString();
}

/** Where the conversation state of the chat with this session key is stored. */
export function conversationKey(sessionKey: string): string {
  return `${CONVERSATION_KEY_PREFIX}${sessionKey}`;
}

/** The keys of a person's private chat: the session and the conversation state. */
export function sessionKeysOf(telegramId: number | bigint): string[] {
  const key = sessionKey(telegramId);
  return [key, conversationKey(key)];
}
