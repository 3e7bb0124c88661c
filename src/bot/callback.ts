import type { z } from "zod";

/**
 * Callback data with a prefix and a zod-validated payload, encoded as "prefix:a:b:c" to stay within
 * Telegram's 64-byte limit. A forged or stale payload fails validation and is answered politely
 * instead of reaching a handler.
 */
export class CallbackData<T extends Record<string, string | number>> {
  readonly filter: RegExp;

  constructor(
    readonly prefix: string,
    readonly fields: readonly (keyof T & string)[],
    private readonly schema: z.ZodType<T>,
  ) {
    if (prefix.includes(":")) throw new Error(`callback prefix must not contain ":" (${prefix})`);
    this.filter = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(:|$)`);
  }

  /** Encodes a payload. Throws when the result would exceed Telegram's 64-byte limit. */
  pack(payload: T): string {
    const parts = this.fields.map((field) => String(payload[field]).replaceAll(":", ""));
    const data = [this.prefix, ...parts].join(":");
    if (Buffer.byteLength(data) > 64) throw new Error(`callback data longer than 64 bytes: ${data}`);
    return data;
  }

  /** Decodes and validates; null when the data is malformed or does not match the schema. */
  unpack(data: string | undefined): T | null {
    if (!data || !this.filter.test(data)) return null;
    const parts = data.split(":").slice(1);
    if (parts.length !== this.fields.length) return null;
    const raw: Record<string, string> = {};
    this.fields.forEach((field, index) => {
      raw[field] = parts[index] ?? "";
    });
    const result = this.schema.safeParse(raw);
    return result.success ? result.data : null;
  }

  /** The fixed values a field accepts (enum and literal members), for tests that forge payloads. */
  literals(): string[] {
    const shape = (this.schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    return [...new Set(this.fields.flatMap((field) => literalsOf(shape[field])))];
  }
}

function literalsOf(schema: unknown): string[] {
  if (!schema || typeof schema !== "object") return [];
  const s = schema as { options?: unknown; values?: unknown; def?: { in?: unknown; innerType?: unknown } };
  if (Array.isArray(s.options)) return s.options.filter((o): o is string => typeof o === "string");
  if (s.values instanceof Set) return [...s.values].filter((o): o is string => typeof o === "string");
  return [...literalsOf(s.def?.in), ...literalsOf(s.def?.innerType)];
}
