import { afterEach, describe, expect, it } from "vitest";
import { withNpmStart } from "../support/bot-process.js";
import { startEmulator, type Emulator } from "../support/emulator.js";
import { createEmptyDatabase, dropDatabase, postgresSkipReason } from "../support/postgres.js";
import { onboardUntilProvince } from "../support/real-bot.js";
import { TestUser } from "../support/user.js";

const skip = postgresSkipReason();
let emu: Emulator | undefined;
const created: string[] = [];
afterEach(async () => {
  await emu?.close();
  emu = undefined;
  for (const name of created.splice(0)) await dropDatabase(name);
});

describe.skipIf(!!skip)(`the real process on PostgreSQL${skip ? ` [skipped: ${skip}]` : ""}`, { timeout: 120_000 }, () => {
  it("`npm start` with DATABASE_URL=postgresql://… migrates an empty database, polls, and onboards a user", async () => {
    const emulator = await startEmulator();
    emu = emulator;
    const { url, name } = await createEmptyDatabase("start");
    created.push(name);
    await withNpmStart(emulator, url, "an empty PostgreSQL database", async (output) => {
      const user = new TestUser(emulator, { first_name: "Siti" }, { process: { output } });
      await onboardUntilProvince(user);
      await user.send("Jambi");
      expect((await user.reply()).text).toContain("Jambi");
      await user.reply("Mau ngapain hari ini?");
    });
  });
});
