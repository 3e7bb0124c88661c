// Temu Alumni events: creating, editing, publishing, cancelling and completing them, and listing the
// upcoming ones for a user (their own province first).
import type { Db } from "../../db.js";
import { provinceByCodeOrNull } from "../areas.js";
import type { Event } from "../../generated/prisma/client.js";
import { ACTIVE_STATUSES, offerFreeSeats, seatsLeft, takenSeats, type Notice } from "./seats.js";
import { withWriteTransaction, type Tx } from "./tx.js";
import { findEvent } from "./lookup.js";
import { runStatement } from "../../db-dialect.js";
import { dbDateParam, hotStoreOf, type HotStatement } from "../../hot-store.js";
import { timeZoneOfProvince, validateEventInput, type EventField, type EventInput, type Issue } from "./validation.js";

export type { Event };

/**
 * The audience rule, decided here only. An alumni-only event takes users whose profile says "alumni", or who
 * just told the RSVP conversation which gelombang they finished.
 */
export function audienceAllows(audience: string, role: string | null | undefined, gelombang?: number | null): boolean {
  if (audience !== "alumni") return true;
  return role === "alumni" || (gelombang !== undefined && gelombang !== null);
}

export interface EventWithSeats {
  event: Event;
  /** seats already held (confirmed + open offers) */
  taken: number;
  /** null = unlimited */
  seatsLeft: number | null;
}

export type CreateEventResult = { ok: true; event: Event } | { ok: false; issues: Issue[] };

/** The issue an organiser gets for a province outside their scope (null scope = every province). */
export function provinceScopeIssues(province: string, provinces: readonly string[] | null | undefined): Issue[] {
  if (!provinces || provinces.includes(province)) return [];
  return [{ code: "province_not_allowed", field: "province", params: { value: provinceByCodeOrNull(province)?.name ?? province } }];
}

/**
 * `provinces`: the creator's scope (provincesOf in ../organisers.ts; null = every province), required so
 * no caller can forget it; an event elsewhere is refused with province_not_allowed and nothing is saved.
 */
export async function createEvent(
  db: Db,
  input: EventInput,
  options: { createdBy?: bigint | number | null; status?: "draft" | "published"; now?: Date; provinces: readonly string[] | null },
): Promise<CreateEventResult> {
  const issues = [...provinceScopeIssues(input.province, options.provinces), ...validateEventInput(input, options.now ?? new Date())];
  if (issues.length > 0) return { ok: false, issues };
  const event = await db.event.create({
    data: {
      ...input,
      timeZone: timeZoneOfProvince(input.province),
      status: options.status ?? "draft",
      createdBy: options.createdBy === undefined || options.createdBy === null ? null : BigInt(options.createdBy),
    },
  });
  return { ok: true, event };
}

/** The event with its seats (an event's card, the start of an RSVP): prepared statements of the hot store. */
export async function getEventWithSeats(db: Db, id: number): Promise<EventWithSeats | null> {
  const event = await findEvent(db, id);
  if (!event) return null;
  const [item] = await withSeats(db, [event]);
  return item ?? null;
}

export function eventInputOf(event: Event): EventInput {
  return {
    title: event.title,
    description: event.description,
    province: event.province,
    city: event.city,
    venueName: event.venueName,
    address: event.address,
    latitude: event.latitude,
    longitude: event.longitude,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    capacity: event.capacity,
    rsvpDeadline: event.rsvpDeadline,
    audience: event.audience === "alumni" ? "alumni" : "semua",
    maxCompanions: event.maxCompanions,
  };
}

/** Who must hear about a change or a cancellation: everyone confirmed, offered or waiting. */
async function activeRegistrants(db: Tx, eventId: number): Promise<Notice[]> {
  const rows = await db.registration.findMany({
    where: { eventId, status: { in: [...ACTIVE_STATUSES] } },
    include: { user: { select: { telegramId: true, language: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    registrationId: r.id,
    eventId,
    userId: r.userId,
    telegramId: r.user.telegramId,
    language: r.user.language,
    offerExpiresAt: r.offerExpiresAt,
  }));
}

export type UpdateEventResult =
  | {
      ok: true;
      event: Event;
      changed: EventField[];
      /** registrants to tell about a change of time or place (empty for other edits) */
      notify: Notice[];
      /** waitlisted people who got a seat offer because capacity grew */
      offers: Notice[];
    }
  | { ok: false; reason: "not_found" | "not_editable" }
  | { ok: false; reason: "invalid"; issues: Issue[] };

/** Fields whose change registrants must be told about. */
const NOTIFY_ON: EventField[] = ["startsAt", "endsAt", "venueName", "address", "city", "province", "latitude", "longitude"];

/**
 * Edits an event. Capacity cannot go below the seats already held; a bigger capacity offers the new
 * seats to the waitlist; a new start time resets the reminders so they follow the new time.
 */
export async function updateEvent(
  db: Db,
  id: number,
  patch: Partial<EventInput>,
  options: { now?: Date; provinces?: readonly string[] | null } = {},
): Promise<UpdateEventResult> {
  const now = options.now ?? new Date();
  return withWriteTransaction(db, async (tx): Promise<UpdateEventResult> => {
    const event = await tx.event.findUnique({ where: { id } });
    // an event of another province is answered like a missing one
    if (!event || provinceScopeIssues(event.province, options.provinces).length > 0) return { ok: false, reason: "not_found" };
    if (event.status === "cancelled" || event.status === "completed") return { ok: false, reason: "not_editable" };
    const before = eventInputOf(event);
    const after: EventInput = { ...before, ...patch };
    const changed = (Object.keys(patch) as EventField[]).filter((field) => !sameValue(before[field], after[field]));
    if (changed.length === 0) return { ok: true, event, changed, notify: [], offers: [] };
    const moved = provinceScopeIssues(after.province, options.provinces);
    if (moved.length > 0) return { ok: false, reason: "invalid", issues: moved };
    const taken = await takenSeats(tx, id);
    // An event that already started may still be edited (a typo in the address), so "in the past" only
    // counts when the start time itself is being changed.
    const issues = validateEventInput(after, now, { takenSeats: taken, allowPast: !changed.includes("startsAt") && !changed.includes("rsvpDeadline") });
    if (issues.length > 0) return { ok: false, reason: "invalid", issues };
    const updated = await tx.event.update({
      where: { id },
      data: { ...after, timeZone: timeZoneOfProvince(after.province) },
    });
    if (changed.includes("startsAt")) {
      await tx.registration.updateMany({ where: { eventId: id }, data: { reminderDaySentAt: null, reminderHoursSentAt: null } });
    }
    const offers = changed.includes("capacity") || changed.includes("startsAt") ? await offerFreeSeats(tx, updated, now) : [];
    const notify = changed.some((f) => NOTIFY_ON.includes(f)) && updated.status === "published" ? await activeRegistrants(tx, id) : [];
    return { ok: true, event: updated, changed, notify, offers };
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

export type StatusChangeResult =
  | { ok: true; event: Event; notify: Notice[] }
  | { ok: false; reason: "not_found" | "wrong_status"; status?: string };

/** draft → published. Checks the event again: a draft may have been saved long ago. */
export async function publishEvent(db: Db, id: number, options: { now?: Date } = {}): Promise<StatusChangeResult | { ok: false; reason: "invalid"; issues: Issue[] }> {
  const now = options.now ?? new Date();
  return withWriteTransaction(db, async (tx) => {
    const event = await tx.event.findUnique({ where: { id } });
    if (!event) return { ok: false, reason: "not_found" } as const;
    if (event.status !== "draft") return { ok: false, reason: "wrong_status", status: event.status } as const;
    const issues = validateEventInput(eventInputOf(event), now);
    if (issues.length > 0) return { ok: false, reason: "invalid", issues } as const;
    const updated = await tx.event.update({ where: { id }, data: { status: "published" } });
    return { ok: true, event: updated, notify: [] } as const;
  });
}

/** Cancels an event and returns everyone who was coming or waiting, to be told. Registrations are kept. */
export async function cancelEvent(db: Db, id: number, options: { now?: Date } = {}): Promise<StatusChangeResult> {
  const now = options.now ?? new Date();
  return withWriteTransaction(db, async (tx): Promise<StatusChangeResult> => {
    const event = await tx.event.findUnique({ where: { id } });
    if (!event) return { ok: false, reason: "not_found" };
    if (event.status === "cancelled" || event.status === "completed") return { ok: false, reason: "wrong_status", status: event.status };
    const notify = event.status === "published" ? await activeRegistrants(tx, id) : [];
    const updated = await tx.event.update({ where: { id }, data: { status: "cancelled", cancelledAt: now } });
    return { ok: true, event: updated, notify };
  });
}

export async function completeEvent(db: Db, id: number): Promise<StatusChangeResult> {
  return withWriteTransaction(db, async (tx): Promise<StatusChangeResult> => {
    const event = await tx.event.findUnique({ where: { id } });
    if (!event) return { ok: false, reason: "not_found" };
    if (event.status !== "published") return { ok: false, reason: "wrong_status", status: event.status };
    const updated = await tx.event.update({ where: { id }, data: { status: "completed" } });
    return { ok: true, event: updated, notify: [] };
  });
}

/**
 * Published events that have ended, for completeFinishedEvents: a hot-store statement, so a run that finds
 * nothing (nearly every run) does not load the ORM's query compiler.
 */
const ENDED_EVENTS: HotStatement = { name: "events_ended", text: `SELECT "id" FROM "Event" WHERE "status" = 'published' AND "endsAt" <= $1` };

/** Marks published events that have ended as completed (a background job). Returns their ids. */
export async function completeFinishedEvents(db: Db, now: Date = new Date()): Promise<number[]> {
  const due = (await runStatement<{ id: number }>(db, ENDED_EVENTS, [dbDateParam(now)])).map((row) => Number(row.id));
  if (due.length === 0) return [];
  await db.event.updateMany({ where: { id: { in: due }, status: "published" }, data: { status: "completed" } });
  return due;
}

export interface EventPage {
  items: EventWithSeats[];
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  /** how many of `total` are in the user's province (they come first) */
  inProvince: number;
}

/**
 * Published events that have not ended yet, the user's province first, each group by start time.
 * `page` is 0-based and clamped to the last page.
 */
export async function listUpcomingEvents(
  db: Db,
  options: { province?: string | null; page?: number; pageSize?: number; now?: Date } = {},
): Promise<EventPage> {
  const now = options.now ?? new Date();
  const pageSize = Math.max(1, options.pageSize ?? 5);
  const province = options.province ?? null;
  // every /acara and its pages: two prepared statements of the hot store (../../hot-store.ts)
  const hot = hotStoreOf(db);
  const { total, inProvince } = await hot.countUpcoming(province, now);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(0, Math.floor(options.page ?? 0)), pages - 1);
  const events = await hot.upcomingEvents({ province, now, offset: page * pageSize, limit: pageSize });
  return { items: await withSeats(db, events), page, pageSize, total, pages, inProvince };
}

/** Seats taken and left for each event, on the hot store (one prepared statement per event). */
export async function withSeats(db: Db, events: Event[]): Promise<EventWithSeats[]> {
  if (events.length === 0) return [];
  const takenBy = await hotStoreOf(db).takenSeats(events.map((e) => e.id));
  return events.map((event) => {
    const taken = takenBy.get(event.id) ?? 0;
    return { event, taken, seatsLeft: seatsLeft(event.capacity, taken) };
  });
}

export interface AdminEventRow extends EventWithSeats {
  confirmed: number;
  waitlisted: number;
  checkedIn: number;
}

/** For /acara_admin (`provinces`: an organiser's scope): drafts and events that have not ended (and those cancelled or ended in the last 30 days). */
export async function listEventsForAdmin(
  db: Db,
  options: { page?: number; pageSize?: number; now?: Date; provinces?: readonly string[] | null } = {},
): Promise<{ items: AdminEventRow[]; page: number; pages: number; total: number }> {
  const now = options.now ?? new Date();
  const pageSize = Math.max(1, options.pageSize ?? 5);
  const where = {
    OR: [{ status: "draft" }, { endsAt: { gt: new Date(now.getTime() - 30 * 86_400_000) } }],
    ...(options.provinces ? { province: { in: [...options.provinces] } } : {}),
  };
  const total = await db.event.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(0, Math.floor(options.page ?? 0)), pages - 1);
  const events = await db.event.findMany({ where, orderBy: [{ startsAt: "asc" }, { id: "asc" }], skip: page * pageSize, take: pageSize });
  const seated = await withSeats(db, events);
  const counts = await db.registration.groupBy({
    by: ["eventId", "status"],
    where: { eventId: { in: events.map((e) => e.id) } },
    _count: { _all: true },
  });
  const checked = await db.registration.groupBy({
    by: ["eventId"],
    where: { eventId: { in: events.map((e) => e.id) }, checkedInAt: { not: null } },
    _count: { _all: true },
  });
  const count = (eventId: number, status: string) => counts.find((c) => c.eventId === eventId && c.status === status)?._count._all ?? 0;
  const items = seated.map((s) => ({
    ...s,
    confirmed: count(s.event.id, "confirmed"),
    waitlisted: count(s.event.id, "waitlisted"),
    checkedIn: checked.find((c) => c.eventId === s.event.id)?._count._all ?? 0,
  }));
  return { items, page, pages, total };
}
