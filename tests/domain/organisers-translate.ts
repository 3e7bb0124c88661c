// A translate function over the real locale files, as the bot's i18n would give (not a test file itself).
import fs from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import type { Translate } from "../../src/domain/events/card.js";
import { escapeParams } from "../../src/domain/html.js";

const localesDir = path.resolve(import.meta.dirname, "../../locales");

export function translator(lang: "id" | "en"): Translate {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  for (const name of fs.readdirSync(localesDir).filter((n) => n.startsWith(`${lang}.`) && n.endsWith(".ftl"))) {
    bundle.addResource(new FluentResource(fs.readFileSync(path.join(localesDir, name), "utf8")));
  }
  return (key, params) => {
    const message = bundle.getMessage(key);
    if (!message?.value) throw new Error(`missing key ${key}`);
    return bundle.formatPattern(message.value, escapeParams(params));
  };
}
