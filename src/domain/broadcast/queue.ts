// The durable broadcast queue: one Broadcast row plus one BroadcastRecipient row per person, all written
// in a single transaction before anything is sent. Delivery state lives only in these rows, so a restarted
// process knows exactly what is left to do.
import { stringify } from "csv-stringify/sync";
import type { Db } from "../../db.js";
import { dialectOf, queryRaw, sqliteTime } from "../../db-dialect.js";
import { audienceQuery, audienceToJson, parseAudience, type Audience } from "./audience.js";

export type BroadcastStatus = "draft" | "scheduled" | "running" | "paused" | "cancelled" | "done";
/** skipped = the person opted out or was found blocked between queueing and their turn. */
export type RecipientStatus = "pending" | "sending" | "sent" | "failed" | "blocked" | "skipped";
export type MediaType = "photo" | "document";

/** A Telegram MessageEntity as stored (the domain does not depend on grammY's types). */
export interface MessageEntityLike {
  type: string;
  offset: number;
  length: number;
  [key: string]: unknown;
}

export interface BroadcastMedia {
  type: MediaType;
  fileId: string;
}

/** What the injected `send` receives for one recipient. */
export interface BroadcastMessage {
  broadcastId: number;
  text: string;
  entities: MessageEntityLike[];
  media: BroadcastMedia | null;
  /** adds a button to `t.me/<bot>?start=acara_<id>` */
  buttonEventId: number | null;
  /** the recipient's language ("id" | "en"), for the "how to stop" footer */
  language: string;
}

/** How DateTime values are stored by the better-sqlite3 adapter (SQLite only; dialects pick per database). */
export const sqlTime = sqliteTime;

export interface CreateBroadcastInput {
  createdBy: bigint | number;
  text: string;
  entities?: MessageEntityLike[];
  media?: BroadcastMedia | null;
  buttonEventId?: number | null;
  audience: Audience;
  /** send later; null/undefined or a past time = start now */
  scheduledAt?: Date | null;
  /** where the live progress message goes (usually the admin's chat) */
  progressChatId?: bigint | number | null;
  now?: Date;
}

export interface CreatedBroadcast {
  id: number;
  total: number;
  status: BroadcastStatus;
}

/**
 * Creates a broadcast and writes every recipient row in the same transaction, through one
 * `INSERT … SELECT` from the audience query (100,000 rows take well under a second). Nothing is sent
 * here: the worker picks the rows up. Status is "scheduled" when scheduledAt is in the future, else "running".
 */
export async function createBroadcast(db: Db, input: CreateBroadcastInput): Promise<CreatedBroadcast> {
  const audience = parseAudience(input.audience);
  const now = input.now ?? new Date();
  const scheduled = !!input.scheduledAt && input.scheduledAt.getTime() > now.getTime();
  const status: BroadcastStatus = scheduled ? "scheduled" : "running";
  const q = audienceQuery(audience);
  return db.$transaction(
    async (tx) => {
      const broadcast = await tx.broadcast.create({
        data: {
          createdBy: BigInt(input.createdBy),
          text: input.text,
          entities: JSON.stringify(input.entities ?? []),
          mediaType: input.media?.type ?? null,
          mediaFileId: input.media?.fileId ?? null,
          buttonEventId: input.buttonEventId ?? null,
          audience: audienceToJson(audience),
          status: "draft",
          scheduledAt: input.scheduledAt ?? null,
          progressChatId: input.progressChatId == null ? null : BigInt(input.progressChatId),
        },
      });
      const dialect = dialectOf(tx);
      const total = await tx.$executeRawUnsafe(
        dialect.sql(
          dialect.insertIgnoring(
            `INSERT INTO "BroadcastRecipient" ("broadcastId", "telegramId", "status", "attempts", "updatedAt") ` +
              `SELECT CAST(? AS INTEGER), a."telegramId", 'pending', 0, ? FROM (${q.sql}) a ORDER BY a."telegramId"`,
          ),
        ),
        broadcast.id,
        dialect.time(now),
        ...q.params,
      );
      await tx.broadcast.update({
        where: { id: broadcast.id },
        data: { status, total, startedAt: scheduled ? null : now },
      });
      return { id: broadcast.id, total, status };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** running/scheduled → paused. Returns false when the broadcast was not in a pausable state. */
export async function pauseBroadcast(db: Db, id: number): Promise<boolean> {
  const n = await db.broadcast.updateMany({
    where: { id, status: { in: ["running", "scheduled"] } },
    data: { status: "paused" },
  });
  return n.count > 0;
}

/** paused → running (or back to scheduled when its time has not come yet). */
export async function resumeBroadcast(db: Db, id: number, now = new Date()): Promise<boolean> {
  const row = await db.broadcast.findUnique({ where: { id }, select: { status: true, scheduledAt: true, startedAt: true } });
  if (!row || row.status !== "paused") return false;
  const stillScheduled = !row.startedAt && !!row.scheduledAt && row.scheduledAt.getTime() > now.getTime();
  const n = await db.broadcast.updateMany({
    where: { id, status: "paused" },
    data: stillScheduled ? { status: "scheduled" } : { status: "running", startedAt: row.startedAt ?? now },
  });
  return n.count > 0;
}

/**
 * running/paused/scheduled → cancelled. Rows not yet sent stay "pending" (counted as not sent in the
 * report); messages already on the wire finish and are recorded. The worker sends the final report.
 */
export async function cancelBroadcast(db: Db, id: number): Promise<boolean> {
  const n = await db.broadcast.updateMany({
    where: { id, status: { in: ["running", "paused", "scheduled"] } },
    data: { status: "cancelled" },
  });
  return n.count > 0;
}

export async function setProgressMessage(db: Db, id: number, chatId: bigint | number, messageId: number): Promise<void> {
  await db.broadcast.update({ where: { id }, data: { progressChatId: BigInt(chatId), progressMessageId: messageId, progressText: null } });
}

export interface BroadcastStats {
  id: number;
  status: BroadcastStatus;
  createdBy: bigint;
  total: number;
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  blocked: number;
  skipped: number;
  /** pending + sending */
  remaining: number;
  createdAt: Date;
  scheduledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  progressChatId: bigint | null;
  progressMessageId: number | null;
}

/** Counts per state, from the index on (broadcastId, status). */
export async function getBroadcastStats(db: Db, id: number): Promise<BroadcastStats | null> {
  const b = await db.broadcast.findUnique({ where: { id } });
  if (!b) return null;
  const rows = await queryRaw<{ status: string; n: bigint | number }[]>(
    db,
    `SELECT "status", COUNT(*) AS n FROM "BroadcastRecipient" WHERE "broadcastId" = ? GROUP BY "status"`,
    id,
  );
  const count = (s: RecipientStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  const pending = count("pending");
  const sending = count("sending");
  return {
    id: b.id,
    status: b.status as BroadcastStatus,
    createdBy: b.createdBy,
    total: b.total,
    pending,
    sending,
    sent: count("sent"),
    failed: count("failed"),
    blocked: count("blocked"),
    skipped: count("skipped"),
    remaining: pending + sending,
    createdAt: b.createdAt,
    scheduledAt: b.scheduledAt,
    startedAt: b.startedAt,
    finishedAt: b.finishedAt,
    progressChatId: b.progressChatId,
    progressMessageId: b.progressMessageId,
  };
}

/** Broadcasts an admin can still act on (scheduled, running, paused), newest first. */
export async function listActiveBroadcasts(db: Db) {
  return db.broadcast.findMany({
    where: { status: { in: ["scheduled", "running", "paused"] } },
    orderBy: { id: "desc" },
    select: { id: true, status: true, total: true, scheduledAt: true, startedAt: true, createdBy: true, text: true },
  });
}

/** The content of a broadcast as `send` gets it (language is filled in per recipient). */
export async function loadBroadcastMessage(db: Db, id: number): Promise<Omit<BroadcastMessage, "language"> | null> {
  const b = await db.broadcast.findUnique({ where: { id } });
  if (!b) return null;
  let entities: MessageEntityLike[] = [];
  try {
    const parsed: unknown = JSON.parse(b.entities);
    if (Array.isArray(parsed)) entities = parsed as MessageEntityLike[];
  } catch {
    entities = [];
  }
  const type = b.mediaType;
  const media: BroadcastMedia | null =
    (type === "photo" || type === "document") && b.mediaFileId ? { type, fileId: b.mediaFileId } : null;
  return { broadcastId: b.id, text: b.text, entities, media, buttonEventId: b.buttonEventId };
}

export interface FailuresCsvOptions {
  /** column titles; defaults to English technical names */
  headers?: [string, string, string, string, string];
}

/**
 * Everyone who did not get the message because of an error (failed), because they blocked the bot
 * (blocked) or opted out while it was queued (skipped), as CSV with a UTF-8 BOM so Excel opens it right.
 */
export async function failuresCsv(db: Db, id: number, options: FailuresCsvOptions = {}): Promise<Buffer> {
  const rows = await db.broadcastRecipient.findMany({
    where: { broadcastId: id, status: { in: ["failed", "blocked", "skipped"] } },
    orderBy: { id: "asc" },
    select: { telegramId: true, status: true, attempts: true, lastError: true, updatedAt: true },
  });
  const headers = options.headers ?? ["telegram_id", "status", "attempts", "error", "updated_at"];
  const csv = stringify(
    rows.map((r) => [r.telegramId.toString(), r.status, r.attempts, r.lastError ?? "", r.updatedAt.toISOString()]),
    { header: true, columns: headers },
  );
  return Buffer.concat([Buffer.from("\ufeff", "utf8"), Buffer.from(csv, "utf8")]);
}
