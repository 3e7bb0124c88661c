// Child process for the concurrency test: its own Prisma client on the shared database file, waits for
// "go" on stdin so every process fires at the same moment, then reserves seats for its users all at once.
// Usage: node --import tsx tests/domain/events-reserve-worker.ts <databaseUrl> <eventId> <userId,userId,...>
import readline from "node:readline";
import { openDatabase } from "../../src/db.js";
import { reserveSeat } from "../../src/domain/events/rsvp.js";

const [url, eventIdText, userIdsText] = process.argv.slice(2);
const db = await openDatabase(url);
const eventId = Number(eventIdText);
const userIds = (userIdsText ?? "").split(",").map(Number);
const now = new Date("2027-03-01T00:00:00Z");

process.stdout.write("ready\n");
const rl = readline.createInterface({ input: process.stdin });
await new Promise<void>((resolve) => rl.once("line", () => resolve()));
rl.close();

const startedAt = Date.now();
const results = await Promise.all(
  userIds.map((userId) =>
    reserveSeat(db, { eventId, userId, fullName: `Peserta ${userId}`, city: "Kota Jambi", gelombang: 10, now }).then(
      (r) => (r.ok ? r.status : r.reason),
      (e: unknown) => `error: ${e instanceof Error ? e.message : String(e)}`,
    ),
  ),
);
const finishedAt = Date.now();
await db.$disconnect();
process.stdout.write(`${JSON.stringify({ startedAt, finishedAt, results })}\n`);
