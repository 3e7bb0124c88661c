// A broadcast to 3,000 people with three instances against the emulator's Telegram limit of 30 msg/s
// (over it: 429 with retry_after). The admin composes it through the proxy (each step on another instance);
// any instance may send, but the cluster as a whole must stay at BROADCAST_RATE (default 30 msg/s):
// - each recipient gets the message exactly once (no kill here, so no exception);
// - in the busiest second the cluster ATTEMPTS at most 30 sends to recipients (the emulator refuses the
//   rest with 429, so counting accepted sends alone would prove nothing);
// - 429s are honoured: after a 429 with retry_after N for a chat, that chat is not tried again for N seconds.
import { expect, it } from "vitest";
import { ADMIN_ID, broadcastToEveryone, deliveries, duplicates, seedRecipients, total } from "../support/broadcast-e2e.js";
import { busiestSecond, describeCluster, waitUntil } from "../support/cluster.js";
import { TestUser } from "../support/user.js";

const RECIPIENTS = 3000;
const BASE = 740_000_000;

describeCluster("broadcast to 3,000 from three instances at 30 msg/s", { emulator: { rateLimit: { global: 30 } }, env: { ADMIN_IDS: String(ADMIN_ID) } }, (cluster) => {
  it("each recipient once, the busiest second ≤ 30 sends, 429s honoured", { timeout: 420_000 }, async () => {
    const c = cluster();
    const { emu } = c;
    const ids = await seedRecipients(c.db, RECIPIENTS, BASE);
    const admin = new TestUser(emu, { id: ADMIN_ID, first_name: "Admin" }, { timeoutMs: 60_000, process: c });
    const started = Date.now();
    const broadcastId = await broadcastToEveryone(admin, "Temu Alumni Prakerja se-Indonesia, Sabtu ini! Daftar lewat menu Temu Alumni.", RECIPIENTS);
    await waitUntil(() => total(deliveries(emu, ids.slice(0, 300))) >= 100, 120_000, () => `the first deliveries\n${c.output().slice(-3000)}`);
    // Telegram throttles a few times on top of the flood limit
    emu.failNext({ kind: "429", retryAfter: 2, method: "sendMessage", count: 3 });

    await waitUntil(
      async () => (await c.db.broadcast.findUniqueOrThrow({ where: { id: broadcastId } })).status === "done",
      360_000,
      () => `the broadcast to finish: ${total(deliveries(emu, ids))} of ${RECIPIENTS} delivered\n${c.output().slice(-3000)}`,
    );
    await new Promise((r) => setTimeout(r, 2000));
    const seconds = (Date.now() - started) / 1000;

    const counts = deliveries(emu, ids);
    const missing = ids.filter((id) => (counts.get(id) ?? 0) === 0);
    expect(missing).toEqual([]);
    expect(duplicates(counts)).toBe(0);

    const sends = emu.callsOf("sendMessage").filter((call) => Number((call.params as { chat_id?: unknown }).chat_id) >= BASE);
    const attemptsMax = busiestSecond(sends.map((s) => s.at));
    const acceptedMax = busiestSecond(sends.filter((s) => s.ok).map((s) => s.at));
    const refused = sends.filter((s) => s.status === 429);
    // honoured: no retry of the same chat before its retry_after was over (100 ms for clock granularity)
    const early: string[] = [];
    for (const r of refused) {
      const wait = Number(/retry after (\d+)/.exec(r.description ?? "")?.[1] ?? 0) * 1000;
      const chat = (r.params as { chat_id?: unknown }).chat_id;
      const next = sends.find((s) => s.at > r.at && (s.params as { chat_id?: unknown }).chat_id === chat);
      if (next && next.at - r.at < wait - 100) early.push(`chat ${String(chat)}: retried after ${next.at - r.at} ms, retry_after ${wait} ms`);
    }
    const stats = emu.stats();
    console.log(
      `cluster broadcast: ${RECIPIENTS} in ${seconds.toFixed(0)} s; busiest second: ${attemptsMax} attempts, ${acceptedMax} accepted; ` +
        `429 answers ${refused.length} (flood limiter ${stats.rateLimited}), retried too early ${early.length}`,
    );
    expect(attemptsMax).toBeLessThanOrEqual(30);
    expect(acceptedMax).toBeLessThanOrEqual(30);
    expect(early).toEqual([]);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    const rows = await c.db.broadcastRecipient.groupBy({ by: ["status"], where: { broadcastId }, _count: { _all: true } });
    expect(Object.fromEntries(rows.map((r) => [r.status, r._count._all]))).toEqual({ sent: RECIPIENTS });
  });
});
