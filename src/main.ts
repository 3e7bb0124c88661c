// Entry point: configuration → database (migrations, base content) → bot → long polling or webhook.
//
// Start-up time matters (a restart is downtime): after the configuration, three independent chains run at
// once instead of one after the other: loading the bot's code (grammY, plugins, features: the largest
// part), the database (migrations check, open, base content), and asking Telegram who the bot is (getMe,
// plus deleteWebhook when polling). The code is therefore imported dynamically below.
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import type { RunnerHandle } from "@grammyjs/runner";
import type { UserFromGetMe } from "grammy/types";
import { ConfigError, loadConfig, type Config } from "./config.js";
import type { Db } from "./db.js";
import { createLogger, type Logger } from "./logger.js";
import type { WebhookServer } from "./server/webhook.js";

function readConfig(): Config {
  // A .env file in the working directory is read if present; variables already set take precedence.
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Updates handled at the same time. Enough to keep the process busy while some updates wait for Telegram
 * (a send, an upload, a 429 pause), few enough not to pile up work that only one thread executes.
 */
const RUNNER_CONCURRENCY = 100;

/** One Bot API call with plain fetch (grammY is still loading); undefined on any failure. */
async function earlyCall<T>(config: Config, method: string): Promise<T | undefined> {
  try {
    const response = await fetch(`${config.TELEGRAM_API_ROOT}/bot${config.BOT_TOKEN}/${method}`, { method: "POST", signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { ok?: boolean; result?: T };
    return body.ok ? body.result : undefined;
  } catch {
    return undefined;
  }
}

/**
 * getMe (and deleteWebhook when polling) while the code and the database load. Whatever fails here is
 * simply done again later through grammY, with its retries and its error reporting (a wrong token still
 * stops the start with Telegram's answer).
 */
function askTelegramEarly(config: Config, polling: boolean): Promise<{ botInfo: UserFromGetMe | undefined; webhookDeleted: boolean }> {
  return Promise.all([earlyCall<UserFromGetMe>(config, "getMe"), polling ? earlyCall<boolean>(config, "deleteWebhook") : undefined]).then(([botInfo, deleted]) => ({
    botInfo: botInfo && typeof botInfo.id === "number" && typeof botInfo.username === "string" ? botInfo : undefined,
    webhookDeleted: deleted === true,
  }));
}

async function openAndSeed(config: Config, logger: Logger): Promise<Db> {
  const { applyMigrations } = await import("./migrate.js");
  const applied = await applyMigrations(config.DATABASE_URL);
  if (applied.length > 0) logger.info({ migrations: applied }, "database migrated");
  const [{ openDatabase }, { seedBaseContent }] = await Promise.all([import("./db.js"), import("./domain/seed.js")]);
  const db = await openDatabase(config.DATABASE_URL);
  const seeded = await seedBaseContent(db);
  logger.info(seeded, "base content checked");
  return db;
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const webhookMode = config.BOT_MODE === "webhook" && !!config.WEBHOOK_URL && !!config.WEBHOOK_SECRET;

  const code = Promise.all([import("./bot/index.js"), import("./bot/commands.js"), import("@grammyjs/runner"), import("./domain/admins.js")]);
  const telegram = askTelegramEarly(config, !webhookMode);
  const database = openAndSeed(config, logger);
  // none of them may reject unobserved while another one is awaited
  code.catch(() => undefined);
  database.catch(() => undefined);
  const [[{ createBot }, { registerCommands }, { run }, { AdminDirectory }], db, early] = await Promise.all([code, database, telegram]);

  const app = createBot({ config, db, logger, admins: new AdminDirectory(db, config.ADMIN_IDS), now: () => new Date() }, early.botInfo ? { botInfo: early.botInfo } : {});
  const { bot, scheduler } = app;
  await bot.init();
  registerCommands(bot.api, app.i18n).catch((error: unknown) => logger.warn({ err: error }, "setMyCommands failed"));

  let runner: RunnerHandle | undefined;
  let webhook: WebhookServer | undefined;
  if (webhookMode && config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    const { startWebhookServer } = await import("./server/webhook.js");
    webhook = await startWebhookServer({ bot, path: new URL(config.WEBHOOK_URL).pathname, port: config.PORT, secretToken: config.WEBHOOK_SECRET, logger });
    await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET });
  } else {
    if (!early.webhookDeleted) await bot.api.deleteWebhook();
    // At most RUNNER_CONCURRENCY updates in progress (grammY's default is 500): the work is CPU and SQLite
    // on one thread, so more updates in flight only hold more memory and garbage; beyond this the updates
    // wait at Telegram (`npm run bench`: higher throughput, a quarter less peak memory).
    runner = run(bot, {
      sink: { concurrency: RUNNER_CONCURRENCY },
      runner: { fetch: { allowed_updates: ["message", "edited_message", "callback_query", "inline_query", "my_chat_member", "channel_post"] } },
    });
  }
  await scheduler.start();
  logger.info({ mode: config.BOT_MODE, bot: bot.botInfo.id, startup_ms: Math.round(performance.now()) }, "bot started");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // Stop taking updates, let the ones in flight finish, then stop jobs and close the database.
    await runner?.stop();
    await webhook?.close();
    await scheduler.stop();
    await db.$disconnect();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("Fatal error during start-up:", error instanceof Error ? error.message : error);
  process.exit(1);
});
