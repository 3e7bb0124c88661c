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
import { instanceId } from "./cluster/instance.js";
import type { InboxProcessor } from "./cluster/inbox-processor.js";
import type { PollingLock } from "./cluster/polling-lock.js";

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

/**
 * One Bot API call while grammY is still loading; undefined on any failure. It goes through Node's own HTTP
 * client, which grammY's HTTP client loads anyway: the global fetch would first load a second HTTP stack
 * (undici), tens of milliseconds of the start on the thread that is loading the code.
 */
async function earlyCall<T>(config: Config, method: string): Promise<T | undefined> {
  try {
    const url = new URL(`${config.TELEGRAM_API_ROOT}/bot${config.BOT_TOKEN}/${method}`);
    const { request } = url.protocol === "https:" ? await import("node:https") : await import("node:http");
    const text = await new Promise<string>((resolve, reject) => {
      const call = request(url, { method: "POST", signal: AbortSignal.timeout(10_000) }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve(body));
        response.on("error", reject);
      });
      call.on("error", reject);
      call.end();
    });
    const body = JSON.parse(text) as { ok?: boolean; result?: T };
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

  // ---- cluster runtime (issue 13): webhook mode always goes through the inbox; polling holds a lease ----
  const owner = instanceId(config.INSTANCE_ID);
  let runner: RunnerHandle | undefined;
  let webhook: WebhookServer | undefined;
  let inbox: InboxProcessor | undefined;
  let pollingLock: PollingLock | undefined;
  if (webhookMode && config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    const [{ startWebhookServer }, { InboxProcessor: Processor }, { storeUpdate }] = await Promise.all([
      import("./server/webhook.js"),
      import("./cluster/inbox-processor.js"),
      import("./cluster/inbox.js"),
    ]);
    const processor = new Processor({
      db,
      owner,
      handle: (update) => bot.handleUpdate(update as never),
      concurrency: RUNNER_CONCURRENCY,
      leaseMs: config.INBOX_LEASE_SECONDS * 1000,
      logger: logger.child({ module: "inbox" }),
    });
    inbox = processor;
    await processor.start();
    webhook = await startWebhookServer({
      path: new URL(config.WEBHOOK_URL).pathname,
      port: config.PORT,
      secretToken: config.WEBHOOK_SECRET,
      logger,
      accept: async (update) => {
        // a redelivery (already stored) is acknowledged too, and not stored twice
        if (await storeUpdate(db, update)) processor.notify();
      },
      healthy: () => databaseAnswers(db),
      describe: () => ({ instance: owner, in_flight: processor.inFlight }),
    });
    await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: ALLOWED_UPDATES });
  } else {
    const { acquirePollingLock, pollingLeaseName, PollingConflictError } = await import("./cluster/polling-lock.js");
    try {
      pollingLock = await acquirePollingLock(db, pollingLeaseName(config.BOT_TOKEN), owner, {
        onLost: (holder) => {
          logger.fatal({ holder }, "another instance took over polling for this bot; stopping");
          process.kill(process.pid, "SIGTERM");
        },
        onError: (error) => logger.warn({ err: error }, "polling lease not renewed"),
      });
    } catch (error) {
      if (error instanceof PollingConflictError) {
        console.error(`Refusing to start: ${error.message}`);
        await db.$disconnect().catch(() => undefined);
        process.exit(1);
      }
      throw error;
    }
    if (!early.webhookDeleted) await bot.api.deleteWebhook();
    // At most RUNNER_CONCURRENCY updates in progress (grammY's default is 500): the work is CPU and SQLite
    // on one thread, so more updates in flight only hold more memory and garbage; beyond this the updates
    // wait at Telegram (`npm run bench`: higher throughput, a quarter less peak memory).
    runner = run(bot, {
      sink: { concurrency: RUNNER_CONCURRENCY },
      runner: { fetch: { allowed_updates: ALLOWED_UPDATES } },
    });
  }
  await scheduler.start();
  logger.info({ mode: config.BOT_MODE, bot: bot.botInfo.id, instance: owner, startup_ms: Math.round(performance.now()) }, "bot started");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // Stop taking updates (webhook: new requests get 503, healthz too; polling: no more getUpdates), let
    // the ones in flight finish (the inbox gives back claims that do not finish in time), stop the jobs and
    // the broadcast worker (it returns its unsent claims), give the polling lease up, close the database.
    await runner?.stop();
    await webhook?.close();
    await inbox?.stop();
    await scheduler.stop();
    await pollingLock?.release();
    await db.$disconnect();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

/** The update kinds the bot asks Telegram for, polling or webhook alike. */
const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query", "my_chat_member", "channel_post"] as const;

/** GET /healthz: the database answers a trivial query within 2 s. */
async function databaseAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      db.$queryRawUnsafe("SELECT 1").then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 2000))),
    ]);
  } catch {
    return false;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

main().catch((error: unknown) => {
  console.error("Fatal error during start-up:", error instanceof Error ? error.message : error);
  process.exit(1);
});
