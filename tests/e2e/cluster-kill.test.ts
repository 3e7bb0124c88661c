// kill -9 of one of three instances in the middle of 2,000 updates from 500 people. Each update is /bantuan,
// which the bot answers with exactly one message, so every chat must end with exactly 4 answers.
// - Nothing lost: every update is answered (an update whose request died with the instance is redelivered
//   by Telegram — here the emulator — and the proxy sends it to a live instance; an update that instance had
//   already acknowledged must be in the shared inbox for another instance to handle).
// - Nothing twice, with one stated exception: an update the killed instance was PROCESSING at the kill
//   (claimed from the shared inbox, not finished) may have been answered before the process died and is
//   answered again by the instance that takes the claim over. A request that was only being received is
//   redelivered and recognised by its update_id. The instance is frozen (SIGSTOP) a moment before the
//   SIGKILL so its claims can be counted, hence the bound:
//       duplicate answers ≤ inbox rows in "processing" claimed by the killed instance at the kill
//   (at most the inbox processor's concurrency, 100).
import { expect, it } from "vitest";
import { describeCluster, waitUntil } from "../support/cluster.js";
import { seedAlumni } from "../support/cluster-fixtures.js";

const USERS = 500;
const PER_USER = 4;
const BASE = 730_000_000;

describeCluster("kill -9 during 2,000 updates", {}, (cluster) => {
  it("every update answered once; repeats only among those in flight at the kill", { timeout: 400_000 }, async () => {
    const c = cluster();
    const { emu } = c;
    const ids = await seedAlumni(c.db, USERS, BASE);
    const answers = () => {
      let n = 0;
      for (const id of ids) n += emu.messages(id).filter((m) => m.from?.is_bot).length;
      return n;
    };
    const started = Date.now();
    // 4 rounds of one /bantuan per person, all queued at Telegram at once (delivered per chat in order)
    for (let round = 0; round < PER_USER; round++) {
      for (const id of ids) emu.sendCommand({ id, first_name: `Alumni${id}`, language_code: "id" }, "/bantuan");
    }
    const total = USERS * PER_USER;
    await waitUntil(() => answers() >= total * 0.3, 200_000, () => `30% answered: ${answers()} of ${total}\n${c.output().slice(-3000)}`);
    const answeredAtKill = answers();
    c.freeze(1);
    const inFlight = await c.db.inboxUpdate.count({ where: { status: "processing", claimedBy: c.ownerOf(1) } });
    const openAtKill = await c.kill9(1);
    console.log(`cluster kill: instance 1 killed after ${((Date.now() - started) / 1000).toFixed(1)} s with ${answeredAtKill} of ${total} answered, ${inFlight} updates in processing on it, ${openAtKill} requests open to it`);

    // Settled means: Telegram (the emulator) has nothing left to deliver and every update is done in the
    // shared inbox. The answer total alone is not enough: the killed instance's repeats can make it up while
    // a chat whose claim waited out its lease still has updates to go.
    const inboxByStatus = async () =>
      Object.fromEntries((await c.db.inboxUpdate.groupBy({ by: ["status"], _count: { _all: true } })).map((r) => [r.status, r._count._all]));
    let inbox: Record<string, number> = {};
    await waitUntil(
      async () => {
        inbox = await inboxByStatus();
        return emu.stats().pendingUpdates === 0 && inbox.done === total && Object.keys(inbox).length === 1;
      },
      300_000,
      () => `every update done: ${answers()} of ${total} answered, pending at the emulator ${emu.stats().pendingUpdates}, inbox ${JSON.stringify(inbox)}\n${c.output().slice(-3000)}`,
    );
    // the last answers' requests settle
    await new Promise((r) => setTimeout(r, 3000));
    const seconds = (Date.now() - started) / 1000;

    const perChat = ids.map((id) => emu.messages(id).filter((m) => m.from?.is_bot).length);
    const short = ids.filter((_, i) => (perChat[i] ?? 0) < PER_USER);
    const lost = short.length;
    const duplicates = perChat.reduce((sum, n) => sum + Math.max(0, n - PER_USER), 0);
    const stats = emu.stats();
    console.log(
      `cluster kill: ${total} updates in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(1)}/s), chats short of answers ${lost}, duplicate answers ${duplicates} ` +
        `(bound: ${inFlight} updates in processing on the killed instance; ${openAtKill} requests open to it), webhook deliveries ${stats.webhookDeliveries}, failed ${stats.webhookFailures}`,
    );
    for (const id of short.slice(0, 3)) {
      const rows = await c.db.inboxUpdate.findMany({ where: { chatKey: String(id) }, select: { updateId: true, status: true, attempts: true, lastError: true } });
      console.log(`cluster kill: chat ${id} is short of answers; its inbox rows: ${JSON.stringify(rows)}`);
    }
    expect(lost).toBe(0);
    expect(duplicates).toBeLessThanOrEqual(inFlight);
    expect(inFlight).toBeLessThanOrEqual(100);
    // and the inbox agrees: every update done, none parked as failed
    expect(await inboxByStatus()).toEqual({ done: total });
    // the two survivors handled everything after the kill
    expect(c.bots[0]?.exitStatus()).toBeUndefined();
    expect(c.bots[2]?.exitStatus()).toBeUndefined();
  });
});
