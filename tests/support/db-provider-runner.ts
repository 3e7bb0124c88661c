// The test runner of the `postgres` project (vitest.config.ts): the bot-level and end-to-end suites on
// PostgreSQL. After collection it marks as skipped, with the reason as the note the reporter prints,
//  - every test of the file when no PostgreSQL server answers (global setup put the reason in
//    PRAKERJA_PG_SKIP; REQUIRE_POSTGRES=1 makes global setup fail instead, so CI never gets here);
//  - the tests the config lists as SQLite-only (PRAKERJA_SQLITE_ONLY_TESTS: name fragment → why).
// Suites with nothing left to run run no hooks, so no beforeAll tries to reach a server that is not there.
import type { RunnerTask as Task, RunnerTestFile as File, RunnerTestSuite as Suite } from "vitest";
import { TestRunner } from "vitest";
import { postgresSkipReason } from "./postgres.js";

function sqliteOnlyTests(): [string, string][] {
  const raw = process.env.PRAKERJA_SQLITE_ONLY_TESTS;
  return raw ? Object.entries(JSON.parse(raw) as Record<string, string>) : [];
}

function fullName(task: Task): string {
  const names = [task.name];
  for (let suite = task.suite; suite && suite !== task.file; suite = suite.suite) names.unshift(suite.name);
  return names.join(" > ");
}

function skip(task: Task, note: string): void {
  if (task.type === "suite") {
    for (const child of task.tasks) skip(child, note);
    return;
  }
  task.mode = "skip";
  task.result = { state: "skip", note } as Task["result"]; // the note the reporter prints after the name
}

/**
 * A suite with nothing left to run loses its hooks (no beforeAll reaches for a server that is not there).
 * It stays in "run" mode so that each of its tests is reported as skipped with its note.
 */
function settle(suite: Suite): boolean {
  let runs = false;
  for (const task of suite.tasks) {
    if (task.type === "suite") runs = settle(task) || runs;
    else if (task.mode === "run" || task.mode === "queued") runs = true;
  }
  if (!runs) {
    const hooks = TestRunner.getSuiteHooks(suite) as unknown as Record<string, unknown[] | undefined>;
    for (const list of Object.values(hooks)) if (Array.isArray(list)) list.length = 0;
  }
  return runs;
}

export default class DbProviderRunner extends TestRunner {
  onCollected(files: File[]): void {
    const unavailable = postgresSkipReason();
    const sqliteOnly = sqliteOnlyTests();
    for (const file of files) {
      if (unavailable) skip(file, `PostgreSQL: ${unavailable}`);
      const visit = (suite: Suite): void => {
        for (const task of suite.tasks) {
          if (task.type === "suite") visit(task);
          else {
            const name = fullName(task);
            const hit = sqliteOnly.find(([fragment]) => name.includes(fragment));
            if (hit) skip(task, `SQLite only: ${hit[1]}`);
          }
        }
      };
      visit(file);
      settle(file);
    }
  }
}
