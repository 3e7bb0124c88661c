// RSVP: reserving a seat, the waitlist, seat offers when someone cancels, and their expiry.
// Every change runs in a write transaction, so two people can never take the last seat twice, whether they
// press at the same moment in one process or in several: a first registration, or new answers that free no
// seat anyone waits for, in one of the hot store's (src/hot-store.ts TransactionWork), everything else in
// the ORM's (./tx.ts). Both take the same lock.
import type { Db } from "../../db.js";
import { runStatement } from "../../db-dialect.js";
import { dbDateParam, HOT_SQL, hotStoreOf, numberOrNull, parseDbDate, registrationOf, textOrNull, type StatementCall } from "../../hot-store.js";
import type { Event, Registration } from "../../generated/prisma/client.js";
import { newCheckInToken } from "./checkin.js";
import { audienceAllows } from "./events.js";
import { dueOfferExpiries } from "./reminders.js";
import { closeWaitlistGap, offerFreeSeats, reminderFlagsFor, seatsLeft, type Notice } from "./seats.js";
import { withWriteTransaction, type Tx } from "./tx.js";
import type { IssueParams, Parsed } from "./validation.js";

export type RegistrationStatus = "confirmed" | "waitlisted" | "offered" | "cancelled" | "expired";

export const RSVP_LIMITS = { nameMin: 2, nameMax: 100, gelombangMin: 1, gelombangMax: 100, trainingMax: 200 } as const;

export interface RsvpDetails {
  fullName: string;
  /** official kabupaten/kota name */
  city: string;
  /** null = not (yet) a Prakerja participant */
  gelombang: number | null;
  training?: string | null;
  /** only ever from Telegram's share-contact button */
  phone?: string | null;
  companions?: number;
}

export type ReserveFailure =
  | "event_not_found"
  | "event_not_open"
  | "deadline_passed"
  | "user_not_found"
  | "alumni_only"
  | "too_many_companions"
  | "no_room_for_companions";

export type ReserveResult =
  | {
      ok: true;
      status: "confirmed" | "offered";
      registration: Registration;
      /** true when this person was already registered and only their answers changed */
      updated: boolean;
      seatsLeft: number | null;
      /** waitlisted people who got an offer because this change freed seats */
      offers: Notice[];
    }
  | { ok: true; status: "waitlisted"; registration: Registration; updated: boolean; position: number; offers: Notice[] }
  | { ok: false; reason: ReserveFailure; params: IssueParams };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: string, params: IssueParams = {}): Parsed<T> => ({ ok: false, code, params });

export function parseFullName(text: string): Parsed<string> {
  const value = text.replace(/\s+/g, " ").trim();
  if (value.length < RSVP_LIMITS.nameMin) return fail("name_too_short", { min: RSVP_LIMITS.nameMin });
  if (value.length > RSVP_LIMITS.nameMax) return fail("name_too_long", { max: RSVP_LIMITS.nameMax });
  if (!/\p{Letter}/u.test(value)) return fail("name_invalid");
  return ok(value);
}

/** "12", "gel 12", "gelombang 12" → 12. */
export function parseGelombang(text: string): Parsed<number> {
  const m = /^(?:gel(?:ombang)?\.?\s*)?(\d{1,3})$/i.exec(text.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < RSVP_LIMITS.gelombangMin || n > RSVP_LIMITS.gelombangMax) {
    return fail("gelombang_invalid", { min: RSVP_LIMITS.gelombangMin, max: RSVP_LIMITS.gelombangMax });
  }
  return ok(n);
}

export function parseTraining(text: string): Parsed<string> {
  const value = text.replace(/\s+/g, " ").trim();
  if (value.length === 0) return fail("training_empty");
  if (value.length > RSVP_LIMITS.trainingMax) return fail("training_too_long", { max: RSVP_LIMITS.trainingMax });
  return ok(value);
}

export function parseCompanions(text: string, max: number): Parsed<number> {
  const value = text.trim();
  if (!/^\d$/.test(value) || Number(value) > max) return fail("companions_invalid", { max });
  return ok(Number(value));
}

/** Telegram sends "6281234567890" or "+6281234567890"; store one form, "+62…". */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[^\d]/g, "");
  if (digits.startsWith("0")) return `+62${digits.slice(1)}`;
  return `+${digits}`;
}

interface SeatSnapshot {
  status: string;
  capacity: number;
  maxCompanions: number;
  audience: string;
  startsAt: Date;
  /** the RSVP deadline, or the start when there is none */
  deadline: Date;
  userExists: boolean;
  role: string | null;
  /** seats held by confirmed registrations and open offers */
  taken: number;
  /** the last waitlist position in use (0 when nobody waits) */
  maxPosition: number;
  existingId: number | null;
  /** the status and companions of that registration (null without one) */
  existingStatus: string | null;
  existingCompanions: number | null;
}

type Row = Record<string, unknown>;

function snapshotOf(rows: Row[]): SeatSnapshot | null {
  const row = rows[0];
  if (!row) return null;
  return {
    status: String(row.status),
    capacity: Number(row.capacity),
    maxCompanions: Number(row.maxCompanions),
    audience: String(row.audience),
    startsAt: parseDbDate(row.startsAt) as Date,
    deadline: parseDbDate(row.deadline) as Date,
    userExists: Number(row.userExists) > 0,
    role: textOrNull(row.role),
    taken: Number(row.taken),
    maxPosition: Number(row.maxPosition),
    existingId: numberOrNull(row.existingId),
    existingStatus: textOrNull(row.existingStatus),
    existingCompanions: numberOrNull(row.existingCompanions),
  };
}

type SeatRequest = RsvpDetails & { eventId: number; userId: number };

/** The event, the person and the seat counts in one read (inside the write transaction). */
const snapshotCall = (request: SeatRequest): StatementCall => ({ statement: HOT_SQL.seatSnapshot, values: [request.userId, request.eventId] });

type Refusal = Extract<ReserveResult, { ok: false }>;

/**
 * The snapshot read by snapshotCall, or why the request cannot be served at all, whatever the person held
 * before (both transactions start with this).
 */
function checkedSnapshot(rows: Row[], request: SeatRequest, companions: number, now: Date): { snap: SeatSnapshot } | { refusal: Refusal } {
  const snap = snapshotOf(rows);
  const refuse = (reason: Refusal["reason"], params: IssueParams = {}) => ({ refusal: { ok: false as const, reason, params } });
  if (!snap) return refuse("event_not_found");
  if (snap.status !== "published") return refuse("event_not_open", { status: snap.status });
  if (now.getTime() >= snap.deadline.getTime()) return refuse("deadline_passed");
  if (!snap.userExists) return refuse("user_not_found");
  if (!audienceAllows(snap.audience, snap.role, request.gelombang)) return refuse("alumni_only");
  if (!Number.isInteger(companions) || companions < 0 || companions > snap.maxCompanions) return refuse("too_many_companions", { max: snap.maxCompanions });
  return { snap };
}

interface Place {
  fits: boolean;
  /** the waitlist position when it does not fit */
  position: number | null;
}

/** A fresh registration's place: a seat when 1 + companions still fit, else the end of the waitlist. */
function freshPlace(snap: SeatSnapshot, seats: number): Place {
  const fits = snap.capacity === 0 || snap.taken + seats <= snap.capacity;
  return { fits, position: fits ? null : snap.maxPosition + 1 };
}

/** What a fresh registration's place sets, inserted or written over a cancelled one (reminders already due count as sent). */
function placeFields(snap: SeatSnapshot, place: Place, now: Date) {
  return {
    status: place.fits ? "confirmed" : "waitlisted",
    waitlistPosition: place.position,
    ...(place.fits ? reminderFlagsFor(snap.startsAt, now) : {}),
  };
}

/** The INSERT of a fresh registration, with a new check-in token. */
function insertCall(request: SeatRequest, snap: SeatSnapshot, place: Place, now: Date): StatementCall {
  const fields = placeFields(snap, place, now);
  const date = (value: Date | undefined) => (value ? dbDateParam(value) : null);
  return {
    statement: HOT_SQL.insertRegistration,
    values: [
      request.eventId,
      request.userId,
      fields.status,
      fields.waitlistPosition,
      request.fullName,
      request.city,
      request.gelombang,
      request.training ?? null,
      request.phone ?? null,
      request.companions ?? 0,
      newCheckInToken(),
      date(fields.reminderDaySentAt),
      date(fields.reminderHoursSentAt),
      dbDateParam(now),
    ],
  };
}

/** What a fresh registration answers. */
function freshResult(snap: SeatSnapshot, seats: number, place: Place, registration: Registration): ReserveResult {
  if (place.fits) return { ok: true, status: "confirmed", registration, updated: false, seatsLeft: seatsLeft(snap.capacity, snap.taken + seats), offers: [] };
  return { ok: true, status: "waitlisted", registration, updated: false, position: place.position ?? 0, offers: [] };
}

/** The row of an INSERT or UPDATE … RETURNING (REGISTRATION_COLUMNS), as Prisma would read it. */
function writtenOf(rows: Row[]): Registration {
  const row = rows[0];
  if (!row) throw new Error("the registration written returned no row");
  return registrationOf(row);
}

/** The person's registration needs the full transaction (a waitlist place, a cancelled one, or seats freed for those waiting). */
const HELD_BEFORE = "held before";

/** The UPDATE of a held registration's answers. */
function answersCall(registrationId: number, request: SeatRequest, companions: number, now: Date): StatementCall {
  return {
    statement: HOT_SQL.updateAnswers,
    values: [registrationId, request.fullName, request.city, request.gelombang, request.training ?? null, request.phone ?? null, companions, dbDateParam(now)],
  };
}

/**
 * The usual cases, each decided and written in one short transaction of the hot store (one read, one write),
 * without the ORM's interactive transaction (several times the CPU, and the query compiler in memory): a
 * first registration, and new answers for a held seat or offer that free no seat someone waits for (the
 * person keeps their seat; more companions only if the seats are there).
 */
function* quickRegistration(request: SeatRequest, companions: number, now: Date): Generator<StatementCall, ReserveResult | typeof HELD_BEFORE, Row[]> {
  const checked = checkedSnapshot(yield snapshotCall(request), request, companions, now);
  if ("refusal" in checked) return checked.refusal;
  const { snap } = checked;
  const seats = 1 + companions;
  if (snap.existingId === null) {
    const place = freshPlace(snap, seats);
    const registration = writtenOf(yield insertCall(request, snap, place, now));
    return freshResult(snap, seats, place, registration);
  }
  const status = snap.existingStatus;
  if (status !== "confirmed" && status !== "offered") return HELD_BEFORE;
  const delta = seats - (1 + (snap.existingCompanions ?? 0));
  // fewer companions free seats: with somebody waiting, they are offered (offerFreeSeats, the full transaction)
  if (delta < 0 && snap.maxPosition > 0) return HELD_BEFORE;
  if (snap.capacity > 0 && delta > 0 && snap.taken + delta > snap.capacity) {
    return { ok: false, reason: "no_room_for_companions", params: { left: Math.max(0, snap.capacity - snap.taken) } };
  }
  const registration = writtenOf(yield answersCall(snap.existingId, request, companions, now));
  return { ok: true, status, registration, updated: true, seatsLeft: seatsLeft(snap.capacity, snap.taken + delta), offers: [] };
}

/**
 * Takes a seat (1 + companions) or a place on the waitlist, atomically. A person registered already keeps
 * their seat or place and only their answers change (more companions only if the seats are there).
 * Someone who cancelled or whose offer lapsed registers afresh.
 */
export async function reserveSeat(db: Db, request: SeatRequest & { now?: Date }): Promise<ReserveResult> {
  const now = request.now ?? new Date();
  const companions = request.companions ?? 0;
  const quick = await hotStoreOf(db).transaction(() => quickRegistration(request, companions, now));
  if (quick !== HELD_BEFORE) return quick;
  const details = {
    fullName: request.fullName,
    city: request.city,
    gelombang: request.gelombang,
    training: request.training ?? null,
    phone: request.phone ?? null,
    companions,
  };
  // A registration exists that the quick path leaves here: keep its seat or place and change the answers
  // (offering what that frees), or register afresh after a cancellation. Read again inside this
  // transaction: it may have changed since.
  return withWriteTransaction(db, async (tx): Promise<ReserveResult> => {
    const snapshot = snapshotCall(request);
    const checked = checkedSnapshot(await runStatement<Row>(tx, snapshot.statement, snapshot.values), request, companions, now);
    if ("refusal" in checked) return checked.refusal;
    const { snap } = checked;
    const seats = 1 + companions;
    const taken = snap.taken;
    const existing = snap.existingId === null ? null : await tx.registration.findUniqueOrThrow({ where: { id: snap.existingId } });

    if (existing && (existing.status === "confirmed" || existing.status === "offered")) {
      const event = await tx.event.findUniqueOrThrow({ where: { id: request.eventId } });
      const delta = seats - (1 + existing.companions);
      if (event.capacity > 0 && delta > 0 && taken + delta > event.capacity) {
        return { ok: false, reason: "no_room_for_companions", params: { left: Math.max(0, event.capacity - taken) } };
      }
      const registration = await tx.registration.update({ where: { id: existing.id }, data: details });
      const offers = delta < 0 ? await offerFreeSeats(tx, event, now) : [];
      return {
        ok: true,
        status: existing.status,
        registration,
        updated: true,
        seatsLeft: seatsLeft(event.capacity, taken + delta),
        offers,
      };
    }
    if (existing && existing.status === "waitlisted") {
      const event = await tx.event.findUniqueOrThrow({ where: { id: request.eventId } });
      const registration = await tx.registration.update({ where: { id: existing.id }, data: details });
      // fewer companions may make this person fit a seat that was too small before
      const offers = companions < existing.companions ? await offerFreeSeats(tx, event, now) : [];
      const fresh = await tx.registration.findUniqueOrThrow({ where: { id: existing.id } });
      if (fresh.status === "offered") {
        return { ok: true, status: "offered", registration: fresh, updated: true, seatsLeft: seatsLeft(event.capacity, taken + seats), offers: offers.filter((o) => o.registrationId !== fresh.id) };
      }
      return { ok: true, status: "waitlisted", registration, updated: true, position: registration.waitlistPosition ?? 0, offers };
    }

    // cancelled or lapsed (or gone meanwhile): registers afresh
    const place = freshPlace(snap, seats);
    let registration: Registration;
    if (existing) {
      registration = await tx.registration.update({
        where: { id: existing.id },
        data: { ...details, ...placeFields(snap, place, now), offerExpiresAt: null, checkedInAt: null },
      });
    } else {
      const insert = insertCall(request, snap, place, now);
      registration = writtenOf(await runStatement<Row>(tx, insert.statement, insert.values));
    }
    return freshResult(snap, seats, place, registration);
  });
}

export type ChangeFailure = "not_found" | "not_yours" | "wrong_status" | "event_not_open" | "offer_expired";

export type CancelResult =
  | { ok: true; registration: Registration; previousStatus: RegistrationStatus; offers: Notice[] }
  | { ok: false; reason: ChangeFailure };

async function loadOwned(tx: Tx, registrationId: number, userId: number) {
  const registration = await tx.registration.findUnique({ where: { id: registrationId }, include: { event: true } });
  if (!registration) return { error: "not_found" as const };
  // the pressing user must own it: callback data can be forged
  if (registration.userId !== userId) return { error: "not_yours" as const };
  return { registration };
}

/**
 * The registrant withdraws. A held seat goes to the waitlist as an offer; a waitlist place closes its gap.
 * Only the registration's own user may cancel it.
 */
export async function cancelRegistration(
  db: Db,
  request: { registrationId: number; userId: number; now?: Date },
): Promise<CancelResult> {
  const now = request.now ?? new Date();
  return withWriteTransaction(db, async (tx): Promise<CancelResult> => {
    const loaded = await loadOwned(tx, request.registrationId, request.userId);
    if ("error" in loaded) return { ok: false, reason: loaded.error ?? "not_found" };
    const { event, ...registration } = loaded.registration;
    const previous = registration.status as RegistrationStatus;
    if (!["confirmed", "offered", "waitlisted"].includes(previous)) return { ok: false, reason: "wrong_status" };
    if (event.status !== "published") return { ok: false, reason: "event_not_open" };
    const updated = await tx.registration.update({
      where: { id: registration.id },
      data: { status: "cancelled", waitlistPosition: null, offerExpiresAt: null },
    });
    let offers: Notice[] = [];
    if (previous === "waitlisted") await closeWaitlistGap(tx, event.id, registration.waitlistPosition);
    else offers = await offerFreeSeats(tx, event, now);
    return { ok: true, registration: updated, previousStatus: previous, offers };
  });
}

export type OfferResult =
  | { ok: true; registration: Registration; offers: Notice[] }
  | { ok: false; reason: ChangeFailure; offers: Notice[] };

/** Takes an offered seat while the offer is open. */
export async function acceptOffer(db: Db, request: { registrationId: number; userId: number; now?: Date }): Promise<OfferResult> {
  const now = request.now ?? new Date();
  return withWriteTransaction(db, async (tx): Promise<OfferResult> => {
    const loaded = await loadOwned(tx, request.registrationId, request.userId);
    if ("error" in loaded) return { ok: false, reason: loaded.error ?? "not_found", offers: [] };
    const { event, ...registration } = loaded.registration;
    if (registration.status === "confirmed") return { ok: true, registration, offers: [] };
    if (registration.status === "expired") return { ok: false, reason: "offer_expired", offers: [] };
    if (registration.status !== "offered") return { ok: false, reason: "wrong_status", offers: [] };
    if (event.status !== "published") return { ok: false, reason: "event_not_open", offers: [] };
    if (!registration.offerExpiresAt || registration.offerExpiresAt.getTime() <= now.getTime()) {
      // lapsed but not yet swept by the job: settle it now, and pass the seat on
      await tx.registration.update({ where: { id: registration.id }, data: { status: "expired" } });
      const offers = await offerFreeSeats(tx, event, now);
      return { ok: false, reason: "offer_expired", offers };
    }
    const updated = await tx.registration.update({
      where: { id: registration.id },
      data: { status: "confirmed", offerExpiresAt: null, ...reminderFlagsFor(event.startsAt, now) },
    });
    return { ok: true, registration: updated, offers: [] };
  });
}

/** Says no to an offered seat: the registration is cancelled and the seat goes to the next in line. */
export async function declineOffer(db: Db, request: { registrationId: number; userId: number; now?: Date }): Promise<OfferResult> {
  const now = request.now ?? new Date();
  return withWriteTransaction(db, async (tx): Promise<OfferResult> => {
    const loaded = await loadOwned(tx, request.registrationId, request.userId);
    if ("error" in loaded) return { ok: false, reason: loaded.error ?? "not_found", offers: [] };
    const { event, ...registration } = loaded.registration;
    if (registration.status !== "offered") return { ok: false, reason: "wrong_status", offers: [] };
    const updated = await tx.registration.update({ where: { id: registration.id }, data: { status: "cancelled", offerExpiresAt: null } });
    const offers = await offerFreeSeats(tx, event, now);
    return { ok: true, registration: updated, offers };
  });
}

export interface ExpiryResult {
  /** people whose offer lapsed (to be told) */
  expired: Notice[];
  /** the next people in line who now have an offer */
  offers: Notice[];
}

/**
 * Lapses every offer whose 24 hours are over and passes each seat to the next person waiting. Driven by a
 * periodic job from the stored expiry times, so it survives restarts: whatever fell due while the bot was
 * down is handled at the first run.
 */
export async function expireOffers(db: Db, now: Date = new Date()): Promise<ExpiryResult> {
  // nothing due (nearly every run): no write lock, no ORM; what falls due meanwhile waits for the next run
  if ((await dueOfferExpiries(db, now)).length === 0) return { expired: [], offers: [] };
  return withWriteTransaction(db, async (tx): Promise<ExpiryResult> => {
    const lapsed = await tx.registration.findMany({
      where: { status: "offered", offerExpiresAt: { lte: now }, event: { status: "published" } },
      include: { user: { select: { telegramId: true, language: true } } },
      orderBy: { offerExpiresAt: "asc" },
    });
    if (lapsed.length === 0) return { expired: [], offers: [] };
    await tx.registration.updateMany({ where: { id: { in: lapsed.map((r) => r.id) }, status: "offered" }, data: { status: "expired" } });
    const offers: Notice[] = [];
    for (const eventId of new Set(lapsed.map((r) => r.eventId))) {
      const event = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
      offers.push(...(await offerFreeSeats(tx, event, now)));
    }
    const expired = lapsed.map((r) => ({
      registrationId: r.id,
      eventId: r.eventId,
      userId: r.userId,
      telegramId: r.user.telegramId,
      language: r.user.language,
      offerExpiresAt: r.offerExpiresAt,
    }));
    return { expired, offers };
  });
}

export type RegistrationWithEvent = Registration & { event: Event };

/** For /rsvpku: the user's live registrations for events that have not ended, soonest first. */
export function registrationsOfUser(db: Db, userId: number, now: Date = new Date()): Promise<RegistrationWithEvent[]> {
  return db.registration.findMany({
    where: {
      userId,
      status: { in: ["confirmed", "offered", "waitlisted"] },
      event: { status: { in: ["published", "cancelled"] }, endsAt: { gt: now } },
    },
    include: { event: true },
    orderBy: { event: { startsAt: "asc" } },
  });
}

export function getRegistration(db: Db, registrationId: number): Promise<RegistrationWithEvent | null> {
  return db.registration.findUnique({ where: { id: registrationId }, include: { event: true } });
}
