// Data and steps shared by the cluster end-to-end tests: a published Temu Alumni event, consenting alumni
// seeded straight into PostgreSQL, and the RSVP conversation as a user goes through it.
import type { Db } from "../../src/db.js";
import { CONSENT_VERSION } from "../../src/domain/users.js";
import { seedUsers } from "./broadcast-fixtures.js";
import type { TestUser } from "./user.js";

const HOUR = 3600_000;

/** A published event in Jambi with `capacity` seats, starting in `startsInHours`. */
export async function createEvent(db: Db, capacity: number, startsInHours = 72): Promise<{ id: number; title: string }> {
  const startsAt = new Date(Date.now() + startsInHours * HOUR);
  return db.event.create({
    data: {
      title: "Temu Alumni Prakerja Jambi",
      province: "15",
      city: "Kota Jambi",
      venueName: "Aula Dinas Tenaga Kerja",
      address: "Jl. Sultan Agung No. 9",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 6 * HOUR),
      timeZone: "Asia/Jakarta",
      capacity,
      status: "published",
    },
    select: { id: true, title: true },
  });
}

/** `n` alumni of Jambi who consented, with ids from `base`. */
export async function seedAlumni(db: Db, n: number, base: number): Promise<number[]> {
  const ids = Array.from({ length: n }, (_, i) => base + i);
  await seedUsers(
    db,
    ids.map((id) => ({ telegramId: BigInt(id), role: "alumni", province: "15" })),
  );
  // consent to the current privacy notice, so the RSVP does not ask for it
  await db.user.updateMany({ where: { telegramId: { gte: BigInt(base), lt: BigInt(base + n) } }, data: { consentVersion: CONSENT_VERSION } });
  return ids;
}

/** The RSVP conversation's steps, each a message the user sends and the answer they wait for. */
export const RSVP_STEPS: { act: (u: TestUser) => Promise<unknown>; expect: RegExp }[] = [
  { act: (u) => u.click("📝 Daftar"), expect: /nama lengkapmu/ },
  { act: (u) => u.send(`Peserta ${u.id}`), expect: /kabupaten\/kota mana/ },
  { act: (u) => u.send("kota jambi"), expect: /gelombang berapa/ },
  { act: (u) => u.send("12"), expect: /Pelatihan apa/ },
  { act: (u) => u.send("Lewati"), expect: /nomor HP/ },
  { act: (u) => u.send("Lewati"), expect: /terkonfirmasi|daftar tunggu/ },
];

/** Opens the event from its t.me link and waits for its details (with the Daftar button). */
export async function openEvent(u: TestUser, eventId: number): Promise<void> {
  await u.send(`/start acara_${eventId}`);
  await u.reply(/Temu Alumni Prakerja Jambi/);
}
