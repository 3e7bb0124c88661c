// The benchmark's measurement code (bench/measure.ts): percentiles, pairing an update handed out in
// getUpdates with the bot's first reply in that chat, the mix planner and the flood-limit pacing.
// No timing assertions: every clock value is passed in.
import { describe, expect, it } from "vitest";
import { LatencyTracker, MixPlanner, Pacer, REPLY_METHODS, floodLimitPacer, markdownTable, pacingCeiling, paramsChatId, percentile, summarize, textTable, updateChatId } from "../../bench/measure.js";

const message = (updateId: number, chatId: number) => ({ update_id: updateId, message: { message_id: 1, date: 0, chat: { id: chatId, type: "private" }, from: { id: chatId }, text: "hai" } });
const click = (updateId: number, chatId: number) => ({
  update_id: updateId,
  callback_query: { id: "q", from: { id: chatId }, chat_instance: "1", data: "x", message: { message_id: 2, date: 0, chat: { id: chatId, type: "private" } } },
});

describe("percentile and summarize", () => {
  it("uses the nearest rank on sorted values", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
  });

  it("summarizes unsorted values without changing them", () => {
    const values = [30, 10, 20, 40];
    const s = summarize(values);
    expect(values).toEqual([30, 10, 20, 40]);
    expect(s).toEqual({ count: 4, mean: 25, p50: 20, p90: 40, p99: 40, max: 40 });
    expect(summarize([]).count).toBe(0);
  });
});

describe("chat ids", () => {
  it("finds the chat of messages and button presses, and chat_id in call parameters", () => {
    expect(updateChatId(message(1, 42))).toBe(42);
    expect(updateChatId(click(2, 43))).toBe(43);
    expect(updateChatId({ update_id: 3, my_chat_member: { chat: { id: 44 }, from: { id: 1 } } })).toBe(44);
    expect(updateChatId({ update_id: 4 })).toBeUndefined();
    expect(paramsChatId({ chat_id: 5 })).toBe(5);
    expect(paramsChatId({ chat_id: "-1006" })).toBe(-1006);
    expect(paramsChatId({ chat_id: "@channel" })).toBeUndefined();
    expect(REPLY_METHODS.has("sendMessage") && REPLY_METHODS.has("editMessageText")).toBe(true);
    expect(REPLY_METHODS.has("answerCallbackQuery")).toBe(false);
  });
});

describe("LatencyTracker", () => {
  it("pairs an update with the first reply in its chat, from delivery time", () => {
    const t = new LatencyTracker();
    t.noteInjected(1, "faq", 95);
    t.noteDelivered([message(1, 10)], 100);
    const sample = t.noteReply(10, 130);
    expect(sample).toMatchObject({ updateId: 1, chatId: 10, kind: "faq", injectedAt: 95, deliveredAt: 100, repliedAt: 130, latencyMs: 30 });
    // more messages for the same update (a ticket is three) are not another sample
    expect(t.noteReply(10, 140)).toBeUndefined();
    expect(t.unmatchedReplies).toBe(1);
    expect(t.samples).toHaveLength(1);
  });

  it("keeps chats apart and answers the oldest update of a chat first", () => {
    const t = new LatencyTracker();
    t.noteDelivered([message(1, 10), message(2, 20), click(3, 10)], 100);
    expect(t.waiting).toBe(3);
    expect(t.noteReply(20, 105)?.updateId).toBe(2);
    expect(t.noteReply(10, 110)?.updateId).toBe(1);
    expect(t.noteReply(10, 150)).toMatchObject({ updateId: 3, kind: "other", latencyMs: 50 });
    expect(t.waiting).toBe(0);
  });

  it("counts an update handed out twice once, from its first delivery", () => {
    const t = new LatencyTracker();
    t.noteDelivered([message(1, 10)], 100);
    t.noteDelivered([message(1, 10)], 200);
    expect(t.delivered).toBe(1);
    expect(t.noteReply(10, 210)?.latencyMs).toBe(110);
  });

  it("forgets an abandoned chat so a late reply is not pinned on the next update", () => {
    const t = new LatencyTracker();
    t.noteDelivered([message(1, 10)], 100);
    t.abandon(10);
    t.noteDelivered([message(2, 10)], 300);
    expect(t.noteReply(10, 310)).toMatchObject({ updateId: 2, latencyMs: 10 });
  });

  it("selects samples by reply time or by delivery time", () => {
    const t = new LatencyTracker();
    t.noteDelivered([message(1, 10), message(2, 20)], 100);
    t.noteReply(10, 150);
    t.noteDelivered([message(3, 30)], 160);
    t.noteReply(20, 250);
    t.noteReply(30, 170);
    expect(t.repliedBetween(140, 200).map((s) => s.updateId).sort()).toEqual([1, 3]);
    expect(t.deliveredBetween(150, 200).map((s) => s.updateId)).toEqual([3]);
  });
});

describe("MixPlanner", () => {
  it("keeps 60/20/20 in updates although episodes have different lengths", () => {
    // 100 users take turns, one update each per turn (what both drivers do); a FAQ episode is one update,
    // a menu visit two, an RSVP seven
    const planner = new MixPlanner({ faq: 0.6, menu: 0.2, rsvp: 0.2 });
    const length = { faq: 1, menu: 2, rsvp: 7 } as const;
    const users = Array.from({ length: 100 }, () => ({ kind: planner.start(), left: 0 }));
    for (const u of users) u.left = length[u.kind];
    expect(planner.runningNow()).toEqual({ faq: 60, menu: 20, rsvp: 20 });
    const updates = { faq: 0, menu: 0, rsvp: 0 };
    for (let turn = 0; turn < 500; turn++) {
      for (const u of users) {
        updates[u.kind]++;
        if (--u.left === 0) {
          planner.end(u.kind);
          u.kind = planner.start();
          u.left = length[u.kind];
        }
      }
    }
    const total = updates.faq + updates.menu + updates.rsvp;
    expect(updates.faq / total).toBeCloseTo(0.6, 2);
    expect(updates.menu / total).toBeCloseTo(0.2, 2);
    expect(updates.rsvp / total).toBeCloseTo(0.2, 2);
  });

  it("fills the kind furthest below its share", () => {
    const planner = new MixPlanner({ a: 0.5, b: 0.5 });
    expect(planner.start()).toBe("a");
    expect(planner.start()).toBe("b");
    planner.end("b");
    expect(planner.start()).toBe("b");
    planner.end("a");
    planner.end("a"); // never below zero
    expect(planner.runningNow()).toEqual({ a: 0, b: 1 });
  });
});

describe("Pacer", () => {
  it("holds the next send once the window is full", () => {
    const pacer = new Pacer(3, 10_000);
    for (const at of [0, 100, 200]) {
      expect(pacer.delayMs(at)).toBe(0);
      pacer.record(at);
    }
    expect(pacer.delayMs(300)).toBe(9_700);
    expect(pacer.delayMs(10_000)).toBe(0);
  });

  it("gives a population the ceiling the bench reports: one person sending as fast as allowed for a minute", () => {
    const pacer = floodLimitPacer();
    let now = 0;
    let sent = 0;
    while (now < 60_000) {
      const delay = pacer.delayMs(now);
      if (delay > 0) {
        now += delay;
        continue;
      }
      pacer.record(now);
      sent++;
      now += 1;
    }
    expect(sent / 60).toBeCloseTo(pacingCeiling(1), 5);
    expect(pacingCeiling(1_000)).toBe(1_800);
    expect(pacingCeiling(3_000)).toBe(5_400);
  });
});

describe("tables", () => {
  it("aligns plain-text columns and escapes Markdown pipes", () => {
    expect(textTable(["key", "v"], [["a", "1"], ["long", "22"]])).toBe("key   v\n----  --\na     1\nlong  22");
    expect(markdownTable(["k", "v"], [["a|b", "1"]])).toBe("| k | v |\n|---|---|\n| a\\|b | 1 |");
  });
});
