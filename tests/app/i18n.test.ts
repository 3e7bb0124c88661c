// The bot's I18n remembers which Fluent bundles answer a locale list (src/bot/i18n.ts): the translations
// must be exactly the plugin's own, in both languages and for a locale the bot does not have.
import { I18n } from "@grammyjs/i18n";
import { describe, expect, it } from "vitest";
import { createI18n, LOCALES_DIR } from "../../src/bot/i18n.js";

const plain = new I18n({ defaultLocale: "id", directory: LOCALES_DIR, useSession: false, fluentBundleOptions: { useIsolating: false } });
const bot = createI18n();

describe("createI18n", () => {
  it("translates exactly as the plugin does, in id, en and an unknown locale", () => {
    const keys = ["welcome", "rate-limited", "error-generic", "events-rsvp-ask-name", "no-such-key-anywhere"];
    for (const locale of ["id", "en", "fr"]) {
      for (const key of keys) expect(bot.t(locale, key, { name: "Sari" })).toBe(plain.t(locale, key, { name: "Sari" }));
    }
    expect(bot.t("en", "error-generic")).not.toBe(bot.t("id", "error-generic"));
  });

  it("matches a locale list against the bundles once and reuses the answer", () => {
    const fluent = bot.fluent as unknown as { matchBundles: (locales: string[]) => Set<unknown> };
    const first = fluent.matchBundles(["en"]);
    expect(fluent.matchBundles(["en"])).toBe(first);
    expect(fluent.matchBundles(["id"])).not.toBe(first);
    expect([...first].length).toBeGreaterThan(0);
  });
});
