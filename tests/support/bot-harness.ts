import type { Update, UserFromGetMe } from "grammy/types";
import { createBot, type BotApp } from "../../src/bot/index.js";
import { loadConfig, type Config } from "../../src/config.js";
import { AdminDirectory } from "../../src/domain/admins.js";
import type { DatabaseProvider } from "../../src/db-url.js";
import { createLogger } from "../../src/logger.js";
import { htmlTextTransformer } from "../../src/bot/html-api.js";
import { formatText } from "../../src/emulator/entities.js";
import { MAX_CAPTION, MAX_TEXT } from "../../src/emulator/methods/outgoing.js";
import { createTestDatabase, type TestDatabase } from "./db.js";

/** One outgoing Bot API call the bot made while handling updates. */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface TestUserInfo {
  id: number;
  first_name?: string;
  language_code?: string;
}

export const TEST_BOT_INFO: UserFromGetMe = {
  id: 424242,
  is_bot: true,
  first_name: "Prakerja Test Bot",
  username: "prakerja_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export interface HarnessOptions {
  env?: Record<string, string>;
  /** the clock the bot and its jobs see */
  now?: () => Date;
  /** which database (default: the project's, TEST_DB_PROVIDER — see defaultTestProvider in db.ts) */
  database?: DatabaseProvider;
  /**
   * "strict": record the calls as Telegram receives them (after the bot's HTML transformer: split,
   * shortened, buttons unescaped) and refuse, like Telegram and the emulator do, HTML it cannot parse
   * and texts or captions over the limits after entity parsing. Refusals are kept in `refusals`.
   * Default: record the calls as the handlers make them, every one answered with success.
   */
  telegram?: "strict";
  /** the database as the bot gets it (default: the test database itself; see watchOrm in ./orm-watch.ts) */
  botDb?: (db: TestDatabase["db"]) => TestDatabase["db"];
}

/** What Telegram says about a text or caption of this call: undefined when it accepts it. */
export function telegramRefusal(method: string, payload: Record<string, unknown>): string | undefined {
  const isText = method === "sendMessage" || method === "editMessageText";
  const key = isText ? "text" : "caption";
  if (typeof payload[key] !== "string" || payload[key] === "") return undefined;
  try {
    const parsed = formatText(payload[key], payload.parse_mode, payload[isText ? "entities" : "caption_entities"]);
    if (isText && parsed.text.length > MAX_TEXT) return "Bad Request: message is too long";
    if (!isText && parsed.text.length > MAX_CAPTION) return "Bad Request: message caption is too long";
  } catch (error) {
    return String((error as { description?: string }).description ?? error);
  }
  return undefined;
}

/**
 * The real bot (createBot) on a real database (SQLite or PostgreSQL, by the vitest project), fed with updates through bot.handleUpdate. Every
 * outgoing API call is recorded and answered locally with a plausible result, so no network is used.
 */
export class BotHarness {
  readonly calls: RecordedCall[] = [];
  /** calls refused in the "strict" mode, with Telegram's description */
  readonly refusals: (RecordedCall & { description: string })[] = [];
  private updateId = 1;
  private messageId = 1000;
  private constructor(
    readonly app: BotApp,
    readonly t: TestDatabase,
    readonly config: Config,
  ) {}

  static async create(options: HarnessOptions = {}): Promise<BotHarness> {
    const t = await createTestDatabase(options.database);
    const config = loadConfig({ BOT_TOKEN: "424242:TEST-token", DATABASE_URL: t.url, LOG_LEVEL: "silent", ADMIN_IDS: "900001", ...options.env });
    const logger = createLogger(config.LOG_LEVEL);
    const db = options.botDb ? options.botDb(t.db) : t.db;
    const app = createBot(
      { config, db, logger, admins: new AdminDirectory(db, config.ADMIN_IDS), now: options.now ?? (() => new Date()) },
      { botInfo: TEST_BOT_INFO },
    );
    const harness = new BotHarness(app, t, config);
    const answer = async (method: string, payload: unknown) => {
      const body = (payload ?? {}) as Record<string, unknown>;
      const refused = options.telegram === "strict" ? telegramRefusal(method, body) : undefined;
      if (refused) {
        harness.refusals.push({ method, payload: body, description: refused });
        return { ok: false, error_code: 400, description: refused } as never;
      }
      harness.calls.push({ method, payload: body });
      return { ok: true, result: harness.fakeResult(method, body) } as never;
    };
    if (options.telegram === "strict") {
      // the bot's own transformer runs below this one in production; here it runs on the way to the recorder
      const wire = htmlTextTransformer();
      app.bot.api.config.use((_prev, method, payload, signal) => wire(answer as never, method, payload, signal));
    } else {
      app.bot.api.config.use((_prev, method, payload) => answer(method, payload));
    }
    return harness;
  }

  get db() {
    return this.t.db;
  }

  private fakeResult(method: string, payload: Record<string, unknown>): unknown {
    const chat = { id: Number(payload.chat_id ?? 0), type: "private" as const };
    const base = { message_id: ++this.messageId, date: Math.floor(Date.now() / 1000), chat };
    switch (method) {
      case "sendMessage":
        return { ...base, text: payload.text };
      case "editMessageText":
        return { ...base, message_id: Number(payload.message_id ?? base.message_id), text: payload.text };
      case "sendDocument":
        return { ...base, document: { file_id: `doc-${base.message_id}`, file_unique_id: `u${base.message_id}` } };
      case "sendPhoto":
        return { ...base, photo: [{ file_id: `photo-${base.message_id}`, file_unique_id: `p${base.message_id}`, width: 100, height: 100 }] };
      case "sendVenue":
      case "sendLocation":
      case "copyMessage":
        return method === "copyMessage" ? { message_id: base.message_id } : base;
      default:
        return true;
    }
  }

  /** Feeds one update through the whole middleware stack. */
  async handle(update: Omit<Update, "update_id">): Promise<void> {
    await this.app.bot.handleUpdate({ update_id: this.updateId++, ...update } as Update);
  }

  private message(user: TestUserInfo, text: string) {
    // like Telegram: every /command in the text (at the start or after a space) is a bot_command entity
    const commands = [...text.matchAll(/(?:^|\s)(\/[A-Za-z0-9_]+(?:@\w+)?)/g)].map((m) => ({
      type: "bot_command" as const,
      offset: (m.index ?? 0) + (m[0].length - (m[1]?.length ?? 0)),
      length: m[1]?.length ?? 1,
    }));
    const entities = commands.length > 0 ? commands : undefined;
    return {
      message_id: ++this.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: "private" as const, first_name: user.first_name ?? "Tester" },
      from: { id: user.id, is_bot: false, first_name: user.first_name ?? "Tester", language_code: user.language_code ?? "id" },
      text,
      ...(entities ? { entities } : {}),
    };
  }

  /** The user types a message (a command when it starts with "/"). Returns the calls it caused. */
  async send(user: TestUserInfo, text: string): Promise<RecordedCall[]> {
    const before = this.calls.length;
    await this.handle({ message: this.message(user, text) });
    return this.calls.slice(before);
  }

  /** The user presses an inline button with this callback data. */
  async click(user: TestUserInfo, data: string, messageId = 1): Promise<RecordedCall[]> {
    const before = this.calls.length;
    await this.handle({
      callback_query: {
        id: String(++this.messageId),
        chat_instance: "test",
        from: { id: user.id, is_bot: false, first_name: user.first_name ?? "Tester" },
        message: { ...this.message(user, ""), message_id: messageId, from: { id: TEST_BOT_INFO.id, is_bot: true, first_name: TEST_BOT_INFO.first_name } },
        data,
      },
    });
    return this.calls.slice(before);
  }

  /** Texts of the messages sent (and edited) in reply, in order. */
  static texts(calls: RecordedCall[]): string[] {
    return calls
      .filter((c) => c.method === "sendMessage" || c.method === "editMessageText")
      .map((c) => String(c.payload.text));
  }

  /** All callback data of the inline keyboard in the last message of these calls that has one. */
  static buttons(calls: RecordedCall[]): { text: string; data?: string; url?: string }[] {
    const withKeyboard = [...calls].reverse().find((c) => {
      const markup = c.payload.reply_markup as { inline_keyboard?: unknown } | undefined;
      return markup?.inline_keyboard !== undefined;
    });
    const markup = withKeyboard?.payload.reply_markup as { inline_keyboard: { text: string; callback_data?: string; url?: string }[][] } | undefined;
    return (markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data, url: b.url }));
  }

  async close(): Promise<void> {
    await this.app.scheduler.stop();
    await this.t.close();
  }
}
