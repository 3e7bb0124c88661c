// Who gets the feedback invitation after a Temu Alumni, exactly once. Each registration is claimed
// (feedbackInvitedAt set where it was null) before the message goes out, so a restart or a second
// process never sends it again. The price is at-most-once: a crash between claim and send loses that
// one invitation, which is better than sending it twice; /masukan stays open to everyone anyway.
import type { Db } from "../../db.js";
import { runStatement } from "../../db-dialect.js";
import { dbDateParam, type HotStatement } from "../../hot-store.js";
import { CONSENT_VERSION } from "../users.js";

/** Events that ended longer ago than this get no invitations (old or imported events stay quiet). */
export const INVITATION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface DueInvitation {
  registrationId: number;
  eventId: number;
  eventTitle: string;
  userId: number;
  telegramId: bigint;
  language: string;
  firstName: string | null;
}

export interface ClaimOptions {
  maxAgeMs?: number;
  /** at most this many claims per call, so one tick stays short */
  limit?: number;
}

/**
 * Published or completed events that ended between $2 and $1 and still have a registration that could be
 * invited (not invited yet, not anonymised, confirmed or checked in), oldest end first: a hot-store
 * statement, as the job asks every minute and nearly always finds none (a bot with nothing due then never
 * loads the ORM's query compiler; a cancelled registration does not keep it asking).
 */
const ENDED_WITH_UNINVITED: HotStatement = {
  name: "feedback_ended_with_uninvited",
  text: `SELECT e."id", e."title" FROM "Event" e WHERE e."status" IN ('published', 'completed') AND e."endsAt" <= $1 AND e."endsAt" >= $2
    AND EXISTS (SELECT 1 FROM "Registration" r WHERE r."eventId" = e."id" AND r."feedbackInvitedAt" IS NULL AND r."anonymizedAt" IS NULL
      AND (r."status" = 'confirmed' OR r."checkedInAt" IS NOT NULL))
    ORDER BY e."endsAt", e."id"`,
};

/**
 * Claims and returns the invitations due at `now`: for every published or completed event that has
 * ended (within `maxAgeMs`), the participants who checked in — or, when nobody at all checked in at
 * that event (no check-in was done), everyone confirmed. Users who blocked the bot, have no current consent or
 * whose registration was anonymised are skipped (and not claimed, so an unblock within the window
 * still gets them the invitation).
 */
export async function claimDueInvitations(db: Db, now: Date, options: ClaimOptions = {}): Promise<DueInvitation[]> {
  const maxAgeMs = options.maxAgeMs ?? INVITATION_MAX_AGE_MS;
  const limit = options.limit ?? 500;
  const events = (await runStatement<{ id: number; title: string }>(db, ENDED_WITH_UNINVITED, [dbDateParam(now), dbDateParam(new Date(now.getTime() - maxAgeMs))])).map(
    (row) => ({ id: Number(row.id), title: String(row.title) }),
  );

  const claimed: DueInvitation[] = [];
  for (const event of events) {
    if (claimed.length >= limit) break;
    const checkedIn = await db.registration.count({ where: { eventId: event.id, checkedInAt: { not: null } } });
    const candidates = await db.registration.findMany({
      where: {
        eventId: event.id,
        feedbackInvitedAt: null,
        anonymizedAt: null,
        ...(checkedIn > 0 ? { checkedInAt: { not: null } } : { status: "confirmed" }),
        // consent to the current privacy text, as everywhere else (hasCurrentConsent)
        user: { blockedAt: null, consentAt: { not: null }, consentVersion: CONSENT_VERSION },
      },
      select: { id: true, userId: true, user: { select: { telegramId: true, language: true, firstName: true } } },
      orderBy: { id: "asc" },
      take: limit - claimed.length,
    });
    for (const registration of candidates) {
      // the claim: only one caller can move feedbackInvitedAt from null to a time
      const { count } = await db.registration.updateMany({
        where: { id: registration.id, feedbackInvitedAt: null },
        data: { feedbackInvitedAt: now },
      });
      if (count !== 1) continue;
      claimed.push({
        registrationId: registration.id,
        eventId: event.id,
        eventTitle: event.title,
        userId: registration.userId,
        telegramId: registration.user.telegramId,
        language: registration.user.language,
        firstName: registration.user.firstName,
      });
    }
  }
  return claimed;
}

/**
 * Gives a claim back after a send failed for a passing reason (network, 429 after retries), so the
 * next tick tries again. Not for 403: a user who blocked the bot keeps the claim.
 */
export async function releaseInvitation(db: Db, registrationId: number, claimedAt: Date): Promise<boolean> {
  const { count } = await db.registration.updateMany({
    where: { id: registrationId, feedbackInvitedAt: claimedAt },
    data: { feedbackInvitedAt: null },
  });
  return count === 1;
}
