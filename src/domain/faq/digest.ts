import type { Db } from "../../db.js";
import { runStatement } from "../../db-dialect.js";
import { hotStoreOf, type HotStatement } from "../../hot-store.js";

/**
 * The owners' weekly FAQ digest (top unanswered questions, most 👎 entries): who opted in and which
 * week was last sent, both in the Counter table, so no schema change is needed. The week is claimed
 * with one conditional update before anything is sent, so restarts and several instances running the
 * job send each week's digest once.
 */

/** Counter key of an owner who opted in (value 1). */
export const DIGEST_OPT_IN_PREFIX = "faq_digest_owner:";
/** Counter key holding the last week sent, as year * 100 + ISO week (202649). */
export const DIGEST_LAST_WEEK_KEY = "faq_digest_last_week";
/** The digest's week is reckoned in Western Indonesian Time (UTC+7). */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** ISO year and week of a moment in WIB, as year * 100 + week. */
export function digestWeek(now: Date): number {
  const local = new Date(now.getTime() + WIB_OFFSET_MS);
  const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the ISO year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return day.getUTCFullYear() * 100 + week;
}

export async function setDigestOptIn(db: Db, ownerId: number, on: boolean): Promise<void> {
  const key = DIGEST_OPT_IN_PREFIX + ownerId;
  if (on) await db.counter.upsert({ where: { key }, create: { key, value: 1 }, update: { value: 1 } });
  else await db.counter.deleteMany({ where: { key } });
}

export async function isDigestOptedIn(db: Db, ownerId: number): Promise<boolean> {
  return (await db.counter.findUnique({ where: { key: DIGEST_OPT_IN_PREFIX + ownerId } }))?.value === 1;
}

/**
 * Every opt-in row, for the job that asks every minute: one fixed hot-store statement, so the job never
 * loads the ORM's query compiler ("_" in the pattern matches any character: the keys are compared below).
 */
const OPTED_IN: HotStatement = { name: "faq_digest_opted_in", text: `SELECT "key" FROM "Counter" WHERE "key" LIKE '${DIGEST_OPT_IN_PREFIX}%' AND "value" = 1` };

/** Owners who opted in, among the current owners (someone removed from ADMIN_IDS gets nothing). */
export async function digestRecipients(db: Db, owners: readonly number[]): Promise<number[]> {
  if (owners.length === 0) return [];
  const on = new Set((await runStatement<{ key: string }>(db, OPTED_IN, [])).map((row) => row.key));
  return owners.filter((id) => on.has(DIGEST_OPT_IN_PREFIX + id));
}

/**
 * Claims this week's digest: true for exactly one caller per week, however many instances ask at
 * once (one conditional UPDATE; the first week ever is a create, where a racing create loses on the key).
 */
export async function claimDigestWeek(db: Db, week: number): Promise<boolean> {
  // sent already (every run but the week's first): a read on the hot store, no ORM
  const last = await hotStoreOf(db).counterValue(DIGEST_LAST_WEEK_KEY);
  if (last !== null && last >= week) return false;
  const updated = await db.counter.updateMany({ where: { key: DIGEST_LAST_WEEK_KEY, value: { lt: week } }, data: { value: week } });
  if (updated.count === 1) return true;
  if (await db.counter.findUnique({ where: { key: DIGEST_LAST_WEEK_KEY } })) return false;
  try {
    await db.counter.create({ data: { key: DIGEST_LAST_WEEK_KEY, value: week } });
    return true;
  } catch {
    return false; // another instance created it first
  }
}
