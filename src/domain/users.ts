import type { Db } from "../db.js";
import type { User } from "../generated/prisma/client.js";
import { hotStoreOf } from "../hot-store.js";

/** Version of the privacy text the user agreed to. Changing it asks everyone for consent again. */
export const CONSENT_VERSION = "2026-11";

export type Role = "alumni" | "calon" | "lainnya";
export const ROLES: readonly Role[] = ["alumni", "calon", "lainnya"];

export interface ConsentState {
  consentAt: Date | null;
  consentVersion: string | null;
}

/** True when the user agreed to the current version of the privacy text. */
export function hasCurrentConsent(user: ConsentState | null | undefined): boolean {
  return !!user?.consentAt && user.consentVersion === CONSENT_VERSION;
}

/** The user's row, or null. Asked at every text message: a prepared statement of the hot store (../hot-store.ts). */
export function findUser(db: Db, telegramId: number | bigint): Promise<User | null> {
  return hotStoreOf(db).findUser(BigInt(telegramId));
}

/**
 * Records consent and creates the user row. This is the only way a User row comes into existence,
 * so nothing personal is ever stored for someone who has not agreed.
 */
export async function recordConsent(
  db: Db,
  telegramId: number | bigint,
  profile: { firstName?: string | undefined; language?: string | undefined },
  now = new Date(),
) {
  const data = { consentAt: now, consentVersion: CONSENT_VERSION, firstName: profile.firstName?.slice(0, 128) ?? null };
  return db.user.upsert({
    where: { telegramId: BigInt(telegramId) },
    create: { telegramId: BigInt(telegramId), language: profile.language ?? "id", ...data },
    update: data,
  });
}

export function setRole(db: Db, telegramId: number | bigint, role: Role) {
  return db.user.update({ where: { telegramId: BigInt(telegramId) }, data: { role } });
}

export function setProvince(db: Db, telegramId: number | bigint, provinceCode: string) {
  return db.user.update({ where: { telegramId: BigInt(telegramId) }, data: { province: provinceCode } });
}

/** Keeps the stored language in step with /bahasa for users who have a row. */
export async function setLanguage(db: Db, telegramId: number | bigint, language: string) {
  await db.user.updateMany({ where: { telegramId: BigInt(telegramId) }, data: { language } });
}

/** Adds one to a non-identifying counter (erasures, withdrawn consents, ...). */
export async function bumpCounter(db: Db, key: string, by = 1) {
  await db.counter.upsert({ where: { key }, create: { key, value: by }, update: { value: { increment: by } } });
}

/**
 * Records that a person blocked the bot (Telegram answered 403, or reported the chat member as "kicked").
 * Only the first time counts: true when this call marked them, false when they were already marked.
 */
export async function markUserBlocked(db: Db, telegramId: number | bigint, at: Date): Promise<boolean> {
  const { count } = await markUsersBlocked(db, [telegramId], at);
  return count > 0;
}

/**
 * The one statement that records people who blocked the bot (those already marked keep their first date).
 * Not awaited here, so the broadcast results writer can run it inside its batch transaction.
 */
export function markUsersBlocked(db: Db, telegramIds: readonly (number | bigint)[], at: Date) {
  return db.user.updateMany({ where: { telegramId: { in: telegramIds.map((id) => BigInt(id)) }, blockedAt: null }, data: { blockedAt: at } });
}

/** Records that a person unblocked the bot; true when they had been marked as blocked. */
export async function markUserUnblocked(db: Db, telegramId: number | bigint): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { telegramId: BigInt(telegramId), blockedAt: { not: null } }, data: { blockedAt: null } });
  return count > 0;
}

export function findUserById(db: Db, id: number) {
  return db.user.findUnique({ where: { id } });
}

/** The language a person chose (for messages sent outside their updates); null when unknown. */
export async function languageOfUser(db: Db, telegramId: number | bigint): Promise<string | null> {
  const user = await db.user.findUnique({ where: { telegramId: BigInt(telegramId) }, select: { language: true } });
  return user?.language ?? null;
}

/** Whether a person consented and whether they turned announcements off. */
export function subscriptionOf(db: Db, telegramId: number | bigint) {
  return db.user.findUnique({ where: { telegramId: BigInt(telegramId) }, select: { consentAt: true, optedOutAt: true } });
}

/** Announcements off (/berhenti). */
export async function optOutOfAnnouncements(db: Db, telegramId: number | bigint, at: Date): Promise<void> {
  await db.user.updateMany({ where: { telegramId: BigInt(telegramId), optedOutAt: null }, data: { optedOutAt: at } });
}

/** Announcements on again (/langganan). */
export async function optInToAnnouncements(db: Db, telegramId: number | bigint): Promise<void> {
  await db.user.updateMany({ where: { telegramId: BigInt(telegramId) }, data: { optedOutAt: null } });
}

/** The person's row, only when they have given the current consent (otherwise nothing may be stored for them). */
export async function findConsentedUser(db: Db, telegramId: number | bigint) {
  const user = await findUser(db, telegramId);
  return user && hasCurrentConsent(user) ? user : null;
}
