// Announcement cards follow their event: after an edit, a cancellation, or a seat taken or freed, every
// channel or group post of the event that shows something else is edited. Posts already showing the
// current card are skipped (Telegram refuses an edit that changes nothing); a post deleted by the chat's
// admins is forgotten, and so is a chat the bot was removed from.
import { GrammyError, type Api } from "grammy";
import type { Db } from "../../../db.js";
import { eventIdsWithPosts, forgetChat, forgetPost, markEdited } from "../../../domain/announcements.js";
import { CARD_LANGUAGE, cardEditsFor, type Translate } from "../../../domain/events/card.js";
import type { Logger } from "../../../logger.js";

export interface CardFollowerDeps {
  api: Api;
  db: Db;
  logger: Logger;
  /** translation in the cards' language (CARD_LANGUAGE) */
  t: Translate;
  botUsername: () => string;
  now: () => Date;
}

export interface FollowResult {
  edited: number;
  forgotten: number;
  failed: number;
}

/** Telegram's answers that mean "nothing to do" or "this post is gone". */
function refusalOf(error: unknown): "unchanged" | "gone" | "chat_gone" | null {
  if (!(error instanceof GrammyError)) return null;
  const description = error.description.toLowerCase();
  if (description.includes("message is not modified")) return "unchanged";
  if (description.includes("message to edit not found") || description.includes("message can't be edited")) return "gone";
  if (error.error_code === 403 || description.includes("chat not found")) return "chat_gone";
  return null;
}

export class CardFollower {
  /** events whose cards are being brought up to date right now: a second call waits for the first */
  private readonly running = new Map<number, Promise<FollowResult>>();

  constructor(private readonly deps: CardFollowerDeps) {}

  /** Brings every post of one event up to date. Never throws: a failed edit is tried again by the periodic job. */
  follow(eventId: number): Promise<FollowResult> {
    const current = this.running.get(eventId);
    const next = (current ?? Promise.resolve()).then(() => this.followNow(eventId));
    const guarded = next.catch((error: unknown) => {
      this.deps.logger.warn({ err: error, event: eventId }, "announcement cards not updated");
      return { edited: 0, forgotten: 0, failed: 1 };
    });
    this.running.set(eventId, guarded);
    void guarded.finally(() => {
      if (this.running.get(eventId) === guarded) this.running.delete(eventId);
    });
    return guarded;
  }

  /** The periodic safety net: every event with posts that has not long ended. */
  async followAll(now: Date): Promise<FollowResult> {
    const total: FollowResult = { edited: 0, forgotten: 0, failed: 0 };
    for (const eventId of await eventIdsWithPosts(this.deps.db, now)) {
      const result = await this.follow(eventId);
      total.edited += result.edited;
      total.forgotten += result.forgotten;
      total.failed += result.failed;
    }
    return total;
  }

  private async followNow(eventId: number): Promise<FollowResult> {
    const { api, db, logger } = this.deps;
    const result: FollowResult = { edited: 0, forgotten: 0, failed: 0 };
    const edits = await cardEditsFor(db, eventId, { t: this.deps.t, locale: CARD_LANGUAGE, botUsername: this.deps.botUsername(), now: this.deps.now() });
    if (!edits) return result;
    const { card, posts } = edits;
    for (const post of posts) {
      try {
        await api.editMessageText(post.chatId.toString(), post.messageId, card.text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          reply_markup: card.replyMarkup ?? { inline_keyboard: [] },
        });
        await markEdited(db, post.id, card);
        result.edited++;
      } catch (error) {
        switch (refusalOf(error)) {
          case "unchanged":
            await markEdited(db, post.id, card);
            break;
          case "gone":
            await forgetPost(db, post.id);
            result.forgotten++;
            break;
          case "chat_gone":
            await forgetChat(db, post.chatId);
            await forgetPost(db, post.id);
            result.forgotten++;
            break;
          default:
            result.failed++;
            logger.warn({ err: error, event: eventId, chat: post.chatId.toString() }, "announcement card edit failed");
        }
      }
    }
    if (result.edited > 0 || result.forgotten > 0) logger.info({ event: eventId, ...result }, "announcement cards updated");
    return result;
  }
}
