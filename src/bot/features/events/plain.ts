// Values returned from conversation.external are stored as JSON in the replay log. Dates and BigInts
// (Telegram ids, Event.createdBy) do not survive JSON, so they are tagged on the way in and restored on
// the way out.
import type { ExternalOp } from "@grammyjs/conversations";
import type { BotContext } from "../../context.js";

type Tagged = { $date: string } | { $bigint: string };

function encode(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() } satisfies Tagged;
  if (typeof value === "bigint") return { $bigint: value.toString() } satisfies Tagged;
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encode(v);
    return out;
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.$date === "string" && Object.keys(record).length === 1) return new Date(record.$date);
    if (typeof record.$bigint === "string" && Object.keys(record).length === 1) return BigInt(record.$bigint);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = decode(v);
    return out;
  }
  return value;
}

/** An external operation whose result may hold Dates and BigInts. */
export function storable<R>(task: (ctx: BotContext) => Promise<R>): ExternalOp<BotContext, R, unknown> {
  return { task, beforeStore: (value: R) => encode(value), afterLoad: (value: unknown) => decode(value) as R };
}
