// Reads the bot's own source to find every command and every callback-data format it registers, so the
// authorization and fuzz tests cover features that land later without being edited.
import fs from "node:fs";
import path from "node:path";
import { PUBLIC_COMMANDS } from "../../src/bot/commands.js";

const root = path.resolve(import.meta.dirname, "../..");

export function botSourceFiles(dir = path.join(root, "src", "bot")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return botSourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Every command passed to `.command(...)` anywhere in src/bot (string or array form). */
export function registeredCommands(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of botSourceFiles()) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(/\.command\(\s*(\[[^\]]*\]|"[^"]+"|'[^']+')/g)) {
      for (const name of (match[1] ?? "").matchAll(/["']([^"']+)["']/g)) found.set(name[1] ?? "", path.relative(root, file));
    }
  }
  return found;
}

/** The admin commands every build must have (issue 7), whether or not their feature has landed yet. */
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

/** Commands registered in code but not in the public menu: admin commands (and nothing else may be hidden). */
export function adminCommands(): string[] {
  const publicCommands = new Set<string>(PUBLIC_COMMANDS);
  const hidden = [...registeredCommands().keys()].filter((command) => !publicCommands.has(command));
  return [...new Set([...REQUIRED_ADMIN_COMMANDS, ...hidden])].sort();
}

export interface CallbackFormat {
  prefix: string;
  fields: string[];
  /** string literals in the schema (enum values), useful as plausible field values */
  literals: string[];
  file: string;
}

/** Every `new CallbackData("prefix", ["field", ...], schema)` in src/bot. */
export function callbackFormats(): CallbackFormat[] {
  const formats: CallbackFormat[] = [];
  for (const file of botSourceFiles()) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(/new CallbackData(?:<[^>]*>)?\(\s*["']([^"']+)["']\s*,\s*\[([^\]]*)\]/g)) {
      const fields = [...(match[2] ?? "").matchAll(/["']([^"']+)["']/g)].map((m) => m[1] ?? "");
      // the schema follows: take the literals up to the end of the statement
      const rest = text.slice((match.index ?? 0) + match[0].length);
      const schema = rest.slice(0, Math.max(0, rest.search(/\);\s*(\n|$)/)) || 400);
      const literals = [...schema.matchAll(/["']([^"'\s]{1,20})["']/g)].map((m) => m[1] ?? "");
      formats.push({ prefix: match[1] ?? "", fields, literals: [...new Set(literals)], file: path.relative(root, file) });
    }
  }
  return formats;
}
