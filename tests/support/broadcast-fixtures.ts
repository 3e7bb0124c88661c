// Helpers for the broadcast tests: fast user seeding (real database) and a fake Bot API `send` that behaves
// like Telegram (message ids, 403 for blocked chats, 400 chat not found, 429 with retry_after, 5xx, network
// errors) and records every call so tests can check what was delivered.
import type { Db } from "../../src/db.js";
import { dialectOf, executeRaw } from "../../src/db-dialect.js";
import type { BroadcastMessage } from "../../src/domain/broadcast/queue.js";

export interface SeedUser {
  telegramId: bigint;
  role?: string | null;
  province?: string | null;
  consent?: boolean;
  blocked?: boolean;
  optedOut?: boolean;
  language?: string;
}

/** Inserts users with multi-row INSERTs (100k in about a second). */
export async function seedUsers(db: Db, users: SeedUser[]): Promise<void> {
  const dialect = dialectOf(db);
  const now = dialect.time(new Date());
  // PostgreSQL takes up to 65,535 parameters per statement: bigger chunks, fewer round trips
  const rows = dialect.provider === "postgresql" ? 4000 : 400;
  for (let i = 0; i < users.length; i += rows) {
    const chunk = users.slice(i, i + rows);
    const params: unknown[] = [];
    for (const u of chunk) {
      params.push(
        u.telegramId,
        u.role ?? null,
        u.province ?? null,
        u.consent === false ? null : now,
        u.consent === false ? null : "test",
        u.blocked ? now : null,
        u.optedOut ? now : null,
        u.language ?? "id",
        now,
      );
    }
    await executeRaw(
      db,
      `INSERT INTO "User" ("telegramId", "role", "province", "consentAt", "consentVersion", "blockedAt", "optedOutAt", "language", "updatedAt") VALUES ` +
        chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", "),
      ...params,
    );
  }
}

/** N consenting users with ids base, base+1, … */
export async function seedConsenting(db: Db, n: number, base = 1_000_000n): Promise<bigint[]> {
  const ids = Array.from({ length: n }, (_, i) => base + BigInt(i));
  await seedUsers(db, ids.map((telegramId) => ({ telegramId })));
  return ids;
}

export class ApiError extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters: { retry_after?: number } = {},
  ) {
    super(description);
  }
}

export interface FakeTelegramOptions {
  blocked?: Iterable<bigint>;
  deactivated?: Iterable<bigint>;
  notFound?: Iterable<bigint>;
  /** probability of a 5xx / network error on any call */
  transientRate?: number;
  /** answer latency in ms */
  latencyMs?: number;
  seed?: number;
}

export interface Call {
  chatId: bigint;
  at: number;
  message: BroadcastMessage;
}

export class FakeTelegram {
  readonly calls: Call[] = [];
  /** chat id → messages delivered */
  readonly delivered = new Map<bigint, number>();
  readonly blocked: Set<bigint>;
  readonly deactivated: Set<bigint>;
  readonly notFound: Set<bigint>;
  transientRate: number;
  latencyMs: number;
  /** set to make the next calls answer 429 */
  rateLimitNext = 0;
  retryAfter = 1;
  /** when each 429 was answered */
  readonly rateLimitedAt: number[] = [];
  private nextId = 1;
  private rand: () => number;

  constructor(options: FakeTelegramOptions = {}) {
    this.blocked = new Set(options.blocked ?? []);
    this.deactivated = new Set(options.deactivated ?? []);
    this.notFound = new Set(options.notFound ?? []);
    this.transientRate = options.transientRate ?? 0;
    this.latencyMs = options.latencyMs ?? 0;
    let s = options.seed ?? 42;
    this.rand = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
  }

  get totalDelivered(): number {
    let n = 0;
    for (const v of this.delivered.values()) n += v;
    return n;
  }

  /** Chats that got more than one message, and how many extra. */
  duplicates(): number {
    let n = 0;
    for (const v of this.delivered.values()) if (v > 1) n += v - 1;
    return n;
  }

  readonly send = async (chatId: bigint, message: BroadcastMessage): Promise<{ message_id: number }> => {
    this.calls.push({ chatId, at: performance.now(), message });
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    else await Promise.resolve();
    if (this.rateLimitNext > 0) {
      this.rateLimitNext--;
      this.rateLimitedAt.push(performance.now());
      throw new ApiError(429, `Too Many Requests: retry after ${this.retryAfter}`, { retry_after: this.retryAfter });
    }
    if (this.blocked.has(chatId)) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    if (this.deactivated.has(chatId)) throw new ApiError(403, "Forbidden: user is deactivated");
    if (this.notFound.has(chatId)) throw new ApiError(400, "Bad Request: chat not found");
    if (this.transientRate > 0) {
      const r = this.rand();
      if (r < this.transientRate / 2) throw new ApiError(502, "Bad Gateway");
      if (r < this.transientRate) throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    }
    this.delivered.set(chatId, (this.delivered.get(chatId) ?? 0) + 1);
    return { message_id: this.nextId++ };
  };
}

/** Polls until `check` is true (or throws after timeoutMs). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000, stepMs = 20): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
