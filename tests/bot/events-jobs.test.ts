import { GrammyError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/index.js";
import { AdminDirectory } from "../../src/domain/admins.js";
import { cancelRegistration, reserveSeat } from "../../src/domain/events/rsvp.js";
import { createLogger } from "../../src/logger.js";
import { BotHarness, TEST_BOT_INFO, type RecordedCall, type TestUserInfo } from "../support/bot-harness.js";
import { onboard } from "../support/privacy-fixtures.js";
import { buttons, sentTo, texts } from "./events-helpers.js";

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const START = new Date("2027-03-10T02:00:00Z");
const before = (hours: number) => new Date(START.getTime() - hours * 3600_000);
const users = [
  { id: 7301, first_name: "Ani" },
  { id: 7302, first_name: "Budi" },
  { id: 7303, first_name: "Citra" },
];

async function setup(capacity: number, clock: { now: Date }) {
  h = await BotHarness.create({ now: () => clock.now });
  for (const u of users) await onboard(h, u);
  const event = await h.db.event.create({
    data: {
      title: "Temu Alumni Prakerja Jambi",
      province: "15",
      city: "Kota Jambi",
      venueName: "Aula Dinas",
      address: "Jl. Sultan Agung No. 9",
      latitude: -1.61,
      longitude: 103.61,
      startsAt: START,
      endsAt: new Date(START.getTime() + 6 * 3600_000),
      timeZone: "Asia/Jakarta",
      capacity,
      status: "published",
    },
  });
  const regs = [];
  for (const u of users) {
    const user = await h.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(u.id) } });
    const r = await reserveSeat(h.db, { eventId: event.id, userId: user.id, fullName: u.first_name, city: "Kota Jambi", gelombang: 3, now: before(72) });
    if (!r.ok) throw new Error(r.reason);
    regs.push(r.registration);
  }
  return { event, regs, hh: h };
}

async function run(hh: BotHarness, job: string, now: Date): Promise<RecordedCall[]> {
  const from = hh.calls.length;
  await hh.app.scheduler.runNow(job, now);
  return hh.calls.slice(from);
}

const to = (calls: RecordedCall[], u: TestUserInfo) => texts(sentTo(calls, u.id));

describe("background jobs", () => {
  it("send the day and two-hour reminders once each, also from a restarted bot on the same database", async () => {
    const clock = { now: before(72) };
    const { hh, regs } = await setup(10, clock);
    expect(await run(hh, "events-reminders", before(25))).toEqual([]);

    const day = await run(hh, "events-reminders", before(23));
    expect(day).toHaveLength(3);
    expect(to(day, users[0]!)[0]).toContain("besok kita ketemu di <b>Temu Alumni Prakerja Jambi</b>");
    expect(to(day, users[0]!)[0]).toContain("Rabu, 10 Maret 2027 pukul 09.00–15.00 WIB");
    expect(buttons(sentTo(day, users[0]!.id)).map((b) => b.data)).toEqual([`evv:${regs[0]!.eventId}`, `rsv:ticket:${regs[0]!.id}`]);
    expect(await run(hh, "events-reminders", before(22))).toEqual([]);

    // "restart": a second bot built on the same database file, with fresh memory
    const config = hh.config;
    const restarted = createBot(
      { config, db: hh.db, logger: createLogger("silent"), admins: new AdminDirectory(hh.db, config.ADMIN_IDS), now: () => before(21) },
      { botInfo: TEST_BOT_INFO },
    );
    const calls: RecordedCall[] = [];
    restarted.bot.api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, unknown> });
      return { ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" } } } as never;
    });
    await restarted.scheduler.runNow("events-reminders", before(21));
    expect(calls).toEqual([]);
    await restarted.scheduler.runNow("events-reminders", before(1.5));
    expect(calls.map((c) => String(c.payload.text)).every((t) => t.includes("2 jam lagi"))).toBe(true);
    expect(calls).toHaveLength(3);
    await restarted.scheduler.runNow("events-reminders", before(1));
    expect(await run(hh, "events-reminders", before(0.5))).toEqual([]);
    expect(calls).toHaveLength(3);
  });

  it("mark a user who blocked the bot and do not retry them", async () => {
    const clock = { now: before(72) };
    const { hh } = await setup(10, clock);
    hh.app.bot.api.config.use(async (prev, method, payload) => {
      if (method === "sendMessage" && String((payload as { chat_id: unknown }).chat_id) === String(users[1]!.id)) {
        throw new GrammyError("Forbidden: bot was blocked by the user", { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }, method, payload);
      }
      return prev(method, payload);
    });
    const sent = await run(hh, "events-reminders", before(23));
    expect(sent.filter((c) => c.method === "sendMessage")).toHaveLength(2);
    expect((await hh.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(users[1]!.id) } })).blockedAt).toEqual(clock.now);
    expect(await run(hh, "events-reminders", before(22))).toEqual([]);
  });

  it("lapse an offer after 24 hours and pass the seat to the next person", async () => {
    const clock = { now: before(72) };
    const { hh, regs } = await setup(1, clock);
    const [a, b, c] = regs;
    await cancelRegistration(hh.db, { registrationId: a!.id, userId: a!.userId, now: before(72) });
    expect((await hh.db.registration.findUniqueOrThrow({ where: { id: b!.id } })).status).toBe("offered");
    expect(await run(hh, "events-offer-expiry", before(49))).toEqual([]);

    const lapse = await run(hh, "events-offer-expiry", before(48));
    expect(to(lapse, users[1]!)[0]).toContain("Waktu untuk mengambil kursi di <b>Temu Alumni Prakerja Jambi</b> sudah habis");
    expect(to(lapse, users[2]!)[0]).toContain("Ada kursi kosong");
    expect(buttons(sentTo(lapse, users[2]!.id)).map((x) => x.data)).toEqual([`ofr:accept:${c!.id}`, `ofr:decline:${c!.id}`]);
    expect(await run(hh, "events-offer-expiry", before(47))).toEqual([]);

    // Citra accepts through the button within her 24 hours
    clock.now = before(30);
    const accepted = await hh.click(users[2]!, `ofr:accept:${c!.id}`);
    expect(texts(accepted)[0]).toContain("sudah terkonfirmasi");
    expect((await hh.db.registration.findMany({ orderBy: { id: "asc" } })).map((r) => r.status)).toEqual(["cancelled", "expired", "confirmed"]);
  });
});
