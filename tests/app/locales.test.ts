import fs from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { PUBLIC_COMMANDS } from "../../src/bot/commands.js";

const root = path.resolve(import.meta.dirname, "../..");
const localesDir = path.join(root, "locales");

function localeFiles(lang: string): string[] {
  return fs
    .readdirSync(localesDir)
    .filter((name) => name.endsWith(".ftl") && name.split(".")[0] === lang)
    .map((name) => path.join(localesDir, name));
}

function keysOf(lang: string): Set<string> {
  const keys = new Set<string>();
  for (const file of localeFiles(lang)) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)) keys.add(match[1] ?? "");
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "emulator" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Literal keys passed to a translate call: ctx.t("key"), t(lang, "key"), i18n.t(locale, "key"). */
function keysUsedInCode(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [/\bt\(\s*"([a-z][a-z0-9-]*)"/g, /\bt\(\s*[^,()"]+,\s*"([a-z][a-z0-9-]*)"/g, /\bt\(\s*'([a-z][a-z0-9-]*)'/g];
  for (const file of sourceFiles(path.join(root, "src"))) {
    const text = fs.readFileSync(file, "utf8");
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) used.set(match[1] ?? "", path.relative(root, file));
  }
  return used;
}

describe("locales", () => {
  it("parse without Fluent errors", () => {
    for (const lang of ["id", "en"]) {
      const bundle = new FluentBundle(lang, { useIsolating: false });
      for (const file of localeFiles(lang)) {
        const errors = bundle.addResource(new FluentResource(fs.readFileSync(file, "utf8")));
        expect(errors, `${path.basename(file)}: ${errors.map(String).join("; ")}`).toEqual([]);
      }
    }
  });

  it("have every key the code uses in Bahasa Indonesia", () => {
    const idKeys = keysOf("id");
    const missing = [...keysUsedInCode()].filter(([key]) => !idKeys.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it("have every main-menu, role, language and command key", () => {
    const idKeys = keysOf("id");
    const dynamic = [
      ...["about", "eligibility", "faq", "events", "feedback", "privacy"].map((item) => `menu-${item}`),
      ...["alumni", "calon", "lainnya"].map((role) => `role-${role}`),
      "language-id",
      "language-en",
      ...PUBLIC_COMMANDS.map((command) => `cmd-${command}`),
    ];
    expect(dynamic.filter((key) => !idKeys.has(key))).toEqual([]);
  });

  it("define no English key that Indonesian lacks", () => {
    const idKeys = keysOf("id");
    expect([...keysOf("en")].filter((key) => !idKeys.has(key))).toEqual([]);
  });
});
