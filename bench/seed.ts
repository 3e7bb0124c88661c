// Benchmark databases: one migrated and base-seeded template (the real `prisma migrate deploy` and
// seedBaseContent, once per run), copied and filled directly through better-sqlite3 with N onboarded users
// (consent, role, province; a session row each, as after real use), published events in every province,
// and registrations. 100,000 users take about a second.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../src/db.js";
import { provinces, regenciesOf } from "../src/domain/areas.js";
import { seedBaseContent } from "../src/domain/seed.js";
import { CONSENT_VERSION } from "../src/domain/users.js";
import { applyMigrations } from "../src/migrate.js";

/** Telegram id of seeded user i is BASE_TELEGRAM_ID + i; the simulated users are the first ones. */
export const BASE_TELEGRAM_ID = 1_000_000_000;
export const EVENTS_PER_PROVINCE = 4;

export interface SeededEvent {
  id: number;
  province: string;
  /** a kabupaten/kota of the province, a valid answer to the RSVP city question */
  city: string;
}

export interface SeedInfo {
  file: string;
  url: string;
  users: number;
  registrations: number;
  events: SeededEvent[];
  seconds: number;
}

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** The province of seeded user i (users are spread over all provinces). */
export function provinceOfUser(i: number): string {
  return (provinces[i % provinces.length] as (typeof provinces)[number]).code;
}

/** A temp folder for the run's databases, and the migrated + base-seeded template in it. */
export async function createTemplate(): Promise<{ dir: string; template: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-bench-"));
  const template = path.join(dir, "template.db");
  await applyMigrations(`file:${template}`);
  const db = await openDatabase(`file:${template}`);
  try {
    await seedBaseContent(db);
    // fold the WAL into the main file so a plain copy has everything
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await db.$disconnect();
  }
  return { dir, template };
}

/** Copies the template to `<dir>/<name>.db` and fills it. */
export function seedDatabase(template: string, dir: string, name: string, options: { users: number; registrations: number; now?: number }): SeedInfo {
  const started = performance.now();
  const file = path.join(dir, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(template, file);
  const now = options.now ?? Date.now();
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const events: SeededEvent[] = [];
  try {
    const insertUser = sqlite.prepare(
      `INSERT INTO "User" ("telegramId", "firstName", "language", "role", "province", "consentAt", "consentVersion", "createdAt", "updatedAt")
       VALUES (?, ?, 'id', 'alumni', ?, ?, ?, ?, ?)`,
    );
    const insertSession = sqlite.prepare(`INSERT INTO "Session" ("key", "value", "updatedAt") VALUES (?, '{}', ?)`);
    const insertEvent = sqlite.prepare(
      `INSERT INTO "Event" ("title", "description", "province", "city", "venueName", "address", "latitude", "longitude", "startsAt", "endsAt",
        "timeZone", "capacity", "audience", "status", "maxCompanions", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'semua', ?, 0, ?, ?)`,
    );
    const insertRegistration = sqlite.prepare(
      `INSERT INTO "Registration" ("eventId", "userId", "status", "fullName", "city", "gelombang", "companions", "checkInToken", "createdAt", "updatedAt")
       VALUES (?, ?, 'confirmed', ?, ?, ?, 0, ?, ?, ?)`,
    );
    const userIds: number[] = [];
    sqlite.transaction(() => {
      const stamp = iso(now - 30 * 86_400_000);
      for (let i = 0; i < options.users; i++) {
        const telegramId = BASE_TELEGRAM_ID + i;
        const info = insertUser.run(telegramId, `Pengguna ${i}`, provinceOfUser(i), stamp, CONSENT_VERSION, stamp, stamp);
        userIds.push(Number(info.lastInsertRowid));
        insertSession.run(String(telegramId), stamp);
      }
      const day = 86_400_000;
      for (const province of provinces) {
        const city = regenciesOf(province.code)[0]?.name ?? province.name;
        for (let k = 0; k <= EVENTS_PER_PROVINCE; k++) {
          // k = 0 is a past, completed meetup; the others are upcoming and published
          const startsAt = k === 0 ? now - 20 * day : now + (5 + 6 * k) * day;
          const pin = k % 2 === 1;
          const info = insertEvent.run(
            `Temu Alumni ${province.name} #${k + 1}`,
            "Berbagi pengalaman setelah pelatihan Prakerja, sesi tanya jawab, dan jejaring antaralumni.",
            province.code,
            city,
            `Balai Latihan Kerja ${city}`,
            `Jl. Merdeka No. ${10 + k}, ${city}`,
            pin ? -6.2 + k / 100 : null,
            pin ? 106.8 + k / 100 : null,
            iso(startsAt),
            iso(startsAt + 3 * 3_600_000),
            province.timeZone,
            1000,
            k === 0 ? "completed" : "published",
            stamp,
            stamp,
          );
          if (k > 0) events.push({ id: Number(info.lastInsertRowid), province: province.code, city });
        }
      }
      // registrations belong to the last users (not the simulated ones at the front, when there are enough)
      const count = Math.min(options.registrations, options.users);
      for (let j = 0; j < count; j++) {
        const userIndex = options.users - 1 - j;
        const event = events[j % events.length] as SeededEvent;
        insertRegistration.run(event.id, userIds[userIndex], `Pengguna ${userIndex}`, event.city, 1 + (j % 60), randomBytes(16).toString("base64url"), stamp, stamp);
      }
    })();
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    sqlite.close();
  }
  return {
    file,
    url: `file:${file}`,
    users: options.users,
    registrations: Math.min(options.registrations, options.users),
    events,
    seconds: (performance.now() - started) / 1000,
  };
}
