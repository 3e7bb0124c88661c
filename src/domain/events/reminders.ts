// Reminders one day and two hours before an event. Each one is claimed in the database (its "sent at" set
// while still empty) BEFORE the message goes out, so a restart, a second process or a slow run can never send
// it twice. The price is at-most-once: a crash between claim and send loses that one reminder.
import type { Db } from "../../db.js";
import { runStatement } from "../../db-dialect.js";
import type { Event } from "../../generated/prisma/client.js";
import { dbDateParam, parseDbDate, type HotStatement } from "../../hot-store.js";
import { DAY_REMINDER_MS, HOURS_REMINDER_MS } from "./seats.js";

export type ReminderKind = "day" | "hours";

export interface DueReminder {
  kind: ReminderKind;
  registrationId: number;
  userId: number;
  telegramId: bigint;
  language: string;
  checkInToken: string;
  event: Event;
}

const FIELD = { day: "reminderDaySentAt", hours: "reminderHoursSentAt" } as const;

/**
 * Whether any reminder may be due ($1 now, $2 the two-hour mark, $3 the day mark): the queries below
 * without their joins and the test for a blocked person, on the hot store. The job asks every minute and
 * nearly always finds nothing, and then the ORM's query compiler is never loaded for it.
 */
const REMINDERS_MAY_BE_DUE: HotStatement = {
  name: "events_reminders_may_be_due",
  text: `SELECT 1 AS "due" FROM "Registration" r JOIN "Event" e ON e."id" = r."eventId"
    WHERE r."status" = 'confirmed' AND r."anonymizedAt" IS NULL AND e."status" = 'published' AND e."startsAt" > $1 AND e."startsAt" <= $3
      AND ((r."reminderHoursSentAt" IS NULL AND e."startsAt" <= $2) OR (r."reminderDaySentAt" IS NULL AND e."startsAt" > $2))
    LIMIT 1`,
};

/**
 * Confirmed registrations whose reminder is due: the day reminder once the start is 24 hours away (until
 * the two-hour window begins, when the shorter one replaces it), the two-hour reminder until the start.
 * People who blocked the bot are left out.
 */
export async function dueReminders(db: Db, now: Date = new Date(), limit = 500): Promise<DueReminder[]> {
  const t = now.getTime();
  const window = [dbDateParam(now), dbDateParam(new Date(t + HOURS_REMINDER_MS)), dbDateParam(new Date(t + DAY_REMINDER_MS))];
  if ((await runStatement(db, REMINDERS_MAY_BE_DUE, window)).length === 0) return [];
  const common = { status: "confirmed", anonymizedAt: null, user: { blockedAt: null } };
  const include = { event: true, user: { select: { telegramId: true, language: true } } } as const;
  const hours = await db.registration.findMany({
    where: { ...common, reminderHoursSentAt: null, event: { status: "published", startsAt: { gt: now, lte: new Date(t + HOURS_REMINDER_MS) } } },
    include,
    orderBy: { id: "asc" },
    take: limit,
  });
  const day = await db.registration.findMany({
    where: {
      ...common,
      reminderDaySentAt: null,
      event: { status: "published", startsAt: { gt: new Date(t + HOURS_REMINDER_MS), lte: new Date(t + DAY_REMINDER_MS) } },
    },
    include,
    orderBy: { id: "asc" },
    take: Math.max(0, limit - hours.length),
  });
  const toDue = (kind: ReminderKind) => (r: (typeof hours)[number]): DueReminder => ({
    kind,
    registrationId: r.id,
    userId: r.userId,
    telegramId: r.user.telegramId,
    language: r.user.language,
    checkInToken: r.checkInToken,
    event: r.event,
  });
  return [...hours.map(toDue("hours")), ...day.map(toDue("day"))];
}

/**
 * Marks a reminder as sent if nobody did yet. true = this caller owns it and must send it now.
 * Claiming the two-hour reminder also settles the day reminder, which would be stale by then.
 */
export async function claimReminder(db: Db, registrationId: number, kind: ReminderKind, now: Date = new Date()): Promise<boolean> {
  const result = await db.registration.updateMany({
    where: { id: registrationId, status: "confirmed", [FIELD[kind]]: null },
    data: { [FIELD[kind]]: now },
  });
  if (result.count !== 1) return false;
  if (kind === "hours") {
    await db.registration.updateMany({ where: { id: registrationId, reminderDaySentAt: null }, data: { reminderDaySentAt: now } });
  }
  return true;
}

/** Gives a claimed reminder back after a send failed for a passing reason (network, 429), to retry later. */
export async function releaseReminder(db: Db, registrationId: number, kind: ReminderKind): Promise<void> {
  await db.registration.updateMany({ where: { id: registrationId }, data: { [FIELD[kind]]: null } });
}

/** What the sender reports: delivered, failed for a passing reason (try again later), or will never arrive. */
export type SendOutcome = "sent" | "retry" | "undeliverable";

/**
 * One pass of the reminder job: every due reminder is claimed first, then handed to `send`. A "retry"
 * gives the claim back so the next pass tries again; anything else keeps it, so nobody gets it twice.
 */
export async function sendDueReminders(
  db: Db,
  now: Date,
  send: (reminder: DueReminder) => Promise<SendOutcome>,
): Promise<{ sent: number; retry: number; undeliverable: number; skipped: number }> {
  const counts = { sent: 0, retry: 0, undeliverable: 0, skipped: 0 };
  for (const reminder of await dueReminders(db, now)) {
    if (!(await claimReminder(db, reminder.registrationId, reminder.kind, now))) {
      counts.skipped++;
      continue;
    }
    let outcome: SendOutcome;
    try {
      outcome = await send(reminder);
    } catch {
      outcome = "retry";
    }
    if (outcome === "retry") await releaseReminder(db, reminder.registrationId, reminder.kind);
    counts[outcome]++;
  }
  return counts;
}

export interface DueOfferExpiry {
  registrationId: number;
  eventId: number;
  offerExpiresAt: Date;
}

/** Offers of published events whose time is over ($1 now), on the hot store: expireOffers asks every minute. */
const OFFERS_EXPIRED: HotStatement = {
  name: "events_offers_expired",
  text: `SELECT r."id", r."eventId", CAST(r."offerExpiresAt" AS TEXT) AS "offerExpiresAt" FROM "Registration" r JOIN "Event" e ON e."id" = r."eventId"
    WHERE r."status" = 'offered' AND r."offerExpiresAt" <= $1 AND e."status" = 'published' ORDER BY r."offerExpiresAt", r."id"`,
};

/** Offers whose 24 hours are over (handled by expireOffers in ./rsvp.ts, which asks here first). */
export async function dueOfferExpiries(db: Db, now: Date = new Date()): Promise<DueOfferExpiry[]> {
  const rows = await runStatement<{ id: number; eventId: number; offerExpiresAt: string }>(db, OFFERS_EXPIRED, [dbDateParam(now)]);
  return rows.map((r) => ({ registrationId: Number(r.id), eventId: Number(r.eventId), offerExpiresAt: parseDbDate(r.offerExpiresAt) ?? now }));
}
