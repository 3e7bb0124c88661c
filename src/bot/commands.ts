import type { Api, Context } from "grammy";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { BotCommand } from "grammy/types";
import { LANGUAGES } from "./i18n.js";

/**
 * Commands shown in Telegram's command menu. The description of each is the locale message
 * `cmd-<command>` (Fluent), so users see them in their language. Admin commands are not listed here:
 * they are never advertised to the public.
 */
export const PUBLIC_COMMANDS = [
  "start",
  "menu",
  "tanya",
  "kelayakan",
  "acara",
  "rsvpku",
  "masukan",
  "cerita",
  "privasi",
  "dataku",
  "hapusdata",
  "tarikpersetujuan",
  "berhenti",
  "langganan",
  "bahasa",
  "bantuan",
  "batal",
] as const;

export function commandList(i18n: I18n<Context & I18nFlavor>, locale: string): BotCommand[] {
  return PUBLIC_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `cmd-${command}`) }));
}

/** Registers the command menu: Indonesian for everyone, English for users whose Telegram is in English. */
export async function registerCommands(api: Api, i18n: I18n<Context & I18nFlavor>): Promise<void> {
  await api.setMyCommands(commandList(i18n, "id"));
  for (const locale of LANGUAGES.filter((l) => l !== "id")) {
    await api.setMyCommands(commandList(i18n, locale), { language_code: locale });
  }
}
