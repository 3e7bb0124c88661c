// The benchmark's baseline: a bare grammY echo bot with the same runner setup as src/main.ts (grammY
// runner, same allowed_updates, getMe + deleteWebhook before polling), run as its own process against the
// same emulator and harness. No session, no database, no plugins: what the harness itself can carry.
//
//   BOT_TOKEN=123456:TEST TELEGRAM_API_ROOT=http://127.0.0.1:PORT node --import tsx bench/echo-bot.ts
import { run, type RunnerHandle } from "@grammyjs/runner";
import { Bot } from "grammy";

const token = process.env.BOT_TOKEN;
const apiRoot = process.env.TELEGRAM_API_ROOT;
if (!token || !apiRoot) {
  console.error("echo-bot: BOT_TOKEN and TELEGRAM_API_ROOT are required");
  process.exit(1);
}

const bot = new Bot(token, { client: { apiRoot } });
bot.on("message:text", (ctx) => ctx.reply(ctx.msg.text));
bot.on("callback_query:data", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.callbackQuery.data);
});
bot.catch((err) => console.error("echo-bot: update failed", err.error));

await bot.init();
await bot.api.deleteWebhook();
const runner: RunnerHandle = run(bot, {
  sink: { concurrency: 100 }, // as src/main.ts (RUNNER_CONCURRENCY)
  runner: { fetch: { allowed_updates: ["message", "edited_message", "callback_query", "my_chat_member", "channel_post"] } },
});

const stop = async () => {
  await runner.stop();
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
