import { Api, type MiddlewareFn } from "grammy";
import type { Update } from "grammy/types";
import type { ConvContext } from "../context.js";

// The conversations plugin's context: the API a conversation's context calls through, and the update a
// conversation starts with.

/**
 * Conversation plugin: gives the context inside a conversation the API transformers installed on
 * bot.api (auto-retry in production, the call recorder in the handler harness).
 *
 * The conversations plugin builds a fresh Api for every context it replays and installs only its own
 * replay-log transformer on it, so transformers installed on bot.api are lost inside conversations.
 * They are installed here *beneath* the replay log: a replayed call is answered from the log without
 * reaching them, a new call goes through them exactly once.
 */
export function withBotApiTransformers(botApi: Api): MiddlewareFn<ConvContext> {
  return (ctx, next) => {
    const replayLog = ctx.api.config.installedTransformers();
    const api = new Api(ctx.api.token, ctx.api.options);
    api.config.use(...botApi.config.installedTransformers());
    // installed last, so it runs first
    api.config.use(...replayLog);
    (ctx as { api: Api }).api = api;
    return next();
  };
}

/**
 * The plugin's onEnter, on the update that enters a conversation. The plugin keeps that update in the
 * conversation's replay log, which is read, parsed and written back at every later step; entered from a
 * button, it carries the button's whole message (an /acara list: 2.5 KB of text, entities and keyboard),
 * of which a conversation only needs what answering or editing that message takes: its id, chat and date.
 * The handler that enters a conversation reads nothing of the message after it.
 */
export function compactEnteringUpdate(update: Update): void {
  const query = update.callback_query;
  if (!query?.message) return;
  const { message_id, chat, date } = query.message;
  (query as { message?: unknown }).message = { message_id, chat, date };
}
