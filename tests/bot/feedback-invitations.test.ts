import { GrammyError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/index.js";
import { FEEDBACK_INVITATION_JOB } from "../../src/bot/features/feedback/index.js";
import { AdminDirectory } from "../../src/domain/admins.js";
import { createLogger } from "../../src/logger.js";
import { BotHarness, TEST_BOT_INFO, type RecordedCall } from "../support/bot-harness.js";
import { FEEDBACK_NOW, endedEvent, participant, press, texts } from "../support/feedback-bot.js";

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ani = { id: 7601, first_name: "Ani" };
const budi = { id: 7602, first_name: "Budi" };
const citra = { id: 7603, first_name: "Citra" };
const later = (minutes: number) => new Date(FEEDBACK_NOW.getTime() + minutes * 60_000);

async function run(hh: BotHarness, now: Date): Promise<RecordedCall[]> {
  const from = hh.calls.length;
  await hh.app.scheduler.runNow(FEEDBACK_INVITATION_JOB, now);
  return hh.calls.slice(from);
}

const sentTo = (calls: RecordedCall[], id: number) => calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(id));

describe("feedback invitations", () => {
  it("invite everyone who checked in exactly once, also from a restarted bot, and open the survey for that event", async () => {
    h = await BotHarness.create({ now: () => FEEDBACK_NOW });
    const event = await endedEvent(h);
    await participant(h, ani, event.id, { checkedIn: true });
    await participant(h, budi, event.id, { checkedIn: true });
    await participant(h, citra, event.id); // confirmed, did not come

    const first = await run(h, FEEDBACK_NOW);
    expect(first.filter((c) => c.method === "sendMessage")).toHaveLength(2);
    const toAni = sentTo(first, ani.id);
    expect(texts(toAni)).toContain("Terima kasih sudah ikut <b>Temu Alumni Prakerja Jambi</b>!");
    expect(BotHarness.buttons(toAni)).toEqual([{ text: "📝 Isi masukan", data: `fbo:e:${event.id}`, url: undefined }]);
    expect(sentTo(first, citra.id)).toEqual([]);
    expect(await run(h, later(1))).toEqual([]);

    // "restart": a second bot with fresh memory on the same database
    const config = h.config;
    const restarted = createBot(
      { config, db: h.db, logger: createLogger("silent"), admins: new AdminDirectory(h.db, config.ADMIN_IDS), now: () => later(2) },
      { botInfo: TEST_BOT_INFO },
    );
    const calls: RecordedCall[] = [];
    restarted.bot.api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, unknown> });
      return { ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" } } } as never;
    });
    await restarted.scheduler.runNow(FEEDBACK_INVITATION_JOB, later(2));
    await restarted.scheduler.runNow(FEEDBACK_INVITATION_JOB, later(60));
    expect(calls).toEqual([]);
    expect(await h.db.registration.count({ where: { feedbackInvitedAt: { not: null } } })).toBe(2);

    // the invitation's button opens the survey for that event
    const opened = await press(h, ani, toAni, "📝 Isi masukan");
    expect(texts(opened)).toContain("Masukan: Temu Alumni Prakerja Jambi");
    expect(texts(opened)).toContain("berapa nilaimu?");
  });

  it("invite every confirmed participant when nobody checked in, in each person's language", async () => {
    h = await BotHarness.create({ now: () => FEEDBACK_NOW });
    const event = await endedEvent(h);
    await participant(h, ani, event.id);
    await participant(h, budi, event.id);
    await h.send(budi, "/bahasa");
    await h.click(budi, "lang:en");
    const sent = await run(h, FEEDBACK_NOW);
    expect(texts(sentTo(sent, ani.id))).toContain("Boleh minta waktu sekitar 3 menit");
    expect(texts(sentTo(sent, budi.id))).toContain("Could you spare about 3 minutes");
  });

  it("wait until the event has ended, and mark a user who blocked the bot without retrying", async () => {
    h = await BotHarness.create({ now: () => FEEDBACK_NOW });
    const event = await endedEvent(h);
    await participant(h, ani, event.id, { checkedIn: true });
    await participant(h, budi, event.id, { checkedIn: true });
    expect(await run(h, new Date("2027-06-19T07:59:00Z"))).toEqual([]);

    h.app.bot.api.config.use(async (prev, method, payload) => {
      if (method === "sendMessage" && String((payload as { chat_id: unknown }).chat_id) === String(budi.id)) {
        throw new GrammyError("Forbidden: bot was blocked by the user", { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }, method, payload);
      }
      return prev(method, payload);
    });
    const sent = await run(h, FEEDBACK_NOW);
    // (the refused call never reaches the recorder underneath)
    expect(sent.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.chat_id))).toEqual([String(ani.id)]);
    expect((await h.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(budi.id) } })).blockedAt).toEqual(FEEDBACK_NOW);
    expect(await run(h, later(5))).toEqual([]);
  });
});
