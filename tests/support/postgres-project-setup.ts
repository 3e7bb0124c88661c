// Setup file of the `postgres` project (vitest.config.ts): after each test file, drop the databases its
// tests made through emptyDatabaseUrl() (createTestDatabase's are dropped by their close()).
import { afterAll } from "vitest";
import { dropDatabasesMadeSync } from "./postgres.js";

afterAll(async () => {
  await dropDatabasesMadeSync();
});
