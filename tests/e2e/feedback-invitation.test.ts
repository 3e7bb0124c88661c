// The feedback invitation end to end: the real bot process with its background jobs every second, the
// Telegram emulator, a fresh SQLite file. An invitation goes out once the event has ended, only to people
// who checked in, and never again — not even after the process is killed with SIGKILL and restarted.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { onboardAlumnus, useRealBot } from "../support/real-bot.js";
import { TestUser } from "../support/user.js";

const HOUR = 3600_000;
const INVITATION = "Terima kasih sudah ikut";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const realBot = useRealBot({ env: { JOBS_INTERVAL_SECONDS: "1" }, readyTimeoutMs: 90_000 });

const invitations = (user: TestUser) => user.messages().filter((m) => (m.text ?? "").includes(INVITATION));

describe("feedback invitation through the real process", () => {
  it("is sent exactly once to each checked-in participant, across a SIGKILL restart", { timeout: 240_000 }, async () => {
    const { emu, startBot, openDb } = await realBot();
    let bot = startBot();
    await bot.ready();
    const options = { process: bot, timeoutMs: 15_000 };
    const ani = new TestUser(emu, { first_name: "Ani" }, options);
    const budi = new TestUser(emu, { first_name: "Budi" }, options);
    await onboardAlumnus(ani);
    await onboardAlumnus(budi);

    const db = await openDb();
    const now = Date.now();
    const makeEvent = (title: string, endsAt: number) =>
      db.event.create({
        data: { title, province: "15", city: "Kota Jambi", venueName: "Aula", address: "Jl. Sultan Agung 9", startsAt: new Date(endsAt - 4 * HOUR), endsAt: new Date(endsAt), timeZone: "Asia/Jakarta", status: "published" },
      });
    const register = async (eventId: number, user: TestUser, checkedIn: boolean) => {
      const row = await db.user.findUniqueOrThrow({ where: { telegramId: BigInt(user.id) } });
      return db.registration.create({
        data: { eventId, userId: row.id, status: "confirmed", checkInToken: randomUUID(), checkedInAt: checkedIn ? new Date(now - HOUR) : null },
      });
    };

    // an event still running: nothing yet
    const jambi = await makeEvent("Temu Alumni Prakerja Jambi", now + HOUR);
    await register(jambi.id, ani, true);
    await register(jambi.id, budi, false); // registered, did not come
    await sleep(2500);
    expect(invitations(ani)).toHaveLength(0);

    // it ends: Ani (checked in) is invited, Budi (absent) is not
    ani.mark();
    await db.event.update({ where: { id: jambi.id }, data: { endsAt: new Date(Date.now() - 60_000) } });
    const invitation = await ani.reply(INVITATION);
    expect(invitation.text).toContain("Temu Alumni Prakerja Jambi");
    expect(ani.keyboardLabels()).toEqual(["📝 Isi masukan"]);

    // SIGKILL and restart: the jobs run again every second, but nobody is invited twice
    bot.kill("SIGKILL");
    await bot.exited;
    // while the bot is down, another event ends (nobody checked in there: every confirmed person is invited)
    const banjarbaru = await makeEvent("Temu Alumni Prakerja Banjarbaru", Date.now() - 60_000);
    await register(banjarbaru.id, budi, false);
    bot = startBot();
    await bot.ready();
    await budi.reply("Temu Alumni Prakerja Banjarbaru");
    await sleep(4000);
    expect(invitations(ani)).toHaveLength(1);
    expect(invitations(budi)).toHaveLength(1);
    expect(invitations(budi)[0]?.text).toContain("Banjarbaru");
    expect(await db.registration.count({ where: { feedbackInvitedAt: { not: null } } })).toBe(2);

    // the invitation's button still opens the survey for that event in the new process
    const restartedAni = new TestUser(emu, ani.user, { process: bot, timeoutMs: 15_000 });
    await restartedAni.click("📝 Isi masukan", { messageId: invitation.message_id });
    await restartedAni.reply("Masukan: Temu Alumni Prakerja Jambi");
    await restartedAni.reply("berapa nilaimu?");
  });
});
