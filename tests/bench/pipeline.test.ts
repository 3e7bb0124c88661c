// Two request-pipeline savings found with `npm run bench` (one database write and several admin lookups
// less per update): the session storage skips writing back what it just read, and the admin filter asks
// the database once per update however many admin features an update passes.
import { Composer, type StorageAdapter } from "grammy";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { skipUnchangedWrites } from "../../src/bot/index.js";
import { adminOnly } from "../../src/bot/middlewares/admin.js";

function memoryStorage() {
  const data = new Map<string, unknown>();
  const ops: string[] = [];
  const adapter: StorageAdapter<unknown> = {
    read: async (key) => {
      ops.push(`read ${key}`);
      return data.has(key) ? structuredClone(data.get(key)) : undefined;
    },
    write: async (key, value) => {
      ops.push(`write ${key}`);
      data.set(key, structuredClone(value));
    },
    delete: async (key) => {
      ops.push(`delete ${key}`);
      data.delete(key);
    },
  };
  return { adapter, data, ops };
}

describe("skipUnchangedWrites", () => {
  it("does not write back a value that did not change since it was read", async () => {
    const { adapter, ops } = memoryStorage();
    await adapter.write("1", { lang: "id" });
    ops.length = 0;
    const storage = skipUnchangedWrites(adapter);
    const value = (await storage.read("1")) as { lang: string };
    await storage.write("1", value);
    expect(ops).toEqual(["read 1"]);
  });

  it("writes a changed value, a value never read, and after a delete", async () => {
    const { adapter, data, ops } = memoryStorage();
    await adapter.write("1", { lang: "id" });
    ops.length = 0;
    const storage = skipUnchangedWrites(adapter);

    const value = (await storage.read("1")) as { lang: string };
    value.lang = "en"; // mutated in place, as grammY's session does
    await storage.write("1", value);
    expect(data.get("1")).toEqual({ lang: "en" });

    await storage.write("2", { a: 1 });
    expect(data.get("2")).toEqual({ a: 1 });

    await storage.read("2");
    await storage.delete("2");
    await storage.write("2", { a: 1 });
    expect(data.get("2")).toEqual({ a: 1 });
    expect(ops).toEqual(["read 1", "write 1", "write 2", "read 2", "delete 2", "write 2"]);
  });

  it("compares with the latest read only once: a second identical write goes through", async () => {
    const { adapter, ops } = memoryStorage();
    await adapter.write("k", { n: 1 });
    ops.length = 0;
    const storage = skipUnchangedWrites(adapter);
    const value = await storage.read("k");
    await storage.write("k", value);
    await storage.write("k", value);
    expect(ops).toEqual(["read k", "write k"]);
  });

  it("writes a new session whose first read found nothing", async () => {
    const { adapter, data } = memoryStorage();
    const storage = skipUnchangedWrites(adapter);
    expect(await storage.read("new")).toBeUndefined();
    await storage.write("new", {});
    expect(data.get("new")).toEqual({});
  });
});

describe("adminOnly", () => {
  it("asks the admin directory once per update, however many admin branches the update passes", async () => {
    let lookups = 0;
    // the directory answers who the sender is among the staff (null: nobody), once per update
    const admins = { actorOf: async () => (lookups++, null) };
    const handled: string[] = [];
    const root = new Composer<BotContext>();
    root.use((ctx, next) => {
      (ctx as unknown as { deps: unknown }).deps = { admins };
      return next();
    });
    for (const name of ["admins", "faq", "events", "broadcast", "stats"]) {
      const feature = new Composer<BotContext>();
      adminOnly(feature).use(() => void handled.push(name));
      root.use(feature);
    }
    root.use(() => void handled.push("fallback"));

    const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 7, type: "private" }, from: { id: 7, is_bot: false, first_name: "A" }, text: "halo" } };
    const ctx = { update, from: update.message.from } as unknown as BotContext;
    await root.middleware()(ctx, async () => undefined);
    expect(handled).toEqual(["fallback"]);
    expect(lookups).toBe(1);

    // the next update asks again
    const next = { ...update, update_id: 2 };
    await root.middleware()({ update: next, from: next.message.from } as unknown as BotContext, async () => undefined);
    expect(lookups).toBe(2);
  });
});
