// The broadcast worker's tuning constants, options and metrics (the send loop itself is in worker.ts).
import type { Db } from "../../db.js";
import type { ProgressCallbacks } from "./progress.js";
import type { BroadcastMessage } from "./queue.js";
import type { RetryPolicy } from "./results.js";

/**
 * The most recipient rows this worker ever holds in state "sending" (claimed and not yet recorded). It is
 * the bound on messages that can be sent twice after a crash (kill -9, power loss): only those rows may
 * have reached Telegram without their "sent" being committed.
 */
export const MAX_SENDING_ROWS = 64;
/** Rows claimed per UPDATE … RETURNING. */
export const CLAIM_BATCH = 32;
/** Most API calls awaiting an answer at once. */
export const MAX_CONCURRENT_SENDS = 32;
/** Results recorded per transaction (or after FLUSH_INTERVAL_MS, whichever comes first). */
export const FLUSH_BATCH = 32;
export const FLUSH_INTERVAL_MS = 15;
/**
 * The global window is this much longer than a second (30 sends per 1.03 s), so that network and
 * scheduling jitter never puts a 31st message into Telegram's one-second window.
 */
export const RATE_MARGIN = 0.03;
/**
 * The shared (cluster) pace keeps slots further apart: several processes send at slots handed out by one
 * database row, and their calls reach Telegram with the jitter of several schedulers, not one (measured:
 * at 3 % three instances put 31 calls into one second). With three instances on two busy cores the gaps
 * between consecutive sends arriving at Telegram ran from 16 ms to 65 ms (1st and 99th percentile, 37 ms
 * apart by the slots); 31 calls fit into one second only when one call arrives 1000 * margin ms later than
 * the 30 after it, and at 10 % one run in five still saw 31. 15 % costs 1 msg/s (26 instead of 27).
 */
export const SHARED_RATE_MARGIN = 0.15;
/**
 * A 429 despite that margin means the path to Telegram is jittery: the window is stretched by another
 * 2 % (up to 10 %), and relaxed by 1 % after every ADAPT_RELAX_AFTER sends without a 429.
 */
export const ADAPT_STEP = 0.02;
export const ADAPT_MAX = 0.1;
export const ADAPT_RELAX_AFTER = 600;

export type SendFn = (chatId: bigint, message: BroadcastMessage) => Promise<{ message_id: number }>;

export interface WorkerLogger {
  debug?(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface BroadcastWorkerOptions extends ProgressCallbacks {
  db: Db;
  send: SendFn;
  /** messages per second: overall and to one chat. global Infinity = no limit. */
  rate?: { global: number; perChat: number };
  /** wall clock for stored timestamps, scheduling and backoff (pacing uses a monotonic clock) */
  clock?: { now(): number };
  logger?: WorkerLogger;
  /** how often to look for due, resumed or new broadcasts when idle */
  pollIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
  /** overrides MAX_SENDING_ROWS (lower only makes sense in tests) */
  maxSendingRows?: number;
  concurrency?: number;
  /** this worker's name in row claims (INSTANCE_ID); default "" */
  instanceId?: string;
  /**
   * true (default): the only worker on this database (polling mode, guarded by the polling lease): rows
   * left "sending" at start are a dead process's, all of them go back to the queue. false (a cluster):
   * only rows whose claim lease expired (or this instanceId's own) are taken back, at start and periodically.
   */
  exclusive?: boolean;
  /** how long a row claim holds without renewal (default 60 s; renewed every quarter of it) */
  claimLeaseMs?: number;
  /**
   * Pace through the database's shared slot row (src/domain/broadcast/shared-rate.ts) instead of this
   * process's own limiter: the cluster as a whole stays at rate.global, and a 429 pauses every instance.
   */
  sharedRate?: boolean;
}

export interface WorkerMetrics {
  /** API calls started */
  sendCalls: number;
  sent: number;
  failed: number;
  blocked: number;
  retried: number;
  rateLimited: number;
  skipped: number;
  /** highest number of rows this worker held in "sending" */
  maxSendingObserved: number;
  /** rows found in "sending" at start (left by a crash) */
  recovered: number;
  /** shared slots given up because this process reached them too late (a busy event loop) */
  slotsMissed: number;
}

