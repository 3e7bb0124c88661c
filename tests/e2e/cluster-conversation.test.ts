// One person's conversation through three real instances behind the round-robin proxy: onboarding, then
// the RSVP conversation. Each step is a separate webhook request, so consecutive steps land on different
// instances; the conversation state lives in the shared PostgreSQL database and the person sees exactly what
// one instance would have shown.
import { expect, it } from "vitest";
import { describeCluster } from "../support/cluster.js";
import { RSVP_STEPS, createEvent, openEvent } from "../support/cluster-fixtures.js";
import { onboardAlumnus } from "../support/real-bot.js";
import { TestUser } from "../support/user.js";

describeCluster("one conversation across instances", {}, (cluster) => {
  it("onboarding and the RSVP, step by step on different instances, complete as on one", { timeout: 180_000 }, async () => {
    const c = cluster();
    const event = await createEvent(c.db, 10);
    const siti = new TestUser(c.emu, { first_name: "Siti", last_name: "Rahma" }, { timeoutMs: 30_000, process: c });
    const updateIds: number[] = [];
    const before = c.proxy.records.length;

    await onboardAlumnus(siti);
    await openEvent(siti, event.id);
    for (const step of RSVP_STEPS) {
      await step.act(siti);
      await siti.reply(step.expect);
    }
    const done = siti.messages().at(-1);
    expect(siti.messages().some((m) => /sudah terkonfirmasi/.test(m.text ?? ""))).toBe(true);
    expect(done).toBeDefined();

    // which instance handled each of her updates, in order
    for (const r of c.proxy.records.slice(before)) if (r.updateId !== undefined && r.status === 200) updateIds.push(r.target);
    console.log(`cluster conversation: ${updateIds.length} updates handled by instances ${updateIds.join(",")}`);
    expect(new Set(updateIds).size).toBe(3);
    const switches = updateIds.filter((t, i) => i > 0 && t !== updateIds[i - 1]).length;
    expect(switches).toBeGreaterThanOrEqual(updateIds.length / 2);

    const user = await c.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(siti.id) } });
    expect(user).toMatchObject({ role: "alumni", province: "15" });
    const registration = await c.db.registration.findFirstOrThrow({ where: { eventId: event.id, userId: user.id } });
    expect(registration).toMatchObject({ status: "confirmed", fullName: `Peserta ${siti.id}`, city: "Kota Jambi", gelombang: 12 });
    // nothing was asked twice or skipped: each prompt exactly once
    for (const step of RSVP_STEPS.slice(0, -1)) expect(siti.messages().filter((m) => step.expect.test(m.text ?? "")).length).toBe(1);
  });
});
