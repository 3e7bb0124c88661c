import { Api, type MiddlewareFn } from "grammy";
import type { ConvContext } from "../context.js";

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
