// Small builders for feedback tests: users, events and registrations in the real test database.
import { randomUUID } from "node:crypto";
import type { Db } from "../../src/db.js";
import { CONSENT_VERSION } from "../../src/domain/users.js";

let nextTelegramId = 700_000_000_000n;

export interface UserOptions {
  telegramId?: bigint;
  firstName?: string | null;
  province?: string | null;
  consent?: boolean;
  blocked?: boolean;
  language?: string;
}

export async function makeUser(db: Db, options: UserOptions = {}) {
  nextTelegramId += 1n;
  return db.user.create({
    data: {
      telegramId: options.telegramId ?? nextTelegramId,
      firstName: options.firstName === undefined ? "Alumni" : options.firstName,
      province: options.province ?? null,
      language: options.language ?? "id",
      role: "alumni",
      consentAt: options.consent === false ? null : new Date("2024-01-01T00:00:00Z"),
      consentVersion: options.consent === false ? null : CONSENT_VERSION,
      blockedAt: options.blocked ? new Date("2024-01-02T00:00:00Z") : null,
    },
  });
}

export interface EventOptions {
  title?: string;
  province?: string;
  startsAt?: Date;
  endsAt?: Date;
  status?: string;
}

export async function makeEvent(db: Db, options: EventOptions = {}) {
  const startsAt = options.startsAt ?? new Date("2024-06-05T02:00:00Z");
  return db.event.create({
    data: {
      title: options.title ?? "Temu Alumni Prakerja",
      province: options.province ?? "15",
      city: "Kota Jambi",
      venueName: "Aula",
      address: "Jl. Contoh 1",
      startsAt,
      endsAt: options.endsAt ?? new Date(startsAt.getTime() + 3 * 60 * 60 * 1000),
      timeZone: "Asia/Jakarta",
      status: options.status ?? "published",
    },
  });
}

export interface RegistrationOptions {
  status?: string;
  checkedInAt?: Date | null;
  feedbackInvitedAt?: Date | null;
  anonymizedAt?: Date | null;
}

export async function register(db: Db, eventId: number, userId: number, options: RegistrationOptions = {}) {
  return db.registration.create({
    data: {
      eventId,
      userId,
      status: options.status ?? "confirmed",
      checkInToken: randomUUID(),
      checkedInAt: options.checkedInAt ?? null,
      feedbackInvitedAt: options.feedbackInvitedAt ?? null,
      anonymizedAt: options.anonymizedAt ?? null,
    },
  });
}
