import type { Db } from "../../db.js";

/**
 * How many feedback rows there are, for one event or for all; with `provinces` (an organiser's scope)
 * only answers about events of those provinces, as feedbackCsv exports them.
 */
export function countFeedback(db: Db, eventId?: number, provinces: readonly string[] | null = null): Promise<number> {
  return db.feedback.count({
    where: { ...(eventId !== undefined ? { eventId } : {}), ...(provinces ? { event: { province: { in: [...provinces] } } } : {}) },
  });
}
