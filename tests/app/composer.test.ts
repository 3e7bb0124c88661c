// BotComposer must route every update exactly as grammY's Composer does: the same tree of filters built
// with both, fed the same updates, records the same handlers in the same order.
import { Api, Composer, Context, type Middleware } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { BotComposer } from "../../src/bot/composer.js";

const me = { id: 1, is_bot: true, first_name: "Bot", username: "prakerja_test_bot" } as UserFromGetMe;
const api = new Api("1:test");
const from = { id: 7, is_bot: false, first_name: "Sari" };
const chat = { id: 7, type: "private" as const, first_name: "Sari" };
const group = { id: -5, type: "supergroup" as const, title: "Alumni Jambi" };

function text(updateId: number, value: string, where: typeof chat | typeof group = chat): Update {
  const entities = value.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: value.split(" ")[0]?.length ?? 1 }] : undefined;
  return { update_id: updateId, message: { message_id: updateId, date: 0, chat: where, from, text: value, ...(entities ? { entities } : {}) } } as Update;
}
function button(updateId: number, data: string): Update {
  return { update_id: updateId, callback_query: { id: String(updateId), from, chat_instance: "x", data, message: { message_id: 1, date: 0, chat, text: "menu" } } } as Update;
}

/** The same tree on either class: commands, buttons, nested filters, async predicates, late handlers. */
function tree(make: () => Composer<Context>, log: string[]): Composer<Context> {
  const root = make();
  const record = (name: string): Middleware<Context> => () => void log.push(name);
  root.use(async (_ctx, next) => {
    log.push("enter");
    await next();
    log.push("leave");
  });
  const privateChat = root.chatType("private");
  privateChat.command("start", record("start"));
  privateChat.callbackQuery(/^ev:(\d+)$/, (ctx) => void log.push(`event ${String(ctx.match[1])}`));
  privateChat.callbackQuery("menu", record("menu"));
  // an asynchronous predicate, and a branch that only passes on
  privateChat.filter(async (ctx) => ctx.msg?.text === "async", record("async"));
  privateChat.branch((ctx) => ctx.msg?.text === "left", record("left branch"), (_ctx, next) => next());
  const texts = privateChat.on("message:text");
  texts.hears(/halo/i, record("hears halo"));
  // a handler added to a filter's composer after the filter was registered still runs
  texts.filter((ctx) => ctx.msg.text.length > 40, record("long text"));
  root.chatType(["group", "supergroup"]).on("message::bot_command", record("group command"));
  texts.use(record("faq"));
  root.use(record("fallback"));
  return root;
}

async function run(make: () => Composer<Context>, updates: Update[]): Promise<string[]> {
  const log: string[] = [];
  const handler = tree(make, log).middleware();
  for (const update of updates) {
    log.push(`#${update.update_id}`);
    await handler(new Context(update, api, me), async () => void log.push("unhandled"));
  }
  return log;
}

describe("BotComposer", () => {
  const updates = [
    text(1, "/start"),
    text(2, "halo min"),
    text(3, "async"),
    text(4, "left"),
    text(5, "kapan gelombang berikutnya dibuka ya min, saya mau daftar lagi nih"),
    text(6, "/start", group),
    text(7, "apa kabar", group),
    button(8, "ev:42"),
    button(9, "menu"),
    button(10, "other"),
    text(11, "apa itu prakerja"),
  ];

  it("routes every update to the same handlers, in the same order, as grammY's Composer", async () => {
    const expected = await run(() => new Composer<Context>(), updates);
    const actual = await run(() => new BotComposer<Context>(), updates);
    expect(actual).toEqual(expected);
    // the tree is not trivially empty: each kind of filter took an update
    for (const name of ["start", "hears halo", "async", "left branch", "long text", "group command", "event 42", "menu", "faq", "fallback"]) {
      expect(expected).toContain(name);
    }
  });

  it("waits for the rest of the chain, runs middleware added later and turns a synchronous throw into a rejection", async () => {
    const log: string[] = [];
    const root = new BotComposer<Context>();
    root.use(async (_ctx, next) => {
      log.push("before");
      await next();
      log.push("after");
    });
    const later = root.use();
    root.use(() => {
      throw new Error("boom");
    });
    // added to a composer already in the chain, after the chain was built
    later.use(async (_ctx, next) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push("late, slow");
      return next();
    });
    const handler = root.middleware();
    const outcome = handler(new Context(text(1, "halo"), api, me), async () => void log.push("unhandled"));
    expect(outcome).toBeInstanceOf(Promise);
    await expect(outcome).rejects.toThrow("boom");
    // the throw passed through "before" (no "after"), and only once the slow middleware had finished
    expect(log).toEqual(["before", "late, slow"]);
  });

  it("hands out its own class from filters, so nested filters take the same path", () => {
    const root = new BotComposer<Context>();
    expect(root.on("message")).toBeInstanceOf(BotComposer);
    expect(root.chatType("private").command("start")).toBeInstanceOf(BotComposer);
    expect(root.callbackQuery("x")).toBeInstanceOf(BotComposer);
  });
});
