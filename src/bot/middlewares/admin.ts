import type { Composer } from "grammy";
import type { Update } from "grammy/types";
import { isNationalActor, type Actor } from "../../domain/organisers.js";
import type { BotContext } from "../context.js";

/**
 * Who the sender is among the staff, for the update being handled. Every admin feature has a staff-only
 * branch, so one ordinary message passes several of them: the database is asked once per update, not
 * once per branch (the answer cannot change while one update is handled; keyed by the update object, so
 * nothing is kept after it).
 */
const answers = new WeakMap<Update, Promise<Actor | null>>();

/** The sender as an actor (owner, national admin, or organiser with provinces), or null for everyone else. */
export function actorOf(ctx: BotContext): Promise<Actor | null> {
  const from = ctx.from;
  if (!from) return Promise.resolve(null);
  let answer = answers.get(ctx.update);
  if (!answer) {
    answer = ctx.deps.admins.actorOf(from.id);
    answers.set(ctx.update, answer);
    // a failed lookup is not remembered: the next branch asks again
    answer.catch(() => answers.delete(ctx.update));
  }
  return answer;
}

/** The actor of an update that passed staffOnly or adminOnly (they let only actors through). */
export async function requireActor(ctx: BotContext): Promise<Actor> {
  const actor = await actorOf(ctx);
  if (!actor) throw new Error("requireActor outside a staff-only branch");
  return actor;
}

/** Which members of the staff a branch lets through. */
export type Admits = (actor: Actor) => boolean;

/** Every member of the staff: owners, national admins and province-scoped organisers. */
export const anyStaff: Admits = () => true;

/** Whether the sender is a member of the staff that `admits` lets through (the one check of every branch below). */
async function admitted(ctx: BotContext, admits: Admits): Promise<boolean> {
  const actor = await actorOf(ctx);
  return actor !== null && admits(actor);
}

/**
 * Branch for every member of the staff. The handlers in it limit what they show and do with the actor's
 * scope (src/domain/organisers.ts). Everyone else falls through untouched and ends at the fallback's
 * "unknown command" reply, so the existence of admin commands is never revealed.
 */
export function staffOnly(composer: Composer<BotContext>): Composer<BotContext> {
  return composer.filter((ctx) => admitted(ctx, anyStaff));
}

/**
 * Branch for national staff only (owners and admins added with /admin_tambah): the FAQ and other
 * programme-wide tools that organisers do not use.
 * Organisers and everyone else fall through to the ordinary "unknown command" reply.
 */
export function adminOnly(composer: Composer<BotContext>): Composer<BotContext> {
  return composer.filter((ctx) => admitted(ctx, isNationalActor));
}

/**
 * Branch for conversations only some of the staff may be in (`kit.conversations.staff` with anyStaff,
 * `kit.conversations.admins` with isNationalActor). An open conversation is resumed only for someone `admits`
 * lets through. With none open in the chat (the session's note, which the conversation storage reads too)
 * there is nothing to resume, so the branch is passed without asking the database who the sender is: most
 * updates, such as a /bantuan that core answers before any staff branch. Passing, the conversations only
 * make themselves known to a command further on that enters one, behind its own staffOnly or adminOnly.
 */
export function staffConversations(composer: Composer<BotContext>, admits: Admits): Composer<BotContext> {
  return composer.filter((ctx) => !ctx.session.openConversation || admitted(ctx, admits));
}
