import type { Api, Composer, StorageAdapter } from "grammy";
import type { FaqService } from "../domain/faq/service.js";
import type { Scheduler } from "../jobs/scheduler.js";
import type { AppDeps, BotContext } from "./context.js";
import type { DeepLinks } from "./deep-links.js";
import type { TextParams } from "./format.js";
import type { EventsNotifier } from "./features/events/notify.js";
import type { MainMenu } from "./features/menu.js";
import type { CommandRegistry } from "./registry.js";

/**
 * Everything a feature may need to wire itself in. Built once in createBot and read-only: a feature
 * reaches another feature only through the services here, never by importing it.
 */
export interface FeatureKit {
  readonly deps: AppDeps;
  readonly mainMenu: MainMenu;
  readonly deepLinks: DeepLinks;
  /**
   * Where a feature registers its conversations (createConversation), by who may be in them. They run
   * before every feature's handlers (right after a command has closed the open one: src/bot/index.ts), so
   * an open conversation gets its answers before any other handler can take them, and an update for it
   * does not pass every feature first. Staff and admin conversations run only for the staff.
   */
  readonly conversations: { readonly everyone: Composer<BotContext>; readonly staff: Composer<BotContext>; readonly admins: Composer<BotContext> };
  /** the commands and callback prefixes each feature declares (duplicates are rejected) */
  readonly commands: CommandRegistry;
  /** periodic jobs (kit.scheduler.register) and long-running services (registerService) */
  readonly scheduler: Scheduler;
  /** the Bot API, for jobs and services that send outside an update */
  readonly api: Api;
  /** translation outside an update (jobs): t(language, key, params), plain string parameters escaped for HTML */
  readonly t: (language: string | null | undefined, key: string, params?: TextParams) => string;
  /** the bot's username, for t.me deep links */
  readonly botUsername: () => string;
  /** where sessions and conversation state live (the database, or grammY free storage): /dataku and /hapusdata */
  readonly sessionStorage: StorageAdapter<unknown>;
  /**
   * The bot's one FAQ service, loaded from the database on first use (createBot is synchronous). The user
   * and admin sides share it, so an admin's change is what the next question is matched against.
   */
  readonly faq: () => Promise<FaqService>;
  /**
   * Messages about events sent outside the recipient's update: seat offers (also after an erasure with
   * /hapusdata frees a seat), lapsed offers, changes, cancellations, reminders.
   */
  readonly eventsNotifier: EventsNotifier;
}

/** A feature: one Composer that owns its handlers, keyboards, conversations and jobs. */
export type Feature = (kit: FeatureKit) => Composer<BotContext>;
