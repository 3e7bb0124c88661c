// Reminders one day and two hours before an event. Each one is claimed in the database (its "sent at" set
// while still empty) BEFORE the message goes out, so a restart, a second process or a slow run can never send
// it twice. The price is at-most-once: a crash between claim and send loses that one reminder.
import type { Db } from "../../db.js";
import type { Event } from "../../generated/prisma/client.js";
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
 * Confirmed registrations whose reminder is due: the day reminder once the start is 24 hours away (until
 * the two-hour window begins, when the shorter one replaces it), the two-hour reminder until the start.
 * People who blocked the bot are left out.
 */
export async function dueReminders(db: Db, now: Date = new Date(), limit = 500): Promise<DueReminder[]> {
  const t = now.getTime();
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

/** Offers whose 24 hours are over (handled by expireOffers in ./rsvp.ts). */
export async function dueOfferExpiries(db: Db, now: Date = new Date()): Promise<DueOfferExpiry[]> {
  const rows = await db.registration.findMany({
    where: { status: "offered", offerExpiresAt: { lte: now }, event: { status: "published" } },
    select: { id: true, eventId: true, offerExpiresAt: true },
    orderBy: { offerExpiresAt: "asc" },
  });
  return rows.map((r) => ({ registrationId: r.id, eventId: r.eventId, offerExpiresAt: r.offerExpiresAt ?? now }));
}
