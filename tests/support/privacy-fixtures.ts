// A person with a bit of everything in the database — onboarded through the bot, registered for an event,
// feedback with a story, a broadcast delivery, conversation state, an admin role — for the privacy tests.
import { createBroadcast } from "../../src/domain/broadcast/queue.js";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import { BotHarness, type TestUserInfo } from "./bot-harness.js";

/** The harness clock for these tests: a few days before the fixture event. */
export const PRIVACY_NOW = new Date("2027-03-01T03:00:00Z");

export const OWNER = { id: 900001, first_name: "Pemilik" };

export async function onboard(h: BotHarness, user: TestUserInfo, province = "15"): Promise<void> {
  await h.send(user, "/start");
  await h.click(user, "consent:yes");
  await h.click(user, "role:alumni");
  await h.click(user, `prov:${province}`);
}

export async function publishedEvent(h: BotHarness, data: { title?: string; capacity?: number; createdBy?: bigint | null } = {}) {
  return h.db.event.create({
    data: {
      title: data.title ?? "Temu Alumni Prakerja Jambi",
      province: "15",
      city: "Kota Jambi",
      venueName: "Aula Dinas",
      address: "Jl. Sultan Agung 9",
      startsAt: new Date("2027-03-10T02:00:00Z"),
      endsAt: new Date("2027-03-10T08:00:00Z"),
      timeZone: "Asia/Jakarta",
      capacity: data.capacity ?? 1,
      maxCompanions: 2,
      status: "published",
      createdBy: data.createdBy ?? null,
    },
  });
}

export interface Footprint {
  userId: number;
  eventId: number;
  registrationId: number;
  feedbackId: number;
  broadcastId: number;
}

/**
 * Gives `person` (already onboarded) a registration with name and phone, feedback with a story, a delivered
 * broadcast, stored conversation state, an Admin row (added by the owner), an admin they added, an event
 * they created and a broadcast whose progress goes to their chat.
 */
export async function leaveFootprint(h: BotHarness, person: TestUserInfo & { fullName: string; phone: string; story: string }): Promise<Footprint> {
  const db = h.db;
  const user = await db.user.findUniqueOrThrow({ where: { telegramId: BigInt(person.id) } });
  const event = await publishedEvent(h, { title: "Temu Alumni Jambi Maret", capacity: 1 });
  const reserved = await reserveSeat(db, {
    eventId: event.id,
    userId: user.id,
    fullName: person.fullName,
    city: "Kota Jambi",
    gelombang: 12,
    training: "Pemasaran Digital untuk UMKM",
    phone: person.phone,
    companions: 0,
    now: PRIVACY_NOW,
  });
  if (!reserved.ok) throw new Error(`reserve failed: ${reserved.reason}`);
  // the row as the survey stores it (src/domain/feedback/survey.ts saveFeedback)
  const feedback = await db.feedback.create({
    data: {
      userId: user.id,
      eventId: event.id,
      scope: `event:${event.id}`,
      storyStatus: "pending",
      rating: 5,
      mostUseful: "lainnya",
      mostUsefulOther: "Bertemu mentor usaha",
      suggestion: "Adakan lagi di Muaro Jambi",
      statusBefore: "menganggur",
      outcome: "usaha",
      outcomeField: "Kuliner keripik",
      story: person.story,
      storyConsent: "named",
    },
  });
  const broadcast = await createBroadcast(db, { createdBy: OWNER.id, text: "Pengumuman Temu Alumni", audience: { kind: "all" }, progressChatId: person.id, now: PRIVACY_NOW });
  await db.broadcastRecipient.updateMany({ where: { broadcastId: broadcast.id, telegramId: BigInt(person.id) }, data: { status: "sent", sentAt: PRIVACY_NOW, messageId: 4242 } });
  // the owner makes the person an admin through the bot; the person adds another admin and creates an event
  await h.send(OWNER, `/admin_tambah ${person.id}`);
  await db.admin.create({ data: { telegramId: 31337n, addedBy: BigInt(person.id) } });
  await publishedEvent(h, { title: "Acara buatan admin", capacity: 10, createdBy: BigInt(person.id) });
  // conversation state as the conversations plugin stores it (an older data version, so it is left alone)
  await db.session.upsert({
    where: { key: `conv:${person.id}` },
    create: { key: `conv:${person.id}`, value: JSON.stringify({ version: [1, 0], state: { survey: [{ args: `${person.fullName}` }] } }) },
    update: {},
  });
  return { userId: user.id, eventId: event.id, registrationId: reserved.registration.id, feedbackId: feedback.id, broadcastId: broadcast.id };
}

/** The JSON document /dataku sent, parsed. */
export function documentOf(calls: { method: string; payload: Record<string, unknown> }[]): Record<string, unknown> {
  const call = calls.find((c) => c.method === "sendDocument");
  if (!call) throw new Error("no document was sent");
  const file = call.payload.document as { fileData?: unknown; filename?: string };
  if (!(file.fileData instanceof Uint8Array)) throw new Error("document is not an in-memory file");
  return JSON.parse(Buffer.from(file.fileData).toString("utf8")) as Record<string, unknown>;
}
