// Seat arithmetic and the waitlist, shared by RSVP and event editing. Everything here runs inside a write
// transaction (see ./tx.ts) and is the one place that decides who holds a seat.
import type { Event } from "../../generated/prisma/client.js";
import type { Tx } from "./tx.js";

/** Registrations that hold seats: confirmed people and those with an open offer. */
export const SEAT_HOLDING = ["confirmed", "offered"] as const;
/** Registrations that still count as "coming" (for notices when an event changes or is cancelled). */
export const ACTIVE_STATUSES = ["confirmed", "offered", "waitlisted"] as const;

/** How long a waitlisted person has to accept a freed seat. */
export const OFFER_WINDOW_MS = 24 * 60 * 60 * 1000;
export const DAY_REMINDER_MS = 24 * 60 * 60 * 1000;
export const HOURS_REMINDER_MS = 2 * 60 * 60 * 1000;

/** A registrant who must be told something (an offer, a lapse, a change). */
export interface Notice {
  registrationId: number;
  eventId: number;
  userId: number;
  telegramId: bigint;
  language: string;
  offerExpiresAt: Date | null;
}

/** Seats held for an event: each registration takes one seat plus one per companion. */
export async function takenSeats(tx: Tx, eventId: number): Promise<number> {
  const agg = await tx.registration.aggregate({
    where: { eventId, status: { in: [...SEAT_HOLDING] } },
    _count: { _all: true },
    _sum: { companions: true },
  });
  return agg._count._all + (agg._sum.companions ?? 0);
}

/** null means unlimited (capacity 0). Never negative. */
export function seatsLeft(capacity: number, taken: number): number | null {
  if (capacity === 0) return null;
  return Math.max(0, capacity - taken);
}

/**
 * Reminder flags to set when a seat is confirmed inside a reminder's window: someone who registers an hour
 * before the start has just read the details and should not get a "see you soon" right after.
 */
export function reminderFlagsFor(startsAt: Date, now: Date): { reminderDaySentAt?: Date; reminderHoursSentAt?: Date } {
  const flags: { reminderDaySentAt?: Date; reminderHoursSentAt?: Date } = {};
  const untilStart = startsAt.getTime() - now.getTime();
  if (untilStart <= DAY_REMINDER_MS) flags.reminderDaySentAt = now;
  if (untilStart <= HOURS_REMINDER_MS) flags.reminderHoursSentAt = now;
  return flags;
}

/** Closes the gap a person leaves at `position`, so positions stay 1..n. */
export async function closeWaitlistGap(tx: Tx, eventId: number, position: number | null): Promise<void> {
  if (position === null) return;
  await tx.registration.updateMany({
    where: { eventId, status: "waitlisted", waitlistPosition: { gt: position } },
    data: { waitlistPosition: { decrement: 1 } },
  });
}

export async function nextWaitlistPosition(tx: Tx, eventId: number): Promise<number> {
  const agg = await tx.registration.aggregate({ where: { eventId, status: "waitlisted" }, _max: { waitlistPosition: true } });
  return (agg._max.waitlistPosition ?? 0) + 1;
}

/**
 * Offers free seats to the waitlist in order. Someone whose party does not fit the free seats keeps their
 * place and the next person who fits gets the offer (so one free seat is not left empty behind a party of
 * three). An offer lasts 24 hours, or until the event starts if that is sooner; none is made once it started.
 */
export async function offerFreeSeats(tx: Tx, event: Event, now: Date): Promise<Notice[]> {
  if (event.status !== "published" || now.getTime() >= event.startsAt.getTime()) return [];
  let free = event.capacity === 0 ? Number.POSITIVE_INFINITY : event.capacity - (await takenSeats(tx, event.id));
  if (free <= 0) return [];
  const waiting = await tx.registration.findMany({
    where: { eventId: event.id, status: "waitlisted" },
    orderBy: { waitlistPosition: "asc" },
    include: { user: { select: { telegramId: true, language: true } } },
  });
  const expiresAt = new Date(Math.min(now.getTime() + OFFER_WINDOW_MS, event.startsAt.getTime()));
  const offered: Notice[] = [];
  const vacated: number[] = [];
  for (const w of waiting) {
    if (free <= 0) break;
    const seats = 1 + w.companions;
    if (seats > free) continue;
    free -= seats;
    await tx.registration.update({
      where: { id: w.id },
      data: { status: "offered", waitlistPosition: null, offerExpiresAt: expiresAt },
    });
    if (w.waitlistPosition !== null) vacated.push(w.waitlistPosition);
    offered.push({
      registrationId: w.id,
      eventId: event.id,
      userId: w.userId,
      telegramId: w.user.telegramId,
      language: w.user.language,
      offerExpiresAt: expiresAt,
    });
  }
  // highest first, so each decrement only moves people who were behind that gap
  for (const position of vacated.sort((a, b) => b - a)) await closeWaitlistGap(tx, event.id, position);
  return offered;
}
