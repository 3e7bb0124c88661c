import type { Db } from "../../db.js";
import { audienceFromJson, type Audience } from "./audience.js";

/** The audience a broadcast was sent to; null when there is no such broadcast. */
export async function broadcastAudience(db: Db, id: number): Promise<Audience | null> {
  const row = await db.broadcast.findUnique({ where: { id }, select: { audience: true } });
  return row ? audienceFromJson(row.audience) : null;
}
