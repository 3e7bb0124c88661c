import { spawn } from "node:child_process";
import { afterEach, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db.js";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/db.js";
import { NOW, makeEvent, makeUsers } from "./events-fixtures.js";

let t: TestDatabase | undefined;
const extra: Db[] = [];
afterEach(async () => {
  for (const db of extra.splice(0)) await db.$disconnect();
  await t?.close();
  t = undefined;
});

/** The invariant: exactly 100 confirmed, 200 waiting with positions exactly 1..200, nothing else. */
async function expectExactlyHundredSeated(db: Db, eventId: number) {
  const rows = await db.registration.findMany({ where: { eventId } });
  expect(rows).toHaveLength(300);
  const confirmed = rows.filter((r) => r.status === "confirmed");
  const waiting = rows.filter((r) => r.status === "waitlisted");
  expect(confirmed).toHaveLength(100);
  expect(waiting).toHaveLength(200);
  expect(confirmed.every((r) => r.waitlistPosition === null)).toBe(true);
  const positions = waiting.map((r) => r.waitlistPosition).sort((a, b) => (a ?? 0) - (b ?? 0));
  expect(positions).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  expect(new Set(rows.map((r) => r.checkInToken)).size).toBe(300);
  // first come, first served: nobody waiting registered before the last confirmed person
  const lastConfirmed = Math.max(...confirmed.map((r) => r.id));
  expect(waiting.every((r) => r.id > lastConfirmed)).toBe(true);
}

const request = (eventId: number, userId: number) => ({
  eventId,
  userId,
  fullName: `Peserta ${userId}`,
  city: "Kota Jambi",
  gelombang: 10,
  now: NOW,
});

describeEachProvider("300 people registering at once for 100 seats", (provider) => {
  it("through one client (Promise.all): exactly 100 confirmed, 200 waitlisted at positions 1–200", async () => {
    t = await createTestDatabase(provider);
    const event = await makeEvent(t.db, { capacity: 100 });
    const users = await makeUsers(t.db, 300);
    const started = Date.now();
    const results = await Promise.all(users.map((u) => reserveSeat(t!.db, request(event.id, u.id))));
    console.log("single client, 300 reservations ms:", Date.now() - started);
    expect(results.filter((r) => r.ok && r.status === "confirmed")).toHaveLength(100);
    const waitPositions = results.flatMap((r) => (r.ok && r.status === "waitlisted" ? [r.position] : []));
    expect(new Set(waitPositions).size).toBe(200);
    expect(Math.min(...waitPositions)).toBe(1);
    expect(Math.max(...waitPositions)).toBe(200);
    await expectExactlyHundredSeated(t.db, event.id);
  });

  it("through three Prisma clients on the same file in one process", async () => {
    t = await createTestDatabase(provider);
    const event = await makeEvent(t.db, { capacity: 100 });
    const users = await makeUsers(t.db, 300);
    const clients = [t.db, await openDatabase(t.url), await openDatabase(t.url)];
    extra.push(clients[1]!, clients[2]!);
    const results = await Promise.all(users.map((u, i) => reserveSeat(clients[i % 3]!, request(event.id, u.id))));
    expect(results.every((r) => r.ok)).toBe(true);
    await expectExactlyHundredSeated(t.db, event.id);
  });

  it("from three separate processes firing together (real lock contention between processes)", async () => {
    t = await createTestDatabase(provider);
    const event = await makeEvent(t.db, { capacity: 100 });
    const users = await makeUsers(t.db, 300);
    const groups = [0, 1, 2].map((g) => users.filter((_, i) => i % 3 === g).map((u) => u.id));
    const children = groups.map((ids) =>
      spawn(process.execPath, ["--import", "tsx", "tests/domain/events-reserve-worker.ts", t!.url, String(event.id), ids.join(",")], {
        stdio: ["pipe", "pipe", "inherit"],
      }),
    );
    const outputs = children.map(
      (child) =>
        new Promise<string>((resolve, reject) => {
          let out = "";
          child.stdout.on("data", (chunk: Buffer) => {
            out += chunk.toString();
          });
          child.on("error", reject);
          child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`worker exited with ${code}`))));
        }),
    );
    // wait until every worker has connected, then release them together
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            const onData = (chunk: Buffer) => {
              if (chunk.toString().includes("ready")) {
                child.stdout.off("data", onData);
                resolve();
              }
            };
            child.stdout.on("data", onData);
          }),
      ),
    );
    for (const child of children) child.stdin.write("go\n");
    const reports = (await Promise.all(outputs)).map(
      (out) => JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as { startedAt: number; finishedAt: number; results: string[] },
    );
    const all = reports.flatMap((r) => r.results);
    expect(all.filter((r) => r.startsWith("error"))).toEqual([]);
    expect(all.filter((r) => r === "confirmed")).toHaveLength(100);
    expect(all.filter((r) => r === "waitlisted")).toHaveLength(200);
    // the processes really ran at the same time
    const latestStart = Math.max(...reports.map((r) => r.startedAt));
    const earliestEnd = Math.min(...reports.map((r) => r.finishedAt));
    expect(latestStart).toBeLessThan(earliestEnd);
    await expectExactlyHundredSeated(t.db, event.id);
  }, 60_000);
});
