import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const valid = { BOT_TOKEN: "123456:ABC-def_ghi" };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig(valid);
    expect(config.TELEGRAM_API_ROOT).toBe("https://api.telegram.org");
    expect(config.DATABASE_URL).toBe("file:./data/bot.db");
    expect(config.ADMIN_IDS).toEqual([]);
    expect(config.BOT_MODE).toBe("polling");
    expect(config.PORT).toBe(8080);
    expect(config.SESSION_STORAGE).toBe("prisma");
    expect(config.LOG_LEVEL).toBe("info");
  });

  it("accepts PostgreSQL URLs in both spellings", () => {
    for (const url of ["postgresql://bot:secret@db.internal:5432/prakerja", "postgres://postgres@127.0.0.1/test?sslmode=disable"]) {
      expect(loadConfig({ ...valid, DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });

  it("parses ADMIN_IDS as 64-bit ids", () => {
    expect(loadConfig({ ...valid, ADMIN_IDS: "12, 9007199254740993" }).ADMIN_IDS).toEqual([12n, 9007199254740993n]);
  });

  it.each([
    [{}, "BOT_TOKEN is required"],
    [{ BOT_TOKEN: "" }, "BOT_TOKEN is required"],
    [{ BOT_TOKEN: "not-a-token" }, "BOT_TOKEN must look like"],
    [{ ...valid, TELEGRAM_API_ROOT: "ftp://x" }, "TELEGRAM_API_ROOT must be an http(s) URL"],
    [{ ...valid, DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a SQLite URL"],
    [{ ...valid, DATABASE_URL: "postgresql://" }, "DATABASE_URL must be a SQLite URL"],
    [{ ...valid, ADMIN_IDS: "12,abc" }, "ADMIN_IDS must be a comma-separated list"],
    [{ ...valid, BOT_MODE: "push" }, 'BOT_MODE must be "polling" or "webhook"'],
    [{ ...valid, BOT_MODE: "webhook", WEBHOOK_SECRET: "s" }, "WEBHOOK_URL is required when BOT_MODE=webhook"],
    [{ ...valid, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.test/hook" }, "WEBHOOK_SECRET is required when BOT_MODE=webhook"],
    [{ ...valid, WEBHOOK_URL: "not a url" }, "WEBHOOK_URL must be an http(s) URL"],
    [{ ...valid, WEBHOOK_SECRET: "has space" }, "WEBHOOK_SECRET must be 1-256 characters"],
    [{ ...valid, PORT: "70000" }, "PORT must be between 1 and 65535"],
    [{ ...valid, PORT: "http" }, "PORT must be a port number"],
    [{ ...valid, SESSION_STORAGE: "redis" }, 'SESSION_STORAGE must be "prisma" or "free"'],
    [{ ...valid, LOG_LEVEL: "loud" }, "LOG_LEVEL must be one of"],
  ])("rejects %j with a message naming the variable", (env, message) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems.some((p) => p.startsWith(message))).toBe(true);
  });
});
