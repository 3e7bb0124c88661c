// Announcement chats (remembered from my_chat_member) and posted cards (edited only when they change).
import { afterEach, describe, expect, it } from "vitest";
import {
  applyMyChatMember,
  canPostTo,
  chatsForActor,
  decideMembership,
  forgetChat,
  limitChat,
  markEdited,
  moveChat,
  needsEdit,
  postsOfEvent,
  recordPost,
  renderedHash,
  type MyChatMemberChange,
  type RenderedCard,
} from "../../src/domain/announcements.js";
import type { Actor } from "../../src/domain/organisers.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const OWNER: Actor = { kind: "owner", telegramId: 1n };
const JAMBI: Actor = { kind: "organiser", telegramId: 3n, provinces: ["15"] };
const GORONTALO: Actor = { kind: "organiser", telegramId: 5n, provinces: ["75"] };

function change(newStatus: MyChatMemberChange["newStatus"], chat: Partial<MyChatMemberChange["chat"]> = {}, extra: Partial<MyChatMemberChange> = {}): MyChatMemberChange {
  return { chat: { id: -1001234567890, type: "channel", title: "Info Prakerja Jambi", username: "prakerjajambi", ...chat }, from: { id: 1 }, newStatus, ...extra };
}

const card = (text: string, url = "https://t.me/bot?start=acara_1"): RenderedCard => ({ text, replyMarkup: { inline_keyboard: [[{ text: "Daftar", url }]] } });

describe("membership decisions", () => {
  it("remembers channels and groups where the bot can post, forgets them otherwise, ignores private chats", () => {
    expect(decideMembership(change("administrator", {}, { canPostMessages: true }))).toBe("remember");
    expect(decideMembership(change("administrator", {}, { canPostMessages: false }))).toBe("forget");
    expect(decideMembership(change("administrator", { type: "supergroup" }))).toBe("remember");
    expect(decideMembership(change("creator", { type: "group" }))).toBe("remember");
    expect(decideMembership(change("member", { type: "group" }))).toBe("forget");
    expect(decideMembership(change("left"))).toBe("forget");
    expect(decideMembership(change("kicked"))).toBe("forget");
    expect(decideMembership(change("administrator", { type: "private" }))).toBe("ignore");
  });
});

describe("announcement chats", () => {
  it("adds a chat once, updates its title silently, and removes it with its posts", async () => {
    t = await createTestDatabase();
    const db = t.db;
    const added = await applyMyChatMember(db, change("administrator", {}, { canPostMessages: true }));
    expect(added.action).toBe("added");
    if (added.action !== "added") return;
    expect(added.chat).toMatchObject({ chatId: -1001234567890n, type: "channel", title: "Info Prakerja Jambi", username: "prakerjajambi", addedBy: 1n });
    const renamed = await applyMyChatMember(db, change("administrator", { title: "Prakerja Jambi" }, { canPostMessages: true }));
    expect(renamed.action).toBe("updated");
    await recordPost(db, { chatId: -1001234567890n, messageId: 10, eventId: 7, postedBy: 1n, card: card("a") });
    expect(await applyMyChatMember(db, change("left", { title: "Prakerja Jambi" }))).toEqual({ action: "removed", chatId: -1001234567890n, title: "Prakerja Jambi" });
    expect(await db.announcementChat.count()).toBe(0);
    expect(await postsOfEvent(db, 7)).toEqual([]);
    expect(await applyMyChatMember(db, change("left"))).toEqual({ action: "ignored" });
    expect(await forgetChat(db, -1001234567890n)).toBe(false);
  });

  it("lets owners post anywhere and limits organisers to the chats chosen for them", async () => {
    t = await createTestDatabase();
    const db = t.db;
    await applyMyChatMember(db, change("administrator", { id: -100, title: "B Nasional" }, { canPostMessages: true }));
    await applyMyChatMember(db, change("administrator", { id: -200, title: "A Jambi", type: "supergroup" }));
    await applyMyChatMember(db, change("administrator", { id: -300, title: "C Gorontalo Partner", type: "supergroup" }));
    await limitChat(db, -200n, { provinces: ["15"] });
    await limitChat(db, -300n, { organisers: [5n] });
    const titles = async (actor: Actor) => (await chatsForActor(db, actor)).map((c) => c.title);
    expect(await titles(OWNER)).toEqual(["A Jambi", "B Nasional", "C Gorontalo Partner"]);
    expect(await titles(JAMBI)).toEqual(["A Jambi", "B Nasional"]);
    expect(await titles(GORONTALO)).toEqual(["B Nasional", "C Gorontalo Partner"]);
    expect(canPostTo(JAMBI, { provinces: "63,75", organisers: "" })).toBe(false);
    expect(await limitChat(db, -999n, { provinces: ["15"] })).toBeNull();
  });

  it("follows a group that became a supergroup, with its posts", async () => {
    t = await createTestDatabase();
    const db = t.db;
    await applyMyChatMember(db, change("administrator", { id: -42, title: "Alumni Banjarbaru", type: "group" }));
    await limitChat(db, -42n, { provinces: ["63"] });
    await recordPost(db, { chatId: -42n, messageId: 3, eventId: 9, postedBy: 1n, card: card("x") });
    expect(await moveChat(db, -42n, -1009n)).toBe(true);
    expect(await db.announcementChat.findUnique({ where: { chatId: -42n } })).toBeNull();
    expect(await db.announcementChat.findUniqueOrThrow({ where: { chatId: -1009n } })).toMatchObject({ type: "supergroup", provinces: "63", title: "Alumni Banjarbaru" });
    expect((await postsOfEvent(db, 9)).map((p) => p.chatId)).toEqual([-1009n]);
    expect(await moveChat(db, -42n, -1010n)).toBe(false);
  });
});

describe("posted cards", () => {
  it("records posts, finds those of an event, and edits only the ones whose text or button changed", async () => {
    t = await createTestDatabase();
    const db = t.db;
    await applyMyChatMember(db, change("administrator", { id: -100 }, { canPostMessages: true }));
    await applyMyChatMember(db, change("administrator", { id: -200, type: "supergroup" }));
    const first = card("Temu Alumni — sisa kursi 3");
    const p1 = await recordPost(db, { chatId: -100n, messageId: 1, eventId: 7, postedBy: 1n, card: first });
    await recordPost(db, { chatId: -200n, messageId: 5, eventId: 7, postedBy: 3n, card: first });
    await recordPost(db, { chatId: -200n, messageId: 6, eventId: 8, postedBy: 3n, card: first });
    expect((await postsOfEvent(db, 7)).map((p) => p.messageId)).toEqual([1, 5]);

    expect(needsEdit(p1, first)).toBe(false);
    expect((await postsOfEvent(db, 7)).filter((p) => needsEdit(p, first))).toEqual([]);
    const full = card("Temu Alumni — Penuh — daftar tunggu dibuka");
    expect(needsEdit(p1, full)).toBe(true);
    expect(needsEdit(p1, card("Temu Alumni — sisa kursi 3", "https://t.me/other?start=acara_1"))).toBe(true);
    expect(needsEdit(p1, { text: first.text, replyMarkup: null })).toBe(true);
    expect(renderedHash({ text: "x", replyMarkup: null })).toBe(renderedHash({ text: "x", replyMarkup: { inline_keyboard: [] } }));

    const due = (await postsOfEvent(db, 7)).filter((p) => needsEdit(p, full));
    expect(due.map((p) => p.messageId)).toEqual([1, 5]);
    await markEdited(db, p1.id, full);
    expect(((await postsOfEvent(db, 7)).filter((p) => needsEdit(p, full))).map((p) => p.messageId)).toEqual([5]);
  });
});
