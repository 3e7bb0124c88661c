// Success stories shared in the survey: admins review those offered for publication, everyone reads the
// approved ones. Only stories whose author chose "named" or "anonymous" ever reach review.
import type { Db } from "../../db.js";
import { provinceByCodeOrNull } from "../areas.js";

/** How the author is shown: first name, or anonymously with the province when known. */
export type StoryAuthor = { kind: "named"; name: string } | { kind: "anonymous"; provinceName: string | null };

export interface Story {
  id: number;
  story: string;
  consent: "named" | "anonymous";
  author: StoryAuthor;
  /** Indonesian rendering of `author` (the bot renders `author` through its locale instead) */
  displayName: string;
  eventTitle: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface StoryRow {
  id: number;
  story: string | null;
  storyConsent: string;
  createdAt: Date;
  updatedAt: Date;
  user: { firstName: string | null; province: string | null } | null;
  event: { title: string } | null;
}

const storySelect = {
  id: true,
  story: true,
  storyConsent: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { firstName: true, province: true } },
  event: { select: { title: true } },
} as const;

export function storyAuthor(consent: string, user: StoryRow["user"]): StoryAuthor {
  const name = user?.firstName?.trim();
  // a named story whose author has no name left (or erased their data) is shown anonymously
  if (consent === "named" && name) return { kind: "named", name };
  return { kind: "anonymous", provinceName: provinceByCodeOrNull(user?.province)?.name ?? null };
}

export function authorDisplayName(author: StoryAuthor): string {
  if (author.kind === "named") return author.name;
  return author.provinceName ? `Alumni Prakerja dari ${author.provinceName}` : "Alumni Prakerja";
}

function toStory(row: StoryRow): Story {
  const author = storyAuthor(row.storyConsent, row.user);
  return {
    id: row.id,
    story: row.story ?? "",
    consent: row.storyConsent === "named" ? "named" : "anonymous",
    author,
    displayName: authorDisplayName(author),
    eventTitle: row.event?.title ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const publishable = { story: { not: null }, storyConsent: { in: ["named", "anonymous"] } };

/** An organiser's scope (provincesOf in ../organisers.ts): null or absent = every story. */
export interface StoryScope {
  provinces?: readonly string[] | null;
}

/** Stories about events of these provinces only (a programme-wide story has no province: national staff only). */
function scopeWhere(scope: StoryScope) {
  return scope.provinces ? { event: { province: { in: [...scope.provinces] } } } : {};
}

/** Stories waiting for review, oldest first. */
export async function listPendingStories(db: Db, limit = 10, scope: StoryScope = {}): Promise<Story[]> {
  const rows = await db.feedback.findMany({
    where: { storyStatus: "pending", ...publishable, ...scopeWhere(scope) },
    select: storySelect,
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(toStory);
}

export async function countPendingStories(db: Db, scope: StoryScope = {}): Promise<number> {
  return db.feedback.count({ where: { storyStatus: "pending", ...publishable, ...scopeWhere(scope) } });
}

async function review(db: Db, feedbackId: number, verdict: "approved" | "rejected", scope: StoryScope): Promise<boolean> {
  // only a story still pending can be reviewed: two admins pressing at once, or a story edited in the
  // meantime, never flips an earlier verdict
  const { count } = await db.feedback.updateMany({
    where: { id: feedbackId, storyStatus: "pending", ...publishable, ...scopeWhere(scope) },
    data: { storyStatus: verdict },
  });
  return count === 1;
}

export function approveStory(db: Db, feedbackId: number, scope: StoryScope = {}): Promise<boolean> {
  return review(db, feedbackId, "approved", scope);
}

export function rejectStory(db: Db, feedbackId: number, scope: StoryScope = {}): Promise<boolean> {
  return review(db, feedbackId, "rejected", scope);
}

/** Approved stories, newest first, with `offset` for paging. */
export async function listApprovedStories(db: Db, options: { limit?: number; offset?: number } = {}): Promise<Story[]> {
  const rows = await db.feedback.findMany({
    where: { storyStatus: "approved", ...publishable },
    select: storySelect,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 5,
    skip: options.offset ?? 0,
  });
  return rows.map(toStory);
}

export async function countApprovedStories(db: Db): Promise<number> {
  return db.feedback.count({ where: { storyStatus: "approved", ...publishable } });
}

/** One story by id whatever its status (for the review message), or null. */
export async function findStory(db: Db, feedbackId: number, scope: StoryScope = {}): Promise<(Story & { status: string }) | null> {
  const row = await db.feedback.findFirst({ where: { id: feedbackId, ...publishable, ...scopeWhere(scope) }, select: { ...storySelect, storyStatus: true } });
  return row ? { ...toStory(row), status: row.storyStatus } : null;
}
