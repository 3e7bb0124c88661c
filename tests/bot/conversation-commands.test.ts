import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { conversationsMayRun } from "../../src/bot/index.js";
import type { BotContext } from "../../src/bot/context.js";
import { hotStoreOf } from "../../src/hot-store.js";
import { BotHarness } from "../support/bot-harness.js";
import { onboard, PRIVACY_NOW, publishedEvent } from "../support/privacy-fixtures.js";

let h: BotHarness;
const rina = { id: 7301, first_name: "Rina" };

beforeEach(async () => {
  h = await BotHarness.create({ now: () => PRIVACY_NOW });
});
afterEach(async () => {
  await h.close();
});

describe("commands during a conversation", () => {
  it("a message that only mentions a command stays inside the conversation", async () => {
    await h.send(rina, "/kelayakan");
    const calls = await h.send(rina, "saya mau lihat /acara dulu");
    // the eligibility conversation is still waiting for its yes/no answer and asks again
    expect(BotHarness.texts(calls).join("\n")).toContain("Pilih jawabanmu dengan tombol");
    const yes = BotHarness.buttons(calls).find((b) => b.text === "Ya");
    expect(yes).toBeDefined();
    const next = await h.click(rina, yes?.data ?? "");
    expect(BotHarness.texts(next).join("\n")).toContain("Berapa umurmu?");
  });

  it("a message that starts with a command leaves the conversation", async () => {
    await h.send(rina, "/kelayakan");
    const cancel = await h.send(rina, "/batal");
    expect(BotHarness.texts(cancel)[0]).toContain("Oke, dibatalkan");
    const again = await h.send(rina, "/batal");
    expect(BotHarness.texts(again)[0]).toContain("Tidak ada yang sedang berjalan");
  });
});

describe("the staff's conversations", () => {
  it("ask who the sender is among the staff only when the chat has a conversation open", async () => {
    const hot = hotStoreOf(h.db);
    const staffRows = hot.staffRows.bind(hot);
    let asked = 0;
    hot.staffRows = (telegramId) => {
      asked++;
      return staffRows(telegramId);
    };
    await h.send(rina, "/start");
    asked = 0;
    const help = await h.send(rina, "/bantuan");
    expect(BotHarness.texts(help)).toHaveLength(1);
    expect(asked).toBe(0);

    // a button of another feature while a question is open passes the conversations, and the staff's are
    // resumed only for the staff: the sender is looked up once
    await h.send(rina, "/kelayakan");
    asked = 0;
    const page = await h.click(rina, "evl:0");
    expect(page.some((call) => call.method === "answerCallbackQuery")).toBe(true);
    expect(asked).toBe(1);
  });
});

describe("conversation state next to the session", () => {
  const sessionOf = async (key: string) => {
    const row = await h.db.session.findUnique({ where: { key } });
    return row ? (JSON.parse(row.value) as Record<string, unknown>) : undefined;
  };

  it("is read only for a chat whose session notes an open conversation; the note follows the state", async () => {
    const hot = hotStoreOf(h.db);
    const read = hot.readSession.bind(hot);
    const reads: string[] = [];
    hot.readSession = (key) => {
      reads.push(key);
      return read(key);
    };
    await h.send(rina, "/start");
    await h.send(rina, "apa itu prakerja");
    expect(reads.filter((key) => key.startsWith("conv:"))).toEqual([]);

    await h.send(rina, "/kelayakan");
    expect(await sessionOf(String(rina.id))).toMatchObject({ openConversation: true });
    expect(await sessionOf(`conv:${rina.id}`)).toBeDefined();
    reads.length = 0;
    const calls = await h.send(rina, "ya");
    expect(BotHarness.texts(calls).join("\n")).toContain("Pilih jawabanmu dengan tombol");
    expect(reads).toContain(`conv:${rina.id}`);

    await h.send(rina, "/batal");
    expect(await sessionOf(`conv:${rina.id}`)).toBeUndefined();
    expect(await sessionOf(String(rina.id))).not.toHaveProperty("openConversation");

    // state deleted behind the session's back (the retention job): the note goes at the next update
    await h.send(rina, "/kelayakan");
    await h.db.session.delete({ where: { key: `conv:${rina.id}` } });
    await h.send(rina, "apa itu prakerja");
    expect(await sessionOf(String(rina.id))).not.toHaveProperty("openConversation");
  });

  it("keeps a compact replay log: the entering button's message as its id, chat and date; the language read once", async () => {
    interface Logged {
      replay: { receive: { returnValue: unknown }[] };
    }
    const logOf = async () => ((await sessionOf(`conv:${rina.id}`)) as { state: Record<string, Logged[]> }).state["events-rsvp"]?.[0]?.replay.receive ?? [];
    await onboard(h, rina, "15");
    const event = await publishedEvent(h);
    const entered = await h.click(rina, `evr:${event.id}`);
    expect(BotHarness.texts(entered).join("\n")).toContain("nama lengkapmu");
    const entering = (await logOf())[0]?.returnValue as { callback_query?: { message?: object } } | undefined;
    expect(Object.keys(entering?.callback_query?.message ?? {}).sort()).toEqual(["chat", "date", "message_id"]);

    await h.send(rina, "Rina Wati");
    const asked = await h.send(rina, "Kota Jambi");
    expect(BotHarness.texts(asked).join("\n")).toContain("gelombang berapa");
    // the conversation plugins read the chat's language with one logged operation per replay, not one per question
    const languageReads = (await logOf()).filter((r) => JSON.stringify(r.returnValue) === JSON.stringify({ ok: true, ret: "id" }));
    expect(languageReads).toHaveLength(1);
  });
});

describe("which updates pass the conversations", () => {
  const ctxOf = (fields: { open?: boolean; text?: string; caption?: string; button?: boolean }) =>
    ({
      session: fields.open ? { openConversation: true } : {},
      callbackQuery: fields.button ? { data: "x" } : undefined,
      message: fields.text !== undefined || fields.caption !== undefined ? { text: fields.text, caption: fields.caption } : undefined,
    }) as unknown as BotContext;

  it("a question, a photo or a location in a chat with no conversation open has no use for them", () => {
    expect(conversationsMayRun(ctxOf({ text: "kapan insentif cair" }))).toBe(false);
    expect(conversationsMayRun(ctxOf({ text: "saya mau lihat /acara dulu" }))).toBe(false);
    expect(conversationsMayRun(ctxOf({ caption: "ini sertifikat saya" }))).toBe(false);
    expect(conversationsMayRun(ctxOf({}))).toBe(false);
  });

  it("a command or a button may enter one, and an open one may take anything", () => {
    expect(conversationsMayRun(ctxOf({ text: "/kelayakan" }))).toBe(true);
    expect(conversationsMayRun(ctxOf({ text: "  /start acara_12" }))).toBe(true);
    expect(conversationsMayRun(ctxOf({ button: true }))).toBe(true);
    expect(conversationsMayRun(ctxOf({ open: true, text: "Budi Santoso" }))).toBe(true);
    expect(conversationsMayRun(ctxOf({ open: true }))).toBe(true);
  });

  it("a question asked before a check, the check from the menu, and a typed answer inside it", async () => {
    const menu = await h.send(rina, "/menu");
    const question = await h.send(rina, "prakerja itu apa sih");
    expect(BotHarness.texts(question).join("\n")).not.toContain("Pilih jawabanmu dengan tombol");
    const button = BotHarness.buttons(menu).find((b) => b.text === "✅ Cek Kelayakan");
    const check = await h.click(rina, button?.data ?? "");
    expect(BotHarness.texts(check).join("\n")).toContain("Apakah kamu Warga Negara Indonesia");
    // typed instead of pressed: the open check takes it and asks again
    const typed = await h.send(rina, "iya saya WNI");
    expect(BotHarness.texts(typed).join("\n")).toContain("Pilih jawabanmu dengan tombol");
  });
});
