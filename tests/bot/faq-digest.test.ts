import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimDigestWeek, digestWeek } from "../../src/domain/faq/digest.js";
import { seedBaseContent } from "../../src/domain/seed.js";
import { FAQ_DIGEST_JOB } from "../../src/bot/features/faq/digest.js";
import { BotHarness } from "../support/bot-harness.js";

let h: BotHarness;
const owner = { id: 900001, first_name: "Owner" };
const ani = { id: 7401, first_name: "Ani" };

beforeEach(async () => {
  h = await BotHarness.create();
  await seedBaseContent(h.db);
});
afterEach(async () => {
  await h.close();
});

const digestsTo = (from: number, id: number) =>
  h.calls.slice(from).filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(id) && String(c.payload.text).includes("Ringkasan mingguan FAQ"));

describe("weekly FAQ digest", () => {
  it("goes once a week to the owners who opted in, with the top unanswered questions and the most 👎", async () => {
    const monday = new Date("2026-12-07T03:00:00Z");
    // nobody opted in: nothing is sent and the week is not claimed
    let mark = h.calls.length;
    await h.app.scheduler.runNow(FAQ_DIGEST_JOB, monday);
    expect(digestsTo(mark, owner.id)).toHaveLength(0);

    expect(BotHarness.texts(await h.send(owner, "/faq_ringkasan")).at(-1)).toContain("aktif");
    await h.send(ani, "asdkjh qwpoeiru zzxm");
    await h.send(ani, "asdkjh qwpoeiru zzxm");
    await h.send(ani, "mnbv lkjh poiu");
    const answer = await h.send(ani, "kapan insentif cair");
    // the 👎 arrives on the answer message, which replies to the question typed (as Telegram includes it)
    const chat = { id: ani.id, type: "private" as const, first_name: ani.first_name };
    const asked = { message_id: 776, date: 0, chat, from: { id: ani.id, is_bot: false, first_name: ani.first_name }, text: "kapan insentif cair" };
    await h.handle({
      callback_query: {
        id: "digest-vote",
        chat_instance: "test",
        from: asked.from,
        message: { message_id: 777, date: 0, chat, from: { id: 1, is_bot: true, first_name: "Bot" }, text: "…", reply_to_message: asked },
        data: BotHarness.buttons(answer)[1]?.data ?? "",
      },
    } as never);

    mark = h.calls.length;
    await h.app.scheduler.runNow(FAQ_DIGEST_JOB, monday);
    const [digest] = digestsTo(mark, owner.id);
    const text = String(digest?.payload.text);
    expect(text).toContain("2× asdkjh qwpoeiru zzxm");
    expect(text).toContain("1× mnbv lkjh poiu");
    expect(text).toContain("Kapan insentif Prakerja masuk ke rekening? (👎 1, 👍 0)");
    expect(text).toMatch(/1× kapan insentif cair → #\d+/);
    expect(digestsTo(mark, ani.id)).toHaveLength(0);

    // the same week again (a restart, another instance): not sent twice
    mark = h.calls.length;
    await h.app.scheduler.runNow(FAQ_DIGEST_JOB, new Date("2026-12-10T10:00:00Z"));
    expect(digestsTo(mark, owner.id)).toHaveLength(0);
    // the next week: sent again
    await h.app.scheduler.runNow(FAQ_DIGEST_JOB, new Date("2026-12-14T03:00:00Z"));
    expect(digestsTo(mark, owner.id)).toHaveLength(1);

    // opted out: nothing more
    expect(BotHarness.texts(await h.send(owner, "/faq_ringkasan")).at(-1)).toContain("dimatikan");
    mark = h.calls.length;
    await h.app.scheduler.runNow(FAQ_DIGEST_JOB, new Date("2026-12-21T03:00:00Z"));
    expect(digestsTo(mark, owner.id)).toHaveLength(0);
  });

  it("is unknown to non-admins", async () => {
    expect(BotHarness.texts(await h.send(ani, "/faq_ringkasan")).at(-1)).toContain("tidak mengenal perintah itu");
    expect(await h.db.counter.count({ where: { key: { startsWith: "faq_digest" } } })).toBe(0);
  });

  it("claims each week exactly once, even when several instances ask at the same time", async () => {
    const week = digestWeek(new Date("2026-12-07T03:00:00Z"));
    expect(week).toBe(202650);
    // Sunday 23:30 WIB is still the previous ISO week
    expect(digestWeek(new Date("2026-12-06T16:30:00Z"))).toBe(202649);
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimDigestWeek(h.db, week)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimDigestWeek(h.db, week)).toBe(false);
    expect(await claimDigestWeek(h.db, week + 1)).toBe(true);
  });
});
