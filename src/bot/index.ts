import { autoRetry } from "@grammyjs/auto-retry";
import { conversations, type ConversationData, type VersionedState, type VersionedStateStorage } from "@grammyjs/conversations";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { freeStorage } from "@grammyjs/storage-free";
import { Bot, GrammyError, HttpError, session, type Context, type MiddlewareFn, type StorageAdapter } from "grammy";
import type { AppDeps, BotContext, BotConversation, ConvContext, SessionData } from "./context.js";
import { DeepLinks } from "./deep-links.js";
import { createI18n, htmlSafeTranslation, languageOf } from "./i18n.js";
import { htmlTextTransformer } from "./html-api.js";
import { escapeParams } from "../domain/html.js";
import { compactEnteringUpdate, withBotApiTransformers } from "./conversation/api.js";
import type { Feature, FeatureKit } from "./feature.js";
import { languageFrom } from "./format.js";
import { CommandRegistry } from "./registry.js";
import { aboutFeature } from "./features/about.js";
import { coreFeature } from "./features/core.js";
import { eligibilityFeature } from "./features/eligibility.js";
import { faqFeature } from "./features/faq/index.js";
import { fallbackFeature } from "./features/fallback.js";
import { MainMenu } from "./features/menu.js";
import { onboardingFeature } from "./features/onboarding.js";
import { privacyFeature } from "./features/privacy.js";
import { adminsFeature } from "./features/admins.js";
import { eventsAdminFeature } from "./features/events/admin.js";
import { EventsNotifier } from "./features/events/notify.js";
import { eventsFeature } from "./features/events/index.js";
import { faqAdminFeature } from "./features/faq/admin.js";
import { broadcastAdminFeature } from "./features/broadcast/index.js";
import { subscriptionFeature } from "./features/subscription.js";
import { feedbackFeature } from "./features/feedback/index.js";
import { feedbackAdminFeature } from "./features/feedback/admin.js";
import { announceChatsFeature, announceFeature } from "./features/announce/index.js";
import { inlineFeature } from "./features/inline.js";
import { Scheduler } from "../jobs/scheduler.js";
import { FaqService } from "../domain/faq/service.js";
import { conversationKey, sessionKey } from "../domain/sessions.js";
import { hotStoreOf, type HotStore } from "../hot-store.js";
import { BotComposer } from "./composer.js";
import { isNationalActor } from "../domain/organisers.js";
import { anyStaff, staffConversations } from "./middlewares/admin.js";

/** Bump when a conversation's steps change, so old replay logs are discarded instead of misread. */
export const CONVERSATION_VERSION = 5;

/** The features in the order they see updates. Add new features here. */
const FEATURES: Feature[] = [onboardingFeature, coreFeature, privacyFeature, aboutFeature, eligibilityFeature, adminsFeature, faqAdminFeature, eventsFeature, eventsAdminFeature, announceFeature, subscriptionFeature, broadcastAdminFeature, feedbackFeature, feedbackAdminFeature, faqFeature];

/** Features for updates without a private chat (the bot's membership in channels and groups, inline queries); they need no session. */
const CHATLESS_FEATURES: Feature[] = [announceChatsFeature, inlineFeature];

export interface BotApp {
  bot: Bot<BotContext>;
  scheduler: Scheduler;
  i18n: ReturnType<typeof createI18n>;
  kit: FeatureKit;
}

export interface CreateBotOptions {
  /** bot info to skip getMe (tests) */
  botInfo?: Bot["botInfo"];
}

function sessionKeyOf(ctx: Context): string | undefined {
  const chatId = ctx.chat?.id ?? ctx.from?.id;
  return chatId === undefined ? undefined : sessionKey(chatId);
}

/**
 * Loads the FAQ service on first use; a failed load (database busy at start) is tried again at the next
 * question. Each use first picks up changes other instances made (a revision check every few seconds).
 */
function lazyFaqService(deps: AppDeps): () => Promise<FaqService> {
  let service: Promise<FaqService> | undefined;
  return async () => {
    if (!service) {
      const loading = FaqService.open(deps.db);
      service = loading;
      loading.catch(() => {
        if (service === loading) service = undefined;
      });
    }
    const faq = await service;
    await faq.refresh();
    return faq;
  };
}

function storageFor(deps: AppDeps): StorageAdapter<unknown> {
  if (deps.config.SESSION_STORAGE === "free") {
    const adapter = freeStorage<unknown>(deps.config.BOT_TOKEN, deps.config.FREE_STORAGE_URL ? { rootUrl: deps.config.FREE_STORAGE_URL } : undefined);
    return skipUnchangedWrites({ read: (key) => adapter.read(key), write: (key, value) => adapter.write(key, value), delete: (key) => adapter.delete(key) });
  }
  // read and written at every update: prepared statements of the database's hot store
  return hotSessionStorage(hotStoreOf(deps.db));
}

/**
 * Whether an update needs the conversations registered (createConversation): one open in the chat may take
 * it, or a handler further on may enter one. Every `ctx.conversation.enter` is a command's or a button's, so
 * a message that is not a command, in a chat with no conversation open (the session's note, which the
 * conversation storage reads too), has no use for them. Most updates are such questions, and each of the
 * nine registrations costs a few closures and two awaits per update.
 */
export function conversationsMayRun(ctx: BotContext): boolean {
  if (ctx.session.openConversation || ctx.callbackQuery) return true;
  const text = ctx.message?.text ?? ctx.message?.caption;
  return text !== undefined && text.trimStart().startsWith("/");
}

/**
 * Conversation state, stored next to the chat's session (conversationKey). The session notes
 * that the chat has some (`openConversation`), so an update of any other chat (most updates: a question,
 * a menu button) does not read it: one statement less per update. The note is set with every write of the
 * state and cleared with its deletion, in the same update (the session is written back after the
 * conversations plugin has stored the state); state gone without it (the retention job) clears it at the
 * next read.
 */
function conversationState(storage: StorageAdapter<unknown>): VersionedStateStorage<BotContext, ConversationData> {
  const keyOf = (ctx: BotContext) => {
    const key = sessionKeyOf(ctx);
    return key === undefined ? undefined : conversationKey(key);
  };
  return {
    async read(ctx) {
      const key = keyOf(ctx);
      if (key === undefined || !ctx.session.openConversation) return undefined;
      const state = (await storage.read(key)) as VersionedState<ConversationData> | undefined;
      if (state === undefined) ctx.session.openConversation = undefined;
      return state;
    },
    async write(ctx, state) {
      const key = keyOf(ctx);
      if (key === undefined) return;
      ctx.session.openConversation = true;
      await storage.write(key, state);
    },
    async delete(ctx) {
      const key = keyOf(ctx);
      if (key === undefined) return;
      ctx.session.openConversation = undefined;
      await storage.delete(key);
    },
  };
}

/** Values read and not yet written back, at most this many (keys read without a write are dropped oldest first). */
const MAX_PENDING_READS = 10_000;

/**
 * grammY's session writes the session back after every update that looked at it, and the language step
 * looks at it in every update: most of those writes store exactly what was read. This adapter remembers
 * what it read for a key and skips the write-back of an unchanged value (one database write less per
 * update). A changed value, a delete, or a write without a read before it always reaches the storage.
 */
export function skipUnchangedWrites(inner: StorageAdapter<unknown>): StorageAdapter<unknown> {
  const readAs = new Map<string, string>();
  return {
    async read(key) {
      const value = await inner.read(key);
      readAs.delete(key);
      if (value !== undefined) {
        if (readAs.size >= MAX_PENDING_READS) readAs.delete(readAs.keys().next().value as string);
        readAs.set(key, JSON.stringify(value));
      }
      return value;
    },
    async write(key, value) {
      const before = readAs.get(key);
      readAs.delete(key);
      if (before !== undefined && before === JSON.stringify(value)) return;
      await inner.write(key, value);
    },
    async delete(key) {
      readAs.delete(key);
      await inner.delete(key);
    },
  };
}

/**
 * Sessions and conversation state on the hot-path store (../hot-store.ts): values are JSON text in the
 * Session table (an empty value reads as none), and, as in skipUnchangedWrites, a value written back
 * unchanged is not written, comparing the stored text itself instead of serializing the value read a second time.
 */
export function hotSessionStorage(store: HotStore): StorageAdapter<unknown> {
  const readAs = new Map<string, string>();
  return {
    async read(key) {
      const text = await store.readSession(key);
      readAs.delete(key);
      if (!text) return undefined;
      if (readAs.size >= MAX_PENDING_READS) readAs.delete(readAs.keys().next().value as string);
      readAs.set(key, text);
      return JSON.parse(text) as unknown;
    },
    async write(key, value) {
      const text = JSON.stringify(value);
      const before = readAs.get(key);
      readAs.delete(key);
      if (before === text) return;
      await store.writeSession(key, text);
    },
    async delete(key) {
      readAs.delete(key);
      await store.deleteSession(key);
    },
  };
}

/**
 * `ctx.log`, a child logger tagged with the update id, made on first use: most updates log nothing, and a
 * pino child per update was a measurable share of the time and garbage (README, Benchmark). Writable, like
 * an ordinary property.
 */
const lazyUpdateLogger: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: BotContext | ConvContext) {
    const log = this.deps.logger.child({ update_id: this.update.update_id });
    Object.defineProperty(this, "log", { value: log, writable: true, configurable: true, enumerable: true });
    return log;
  },
  set(this: BotContext | ConvContext, log: unknown) {
    Object.defineProperty(this, "log", { value: log, writable: true, configurable: true, enumerable: true });
  },
};

/**
 * Builds the bot. The plugin order below is the whole request pipeline, top to bottom.
 */
export function createBot(deps: AppDeps, options: CreateBotOptions = {}): BotApp {
  const bot = new Bot<BotContext>(deps.config.BOT_TOKEN, {
    // a request Telegram never answers fails after a minute (and is retried) instead of hanging for grammY's default 500 s
    client: { apiRoot: deps.config.TELEGRAM_API_ROOT, timeoutSeconds: 60 },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // 429 (with retry_after), 5xx and network failures are retried instead of failing the update.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowInternalServerErrors: false }));
  // every text is Telegram HTML, split or shortened to Telegram's limits; unchanged edits count as done
  bot.api.config.use(htmlTextTransformer());

  const i18n = createI18n();
  const storage = storageFor(deps);
  const scheduler = new Scheduler(deps.logger, deps.now);
  const mainMenu = new MainMenu();
  const deepLinks = new DeepLinks();
  const t: FeatureKit["t"] = (language, key, params) => i18n.t(languageFrom(language), key, escapeParams(params));
  const botUsername = () => bot.botInfo.username;
  const commands = new CommandRegistry();
  commands.declare("bot", { user: ["batal"] });
  const conversationsFor = { everyone: new BotComposer<BotContext>(), staff: new BotComposer<BotContext>(), admins: new BotComposer<BotContext>() };
  const kit: FeatureKit = {
    deps,
    conversations: conversationsFor,
    mainMenu,
    deepLinks,
    commands,
    scheduler,
    api: bot.api,
    t,
    botUsername,
    sessionStorage: storage,
    faq: lazyFaqService(deps),
    eventsNotifier: new EventsNotifier({ api: bot.api, db: deps.db, logger: deps.logger, t, botUsername, now: deps.now }),
  };

  const provideDeps: MiddlewareFn<BotContext | ConvContext> = (ctx, next) => {
    ctx.deps = deps;
    Object.defineProperty(ctx, "log", lazyUpdateLogger);
    return next();
  };

  // 1. dependencies and a logger that tags every line with the update id
  bot.use(provideDeps);
  // 2. error boundary: one failing update is logged and apologised for, never stops the bot
  // (a BotComposer, as every feature's: see ./composer.ts)
  const guarded = new BotComposer<BotContext>();
  bot.errorBoundary(async (err) => {
    const ctx = err.ctx;
    ctx.log.error({ err: err.error, user: ctx.from?.id }, "update failed");
    if (ctx.chat?.type === "private") {
      await ctx.reply(i18n.t(languageOf(ctx), "error-generic")).catch(() => undefined);
    }
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  }, guarded);
  // 3. channels are not for this bot; group messages only get a pointer to the private chat
  guarded.on("channel_post", () => undefined);
  guarded.on("edited_channel_post", () => undefined);
  // 4. per-user flood protection
  const warned = new Set<number>();
  guarded.use(
    limit<BotContext, never>({
      timeFrame: 10_000,
      limit: 20,
      // called for every update over the limit (not only the first), so buttons are answered; the notice is once
      alwaysReply: true,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx) => {
        const id = ctx.from?.id;
        // a pressed button always gets its answer, or the user's app keeps showing a spinner
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
        // one polite notice per flood, not one per message
        if (id === undefined || warned.has(id) || ctx.chat?.type !== "private") return;
        warned.add(id);
        setTimeout(() => warned.delete(id), 10_000).unref();
        // the session is not loaded yet (flood control comes first): read the chat's language from the storage
        const key = sessionKeyOf(ctx);
        const stored = key === undefined ? undefined : ((await Promise.resolve(storage.read(key)).catch(() => undefined)) as SessionData | undefined);
        await ctx.reply(i18n.t(languageFrom(stored?.lang), "rate-limited")).catch(() => undefined);
      },
    }),
  );
  // 4b. channel and group membership, inline queries
  for (const feature of CHATLESS_FEATURES) guarded.use(feature(kit));
  // 5. one update at a time per chat (the runner processes different chats concurrently)
  guarded.use(sequentialize(sessionKeyOf));
  // 6. session (Prisma by default, grammY free storage with SESSION_STORAGE=free)
  guarded.use(session({ initial: (): SessionData => ({}), storage: storage as StorageAdapter<SessionData>, getSessionKey: sessionKeyOf }));
  // 7. Fluent translations in the chat's language (session.lang, chosen with /bahasa)
  guarded.use(i18n as never);
  //    ctx.t escapes every plain string parameter for HTML
  guarded.use(htmlSafeTranslation());
  // 8. conversations v2, persisted next to the sessions; inside them deps, the chat's language (read once
  //    from the session when the conversation starts) and i18n are installed again, and the API transformers
  const pluginsOf = new WeakMap<BotConversation, Promise<MiddlewareFn<ConvContext>[]>>();
  guarded.use(
    conversations<BotContext, ConvContext>({
      storage: { type: "context", adapter: conversationState(storage), version: CONVERSATION_VERSION },
      onEnter: (_id, ctx) => compactEnteringUpdate(ctx.update),
      // The plugin asks for the plugins at every wait of every replay. They are made once per replay (the
      // plugin makes a new conversation object for each): the language is read in one logged operation,
      // instead of one more operation in the replay log at every question.
      plugins: (conversation) => {
        let plugins = pluginsOf.get(conversation);
        if (!plugins) {
          plugins = conversationPlugins(conversation);
          pluginsOf.set(conversation, plugins);
        }
        return plugins;
      },
    }),
  );
  async function conversationPlugins(conversation: BotConversation): Promise<MiddlewareFn<ConvContext>[]> {
    const language = await conversation.external((ctx) => languageFrom(ctx.session.lang));
    const provideLanguage: MiddlewareFn<ConvContext> = (ctx, next) => {
      ctx.language = language;
      return next();
    };
    return [provideDeps as MiddlewareFn<ConvContext>, provideLanguage, i18n as never, htmlSafeTranslation(), withBotApiTransformers(bot.api)];
  }
  // 9. groups: answer commands with a pointer to the private chat, ignore the rest
  guarded.chatType(["group", "supergroup"]).on("message::bot_command", (ctx) => ctx.reply(ctx.t("group-use-private", { bot: bot.botInfo.username })));
  // (a private-chat update always has a sender; one without is malformed or forged and is dropped here)
  const privateChat = guarded.filter((ctx) => ctx.chat?.type === "private" && ctx.from !== undefined);
  // 10. a message starting with a command leaves the conversation the user is in, so /batal, /menu or /acara always work
  privateChat.command("batal", async (ctx) => {
    const active = Object.keys(await ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    ctx.session.onboarding = undefined;
    await ctx.reply(ctx.t(active ? "cancelled" : "nothing-to-cancel"), { reply_markup: { remove_keyboard: true } });
  });
  privateChat.on("message::bot_command", async (ctx, next) => {
    // only a message that starts with a command: "Daftar lewat /acara" typed as a broadcast text is an answer
    const first = ctx.msg.entities?.[0];
    const startsWithCommand = first?.type === "bot_command" && first.offset === 0;
    if (startsWithCommand && Object.keys(await ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
    return next();
  });
  // 11. the conversations (registered by the features in kit.conversations): an open one takes its
  //     answers here, before any feature's handler; whatever it leaves goes on (other buttons, commands).
  //     The staff's are resumed only for the staff, who are looked up only when a conversation is open.
  //     An update that can neither resume nor enter one passes them by (conversationsMayRun).
  const withConversations = privateChat.filter(conversationsMayRun);
  withConversations.use(conversationsFor.everyone);
  staffConversations(withConversations, anyStaff).use(conversationsFor.staff);
  staffConversations(withConversations, isNationalActor).use(conversationsFor.admins);
  // 12. the main menu and the features
  privateChat.use(mainMenu.menu);
  for (const feature of FEATURES) privateChat.use(feature(kit));
  // 13. whatever is left
  privateChat.use(fallbackFeature(kit));
  // buttons pressed outside a private chat (inline messages, forged updates) are answered and ignored
  guarded.on("callback_query", (ctx) => ctx.answerCallbackQuery().catch(() => undefined));

  bot.catch((err) => {
    const e = err.error;
    const kind = e instanceof GrammyError ? "telegram" : e instanceof HttpError ? "network" : "unexpected";
    deps.logger.error({ err: e, kind, update_id: err.ctx.update.update_id }, "unhandled error");
  });

  return { bot, scheduler, i18n, kit };
}
