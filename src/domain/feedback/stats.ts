// Figures for /statistik, per Temu Alumni and overall. Plain numbers only; the bot formats them.
import type { Db } from "../../db.js";
import { suggestionThemes } from "./themes.js";

export type RatingDistribution = Record<1 | 2 | 3 | 4 | 5, number>;

export interface OutcomeFigures {
  /** respondents who were unemployed (menganggur) before Prakerja: the base of both shares */
  unemployedBefore: number;
  /** of them, now working: "bekerja" or "keduanya" */
  works: number;
  /** of them, now running a business: "usaha" or "keduanya" */
  business: number;
  /** works / unemployedBefore, 0..1; null when nobody was unemployed before */
  worksShare: number | null;
  businessShare: number | null;
}

export interface FeedbackStats {
  scope: { kind: "event"; eventId: number; title: string } | { kind: "overall"; events: number };
  /** every RSVP made, whatever became of it */
  registrations: number;
  confirmed: number;
  /** still in the queue: waitlisted, or offered a freed seat and not yet confirmed */
  waitlisted: number;
  cancelled: number;
  checkedIn: number;
  /** checkedIn / confirmed, 0..1; null when nobody is confirmed */
  attendanceRate: number | null;
  /** survey answers counted (one per user and scope; overall: events and the programme) */
  answers: number;
  /** distinct people behind the answers (answers whose author erased their data count one each) */
  respondents: number;
  averageRating: number | null;
  ratingDistribution: RatingDistribution;
  /** overall, each person's latest answer counts, so nobody is counted twice */
  outcome: OutcomeFigures;
  /** [word, number of suggestions mentioning it], most frequent first */
  themes: [string, number][];
  /** 👎 votes on FAQ answers (the FAQ is bot-wide, so the same figure per event and overall) */
  faqDownvotes: number;
  /** distinct FAQ answers that got at least one 👎 */
  faqAnswersDownvoted: number;
}

interface RegistrationRow {
  status: string;
  checkedInAt: Date | null;
}

interface FeedbackRow {
  userId: number | null;
  rating: number;
  suggestion: string | null;
  statusBefore: string | null;
  outcome: string;
  updatedAt: Date;
}

const feedbackSelect = { userId: true, rating: true, suggestion: true, statusBefore: true, outcome: true, updatedAt: true } as const;

/** Figures for one event, or null when there is no such event (or it lies outside `provinces`, an organiser's scope). */
export async function eventStats(db: Db, eventId: number, options: { provinces?: readonly string[] | null } = {}): Promise<FeedbackStats | null> {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, title: true, province: true } });
  if (!event) return null;
  if (options.provinces && !options.provinces.includes(event.province)) return null;
  const [registrations, feedback, faq] = await Promise.all([
    db.registration.findMany({ where: { eventId }, select: { status: true, checkedInAt: true } }),
    db.feedback.findMany({ where: { eventId }, select: feedbackSelect }),
    faqDownvoteFigures(db),
  ]);
  return {
    scope: { kind: "event", eventId: event.id, title: event.title },
    ...registrationFigures(registrations),
    ...feedbackFigures(feedback),
    ...faq,
  };
}

/**
 * Figures over every event and every answer (event surveys and the programme survey). With `provinces`
 * (an organiser's scope) only the events of those provinces and their answers count: the programme
 * survey is national and stays out.
 */
export async function overallStats(db: Db, options: { provinces?: readonly string[] | null } = {}): Promise<FeedbackStats> {
  const eventWhere = options.provinces ? { province: { in: [...options.provinces] } } : {};
  const scoped = options.provinces ? { event: eventWhere } : {};
  const [events, registrations, feedback, faq] = await Promise.all([
    db.event.count({ where: eventWhere }),
    db.registration.findMany({ where: scoped, select: { status: true, checkedInAt: true } }),
    db.feedback.findMany({ where: scoped, select: feedbackSelect }),
    faqDownvoteFigures(db),
  ]);
  return {
    scope: { kind: "overall", events },
    ...registrationFigures(registrations),
    ...feedbackFigures(feedback),
    ...faq,
  };
}

function registrationFigures(rows: readonly RegistrationRow[]) {
  const confirmed = rows.filter((row) => row.status === "confirmed").length;
  const checkedIn = rows.filter((row) => row.checkedInAt !== null).length;
  return {
    registrations: rows.length,
    confirmed,
    waitlisted: rows.filter((row) => row.status === "waitlisted" || row.status === "offered").length,
    cancelled: rows.filter((row) => row.status === "cancelled").length,
    checkedIn,
    attendanceRate: confirmed > 0 ? checkedIn / confirmed : null,
  };
}

function feedbackFigures(rows: readonly FeedbackRow[]) {
  const ratingDistribution: RatingDistribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const row of rows) {
    if (row.rating >= 1 && row.rating <= 5) ratingDistribution[row.rating as 1 | 2 | 3 | 4 | 5] += 1;
  }
  const rated = Object.values(ratingDistribution).reduce((sum, n) => sum + n, 0);
  const ratingSum = Object.entries(ratingDistribution).reduce((sum, [rating, n]) => sum + Number(rating) * n, 0);
  const people = latestPerPerson(rows);
  return {
    answers: rows.length,
    respondents: people.length,
    averageRating: rated > 0 ? ratingSum / rated : null,
    ratingDistribution,
    outcome: outcomeFigures(people),
    themes: suggestionThemes(rows.flatMap((row) => (row.suggestion ? [row.suggestion] : []))),
  };
}

/** One row per person: their most recent answer. Rows without an author stay separate. */
function latestPerPerson(rows: readonly FeedbackRow[]): FeedbackRow[] {
  const byUser = new Map<number, FeedbackRow>();
  const anonymous: FeedbackRow[] = [];
  for (const row of rows) {
    if (row.userId === null) {
      anonymous.push(row);
      continue;
    }
    const current = byUser.get(row.userId);
    if (!current || row.updatedAt > current.updatedAt) byUser.set(row.userId, row);
  }
  return [...byUser.values(), ...anonymous];
}

function outcomeFigures(people: readonly FeedbackRow[]): OutcomeFigures {
  const base = people.filter((row) => row.statusBefore === "menganggur");
  const works = base.filter((row) => row.outcome === "bekerja" || row.outcome === "keduanya").length;
  const business = base.filter((row) => row.outcome === "usaha" || row.outcome === "keduanya").length;
  return {
    unemployedBefore: base.length,
    works,
    business,
    worksShare: base.length > 0 ? works / base.length : null,
    businessShare: base.length > 0 ? business / base.length : null,
  };
}

async function faqDownvoteFigures(db: Db) {
  const [faqDownvotes, answers] = await Promise.all([
    db.faqVote.count({ where: { helpful: false } }),
    db.faqVote.groupBy({ by: ["faqId"], where: { helpful: false } }),
  ]);
  return { faqDownvotes, faqAnswersDownvoted: answers.length };
}
