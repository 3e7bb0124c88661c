// Shared helpers for the events unit tests (not a test file itself).
import type { Db } from "../../src/db.js";
import type { Event } from "../../src/generated/prisma/client.js";

/** A fixed "now" well before the fixtures' events. */
export const NOW = new Date("2027-03-01T00:00:00Z");

let nextTelegramId = 700_000_000n;

export async function makeUser(db: Db, data: { role?: string | null; province?: string | null; language?: string } = {}) {
  nextTelegramId += 1n;
  return db.user.create({
    data: {
      telegramId: nextTelegramId,
      firstName: `Pengguna ${nextTelegramId}`,
      role: data.role === undefined ? "alumni" : data.role,
      province: data.province ?? null,
      language: data.language ?? "id",
      consentAt: NOW,
      consentVersion: "2026-11",
    },
  });
}

export async function makeUsers(db: Db, count: number, data: { role?: string | null } = {}) {
  const users = [];
  for (let i = 0; i < count; i++) users.push(await makeUser(db, data));
  return users;
}

/** A published meetup in Kota Jambi on Wednesday 10 March 2027, 09.00–15.00 WIB. */
export async function makeEvent(db: Db, data: Partial<Omit<Event, "id">> = {}): Promise<Event> {
  return db.event.create({
    data: {
      title: "Temu Alumni Prakerja Jambi",
      description: "Berbagi cerita sukses dan masukan.",
      province: "15",
      city: "Kota Jambi",
      venueName: "Hotel Swiss-Belhotel Jambi",
      address: "Jl. Sultan Agung No. 99",
      latitude: -1.6101,
      longitude: 103.6131,
      startsAt: new Date("2027-03-10T02:00:00Z"),
      endsAt: new Date("2027-03-10T08:00:00Z"),
      timeZone: "Asia/Jakarta",
      capacity: 100,
      status: "published",
      ...data,
    },
  });
}

export function details(name = "Siti Rahma") {
  return { fullName: name, city: "Kota Jambi", gelombang: 12, training: "Digital Marketing", phone: null };
}
