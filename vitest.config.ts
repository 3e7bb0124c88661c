import { defineConfig } from "vitest/config";

// Three projects. `unit`: everything that does not drive the bot (tests/domain, db, app, emulator, bench),
// once; tests that touch raw SQL or locking there run on both databases through describeEachProvider.
// `sqlite` and `postgres`: the same bot-level and end-to-end files (tests/bot, tests/e2e) twice, with
// TEST_DB_PROVIDER choosing the database every harness uses when a test does not name one (BotHarness,
// createTestDatabase, emptyDatabaseUrl, useRealBot: tests/support/db.ts) — a new test file in those
// folders runs on both without saying so. Run one with `npx vitest run --project postgres`.
const botAndEndToEnd = ["tests/bot/**/*.test.ts", "tests/e2e/**/*.test.ts"];

// Files that run in the `sqlite` project only, and why.
const sqliteOnlyFiles = [
  // the demo is the embedded set-up: it copies the migrated template onto its own SQLite file
  "tests/e2e/demo-server.test.ts",
  "tests/e2e/demo-browser.test.ts",
];

// Single tests that run in the `sqlite` project only (a fragment of the full name → why). The `postgres`
// project reports them as skipped with that reason (tests/support/db-provider-runner.ts).
const sqliteOnlyTests: Record<string, string> = {
  "a database locked by another process": "holds SQLite's file lock from a second process; PostgreSQL has no such lock",
};

export default defineConfig({
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: botAndEndToEnd },
      },
      {
        extends: true,
        test: {
          name: "sqlite",
          include: botAndEndToEnd,
          // PostgreSQL by itself (`npm start` on an empty PostgreSQL database), and the cluster: several
          // instances share one database, which only PostgreSQL serves — they belong to the `postgres` project
          exclude: ["tests/e2e/postgres-start.test.ts", "tests/e2e/cluster-*.test.ts"],
          env: { TEST_DB_PROVIDER: "sqlite" },
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: botAndEndToEnd,
          exclude: sqliteOnlyFiles,
          env: { TEST_DB_PROVIDER: "postgresql", PRAKERJA_SQLITE_ONLY_TESTS: JSON.stringify(sqliteOnlyTests) },
          // skips every test with the reason when no server answers (REQUIRE_POSTGRES=1: global setup fails)
          runner: "./tests/support/db-provider-runner.ts",
          setupFiles: ["tests/support/postgres-project-setup.ts"],
        },
      },
    ],
  },
});
