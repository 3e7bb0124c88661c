// The queries of the per-update hot path, on the database driver itself instead of the ORM: the session and
// conversation state (read every update, written when it changed), the user lookup of onboarding (every text
// message), the staff check (every update that reaches a staff branch), the event reads behind /acara,
// an event's card and the start of an RSVP, and an RSVP's seat and the cards it updates; other modules run
// their own per-update statements on it too (`run`: the cluster inbox). Through Prisma each of them cost
// the client runtime, its query compiler and the adapter's row conversion; a prepared statement on the
// driver costs a small fraction (`npm run bench`, profile in README).
//
// Nothing is cached: every call reads the database, so several instances on one database never see a
// stale value. Each statement is written once, below, in PostgreSQL's numbered-parameter form; a driver
// only runs it (SQLite: ./hot-store-sqlite.ts on better-sqlite3; PostgreSQL: ./hot-store-postgres.ts on pg;
// an in-memory SQLite database, private to Prisma's one connection: Prisma's raw query, rawRunner in
// ./db-dialect.ts). Every Db has a hot store, so each of these reads has one implementation.
// The SQL is the common subset of both: dates and 64-bit ids are read as text (CAST … AS TEXT) and parsed
// here, counts are cast to INTEGER.
import type { AnnouncementPost, Event, Registration } from "./generated/prisma/client.js";

/** A User row as Prisma's `db.user.findUnique` returns it. */
export interface UserRow {
  id: number;
  telegramId: bigint;
  firstName: string | null;
  language: string;
  role: string | null;
  province: string | null;
  consentAt: Date | null;
  consentVersion: string | null;
  blockedAt: Date | null;
  optedOutAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What the staff tables hold about one person (see HotStore.staffRows). */
export interface StaffRows {
  national: boolean;
  /** province codes from OrganiserProvince, sorted; empty when not an organiser */
  provinces: string[];
}

/** One page of published events that have not ended, the given province first (see listUpcomingEvents). */
export interface UpcomingQuery {
  province: string | null;
  now: Date;
  offset: number;
  limit: number;
}

export interface HotStore {
  /** The stored session value (JSON text) under `key`, or undefined. */
  readSession(key: string): Promise<string | undefined>;
  /** Stores the session value (JSON text) under `key`, inserting or replacing. */
  writeSession(key: string, value: string): Promise<void>;
  /** Removes the session under `key` (nothing happens when there is none). */
  deleteSession(key: string): Promise<void>;
  findUser(telegramId: bigint): Promise<UserRow | null>;
  /** This person's rows among the staff tables, in one statement (owners from the configuration are not in them). */
  staffRows(telegramId: bigint): Promise<StaffRows>;
  findEvent(id: number): Promise<Event | null>;
  /** A person's registration for an event (by User id), or null. */
  findRegistration(eventId: number, userId: number): Promise<Registration | null>;
  /** Seats held (confirmed and offered registrations, with their companions) for each of these events; absent = 0. */
  takenSeats(eventIds: readonly number[]): Promise<Map<number, number>>;
  /** How many upcoming published events there are, and how many of them in `province`. */
  countUpcoming(province: string | null, now: Date): Promise<{ total: number; inProvince: number }>;
  /** One page of upcoming published events: `province` first, then by start time and id. */
  upcomingEvents(query: UpcomingQuery): Promise<Event[]>;
  /** A Counter row's value, or null when there is none (read by periodic checks: the FAQ revision, the digest week). */
  counterValue(key: string): Promise<number | null>;
  /** Every channel and group card of an event, oldest first (looked at after every RSVP: src/domain/events/card.ts). */
  postsOfEvent(eventId: number): Promise<AnnouncementPost[]>;
  /** Any statement of another module's hot path on this driver (src/db-dialect.ts runStatement). */
  run<Row>(statement: HotStatement, values: readonly unknown[]): Promise<Row[]>;
  /** A short check-then-act write (see TransactionWork), holding the write lock from its first statement to its commit. */
  transaction<T>(work: TransactionWork<T>): Promise<T>;
  close(): Promise<void>;
}

/** One statement of a transaction and its values. */
export interface StatementCall {
  statement: HotStatement;
  values: readonly unknown[];
}

/**
 * A transaction's logic, written once for every driver: it yields each statement with its values and gets
 * the statement's rows back, then returns its result. On SQLite the driver runs it synchronously inside
 * BEGIN IMMEDIATE on the hot store's connection, so nothing else in the process runs in between and no
 * other statement joins the transaction; on PostgreSQL on one pooled connection, after the advisory lock
 * that every check-then-act write takes (src/db-dialect.ts writeLock). It must not do anything but compute
 * and yield: it can run more than once when the database is busy.
 */
export type TransactionWork<T> = () => Generator<StatementCall, T, Record<string, unknown>[]>;

/** Runs a transaction's work with a synchronous statement runner (SQLite). */
export function runWorkSync<T>(work: TransactionWork<T>, run: (call: StatementCall) => Record<string, unknown>[]): T {
  const steps = work();
  let step = steps.next();
  while (!step.done) step = steps.next(run(step.value));
  return step.value;
}

/** Runs a transaction's work with an asynchronous statement runner (PostgreSQL, Prisma's raw query). */
export async function runWork<T>(work: TransactionWork<T>, run: (call: StatementCall) => Promise<Record<string, unknown>[]>): Promise<T> {
  const steps = work();
  let step = steps.next();
  while (!step.done) step = steps.next(await run(step.value));
  return step.value;
}

/** A statement in PostgreSQL's form ($1, $2 …); `name` identifies it to the driver (prepared once). */
export interface HotStatement {
  name: string;
  text: string;
}

/** What a driver does for the hot store: run a statement with values, rows back; run a transaction's work. */
export interface SqlRunner {
  all<Row>(statement: HotStatement, values: readonly unknown[]): Promise<Row[]>;
  transaction<T>(work: TransactionWork<T>): Promise<T>;
  close(): Promise<void>;
}

/** A column read as text: dates and 64-bit ids come back the same way from both drivers. */
const asText = (column: string) => `CAST("${column}" AS TEXT) AS "${column}"`;

const USER_COLUMNS = `"id", ${asText("telegramId")}, "firstName", "language", "role", "province", ${asText("consentAt")}, "consentVersion",
  ${asText("blockedAt")}, ${asText("optedOutAt")}, ${asText("createdAt")}, ${asText("updatedAt")}`;

const EVENT_COLUMNS = `"id", "title", "description", "province", "city", "venueName", "address", "latitude", "longitude",
  ${asText("startsAt")}, ${asText("endsAt")}, "timeZone", "capacity", ${asText("rsvpDeadline")}, "audience", "status", "maxCompanions",
  "isExample", ${asText("createdBy")}, ${asText("cancelledAt")}, ${asText("createdAt")}, ${asText("updatedAt")}`;

const REGISTRATION_COLUMNS = `"id", "eventId", "userId", "status", "waitlistPosition", ${asText("offerExpiresAt")}, "fullName", "city",
  "gelombang", "training", "phone", "companions", "checkInToken", ${asText("checkedInAt")}, ${asText("reminderDaySentAt")},
  ${asText("reminderHoursSentAt")}, ${asText("feedbackInvitedAt")}, ${asText("anonymizedAt")}, ${asText("createdAt")}, ${asText("updatedAt")}`;

const UPCOMING = `"status" = 'published' AND "endsAt" > $1`;

/**
 * The seats held for the event whose id is `eventId` (a parameter or a column), as a subquery: a seat for
 * every confirmed or offered registration and one for each of its companions (the rule of
 * src/domain/events/seats.ts, SEAT_HOLDING and takenSeats).
 */
const seatsHeld = (eventId: string) =>
  `(SELECT CAST(COUNT(*) + COALESCE(SUM(r."companions"), 0) AS INTEGER) FROM "Registration" r
    WHERE r."eventId" = ${eventId} AND r."status" IN ('confirmed', 'offered'))`;

/** Every statement of the hot store. */
export const HOT_SQL = {
  readSession: { name: "hot_read_session", text: `SELECT "value" FROM "Session" WHERE "key" = $1` },
  // updatedAt in the text form Prisma writes (ISO 8601, +00:00); PostgreSQL reads it into its timestamp column
  writeSession: {
    name: "hot_write_session",
    text: `INSERT INTO "Session" ("key", "value", "updatedAt") VALUES ($1, $2, $3)
      ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`,
  },
  deleteSession: { name: "hot_delete_session", text: `DELETE FROM "Session" WHERE "key" = $1` },
  findUser: { name: "hot_find_user", text: `SELECT ${USER_COLUMNS} FROM "User" WHERE "telegramId" = $1` },
  staffRows: {
    name: "hot_staff_rows",
    text: `SELECT 'national' AS "kind", NULL AS "province" FROM "Admin" WHERE "telegramId" = $1
      UNION ALL SELECT 'organiser', "province" FROM "OrganiserProvince" WHERE "telegramId" = $1`,
  },
  findEvent: { name: "hot_find_event", text: `SELECT ${EVENT_COLUMNS} FROM "Event" WHERE "id" = $1` },
  findRegistration: {
    name: "hot_find_registration",
    text: `SELECT ${REGISTRATION_COLUMNS} FROM "Registration" WHERE "eventId" = $1 AND "userId" = $2`,
  },
  // one event at a time: a page holds a handful, and one fixed statement beats a new one per list length
  takenSeats: {
    name: "hot_taken_seats",
    text: `SELECT ${seatsHeld("$1")} AS "taken"`,
  },
  // the RSVP seat decision (src/domain/events/rsvp.ts): the event, the person, their registration (if any)
  // and the seats in one read, inside the write transaction; $1 the User id, $2 the event id
  seatSnapshot: {
    name: "hot_seat_snapshot",
    text: `SELECT e."status" AS "status", e."capacity" AS "capacity", e."maxCompanions" AS "maxCompanions", e."audience" AS "audience",
       CAST(e."startsAt" AS TEXT) AS "startsAt", CAST(COALESCE(e."rsvpDeadline", e."startsAt") AS TEXT) AS "deadline",
       CASE WHEN u."id" IS NULL THEN 0 ELSE 1 END AS "userExists", u."role" AS "role",
       ${seatsHeld(`e."id"`)} AS "taken",
       (SELECT COALESCE(MAX(r."waitlistPosition"), 0) FROM "Registration" r
          WHERE r."eventId" = e."id" AND r."status" = 'waitlisted') AS "maxPosition",
       x."id" AS "existingId", x."status" AS "existingStatus", x."companions" AS "existingCompanions"
     FROM "Event" e LEFT JOIN "User" u ON u."id" = $1 LEFT JOIN "Registration" x ON x."eventId" = e."id" AND x."userId" = $1
     WHERE e."id" = $2`,
  },
  // the one write of a first RSVP, with the columns and value formats the Prisma client writes
  insertRegistration: {
    name: "hot_insert_registration",
    text: `INSERT INTO "Registration" ("eventId", "userId", "status", "waitlistPosition", "fullName", "city", "gelombang", "training", "phone",
       "companions", "checkInToken", "reminderDaySentAt", "reminderHoursSentAt", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING ${REGISTRATION_COLUMNS}`,
  },
  // a held seat's new answers (src/domain/events/rsvp.ts): the columns the Prisma client writes for them
  updateAnswers: {
    name: "hot_update_answers",
    text: `UPDATE "Registration" SET "fullName" = $2, "city" = $3, "gelombang" = $4, "training" = $5, "phone" = $6, "companions" = $7,
       "updatedAt" = $8 WHERE "id" = $1 RETURNING ${REGISTRATION_COLUMNS}`,
  },
  counterValue: { name: "hot_counter_value", text: `SELECT "value" FROM "Counter" WHERE "key" = $1` },
  postsOfEvent: {
    name: "hot_posts_of_event",
    text: `SELECT "id", ${asText("chatId")}, "messageId", "eventId", ${asText("postedBy")}, "renderedHash", ${asText("createdAt")}, ${asText("updatedAt")}
      FROM "AnnouncementPost" WHERE "eventId" = $1 ORDER BY "id"`,
  },
  countUpcoming: {
    name: "hot_count_upcoming",
    text: `SELECT CAST(COUNT(*) AS INTEGER) AS "total",
      CAST(COALESCE(SUM(CASE WHEN "province" = $2 THEN 1 ELSE 0 END), 0) AS INTEGER) AS "inProvince"
      FROM "Event" WHERE ${UPCOMING}`,
  },
  upcomingEvents: {
    name: "hot_upcoming_events",
    text: `SELECT ${EVENT_COLUMNS} FROM "Event" WHERE ${UPCOMING}
      ORDER BY CASE WHEN "province" = $2 THEN 0 ELSE 1 END, "startsAt", "id" LIMIT $3 OFFSET $4`,
  },
} satisfies Record<string, HotStatement>;

/**
 * A statement in PostgreSQL's numbered form for a driver that binds plain `?` by position (better-sqlite3,
 * Prisma's raw queries on SQLite): each `$n` becomes `?` and `order` says which value goes where ("$1 … $1"
 * binds the first value twice).
 */
export function positional(text: string): { text: string; order: number[] } {
  const order: number[] = [];
  const converted = text.replace(/\$(\d+)/g, (_, n: string) => {
    order.push(Number(n) - 1);
    return "?";
  });
  return { text: converted, order };
}

/** A date as a parameter, in the text form Prisma writes to SQLite (and PostgreSQL reads as UTC). */
export function dbDateParam(value: Date): string {
  return value.toISOString().replace("Z", "+00:00");
}

/**
 * A DATETIME column's value as read here: Prisma writes ISO 8601 text ("…T…+00:00") to SQLite, SQLite's
 * CURRENT_TIMESTAMP default writes "YYYY-MM-DD HH:MM:SS" (UTC, no zone), PostgreSQL's timestamp as text
 * is "YYYY-MM-DD HH:MM:SS.mmm" (UTC, as Prisma stores it), and a number is epoch ms.
 */
export function parseDbDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}

type Raw = Record<string, unknown>;

const bigintOrNull = (value: unknown) => (value === null || value === undefined ? null : BigInt(String(value)));
/** A nullable number column (NULL → null), as the hot store and its callers read rows. */
export const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const text = (value: unknown) => String(value);
/** A nullable text column (NULL → null). */
export const textOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

function userOf(row: Raw): UserRow {
  return {
    id: Number(row.id),
    telegramId: BigInt(String(row.telegramId)),
    firstName: textOrNull(row.firstName),
    language: text(row.language),
    role: textOrNull(row.role),
    province: textOrNull(row.province),
    consentAt: parseDbDate(row.consentAt),
    consentVersion: textOrNull(row.consentVersion),
    blockedAt: parseDbDate(row.blockedAt),
    optedOutAt: parseDbDate(row.optedOutAt),
    createdAt: parseDbDate(row.createdAt) as Date,
    updatedAt: parseDbDate(row.updatedAt) as Date,
  };
}

function eventOf(row: Raw): Event {
  return {
    id: Number(row.id),
    title: text(row.title),
    description: text(row.description),
    province: text(row.province),
    city: text(row.city),
    venueName: text(row.venueName),
    address: text(row.address),
    latitude: numberOrNull(row.latitude),
    longitude: numberOrNull(row.longitude),
    startsAt: parseDbDate(row.startsAt) as Date,
    endsAt: parseDbDate(row.endsAt) as Date,
    timeZone: text(row.timeZone),
    capacity: Number(row.capacity),
    rsvpDeadline: parseDbDate(row.rsvpDeadline),
    audience: text(row.audience),
    status: text(row.status),
    maxCompanions: Number(row.maxCompanions),
    isExample: row.isExample === true || Number(row.isExample) === 1,
    createdBy: bigintOrNull(row.createdBy),
    cancelledAt: parseDbDate(row.cancelledAt),
    createdAt: parseDbDate(row.createdAt) as Date,
    updatedAt: parseDbDate(row.updatedAt) as Date,
  };
}

/** A Registration row as read with REGISTRATION_COLUMNS (a hot-store read, or an insert's RETURNING). */
export function registrationOf(row: Raw): Registration {
  return {
    id: Number(row.id),
    eventId: Number(row.eventId),
    userId: Number(row.userId),
    status: text(row.status),
    waitlistPosition: numberOrNull(row.waitlistPosition),
    offerExpiresAt: parseDbDate(row.offerExpiresAt),
    fullName: textOrNull(row.fullName),
    city: textOrNull(row.city),
    gelombang: numberOrNull(row.gelombang),
    training: textOrNull(row.training),
    phone: textOrNull(row.phone),
    companions: Number(row.companions),
    checkInToken: text(row.checkInToken),
    checkedInAt: parseDbDate(row.checkedInAt),
    reminderDaySentAt: parseDbDate(row.reminderDaySentAt),
    reminderHoursSentAt: parseDbDate(row.reminderHoursSentAt),
    feedbackInvitedAt: parseDbDate(row.feedbackInvitedAt),
    anonymizedAt: parseDbDate(row.anonymizedAt),
    createdAt: parseDbDate(row.createdAt) as Date,
    updatedAt: parseDbDate(row.updatedAt) as Date,
  };
}

function postOf(row: Raw): AnnouncementPost {
  return {
    id: Number(row.id),
    chatId: BigInt(String(row.chatId)),
    messageId: Number(row.messageId),
    eventId: Number(row.eventId),
    postedBy: BigInt(String(row.postedBy)),
    renderedHash: text(row.renderedHash),
    createdAt: parseDbDate(row.createdAt) as Date,
    updatedAt: parseDbDate(row.updatedAt) as Date,
  };
}

/** The hot store on a driver's runner: every method is one statement of HOT_SQL (takenSeats: one per event). */
export function createHotStore(sql: SqlRunner): HotStore {
  return {
    readSession: async (key) => (await sql.all<{ value: string }>(HOT_SQL.readSession, [key]))[0]?.value,
    writeSession: async (key, value) => {
      await sql.all(HOT_SQL.writeSession, [key, value, dbDateParam(new Date())]);
    },
    deleteSession: async (key) => {
      await sql.all(HOT_SQL.deleteSession, [key]);
    },
    findUser: async (telegramId) => {
      const row = (await sql.all<Raw>(HOT_SQL.findUser, [telegramId]))[0];
      return row ? userOf(row) : null;
    },
    staffRows: async (telegramId) => {
      const rows = await sql.all<{ kind: string; province: string | null }>(HOT_SQL.staffRows, [telegramId]);
      const provinces = rows.flatMap((row) => (row.kind === "organiser" && row.province !== null ? [row.province] : []));
      return { national: rows.some((row) => row.kind === "national"), provinces: provinces.sort() };
    },
    findEvent: async (id) => {
      const row = (await sql.all<Raw>(HOT_SQL.findEvent, [id]))[0];
      return row ? eventOf(row) : null;
    },
    findRegistration: async (eventId, userId) => {
      const row = (await sql.all<Raw>(HOT_SQL.findRegistration, [eventId, userId]))[0];
      return row ? registrationOf(row) : null;
    },
    takenSeats: async (eventIds) => {
      const taken = new Map<number, number>();
      for (const id of new Set(eventIds)) {
        const row = (await sql.all<{ taken: number }>(HOT_SQL.takenSeats, [id]))[0];
        const seats = Number(row?.taken ?? 0);
        if (seats > 0) taken.set(id, seats);
      }
      return taken;
    },
    countUpcoming: async (province, now) => {
      const row = (await sql.all<{ total: number; inProvince: number }>(HOT_SQL.countUpcoming, [dbDateParam(now), province]))[0];
      return { total: Number(row?.total ?? 0), inProvince: province === null ? 0 : Number(row?.inProvince ?? 0) };
    },
    upcomingEvents: async ({ province, now, offset, limit }) =>
      (await sql.all<Raw>(HOT_SQL.upcomingEvents, [dbDateParam(now), province, limit, offset])).map(eventOf),
    counterValue: async (key) => {
      const row = (await sql.all<{ value: number }>(HOT_SQL.counterValue, [key]))[0];
      return row ? Number(row.value) : null;
    },
    postsOfEvent: async (eventId) => (await sql.all<Raw>(HOT_SQL.postsOfEvent, [eventId])).map(postOf),
    run: (statement, values) => sql.all(statement, values),
    transaction: (work) => sql.transaction(work),
    close: () => sql.close(),
  };
}

// keyed by the database client (any object: this module does not know the client type, so db.ts can import it)
const stores = new WeakMap<object, HotStore>();

/** Registers the hot-path store of a database (openDatabase does this for every database it opens). */
export function attachHotStore(db: object, store: HotStore): void {
  stores.set(db, store);
}

/** True for a database opened by openDatabase; false for an interactive transaction's client (see runStatement). */
export function hasHotStore(client: object): boolean {
  return stores.has(client);
}

/**
 * The hot-path store of a database opened by openDatabase (every one has one). Anything else, such as a
 * transaction's client, is refused rather than served on a connection outside its transaction.
 */
export function hotStoreOf(db: object): HotStore {
  const store = stores.get(db);
  if (!store) throw new Error("no hot store on this client: only a database opened by openDatabase has one");
  return store;
}
