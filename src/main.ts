// Entry point: configuration → database (migrations, base content) → bot → long polling or webhook.
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { createBot } from "./bot/index.js";
import { registerCommands } from "./bot/commands.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { openDatabase } from "./db.js";
import { AdminDirectory } from "./domain/admins.js";
import { seedBaseContent } from "./domain/seed.js";
import { createLogger } from "./logger.js";
import { applyMigrations } from "./migrate.js";
import { startWebhookServer, type WebhookServer } from "./server/webhook.js";

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

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);

  const applied = await applyMigrations(config.DATABASE_URL);
  if (applied.length > 0) logger.info({ migrations: applied }, "database migrated");
  const db = await openDatabase(config.DATABASE_URL);
  const seeded = await seedBaseContent(db);
  logger.info(seeded, "base content checked");

  const app = createBot({ config, db, logger, admins: new AdminDirectory(db, config.ADMIN_IDS), now: () => new Date() });
  const { bot, scheduler } = app;
  await bot.init();
  registerCommands(bot.api, app.i18n).catch((error: unknown) => logger.warn({ err: error }, "setMyCommands failed"));

  let runner: RunnerHandle | undefined;
  let webhook: WebhookServer | undefined;
  if (config.BOT_MODE === "webhook" && config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    webhook = await startWebhookServer({ bot, path: new URL(config.WEBHOOK_URL).pathname, port: config.PORT, secretToken: config.WEBHOOK_SECRET, logger });
    await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET });
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "edited_message", "callback_query", "my_chat_member", "channel_post"] } } });
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
