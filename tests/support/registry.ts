// What the bot answers to, read from the running code: the commands and callback formats each feature
// declares in the registry (src/bot/registry.ts) and the deep-link prefixes it registers. The
// authorization and fuzz tests walk these, so features that land later are covered without editing them.
import { createBot } from "../../src/bot/index.js";
import type { DeclaredCallback } from "../../src/bot/registry.js";
import { loadConfig } from "../../src/config.js";
import type { Db } from "../../src/db.js";
import { AdminDirectory } from "../../src/domain/admins.js";
import { attachHotStore, createHotStore } from "../../src/hot-store.js";
import { createLogger } from "../../src/logger.js";
import { TEST_BOT_INFO } from "./bot-harness.js";

/**
 * The bot as createBot wires it, without a database (nothing here handles an update). createBot takes the
 * session storage from the database's hot store, so the stand-in has one that no statement ever reaches.
 */
function wiredBot() {
  const config = loadConfig({ BOT_TOKEN: "424242:TEST-token", LOG_LEVEL: "silent", ADMIN_IDS: "900001" });
  const db = {} as Db;
  const none = () => Promise.reject(new Error("the registry's bot has no database"));
  attachHotStore(db, createHotStore({ all: none, transaction: none, close: async () => {} }));
  return createBot({ config, db, logger: createLogger(config.LOG_LEVEL), admins: new AdminDirectory(db, config.ADMIN_IDS), now: () => new Date() }, { botInfo: TEST_BOT_INFO }).kit;
}

const kit = wiredBot();

/** The admin commands every build must have (issue 7). */
export const REQUIRED_ADMIN_COMMANDS = [
  "buatacara",
  "acara_admin",
  "impor_acara",
  "ekspor",
  "checkin",
  "siaran",
  "statistik",
  "cerita_admin",
  "faq_admin",
  "admin_tambah",
  "admin_hapus",
  "admin_daftar",
];

/** Every command a feature declared for users. */
export function userCommands(): string[] {
  return kit.commands.commands("user").map((c) => c.command).sort();
}

/** Every command a feature declared for admins only. */
export function adminCommands(): string[] {
  return kit.commands.commands("admin").map((c) => c.command).sort();
}

/** Every callback data format a feature declared (prefix, fields, and the enum values they accept). */
export function callbackFormats(): DeclaredCallback[] {
  return kit.commands.callbacks();
}

/** Every /start payload prefix a feature registered. */
export function deepLinkPrefixes(): string[] {
  return kit.deepLinks.prefixes();
}
