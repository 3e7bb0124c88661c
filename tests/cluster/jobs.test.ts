// Jobs in a cluster, on both databases: two instances (separate clients) running the same job at the same
// moment, several times over, still do each due item once — the claims are in the database.
import { afterEach, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db.js";
import { sendDueReminders, type DueReminder } from "../../src/domain/events/reminders.js";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import { claimDueInvitations } from "../../src/domain/feedback/invitations.js";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/db.js";
import { NOW, details, makeEvent, makeUsers } from "../domain/events-fixtures.js";

let t: TestDatabase | undefined;
const extra: Db[] = [];
afterEach(async () => {
  await Promise.all(extra.splice(0).map((db) => db.$disconnect()));
  await t?.close();
  t = undefined;
});

/**
 * The second instance's client. On SQLite the cluster is one instance (better-sqlite3 is synchronous: two
 * clients in one process would block each other's lock waits), so two concurrent passes share the client.
 */
async function instanceClient(test: TestDatabase): Promise<Db> {
  if (test.provider === "sqlite") return test.db;
  const db = await openDatabase(test.url);
  extra.push(db);
  return db;
}

const START = new Date("2027-03-10T02:00:00Z");
const before = (hours: number) => new Date(START.getTime() - hours * 3600_000);

describeEachProvider("jobs with two schedulers", (provider) => {
  it("reminders: every due reminder is sent once although two instances run the job at the same time", async () => {
    t = await createTestDatabase(provider);
    const other = await instanceClient(t);
    const event = await makeEvent(t.db, { capacity: 100 });
    const users = await makeUsers(t.db, 40);
    for (const u of users) await reserveSeat(t.db, { eventId: event.id, userId: u.id, ...details(), now: NOW });
    const sent: string[] = [];
    const send = async (r: DueReminder) => {
      sent.push(`${r.kind}:${r.userId}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return "sent" as const;
    };
    for (const at of [before(23), before(22.5), before(1.5), before(1)]) {
      await Promise.all([sendDueReminders(t.db, at, send), sendDueReminders(other, at, send)]);
    }
    expect(sent).toHaveLength(80);
    expect(new Set(sent).size).toBe(80);
  });

  it("feedback invitations: each participant is claimed by one instance only", async () => {
    t = await createTestDatabase(provider);
    const other = await instanceClient(t);
    const event = await makeEvent(t.db, { capacity: 100 });
    const users = await makeUsers(t.db, 40);
    for (const u of users) await reserveSeat(t.db, { eventId: event.id, userId: u.id, ...details(), now: NOW });
    const after = new Date(event.endsAt.getTime() + 3600_000);
    const claimed = (await Promise.all([claimDueInvitations(t.db, after, { limit: 25 }), claimDueInvitations(other, after, { limit: 25 }), claimDueInvitations(t.db, after), claimDueInvitations(other, after)])).flat();
    const ids = claimed.map((c) => c.registrationId);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });
});
