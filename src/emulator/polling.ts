/**
 * Long polling: getUpdates with offset, limit, timeout and allowed_updates, one poller at a time (a
 * second one ends the first with 409, like Telegram), answered as soon as updates arrive.
 */
import type { ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { Json } from "./types.js";
import { EmulatorWebhook } from "./webhook.js";

interface PendingPoll {
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout;
  finish: (updates: Update[]) => void;
  conflict: () => void;
}

export abstract class EmulatorPolling extends EmulatorWebhook {
  protected poll: PendingPoll | undefined;
  protected pollFlushScheduled = false;
  protected lastPollAt = 0;

  protected conflictLongPoll(): void {
    if (this.poll) this.poll.conflict();
  }

  protected onUpdateQueued(): void {
    if (this.webhook) this.pumpWebhook();
    else if (this.poll && !this.pollFlushScheduled) {
      // answer a waiting long poll once the current burst of injected updates is in
      this.pollFlushScheduled = true;
      setImmediate(() => {
        this.pollFlushScheduled = false;
        const poll = this.poll;
        if (poll) poll.finish(this.queue.peek(poll.limit));
      });
    }
  }

  /** Closing: a pending long poll is dropped without an answer. */
  protected stopPolling(): void {
    if (this.poll) {
      clearTimeout(this.poll.timer);
      this.poll = undefined;
    }
  }

  protected getUpdates(res: ServerResponse, params: Json, token: string, at: number): void {
    this.lastPollAt = at;
    const fail = (status: number, description: string): void => this.reply(res, "getUpdates", params, token, at, status, { ok: false, error_code: status, description });
    if (this.webhook) {
      fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      return;
    }
    const offset = typeof params.offset === "number" ? params.offset : undefined;
    const limit = Math.min(100, Math.max(1, typeof params.limit === "number" ? params.limit : 100));
    const timeoutSec = Math.min(50, Math.max(0, typeof params.timeout === "number" ? params.timeout : 0));
    if (Array.isArray(params.allowed_updates)) {
      this.allowedUpdates = params.allowed_updates.length > 0 ? new Set(params.allowed_updates.map(String)) : undefined;
    }
    if (offset !== undefined && offset !== 0) this.queue.confirm(offset);
    // a second poller kicks out the first one, like Telegram
    if (this.poll) this.poll.conflict();
    const ready = this.queue.peek(limit);
    if (ready.length > 0 || timeoutSec === 0) {
      this.counters.updatesDelivered += ready.length;
      this.reply(res, "getUpdates", params, token, at, 200, { ok: true, result: ready });
      return;
    }
    const done = (): void => {
      clearTimeout(poll.timer);
      if (this.poll === poll) this.poll = undefined;
    };
    const poll: PendingPoll = {
      res,
      limit,
      timer: setTimeout(() => poll.finish(this.queue.peek(limit)), timeoutSec * 1000),
      finish: (updates) => {
        done();
        this.counters.updatesDelivered += updates.length;
        this.lastPollAt = Date.now();
        this.reply(res, "getUpdates", params, token, at, 200, { ok: true, result: updates });
      },
      conflict: () => {
        done();
        fail(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
      },
    };
    this.poll = poll;
    res.on("close", () => {
      if (!res.writableEnded) done(); // the bot aborted the request (bot.stop())
    });
  }
}
