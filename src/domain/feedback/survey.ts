// The feedback survey's answer set and how it is stored: one Feedback row per user and scope
// ("event:<id>" or "program"); taking the survey again replaces the previous answers (the latest counts).
import { z } from "zod";
import type { Db } from "../../db.js";

/** Longest suggestion or story accepted, in characters; longer input is refused with this limit stated. */
export const SUGGESTION_MAX_LENGTH = 2000;
export const STORY_MAX_LENGTH = 2000;
/** Short free-text answers ("lainnya" choices, the field of work or business). */
export const SHORT_ANSWER_MAX_LENGTH = 200;

/** What helped most. Codes are Indonesian on purpose: they appear as they are in the CSV export. */
export const MOST_USEFUL_OPTIONS = ["materi", "jejaring", "cerita_sukses", "info_program", "info_peluang", "lainnya"] as const;
export type MostUseful = (typeof MOST_USEFUL_OPTIONS)[number];

/** Situation before joining Prakerja; "menganggur" is the base of the outcome figure. */
export const STATUS_BEFORE_OPTIONS = ["menganggur", "bekerja", "usaha", "pelajar", "lainnya"] as const;
export type StatusBefore = (typeof STATUS_BEFORE_OPTIONS)[number];

/** What happened since Prakerja; "keduanya" = works and runs a business. */
export const OUTCOME_OPTIONS = ["bekerja", "usaha", "keduanya", "belum", "lainnya"] as const;
export type Outcome = (typeof OUTCOME_OPTIONS)[number];

/** Outcomes after which the bot asks for the field (bidang) of the job or business. */
export const OUTCOMES_WITH_FIELD: readonly Outcome[] = ["bekerja", "usaha", "keduanya", "lainnya"];

/** May the success story be published: with the first name, anonymously, or not at all. */
export const STORY_CONSENT_OPTIONS = ["named", "anonymous", "none"] as const;
export type StoryConsent = (typeof STORY_CONSENT_OPTIONS)[number];

export type StoryStatus = "none" | "pending" | "approved" | "rejected";

/** Trims, and turns blank text into null, so "  " never counts as an answer. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((value) => {
      const trimmed = value?.trim() ?? "";
      return trimmed === "" ? null : trimmed;
    });

export const answersSchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    mostUseful: z.enum(MOST_USEFUL_OPTIONS),
    mostUsefulOther: optionalText(SHORT_ANSWER_MAX_LENGTH),
    suggestion: optionalText(SUGGESTION_MAX_LENGTH),
    statusBefore: z.enum(STATUS_BEFORE_OPTIONS),
    outcome: z.enum(OUTCOME_OPTIONS),
    outcomeField: optionalText(SHORT_ANSWER_MAX_LENGTH),
    story: optionalText(STORY_MAX_LENGTH),
    storyConsent: z.enum(STORY_CONSENT_OPTIONS).default("none"),
  })
  .transform((answers) => ({
    ...answers,
    // "other" text only belongs to the "lainnya" choice; the field only to outcomes that have one
    mostUsefulOther: answers.mostUseful === "lainnya" ? answers.mostUsefulOther : null,
    outcomeField: OUTCOMES_WITH_FIELD.includes(answers.outcome) ? answers.outcomeField : null,
  }));

/** What the conversation collects (input) and what is stored (output, normalised). */
export type SurveyAnswersInput = z.input<typeof answersSchema>;
export type SurveyAnswers = z.output<typeof answersSchema>;

export type FeedbackScope = "program" | `event:${number}`;

export function eventScope(eventId: number): FeedbackScope {
  return `event:${eventId}`;
}

/** The event id inside a scope, null for "program"; throws on anything else. */
export function scopeEventId(scope: string): number | null {
  if (scope === "program") return null;
  const match = /^event:([1-9]\d*)$/.exec(scope);
  if (!match) throw new Error(`invalid feedback scope: ${scope}`);
  return Number(match[1]);
}

export function isFeedbackScope(value: string): value is FeedbackScope {
  return value === "program" || /^event:[1-9]\d*$/.test(value);
}

export type TextCheck = { ok: true; text: string } | { ok: false; reason: "empty" } | { ok: false; reason: "too_long"; length: number; max: number };

/** Checks one free-text answer against its limit, so the bot can refuse politely and say the limit. */
export function checkFreeText(text: string, max: number): TextCheck {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reason: "empty" };
  // count code points, not UTF-16 units, so an emoji counts as one character like people expect
  const length = [...trimmed].length;
  if (length > max) return { ok: false, reason: "too_long", length, max };
  return { ok: true, text: trimmed };
}

/** A story waits for review only when the author gave one and agreed to publication. */
export function storyStatusFor(answers: Pick<SurveyAnswers, "story" | "storyConsent">): StoryStatus {
  return answers.story !== null && answers.storyConsent !== "none" ? "pending" : "none";
}

/**
 * Stores a user's answers for a scope, replacing earlier ones (the latest counts). A story that is
 * already reviewed keeps its verdict when neither its text nor its consent changed; any change sends it
 * back to review, and withdrawing consent takes it off the public list at once.
 */
export async function saveFeedback(db: Db, userId: number, scope: string, input: SurveyAnswersInput) {
  const eventId = scopeEventId(scope);
  const answers = answersSchema.parse(input);
  if (eventId !== null) {
    const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true } });
    if (!event) throw new Error(`event ${eventId} does not exist`);
  }
  const previous = await db.feedback.findUnique({ where: { userId_scope: { userId, scope } } });
  let storyStatus: StoryStatus = storyStatusFor(answers);
  if (
    storyStatus === "pending" &&
    previous &&
    previous.story === answers.story &&
    previous.storyConsent === answers.storyConsent &&
    (previous.storyStatus === "approved" || previous.storyStatus === "rejected")
  ) {
    storyStatus = previous.storyStatus;
  }
  const data = { ...answers, eventId, storyStatus };
  return db.feedback.upsert({
    where: { userId_scope: { userId, scope } },
    create: { userId, scope, ...data },
    update: data,
  });
}

/** The user's current answers for a scope (to show "you answered this before"), or null. */
export async function findFeedback(db: Db, userId: number, scope: string) {
  return db.feedback.findUnique({ where: { userId_scope: { userId, scope } } });
}

/** Who may answer an event's survey: someone confirmed for it or checked in, once the event has started. */
const attendedWhere = { OR: [{ status: "confirmed" }, { checkedInAt: { not: null } }] };
const heldEventStatuses = ["published", "completed"];

export type EventFeedbackAccess =
  | { ok: true; eventId: number; title: string }
  | { ok: false; reason: "not_found" | "not_registered" | "not_started" };

export async function eventFeedbackAccess(db: Db, userId: number, eventId: number, now: Date): Promise<EventFeedbackAccess> {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, title: true, status: true, startsAt: true } });
  if (!event || !heldEventStatuses.includes(event.status)) return { ok: false, reason: "not_found" };
  const registration = await db.registration.findFirst({ where: { eventId, userId, anonymizedAt: null, ...attendedWhere }, select: { id: true } });
  if (!registration) return { ok: false, reason: "not_registered" };
  if (event.startsAt > now) return { ok: false, reason: "not_started" };
  return { ok: true, eventId: event.id, title: event.title };
}

/** The events a user may give feedback on, most recent first (for the /masukan choice). */
export async function feedbackEventsOf(db: Db, userId: number, now: Date, limit = 5): Promise<{ id: number; title: string }[]> {
  const rows = await db.registration.findMany({
    where: { userId, anonymizedAt: null, ...attendedWhere, event: { status: { in: heldEventStatuses }, startsAt: { lte: now } } },
    select: { event: { select: { id: true, title: true } } },
    orderBy: { event: { startsAt: "desc" } },
    take: limit,
  });
  return rows.map((row) => row.event);
}
