// Measurement code of the benchmark, free of I/O so it can be unit-tested: percentiles, the pairing of an
// update (handed out by the emulator in getUpdates) with the bot's first reply in the same chat, and the
// planner that keeps the mixed load at its target shares.

/** Nearest-rank percentile of ascending-sorted values (p in 0..1); 0 for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(Math.min(1, Math.max(0, p)) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** count, mean, p50/p90/p99 and max of unsorted values (the input is not modified). */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: sorted.length,
    mean: sorted.length > 0 ? sum / sorted.length : 0,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
  };
}

/** Rounds to `digits` decimals (for the report). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null;

/** The chat an update belongs to: message / callback_query message / edited message …, else the sender. */
export function updateChatId(update: unknown): number | undefined {
  if (!isObj(update)) return undefined;
  for (const [key, value] of Object.entries(update)) {
    if (key === "update_id" || !isObj(value)) continue;
    const chat = isObj(value.chat) ? value.chat : isObj(value.message) && isObj(value.message.chat) ? value.message.chat : undefined;
    if (chat && typeof chat.id === "number") return chat.id;
    if (isObj(value.from) && typeof value.from.id === "number") return value.from.id;
  }
  return undefined;
}

/** chat_id of a Bot API call's parameters (numbers may arrive as strings from multipart bodies). */
export function paramsChatId(params: unknown): number | undefined {
  if (!isObj(params)) return undefined;
  const raw = params.chat_id;
  if (typeof raw === "number") return raw;
  if (typeof raw === "string" && /^-?\d+$/.test(raw)) return Number(raw);
  return undefined;
}

/** Methods that count as "the bot replied" in a chat. answerCallbackQuery alone does not. */
export const REPLY_METHODS: ReadonlySet<string> = new Set([
  "sendMessage",
  "editMessageText",
  "editMessageCaption",
  "editMessageReplyMarkup",
  "editMessageMedia",
  "sendPhoto",
  "sendDocument",
  "sendVenue",
  "sendLocation",
  "sendMediaGroup",
  "sendContact",
]);

/** One update that got its reply. Times are milliseconds on the tracker's clock. */
export interface Sample {
  updateId: number;
  chatId: number;
  kind: string;
  /** when the bench queued it in the emulator (undefined if not told) */
  injectedAt: number | undefined;
  /** when the emulator handed it out in a getUpdates answer */
  deliveredAt: number;
  repliedAt: number;
  /** repliedAt - deliveredAt: the bot's own latency */
  latencyMs: number;
}

interface Pending {
  updateId: number;
  kind: string;
  injectedAt: number | undefined;
  deliveredAt: number;
}

/**
 * Pairs updates with replies. Per chat the bot handles updates in order (sequentialize), so the first
 * reply call into a chat belongs to the oldest delivered update of that chat still waiting for one; later
 * replies to the same update (a ticket is three messages) find nothing waiting and are ignored. Updates
 * handed out twice (a getUpdates retried by the bot) count once, from the first delivery.
 */
export class LatencyTracker {
  readonly samples: Sample[] = [];
  private readonly pending = new Map<number, Pending[]>();
  private readonly injected = new Map<number, { kind: string; at: number }>();
  private readonly seen = new Set<number>();
  /** replies into chats with nothing waiting (trailing messages of one update, jobs, ...) */
  unmatchedReplies = 0;
  delivered = 0;

  /** The bench queued this update (optional: gives the kind and the end-to-end time). */
  noteInjected(updateId: number, kind: string, at: number): void {
    this.injected.set(updateId, { kind, at });
  }

  /** The emulator handed these updates to the bot at `at`. */
  noteDelivered(updates: readonly unknown[], at: number): void {
    for (const update of updates) {
      if (!isObj(update) || typeof update.update_id !== "number") continue;
      const updateId = update.update_id;
      if (this.seen.has(updateId)) continue;
      this.seen.add(updateId);
      this.delivered++;
      const chatId = updateChatId(update);
      if (chatId === undefined) continue;
      const info = this.injected.get(updateId);
      this.injected.delete(updateId);
      const queue = this.pending.get(chatId);
      const entry: Pending = { updateId, kind: info?.kind ?? "other", injectedAt: info?.at, deliveredAt: at };
      if (queue) queue.push(entry);
      else this.pending.set(chatId, [entry]);
    }
  }

  /** A reply call (see REPLY_METHODS) into `chatId` arrived at `at`. Returns the sample it completed. */
  noteReply(chatId: number, at: number): Sample | undefined {
    const queue = this.pending.get(chatId);
    const entry = queue?.shift();
    if (!entry) {
      this.unmatchedReplies++;
      return undefined;
    }
    if (queue && queue.length === 0) this.pending.delete(chatId);
    const sample: Sample = { ...entry, chatId, repliedAt: at, latencyMs: at - entry.deliveredAt };
    this.samples.push(sample);
    return sample;
  }

  /** Forget what a chat is waiting for (the bench gave up on it), so a later reply is not misattributed. */
  abandon(chatId: number): void {
    this.pending.delete(chatId);
  }

  /** Updates delivered and still without a reply. */
  get waiting(): number {
    let n = 0;
    for (const queue of this.pending.values()) n += queue.length;
    return n;
  }

  /** Samples whose reply arrived in [from, to). */
  repliedBetween(from: number, to: number): Sample[] {
    return this.samples.filter((s) => s.repliedAt >= from && s.repliedAt < to);
  }

  /** Samples whose update was delivered in [from, to). */
  deliveredBetween(from: number, to: number): Sample[] {
    return this.samples.filter((s) => s.deliveredAt >= from && s.deliveredAt < to);
  }
}

/**
 * Keeps the mix at its target shares counted in updates. Episodes have different lengths (a FAQ question
 * is one update, an RSVP about seven), and a simulated user sends one update at a time whatever it is
 * doing: so the share of updates of a kind is the share of users busy with an episode of that kind. A new
 * episode is of the kind furthest below its share of the episodes running now.
 */
export class MixPlanner<K extends string> {
  private readonly running: Record<string, number> = {};

  constructor(private readonly targets: Readonly<Record<K, number>>) {
    for (const kind of Object.keys(targets)) this.running[kind] = 0;
  }

  /** Picks the kind of a new episode and counts it as running. */
  start(): K {
    const kinds = Object.keys(this.targets) as K[];
    const total = kinds.reduce((s, k) => s + (this.running[k] ?? 0), 0);
    let best = kinds[0] as K;
    let bestDeficit = -Infinity;
    for (const kind of kinds) {
      const deficit = this.targets[kind] * (total + 1) - (this.running[kind] ?? 0);
      if (deficit > bestDeficit) {
        best = kind;
        bestDeficit = deficit;
      }
    }
    this.running[best] = (this.running[best] ?? 0) + 1;
    return best;
  }

  /** An episode of this kind ended. */
  end(kind: K): void {
    this.running[kind] = Math.max(0, (this.running[kind] ?? 0) - 1);
  }

  /** Episodes running now, by kind. */
  runningNow(): Record<K, number> {
    return { ...this.running } as Record<K, number>;
  }
}

/**
 * Sliding-window pacing per user, so simulated users stay under the bot's flood limit (the bot allows
 * 20 updates per 10 s per user): returns how long to wait before the next send (0 = now).
 */
export class Pacer {
  private readonly sent: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  delayMs(now: number): number {
    while (this.sent.length > 0 && (this.sent[0] as number) <= now - this.windowMs) this.sent.shift();
    if (this.sent.length < this.max) return 0;
    return (this.sent[0] as number) + this.windowMs - now;
  }

  record(now: number): void {
    this.sent.push(now);
  }
}

/** One simulated person's pace: 18 sends per 10 s, just under the bot's flood limit of 20. */
const FLOOD_PACE = { max: 18, windowMs: 10_000 } as const;

/** A pacer for one simulated person (FLOOD_PACE). */
export const floodLimitPacer = (): Pacer => new Pacer(FLOOD_PACE.max, FLOOD_PACE.windowMs);

/**
 * The most updates per second `users` paced people can send. A closed loop near it measures the load, not
 * the bot; the echo bot's people are never paced, so the throughput ratio's load needs its ceiling well
 * above the bot's capacity.
 */
export const pacingCeiling = (users: number): number => (users * FLOOD_PACE.max * 1000) / FLOOD_PACE.windowMs;

/** A plain-text table with aligned columns. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** A Markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (c: string) => c.replaceAll("|", "\\|");
  return [`| ${header.map(esc).join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}
