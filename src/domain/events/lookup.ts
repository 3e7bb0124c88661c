// Reads of events and registrations the bot needs as they are (no rule applies to them). One function
// per query, so the data layer changes in one place.
import type { Db } from "../../db.js";
import { hotStoreOf } from "../../hot-store.js";
import type { Event, Registration } from "../../generated/prisma/client.js";

/** An event by id (an event's card, the start of an RSVP): a prepared statement of the hot store (../../hot-store.ts). */
export function findEvent(db: Db, id: number): Promise<Event | null> {
  return hotStoreOf(db).findEvent(id);
}

export function findEventTitle(db: Db, id: number): Promise<{ id: number; title: string } | null> {
  return db.event.findUnique({ where: { id }, select: { id: true, title: true } });
}

/** The latest events by start (newest first), for an admin to pick one; within `provinces` (an organiser's scope) when given. */
export function latestEvents(db: Db, take: number, provinces: readonly string[] | null = null): Promise<{ id: number; title: string }[]> {
  return db.event.findMany({
    where: provinces ? { province: { in: [...provinces] } } : {},
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, title: true },
  });
}

/** Events whose participants a broadcast may address (published, completed or cancelled), newest first; within `provinces` when given. */
export function broadcastableEvents(db: Db, take: number, provinces: readonly string[] | null = null): Promise<{ id: number; title: string }[]> {
  return db.event.findMany({
    where: { status: { in: ["published", "completed", "cancelled"] }, ...(provinces ? { province: { in: [...provinces] } } : {}) },
    orderBy: { startsAt: "desc" },
    take,
    select: { id: true, title: true },
  });
}

/** Published events that have not ended, soonest first (a broadcast's registration button); within `provinces` when given. */
export function openEvents(db: Db, now: Date, take: number, provinces: readonly string[] | null = null): Promise<{ id: number; title: string }[]> {
  return db.event.findMany({
    where: { status: "published", endsAt: { gt: now }, ...(provinces ? { province: { in: [...provinces] } } : {}) },
    orderBy: { startsAt: "asc" },
    take,
    select: { id: true, title: true },
  });
}

/** A person's registration for an event (by User id), if any (the start of every RSVP: on the hot store). */
export function findRegistration(db: Db, eventId: number, userId: number): Promise<Registration | null> {
  return hotStoreOf(db).findRegistration(eventId, userId);
}

export function findRegistrationWithEvent(db: Db, id: number) {
  return db.registration.findUnique({ where: { id }, include: { event: true } });
}

export function findRegistrationByCheckInToken(db: Db, checkInToken: string) {
  return db.registration.findUnique({ where: { checkInToken }, include: { event: true } });
}

/** How many registrations of an event are in each status, and how many checked in. */
export async function registrationCounts(db: Db, eventId: number): Promise<{ byStatus: (status: string) => number; checkedIn: number }> {
  const counts = await db.registration.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } });
  const checkedIn = await db.registration.count({ where: { eventId, checkedInAt: { not: null } } });
  return { byStatus: (status) => counts.find((c) => c.status === status)?._count._all ?? 0, checkedIn };
}
