// The background jobs and the broadcast worker's rounds run every minute (every quarter second for the
// worker) in every instance. When they find nothing to do, which is nearly always, they must not touch the
// ORM: its first query loads the query compiler, about 24 MB that then stay in the process (README,
// Benchmark). What they ask first goes through the hot store; the ORM comes in only for work found.
import { afterEach, expect, it } from "vitest";
import { activeBroadcasts, recoverExpiredClaims, recoverSending, runningBroadcasts, unreportedFinished } from "../../src/domain/broadcast/housekeeping.js";
import { DIGEST_LAST_WEEK_KEY, DIGEST_OPT_IN_PREFIX, digestWeek } from "../../src/domain/faq/digest.js";
import { BotHarness } from "../support/bot-harness.js";
import { describeEachProvider } from "../support/db.js";
import { watchOrm } from "../support/orm-watch.js";
import { NOW, details, makeEvent, makeUsers } from "../domain/events-fixtures.js";
import { reserveSeat } from "../../src/domain/events/rsvp.js";

const DAY = 24 * 60 * 60 * 1000;
const OWNER_ID = 900001;

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A database after real use, with nothing due at NOW: upcoming and past meetups, old sessions, a digest sent this week. */
async function settledDatabase(db: BotHarness["db"]) {
  const users = await makeUsers(db, 4);
  const upcoming = await makeEvent(db, { capacity: 10 }); // 9 days after NOW: no reminder due yet
  for (const user of users) await reserveSeat(db, { eventId: upcoming.id, userId: user.id, ...details(), now: NOW });
  const past = await makeEvent(db, {
    title: "Temu Alumni yang sudah lewat",
    startsAt: new Date(NOW.getTime() - 20 * DAY - 6 * 3600_000),
    endsAt: new Date(NOW.getTime() - 20 * DAY),
    status: "completed",
  });
  for (const user of users) {
    await db.registration.create({
      data: { eventId: past.id, userId: user.id, status: "confirmed", fullName: "Siti", checkInToken: `tok-${user.id}`, feedbackInvitedAt: new Date(NOW.getTime() - 19 * DAY) },
    });
  }
  // a meetup that ended yesterday, whose one registration was cancelled: nobody to invite for feedback
  const yesterday = await makeEvent(db, {
    title: "Temu Alumni kemarin",
    startsAt: new Date(NOW.getTime() - DAY - 6 * 3600_000),
    endsAt: new Date(NOW.getTime() - DAY),
    status: "completed",
  });
  await db.registration.create({ data: { eventId: yesterday.id, userId: users[0]!.id, status: "cancelled", fullName: "Siti", checkInToken: "tok-kemarin" } });
  // a card of the past meetup, no longer followed
  await db.announcementChat.create({ data: { chatId: -1_001_234_567_890n, type: "channel", title: "Kanal Alumni Jambi", addedBy: BigInt(OWNER_ID) } });
  await db.announcementPost.create({ data: { chatId: -1_001_234_567_890n, messageId: 7, eventId: past.id, postedBy: BigInt(OWNER_ID), renderedHash: "abc" } });
  // the people's sessions, untouched for 40 days (kept: they are users), and one open conversation
  for (const user of users) {
    await db.session.create({ data: { key: String(user.telegramId), value: "{}", updatedAt: new Date(NOW.getTime() - 40 * DAY) } });
  }
  await db.session.create({ data: { key: `conv:${users[0]!.telegramId}`, value: "{}", updatedAt: new Date(NOW.getTime() - 3600_000) } });
  // the owner reads the weekly digest, and this week's went out already
  await db.counter.create({ data: { key: `${DIGEST_OPT_IN_PREFIX}${OWNER_ID}`, value: 1 } });
  await db.counter.create({ data: { key: DIGEST_LAST_WEEK_KEY, value: digestWeek(NOW) } });
  return { users, upcoming };
}

describeEachProvider("background work with nothing to do", () => {
  it("every job and the broadcast worker's rounds run without a single ORM query", async () => {
    let watch: ReturnType<typeof watchOrm> | undefined;
    h = await BotHarness.create({
      now: () => NOW,
      env: { ADMIN_IDS: String(OWNER_ID) },
      botDb: (db) => (watch = watchOrm(db)).db,
    });
    await settledDatabase(h.db);
    const orm = watch!;
    orm.used.length = 0;

    const names = h.app.scheduler.names();
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) await h.app.scheduler.runNow(name, NOW);
    expect(await recoverSending(orm.db, NOW.getTime())).toBe(0);
    expect(await recoverSending(orm.db, NOW.getTime(), { all: false, owner: "instance-a" })).toBe(0);
    expect(await recoverExpiredClaims(orm.db, NOW.getTime())).toBe(0);
    expect(await activeBroadcasts(orm.db, NOW.getTime())).toEqual([]);
    expect(await unreportedFinished(orm.db)).toEqual([]);
    expect(await runningBroadcasts(orm.db)).toEqual([]);

    expect(orm.used).toEqual([]);
    // and nothing was lost: the people's sessions and the open conversation stay
    expect(await h.db.session.count()).toBe(5);
  });

  it("work that is due still gets done (through the ORM where it needs it)", async () => {
    let watch: ReturnType<typeof watchOrm> | undefined;
    h = await BotHarness.create({ now: () => NOW, env: { ADMIN_IDS: String(OWNER_ID) }, botDb: (db) => (watch = watchOrm(db)).db });
    const { users, upcoming } = await settledDatabase(h.db);
    // a visitor who never came back, and an offer whose time ran out
    await h.db.session.create({ data: { key: "5550000001", value: "{}", updatedAt: new Date(NOW.getTime() - 31 * DAY) } });
    await h.db.registration.update({
      where: { eventId_userId: { eventId: upcoming.id, userId: users[3]!.id } },
      data: { status: "offered", offerExpiresAt: new Date(NOW.getTime() - 60_000) },
    });
    const orm = watch!;
    orm.used.length = 0;

    for (const name of h.app.scheduler.names()) await h.app.scheduler.runNow(name, NOW);

    expect(await h.db.session.findUnique({ where: { key: "5550000001" } })).toBeNull();
    expect(await h.db.registration.findUniqueOrThrow({ where: { eventId_userId: { eventId: upcoming.id, userId: users[3]!.id } } })).toMatchObject({ status: "expired" });
    expect(orm.used).toContain("$transaction");
    expect(await h.db.session.count()).toBe(5);
  });
});
