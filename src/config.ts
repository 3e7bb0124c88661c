import { z } from "zod";
import { DEFAULT_DATABASE_URL, isPostgresUrl } from "./db-url.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Comma-separated positive integers → Telegram ids as BigInt (they are 64-bit). */
const telegramIdList = z
  .string()
  .trim()
  .refine((value) => value === "" || value.split(",").every((part) => /^\s*\d{1,20}\s*$/.test(part)), {
    message: "must be a comma-separated list of numeric Telegram user ids",
  })
  .transform((value) => (value === "" ? [] : value.split(",").map((part) => BigInt(part.trim()))));

/** `file:<path>` (SQLite) or a parseable `postgresql://` / `postgres://` URL with a host. */
function isDatabaseUrl(value: string): boolean {
  if (/^file:.+/.test(value)) return true;
  if (!isPostgresUrl(value)) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

const schema = z
  .object({
    BOT_TOKEN: z
      .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
      .trim()
      .min(1, "is required")
      .regex(/^\d+:[A-Za-z0-9_-]+$/, "must look like 123456789:ABC-token-from-BotFather"),
    TELEGRAM_API_ROOT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("https://api.telegram.org")).transform((url) => url.replace(/\/+$/, "")),
    DATABASE_URL: z.preprocess(emptyToUndefined, z.string().refine(isDatabaseUrl, 'must be a SQLite URL like "file:./data/bot.db" or a PostgreSQL URL like "postgresql://user:password@host:5432/db"').default(DEFAULT_DATABASE_URL)),
    ADMIN_IDS: z.preprocess(emptyToUndefined, telegramIdList.default([])),
    BOT_MODE: z.preprocess(emptyToUndefined, z.enum(["polling", "webhook"], { error: 'must be "polling" or "webhook"' }).default("polling")),
    WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
    WEBHOOK_SECRET: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 characters of A-Z, a-z, 0-9, _ or -").optional()),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number({ error: "must be a port number" }).int("must be a whole number").min(1, "must be between 1 and 65535").max(65535, "must be between 1 and 65535").default(8080)),
    SESSION_STORAGE: z.preprocess(emptyToUndefined, z.enum(["prisma", "free"], { error: 'must be "prisma" or "free"' }).default("prisma")),
    FREE_STORAGE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info")),
    JOBS_INTERVAL_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number({ error: "must be a number" }).positive("must be positive").max(3600, "must be at most 3600").default(30)),
    RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").default(365)),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE === "webhook") {
      if (!env.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
      if (!env.WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
    }
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/** Reads and validates the whole environment once. Each problem is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${String(issue.path[0] ?? "environment")} ${issue.message}`);
  throw new ConfigError([...new Set(problems)]);
}
