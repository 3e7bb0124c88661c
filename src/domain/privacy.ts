// Personal data under UU PDP (No. 27/2022): what is stored about one person (access, /dataku), erasing it
// completely and at once (/hapusdata, /tarikpersetujuan), and anonymising registration details after the
// retention period. No grammY here: the bot feature (src/bot/features/privacy.ts) talks to the user.
import type { Db } from "../db.js";
import { dialectFor, dialectOf, runStatement, type Dialect } from "../db-dialect.js";
import { dbDateParam, type HotStatement } from "../hot-store.js";
import { cancelRegistration } from "./events/rsvp.js";
import { ACTIVE_STATUSES, closeWaitlistGap, offerFreeSeats, type Notice } from "./events/seats.js";
import { withWriteTransaction, type Tx } from "./events/tx.js";
import { CONVERSATION_KEY_PREFIX, sessionKeysOf } from "./sessions.js";
import { CONSENT_VERSION } from "./users.js";

/**
 * Every table of the schema and where personal data sits in it. tests/unit/privacy-tables.test.ts fails
 * when a table appears that is not listed here, so a new table cannot slip past /dataku and /hapusdata.
 */
export const TABLE_POLICY = {
  User: "the person (telegramId): exported; deleted",
  Registration: "userId: exported with the event title; active ones cancelled (seat freed, waitlist moves up), then deleted; details anonymised after the retention period",
  Feedback: "userId: exported; on erasure userId and the free text are removed, the multiple-choice answers stay as an anonymous aggregate",
  BroadcastRecipient: "telegramId: exported; deleted",
  Session: 'keys "<chatId>" and "conv:<chatId>" (technical and conversation state): exported; deleted',
  Admin: "telegramId, addedBy: exported; the person's row deleted, addedBy of admins they added set to 0",
  Broadcast: "createdBy, progressChatId (admins): exported as references; createdBy set to 0, progressChatId to null",
  Event: "createdBy (admins): exported as references; set to null",
  Organiser: "telegramId, addedBy (staff): exported; the person's row deleted (with its provinces), addedBy of organisers they added set to 0",
  OrganiserProvince: "telegramId (staff) with a province code: exported with the Organiser row; deleted with it",
  AnnouncementChat: "a channel or group, not a person; addedBy and the organisers list (staff): exported as references; addedBy set to null, the id removed from the list",
  AnnouncementPost: "postedBy (staff): exported as references; set to 0",
  InboxUpdate: 'webhook mode: the raw update (sender, message text) keyed by chat ("<chatId>"), kept while it is handled and 48 h after for deduplication, then deleted; erasure deletes the person\'s finished updates',
  Lease: "technical: instance leases (polling lock, report claims)",
  RateBucket: "technical: the cluster-wide broadcast pace",
  Counter: "no personal data: aggregate counters only",
  Faq: "no personal data",
  FaqVote: "anonymous by design: no user reference",
  UnmatchedQuestion: "anonymous by design: no user reference, truncated text",
  ProgramFact: "no personal data",
  _prisma_migrations: "technical",
} as const satisfies Record<string, string>;

/** Counter keys (non-identifying): how many people erased their data or withdrew consent. */
export const ERASURE_COUNTERS = { erase: "privacy.erasures", withdraw: "privacy.consent_withdrawn", retention: "privacy.registrations_anonymised" } as const;

/** Telegram ids stand in for erased admins in columns that cannot be null (Broadcast.createdBy, Admin.addedBy). */
export const ERASED_ID = 0n;

export type ErasureReason = keyof Pick<typeof ERASURE_COUNTERS, "erase" | "withdraw">;

/** JSON-ready: BigInt as string, Date as ISO text, everything else as it is. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === "object") {
    const out: { [key: string]: Plain } = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(inner);
    return out;
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

function parseJson(text: string): Plain {
  try {
    return toPlain(JSON.parse(text));
  } catch {
    return text;
  }
}

export interface PersonalDataExport {
  generatedAt: string;
  telegramId: string;
  policyVersion: string;
  profile: Plain;
  registrations: Plain[];
  feedback: Plain[];
  broadcastDeliveries: Plain[];
  sessions: Plain[];
  admin: { owner: boolean; admin: boolean; row: Plain; adminsAdded: Plain[]; eventsCreated: Plain[]; broadcastsCreated: Plain[] };
  /** province organiser role and announcements (issue 16) */
  organiser: { row: Plain; organisersAdded: Plain[]; announcementChatsAdded: Plain[]; announcementChatsAllowed: Plain[]; announcementPosts: Plain[] };
}

export interface PersonalDataSummary {
  hasProfile: boolean;
  firstName: string | null;
  role: string | null;
  province: string | null;
  language: string | null;
  consentAt: Date | null;
  consentVersion: string | null;
  registrations: { title: string; status: string }[];
  feedback: number;
  broadcastDeliveries: number;
  sessions: number;
  owner: boolean;
  admin: boolean;
}

/**
 * Everything stored about one person, table by table (see TABLE_POLICY), for /dataku. `owner` says
 * whether the person is in ADMIN_IDS (configuration, not the database).
 */
export async function collectPersonalData(
  db: Db,
  telegramId: number | bigint,
  options: {
    owner?: boolean;
    now?: Date;
    /** the session values as the bot's session storage holds them (grammY free storage keeps them outside the database) */
    sessions?: { key: string; value: unknown }[];
  } = {},
): Promise<{ data: PersonalDataExport; summary: PersonalDataSummary }> {
  const tid = BigInt(telegramId);
  const user = await db.user.findUnique({ where: { telegramId: tid } });
  const registrations = user
    ? await db.registration.findMany({
        where: { userId: user.id },
        include: { event: { select: { id: true, title: true, city: true, startsAt: true, endsAt: true, status: true } } },
        orderBy: { id: "asc" },
      })
    : [];
  const feedback = user
    ? await db.feedback.findMany({ where: { userId: user.id }, include: { event: { select: { title: true } } }, orderBy: { id: "asc" } })
    : [];
  const deliveries = await db.broadcastRecipient.findMany({
    where: { telegramId: tid },
    include: { broadcast: { select: { createdAt: true, text: true } } },
    orderBy: { id: "asc" },
  });
  const stored = await db.session.findMany({ where: { key: { in: sessionKeysOf(tid) } }, orderBy: { key: "asc" } });
  const sessions: Plain[] = stored.map((s) => ({ key: s.key, updatedAt: s.updatedAt.toISOString(), value: parseJson(s.value) }));
  for (const external of options.sessions ?? []) {
    if (external.value !== undefined && !stored.some((s) => s.key === external.key)) sessions.push({ key: external.key, value: toPlain(external.value) });
  }
  const adminRow = await db.admin.findUnique({ where: { telegramId: tid } });
  const adminsAdded = await db.admin.findMany({ where: { addedBy: tid }, select: { telegramId: true, createdAt: true } });
  const eventsCreated = await db.event.findMany({ where: { createdBy: tid }, select: { id: true, title: true, createdAt: true } });
  const broadcastsCreated = await db.broadcast.findMany({
    where: { OR: [{ createdBy: tid }, { progressChatId: tid }] },
    select: { id: true, status: true, createdAt: true, createdBy: true, progressChatId: true },
  });
  const organiserRow = await db.organiser.findUnique({ where: { telegramId: tid }, include: { provinces: { select: { province: true } } } });
  const organisersAdded = await db.organiser.findMany({ where: { addedBy: tid }, select: { telegramId: true, createdAt: true } });
  const chatSelect = { chatId: true, type: true, title: true, createdAt: true } as const;
  const announcementChatsAdded = await db.announcementChat.findMany({ where: { addedBy: tid }, select: chatSelect });
  const announcementChatsAllowed = (await db.announcementChat.findMany({ select: { ...chatSelect, organisers: true } }))
    .filter((chat) => chat.organisers.split(",").includes(tid.toString()))
    .map(({ organisers: _organisers, ...chat }) => chat);
  const announcementPosts = await db.announcementPost.findMany({ where: { postedBy: tid }, select: { chatId: true, messageId: true, eventId: true, createdAt: true } });

  const data: PersonalDataExport = {
    generatedAt: (options.now ?? new Date()).toISOString(),
    telegramId: tid.toString(),
    policyVersion: CONSENT_VERSION,
    profile: toPlain(user),
    registrations: registrations.map((r) => toPlain(r)),
    feedback: feedback.map(({ event, ...f }) => toPlain({ ...f, eventTitle: event?.title ?? null })),
    broadcastDeliveries: deliveries.map((d) => toPlain({ ...d, broadcast: { createdAt: d.broadcast.createdAt, text: d.broadcast.text } })),
    sessions,
    admin: {
      owner: options.owner ?? false,
      admin: (options.owner ?? false) || adminRow !== null,
      row: toPlain(adminRow),
      adminsAdded: adminsAdded.map((a) => toPlain(a)),
      eventsCreated: eventsCreated.map((e) => toPlain(e)),
      broadcastsCreated: broadcastsCreated.map((b) => toPlain(b)),
    },
    organiser: {
      row: toPlain(organiserRow),
      organisersAdded: organisersAdded.map((o) => toPlain(o)),
      announcementChatsAdded: announcementChatsAdded.map((c) => toPlain(c)),
      announcementChatsAllowed: announcementChatsAllowed.map((c) => toPlain(c)),
      announcementPosts: announcementPosts.map((p) => toPlain(p)),
    },
  };
  const summary: PersonalDataSummary = {
    hasProfile: user !== null,
    firstName: user?.firstName ?? null,
    role: user?.role ?? null,
    province: user?.province ?? null,
    language: user?.language ?? null,
    consentAt: user?.consentAt ?? null,
    consentVersion: user?.consentVersion ?? null,
    registrations: registrations.map((r) => ({ title: r.event.title, status: r.status })),
    feedback: feedback.length,
    broadcastDeliveries: deliveries.length,
    sessions: sessions.length,
    owner: data.admin.owner,
    admin: data.admin.admin,
  };
  return { data, summary };
}

export interface ErasureResult {
  /** a User row existed */
  hadProfile: boolean;
  /** active registrations withdrawn through the RSVP rules (seat freed, waitlist moved up) */
  registrationsCancelled: number;
  registrationsDeleted: number;
  feedbackAnonymised: number;
  deliveriesDeleted: number;
  sessionsDeleted: number;
  /** an Admin row was removed (owners in ADMIN_IDS stay owners: that is configuration) */
  adminRemoved: boolean;
  /** an Organiser row (and its provinces) was removed */
  organiserRemoved: boolean;
  /** waitlisted people who were offered a seat this person freed: the bot must tell them */
  offers: Notice[];
}

async function bump(tx: Tx, key: string, by = 1) {
  await tx.counter.upsert({ where: { key }, create: { key, value: by }, update: { value: { increment: by } } });
}

/**
 * Erases everything stored about one person, at once: their User row (consent record included), sessions
 * and conversation state, registrations (active ones are first cancelled with the RSVP rules, so their
 * seat goes to the waitlist), their broadcast deliveries and Admin row. Feedback stays only as an anonymous
 * aggregate (no userId, no free text). References as an admin (events, broadcasts, admins they added) are
 * cut. Only a non-identifying counter records that an erasure happened.
 */
export async function erasePersonalData(
  db: Db,
  telegramId: number | bigint,
  options: { reason?: ErasureReason; now?: Date } = {},
): Promise<ErasureResult> {
  const tid = BigInt(telegramId);
  const now = options.now ?? new Date();
  const offers: Notice[] = [];
  let registrationsCancelled = 0;

  const user = await db.user.findUnique({ where: { telegramId: tid }, select: { id: true } });
  if (user) {
    // 1. withdraw from events the way the registrant would: the seat is offered to the next person waiting
    const active = await db.registration.findMany({
      where: { userId: user.id, status: { in: [...ACTIVE_STATUSES] } },
      select: { id: true },
    });
    for (const registration of active) {
      const result = await cancelRegistration(db, { registrationId: registration.id, userId: user.id, now });
      if (result.ok) {
        registrationsCancelled++;
        offers.push(...result.offers);
      }
    }
  }

  // 2. everything else in one write transaction
  const counts = await withWriteTransaction(db, async (tx) => {
    let registrationsDeleted = 0;
    let feedbackAnonymised = 0;
    if (user) {
      // whatever is still active (an event that is not open any more, or a race with a job) is released here
      const left = await tx.registration.findMany({
        where: { userId: user.id, status: { in: [...ACTIVE_STATUSES] } },
        select: { eventId: true, status: true, waitlistPosition: true },
      });
      registrationsDeleted = (await tx.registration.deleteMany({ where: { userId: user.id } })).count;
      for (const registration of left) {
        if (registration.status === "waitlisted") await closeWaitlistGap(tx, registration.eventId, registration.waitlistPosition);
        const event = await tx.event.findUnique({ where: { id: registration.eventId } });
        if (event && registration.status !== "waitlisted") offers.push(...(await offerFreeSeats(tx, event, now)));
      }
      feedbackAnonymised = (
        await tx.feedback.updateMany({
          where: { userId: user.id },
          data: { userId: null, suggestion: null, story: null, outcomeField: null, mostUsefulOther: null, storyConsent: "none", storyStatus: "none" },
        })
      ).count;
      await tx.user.delete({ where: { id: user.id } });
    }
    const deliveriesDeleted = (await tx.broadcastRecipient.deleteMany({ where: { telegramId: tid } })).count;
    const sessionsDeleted = (await tx.session.deleteMany({ where: { key: { in: sessionKeysOf(tid) } } })).count;
    // raw webhook updates of their chat that are already handled (the one being handled now finishes normally)
    await tx.inboxUpdate.deleteMany({ where: { chatKey: tid.toString(), status: { in: ["done", "failed"] } } });
    const adminRemoved = (await tx.admin.deleteMany({ where: { telegramId: tid } })).count > 0;
    await tx.admin.updateMany({ where: { addedBy: tid }, data: { addedBy: ERASED_ID } });
    await tx.broadcast.updateMany({ where: { createdBy: tid }, data: { createdBy: ERASED_ID } });
    await tx.broadcast.updateMany({ where: { progressChatId: tid }, data: { progressChatId: null, progressMessageId: null } });
    await tx.event.updateMany({ where: { createdBy: tid }, data: { createdBy: null } });
    const organiserRemoved = (await tx.organiser.deleteMany({ where: { telegramId: tid } })).count > 0;
    await tx.organiser.updateMany({ where: { addedBy: tid }, data: { addedBy: ERASED_ID } });
    await tx.announcementChat.updateMany({ where: { addedBy: tid }, data: { addedBy: null } });
    await tx.announcementPost.updateMany({ where: { postedBy: tid }, data: { postedBy: ERASED_ID } });
    for (const chat of await tx.announcementChat.findMany({ where: { organisers: { contains: tid.toString() } } })) {
      const kept = chat.organisers.split(",").filter((id) => id !== "" && id !== tid.toString());
      await tx.announcementChat.update({ where: { chatId: chat.chatId }, data: { organisers: kept.join(",") } });
    }
    await bump(tx, ERASURE_COUNTERS[options.reason ?? "erase"]);
    return { registrationsDeleted, feedbackAnonymised, deliveriesDeleted, sessionsDeleted, adminRemoved, organiserRemoved };
  });

  // an offer made to the person being erased would be pointless (they are gone): drop it
  const uniqueOffers = [...new Map(offers.filter((o) => o.telegramId !== tid).map((o) => [o.registrationId, o])).values()];
  return { hadProfile: user !== null, registrationsCancelled, ...counts, offers: uniqueOffers };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Retention: the personal details of a registration (name, phone, training, city) are removed
 * `retentionDays` after its event ended. Status, gelombang, companions and attendance stay for the
 * statistics. Returns how many registrations were anonymised now.
 */
export async function anonymizeExpiredRegistrations(db: Db, now: Date, retentionDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const count = (await runStatement(db, RETENTION_SQL.anonymize, [dbDateParam(now), dbDateParam(cutoff)])).length;
  if (count > 0) await runStatement(db, RETENTION_SQL.count, [ERASURE_COUNTERS.retention, count]);
  return count;
}

/** The daily retention job's statements: on the hot store, so a run with nothing to do does not load the ORM. */
const RETENTION_SQL = {
  // $1 now, $2 the cutoff; updatedAt as the ORM's update would set it
  anonymize: {
    name: "privacy_anonymize_expired",
    text: `UPDATE "Registration" SET "fullName" = NULL, "phone" = NULL, "training" = NULL, "city" = NULL, "anonymizedAt" = $1, "updatedAt" = $1
      WHERE "anonymizedAt" IS NULL AND "eventId" IN (SELECT "id" FROM "Event" WHERE "endsAt" <= $2) RETURNING "id"`,
  },
  count: {
    name: "privacy_count_anonymized",
    text: `INSERT INTO "Counter" ("key", "value") VALUES ($1, $2) ON CONFLICT ("key") DO UPDATE SET "value" = "Counter"."value" + excluded."value"`,
  },
} satisfies Record<string, HotStatement>;

/** Conversation state untouched this long is an abandoned conversation (every conversation times out within 3 h). */
export const CONVERSATION_STATE_TTL_MS = DAY_MS;
/** A visitor who never consented keeps a technical session (language, open question) this long after it last changed. */
export const VISITOR_SESSION_TTL_MS = 30 * DAY_MS;

/**
 * Storage limitation for sessions: conversation state (which holds what was typed, e.g. a name before the
 * consent question) is deleted CONVERSATION_STATE_TTL_MS after its last change, and the technical session of
 * a chat without a User row VISITOR_SESSION_TTL_MS after its last change (unchanged sessions are not written
 * back, so this is the last change, not the last message). The stale sessions are read page by page in key
 * order, so every visitor is reached however many people's old sessions there are. Only sessions in the
 * database (SESSION_STORAGE=prisma) are swept. Returns how many rows were deleted.
 */
export async function purgeStaleSessions(db: Db, now: Date): Promise<{ conversations: number; visitors: number }> {
  const sql = STALE_SESSION_SQL[dialectOf(db).provider];
  const conversations = (await runStatement(db, sql.conversations, [dbDateParam(new Date(now.getTime() - CONVERSATION_STATE_TTL_MS))])).length;
  const cutoff = dbDateParam(new Date(now.getTime() - VISITOR_SESSION_TTL_MS));
  let visitors = 0;
  let after = "";
  for (;;) {
    let size = 0;
    for (const row of await runStatement<{ visitor: string | null; last: string | null; size: number | bigint | null }>(db, sql.page, [cutoff, after, STALE_PAGE])) {
      if (row.visitor !== null) visitors += (await runStatement(db, sql.deleteVisitor, [row.visitor, cutoff])).length;
      else {
        size = Number(row.size);
        after = String(row.last);
      }
    }
    if (size < STALE_PAGE) break;
    // SQLite's statements run synchronously: let updates through between pages of a large table
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { conversations, visitors };
}

/** Stale sessions looked at per statement (purgeStaleSessions). */
const STALE_PAGE = 1000;

/**
 * On the hot store, so the hourly purge does not load the ORM's query compiler. The visitors are found page
 * by page in key order (a session whose key names no User row; keys that are not chat ids are kept), each
 * deleted only if it is still stale, so a session written meanwhile stays.
 */
function buildStaleSessionSql(dialect: Dialect) {
  const chatId = dialect.chatIdOfKey(`s."key"`);
  const conversation = `'${CONVERSATION_KEY_PREFIX}%'`;
  return {
    conversations: {
      name: "privacy_purge_conversations",
      text: `DELETE FROM "Session" WHERE "key" LIKE ${conversation} AND "updatedAt" < $1 RETURNING "key"`,
    },
    // one page of stale sessions after $2 ($1 the cutoff, $3 the page size): a row for each visitor in it,
    // then one row with the page's last key and size (most stale sessions are people's: no row for them)
    page: {
      name: "privacy_stale_sessions",
      text: `WITH page AS (
          SELECT s."key" FROM "Session" s WHERE s."key" > $2 AND s."key" NOT LIKE ${conversation} AND s."updatedAt" < $1 ORDER BY s."key" LIMIT $3)
        SELECT s."key" AS "visitor", NULL AS "last", NULL AS "size" FROM page s
          WHERE ${chatId} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."telegramId" = ${chatId})
        UNION ALL SELECT NULL, MAX(p."key"), COUNT(*) FROM page p`,
    },
    deleteVisitor: { name: "privacy_delete_visitor", text: `DELETE FROM "Session" WHERE "key" = $1 AND "updatedAt" < $2 RETURNING "key"` },
  } satisfies Record<string, HotStatement>;
}

/** purgeStaleSessions' statements for each database (the key test differs: Dialect.chatIdOfKey). */
const STALE_SESSION_SQL = { sqlite: buildStaleSessionSql(dialectFor("sqlite")), postgresql: buildStaleSessionSql(dialectFor("postgresql")) };
