// Channels and groups where the bot is an administrator, and the announcement cards it posted there.
// The bot learns about chats from `my_chat_member` updates, posts one card per /umumkan, and edits every
// card of an event when the event changes — skipping edits that would change nothing (Telegram refuses
// them with "message is not modified").
import { createHash } from "node:crypto";
import type { Db } from "../db.js";
import { runStatement } from "../db-dialect.js";
import { dbDateParam, hotStoreOf, type HotStatement } from "../hot-store.js";
import type { AnnouncementChat, AnnouncementPost } from "../generated/prisma/client.js";
import { provincesOf, type Actor } from "./organisers.js";

export type { AnnouncementChat, AnnouncementPost };

export type ChatKind = "channel" | "group" | "supergroup";

/** Telegram's ChatMember status values. */
export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

/** What the bot layer passes from a `my_chat_member` update (plain fields, no grammY types). */
export interface MyChatMemberChange {
  chat: { id: number | bigint; type: string; title?: string; username?: string };
  /** who changed the bot's status */
  from: { id: number | bigint };
  newStatus: MemberStatus;
  /** for channels: `can_post_messages` of the new administrator rights (undefined elsewhere) */
  canPostMessages?: boolean;
}

export type ChatMembershipDecision = "remember" | "forget" | "ignore";

/**
 * Remember a channel or group once the bot can post there as an administrator; forget it when the bot
 * is removed or demoted. Private chats are not announcement chats (a user blocking the bot is another
 * story, see the broadcast code).
 */
export function decideMembership(change: MyChatMemberChange): ChatMembershipDecision {
  if (!isAnnouncementChatType(change.chat.type)) return "ignore";
  const admin = change.newStatus === "administrator" || change.newStatus === "creator";
  if (!admin) return "forget";
  if (change.chat.type === "channel" && change.canPostMessages === false) return "forget";
  return "remember";
}

export function isAnnouncementChatType(type: string): type is ChatKind {
  return type === "channel" || type === "group" || type === "supergroup";
}

export type MembershipOutcome =
  | { action: "added"; chat: AnnouncementChat }
  | { action: "updated"; chat: AnnouncementChat }
  | { action: "removed"; chatId: bigint; title: string }
  | { action: "ignored" };

/**
 * Applies a `my_chat_member` update. "added" and "removed" are what the owners are told about; "updated"
 * (a new title, new rights) is silent. A chat keeps its access limits across title changes.
 */
export async function applyMyChatMember(db: Db, change: MyChatMemberChange): Promise<MembershipOutcome> {
  const decision = decideMembership(change);
  const chatId = BigInt(change.chat.id);
  if (decision === "ignore") return { action: "ignored" };
  if (decision === "forget") {
    const existing = await db.announcementChat.findUnique({ where: { chatId } });
    if (!existing) return { action: "ignored" };
    await db.announcementChat.deleteMany({ where: { chatId } });
    return { action: "removed", chatId, title: existing.title };
  }
  const type = change.chat.type as ChatKind;
  const title = change.chat.title?.trim() || String(chatId);
  const username = change.chat.username ?? null;
  const existing = await db.announcementChat.findUnique({ where: { chatId } });
  if (existing) {
    const chat = await db.announcementChat.update({ where: { chatId }, data: { type, title, username } });
    return { action: "updated", chat };
  }
  const chat = await db.announcementChat.create({ data: { chatId, type, title, username, addedBy: BigInt(change.from.id) } });
  return { action: "added", chat };
}

/** A group that became a supergroup gets a new id (migrate_to_chat_id): keep the chat and its posts. */
export async function moveChat(db: Db, fromChatId: bigint, toChatId: bigint): Promise<boolean> {
  const existing = await db.announcementChat.findUnique({ where: { chatId: fromChatId } });
  if (!existing) return false;
  await db.$transaction(async (tx) => {
    await tx.announcementChat.upsert({
      where: { chatId: toChatId },
      create: { ...existing, chatId: toChatId, type: "supergroup" },
      update: { type: "supergroup", title: existing.title, provinces: existing.provinces, organisers: existing.organisers },
    });
    await tx.announcementPost.updateMany({ where: { chatId: fromChatId }, data: { chatId: toChatId } });
    await tx.announcementChat.delete({ where: { chatId: fromChatId } });
  });
  return true;
}

export async function forgetChat(db: Db, chatId: bigint): Promise<boolean> {
  const { count } = await db.announcementChat.deleteMany({ where: { chatId } });
  return count > 0;
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** The access limits of a chat: empty lists mean "no limit of that kind". */
export function chatLimits(chat: Pick<AnnouncementChat, "provinces" | "organisers">): { provinces: string[]; organisers: bigint[] } {
  return { provinces: splitList(chat.provinces), organisers: splitList(chat.organisers).map((id) => BigInt(id)) };
}

/**
 * Owners limit which organisers may post to a chat: by province (organisers of any of these provinces)
 * and/or by person. Both empty = every organiser. Owners and national admins may always post.
 */
export async function limitChat(
  db: Db,
  chatId: bigint,
  limits: { provinces?: readonly string[]; organisers?: readonly bigint[] },
): Promise<AnnouncementChat | null> {
  const existing = await db.announcementChat.findUnique({ where: { chatId } });
  if (!existing) return null;
  return db.announcementChat.update({
    where: { chatId },
    data: {
      ...(limits.provinces ? { provinces: [...new Set(limits.provinces)].sort().join(",") } : {}),
      ...(limits.organisers ? { organisers: [...new Set(limits.organisers.map(String))].join(",") } : {}),
    },
  });
}

/** Whether this actor may post announcements to this chat. */
export function canPostTo(actor: Actor, chat: Pick<AnnouncementChat, "provinces" | "organisers">): boolean {
  const scope = provincesOf(actor);
  if (scope === null) return true;
  const limits = chatLimits(chat);
  if (limits.provinces.length === 0 && limits.organisers.length === 0) return true;
  if (limits.organisers.includes(actor.telegramId)) return true;
  return limits.provinces.some((code) => scope.includes(code));
}

/** The chats an actor may post to, by title. */
export async function chatsForActor(db: Db, actor: Actor): Promise<AnnouncementChat[]> {
  const chats = await db.announcementChat.findMany({ orderBy: [{ title: "asc" }, { chatId: "asc" }] });
  return chats.filter((chat) => canPostTo(actor, chat));
}

export function getChat(db: Db, chatId: bigint): Promise<AnnouncementChat | null> {
  return db.announcementChat.findUnique({ where: { chatId } });
}

// ───────────── Posted cards ─────────────

/** What is sent to Telegram for a card: the HTML text and the inline keyboard (null = none). */
export interface RenderedCard {
  text: string;
  replyMarkup: { inline_keyboard: { text: string; url: string }[][] } | null;
}

/** sha256 over the text and the markup: equal hashes mean an edit would change nothing. */
export function renderedHash(card: RenderedCard): string {
  return createHash("sha256")
    .update(JSON.stringify([card.text, card.replyMarkup?.inline_keyboard ?? []]))
    .digest("hex");
}

export function needsEdit(post: Pick<AnnouncementPost, "renderedHash">, card: RenderedCard): boolean {
  return post.renderedHash !== renderedHash(card);
}

/** After a successful sendMessage to the chat. */
export function recordPost(
  db: Db,
  post: { chatId: bigint; messageId: number; eventId: number; postedBy: bigint; card: RenderedCard },
): Promise<AnnouncementPost> {
  return db.announcementPost.upsert({
    where: { chatId_messageId: { chatId: post.chatId, messageId: post.messageId } },
    create: { chatId: post.chatId, messageId: post.messageId, eventId: post.eventId, postedBy: post.postedBy, renderedHash: renderedHash(post.card) },
    update: { eventId: post.eventId, renderedHash: renderedHash(post.card) },
  });
}

/** Every card of an event, oldest first (to edit when the event changes; after every RSVP: on the hot store). */
export function postsOfEvent(db: Db, eventId: number): Promise<AnnouncementPost[]> {
  return hotStoreOf(db).postsOfEvent(eventId);
}

/** After a successful editMessageText (or Telegram's "message is not modified"). */
export async function markEdited(db: Db, postId: number, card: RenderedCard): Promise<void> {
  await db.announcementPost.updateMany({ where: { id: postId }, data: { renderedHash: renderedHash(card) } });
}

/** When Telegram says the message is gone (deleted by a chat admin): stop following it. */
export async function forgetPost(db: Db, postId: number): Promise<void> {
  await db.announcementPost.deleteMany({ where: { id: postId } });
}

/** How long after its end an event's cards are still followed (the card turns to "Acara sudah selesai"). */
const FOLLOW_AFTER_END_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Every event with a post that ended after $1, in one hot-store statement: the periodic job runs it every
 * minute, and a bot that has posted nothing (or nothing recent) then never loads the ORM's query compiler.
 */
const FOLLOWED_EVENTS: HotStatement = {
  name: "announcements_followed_events",
  text: `SELECT e."id" FROM "Event" e WHERE e."endsAt" > $1 AND EXISTS (SELECT 1 FROM "AnnouncementPost" p WHERE p."eventId" = e."id") ORDER BY e."id"`,
};

/** The events whose posted cards the bot still follows: every event with a post that has not long ended. */
export async function eventIdsWithPosts(db: Db, now: Date): Promise<number[]> {
  const rows = await runStatement<{ id: number }>(db, FOLLOWED_EVENTS, [dbDateParam(new Date(now.getTime() - FOLLOW_AFTER_END_MS))]);
  return rows.map((row) => Number(row.id));
}
