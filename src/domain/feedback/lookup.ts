import type { Db } from "../../db.js";

/** How many feedback rows there are, for one event or for all. */
export function countFeedback(db: Db, eventId?: number): Promise<number> {
  return db.feedback.count({ where: eventId !== undefined ? { eventId } : {} });
}
