import type { Context, SessionFlavor } from "grammy";
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Config } from "../config.js";
import type { Db } from "../db.js";
import type { AdminDirectory } from "../domain/admins.js";
import type { Logger } from "../logger.js";
import type { Language, Translate } from "./format.js";

/** What every handler can reach through `ctx.deps`. Built once in createBot. */
export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  admins: AdminDirectory;
  /** the current time; tests and the scheduler pass their own */
  now: () => Date;
}

export type { Language } from "./format.js";

/** Per-chat session. Holds only technical state, no personal data. */
export interface SessionData {
  lang?: Language;
  /** onboarding progress: which question is open */
  onboarding?: { step: "consent" | "role" | "province"; page?: number };
  /** set when the user declined consent, so the bot does not ask again at every message */
  consentDeclined?: boolean;
  /** set while conversation state is stored for this chat (src/bot/index.ts conversationState) */
  openConversation?: true;
}

/** Available to outer handlers and, through the conversation plugins, inside conversations. */
export interface DepsFlavor {
  deps: AppDeps;
  log: Logger;
}

/**
 * @grammyjs/i18n's flavor with ctx.t / ctx.translate replaced by the HTML-safe translator (installed right
 * after the i18n plugin): plain string parameters are escaped, `Html` ones kept.
 */
export type SafeI18nFlavor = Omit<I18nFlavor, "t" | "translate"> & { t: Translate; translate: Translate };

/** The context of ordinary handlers (outside conversations). */
export type BotContext = ConversationFlavor<Context & SessionFlavor<SessionData> & SafeI18nFlavor & DepsFlavor>;

/**
 * The context inside a conversation: no session (touch it only through `conversation.external`),
 * but translation and dependencies are installed again by the conversation plugins.
 */
export type ConvContext = Context & SafeI18nFlavor & DepsFlavor & { language: Language };

export type BotConversation = Conversation<BotContext, ConvContext>;
