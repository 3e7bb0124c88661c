// Who receives a broadcast. An audience is a small JSON description (stored in Broadcast.audience) that is
// turned into one SQL query over User; the same query is used to count, to list and to fill the queue, so
// the count an admin sees before confirming is exactly the number of rows written.
import { z } from "zod";
import { provinces } from "../areas.js";
import type { Db } from "../../db.js";
import { queryRaw } from "../../db-dialect.js";

const provinceCodes = new Set(provinces.map((p) => p.code));

export const eventSegments = ["confirmed", "waitlisted", "attended", "no_feedback"] as const;
export type EventSegment = (typeof eventSegments)[number];

export const audienceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({ kind: z.literal("role"), role: z.enum(["alumni", "calon"]) }),
  z.object({
    kind: z.literal("provinces"),
    codes: z
      .array(z.string().refine((code) => provinceCodes.has(code), { message: "unknown province code" }))
      .min(1)
      .max(provinces.length)
      .transform((codes) => [...new Set(codes)].sort()),
  }),
  z.object({
    kind: z.literal("event"),
    eventId: z.number().int().positive(),
    segment: z.enum(eventSegments),
  }),
]);

export type Audience = z.infer<typeof audienceSchema>;

/** Validates an audience (throws a ZodError when it is not one). */
export function parseAudience(value: unknown): Audience {
  return audienceSchema.parse(value);
}

/** Reads Broadcast.audience back. */
export function audienceFromJson(json: string): Audience {
  return parseAudience(JSON.parse(json));
}

export function audienceToJson(audience: Audience): string {
  return JSON.stringify(parseAudience(audience));
}

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * `SELECT u."telegramId" FROM "User" u WHERE …` for an audience. Every audience excludes people who
 * blocked the bot (blockedAt), who sent /berhenti (optedOutAt) and who never gave consent (consentAt).
 *
 * Event segments:
 * - confirmed: registration status "confirmed";
 * - waitlisted: status "waitlisted" or "offered" (a waitlisted person with a pending seat offer);
 * - attended: checked in at the venue (checkedInAt set), whatever the status became afterwards;
 * - no_feedback: confirmed or checked in, and no feedback for this event yet (the survey nudge).
 */
export function audienceQuery(input: Audience): SqlFragment {
  const audience = parseAudience(input);
  const base = `u."consentAt" IS NOT NULL AND u."blockedAt" IS NULL AND u."optedOutAt" IS NULL`;
  switch (audience.kind) {
    case "all":
      return { sql: `SELECT u."telegramId" FROM "User" u WHERE ${base}`, params: [] };
    case "role":
      return { sql: `SELECT u."telegramId" FROM "User" u WHERE ${base} AND u."role" = ?`, params: [audience.role] };
    case "provinces":
      return {
        sql: `SELECT u."telegramId" FROM "User" u WHERE ${base} AND u."province" IN (${audience.codes.map(() => "?").join(", ")})`,
        params: [...audience.codes],
      };
    case "event": {
      const reg = `SELECT 1 FROM "Registration" r WHERE r."userId" = u."id" AND r."eventId" = ?`;
      switch (audience.segment) {
        case "confirmed":
          return {
            sql: `SELECT u."telegramId" FROM "User" u WHERE ${base} AND EXISTS (${reg} AND r."status" = 'confirmed')`,
            params: [audience.eventId],
          };
        case "waitlisted":
          return {
            sql: `SELECT u."telegramId" FROM "User" u WHERE ${base} AND EXISTS (${reg} AND r."status" IN ('waitlisted', 'offered'))`,
            params: [audience.eventId],
          };
        case "attended":
          return {
            sql: `SELECT u."telegramId" FROM "User" u WHERE ${base} AND EXISTS (${reg} AND r."checkedInAt" IS NOT NULL)`,
            params: [audience.eventId],
          };
        case "no_feedback":
          return {
            sql:
              `SELECT u."telegramId" FROM "User" u WHERE ${base} ` +
              `AND EXISTS (${reg} AND (r."status" = 'confirmed' OR r."checkedInAt" IS NOT NULL)) ` +
              `AND NOT EXISTS (SELECT 1 FROM "Feedback" f WHERE f."userId" = u."id" AND (f."eventId" = ? OR f."scope" = ?))`,
            params: [audience.eventId, audience.eventId, `event:${audience.eventId}`],
          };
      }
    }
  }
  // Unreachable: the switch above is exhaustive.
  throw new Error("unknown audience");
}

/** How many people an audience reaches right now. */
export async function countAudience(db: Db, audience: Audience): Promise<number> {
  const q = audienceQuery(audience);
  const rows = await queryRaw<{ n: bigint | number }[]>(db, `SELECT COUNT(*) AS "n" FROM (${q.sql}) a`, ...q.params);
  return Number(rows[0]?.n ?? 0);
}

/** The Telegram ids of an audience, in a stable order (tests and small audiences; the queue uses INSERT … SELECT). */
export async function listAudience(db: Db, audience: Audience): Promise<bigint[]> {
  const q = audienceQuery(audience);
  const rows = await queryRaw<{ telegramId: bigint | number }[]>(
    db,
    `SELECT "telegramId" FROM (${q.sql}) a ORDER BY "telegramId"`,
    ...q.params,
  );
  return rows.map((row) => BigInt(row.telegramId));
}
