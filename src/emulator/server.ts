/**
 * A local Telegram Bot API server for tests, the benchmark and the demo page.
 *
 * The bot talks to it over plain HTTP exactly like to api.telegram.org (set grammY's `apiRoot`, or
 * TELEGRAM_API_ROOT for the real process); tests play the users in-process (`sendText`, `clickButton`,
 * …) and observe everything the bot did (`calls`, `messages`, `waitForMessage`, …).
 *
 * The class is assembled from one layer per concern, each in its own file:
 * - core.ts      state (chats, files, users), the update queue, the call log, method dispatch
 * - webhook.ts   setWebhook and delivery by POST
 * - polling.ts   getUpdates long polling
 * - http.ts      the HTTP server, tokens, injected faults and flood limits
 * - observer.ts  what tests read: calls, messages, waits, statistics
 * - driver.ts    what tests do: play users, set up chats and channels
 * The Bot API methods themselves are in methods/, by family.
 */
import { EmulatorDriver } from "./driver.js";
import type { EmulatorOptions } from "./types.js";

export type { ChatView, WaitForCallOptions, WaitForMessageOptions, WaitOptions } from "./observer.js";

export class Emulator extends EmulatorDriver {}

/** Starts an emulator on 127.0.0.1 (random port unless `port` is given). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return new Emulator(options).listen();
}
